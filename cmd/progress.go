package cmd

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/conflictq/conflictq/cmd/internal/iostreams"
	"github.com/conflictq/conflictq/cmd/internal/prompt"
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/history"
	"github.com/conflictq/conflictq/quiz/session"
	"github.com/conflictq/conflictq/quiz/text"
)

// ProgressOptions are the progress command's inputs.
type ProgressOptions struct {
	IO       *iostreams.IOStreams
	Library  func() *quiz.Library
	Prompter func() session.Prompter
	Now      func() time.Time
	StateDir func() (string, error)

	Student  string
	Banks    []string
	BanksSet bool
	JSON     bool
	Format   string
	Forget   bool
	Plain    bool
}

const progressLong = `Show what you have learnt: for each bank and each tag you have answered, the
questions seen, mastery (the share right at your latest answer), the questions
due for review now and within a week, and your scores across sessions.

On a terminal mastery is a bar and the scores a sparkline; piped, or with
--plain, they are numbers. --json writes the same figures with stable field
names; --format csv exports every answer in your history, one a row, for a
teacher or a spreadsheet.

Your history is kept in $XDG_STATE_HOME/conflictq/history/ (usually
~/.local/state/conflictq/history/), one file per --student. --forget deletes
it, its cache and the answers of your quizzes stopped early, after asking.`

const progressExample = `  conflictq progress
  conflictq progress --student Ana --json
  conflictq progress --format csv > ana.csv
  conflictq progress --forget --student Ana`

// progressShort is the progress command's one-line summary, which the root's help and
// completion show without building the command.
const progressShort = "Show your progress, or export or forget your history"

// NewCmdProgress builds the progress command.
func NewCmdProgress(f *Factory, runF func(*ProgressOptions) error) *cobra.Command {
	opts := &ProgressOptions{IO: f.IOStreams, Library: f.Library, Prompter: f.Prompter, Now: f.Now, StateDir: f.StateDir}
	cmd := &cobra.Command{
		Use:     "progress",
		Short:   progressShort,
		Long:    progressLong,
		Example: progressExample,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.BanksSet = cmd.Flags().Changed("bank")
			if opts.JSON {
				if cmd.Flags().Changed("format") && opts.Format != "json" {
					return &FlagError{Err: errors.New("give --json or --format, not both")}
				}
				opts.Format = "json"
			}
			if opts.Forget && cmd.Flags().Changed("format") {
				return &FlagError{Err: errors.New("--forget deletes the history; it writes no --format")}
			}
			if runF != nil {
				return runF(opts)
			}
			return progressRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Student, "student", "", "the student whose history it is (`name`): one file each on a shared computer")
	stringArrayVar(fl, &opts.Banks, "bank", nil, "only this bank: a `name` or a file (repeatable; default: every embedded bank)")
	fl.BoolVar(&opts.JSON, "json", false, "write JSON (as --format json)")
	fl.Var(newFormat(&opts.Format, "text", "text", "json", "csv"), "format", "text, json, or csv (every answer, one a row)")
	fl.BoolVar(&opts.Forget, "forget", false, "delete the history, after asking")
	fl.BoolVar(&opts.Plain, "plain", false, "numbers instead of bars, also on a terminal (for screen readers)")
	_ = cmd.RegisterFlagCompletionFunc("bank", bankCompletion(f))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json", "csv"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func progressRun(opts *ProgressOptions) error {
	ios := opts.IO
	path, err := historyPath(opts.StateDir, opts.Student, ios.ErrOut)
	if err != nil {
		return invalid("cannot find the history: %v", err)
	}
	if opts.Forget {
		return forgetHistory(opts, path)
	}
	shown := text.EscapeControl(path) // $XDG_STATE_HOME may hold anything
	refs := opts.Banks
	if !opts.BanksSet {
		refs = opts.Library().Names()
	}
	if opts.Format == "csv" {
		var only map[string]bool // --bank: only these banks' answers
		if opts.BanksSet {
			banks, err := loadBanksForStudents(ios, opts.Library(), refs)
			if err != nil {
				return err
			}
			only = map[string]bool{}
			for _, b := range banks {
				only[b.ID] = true
			}
		}
		var rows []history.Record
		warnings, err := history.Scan(path, func(r *history.Record) {
			if only == nil || only[r.Bank] {
				rows = append(rows, *r)
			}
		})
		printWarnings(ios.ErrOut, warnings)
		if err != nil {
			return invalidErr(err)
		}
		return history.WriteCSV(ios.Out, rows)
	}
	banks, err := loadBanksForStudents(ios, opts.Library(), refs)
	if err != nil {
		return err
	}
	sched, warnings, err := history.Replay(path)
	printWarnings(ios.ErrOut, warnings)
	if err != nil {
		return invalidErr(err)
	}
	_ = sched.SaveState() // a cache for the next review
	view := sched.For(banks)
	if opts.Format == "json" {
		return view.Summarize(opts.Student, opts.Now()).WriteJSON(ios.Out)
	}
	// The text shows each line's latest sessions: a year has hundreds.
	p := view.SummarizeLatest(opts.Student, opts.Now(), history.TextSessions)
	if p.Answers == 0 {
		switch n := sched.Replayed(); {
		case n > 0 && !opts.BanksSet:
			fmt.Fprintf(ios.ErrOut, "%s holds %d %s, none to the embedded banks as they are now: give --bank FILE for a bank of your own.\n",
				shown, n, text.Plural(n, "answer", "answers"))
		case n > 0:
			fmt.Fprintf(ios.ErrOut, "%s holds %d %s, none to these banks as they are now.\n", shown, n, text.Plural(n, "answer", "answers"))
		default:
			fmt.Fprintf(ios.ErrOut, "No answers in %s yet: take a quiz (conflictq quiz), then come back.\n", shown)
		}
	}
	// Bars on a terminal (or with CLICOLOR_FORCE), numbers when piped.
	bars := !opts.Plain && (ios.IsStdoutTTY() || ios.ColorEnabled())
	return p.WriteText(ios.Out, history.TextOptions{Bars: bars})
}

// forgetHistory deletes a student's history, its cache and the answers of
// their quizzes stopped early (saveInState), after asking.
func forgetHistory(opts *ProgressOptions, path string) error {
	ios := opts.IO
	incomplete, left := incompleteReports(opts.StateDir, opts.Student)
	left = append(left, history.Leftovers(path)...)
	if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) && len(incomplete) == 0 && len(left) == 0 {
		fmt.Fprintf(ios.ErrOut, "There is no history to forget (%s).\n", text.EscapeControl(path))
		return nil
	}
	if err := history.CheckForget(path); err != nil {
		return invalidErr(fmt.Errorf("nothing was deleted: %w", err))
	}
	var p session.Prompter
	if ios.CanPrompt() {
		p = opts.Prompter()
	} else {
		p = prompt.NewPlain(ios.In, ios.ErrOut, !ios.IsStdinTTY())
	}
	who := "your"
	if opts.Student != "" {
		who = text.Printable(opts.Student) + "'s"
	}
	what := fmt.Sprintf("%s history (%s)", who, text.EscapeControl(path))
	if n := len(incomplete); n > 0 {
		what += fmt.Sprintf(" and %d %s stopped early", n, text.Plural(n, "quiz", "quizzes"))
	}
	if n := len(left); n > 0 {
		what += fmt.Sprintf(" and %d unfinished %s of them", n, text.Plural(n, "copy", "copies"))
	}
	ok, err := p.Confirm(fmt.Sprintf("Delete %s? This cannot be undone.", what), false)
	if err != nil {
		if errors.Is(err, session.ErrInterrupted) {
			return silent(ExitInterrupted)
		}
		return &ExitError{Code: ExitInvalid, Err: errors.New("nothing was deleted: no answer to the question")}
	}
	if !ok {
		fmt.Fprintln(ios.ErrOut, "Nothing was deleted.")
		return nil
	}
	if err := history.Forget(path); err != nil {
		return err
	}
	for _, f := range append(incomplete, left...) {
		if err := os.Remove(f); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	fmt.Fprintf(ios.ErrOut, "Deleted %s.\n", what)
	return nil
}

// incompleteReports are the reports saveInState kept for a student, named
// by history.FileKey as fileio.WriteInDir names them, and what a save
// killed midway left of one (fileio.LeftInDir): it holds answers too.
func incompleteReports(stateDir func() (string, error), student string) (reports, left []string) {
	dir, err := stateDir()
	if err != nil {
		return nil, nil
	}
	dir = filepath.Join(dir, "incomplete")
	return fileio.WrittenInDir(dir, history.FileKey(student)), fileio.LeftInDir(dir, history.FileKey(student))
}
