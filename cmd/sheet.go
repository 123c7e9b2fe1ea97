package cmd

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/report"
	"github.com/conflictq/conflictq/quiz/sheet"
	"github.com/conflictq/conflictq/quiz/text"
)

// SheetOptions are the sheet command's inputs.
type SheetOptions struct {
	Factory *Factory
	Selection
	Format string
	badExt string // -o's extension, when it names no sheet format
	Output string
	Force  bool
	Key    bool
	From   string // the sheet (or quiz report) whose banks, seed and selection to use

	// asked are a quiz report's questions (bank and id), in the order the
	// quiz asked them, when From is a report; digests are its banks'
	// digests when the quiz was taken (bank_digests), if it records them.
	asked   []quiz.Ref
	digests map[string]string
}

// sheetShort is the sheet command's one-line summary, which the root's help and
// completion show without building the command.
const sheetShort = "Write a blank answer sheet (or, with --key, the answer key)"

// NewCmdSheet writes blank answer sheets and answer keys.
func NewCmdSheet(f *Factory, runF func(*SheetOptions) error) *cobra.Command {
	opts := &SheetOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "sheet",
		Short: sheetShort,
		Long: `Write an answer sheet to fill in with an editor and grade with conflictq grade.

The YAML sheet shows each question and its options, lettered as the paper test
(bank export) letters them, as comments above the line to fill in. Answer with
an option's letter, number or text; a list for several options ([a, c]) or an
order's item numbers ([3, 1, 2]); number=letter pairs for matching; text for
the rest. The sheet records its seed, so letters keep meaning the options as
shown, and the selection (-n, --tag, --difficulty, --type), so grading asks the
same questions.

--key writes the answer key of a sheet: --key --from answers.yaml gives the key
of that exact sheet (its banks, seed and selection). --key needs --from or
--seed: without them a random seed would pick other questions than the
students'. The key gives each choice's letter as on the sheet with its text,
and match questions one pair a line, for marking paper; grading it gives 100%.

` + setHelp + ` A sheet records its set and seed:
write one sheet per student with --set and no --seed, and the key of each with
--key --from.`,
		Example: `  conflictq sheet --bank comprehension -n 10 -o answers.yaml
  conflictq sheet --key --from answers.yaml -o key.yaml
  conflictq sheet --bank comprehension -n 10 --set 9c -o ana.yaml
  conflictq sheet --bank timeline --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.SeedSet = cmd.Flags().Changed("seed")
			opts.SetGiven = cmd.Flags().Changed("set")
			// -o ana.json writes JSON, as quiz -o and bank export -o pick
			// their format; a --format the extension contradicts wins, with
			// a note (a sheet.json holding YAML was unreadable to grade).
			// An extension that names no sheet format (.jsonl, .txt) is
			// refused, as bank export refuses one: grade would read a
			// .jsonl as JSON lines and a .txt not at all.
			fromExt := fileio.FormatOf(opts.Output, "yaml", "json")
			switch ext := filepath.Ext(opts.Output); {
			case fromExt == "" && ext != "" && opts.Output != "-":
				opts.badExt = ext // refused once the output guard has had its say
			case fromExt == "":
			case !cmd.Flags().Changed("format"):
				opts.Format = fromExt
			case fromExt != opts.Format:
				fmt.Fprintf(f.IOStreams.ErrOut, "note: writing %s to %s, as --format says (its extension is %s's)\n", opts.Format, text.EscapeControl(opts.Output), fromExt)
			}
			if err := opts.checkCount(f); err != nil {
				return err
			}
			if opts.From != "" {
				for _, name := range []string{"bank", "count", "tag", "difficulty", "type", "set", "seed"} {
					if cmd.Flags().Changed(name) {
						return &FlagError{Err: fmt.Errorf("--from %s takes the banks, seed and selection from that sheet; leave out --%s", opts.From, name)}
					}
				}
			} else if opts.Key && !opts.SeedSet {
				return &FlagError{Err: fmt.Errorf("--key needs --from SHEET (the key of that sheet) or --seed N (the sheet's seed): " +
					"without them a random seed picks other questions than the students' sheet")}
			}
			if runF != nil {
				return runF(opts)
			}
			return sheetRun(opts)
		},
	}
	fl := cmd.Flags()
	addSelectionFlags(fl, &opts.Selection, "recorded in the sheet")
	fl.Var(newFormat(&opts.Format, "yaml", "yaml", "json"), "format", "yaml (or yml), with the questions as comments, or json")
	fl.StringVarP(&opts.Output, "output", "o", "", "write to `FILE` (default: standard output); a .json name writes JSON unless --format says otherwise")
	fl.BoolVar(&opts.Force, "force", false, "overwrite an existing file")
	fl.BoolVar(&opts.Key, "key", false, "fill in the right answers (a teacher's key); needs --from or --seed")
	fl.StringVar(&opts.From, "from", "", "use the banks, seed and selection of this `SHEET` (with --key: its answer key)")
	_ = cmd.RegisterFlagCompletionFunc("bank", bankCompletion(f))
	_ = cmd.RegisterFlagCompletionFunc("tag", tagCompletion(f))
	_ = cmd.RegisterFlagCompletionFunc("difficulty", cobra.FixedCompletions(quiz.Difficulties, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("type", typeCompletion)
	return cmd
}

func sheetRun(opts *SheetOptions) error {
	f := opts.Factory
	if opts.From != "" {
		if err := selectionFrom(opts); err != nil {
			return err
		}
	}
	banks, err := loadBanks(f.IOStreams, f.Library(), opts.Banks)
	if err != nil {
		return err
	}
	if !opts.SeedSet {
		opts.Seed = f.NewSeed()
	}
	var questions []*quiz.Presented
	if opts.asked != nil {
		if questions, err = reportQuestions(opts, banks); err != nil {
			return err
		}
	} else if questions, err = quiz.Select(banks, opts.Filter(), opts.Seed); err != nil {
		return invalidErr(fmt.Errorf("%w in %s", err, strings.Join(quiz.BankIDs(banks), ", ")))
	}
	asked := make([]*quiz.Question, len(questions))
	for i, q := range questions {
		asked[i] = q.Question
	}
	if err := quiz.CheckDistinctIDs(banks, asked); err != nil {
		return invalidErr(err)
	}
	write := func(w io.Writer) error {
		if opts.badExt != "" {
			return fmt.Errorf("-o %s: a sheet is written as yaml or json; name a file ending in %s (grade reads those), or leave out -o",
				opts.Output, strings.Join(fileio.Exts("yaml", "json"), ", "))
		}
		if opts.Format == "json" {
			return sheet.WriteJSON(w, questions, sheetLayout(opts))
		}
		// A sheet grade would refuse is not written: a bank of long choice
		// lists can give one over the YAML cap.
		var buf bytes.Buffer
		if err := sheet.WriteYAML(&buf, questions, sheetLayout(opts)); err != nil {
			return err
		}
		if n := quiz.YAMLItems(buf.Bytes()); n > quiz.MaxYAMLItems {
			where := "the sheet"
			if opts.Output != "" && opts.Output != "-" {
				where = opts.Output
			}
			return invalid("%s would have %d lines and commas, and grade reads YAML files of at most %d; choose fewer questions (-n) or write it with --format json", where, n, quiz.MaxYAMLItems)
		}
		_, err := buf.WriteTo(w)
		return err
	}
	if opts.Output == "" || opts.Output == "-" {
		return write(f.IOStreams.Out)
	}
	if err := newOutputGuard(f.Library(), "the sheet --from names", opts.From).withState(f.StateDir).withSettings(f.settingsFiles).writeFile("-o", opts.Output, opts.Force, fileio.Derived, write); err != nil {
		return invalidErr(err)
	}
	fmt.Fprintf(f.IOStreams.ErrOut, "Wrote %s (%s)\n", text.EscapeControl(opts.Output), text.Count(len(questions), "question"))
	return nil
}

// selectionFrom takes the banks, seed and selection of the sheet --from names,
// so that its key (or a copy) asks exactly its questions.
func selectionFrom(opts *SheetOptions) error {
	data, err := fileio.ReadFileLimited(opts.From)
	if err != nil {
		return invalidErr(err)
	}
	if sheet.IsReport(data) {
		return selectionFromReport(opts, data)
	}
	sh, err := sheet.Read(opts.From, 0, data)
	if err != nil {
		return invalidErr(err)
	}
	if len(sh.Banks) == 0 || sh.Seed == nil {
		return invalid("%s: a sheet that names its banks and seed is needed (conflictq sheet writes both)", opts.From)
	}
	opts.Banks = sheet.ResolveBanks(sh.Banks, opts.From)
	opts.Seed, opts.SeedSet = *sh.Seed, true
	opts.Count, opts.Tags, opts.Difficulty, opts.Types, opts.Set = sh.Count, sh.Tags, sh.Difficulty, sh.Types, sh.Set
	return nil
}

// selectionFromReport takes the banks, seed and questions of a quiz's
// report: the key of what that student was asked, with the options numbered
// as the quiz showed them.
func selectionFromReport(opts *SheetOptions, data []byte) error {
	rep, err := report.ReadAnswers(opts.From, data) // as grade and mark read it
	if err != nil {
		return invalidErr(err)
	}
	if len(rep.Banks) == 0 || rep.Seed == nil || len(rep.Questions) == 0 {
		return invalid("%s: a quiz report that names its banks, seed and questions is needed (this one lacks some: a --review quiz records no seed)", opts.From)
	}
	opts.Banks = sheet.ResolveBanks(rep.Banks, opts.From)
	opts.Seed, opts.SeedSet = *rep.Seed, true
	types, err := quiz.ParseTypes(rep.Types)
	if err != nil {
		return invalid("%s: types: %v", opts.From, err)
	}
	if rep.Set != "" {
		if err := quiz.CheckSetName(rep.Set); err != nil {
			return invalid("%s: set %q: %v", opts.From, rep.Set, err)
		}
	}
	// Checked and normalised as --difficulty is: one check, one message.
	opts.Difficulty = ""
	if rep.Difficulty != "" {
		if err := newEnum(&opts.Difficulty, "", quiz.Difficulties...).Set(rep.Difficulty); err != nil {
			return invalid("%s: difficulty: %v", opts.From, err)
		}
	}
	opts.Set, opts.Types, opts.Tags = rep.Set, types, rep.Tags
	opts.digests = rep.BankDigests
	opts.asked = make([]quiz.Ref, len(rep.Questions))
	for i, q := range rep.Questions {
		opts.asked[i] = quiz.Ref{Bank: q.Bank, ID: q.ID}
	}
	return nil
}

// reportQuestions are a report's questions, as the quiz showed them. When
// the same seed, set and types with their count pick exactly them, the sheet
// records that selection, so that grading the key (or a copy filled in)
// asks the same questions. A report whose tags or difficulty no longer pick
// them is refused: a key for them would be graded on every question of its
// banks (attack14 #5); one that records neither (written before reports
// recorded them) makes the key with a note.
func reportQuestions(opts *SheetOptions, banks []*quiz.Bank) ([]*quiz.Presented, error) {
	qs, selected, err := quiz.Reselect(banks, opts.asked, quiz.Filter{Set: opts.Set, Types: opts.Types, Tags: opts.Tags, Difficulty: opts.Difficulty}, opts.Seed)
	if err != nil {
		return nil, invalidErr(fmt.Errorf("%s: %w in %s", opts.From, err, strings.Join(quiz.BankIDs(banks), ", ")))
	}
	if selected {
		opts.Count = len(opts.asked)
		return qs, nil
	}
	if len(opts.Tags) > 0 || opts.Difficulty != "" {
		what, verb := "tags", "pick"
		switch {
		case len(opts.Tags) > 0 && opts.Difficulty != "":
			what = "tags and difficulty"
		case opts.Difficulty != "":
			what, verb = "difficulty", "picks"
		}
		why := fmt.Sprintf("its %s no longer %s these questions with its seed (were the bank's %s, or the report's, edited since the quiz?)", what, verb, what)
		if changed := changedBanks(opts.digests, banks); len(changed) > 0 {
			why = fmt.Sprintf("the bank changed since the report (%s), so its %s no longer %s these questions with its seed", strings.Join(changed, "; "), what, verb)
		}
		return nil, invalid("%s: %s; no key is written, as one would be graded on every question of its banks; grade the report itself: conflictq grade %s",
			text.EscapeControl(opts.From), why, text.CommandWord(opts.From))
	}
	opts.Set, opts.Types, opts.Tags, opts.Difficulty = "", nil, nil, "" // not a selection that asks these
	fmt.Fprintf(opts.Factory.IOStreams.ErrOut, "note: %s was a quiz on a selection its report does not record (--review, or --tag or --difficulty in a report written before reports recorded them), or the banks have changed since: the sheet has its questions, but grading it asks every question of its banks\n", text.EscapeControl(opts.From))
	return qs, nil
}

// changedBanks names the banks whose digest is not the one a report
// recorded ("timeline: digest 1a2b, now 3c4d"); none when it records none.
func changedBanks(digests map[string]string, banks []*quiz.Bank) []string {
	var changed []string
	for _, b := range banks {
		if want := digests[b.ID]; want != "" {
			if now := b.Digest(); now != want {
				changed = append(changed, fmt.Sprintf("%s: digest %s, now %s", b.ID, text.EscapeControl(want), now))
			}
		}
	}
	return changed
}

// sheetHeader gives the sheet's student and banks. A bank file is named by
// its path from the sheet's own directory, so that grading finds it wherever
// the sheet is graded from.
func sheetHeader(opts *SheetOptions) (student string, banks []string) {
	if opts.Key {
		student = sheet.KeyStudent
	}
	for _, ref := range opts.Banks {
		if quiz.IsPath(ref) && opts.Output != "" && opts.Output != "-" {
			ref = sheet.BankPath(ref, filepath.Dir(opts.Output))
		}
		banks = append(banks, ref)
	}
	return student, banks
}

// sheetLayout is the header sheet writes, from the options.
func sheetLayout(opts *SheetOptions) sheet.Layout {
	student, banks := sheetHeader(opts)
	return sheet.Layout{Student: student, Banks: banks, Seed: opts.Seed, Set: opts.Set, Count: opts.Count, Tags: opts.Tags, Difficulty: opts.Difficulty, Types: opts.Types, Key: opts.Key}
}
