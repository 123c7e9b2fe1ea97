package cmd

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/conflictq/conflictq/cmd/internal/prompt"
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/marking"
	"github.com/conflictq/conflictq/quiz/session"
	"github.com/conflictq/conflictq/quiz/text"
)

// MarkOptions are the mark command's inputs.
type MarkOptions struct {
	Factory  *Factory
	Inputs   []string
	Banks    []string
	Plain    bool
	Remark   bool
	Question string
	Student  string
	Marker   string
	From     string
}

const markLong = `Mark the open answers in a class's quiz reports (the JSON that conflictq quiz
-o or --report-dir writes), question by question: every student's answer to
one question in a row, so that the marking is consistent. For each question
you see the prompt, the model answer and the key points; for each student,
their self-assessment and their answer, with control characters shown escaped.

Give points from 0 to the question's maximum, in halves, and an optional
comment; an empty answer leaves it unmarked for now. Each mark is written into
the student's report at once and atomically, in its marks section (points,
comment, marker, time), and the report's score and percent are updated; what
the student wrote is never changed. Ctrl-C keeps every mark already given, and
a rerun skips what is marked (--remark to revise). Two runs on one directory
never lose a mark: the second refuses while the first is marking.

--plain reads one line per answer, for pipes and screen readers: the points,
then an optional comment ("1.5 names both cases but not the dates").

--from marks.csv reads marks from a spreadsheet instead: the CSV of conflictq
grade --format csv, with each open question's mark column (named by its id,
beside its ID:answer column) and ID:comment filled in.`

// NewCmdMark marks open answers in quiz reports.
func NewCmdMark(f *Factory, runF func(*MarkOptions) error) *cobra.Command {
	opts := &MarkOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "mark REPORT|DIR...",
		Short: "Mark open answers in quiz reports, question by question",
		Long:  markLong,
		Example: `  conflictq mark reports/
  conflictq mark reports/ --question ussr --student Ana --remark
  printf '1 clear and fair\n0.5\n\n' | conflictq mark reports/ --plain
  conflictq grade reports/ --format csv -o marks.csv   # fill in the mark columns, then:
  conflictq mark reports/ --from marks.csv`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Inputs = args
			if runF != nil {
				return runF(opts)
			}
			return markRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&opts.Banks, "bank", nil, "the banks' `name` or file, for the model answers and maxima (default: each report's banks)")
	fl.BoolVar(&opts.Plain, "plain", false, "read one line per answer: the points, then an optional comment")
	fl.BoolVar(&opts.Remark, "remark", false, "revise answers already marked")
	fl.StringVar(&opts.Question, "question", "", "mark only this question (`ID` or bank/ID)")
	fl.StringVar(&opts.Student, "student", "", "mark only this student's answers (`NAME`)")
	fl.StringVar(&opts.Marker, "marker", "", "your `NAME`, as the marks record it (default: $USER)")
	fl.StringVar(&opts.From, "from", "", "read the marks from `CSV` (grade --format csv, filled in)")
	_ = cmd.RegisterFlagCompletionFunc("bank", bankCompletion(f))
	return cmd
}

func markRun(opts *MarkOptions) error {
	f := opts.Factory
	ios := f.IOStreams
	if opts.Marker == "" {
		opts.Marker = f.Getenv("USER")
	}
	if opts.From == "" && !opts.Plain && !ios.CanPrompt() {
		return invalid("standard input or output is not a terminal, so conflictq cannot show its prompts.\n" +
			"Use --plain to give marks line by line, or --from marks.csv to read them from a spreadsheet.")
	}
	g, err := newGrader(ios, f.Library(), opts.Banks, nil, nil)
	if err != nil {
		return err
	}
	load := marking.BankLoader(g.Load)
	if g.Banks != nil {
		load = func([]string, string) ([]*quiz.Bank, error) { return g.Banks, nil }
	}
	files, err := marking.Reports(opts.Inputs)
	if err != nil {
		return invalidErr(err)
	}
	unlock, err := marking.Lock(files, f.Now())
	if err != nil {
		var busy *marking.BusyError
		if errors.As(err, &busy) {
			return invalidErr(err)
		}
		return err
	}
	defer unlock()
	if opts.From != "" {
		return markFromCSV(opts, load, files)
	}
	questions, errs := marking.Collect(files, load, marking.Filter{Question: opts.Question, Student: opts.Student, Remark: opts.Remark})
	for _, e := range errs {
		fmt.Fprintln(ios.ErrOut, strings.TrimSpace(e.Error()))
	}
	total := 0
	for _, q := range questions {
		total += len(q.Answers)
	}
	if total == 0 {
		fmt.Fprintln(ios.ErrOut, "Nothing to mark: every open answer is marked (--remark revises them).")
		if len(errs) > 0 {
			return silent(ExitInvalid)
		}
		return nil
	}
	var p session.Prompter
	if opts.Plain {
		p = prompt.NewPlain(ios.In, ios.Out, !ios.IsStdinTTY())
	} else {
		ios.SaveTerminal()
		defer ios.RestoreTerminal()
		p = f.Prompter()
	}
	m := &marker{opts: opts, p: p, total: total}
	runErr := m.run(questions)
	left := total - m.given
	fmt.Fprintf(ios.ErrOut, "%d %s given; %d %s left to mark.\n", m.given, plural(m.given, "mark", "marks"), left, plural(left, "answer", "answers"))
	switch {
	case runErr == nil && len(errs) > 0:
		return silent(ExitInvalid)
	case runErr == nil:
		return nil
	case errors.Is(runErr, session.ErrInterrupted), errors.Is(runErr, session.ErrSignal):
		fmt.Fprintln(ios.ErrOut, "Stopped; every mark given so far is saved. Run again to go on.")
		return silent(ExitInterrupted)
	case errors.Is(runErr, session.ErrInputEnded):
		return &ExitError{Code: ExitInvalid, Err: errors.New("input ended before every answer was marked; the marks given are saved")}
	}
	return runErr
}

// marker asks for each answer's mark and writes it at once.
type marker struct {
	opts           *MarkOptions
	p              session.Prompter
	total          int
	n              int // answers shown so far
	given, skipped int
}

func (m *marker) run(questions []*marking.Question) error {
	out := m.opts.Factory.IOStreams.Out
	for qi, q := range questions {
		fmt.Fprintf(out, "\n== Question %d of %d: %s/%s (0 to %s points)\n%s\n", qi+1, len(questions), q.Bank, q.ID, text.FormatNum(q.Max), text.Wrap(text.EscapeControl(q.Prompt), 100, ""))
		if q.Model != "" {
			fmt.Fprintf(out, "A model answer:\n%s\n", text.Wrap(text.EscapeControl(q.Model), 100, "  "))
		}
		if len(q.KeyPoints) > 0 {
			fmt.Fprintln(out, "Key points:")
			for _, k := range q.KeyPoints {
				fmt.Fprintf(out, "  • %s\n", text.Hang(text.EscapeControl(k), 100, 4))
			}
		}
		for _, a := range q.Answers {
			if err := m.one(q, a); err != nil {
				return err
			}
		}
	}
	return nil
}

func (m *marker) one(q *marking.Question, a marking.Answer) error {
	ios := m.opts.Factory.IOStreams
	out := ios.Out
	m.n++
	who := a.Student
	if who == "" {
		who = a.File
	}
	self := "not asked"
	if a.SelfCheck != nil {
		self = map[bool]string{true: "yes", false: "no"}[*a.SelfCheck]
	}
	fmt.Fprintf(out, "\n-- Answer %d of %d: %s (%s)\nCovered the key points, says the student: %s\n", m.n, m.total, text.EscapeControl(who), text.EscapeControl(a.File), self)
	fmt.Fprintf(out, "%s\n", text.Wrap(text.EscapeControl(a.Text), 100, "  | "))
	if a.Mark != nil {
		fmt.Fprintf(out, "Marked before: %s points%s\n", text.FormatNum(a.Mark.Points), commentSuffix(a.Mark.Comment))
	}
	var points float64
	var comment string
	var err error
	if m.opts.Plain {
		points, comment, err = m.plainLine(q)
	} else {
		points, comment, err = m.terminal(q)
	}
	if errors.Is(err, errSkip) {
		m.skipped++
		return nil
	}
	if err != nil {
		return err
	}
	mark := quiz.Mark{Points: points, Comment: comment, Marker: m.opts.Marker, At: m.opts.Factory.Now().UTC().Truncate(1e9)}
	if err := marking.Apply(a.File, q.Bank, q.ID, mark, q.Max); err != nil {
		fmt.Fprintf(ios.ErrOut, "conflictq: could not save the mark: %v\n", err)
		return err
	}
	m.given++
	return nil
}

var errSkip = errors.New("skipped")

func commentSuffix(c string) string {
	if c == "" {
		return ""
	}
	return " (" + text.EscapeControl(c) + ")"
}

// plainLine reads "points [comment]" on one line; an empty line skips.
func (m *marker) plainLine(q *marking.Question) (float64, string, error) {
	var points float64
	var comment string
	skip := false
	_, err := m.p.Input(fmt.Sprintf("Points (0 to %s, halves allowed), then an optional comment; an empty line leaves it unmarked:", text.FormatNum(q.Max)), func(line string) error {
		line = strings.TrimSpace(line)
		if line == "" {
			skip = true
			return nil
		}
		num, rest, _ := strings.Cut(line, " ")
		p, err := marking.ParsePoints(num, q.Max)
		if err != nil {
			return err
		}
		points, comment, skip = p, strings.TrimSpace(rest), false
		return nil
	})
	if err != nil {
		return 0, "", err
	}
	if skip {
		return 0, "", errSkip
	}
	return points, comment, nil
}

// terminal asks for the points, then a comment, with survey's prompts.
func (m *marker) terminal(q *marking.Question) (float64, string, error) {
	var points float64
	line, err := m.p.Input(fmt.Sprintf("Points (0 to %s, halves; empty to leave unmarked):", text.FormatNum(q.Max)), func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		var err error
		points, err = marking.ParsePoints(s, q.Max)
		return err
	})
	if err != nil {
		return 0, "", err
	}
	if strings.TrimSpace(line) == "" {
		return 0, "", errSkip
	}
	points, _ = marking.ParsePoints(line, q.Max)
	comment, err := m.p.Input("Comment (optional):", nil)
	if err != nil {
		return 0, "", err
	}
	return points, strings.TrimSpace(comment), nil
}

// markFromCSV applies the marks a teacher filled in a spreadsheet.
//
// Only the reports among the inputs are written: those are the ones the lock
// holds, so a mark another run is giving at the same time is never lost, and
// a CSV cannot write into a folder the teacher did not name.
func markFromCSV(opts *MarkOptions, load marking.BankLoader, files []string) error {
	f := opts.Factory
	ios := f.IOStreams
	fh, err := os.Open(opts.From)
	if err != nil {
		return invalidErr(err)
	}
	defer fh.Close()
	entries, probs := marking.ReadCSV(opts.From, fh)
	for _, p := range probs {
		fmt.Fprintln(ios.ErrOut, p.Error())
	}
	bad := len(probs)
	given := map[string]bool{}
	for _, file := range files {
		given[reportKey(file)] = true
	}
	saved, kept := 0, 0
	for _, e := range entries {
		if opts.Question != "" && opts.Question != e.ID && !strings.HasSuffix(opts.Question, "/"+e.ID) {
			continue
		}
		if !given[reportKey(e.File)] {
			fmt.Fprintf(ios.ErrOut, "%s:%d: %s is not among the reports in %s, so it is not locked for marking; name its folder on the command line\n", opts.From, e.Line, e.File, strings.Join(opts.Inputs, ", "))
			bad++
			continue
		}
		bank, max, old, err := marking.Target(e.File, e.ID, load)
		if err == nil && old != nil && (old.Points == e.Points && old.Comment == e.Comment || !opts.Remark) {
			if old.Points != e.Points || old.Comment != e.Comment {
				fmt.Fprintf(ios.ErrOut, "%s:%d: question %q: %s is marked already (%s points); --remark to revise it\n", opts.From, e.Line, e.ID, e.File, text.FormatNum(old.Points))
			}
			kept++
			continue
		}
		if err == nil {
			err = marking.CheckPoints(e.Points, max)
		}
		if err == nil {
			err = marking.Apply(e.File, bank, e.ID, quiz.Mark{Points: e.Points, Comment: e.Comment, Marker: opts.Marker, At: f.Now().UTC().Truncate(1e9)}, max)
		}
		if err != nil {
			fmt.Fprintf(ios.ErrOut, "%s:%d: question %q: %v\n", opts.From, e.Line, e.ID, err)
			bad++
			continue
		}
		saved++
	}
	fmt.Fprintf(ios.ErrOut, "%d marks read from %s and saved in the reports (%d already there kept).\n", saved, opts.From, kept)
	if bad > 0 {
		fmt.Fprintf(ios.ErrOut, "%d marks could not be used (see above); the others are saved.\n", bad)
		return silent(ExitInvalid)
	}
	return nil
}

// reportKey names a report by its absolute path with links resolved, so that
// one file named two ways is recognised.
func reportKey(file string) string {
	if p, err := filepath.EvalSymlinks(file); err == nil {
		file = p
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return file
	}
	return abs
}
