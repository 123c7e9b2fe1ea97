package cmd

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/stats"
	"github.com/conflictq/conflictq/quiz/text"
)

// SummaryOptions are the summary command's inputs.
type SummaryOptions struct {
	Factory *Factory
	Inputs  []string // the sums files to merge
	Output  string
	Sums    string
	Force   bool // replace an existing -o or --sums file
}

// summaryShort is the summary command's one-line summary, which the root's help and
// completion show without building the command.
const summaryShort = "Merge the statistics of sharded grading (grade --sums) into one summary"

// NewCmdSummary merges the running sums of sharded grading into one class's
// statistics.
func NewCmdSummary(f *Factory, runF func(*SummaryOptions) error) *cobra.Command {
	opts := &SummaryOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "summary SUMS...",
		Short: summaryShort,
		Long: `Merge running sums written by conflictq grade --sums on several machines or
shards into the statistics of the whole class, as if every sheet had been
graded in one run.`,
		Example: `  conflictq grade shard-1.jsonl --sums s1.json   # on one machine
  conflictq grade shard-2.jsonl --sums s2.json   # on another
  conflictq summary s1.json s2.json -o stats.md`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Inputs = args
			if opts.Sums == "-" {
				return &FlagError{Err: errors.New("--sums -: name a file for the merged sums")}
			}
			if summaryFormat(opts.Output) == "" && opts.Output != "" {
				return &FlagError{Err: fmt.Errorf("-o %s: name a .csv, .json, .md or .html file", opts.Output)}
			}
			if runF != nil {
				return runF(opts)
			}
			return summaryRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write the statistics to `FILE` (.csv, .json, .md or .html; default: a table on standard output)")
	cmd.Flags().StringVar(&opts.Sums, "sums", "", "also write the merged sums to `FILE`")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "replace an existing -o or --sums file (a device or a pipe, such as /dev/null, needs none)")
	return cmd
}

func summaryRun(opts *SummaryOptions) error {
	f := opts.Factory
	guard := newOutputGuard(nil, "one of the sums being merged", opts.Inputs...).withState(f.StateDir).withSettings(f.settingsFiles)
	if err := guard.claim("-o", opts.Output); err != nil {
		return err
	}
	if err := guard.claim("--sums", opts.Sums); err != nil {
		return err
	}
	for _, out := range []string{opts.Output, opts.Sums} {
		if !opts.Force && fileio.Replaces(out) { // with --force, not looked up
			// Last week's statistics, a teacher's notes: as grade's.
			return invalidErr(&fileio.ExistsError{Path: out})
		}
	}
	ios := opts.Factory.IOStreams
	all, err := stats.MergeFiles(opts.Inputs, func(path string) {
		// A shard whose grade found no sheet (an older conflictq wrote
		// such sums; grade now writes none: attack25 H1).
		fmt.Fprintf(ios.ErrOut, "note: %s holds no sheets: it adds nothing to the statistics\n", text.EscapeControl(path))
	})
	if err != nil {
		return invalidErr(err)
	}
	// The statistics and their sums take their names together (attack21
	// L4).
	set := outputSet(f, opts.Output, opts.Sums)
	defer set.Discard() // after an error: the old files stay as they were
	if opts.Sums != "" {
		// Checked against the inputs again just before it takes the name, as
		// every other output is.
		if err := guard.writeFileIn(set, "--sums", opts.Sums, true, fileio.Derived, writeSums(all)); err != nil {
			return err
		}
	}
	if opts.Output == "" {
		if err := set.Commit(); err != nil {
			return err
		}
		return all.Summary(lowDiscrimination).WriteText(ios.Out)
	}
	if err := writeSummary(set, all.Summary(lowDiscrimination), opts.Output); err != nil {
		return err
	}
	if err := set.Commit(); err != nil {
		return err
	}
	fmt.Fprintf(ios.ErrOut, "Class statistics written to %s\n", text.EscapeControl(opts.Output))
	return nil
}
