package cmd

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/conflictq/conflictq/cmd/internal/iostreams"
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/grade"
	"github.com/conflictq/conflictq/quiz/sheet"
	"github.com/conflictq/conflictq/quiz/text"
)

// GradeOptions are the grade command's inputs.
type GradeOptions struct {
	Factory *Factory
	Inputs  []string
	Banks   []string
	Pass    float64
	PassSet bool
	Format  string
	Output  string
	Summary string
	Sums    string
	Reveal  bool
	Force   bool
	Quiet   bool                   // leave out the sheets' warnings, counted in one line
	skip    func(path string) bool // this run's own output files, not sheets
	outputs *fileio.Set            // -o, --summary and --sums, named together
	stats   *classStats            // --summary and --sums, once graded
	guard   *outputGuard           // keeps the outputs off the inputs
	notes   *bankNotes             // the warnings of the banks sheets name
	workers int                    // sheets graded at once from the start (tests; 0: grade.Batch decides)
}

const gradeLong = `Grade answer sheets: files, directories (searched recursively for .yaml, .yml,
.json and .jsonl) or - for standard input: JSON lines (one sheet or report a
line), or quiz reports as quiz writes them, one after another.

Quiz reports in JSON (conflictq quiz -o name.json) are read like sheets, with
the marks their quiz gave. The banks come from each sheet unless --bank is
given. Every readable sheet is graded and reported even when others cannot be
read; each bad sheet is named on standard error with its line and the problem.

Formats: text (a table), json (one result per sheet), csv (one row per
student, one column per question any student got, named bank/id, in the banks'
order, empty where a student did not get it), junit (one testsuite per sheet, one testcase
per question, a failure for each wrong answer), gradescope (results.json for one
submission), markdown, and html: the class report, one self-contained page (see
below). Without --format, -o's extension names it (.json, .csv, .md, .html,
and .xml for junit); any other is text. When GITHUB_STEP_SUMMARY is set, a Markdown summary is appended there
too. Without --reveal, feedback says which questions were wrong and which part
of the article to reread, but not the right answer.

--summary FILE writes class statistics (.csv, .json or .md): per question the
facility index, standard deviation, discrimination index and discriminative
efficiency, flagging weak discrimination, and how many students gave each
answer; for the class the count, mean, median, standard deviation, Cronbach's
alpha and a score histogram. Students need not have had the same questions
(quiz --set gives a class the same ones): each question's statistics cover the
students who got it, and every student counts.

--format html -o class.html (or --summary class.html) writes the class report
as one page that needs no internet and runs no script but a small one that
sorts tables: an overview in plain words with a score histogram (and the pass
mark with --pass), a sortable gradebook with each sheet's status and a score
per tag, each question's facility and discrimination with the weak ones
flagged, the question and its passage, the answers the class gave, and a grid
of students by tag. It prints on A4. Past 1,000 sheets the gradebook and the
grid are cut, with a note; the statistics and charts count every sheet.

A large batch can be sharded across machines (split a JSON-lines file, or
divide the directories) with any batch runner: grade each shard with
--sums FILE, then merge the shards' sums with conflictq summary.

Exit codes: 0 every sheet passed (or no --pass); 1 a sheet is below the pass
mark; 2 a sheet could not be read.`

// gradeShort is the grade command's one-line summary, which the root's help and
// completion show without building the command.
const gradeShort = "Grade answer sheets, for teachers and CI"

// NewCmdGrade grades answer sheets.
func NewCmdGrade(f *Factory, runF func(*GradeOptions) error) *cobra.Command {
	opts := &GradeOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "grade SHEET|DIR|-...",
		Short: gradeShort,
		Long:  gradeLong,
		Example: `  conflictq grade answers.yaml --pass 60
  conflictq grade submissions/ --format csv -o grades.csv --summary stats.md
  conflictq grade submissions/ --pass 60 --format html -o class.html
  conflictq grade answers.yaml --pass 70 --format junit -o junit.xml
  cat sheets.jsonl | conflictq grade - --format json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Inputs = args
			opts.PassSet = cmd.Flags().Changed("pass")
			if opts.PassSet && !(opts.Pass >= 0 && opts.Pass <= 100) { // also refuses NaN
				return f.badValue("pass", "--pass is a percentage from 0 to 100, not %g", opts.Pass)
			}
			if opts.Sums == "-" {
				return &FlagError{Err: errors.New("--sums -: name a file for the sums (standard output holds the results)")}
			}
			if !cmd.Flags().Changed("format") && opts.Output != "" && opts.Output != "-" {
				// -o's extension names the format, from the one table, as
				// it does for every file conflictq writes: r.xml is JUnit,
				// not the text table under a CI's test-report name
				// (attack11 #10). Another extension (.txt, .out) is text.
				if f := fileio.FormatOf(opts.Output, grade.GradeFormats()...); f != "" {
					opts.Format = f
				}
			}
			if opts.Summary != "" && summaryFormat(opts.Summary) == "" {
				return &FlagError{Err: fmt.Errorf("--summary %s: name a .csv, .json, .md or .html file", opts.Summary)}
			}
			if runF != nil {
				return runF(opts)
			}
			return gradeRun(opts)
		},
	}
	fl := cmd.Flags()
	stringArrayVar(fl, &opts.Banks, "bank", nil, "grade against this bank `name` or file (repeatable; default: each sheet's banks)")
	fl.Float64Var(&opts.Pass, "pass", 0, "pass mark in `PERCENT`; exit 1 if a sheet is below it")
	fl.Var(newFormat(&opts.Format, "text", grade.GradeFormats()...), "format", "text, json, csv, junit (or xml), gradescope, markdown (or md) or html (or htm)")
	fl.StringVarP(&opts.Output, "output", "o", "", "write results to `FILE` (default: standard output)")
	fl.StringVar(&opts.Summary, "summary", "", "write class statistics to `FILE` (.csv, .json, .md, or .html for the class page)")
	fl.StringVar(&opts.Sums, "sums", "", "write the statistics' running sums to `FILE`, to merge shards later (conflictq summary)")
	fl.BoolVar(&opts.Reveal, "reveal", false, "show the right answers in the results")
	fl.BoolVarP(&opts.Quiet, "quiet", "q", false, "leave out the warnings that say how answers were read (one line counts them); errors, and warnings that an answer was ignored or lost, are always shown")
	fl.BoolVar(&opts.Force, "force", false, "replace an existing -o, --summary or --sums file (a device or a pipe, such as /dev/null, needs none)")
	_ = cmd.RegisterFlagCompletionFunc("bank", bankCompletion(f))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(grade.GradeFormats(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// summaryFormats are the formats --summary writes, named by the file's extension.
var summaryFormats = []string{"csv", "json", "markdown", "html"}

func summaryFormat(path string) string { return fileio.FormatOf(path, summaryFormats...) }

// newGrader builds the grader that grade and quiz --answers share. Without
// banks each sheet is graded on the banks it names, found from the sheet's
// own directory when they are files; filter, when set, overrides the
// selection a sheet records; pass is the pass mark, or nil.
func newGrader(ios *iostreams.IOStreams, lib *quiz.Library, banks []string, filter *quiz.Filter, pass *float64) (*grade.Grader, error) {
	return newGraderNoting(ios, lib, banks, filter, pass, nil)
}

// newGraderNoting is newGrader with the warnings of the banks that sheets
// name kept in notes, when set, for the batch to print in its order, rather
// than printed as each bank is loaded.
func newGraderNoting(ios *iostreams.IOStreams, lib *quiz.Library, banks []string, filter *quiz.Filter, pass *float64, notes *bankNotes) (*grade.Grader, error) {
	g := &grade.Grader{Filter: filter, Pass: pass, Load: func(refs []string, from string) ([]*quiz.Bank, error) {
		var banks []*quiz.Bank
		var err error
		if resolved := sheet.ResolveBanks(refs, from); notes == nil {
			banks, err = loadBanks(ios, lib, resolved)
		} else {
			banks, err = loadBanksNoting(lib, resolved, notes.add, func(msg string) { notes.add(setKey(resolved), msg) })
		}
		if err != nil {
			return nil, fmt.Errorf("banks %s: %w", strings.Join(refs, ", "), err)
		}
		return banks, nil
	}}
	if len(banks) > 0 {
		var err error
		if g.Banks, err = loadBanks(ios, lib, banks); err != nil {
			return nil, err
		}
	}
	return g, nil
}

func gradeRun(opts *GradeOptions) error {
	f := opts.Factory
	// A batch is a stream: hold the heap near a fixed size rather than letting
	// it double between collections. This keeps peak memory flat whatever the
	// number of sheets, and the collector idle until it is needed. A user's
	// own GOGC or GOMEMLIMIT wins. Only the real program sets them
	// (Factory.BatchMemory): they are the whole process's.
	if f.BatchMemory && f.Getenv("GOGC") == "" && f.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(48 << 20))
		defer debug.SetGCPercent(debug.SetGCPercent(-1))
	}
	ios := f.IOStreams
	lib := f.Library()
	var pass *float64
	if opts.PassSet {
		pass = &opts.Pass
	}
	notes := &bankNotes{}
	g, err := newGraderNoting(ios, lib, opts.Banks, nil, pass, notes)
	if err != nil {
		return err
	}
	opts.notes = notes

	// The outputs must not be inputs: writing one would destroy a student's
	// sheet or a bank, and a rerun would grade the last run's results.
	outputs, err := gradeOutputs(opts, lib)
	if err != nil {
		return err
	}
	opts.skip = skipOutputs(outputs)
	tally := &grade.Tally{}
	run := func(out io.Writer) error { return gradeBatch(opts, g, out, tally) }
	// The results, statistics and sums take their names together: never
	// this week's results beside last week's sums (attack21 L4).
	opts.outputs = outputSet(f, opts.Output, opts.Summary, opts.Sums)
	defer opts.outputs.Discard() // after an error: the old files stay
	if opts.Output == "" || opts.Output == "-" {
		err = run(ios.Out)
	} else {
		// Atomically, and never over a file unasked (--force), like every
		// other command: the file may be last week's gradebook.
		err = opts.guard.writeFileIn(opts.outputs, "-o", opts.Output, opts.Force, fileio.Derived, run)
	}
	if errors.Is(err, errNothingGraded) {
		return gradeExit(opts, tally)
	}
	if err == nil {
		err = opts.outputs.Commit()
	}
	var exists *fileio.ExistsError
	if errors.As(err, &exists) { // the file appeared while grading
		return invalidErr(err)
	}
	if err != nil {
		return err
	}
	if opts.stats != nil { // said once they have their names
		fmt.Fprint(ios.ErrOut, strings.Join(opts.stats.wrote, ""))
	}
	tellWritten(opts, tally)
	tellWarnings(opts, tally)
	return gradeExit(opts, tally)
}

// tellWritten says where -o's file went.
func tellWritten(opts *GradeOptions, tally *grade.Tally) {
	errOut := opts.Factory.IOStreams.ErrOut
	if n := tally.Graded + tally.Unreadable; n > 0 && opts.Output != "" && opts.Output != "-" {
		// Said as sheet and bank export say it, so a teacher who wrote the
		// class page with -o knows where it went (teacher3 P12); a device
		// (-o /dev/null) was not "written".
		if st, err := os.Stat(opts.Output); err == nil && st.Mode().IsRegular() {
			fmt.Fprintf(errOut, "Wrote %s (%s)\n", text.EscapeControl(opts.Output), text.Count(tally.Graded, "sheet")+" graded")
		}
	}
}

// tellWarnings counts the batch's warnings, said above each sheet.
func tellWarnings(opts *GradeOptions, tally *grade.Tally) {
	errOut := opts.Factory.IOStreams.ErrOut
	if tally.Warnings > 0 {
		// The same on every run, as a CI log needs them; one line says
		// what they are, and how a teacher who has read them can leave
		// them out (teacher11 P9).
		n := fmt.Sprintf("warnings: %d in %s", tally.Warnings, text.Count(tally.Warned, "sheet"))
		// --quiet leaves out only the warnings on how an answer was
		// read (tally.Reading); the count says which were left out.
		read := text.Count(tally.Reading, "warning") + " on how an answer was read"
		switch {
		case tally.Reading == tally.Warnings && opts.Quiet:
			fmt.Fprintf(errOut, "%s, left out (--quiet)\n", n)
		case tally.Reading == tally.Warnings:
			fmt.Fprintf(errOut, "%s (above); --quiet leaves them out\n", n)
		case tally.Reading == 0:
			fmt.Fprintf(errOut, "%s (above)\n", n)
		case opts.Quiet:
			fmt.Fprintf(errOut, "%s: %d above, %s left out (--quiet)\n", n, tally.Warnings-tally.Reading, read)
		default:
			fmt.Fprintf(errOut, "%s (above); --quiet leaves out the %s\n", n, read)
		}
	}
}

// gradeExit is the batch's end: an error (exit 2) when no sheet was found,
// one could not be read or an answer was bad, exit 1 when a student failed.
func gradeExit(opts *GradeOptions, tally *grade.Tally) error {
	errOut := opts.Factory.IOStreams.ErrOut
	switch {
	case tally.Graded == 0 && tally.Unreadable == 0 && tally.Keys > 0:
		return invalid("no student's sheets found in %s, only %s (left out, above)%s", strings.Join(opts.Inputs, ", "), text.Count(tally.Keys, "answer key"), notWritten(opts))
	case tally.Graded == 0 && tally.Unreadable == 0:
		return invalid("no sheets found in %s%s", strings.Join(opts.Inputs, ", "), notWritten(opts))
	case tally.Unreadable > 0 && tally.Graded == 0:
		fmt.Fprintf(errOut, "no sheet could be read%s\n", notWritten(opts))
		return silent(ExitInvalid)
	case tally.Unreadable > 0:
		fmt.Fprintf(errOut, "%d of %s could not be read; the others were graded\n", tally.Unreadable, text.Count(tally.Graded+tally.Unreadable, "sheet"))
		return silent(ExitInvalid)
	case tally.BadAnswers > 0:
		fmt.Fprintf(errOut, "sheets with answers that could not be read or were given twice: %d (see above); the rest of each was graded\n", tally.BadAnswers)
		return silent(ExitInvalid)
	case tally.Failed > 0:
		return silent(ExitNegative)
	}
	return nil
}

// notWritten names the files a run that graded no sheet leaves as they
// were: "; o.csv and s.json were not written", "" when it has none. A
// stream or a device (a pipe, /dev/stdout) had its output as it was made,
// and is not named (recheck30 N2).
func notWritten(opts *GradeOptions) string {
	var files []string
	for _, p := range []string{opts.Output, opts.Summary, opts.Sums} {
		if st, err := os.Stat(p); p == "" || p == "-" || fileio.IsDevice(p) || err == nil && fileio.IsStream(st) {
			continue
		}
		files = append(files, text.EscapeControl(p))
	}
	switch len(files) {
	case 0:
		return ""
	case 1:
		return "; " + files[0] + " was not written"
	}
	return "; " + strings.Join(files[:len(files)-1], ", ") + " and " + files[len(files)-1] + " were not written"
}

// skipOutputs tells the walk of a folder to leave out the existing
// outputs: a previous run's results in the graded folder are not sheets.
func skipOutputs(outputs []os.FileInfo) func(path string) bool {
	if len(outputs) == 0 { // no file of a folder is one: no stat a file to find out
		return nil
	}
	return func(path string) bool {
		st, err := os.Stat(path)
		return err == nil && slices.ContainsFunc(outputs, func(o os.FileInfo) bool { return os.SameFile(o, st) })
	}
}

// gradeOutputs checks -o, --summary and --sums before anything is graded:
// none may be an input (a sheet given, a sheet in a directory given, a bank),
// nor two the same file, and an existing one is replaced only with --force.
// It returns the existing outputs, which a directory's walk leaves out: a
// previous run's results in the graded directory are not sheets
// (grade.Inputs).
func gradeOutputs(opts *GradeOptions, lib *quiz.Library) ([]os.FileInfo, error) {
	outs := []namedOutput{{"-o", opts.Output}, {"--summary", opts.Summary}, {"--sums", opts.Sums}}
	paths := make([]string, len(outs))
	for i, o := range outs {
		paths[i] = o.path
	}
	inputs, existing := grade.Inputs(opts.Inputs, paths, opts.Factory.Getenv("GITHUB_STEP_SUMMARY"))
	opts.guard = newOutputGuard(lib, "a sheet being graded", inputs...).withState(opts.Factory.StateDir).withSettings(opts.Factory.settingsFiles)
	for _, o := range outs {
		if err := opts.guard.claim(o.flag, o.path); err != nil {
			return nil, err
		}
		if o.path != "" && o.path != "-" && !opts.Force && fileio.Replaces(o.path) {
			// Every output, not only -o: --summary and --sums may name last
			// week's statistics or a teacher's notes. Refused before grading;
			// a device or a pipe (/dev/null) replaces nothing.
			return nil, invalidErr(&fileio.ExistsError{Path: o.path})
		}
	}
	return existing, nil
}

// gradeBatch grades every input on all cores and writes results in input order.
func gradeBatch(opts *GradeOptions, g *grade.Grader, out io.Writer, tally *grade.Tally) (err error) {
	ios := opts.Factory.IOStreams
	// One write per 64 KiB, not one per sheet: a pipe or a disk costs a
	// system call per write.
	buffered := bufio.NewWriterSize(out, 64<<10)
	defer func() {
		if ferr := buffered.Flush(); err == nil {
			err = ferr
		}
	}()
	width := 0 // the text table wraps its last column on a terminal
	if out == ios.Out && ios.IsStdoutTTY() {
		width = ios.TerminalWidth()
	}
	w, closeSummary, err := resultWriters(opts, buffered, width)
	if err != nil {
		return err
	}
	defer closeSummary()
	h := &batchHandler{ios: ios, quiet: opts.Quiet, tally: tally, w: w, stats: newClassStats(opts.Summary, opts.Sums, opts.outputs, resultOptions(opts)),
		progress: newProgress(ios.ErrOut, ios.IsStderrTTY()), notes: opts.notes}
	batch := &grade.Batch{Grader: g, Inputs: opts.Inputs, Stdin: ios.In, Skip: opts.skip, Left: &grade.LeftOut{}, Workers: opts.workers}
	if opts.Factory.HandleSignals {
		batch.Long = removeTempsOnSignal // only then: a short run pays nothing
	}
	batch.Run(h.handle)
	h.progress.clear()
	h.sayNotes(opts.notes.rest()) // of banks no sheet that was read uses
	if note := batch.Left.Note("grade"); note != "" {
		// Not graded, and not in the results: the teacher is told once.
		fmt.Fprintf(ios.ErrOut, "note: %s\n", note)
	}
	for _, s := range batch.Left.Same() {
		// As mark says it: one file, one student's row (lows28).
		fmt.Fprintf(ios.ErrOut, "note: %s is the same file as %s; its sheet is graded once\n", text.EscapeControl(s[0]), text.EscapeControl(s[1]))
	}
	if tally.Mixed() && (opts.Format == "csv" || opts.Format == "html" || opts.Summary != "" || opts.Sums != "") {
		fmt.Fprintf(ios.ErrOut, "note: students had different question sets: %d questions in all; each question's statistics cover those who got it\n", tally.Questions())
	}
	if err := w.Close(); err != nil && h.writeErr == nil {
		h.writeErr = err
	}
	if h.writeErr != nil {
		if errors.Is(h.writeErr, grade.ErrOneSheet) {
			return invalidErr(h.writeErr)
		}
		return h.writeErr
	}
	for _, o := range []namedOutput{{"--summary", opts.Summary}, {"--sums", opts.Sums}} {
		if err := opts.guard.check(o.flag, o.path); err != nil { // a bank a sheet named
			return err
		}
	}
	if tally.Graded == 0 {
		// No sheet graded (none found, only keys, none readable): last
		// run's results, statistics and sums stay, not an empty class in
		// their place (attack25 H1). gradeRun says why.
		return errNothingGraded
	}
	opts.stats = h.stats
	return h.stats.write(ios.ErrOut)
}

// errNothingGraded is gradeBatch's end when no sheet was graded: its files
// are not written (the Set is discarded, a lone -o's temporary file
// removed), and gradeExit says why.
var errNothingGraded = errors.New("no sheet graded")

// resultWriters returns the writer for --format, joined by a Markdown summary
// for GitHub's step summary when GITHUB_STEP_SUMMARY names one; closeSummary
// closes that file.
func resultWriters(opts *GradeOptions, out io.Writer, width int) (w grade.ResultWriter, closeSummary func(), err error) {
	closeSummary = func() {}
	ro := resultOptions(opts)
	ro.Width = width
	main, err := grade.NewResultWriter(opts.Format, out, ro)
	if err != nil {
		return nil, closeSummary, err
	}
	path := opts.Factory.Getenv("GITHUB_STEP_SUMMARY")
	if path == "" {
		return main, closeSummary, nil
	}
	warn := func(err error) {
		fmt.Fprintf(opts.Factory.IOStreams.ErrOut, "conflictq: GITHUB_STEP_SUMMARY: %s; no step summary written\n", text.EscapeControl(err.Error()))
	}
	if err := checkStepSummary(path, opts.guard); err != nil {
		warn(err)
		return main, closeSummary, nil
	}
	// Kept until the end, then appended: the banks the sheets name are inputs
	// too, known only once they are read.
	var buf bytes.Buffer
	summary, _ := grade.NewResultWriter("markdown", &cappedWriter{w: &buf, max: maxStepSummary}, grade.ResultOptions{})
	return grade.MultiResultWriter(main, summary), func() {
		if err := appendStepSummary(path, opts.guard, buf.Bytes()); err != nil {
			warn(err)
		}
	}, nil
}

// resultOptions are the options every result format of this run shares.
func resultOptions(opts *GradeOptions) grade.ResultOptions {
	ro := grade.ResultOptions{Reveal: opts.Reveal, Generated: opts.Factory.Now()}
	if opts.PassSet {
		ro.Pass = &opts.Pass
	}
	return ro
}

// checkStepSummary refuses a step summary that is not a regular file (a pipe
// with no reader would block the run forever), is an input (appending to a
// sheet or a bank would spoil it) or is one of the run's outputs.
func checkStepSummary(path string, guard *outputGuard) error {
	return stepSummaryErr(guard.CheckAppend(path))
}

// appendStepSummary checks the step summary again, now that every input is
// known, and appends data to it.
func appendStepSummary(path string, guard *outputGuard, data []byte) error {
	return stepSummaryErr(guard.AppendRegular(path, data))
}

// stepSummaryErr words the guard's refusal of a step summary, which no flag
// names, as outputErr does, but as a plain error: the caller warns.
func stepSummaryErr(err error) error {
	var exit *ExitError
	if errors.As(outputErr("", err), &exit) && exit.Err != nil {
		return exit.Err
	}
	return err
}

// batchHandler takes each graded sheet in input order: messages, the tally
// for the exit code, class statistics and the results.
type batchHandler struct {
	ios      *iostreams.IOStreams
	quiet    bool // --quiet: no warnings
	tally    *grade.Tally
	w        grade.ResultWriter
	stats    *classStats
	progress *progress
	notes    *bankNotes // nil: none kept
	writeErr error
}

func (h *batchHandler) handle(d grade.Item) {
	tally := h.tally
	h.progress.tick(tally.Graded + tally.Unreadable + 1)
	if d.Err != nil {
		tally.AddUnreadable()
		h.say("%s\n", strings.TrimSpace(d.Err.Error()))
		h.stats.unreadable(d.Where, d.Err)
		if err := h.w.Unreadable(d.Where, d.Err); err != nil && h.writeErr == nil {
			h.writeErr = err
		}
		return
	}
	if d.Key {
		tally.Keys++
		h.say("%s: warning: an answer key, not a student's sheet: left out (grade it on its own to check it)\n", d.Where)
		return
	}
	r := d.Result
	h.sayNotes(h.notes.take(r.Banks, r.File))
	earlier := tally.Add(r)
	for _, p := range r.Problems {
		if !p.Reading || !h.quiet { // how an answer was read: all of it counts
			h.say("%s\n", p.Error())
		}
	}
	if earlier != "" {
		h.say("%s: warning: student %s also has a sheet in %s; both are graded\n", r.Where(), quoteForTerminal(r.Student), earlier)
	}
	h.stats.add(r)
	if err := h.w.Write(r); err != nil && h.writeErr == nil {
		h.writeErr = err
	}
}

// sayNotes writes bank warnings to standard error as loading them wrote them.
func (h *batchHandler) sayNotes(msgs []string) {
	for _, m := range msgs {
		h.progress.clear()
		fmt.Fprintln(h.ios.ErrOut, m)
	}
}

// bankNotes keeps the warnings of the banks loaded while a batch grades, for
// the batch's handler to print with the first sheet, in the batch's order,
// that names the bank: workers load banks in whatever order they reach them,
// and printed as they were loaded the same warnings came in a different
// order on each run (attack20 L2), which a CI log compared with the last
// one cannot have. A nil *bankNotes keeps none.
type bankNotes struct {
	mu    sync.Mutex
	notes map[string][]string // by the bank's ref as loaded, or setKey for a set's own
}

// setKey names the banks refs together, for a warning about the set.
func setKey(refs []string) string { return "\x00" + strings.Join(refs, "\x00") }

func (n *bankNotes) add(key, msg string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.notes == nil {
		n.notes = map[string][]string{}
	}
	n.notes[key] = append(n.notes[key], msg)
}

// take returns, and forgets, the warnings kept for the banks a sheet in
// file names, in the order the sheet names them, then the set's own.
func (n *bankNotes) take(refs []string, file string) []string {
	if n == nil {
		return nil
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	if len(n.notes) == 0 {
		return nil
	}
	resolved := sheet.ResolveBanks(refs, file) // as the grader loaded them
	var out []string
	for _, k := range append(resolved, setKey(resolved)) {
		out = append(out, n.notes[k]...)
		delete(n.notes, k)
	}
	return out
}

// rest returns the warnings no sheet took, by their banks' names.
func (n *bankNotes) rest() []string {
	if n == nil {
		return nil
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	var out []string
	for _, k := range slices.Sorted(maps.Keys(n.notes)) {
		out = append(out, n.notes[k]...)
	}
	n.notes = nil
	return out
}

// say writes a message to standard error, clearing the progress line first.
func (h *batchHandler) say(format string, args ...any) {
	h.progress.clear()
	fmt.Fprint(h.ios.ErrOut, text.EscapeLines(fmt.Sprintf(format, args...))) // names and text from sheets
}

// maxStepSummary is the most of a step summary written: GitHub refuses step
// summaries over 1 MiB.
const maxStepSummary = 512 << 10

// cappedWriter stops writing after max bytes: GitHub refuses step summaries
// over 1 MiB.
type cappedWriter struct {
	w       io.Writer
	max, n  int
	stopped bool
}

func (c *cappedWriter) Write(p []byte) (int, error) {
	if c.stopped {
		return len(p), nil
	}
	if c.n+len(p) > c.max {
		c.stopped = true
		io.WriteString(c.w, "\n_(more results in the full report)_\n")
		return len(p), nil
	}
	c.n += len(p)
	return c.w.Write(p)
}

// progress shows a count on a terminal's standard error during large batches;
// it prints nothing when standard error is not a terminal.
type progress struct {
	w     io.Writer
	on    bool
	start time.Time
	last  time.Time
	shown bool
}

func newProgress(w io.Writer, tty bool) *progress {
	return &progress{w: w, on: tty, start: time.Now()}
}

func (p *progress) tick(n int) {
	if !p.on || n%64 != 0 {
		return
	}
	now := time.Now()
	if now.Sub(p.start) < 500*time.Millisecond || now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last, p.shown = now, true
	fmt.Fprintf(p.w, "\rgrading: %d sheets (%.0f a second)…", n, float64(n)/now.Sub(p.start).Seconds())
}

func (p *progress) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

// quoteForTerminal quotes text from a sheet for a message, with control
// characters shown escaped rather than obeyed by the terminal.
func quoteForTerminal(s string) string { return `"` + text.Printable(s) + `"` }
