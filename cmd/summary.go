package cmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/stats"
	"github.com/conflictq/conflictq/quiz/text"
)

// NewCmdSummary merges the running sums of sharded grading into one class's
// statistics.
func NewCmdSummary(f *Factory) *cobra.Command {
	var output, sums string
	cmd := &cobra.Command{
		Use:   "summary SUMS...",
		Short: "Merge the statistics of sharded grading (grade --sums) into one summary",
		Long: `Merge running sums written by conflictq grade --sums on several machines or
shards into the statistics of the whole class, as if every sheet had been
graded in one run.`,
		Example: `  conflictq grade shard-1.jsonl --sums s1.json   # on one machine
  conflictq grade shard-2.jsonl --sums s2.json   # on another
  conflictq summary s1.json s2.json -o stats.md`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if summaryFormat(output) == "" && output != "" {
				return &FlagError{Err: fmt.Errorf("-o %s: name a .csv, .json, .md or .html file", output)}
			}
			for _, out := range []string{output, sums} {
				if out == "" {
					continue
				}
				if fileio.SameFileAs(out, args) != "" {
					return invalid("%s is one of the sums being merged; write to another file", out)
				}
			}
			all, err := stats.MergeFiles(args)
			if err != nil {
				return invalidErr(err)
			}
			if sums != "" {
				if err := fileio.WriteFile(sums, true, writeJSONTo(all)); err != nil {
					return err
				}
			}
			if output == "" {
				return all.Summary(lowDiscrimination).WriteText(f.IOStreams.Out)
			}
			if err := writeSummary(all.Summary(lowDiscrimination), output); err != nil {
				return err
			}
			fmt.Fprintf(f.IOStreams.ErrOut, "Class statistics written to %s\n", text.EscapeControl(output))
			return nil
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "write the statistics to `FILE` (.csv, .json, .md or .html; default: a table on standard output)")
	cmd.Flags().StringVar(&sums, "sums", "", "also write the merged sums to `FILE`")
	return cmd
}
