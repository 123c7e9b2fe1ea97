package cmd

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/stats"
	"github.com/conflictq/conflictq/quiz/text"
)

// NewCmdSummary merges the running sums of sharded grading into one class's
// statistics.
func NewCmdSummary(f *Factory) *cobra.Command {
	var output, sums string
	var force bool
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
			if sums == "-" {
				return &FlagError{Err: errors.New("--sums -: name a file for the merged sums")}
			}
			if summaryFormat(output) == "" && output != "" {
				return &FlagError{Err: fmt.Errorf("-o %s: name a .csv, .json, .md or .html file", output)}
			}
			guard := newOutputGuard(nil, "one of the sums being merged", args...).withState(f.StateDir).withSettings(f.settingsFiles)
			if err := guard.claim("-o", output); err != nil {
				return err
			}
			if err := guard.claim("--sums", sums); err != nil {
				return err
			}
			for _, out := range []string{output, sums} {
				if _, err := os.Stat(out); err == nil && !force {
					// Last week's statistics, a teacher's notes: as grade's.
					return invalidErr(&fileio.ExistsError{Path: out})
				}
			}
			var all *stats.Stats
			given := map[string]bool{}
			for _, path := range args {
				abs, err := filepath.EvalSymlinks(path) // a link to a shard is that shard
				if err != nil {
					abs = path
				}
				abs, _ = filepath.Abs(abs)
				if given[abs] {
					return invalid("%s is given twice: its students would be counted twice", path)
				}
				given[abs] = true
				data, err := fileio.ReadFileLimited(path)
				if err != nil {
					return invalidErr(err)
				}
				var s stats.Stats
				if err := json.Unmarshal(data, &s); err != nil {
					var syntax *json.SyntaxError
					var typ *json.UnmarshalTypeError
					if errors.As(err, &syntax) || errors.As(err, &typ) {
						err = errors.New("not conflictq statistics sums (written by grade --sums)")
					}
					return invalid("%s: %v", path, err)
				}
				if all == nil {
					all = &s
				} else if err := all.Merge(&s); err != nil {
					return invalid("%s: %v (the shards must be graded on the same questions)", path, err)
				}
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
	cmd.Flags().BoolVar(&force, "force", false, "replace an existing -o or --sums file")
	return cmd
}
