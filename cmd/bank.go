package cmd

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/export"
	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/text"
	"github.com/conflictq/conflictq/quiz/worksheet"
)

// bankShort is the bank command's one-line summary, which the root's help and
// completion show without building the command.
const bankShort = "List, show, validate and export question banks"

// bankCommand is bank with its commands, each built when reached (newRootFor).
func bankCommand() lazyCommand {
	return lazyCommand{name: "bank", short: bankShort, build: newCmdBankGroup, children: []lazyCommand{
		{name: "list", short: bankListShort, build: func(f *Factory) *cobra.Command { return NewCmdBankList(f, nil) }},
		{name: "show", short: bankShowShort, build: func(f *Factory) *cobra.Command { return NewCmdBankShow(f, nil) }},
		{name: "validate", short: bankValidateShort, build: func(f *Factory) *cobra.Command { return NewCmdBankValidate(f, nil) }},
		{name: "export", short: bankExportShort, build: func(f *Factory) *cobra.Command { return NewCmdBankExport(f, nil) }},
		{name: "convert", short: bankConvertShort, build: func(f *Factory) *cobra.Command { return NewCmdBankConvert(f, nil) }},
	}}
}

// newCmdBankGroup is bank without its commands.
func newCmdBankGroup(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "bank",
		Short: bankShort,
		Long: `Question banks are YAML files (the format is in the README). conflictq embeds its
own; --bank accepts an embedded bank's name or a path to a bank file anywhere:
YAML, Moodle GIFT (.gift, .txt), Moodle XML (.xml) or Aiken (.aiken).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
}

// BankListOptions are bank list's inputs.
type BankListOptions struct {
	Factory *Factory
	JSON    bool
}

// bankListShort is bank list's one-line summary, which its group's help and completion
// show without building the command.
const bankListShort = "List the embedded banks"

// NewCmdBankList lists the embedded banks.
func NewCmdBankList(f *Factory, runF func(*BankListOptions) error) *cobra.Command {
	opts := &BankListOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "list",
		Short: bankListShort,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return bankListRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	return cmd
}

func bankListRun(opts *BankListOptions) error {
	f := opts.Factory
	lib := f.Library()
	type row struct {
		Name        string `json:"name"`
		Title       string `json:"title"`
		Questions   int    `json:"questions"`
		Description string `json:"description"`
	}
	var rows []row
	for _, name := range lib.Names() {
		b, _, err := lib.Load(name)
		if err != nil {
			return err
		}
		rows = append(rows, row{name, b.Title, len(b.Questions), strings.TrimSpace(b.Description)})
	}
	out := f.IOStreams.Out
	if opts.JSON {
		return text.WriteJSON(out, rows)
	}
	// The table in one write: tabwriter writes each cell and each cell's
	// padding apart, 43 system calls for the built-in banks.
	buffered := bufio.NewWriter(out)
	tw := tabwriter.NewWriter(buffered, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tQUESTIONS\tTITLE")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%d\t%s\n", r.Name, r.Questions, r.Title)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return buffered.Flush()
}

// BankShowOptions are bank show's inputs.
type BankShowOptions struct {
	Factory *Factory
	Bank    string // a name or a file
	Answers bool
}

// bankShowShort is bank show's one-line summary, which its group's help and completion
// show without building the command.
const bankShowShort = "Show a bank's questions, with counts by type, difficulty and tag"

// NewCmdBankShow shows a bank's questions.
func NewCmdBankShow(f *Factory, runF func(*BankShowOptions) error) *cobra.Command {
	opts := &BankShowOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "show NAME|FILE",
		Short: bankShowShort,
		Example: `  conflictq bank show timeline                 # the questions, and the tags to pick with --tag
  conflictq bank show comprehension --answers  # a teacher's view, with each answer
  conflictq bank show ./my-bank.yaml`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: bankArgCompletion(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Bank = args[0]
			if runF != nil {
				return runF(opts)
			}
			return bankShowRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Answers, "answers", false, "show each question's answer (a teacher's view)")
	return cmd
}

func bankShowRun(opts *BankShowOptions) error {
	f := opts.Factory
	banks, err := loadBanks(f.IOStreams, f.Library(), []string{opts.Bank})
	if err != nil {
		return err
	}
	f.IOStreams.StartPager()
	defer f.IOStreams.StopPager()
	showBank(f.IOStreams.Out, banks[0], opts.Answers)
	return nil
}

func showBank(w io.Writer, b *quiz.Bank, withAnswers bool) {
	fmt.Fprintf(w, "%s — %s\n", b.ID, b.Title)
	if d := strings.TrimSpace(b.Description); d != "" {
		fmt.Fprintf(w, "%s\n", d)
	}
	types, diffs, tags := map[string]int{}, map[string]int{}, quiz.TagCounts(b)
	for _, q := range b.Questions {
		types[string(q.Type)]++
		diffs[q.Difficulty]++
	}
	if len(b.Questions) == 1 {
		fmt.Fprintf(w, "\n1 question\n")
	} else {
		fmt.Fprintf(w, "\n%d questions\n", len(b.Questions))
	}
	fmt.Fprintf(w, "  by type:       %s\n", counts(types))
	if diffs[""] == len(b.Questions) {
		fmt.Fprintf(w, "  by difficulty: none given\n")
	} else {
		fmt.Fprintf(w, "  by difficulty: %s\n", counts(diffs))
	}
	fmt.Fprintf(w, "  by tag:        %s\n\n", counts(tags))
	for i, q := range b.Questions {
		kind := string(q.Type)
		if q.Difficulty != "" {
			kind += ", " + q.Difficulty
		}
		fmt.Fprintf(w, "%2d. [%s] %s\n    %s\n", i+1, kind, q.ID, q.Prompt)
		if withAnswers {
			fmt.Fprintf(w, "    answer: %s\n", q.Expected())
		}
	}
}

func counts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		name := k
		if name == "" {
			name = "(none)"
		}
		parts[i] = fmt.Sprintf("%s %d", name, m[k])
	}
	return strings.Join(parts, ", ")
}

func bankArgCompletion(f *Factory) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	complete := bankCompletion(f)
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 && cmd.Args != nil && cmd.Name() != "validate" {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return complete(cmd, args, toComplete)
	}
}

// BankValidateOptions are bank validate's inputs.
type BankValidateOptions struct {
	Factory *Factory
	Banks   []string // names or files
}

// bankValidateShort is bank validate's one-line summary, which its group's help and completion
// show without building the command.
const bankValidateShort = "Check banks and list every problem with its line"

// NewCmdBankValidate checks banks.
func NewCmdBankValidate(f *Factory, runF func(*BankValidateOptions) error) *cobra.Command {
	opts := &BankValidateOptions{Factory: f}
	return &cobra.Command{
		Use:   "validate FILE...",
		Short: bankValidateShort,
		Long: `Check one or more banks (files, or embedded names) and list every problem with
file:line, question id and field. Warnings (a missing explanation or citation)
do not fail a bank. Exit 2 when any bank has an error.`,
		Args:              cobra.MinimumNArgs(1),
		ValidArgsFunction: bankArgCompletion(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Banks = args
			if runF != nil {
				return runF(opts)
			}
			return bankValidateRun(opts)
		},
	}
}

func bankValidateRun(opts *BankValidateOptions) error {
	f := opts.Factory
	lib := f.Library()
	failed := 0
	for _, ref := range opts.Banks {
		b, warnings, err := lib.Load(ref)
		var inv *quiz.InvalidError
		switch {
		case errors.As(err, &inv):
			failed++
			for _, p := range inv.Problems {
				fmt.Fprintln(f.IOStreams.ErrOut, p.Error())
			}
			if more := inv.MoreLine(); more != "" {
				fmt.Fprintln(f.IOStreams.ErrOut, more)
			}
			if n := quiz.CountErrors(inv.Problems) + inv.More; n == 1 {
				fmt.Fprintf(f.IOStreams.Out, "%s: 1 problem\n", text.EscapeControl(ref))
			} else {
				fmt.Fprintf(f.IOStreams.Out, "%s: %d problems\n", text.EscapeControl(ref), n)
			}
		case err != nil:
			failed++
			fmt.Fprintln(f.IOStreams.ErrOut, text.EscapeLines(err.Error()))
			fmt.Fprintf(f.IOStreams.Out, "%s: could not be read\n", text.EscapeControl(ref))
		default:
			for _, w := range warnings {
				fmt.Fprintln(f.IOStreams.ErrOut, w.Error())
			}
			note := ""
			switch len(warnings) {
			case 0:
			case 1:
				note = ", 1 warning"
			default:
				note = fmt.Sprintf(", %d warnings", len(warnings))
			}
			count := fmt.Sprintf("%d questions", len(b.Questions))
			if len(b.Questions) == 1 {
				count = "1 question"
			}
			fmt.Fprintf(f.IOStreams.Out, "%s: ok (%s%s)\n", text.EscapeControl(ref), count, note)
		}
	}
	if failed > 0 {
		return silent(ExitInvalid)
	}
	return nil
}

// BankExportOptions are bank export's inputs.
type BankExportOptions struct {
	Factory   *Factory
	Bank      string // a name or a file
	Format    string // one of export.Formats; from Output's extension when not given
	Output    string
	KeyFile   string
	Force     bool
	NoKey     bool
	Selection Selection
	Paper     worksheet.Paper // a worksheet's questions and key, from the flags above

	keyFormat  string // the key's format: its file's extension's, else the worksheet's
	formatNote string // what to say when --format and -o's extension disagree
	formatErr  error  // an extension no format has: refused after the output guard's checks
}

// bankExportShort is bank export's one-line summary, which its group's help and completion
// show without building the command.
const bankExportShort = "Write a bank as JSON, YAML, GIFT, Moodle XML, QTI, Aiken, a Markdown or HTML worksheet, or Anki cards"

// NewCmdBankExport writes a bank for another tool.
func NewCmdBankExport(f *Factory, runF func(*BankExportOptions) error) *cobra.Command {
	opts := &BankExportOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "export NAME|FILE",
		Short: bankExportShort,
		Long: `Write a bank for another tool:

  json, yaml  conflictq's own format
  gift        Moodle's GIFT; order questions become matching ones (said on stderr)
  moodlexml   Moodle XML, with partial credit, tags, idnumbers and feedback
  qti         an IMS QTI 1.2 zip, which Canvas imports as a quiz; what it
              cannot hold is said on stderr
  aiken       single-choice questions only; the others are skipped (counted on stderr)
  markdown    a printable worksheet with an answer key, for classes without terminals
  html        the same worksheet as one web page to print on A4 from any browser
              (no Markdown viewer or pandoc needed); its key after a page break
  anki        tab-separated cards to import into Anki

A worksheet can hold part of a bank: -n takes that many questions, picked and
ordered by --seed as conflictq quiz and conflictq sheet pick them (so a sheet
with the same seed and -n matches its letters); --tag keeps questions with a
tag; --type closed leaves out the open questions (or --type names the types to
keep: single, multi, truefalse, short, numeric, order, match, open); --set
NAME picks the questions as quiz --set NAME and sheet --set NAME do (the same
set on paper and on screen, given the same -n, --tag and --type), ordered by
--seed. --no-key leaves
the answer key out, for a test to hand out; --key FILE writes the key to a
file of its own (in its extension's format, .md or .html, or with no
extension the worksheet's).

The format is --format, else -o's extension (.json, .yaml, .gift, .xml,
.zip, .aiken, .md, .html, .tsv), else JSON; an extension no format has is
refused. Both files are checked before either is written.`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: bankArgCompletion(f),
		Example: `  conflictq bank export comprehension --format json -o comprehension.json
  conflictq bank export timeline --format gift -o timeline.gift
  conflictq bank export comprehension --format markdown -o worksheet.md
  conflictq bank export comprehension -n 10 --seed 42 -o test.md --key key.md
  conflictq bank export comprehension -n 10 --set 9c --seed 42 -o test.html --key key.html
  conflictq bank export timeline --tag chronology --no-key -o timeline-test.md`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Bank = args[0]
			opts.formatErr = exportFormats(opts)
			if err := opts.Selection.checkTypes(f); err != nil {
				return err
			}
			sel := opts.Selection
			opts.Paper = worksheet.Paper{
				Filter:  quiz.Filter{Tags: sel.Tags, Types: sel.Types, Count: sel.Count, Set: sel.Set},
				Seed:    sel.Seed,
				Shuffle: cmd.Flags().Changed("seed"),
			}
			if opts.NoKey || opts.KeyFile != "" {
				opts.Paper.Key = worksheet.NoKey
			}
			opts.Paper.Made, opts.Paper.Command = paperMade(opts.Bank, opts.Paper)
			if err := checkExportFlags(cmd, opts); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return bankExportRun(opts)
		},
	}
	cmd.Flags().Var(newFormat(&opts.Format, "", export.Formats()...), "format", "json, yaml (or yml), gift (or txt), moodlexml (or xml), qti (or zip), aiken, markdown (or md), html (or htm) or anki (or tsv) (default: from -o's extension, else json)")
	cmd.Flags().IntVarP(&opts.Selection.Count, "count", "n", 0, "worksheet: at most `N` questions, picked by --seed (0: all)")
	cmd.Flags().Uint64Var(&opts.Selection.Seed, "seed", 0, "worksheet: pick, order and shuffle with seed `N`, as quiz and sheet do")
	cmd.Flags().StringVar(&opts.Selection.Set, "set", "", "worksheet: pick the questions of the set `NAME`, as quiz --set and sheet --set do")
	stringArrayVar(cmd.Flags(), &opts.Selection.Tags, "tag", nil, "worksheet: only questions with this `tag` (repeatable: any of them)")
	addTypeFlag(cmd.Flags(), &opts.Selection.Types, "worksheet: ")
	_ = cmd.RegisterFlagCompletionFunc("type", typeCompletion)
	cmd.Flags().BoolVar(&opts.NoKey, "no-key", false, "worksheet: leave the answer key out")
	cmd.Flags().StringVar(&opts.KeyFile, "key", "", "worksheet: write the answer key to `FILE` instead of after the questions")
	_ = cmd.RegisterFlagCompletionFunc("tag", tagCompletion(f))
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to `FILE` (default: standard output)")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite an existing file")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(export.Formats(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// checkExportFlags refuses flags that do not go together: worksheet flags
// with another format, --key - with the worksheet on standard output too, a
// zip for the terminal, --no-key with --key, a negative -n, a bad set name.
func checkExportFlags(cmd *cobra.Command, opts *BankExportOptions) error {
	sel := opts.Selection
	for _, name := range []string{"count", "seed", "set", "tag", "type", "no-key", "key"} {
		if cmd.Flags().Changed(name) && opts.formatErr == nil && !slices.Contains(export.Worksheets, opts.Format) {
			flag := "--" + name
			if name == "count" {
				flag = "-n"
			}
			return &FlagError{Err: fmt.Errorf("%s is for worksheets: add --format markdown or --format html (or -o FILE.md, -o FILE.html)", flag)}
		}
	}
	if opts.KeyFile == "-" && (opts.Output == "" || opts.Output == "-") {
		return &FlagError{Err: errors.New("--key - and the worksheet would both go to standard output: name a file for one of them (-o FILE)")}
	}
	if opts.formatErr == nil && opts.Format == "qti" && (opts.Output == "" || opts.Output == "-") && opts.Factory.IOStreams.IsStdoutTTY() {
		// A zip archive is bytes a terminal draws as garbage, its
		// control codes among them (attack11 #10).
		return &FlagError{Err: fmt.Errorf("--format qti writes a zip archive, not text for the terminal: name the file with -o (-o %s.zip), or redirect standard output", strings.TrimSuffix(filepath.Base(opts.Bank), filepath.Ext(opts.Bank)))}
	}
	if opts.NoKey && opts.KeyFile != "" {
		return &FlagError{Err: errors.New("give --no-key or --key FILE, not both")}
	}
	if sel.Count < 0 {
		return &FlagError{Err: fmt.Errorf("-n must be 0 (all) or more, not %d", sel.Count)}
	}
	if cmd.Flags().Changed("set") {
		if err := quiz.CheckSetName(sel.Set); err != nil {
			return &FlagError{Err: fmt.Errorf("--set %q: %v", sel.Set, err)}
		}
	}
	return nil
}

func bankExportRun(opts *BankExportOptions) error {
	f := opts.Factory
	banks, err := loadBanks(f.IOStreams, f.Library(), []string{opts.Bank})
	if err != nil {
		return err
	}
	b := banks[0]
	var notes []string
	pages := export.NewPages(b, opts.Paper) // the HTML test and its key laid out once
	write := func(w io.Writer) (err error) {
		notes, err = pages.Write(w, opts.Format)
		return err
	}
	if data := exportJSON(f, opts); data != nil {
		// A built-in bank's JSON was written at build time by the same
		// exporter (gen.go): copy it rather than encode it again.
		write = func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		}
	}
	guard := newOutputGuard(f.Library(), "").withState(f.StateDir).withSettings(f.settingsFiles)
	// Both outputs are checked before either is written: a refused --key
	// leaves no test written without its key (attack6 finding 9).
	if err := guard.checkOutputs(opts.Force, namedOutput{"-o", opts.Output}, namedOutput{"--key", opts.KeyFile}); err != nil {
		return err
	}
	if opts.formatErr != nil {
		return opts.formatErr
	}
	if opts.formatNote != "" {
		fmt.Fprintf(f.IOStreams.ErrOut, "note: %s\n", opts.formatNote)
	}
	// The worksheet and its key take their names together: never a new
	// worksheet beside last week's key (attack21 L4).
	set := outputSet(f, opts.Output, opts.KeyFile)
	defer set.Discard() // after an error: the old files stay as they were
	if opts.Output == "" || opts.Output == "-" {
		err = write(f.IOStreams.Out)
	} else {
		err = guard.writeFileIn(set, "-o", opts.Output, opts.Force, fileio.Derived, write)
	}
	writeKey := func(w io.Writer) error { return pages.WriteKey(w, opts.keyFormat) }
	if err == nil && opts.KeyFile == "-" {
		err = writeKey(f.IOStreams.Out)
	} else if err == nil && opts.KeyFile != "" {
		err = guard.writeFileIn(set, "--key", opts.KeyFile, opts.Force, fileio.Derived, writeKey)
	}
	if err == nil {
		err = set.Commit()
	}
	if err == nil && opts.Output != "" && opts.Output != "-" {
		fmt.Fprintf(f.IOStreams.ErrOut, "Wrote %s\n", text.EscapeControl(opts.Output))
	}
	if err == nil && opts.KeyFile != "" && opts.KeyFile != "-" {
		fmt.Fprintf(f.IOStreams.ErrOut, "Wrote the answer key to %s\n", text.EscapeControl(opts.KeyFile))
	}
	for _, n := range notes {
		fmt.Fprintf(f.IOStreams.ErrOut, "note: %s\n", n)
	}
	if err != nil {
		return invalidErr(err)
	}
	return nil
}

// exportJSON returns the JSON export of a built-in bank, written at build
// time, when that is what opts asks for; nil otherwise.
func exportJSON(f *Factory, opts *BankExportOptions) []byte {
	if opts.Format != "json" {
		return nil
	}
	return f.Library().JSON(opts.Bank)
}

// exportFormats settles the formats of -o and --key before anything is read:
// the worksheet's from --format, else from -o's extension, else JSON (no
// extension, or standard output); the key's from its extension, else the
// worksheet's. An extension that names no format is refused, as grade
// --summary refuses one, rather than written as JSON; a key named as a
// format no key is written in (.gift) is refused; a --format that -o's
// extension contradicts wins, as quiz --format does, with a note.
func exportFormats(opts *BankExportOptions) error {
	outExt := ""
	if opts.Output != "" && opts.Output != "-" {
		outExt = filepath.Ext(opts.Output)
	}
	fromExt := exportFormatFromPath(opts.Output, "")
	switch {
	case opts.Format == "" && fromExt == "" && outExt != "":
		opts.Format, opts.keyFormat = "json", "json" // for the flags' checks; nothing is written
		return &FlagError{Err: fmt.Errorf("-o %s: no format is written as %s; name a file ending in %s, or give --format (%s)",
			opts.Output, outExt, strings.Join(fileio.Exts(export.Formats()...), ", "), strings.Join(export.Formats(), ", "))}
	case opts.Format == "":
		opts.Format = cmp.Or(fromExt, "json")
	case fromExt != "" && fromExt != opts.Format:
		opts.formatNote = fmt.Sprintf("writing %s to %s, as --format says (its extension is %s's)", opts.Format, opts.Output, fromExt)
	}
	opts.keyFormat = opts.Format
	if opts.KeyFile == "" || opts.KeyFile == "-" || filepath.Ext(opts.KeyFile) == "" {
		return nil
	}
	keyFormat := exportFormatFromPath(opts.KeyFile, "")
	if !slices.Contains(export.Worksheets, keyFormat) {
		return &FlagError{Err: fmt.Errorf("--key %s: a key is written as Markdown or HTML; name a file ending in %s (or with no extension, for the worksheet's format)",
			opts.KeyFile, strings.Join(fileio.Exts(export.Worksheets...), ", "))}
	}
	opts.keyFormat = keyFormat
	return nil
}

// exportFormatFromPath picks the format from -o's extension, as quiz -o does.
func exportFormatFromPath(path, def string) string {
	if f := fileio.FormatOf(path, export.Formats()...); f != "" {
		return f
	}
	return def
}

// BankConvertOptions are bank convert's inputs.
type BankConvertOptions struct {
	Factory *Factory
	Bank    string // the file to convert
	Output  string
	Force   bool
}

// bankConvertShort is bank convert's one-line summary, which its group's help and completion
// show without building the command.
const bankConvertShort = "Convert a GIFT, Moodle XML or Aiken bank to conflictq's YAML"

// NewCmdBankConvert converts a GIFT, Moodle XML or Aiken bank to YAML.
func NewCmdBankConvert(f *Factory, runF func(*BankConvertOptions) error) *cobra.Command {
	opts := &BankConvertOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "convert FILE -o OUT.yaml",
		Short: bankConvertShort,
		Long: `Read a bank in Moodle's GIFT (.gift, .txt), Moodle XML (.xml) or Aiken (.aiken, or
recognised by its ANSWER: lines) and write the equivalent YAML bank. Anything
they have that conflictq cannot hold is named on stderr with its line, never
dropped silently.`,
		Example: `  conflictq bank convert moodle-export.txt -o my-bank.yaml
  conflictq bank validate my-bank.yaml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Bank = args[0]
			if opts.Output == "" {
				return &FlagError{Err: errors.New("name the YAML file to write with -o")}
			}
			if runF != nil {
				return runF(opts)
			}
			return bankConvertRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "the YAML `FILE` to write (- for standard output)")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite an existing file")
	return cmd
}

func bankConvertRun(opts *BankConvertOptions) error {
	f := opts.Factory
	banks, err := loadBanks(f.IOStreams, f.Library(), []string{opts.Bank})
	if err != nil {
		return err
	}
	write := func(w io.Writer) error { return banks[0].WriteYAML(w) }
	if opts.Output == "-" {
		return write(f.IOStreams.Out)
	}
	if err := newOutputGuard(f.Library(), "").withState(f.StateDir).withSettings(f.settingsFiles).writeFile("-o", opts.Output, opts.Force, fileio.Derived, write); err != nil {
		return invalidErr(err)
	}
	fmt.Fprintf(f.IOStreams.ErrOut, "Wrote %s (%s)\n", text.EscapeControl(opts.Output), text.Count(len(banks[0].Questions), "question"))
	return nil
}

// paperMade is what a printed test and its key carry when they picked their
// questions: the set and seed for both, and for the key only the sheet
// command that numbers the same questions the same way, so a paper can be
// transcribed later (teacher3 P1, teacher4 P6). Empty for a whole bank in
// its own order.
func paperMade(bank string, p worksheet.Paper) (made, command string) {
	if !p.Shuffle && p.Filter.Count == 0 && p.Filter.Set == "" {
		return "", ""
	}
	seed := p.Seed
	if seed == 0 {
		seed = worksheet.Seed
	}
	var line, args strings.Builder
	args.WriteString("conflictq sheet --bank " + text.CommandWord(bank))
	if p.Filter.Count > 0 {
		fmt.Fprintf(&args, " -n %d", p.Filter.Count)
	}
	for _, t := range p.Filter.Tags {
		args.WriteString(" --tag " + text.CommandWord(t))
	}
	if len(p.Filter.Types) > 0 {
		args.WriteString(" --type " + strings.Join(p.Filter.Types, ","))
	}
	if p.Filter.Set != "" {
		fmt.Fprintf(&line, "Set %s, seed %d", p.Filter.Set, seed)
		args.WriteString(" --set " + text.CommandWord(p.Filter.Set))
	} else {
		fmt.Fprintf(&line, "Seed %d", seed)
	}
	fmt.Fprintf(&args, " --seed %d", seed)
	return line.String(), args.String()
}
