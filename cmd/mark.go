package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os/user"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/conflictq/conflictq/cmd/internal/prompt"
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/grade"
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
-o or --report-dir writes) and paper sheets (YAML or JSON), question by
question: every student's answer to
one question in a row, so that the marking is consistent. For each question
you see the prompt, the model answer and the key points, numbered, once; for
each student, the question's id and the start of its prompt, the key points
they ticked as covered and their answer, with control characters shown
escaped. Type ? for the points to see the question again.

Give points from 0 to the question's maximum, in halves, and an optional
comment; an empty answer leaves it unmarked for now. Each mark is written into
the student's report at once and atomically, in its marks section (points,
comment, marker, time), and the report's score and percent are updated; what
the student wrote is never changed. Ctrl-C keeps every mark already given, and
a rerun skips what is marked (--remark to revise). Two runs on one directory
never lose a mark: the second refuses while the first is marking. A paper
sheet's marks go in a marks section added at its end; what the student wrote
is kept byte for byte. Ctrl-C, Ctrl-\, SIGTERM and SIGHUP stop with every mark
kept (exit 130). A --student or --question that matches nothing exits 2.

--plain reads one line per answer, for pipes and screen readers: the points,
then an optional comment ("1.5 names both cases but not the dates"), or ?.

--from marks.csv reads marks from a spreadsheet instead: the CSV of conflictq
grade --format csv, with each open question's mark column (named bank/id,
beside its bank/id:answer column) and bank/id:comment filled in. A CSV saved
by a spreadsheet reads too: comma or semicolon separated, with or without a
byte order mark; an older one naming columns by the id alone reads when the id
names one question.`

// markShort is the mark command's one-line summary, which the root's help and
// completion show without building the command.
const markShort = "Mark open answers in quiz reports, question by question"

// NewCmdMark marks open answers in quiz reports.
func NewCmdMark(f *Factory, runF func(*MarkOptions) error) *cobra.Command {
	opts := &MarkOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "mark REPORT|DIR...",
		Short: markShort,
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
	stringArrayVar(fl, &opts.Banks, "bank", nil, "the banks' `name` or file, for the model answers and maxima (default: each report's banks)")
	fl.BoolVar(&opts.Plain, "plain", false, "read one line per answer: the points, then an optional comment")
	fl.BoolVar(&opts.Remark, "remark", false, "revise answers already marked")
	fl.StringVar(&opts.Question, "question", "", "mark only this question (`ID` or bank/ID)")
	fl.StringVar(&opts.Student, "student", "", "mark only this student's answers (`NAME`)")
	fl.StringVar(&opts.Marker, "marker", "", "your `NAME`, as the marks record it (default: $USER, else your login name, else \"teacher\")")
	fl.StringVar(&opts.From, "from", "", "read the marks from `CSV` (grade --format csv, filled in)")
	_ = cmd.RegisterFlagCompletionFunc("bank", bankCompletion(f))
	return cmd
}

func markRun(opts *MarkOptions) error {
	f := opts.Factory
	ios := f.IOStreams
	// The name is trimmed as $USER is, and as the sheet reads it back: a
	// mark whose marker had a space at an end did not read back as written
	// and was refused (recheck26b L4).
	// Zero-width and format characters around it are trimmed too: they
	// make two names that look one (lows28).
	given := opts.Marker
	opts.Marker = text.TrimInvisible(given)
	switch {
	case given == "":
		opts.Marker = markerName(f.Getenv)
	case !text.Visible(opts.Marker):
		// Spaces, U+200B, a filler: a name no one can read in the sheet.
		return &FlagError{Err: fmt.Errorf("--marker %+q has no name in it: give your name, or leave --marker out for $USER", given)}
	case !plainName(opts.Marker):
		return &FlagError{Err: fmt.Errorf("--marker %+q has a control or invisible character in it (a tab, a line break, an escape sequence, a zero-width joiner): give your name as plain text", given)}
	}
	g, err := newGrader(ios, f.Library(), opts.Banks, nil, nil)
	if err != nil {
		return err
	}
	load := marking.BankLoader(g.Load)
	if g.Banks != nil {
		load = func([]string, string) ([]*quiz.Bank, error) { return g.Banks, nil }
	}
	files, ok, err := listToMark(opts)
	if err != nil || !ok {
		return err
	}
	// Caught from before the lock is taken to after it is given back: a
	// signal ends the marking between two marks (two files, with --from),
	// and the lock is released (attack24 M2: --from died of it, leaving
	// the lock and a temporary file).
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	if f.HandleSignals {
		defer catchSignals(cancel)()
	}
	var marks *marking.Marks
	if opts.From != "" {
		// Read before the lock is taken, and a signal while a large
		// or piped CSV is read ends the run at once: it waited for the
		// read's end (the writer's, for a pipe), the lock held (marks30).
		marks, err = readMarks(ctx, opts.From)
		if stop := context.Cause(ctx); err != nil && stop != nil && errors.Is(err, stop) {
			return stoppedMarking(ios.ErrOut)
		}
		if err != nil {
			return invalidErr(err)
		}
	}
	unlock, err := marking.Lock(files, f.Now())
	if err != nil {
		var busy *marking.BusyError
		var odd *marking.LockPathError
		var ro *marking.ReadOnlyError
		if errors.As(err, &busy) || errors.As(err, &odd) || errors.As(err, &ro) {
			return invalidErr(err)
		}
		return err
	}
	defer unlock()
	if opts.From != "" {
		return markFromCSV(ctx, opts, marks, load, files)
	}
	questions, errs, notes, unknown := marking.Collect(files, load, marking.Filter{Question: opts.Question, Student: opts.Student, Remark: opts.Remark})
	for _, n := range append(notes, unknown...) {
		fmt.Fprintln(ios.ErrOut, n.Error()) // escaped
	}
	for _, e := range errs {
		fmt.Fprintln(ios.ErrOut, text.EscapeLines(strings.TrimSpace(e.Error()))) // file names are a file's words
	}
	total, marked := marking.Tally(questions)
	if total == 0 {
		return nothingToMark(opts, files, load, errs, len(unknown))
	}
	// Only now: a script that finds nothing left to mark hears so, exit 0,
	// rather than that it has no terminal (teacher6).
	if !opts.Plain && !ios.CanPrompt() {
		return invalid("standard input or output is not a terminal, so conflictq cannot show its prompts.\n" +
			"Use --plain to give marks line by line, or --from marks.csv to read them from a spreadsheet.")
	}
	var p session.Prompter
	if opts.Plain {
		plain := prompt.NewPlain(ios.In, ios.Out, !ios.IsStdinTTY())
		plain.InputLabel = "Mark:"
		p = plain
	} else {
		ios.SaveTerminal()
		defer ios.RestoreTerminal()
		p = f.Prompter()
	}
	endsWith(p, ctx)
	// The terminal's width, as quiz and grade wrap; 80 into a pipe.
	m := &marker{opts: opts, p: p, ctx: ctx, total: total, unknown: len(unknown), width: ios.TerminalWidth()}
	return m.finish(m.run(questions), total, marked, len(errs) > 0)
}

// listToMark lists the reports and sheets to mark, with notes on what was
// left out; false when all were left out, which it says.
func listToMark(opts *MarkOptions) ([]string, bool, error) {
	ios := opts.Factory.IOStreams
	listed, err := marking.List(opts.Inputs)
	if err != nil {
		return nil, false, invalidErr(err)
	}
	files := listed.Files
	if note := listed.Left.Note("mark"); note != "" && len(files) == 0 {
		// As grade's "no sheets": what was left out is why.
		fmt.Fprintf(ios.ErrOut, "Nothing to mark: no reports or sheets (%s files) in %s; %s.\n", fileio.ExtList(grade.SheetFormats...), text.EscapeControl(strings.Join(opts.Inputs, ", ")), note)
		return nil, false, nil
	} else if note != "" {
		fmt.Fprintf(ios.ErrOut, "note: %s\n", note)
	}
	for _, s := range listed.Same {
		fmt.Fprintf(ios.ErrOut, "note: %s is the same file as %s; its answers are shown once\n", text.EscapeControl(s[0]), text.EscapeControl(s[1]))
	}
	return files, true, nil
}

// finish says how many marks were given and left, and turns how marking
// ended (runErr) into the command's result; broken: some files could not
// be read.
func (m *marker) finish(runErr error, total, marked int, broken bool) error {
	ios := m.opts.Factory.IOStreams
	// An answer marked before and not revised is not "left to mark": its
	// mark stands (teacher2 P6).
	left := total - marked - (m.given - m.revised)
	msg := fmt.Sprintf("%d %s given; %d %s left to mark", m.given, text.Plural(m.given, "mark", "marks"), left, text.Plural(left, "answer", "answers"))
	if kept := marked - m.revised; kept > 0 {
		msg += fmt.Sprintf("; %d earlier %s kept as %s", kept, text.Plural(kept, "mark", "marks"), text.Plural(kept, "it was", "they were"))
	}
	fmt.Fprintln(ios.ErrOut, msg+unknownNote(m.unknown)+".")
	switch {
	case runErr == nil && broken:
		return silent(ExitInvalid)
	case runErr == nil:
		return nil
	case errors.Is(runErr, session.ErrInterrupted), errors.Is(runErr, session.ErrSignal):
		return stoppedMarking(ios.ErrOut)
	case errors.Is(runErr, session.ErrInputEnded):
		return &ExitError{Code: ExitInvalid, Err: errors.New("input ended before every answer was marked; the marks given are saved")}
	}
	return runErr
}

// stoppedMarking says that a signal or Ctrl-C stopped the marking with every
// mark given saved, and ends it with 130, at the keyboard and --from alike.
func stoppedMarking(w io.Writer) error {
	fmt.Fprintln(w, "Stopped; every mark given so far is saved. Run again to go on.")
	return silent(ExitInterrupted)
}

// osUserName is the name the operating system logs the user in as, or "".
var osUserName = func() string {
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return ""
}

// markerName is the name marks record without --marker: $USER, else the
// operating system's user name (a shell, a cron job or Windows may leave
// $USER empty), else "teacher", so that a mark never goes without one
// (teacher2 P13). The system's name is looked up only when $USER gives none:
// the lookup reads and parses /etc/passwd.
func markerName(getenv func(string) string) string {
	// Each trimmed and checked as --marker is: one that names no one
	// visibly, or not in plain text, is passed over as an empty one is.
	for _, name := range []func() string{func() string { return getenv("USER") }, osUserName} {
		if name := text.TrimInvisible(name()); text.Visible(name) && plainName(name) {
			return name
		}
	}
	return "teacher"
}

// plainName reports whether a marker's name holds no control character
// (a tab, a line break, an escape sequence, a bidi override): one that a
// terminal would obey, and the sheet would not read back as written. Nor a
// character inside it that shows nothing (text.HiddenInside: a zero-width
// joiner, a Hangul filler, a stray variation selector), as TrimInvisible
// trims at its ends: "A\u200dB" looks like "AB" and would be another name
// (attack23 L7, attack24 L5).
func plainName(name string) bool {
	return text.EscapeControl(name) == name && !text.HiddenInside(name)
}

// marker asks for each answer's mark and writes it at once.
type marker struct {
	opts           *MarkOptions
	p              session.Prompter
	ctx            context.Context // ended by a signal
	width          int             // the columns text is wrapped to
	total          int
	n              int // answers shown so far
	q, nq          int // the question being marked, from 1, of how many
	given, skipped int
	unknown        int // answers whose question no bank has (named before the first)
	revised        int // of given: marks of answers marked before (--remark)
}

func (m *marker) run(questions []*marking.Question) error {
	for qi, q := range questions {
		m.q = qi + 1
		m.nq = len(questions)
		m.showQuestion(q)
		for _, a := range q.Answers {
			if err := m.one(q, a); err != nil {
				return err
			}
		}
	}
	return nil
}

// showQuestion draws what a question's answers are marked against, once,
// before the first of them: the prompt, the model answer and the key
// points. At 80x24 that is most of the screen (teacher14 P9), so each answer
// names its question on a line of its own (answerHead) rather than drawing
// all of it again, and ? at the points gives it again.
func (m *marker) showQuestion(q *marking.Question) {
	out := m.opts.Factory.IOStreams.Out
	head := fmt.Sprintf("== Question %d of %d: %s/%s (0 to %s)", m.q, m.nq, q.Bank, q.ID, points(q.Max))
	fmt.Fprintf(out, "\n%s\n%s\n", text.Wrap(head, m.width, ""), text.Wrap(text.EscapeControl(q.Prompt), m.width, ""))
	if q.Model != "" {
		fmt.Fprintf(out, "A model answer:\n%s\n", text.Wrap(text.EscapeControl(q.Model), m.width, "  "))
	}
	if len(q.KeyPoints) > 0 {
		// Numbered, as the student's self-check names them.
		fmt.Fprintln(out, "Key points:")
		for i, k := range q.KeyPoints {
			num := fmt.Sprintf("  %d. ", i+1)
			fmt.Fprintf(out, "%s%s\n", num, text.Hang(text.EscapeControl(k), m.width, len(num)))
		}
	}
}

// answerHead is an answer's heading: its number and student, then the
// question it answers, by id and the start of its prompt, on one line. The
// file is named by its path, or by its name alone where the path would
// take the heading onto a second line.
func (m *marker) answerHead(q *marking.Question, a marking.Answer) string {
	who := a.Student
	if who == "" {
		who = a.File
	}
	head := fmt.Sprintf("-- Answer %d of %d: %s", m.n, m.total, text.EscapeControl(who))
	file := text.EscapeControl(a.File)
	if m.width > 0 && text.Width(head+" ("+file+")") > m.width {
		file = text.EscapeControl(filepath.Base(a.File))
	}
	if a.Student != "" {
		head += " (" + file + ")"
	}
	which := fmt.Sprintf("to %s: %s", q.ID, strings.Join(strings.Fields(text.EscapeControl(q.Prompt)), " "))
	return text.Wrap(head, m.width, "") + "\n   " + text.FirstLines(which, m.width-3, 1)
}

func (m *marker) one(q *marking.Question, a marking.Answer) error {
	ios := m.opts.Factory.IOStreams
	m.n++
	m.showAnswer(q, a)
	var points float64
	var comment string
	var err error
	for {
		if m.opts.Plain {
			points, comment, err = m.plainLine(q)
		} else {
			points, comment, err = m.terminal(q)
		}
		if !errors.Is(err, errShowQuestion) {
			break
		}
		// ? at the points: the question once more, then this answer.
		m.showQuestion(q)
		m.showAnswer(q, a)
	}
	if errors.Is(err, errSkip) {
		m.skipped++
		return nil
	}
	if err != nil && !errors.Is(err, errStopAfterPoints) {
		return err
	}
	mark := quiz.Mark{Points: points, Comment: comment, Marker: m.opts.Marker, At: m.opts.Factory.Now().UTC().Truncate(1e9),
		Answer: quiz.AnswerDigest(a.Text)} // the answer shown: one changed meanwhile is not marked with it
	id := q.ID
	if a.ID != "" {
		id = a.ID // the id the file gives it: a former id on an old sheet or report
	}
	if err := marking.Apply(a.File, q.Bank, id, mark, q.Max); err != nil {
		fmt.Fprintf(ios.ErrOut, "conflictq: could not save the mark: %s\n", text.EscapeLines(err.Error()))
		return &ExitError{Code: exitCode(err)} // said once, here (attack5 N7)
	}
	m.given++
	if a.Mark != nil {
		m.revised++
	}
	if err != nil {
		// Stopped while typing the comment: the points are kept, with the
		// comment as far as it was typed.
		return errors.Unwrap(err)
	}
	return nil
}

// showAnswer draws one student's answer: its heading, the key points the
// student says it covered, the text, and any mark it has.
func (m *marker) showAnswer(q *marking.Question, a marking.Answer) {
	out := m.opts.Factory.IOStreams.Out
	self := "Covered, says the student: " + a.SelfCheckSays(len(q.KeyPoints))
	if a.SelfCheckPoints == nil { // a yes or no, from an older report
		self = "Covered the key points, says the student: " + a.SelfCheckSays(len(q.KeyPoints))
	}
	cutOff := "(" + quiz.CutOffNote + "; stopped by " + quiz.CutOffCauses + ")"
	if a.SelfCheckCutOff {
		// The answer was sent with Enter; the self-check's ticks were
		// kept at the cut (attack14 #4): the note goes with them.
		self += " (" + quiz.SelfCheckCutOffNote + "; stopped by " + quiz.CutOffCauses + ")"
	}
	fmt.Fprintf(out, "\n%s\n%s\n", m.answerHead(q, a), text.Wrap(self, m.width, ""))
	// A line break in an answer is the student's text (a paper sheet's
	// answer under a |), shown as a new line; other control characters are
	// escaped (teacher2 P3).
	fmt.Fprintf(out, "%s\n", text.Wrap(text.EscapeLines(strings.ReplaceAll(a.Text, "\r\n", "\n")), m.width, "  | "))
	if a.CutOff {
		fmt.Fprintf(out, "%s\n", text.Wrap(cutOff, m.width, "  "))
	}
	if a.Mark != nil {
		fmt.Fprintf(out, "%s\n", text.Wrap(fmt.Sprintf("Marked before: %s%s", points(a.Mark.Points), commentSuffix(a.Mark.Comment)), m.width, ""))
	}
	if u := a.Uncounted; u != nil {
		why := "the answer changed after it was marked"
		fmt.Fprintf(out, "%s\n", text.Wrap(fmt.Sprintf("A mark that does not count: %s%s; %s", points(u.Points), commentSuffix(u.Comment), why), m.width, ""))
	}
}

// stopAfterPoints wraps the way a run stopped (Ctrl-C, a signal) while the
// optional comment was being typed: the points given are still saved.
type stopAfterPoints struct{ err error }

func (e *stopAfterPoints) Error() string { return e.err.Error() }
func (e *stopAfterPoints) Unwrap() error { return e.err }
func (e *stopAfterPoints) Is(target error) bool {
	return target == errStopAfterPoints
}

var errStopAfterPoints = errors.New("stopped after the points")

var errSkip = errors.New("skipped")

// errShowQuestion: ? was typed for the points, to see the question again.
var errShowQuestion = errors.New("show the question again")

// showAgain is what is typed for the points to see the question again.
const showAgain = "?"

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
	ask := text.Wrap(fmt.Sprintf("Points (0 to %s, halves allowed), then an optional comment; an empty line leaves it unmarked, %s shows the question again:", text.FormatNum(q.Max), showAgain), m.width, "")
	again := false
	_, err := inputWithContext(m.ctx, m.p, ask, func(line string) error {
		line = strings.TrimSpace(line)
		if line == "" {
			skip = true
			return nil
		}
		if line == showAgain {
			again = true
			return nil
		}
		num, rest, _ := strings.Cut(line, " ")
		p, err := quiz.ParsePoints(num, q.Max)
		if err != nil {
			return err
		}
		rest = strings.TrimSpace(rest)
		if marking.MoreNumber(rest) {
			// "0 ,5" or "1 .5": a stray space would save 0 or 1 and
			// make the rest the comment (attack16 #2).
			return fmt.Errorf("read %s as the points and %q as the comment, which looks like more of the number: write the points with no space in them (such as 0.5), and start a comment with a word", text.FormatNum(p), text.EscapeControl(rest))
		}
		points, comment, skip = p, rest, false
		return nil
	})
	if err != nil {
		return 0, "", err
	}
	if again {
		return 0, "", errShowQuestion
	}
	if skip {
		return 0, "", errSkip
	}
	return points, comment, nil
}

// savedIn says where mark --from wrote: in the reports, in the sheets, or
// how many in each (only asked when a mark was saved).
func savedIn(rows []marking.Row) string {
	var reports, sheets int
	for _, r := range rows {
		if r.File == "" || r.Status != marking.Saved {
			continue
		}
		if r.Sheet {
			sheets++
		} else {
			reports++
		}
	}
	switch {
	case reports > 0 && sheets > 0:
		return fmt.Sprintf("saved: %d in the reports, %d in the sheets", reports, sheets)
	case sheets > 0:
		return "saved in the sheets"
	}
	return "saved in the reports"
}

// terminal asks for the points, then a comment, with survey's prompts.
func (m *marker) terminal(q *marking.Question) (float64, string, error) {
	var points float64
	ask := text.Wrap(fmt.Sprintf("Points (0 to %s, halves; empty to leave unmarked; %s to see the question):", text.FormatNum(q.Max), showAgain), m.width-2, "") // after survey's "? "
	line, err := inputWithContext(m.ctx, m.p, ask, func(s string) error {
		if s := strings.TrimSpace(s); s == "" || s == showAgain {
			return nil
		}
		var err error
		points, err = quiz.ParsePoints(s, q.Max)
		return err
	})
	if err != nil {
		return 0, "", err
	}
	switch strings.TrimSpace(line) {
	case "":
		return 0, "", errSkip
	case showAgain:
		return 0, "", errShowQuestion
	}
	points, _ = quiz.ParsePoints(line, q.Max)
	comment, err := inputWithContext(m.ctx, m.p, "Comment (optional):", nil)
	if errors.Is(err, session.ErrInterrupted) || errors.Is(err, session.ErrSignal) {
		// The comment as typed when the run stopped, as the quiz keeps an
		// answer typed at Ctrl-C: the screen showed it (attack16 #6).
		kept := ""
		if d, ok := m.p.(session.Drafter); ok {
			kept = strings.TrimSpace(d.Draft())
		}
		return points, kept, &stopAfterPoints{err}
	}
	if err != nil {
		return 0, "", err
	}
	return points, strings.TrimSpace(comment), nil
}

// readMarks reads the marks CSV from (marking.ReadMarks) in a goroutine, so
// that ctx ended (a signal) ends the wait at once: the read holds no lock,
// and is left to the process's end.
func readMarks(ctx context.Context, from string) (*marking.Marks, error) {
	type read struct {
		marks *marking.Marks
		err   error
	}
	ch := make(chan read, 1)
	go func() {
		m, err := marking.ReadMarks(from)
		ch <- read{m, err}
	}()
	select {
	case r := <-ch:
		return r.marks, r.err
	case <-ctx.Done():
		return nil, context.Cause(ctx)
	}
}

// markFromCSV applies the marks a teacher filled in a spreadsheet
// (marks, read: marking.Marks.Import) and says what became of each. Ended
// by a signal (ctx), it stops between two files, says what it saved, and
// exits 130.
func markFromCSV(ctx context.Context, opts *MarkOptions, marks *marking.Marks, load marking.BankLoader, files []string) error {
	f := opts.Factory
	ios := f.IOStreams
	probs, rows, err := marks.Import(files, load, marking.ImportOptions{Question: opts.Question, Remark: opts.Remark, Marker: opts.Marker, Now: f.Now, Context: ctx})
	stop := context.Cause(ctx)
	if err != nil && !errors.Is(err, stop) {
		return invalidErr(err)
	}
	bad := 0
	for _, p := range probs {
		fmt.Fprintln(ios.ErrOut, p.Error())
		if !p.Warning {
			bad++
		}
	}
	saved, kept := 0, 0
	for _, r := range rows {
		switch r.Status {
		case marking.Saved:
			saved++
		case marking.Kept:
			kept++
		case marking.Unchanged:
			fmt.Fprintf(ios.ErrOut, "%s:%d: question %q: %s is marked already (%s); --remark to revise it\n", text.EscapeControl(opts.From), r.Line, r.ID, text.EscapeControl(r.File), points(r.Old.Points))
			kept++
		case marking.Unmatched:
			fmt.Fprintf(ios.ErrOut, "%s:%d: %s\n", text.EscapeControl(opts.From), r.Line, text.EscapeLines(r.Err.Error()))
			bad++
		case marking.Failed:
			fmt.Fprintf(ios.ErrOut, "%s:%d: question %q: %s\n", text.EscapeControl(opts.From), r.Line, r.ID, text.EscapeLines(r.Err.Error()))
			bad++
		}
	}
	if saved == 0 {
		// Not "saved in the reports": a row that failed before its file was
		// read does not know whether it names a report or a sheet (attack18 #6).
		fmt.Fprintf(ios.ErrOut, "No mark from %s saved (%d already there kept).\n", text.EscapeControl(opts.From), kept)
	} else {
		fmt.Fprintf(ios.ErrOut, "%s read from %s and %s (%d already there kept).\n", text.Count(saved, "mark"), text.EscapeControl(opts.From), savedIn(rows), kept)
	}
	if err != nil {
		// The rows not reached are not counted: a rerun gives them.
		if bad > 0 {
			fmt.Fprintf(ios.ErrOut, "%s could not be used (see above).\n", text.Count(bad, "mark"))
		}
		return stoppedMarking(ios.ErrOut)
	}
	if bad > 0 {
		switch {
		case saved == 0 && kept == 0:
			// Not "the others are saved": there are none, and the lines
			// above say why (a file refused whole is no count of marks).
		case saved == 0:
			fmt.Fprintf(ios.ErrOut, "%s could not be used (see above); the others were there already and are kept.\n", text.Count(bad, "mark"))
		default:
			fmt.Fprintf(ios.ErrOut, "%s could not be used (see above); the others are saved.\n", text.Count(bad, "mark"))
		}
		return silent(ExitInvalid)
	}
	return nil
}

// nothingToMark says why a run has no answer to show, truthfully: no open
// answers at all, a --student or --question that matches none (exit 2, as
// for any bad input, so that a script notices the typo), or every answer
// marked already (exit 0).
func nothingToMark(opts *MarkOptions, files []string, load marking.BankLoader, errs []error, unknown int) error {
	ios := opts.Factory.IOStreams
	c := marking.Count(files, load, marking.Filter{Question: opts.Question, Student: opts.Student})
	var msg string
	code := ExitOK
	switch {
	case c.Answers == 0 && len(errs) > 0 && len(errs) >= len(files):
		// Not "no open answers": the files refused may hold some.
		msg = fmt.Sprintf("Nothing marked: %s could not be read or marked (named above).", text.Plural(len(files), "the report or sheet", fmt.Sprintf("the %d reports and sheets", len(files))))
	case c.Answers == 0 && len(errs) > 0:
		msg = fmt.Sprintf("Nothing marked: %d of the %d reports and sheets could not be read or marked (named above); the others hold no open answers.", len(errs), len(files))
	case c.Answers == 0:
		msg = fmt.Sprintf("Nothing to mark: no open answers in %s.", text.Plural(len(files), "the report or sheet", fmt.Sprintf("the %d reports and sheets", len(files))))
	case opts.Student != "" && c.Students == 0:
		msg, code = fmt.Sprintf("No student named %q has an open answer in these reports and sheets; nothing marked.", text.EscapeControl(opts.Student)), ExitInvalid
	case opts.Question != "" && c.Question == 0:
		msg, code = fmt.Sprintf("No open answer to a question %q in these reports and sheets; nothing marked.", text.EscapeControl(opts.Question)), ExitInvalid
	case opts.Student != "" && opts.Question != "" && opts.Remark:
		msg = fmt.Sprintf("%s gave no answer to %s; nothing marked.", text.EscapeControl(opts.Student), text.EscapeControl(opts.Question))
	case opts.Student != "" || opts.Question != "":
		msg = "Nothing to mark: every open answer that matches is marked (--remark revises them)."
	default:
		msg = fmt.Sprintf("Nothing to mark: %s (--remark revises %s).", text.Plural(c.Answers, "the open answer is marked", fmt.Sprintf("all %d open answers are marked", c.Answers)), text.Plural(c.Answers, "it", "them"))
	}
	if n := unknownNote(unknown); n != "" {
		msg = strings.TrimSuffix(msg, ".") + n + "."
	}
	fmt.Fprintln(ios.ErrOut, msg)
	if code != ExitOK {
		return silent(code)
	}
	if len(errs) > 0 {
		return silent(ExitInvalid)
	}
	return nil
}

// unknownNote counts, for the closing line, the answers whose question no
// bank has (each named on stderr before): an answer is never passed over
// without a word (attack11 #2).
func unknownNote(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("; %s to a question no bank has (named above)", text.Count(n, "answer"))
}

// points writes a mark with its noun: "1 point", "0.5 points", "2 points".
func points(p float64) string {
	if p == 1 {
		return "1 point"
	}
	return text.FormatNum(p) + " points"
}
