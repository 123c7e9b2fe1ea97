package cmd

import (
	"bufio"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/htmlreport"
)

// gradeFormats are quiz's result formats and the class page.
var gradeFormats = append(slices.Clip(quiz.GradeFormats), "html")

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
	Workers int
	skip    func(path string) bool // this run's own output files, not sheets
}

const gradeLong = `Grade answer sheets: files, directories (searched recursively for .yaml, .yml,
.json and .jsonl) or - for JSON lines on standard input (one sheet per line).

Quiz reports in JSON (conflictq quiz -o name.json) are read like sheets, with
the marks their quiz gave. The banks come from each sheet unless --bank is
given. Every readable sheet is graded and reported even when others cannot be
read; each bad sheet is named on standard error with its line and the problem.

Formats: text (a table), json (one result per sheet), csv (one row per
student, one column per question), junit (one testsuite per sheet, one testcase
per question, a failure for each wrong answer), gradescope (results.json for one
submission), markdown, and html: the class report, one self-contained page (see
below). When GITHUB_STEP_SUMMARY is set, a Markdown summary is appended there
too. Without --reveal, feedback says which questions were wrong and which part
of the article to reread, but not the right answer.

--summary FILE writes class statistics (.csv, .json or .md): per question the
facility index, standard deviation, discrimination index and discriminative
efficiency, flagging weak discrimination, and how many students gave each
answer; for the class the count, mean, median, standard deviation, Cronbach's
alpha and a score histogram.

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

// NewCmdGrade grades answer sheets.
func NewCmdGrade(f *Factory, runF func(*GradeOptions) error) *cobra.Command {
	opts := &GradeOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "grade SHEET|DIR|-...",
		Short: "Grade answer sheets, for teachers and CI",
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
	fl.StringArrayVar(&opts.Banks, "bank", nil, "grade against this bank `name` or file (repeatable; default: each sheet's banks)")
	fl.Float64Var(&opts.Pass, "pass", 0, "pass mark in `PERCENT`; exit 1 if a sheet is below it")
	fl.Var(newEnum(&opts.Format, "text", gradeFormats...), "format", "text, json, csv, junit, gradescope, markdown or html")
	fl.StringVarP(&opts.Output, "output", "o", "", "write results to `FILE` (default: standard output)")
	fl.StringVar(&opts.Summary, "summary", "", "write class statistics to `FILE` (.csv, .json, .md, or .html for the class page)")
	fl.StringVar(&opts.Sums, "sums", "", "write the statistics' running sums to `FILE`, to merge shards later (conflictq summary)")
	fl.BoolVar(&opts.Reveal, "reveal", false, "show the right answers in the results")
	_ = cmd.RegisterFlagCompletionFunc("bank", bankCompletion(f))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(gradeFormats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func summaryFormat(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return "csv"
	case ".json":
		return "json"
	case ".md", ".markdown":
		return "markdown"
	case ".html", ".htm":
		return "html"
	}
	return ""
}

// A sheet to grade: a whole file, or one line of a JSON-lines input.
type gradeJob struct {
	seq  int
	file string
	line int
	data []byte
	json bool
}

type gradeDone struct {
	seq   int
	where string
	res   *quiz.SheetResult
	err   error
}

// gradeTally is what the whole batch adds up to, for exit codes and messages.
type gradeTally struct {
	graded, failed, unreadable int
	badAnswers                 int // sheets graded with answers that could not be read
	// students maps a hash of each name to the sheet that first had it: 16
	// bytes a student, to warn about duplicates in batches of any size.
	students map[uint64]int
}

func gradeRun(opts *GradeOptions) error {
	f := opts.Factory
	// A batch is a stream: hold the heap near a fixed size rather than letting
	// it double between collections. This keeps peak memory flat whatever the
	// number of sheets, and the collector idle until it is needed. A user's
	// own GOGC or GOMEMLIMIT wins.
	if f.Getenv("GOGC") == "" && f.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(48 << 20))
		defer debug.SetGCPercent(debug.SetGCPercent(-1))
	}
	ios := f.IOStreams
	lib := f.Library()
	g := &quiz.Grader{Load: func(refs []string, from string) ([]*quiz.Bank, error) {
		banks, err := loadBanks(ios, lib, resolveBankRefs(refs, from))
		if err != nil {
			return nil, fmt.Errorf("banks %s: %w", strings.Join(refs, ", "), err)
		}
		return banks, nil
	}}
	if len(opts.Banks) > 0 {
		banks, err := loadBanks(ios, lib, opts.Banks)
		if err != nil {
			return err
		}
		g.Banks = banks
	}
	if opts.PassSet {
		p := opts.Pass
		g.Pass = &p
	}

	// The outputs must not be sheets: writing one would destroy a student's
	// sheet, and a rerun would grade the last run's results.
	var outputs []os.FileInfo
	named := map[string]string{}
	for _, out := range []string{opts.Output, opts.Summary, opts.Sums} {
		if out == "" || out == "-" {
			continue
		}
		abs, _ := filepath.Abs(out)
		if named[abs] != "" {
			return invalid("%s is named for two outputs (-o, --summary, --sums); give each its own file", out)
		}
		named[abs] = out
		if st, err := os.Stat(out); err == nil {
			for _, in := range opts.Inputs {
				if ist, err := os.Stat(in); err == nil && os.SameFile(st, ist) {
					return invalid("%s is a sheet being graded; write the results to another file", out)
				}
			}
			outputs = append(outputs, st)
		}
	}
	opts.skip = func(path string) bool {
		st, err := os.Stat(path)
		return err == nil && slices.ContainsFunc(outputs, func(o os.FileInfo) bool { return os.SameFile(o, st) })
	}
	tally := &gradeTally{students: map[uint64]int{}}
	run := func(out io.Writer) error { return gradeBatch(opts, g, out, tally) }
	var err error
	if opts.Output == "" || opts.Output == "-" {
		err = run(ios.Out)
	} else {
		// Results are derived data: a rerun replaces them, atomically.
		err = quiz.WriteFile(opts.Output, true, run)
	}
	if err != nil {
		return err
	}
	switch {
	case tally.graded == 0 && tally.unreadable == 0:
		return invalid("no sheets found in %s", strings.Join(opts.Inputs, ", "))
	case tally.unreadable > 0 && tally.graded == 0:
		fmt.Fprintf(ios.ErrOut, "no sheet could be read\n")
		return silent(ExitInvalid)
	case tally.unreadable > 0:
		fmt.Fprintf(ios.ErrOut, "%d of %d sheets could not be read; the others were graded\n", tally.unreadable, tally.graded+tally.unreadable)
		return silent(ExitInvalid)
	case tally.badAnswers > 0:
		fmt.Fprintf(ios.ErrOut, "sheets with answers that could not be read or were given twice: %d (see above); the rest of each was graded\n", tally.badAnswers)
		return silent(ExitInvalid)
	case tally.failed > 0:
		return silent(ExitNegative)
	}
	return nil
}

// gradeBatch grades every input on all cores and writes results in input order.
func gradeBatch(opts *GradeOptions, g *quiz.Grader, out io.Writer, tally *gradeTally) (err error) {
	ios := opts.Factory.IOStreams
	// One write per 64 KiB, not one per sheet: a pipe or a disk costs a
	// system call per write.
	buffered := bufio.NewWriterSize(out, 64<<10)
	out = buffered
	defer func() {
		if ferr := buffered.Flush(); err == nil {
			err = ferr
		}
	}()
	writers := []quiz.ResultWriter{}
	stats := newClassStats(opts.Summary, opts.Sums)
	if opts.Format == "html" || summaryFormat(opts.Summary) == "html" {
		var pass *float64
		if opts.PassSet {
			pass = &opts.Pass
		}
		stats.page = htmlreport.NewClass(pass, opts.Factory.Now())
	}
	var main quiz.ResultWriter = &pageWriter{stats: stats, w: out}
	if opts.Format != "html" {
		if main, err = quiz.NewResultWriter(opts.Format, out, quiz.ResultOptions{Reveal: opts.Reveal}); err != nil {
			return err
		}
	}
	writers = append(writers, main)
	if path := opts.Factory.Getenv("GITHUB_STEP_SUMMARY"); path != "" {
		sf, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
		if err != nil {
			fmt.Fprintf(ios.ErrOut, "conflictq: GITHUB_STEP_SUMMARY: %v\n", err)
		} else {
			defer sf.Close()
			summary, _ := quiz.NewResultWriter("markdown", &cappedWriter{w: sf, max: 512 << 10}, quiz.ResultOptions{})
			writers = append(writers, summary)
		}
	}
	w := quiz.MultiResultWriter(writers...)

	jobs := make(chan gradeJob, 256)
	results := make(chan gradeDone, 256)
	go func() {
		enumerateSheets(opts.Inputs, ios.In, opts.skip, jobs, results)
		close(jobs)
	}()
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	done := make(chan struct{})
	for range workers {
		go func() {
			for j := range jobs {
				results <- gradeOne(g, j)
			}
			done <- struct{}{}
		}()
	}
	go func() {
		for range workers {
			<-done
		}
		close(results)
	}()

	progress := newProgress(ios.ErrOut, ios.IsStderrTTY())
	var first []*quiz.Question // the first sheet's questions: the CSV's columns
	otherQuestions := 0
	pending := map[int]gradeDone{}
	next := 0
	var writeErr error
	handle := func(d gradeDone) {
		progress.tick(tally.graded + tally.unreadable + 1)
		if d.err != nil {
			tally.unreadable++
			stats.unreadable(d.where, d.err)
			progress.clear()
			fmt.Fprintln(ios.ErrOut, strings.TrimSpace(d.err.Error()))
			return
		}
		r := d.res
		tally.graded++
		for _, p := range r.Problems {
			progress.clear()
			fmt.Fprintln(ios.ErrOut, p.Error())
		}
		if r.Unreadable() > 0 {
			tally.badAnswers++
		}
		if r.Student != "" {
			h := fnv.New64a()
			h.Write([]byte(r.Student))
			n := tally.graded // this sheet's number in the batch
			if first, dup := tally.students[h.Sum64()]; dup {
				progress.clear()
				fmt.Fprintf(ios.ErrOut, "%s: warning: student %s also has sheet %d of this batch; both are graded\n", r.Where(), quoteForTerminal(r.Student), first)
			} else {
				tally.students[h.Sum64()] = n
			}
		}
		if r.Passed != nil && !*r.Passed {
			tally.failed++
		}
		stats.add(r)
		if first == nil {
			for _, o := range r.Outcomes {
				first = append(first, o.Question.Question)
			}
		} else if !sameQuestions(r, first) {
			otherQuestions++
		}
		if err := w.Write(r); err != nil && writeErr == nil {
			writeErr = err
		}
		g.Release(r)
	}
	for d := range results {
		if d.seq < 0 { // an input that could not be opened at all
			handle(d)
			continue
		}
		pending[d.seq] = d
		for {
			d, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			handle(d)
		}
	}
	progress.clear()
	if otherQuestions > 0 && opts.Format == "csv" {
		fmt.Fprintf(ios.ErrOut, "warning: %d sheets were graded on other questions than the first; the CSV has columns for the first sheet's questions only (use --format json, or grade each kind of sheet apart)\n", otherQuestions)
	}
	if err := w.Close(); err != nil && writeErr == nil {
		writeErr = err
	}
	if writeErr != nil {
		if errors.Is(writeErr, quiz.ErrOneSheet) {
			return invalidErr(writeErr)
		}
		return writeErr
	}
	return stats.write(ios.ErrOut)
}

func gradeOne(g *quiz.Grader, j gradeJob) gradeDone {
	d := gradeDone{seq: j.seq, where: j.file}
	if j.json && quiz.IsReport(j.data) { // a quiz's report, gathered like a sheet
		d.res, d.err = g.GradeReport(j.file, j.data)
		return d
	}
	var sheet *quiz.Sheet
	var err error
	if j.json {
		sheet, err = g.ParseJSON(j.file, j.line, j.data)
	} else {
		sheet, err = quiz.ParseSheet(j.file, j.data)
	}
	if err != nil {
		d.err = err
		return d
	}
	d.res, d.err = g.Grade(sheet)
	g.ReleaseSheet(sheet)
	if d.err != nil {
		d.err = fmt.Errorf("%s: %w", sheetWhere(j), d.err)
	}
	return d
}

func sheetWhere(j gradeJob) string {
	if j.line > 0 {
		return fmt.Sprintf("%s:%d", j.file, j.line)
	}
	return j.file
}

// enumerateSheets turns the arguments into jobs: files, directories searched
// recursively, and "-" or .jsonl files read line by line. Inputs that cannot be
// opened are reported as results with seq -1, so that the rest still runs.
func enumerateSheets(inputs []string, stdin io.Reader, skip func(string) bool, jobs chan<- gradeJob, results chan<- gradeDone) {
	seq := 0
	bad := func(err error) { results <- gradeDone{seq: -1, err: err} }
	emit := func(path string) {
		lower := strings.ToLower(path)
		switch {
		case strings.HasSuffix(lower, ".jsonl"):
			if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
				bad(fmt.Errorf("%s: is not a regular file (a device or a pipe); use - to read from standard input", path))
				return
			}
			fh, err := os.Open(path)
			if err != nil {
				bad(err)
				return
			}
			readLines(path, fh, &seq, jobs, bad)
			fh.Close()
		default:
			data, err := quiz.ReadFileLimited(path)
			if err != nil {
				bad(err)
				return
			}
			jobs <- gradeJob{seq: seq, file: path, data: data, json: strings.HasSuffix(lower, ".json")}
			seq++
		}
	}
	for _, in := range inputs {
		if in == "-" {
			readLines("-", stdin, &seq, jobs, bad)
			continue
		}
		st, err := os.Stat(in)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				bad(fmt.Errorf("%s: no such file or directory", in))
			} else {
				bad(err)
			}
			continue
		}
		if !st.IsDir() {
			emit(in)
			continue
		}
		var found []string
		root := in
		if real, err := filepath.EvalSymlinks(in); err == nil {
			root = real // WalkDir does not follow a link it starts from
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				bad(err)
				return nil
			}
			if !d.IsDir() && isSheetFile(path) && (skip == nil || !skip(path)) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			bad(err)
		}
		if len(found) == 0 {
			bad(fmt.Errorf("%s: no sheets (.yaml, .yml, .json or .jsonl files) in this directory", in))
		}
		sort.Strings(found)
		for _, path := range found {
			emit(path)
		}
	}
}

func isSheetFile(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml", ".json", ".jsonl":
		return true
	}
	return false
}

// readLines makes one job per non-blank line of a JSON-lines input.
func readLines(name string, r io.Reader, seq *int, jobs chan<- gradeJob, bad func(error)) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), quiz.MaxFileSize+1)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		jobs <- gradeJob{seq: *seq, file: name, line: line, data: append([]byte(nil), b...), json: true}
		*seq++
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			bad(fmt.Errorf("%s:%d: sheet is larger than %d MB; conflictq reads sheets of at most %d MB (the rest of this file is skipped)", name, line+1, quiz.MaxFileSize>>20, quiz.MaxFileSize>>20))
			return
		}
		bad(fmt.Errorf("%s: %w", name, err))
	}
}

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
func quoteForTerminal(s string) string { return `"` + quiz.Printable(s) + `"` }

// sameQuestions reports whether a sheet was graded on the given questions.
func sameQuestions(r *quiz.SheetResult, qs []*quiz.Question) bool {
	if len(r.Outcomes) != len(qs) {
		return false
	}
	for i, o := range r.Outcomes {
		if o.Question.Question != qs[i] {
			return false
		}
	}
	return true
}
