package grade

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/jsonw"
	"github.com/conflictq/conflictq/quiz/text"
)

// resultFormats is the table of the formats grade results can be written in,
// in the order the documentation gives them; a new format is one line here.
var resultFormats = []struct {
	name string
	new  func(w io.Writer, opts ResultOptions) ResultWriter
}{
	{"text", func(w io.Writer, opts ResultOptions) ResultWriter { return &textResults{w: w, opts: opts} }},
	{"json", func(w io.Writer, opts ResultOptions) ResultWriter { return &jsonResults{w: w, opts: opts} }},
	{"csv", func(w io.Writer, opts ResultOptions) ResultWriter { return newCSVResults(w, opts) }},
	{"junit", func(w io.Writer, opts ResultOptions) ResultWriter { return &junitResults{w: w, opts: opts} }},
	{"gradescope", func(w io.Writer, opts ResultOptions) ResultWriter { return &gradescopeResults{w: w, opts: opts} }},
	{"markdown", func(w io.Writer, opts ResultOptions) ResultWriter { return &markdownResults{w: w, opts: opts} }},
	{"html", func(w io.Writer, opts ResultOptions) ResultWriter { return newHTMLResults(w, opts) }},
}

// GradeFormats lists the formats grade results can be written in: a
// function, not a list made in the package's init in every run.
func GradeFormats() []string {
	out := make([]string, len(resultFormats))
	for i, f := range resultFormats {
		out[i] = f.name
	}
	return out
}

// ResultWriter writes graded sheets one at a time, as they are graded, so that
// a batch of any size needs no more memory than one sheet.
type ResultWriter interface {
	Write(r *SheetResult) error
	// Unreadable records an input that could not be read or graded at all
	// (err names it), so that no format passes over it in silence.
	Unreadable(where string, err error) error
	// Close finishes the output (closing brackets, totals).
	Close() error
}

// ResultOptions shape every format.
type ResultOptions struct {
	// Reveal prints the right answers. Without it, feedback says which
	// questions were wrong and where to reread, but not the answer, so that a
	// report can be shown to students.
	Reveal bool
	// Pass is the pass mark in percent, or nil; the class page draws it.
	Pass *float64
	// Generated is when the results were made, for the class page.
	Generated time.Time
	// Width, when not 0, is the screen's width: the text table wraps its
	// last column (the places to reread) at word boundaries to fit it.
	Width int
}

// NewResultWriter returns a writer for format.
func NewResultWriter(format string, w io.Writer, opts ResultOptions) (ResultWriter, error) {
	for _, f := range resultFormats {
		if f.name == format {
			return f.new(w, opts), nil
		}
	}
	return nil, fmt.Errorf("unknown format %q (one of %s)", format, strings.Join(GradeFormats(), ", "))
}

// MultiResultWriter writes to several writers at once (a report and the CI
// step summary).
func MultiResultWriter(ws ...ResultWriter) ResultWriter { return multiResults(ws) }

type multiResults []ResultWriter

func (m multiResults) Write(r *SheetResult) error {
	var errs []error
	for _, w := range m {
		errs = append(errs, w.Write(r))
	}
	return errors.Join(errs...)
}

func (m multiResults) Unreadable(where string, err error) error {
	var errs []error
	for _, w := range m {
		errs = append(errs, w.Unreadable(where, err))
	}
	return errors.Join(errs...)
}

func (m multiResults) Close() error {
	var errs []error
	for _, w := range m {
		errs = append(errs, w.Close())
	}
	return errors.Join(errs...)
}

// counted reports whether a question's points are settled: a closed
// question, or an open one marked or left blank (0 of its points). An open
// answer waiting for its mark is not settled yet (JUnit skips it, Gradescope
// leaves it pending), although every question counts in the maximum, the
// unmarked answer as 0 of its points.
func counted(o quiz.Outcome) bool { return !o.ToMark() }

// fullMarks reports whether a question that counts earned all its points.
func fullMarks(o quiz.Outcome) bool {
	if o.Mark != nil {
		return o.Mark.Points >= o.MaxPoints()
	}
	return o.Correct()
}

// verdictWord is PASS, FAIL, or "-" without a pass mark.
// percentText is a sheet's percentage for people, beside its verdict: a
// failed sheet's never shows as reaching the pass mark
// (text.FormatResultPercent).
func percentText(r *SheetResult) string {
	if r.Passed == nil {
		return text.FormatPercent(r.Percent)
	}
	return text.FormatResultPercent(r.Percent, r.Pass)
}

func verdictWord(r *SheetResult) string {
	switch {
	case r.Passed == nil:
		return "-"
	case *r.Passed:
		return "PASS"
	}
	return "FAIL"
}

// feedback says what to do about one question: nothing when right; which
// section to reread when wrong, and the answer when revealed. An answer that
// could not be read is named as written, never passed off as unanswered. An
// answer still being typed when the quiz stopped says so first, in every
// format (a Gradescope student would otherwise read "not right" alone).
// An open answer's state is told to its reader: the student's views
// (JSON, JUnit, Gradescope) say "your teacher"; the teacher's own
// gradebook (text, Markdown) does not (teacher16 P4).
func feedback(o quiz.Outcome, reveal, forTeacher bool) string {
	s := verdictFeedback(o, reveal, forTeacher)
	note := cutOffNote(o.Response)
	switch {
	case note == "":
		return s
	case s == "":
		return note
	}
	return note + "; " + s
}

// cutOffNote is what feedback says first of an answer the quiz's stop cut
// short: CutOffNote for one never sent, SelfCheckCutOffNote for an open
// answer sent whose self-check was cut (review 23 #1); "" for neither.
func cutOffNote(r quiz.Response) string {
	switch {
	case !r.Answered:
		return ""
	case r.CutOff:
		return quiz.CutOffNote
	case r.SelfCheckCutOff:
		return quiz.SelfCheckCutOffNote
	}
	return ""
}

func verdictFeedback(o quiz.Outcome, reveal, forTeacher bool) string {
	q := o.Question
	parts := make([]string, 0, 3) // on the stack: Join keeps none of it
	switch {
	case o.Mark != nil:
		by := "marked by your teacher"
		if forTeacher {
			by = "marked"
		}
		s := fmt.Sprintf("%s: %s of %s points", by, text.FormatNum(o.Mark.Points), text.FormatNum(o.MaxPoints()))
		if o.Mark.Comment != "" {
			s += ": " + o.Mark.Comment
		}
		return s
	case o.Response.Unreadable != "":
		parts = append(parts, fmt.Sprintf("unreadable: %q could not be read as an answer; it scores 0", text.Printable(o.Response.Unreadable)))
	case !q.Graded() && o.Response.Answered:
		if forTeacher {
			return fmt.Sprintf("to mark: until marked it scores 0 of %s points", text.FormatNum(o.MaxPoints()))
		}
		return fmt.Sprintf("to mark: your teacher reads it; until then it scores 0 of %s points", text.FormatNum(o.MaxPoints()))
	case !q.Graded() && o.Unseen:
		return fmt.Sprintf("not reached: the quiz stopped before this question; it scores 0 of %s points", text.FormatNum(o.MaxPoints()))
	case !q.Graded():
		return fmt.Sprintf("not answered: it scores 0 of %s points", text.FormatNum(o.MaxPoints()))
	case o.Correct():
		return ""
	case o.Unseen:
		parts = append(parts, "not reached: the quiz stopped before this question")
	case !o.Response.Answered:
		parts = append(parts, "not answered")
	case o.Fraction > 0:
		parts = append(parts, fmt.Sprintf("partly right: %s of %s points", text.FormatNum(o.Points()), text.FormatNum(q.MaxPoints())))
	default:
		parts = append(parts, "not right")
	}
	if reveal && !o.Unseen {
		parts = append(parts, "answer: "+q.Expected())
	}
	if !q.Source.IsZero() {
		parts = append(parts, "reread "+q.Source.Section+", ¶"+strconv.Itoa(q.Source.Paragraph))
	}
	return strings.Join(parts, "; ")
}

// state is a question's outcome in one word, for tables: right, partly,
// wrong, unanswered, unreadable, unseen, to mark, marked.
func state(o quiz.Outcome) string {
	switch {
	case o.Mark != nil:
		return "marked"
	case o.Response.Unreadable != "":
		return "unreadable"
	case o.ToMark():
		return "to mark"
	case o.Unseen:
		return "unseen"
	case !o.Response.Answered:
		return "unanswered"
	case !o.Question.Graded():
		return "answered"
	case o.Correct():
		return "right"
	case o.Fraction > 0:
		return "partly"
	}
	return "wrong"
}

// rereadSection is a section of the article that a sheet's wrong answers
// point to: its paragraphs, in order, and how many wrong answers point
// there.
type rereadSection struct {
	name   string
	paras  []int
	missed int
}

// String is the section with its paragraphs, runs of them joined:
// "Introduction ¶4-5", "UN resolution ¶2, 5".
func (s rereadSection) String() string {
	var parts []string
	for i := 0; i < len(s.paras); {
		j := i
		for j+1 < len(s.paras) && s.paras[j+1] == s.paras[j]+1 {
			j++
		}
		part := strconv.Itoa(s.paras[i])
		if j > i {
			part += "-" + strconv.Itoa(s.paras[j])
		}
		parts = append(parts, part)
		i = j + 1
	}
	return s.name + " ¶" + strings.Join(parts, ", ")
}

// rereadSections lists the places a sheet's wrong answers (or blanks, when
// reached) point to,
// grouped by section, in the order the article is read (teacher13 P4:
// seven places, three of them in two sections, were one long list).
func rereadSections(r *SheetResult) []rereadSection {
	// Two passes: the sections and how many answers each missed, then
	// their paragraphs, each section's taken from one slice at its size
	// (grown one append at a time, eleven allocations a student).
	var out []rereadSection
	sectionOf := func(name string) int {
		for i := range out {
			if out[i].name == name {
				return i
			}
		}
		return -1
	}
	missed := 0
	for k := range r.Outcomes {
		if o := &r.Outcomes[k]; sendsBack(o) {
			i := sectionOf(o.Question.Source.Section)
			if i < 0 {
				i = len(out)
				out = append(out, rereadSection{name: o.Question.Source.Section})
			}
			out[i].missed++
			missed++
		}
	}
	paras := make([]int, missed)
	for i := range out {
		n := out[i].missed
		out[i].paras, paras = paras[:0:n], paras[n:]
	}
	for k := range r.Outcomes {
		if o := &r.Outcomes[k]; sendsBack(o) {
			i := sectionOf(o.Question.Source.Section)
			if !slices.Contains(out[i].paras, o.Question.Source.Paragraph) {
				out[i].paras = append(out[i].paras, o.Question.Source.Paragraph)
			}
		}
	}
	for i := range out {
		slices.Sort(out[i].paras)
	}
	slices.SortStableFunc(out, func(a, b rereadSection) int {
		return quiz.CompareSources(quiz.Source{Section: a.name}, quiz.Source{Section: b.name})
	})
	return out
}

// sendsBack reports whether an outcome sends the student back to its
// question's source. A question the quiz stopped before was not got
// wrong: the student never saw it (teacher17 P8), so it sends them nowhere.
func sendsBack(o *quiz.Outcome) bool {
	q := o.Question
	return q.Graded() && !o.Correct() && !o.Unseen && !q.Source.IsZero()
}

// rereadList writes the sections to reread, "; " between them. With most
// above 0 and more sections than that, only the most sections with the
// most wrong answers are named (the first in the article on a tie), still
// in the article's order, then how many more there are: "+2 more".
func rereadList(secs []rereadSection, most int) string {
	keep := secs
	if most > 0 && len(secs) > most {
		byMissed := slices.Clone(secs)
		slices.SortStableFunc(byMissed, func(a, b rereadSection) int { return b.missed - a.missed })
		top := map[string]bool{}
		for _, s := range byMissed[:most] {
			top[s.name] = true
		}
		keep = nil
		for _, s := range secs {
			if top[s.name] {
				keep = append(keep, s)
			}
		}
	}
	parts := make([]string, 0, len(keep)+1)
	for _, s := range keep {
		parts = append(parts, s.String())
	}
	if n := len(secs) - len(keep); n > 0 {
		parts = append(parts, fmt.Sprintf("+%d more", n))
	}
	return strings.Join(parts, "; ")
}

// rereadTop is how many sections the text table names for a student when
// all of them do not fit on a line: the rest are counted ("+2 more"); the
// Markdown table and the class page name them all.
const rereadTop = 3

// --- text ---

// rereadAt is the column where the text table's TO REREAD starts.
const rereadAt = 65

// nameCols is the width of the text table's STUDENT column, in terminal
// columns (text.Width): a longer name is cut, ending in "…".
const nameCols = 24

type textResults struct {
	w      io.Writer
	opts   ResultOptions
	header bool
}

func (t *textResults) Write(r *SheetResult) error {
	t.head()
	name := text.Clip(text.Printable(r.Name()), nameCols)
	secs := rereadSections(r)
	reread := rereadList(secs, 0)
	if w := t.opts.Width; w > 0 && rereadAt+text.Width(reread) > w {
		// On one line: in the column, else on a line of its own under the
		// row; when every section does not fit there, the rereadTop with
		// the most wrong answers and "+N more" (teacher13 P4).
		if 4+text.Width(reread) > w {
			reread = rereadList(secs, rereadTop)
		}
		switch {
		case rereadAt+text.Width(reread) <= w:
		case 4+text.Width(reread) <= w:
			reread = "\n    " + reread
		default:
			// Break between places, not inside one ("UN | resolution ¶1"):
			// under the column when the longest fits there, else on lines
			// of their own.
			places := strings.Split(reread, "; ")
			longest := 0
			for i, p := range places {
				longest = max(longest, text.Width(p)+1) // display width, as the wrapping measures
				places[i] = strings.ReplaceAll(p, " ", "\x01")
			}
			at, lead := rereadAt, ""
			if rereadAt+longest > w {
				at, lead = 4, "\n    "
			}
			reread = lead + strings.ReplaceAll(text.Hang(strings.Join(places, "; "), w, at), "\x01", " ")
		}
	}
	line := fmt.Sprintf("%s %11s %7s%%  %-6s %-10s %s\n", text.PadRight(name, nameCols), text.FormatNum(r.Score)+"/"+text.FormatNum(r.Max), percentText(r), verdictWord(r), r.Status(), reread)
	if st := r.StatusText(); st != r.Status() {
		line += "    " + text.Hang("status: "+st, t.opts.Width, 4) + "\n"
	}
	for oi := range r.Outcomes { // in place: an Outcome is 200 bytes to copy
		o := &r.Outcomes[oi]
		if o.Response.Unreadable != "" || cutOffNote(o.Response) != "" || t.opts.Reveal && o.Question.Graded() && !o.Correct() {
			line += fmt.Sprintf("    %s: %s\n", o.Question.ID, text.EscapeLines(feedback(*o, t.opts.Reveal, true)))
		}
	}
	_, err := io.WriteString(t.w, line)
	return err
}

func (t *textResults) head() {
	if !t.header {
		t.header = true
		fmt.Fprintf(t.w, "%s %11s %8s  %-6s %-10s %s\n", text.PadRight("STUDENT", nameCols), "SCORE", "PERCENT", "RESULT", "STATUS", "TO REREAD")
	}
}

func (t *textResults) Unreadable(where string, err error) error {
	t.head()
	name := text.Clip(text.Printable(where), nameCols)
	note := "the sheet could not be read (see the error above)"
	if t.opts.Width > 0 && rereadAt+len(note) > t.opts.Width {
		// Too long for the TO REREAD column: on a line of its own, indented
		// under the name, rather than broken where the terminal breaks it.
		note = "\n    " + text.Hang(note, t.opts.Width, 4)
	}
	_, werr := fmt.Fprintf(t.w, "%s %11s %8s  %-6s %-10s %s\n", text.PadRight(name, nameCols), "-", "-", "-", StatusUnreadable, note)
	return werr
}

func (t *textResults) Close() error { return nil }

// --- JSON ---

type jsonResult struct {
	Student  string   `json:"student"`
	File     string   `json:"file"`
	Line     int      `json:"line,omitempty"`
	Banks    []string `json:"banks"`
	Score    float64  `json:"score"`
	MaxScore float64  `json:"max_score"`
	Percent  float64  `json:"percent"`
	Passed   *bool    `json:"passed"`
	Status   string   `json:"status"`
	// StatusText is the status with why, as the other formats show it;
	// ToMark and NotReached count the open answers to mark and the
	// questions a quiz stopped before.
	StatusText string         `json:"status_text"`
	ToMark     int            `json:"to_mark"`
	NotReached int            `json:"not_reached"`
	EndedBy    string         `json:"ended_by,omitempty"`
	Error      string         `json:"error,omitempty"`
	Questions  []jsonQuestion `json:"questions"`
}

type jsonQuestion struct {
	ID        string  `json:"id"`
	Bank      string  `json:"bank"`
	Correct   *bool   `json:"correct"`
	Points    float64 `json:"points"`
	MaxPoints float64 `json:"max_points"`
	Given     *string `json:"given"`
	// CutOff marks an answer still being typed when the quiz ended (the
	// report's cut_off): Given is the text in the box, never sent.
	CutOff bool `json:"cut_off,omitempty"`
	// SelfCheckCutOff marks an open answer sent whose self-check was cut
	// short (the report's self_check_cut_off): the ticks were kept.
	SelfCheckCutOff bool `json:"self_check_cut_off,omitempty"`
	// Unreadable is an answer that could not be read, as written.
	Unreadable string     `json:"unreadable,omitempty"`
	State      string     `json:"state"`
	Mark       *quiz.Mark `json:"mark,omitempty"`
	Expected   string     `json:"expected,omitempty"`
	Feedback   string     `json:"feedback,omitempty"`
}

func toJSONResult(r *SheetResult, reveal bool) jsonResult {
	jr := jsonResult{Student: r.Student, File: r.File, Line: r.Line, Banks: r.Banks, Score: r.Score, MaxScore: r.Max, Percent: r.Percent, Passed: r.Passed,
		Status: r.Status(), StatusText: r.StatusText(), ToMark: r.ToMark(), NotReached: r.NotReached(), EndedBy: r.EndedBy, Questions: make([]jsonQuestion, 0, len(r.Outcomes))}
	// The answers and verdicts the questions point to, in two allocations
	// rather than one for each question.
	givens, corrects := make([]string, len(r.Outcomes)), make([]bool, len(r.Outcomes))
	for i, o := range r.Outcomes {
		q := o.Question
		jq := jsonQuestion{ID: q.ID, Bank: q.Bank, Points: text.Round2(o.Points()), MaxPoints: o.MaxPoints(), Feedback: feedback(o, reveal, false),
			Unreadable: o.Response.Unreadable, State: state(o), Mark: o.Mark}
		if q.Graded() {
			corrects[i] = o.Correct()
			jq.Correct = &corrects[i]
		}
		if o.Response.Answered {
			givens[i] = q.Given(o.Response)
			jq.Given, jq.CutOff, jq.SelfCheckCutOff = &givens[i], o.Response.CutOff, o.Response.SelfCheckCutOff
		}
		if reveal && !o.Unseen {
			jq.Expected = q.Expected()
		}
		jr.Questions = append(jr.Questions, jq)
	}
	return jr
}

type jsonResults struct {
	w    io.Writer
	opts ResultOptions
	n    int
	buf  []byte // one sheet's JSON, the room reused for the next
}

func (j *jsonResults) Write(r *SheetResult) error {
	jr := toJSONResult(r, j.opts.Reveal)
	return j.write(&jr)
}

func (j *jsonResults) write(jr *jsonResult) error {
	sep := ",\n"
	if j.n == 0 {
		sep = "[\n"
	}
	j.n++
	if j.buf == nil { // room for a sheet's JSON at once
		j.buf = make([]byte, 0, 1024+256*len(jr.Questions))
	}
	data, err := jr.appendJSON(j.buf[:0])
	if err != nil {
		return err
	}
	j.buf = data
	// Two writes, not one of sep+string(data): that copied each sheet's
	// JSON twice more, and the writer is buffered (gradeBatch).
	if _, err = io.WriteString(j.w, sep); err == nil {
		_, err = j.w.Write(data)
	}
	return err
}

func (j *jsonResults) Unreadable(where string, err error) error {
	return j.write(&jsonResult{File: where, Status: StatusUnreadable, StatusText: StatusUnreadable, Error: strings.TrimSpace(err.Error()), Banks: []string{}, Questions: []jsonQuestion{}})
}

func (j *jsonResults) Close() error {
	end := "\n]\n"
	if j.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(j.w, end)
	return err
}

// --- CSV: one row per student, one column per question ---

type csvResults struct {
	w     io.Writer
	opts  ResultOptions
	cols  []*quiz.Question // every sheet's questions, in the order first met
	colOf map[*quiz.Question]int
	// The rows wait for the last sheet, since every sheet's questions make
	// the columns: each row's fixed cells, then its questions' cells, each
	// as its column (uvarint), its length (uvarint) and its CSV text, in one
	// buffer of about the size of the CSV.
	buf   []byte
	rows  []csvRow
	cells [][]byte // reused at Close: one row's cells by column
}

type csvRow struct{ start, fixedEnd, end int }

func newCSVResults(w io.Writer, opts ResultOptions) *csvResults {
	return &csvResults{w: w, opts: opts, colOf: map[*quiz.Question]int{}}
}

// appendCSVField writes one field as encoding/csv would: quoted when it holds
// a comma, quote, newline or leading space.
func appendCSVField(b []byte, field string) []byte {
	if field == "" || !strings.ContainsAny(field, ",\"\r\n") && field[0] != ' ' && field[0] != '\t' {
		return append(b, field...)
	}
	b = append(b, '"')
	for i := 0; i < len(field); i++ {
		if field[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, field[i])
	}
	return append(b, '"')
}

func appendNum(b []byte, v float64) []byte {
	v = text.Round2(v)
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.AppendInt(b, int64(v), 10)
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}

// csvFixed is the CSV's columns before the questions'.
const csvFixed = "student,file,score,max_score,percent,passed,status,unreadable"

// CSVKey is a question's column in the CSV: bank/id, since two banks may
// share an id (comprehension and discussion do).
func CSVKey(q *quiz.Question) string { return q.Bank + "/" + q.ID }

// Write adds a row: the fixed columns, then a column for each question any
// sheet was graded on, in the banks' order (banks in the order first met,
// then each question's place in its bank), empty where the student did not
// get the question: its points; for an open question its mark (empty until
// marked, for a teacher to fill in and read back with conflictq mark --from),
// the answer's text and the mark's comment. Lines end in CRLF (RFC 4180);
// whatever a student wrote is neutralised against formula injection. The
// rows are written at Close, once every sheet's questions are known.
func (c *csvResults) Write(r *SheetResult) error {
	row := csvRow{start: len(c.buf)}
	c.buf = c.fixed(c.buf, r.Student, r.Where(), r)
	row.fixedEnd = len(c.buf)
	var cell []byte
	for _, o := range r.Outcomes {
		q := o.Question.Question
		col, ok := c.colOf[q]
		if !ok {
			col = len(c.cols)
			c.colOf[q] = col
			c.cols = append(c.cols, q)
		}
		cell = cell[:0]
		if q.Type == quiz.Open {
			if o.Mark != nil {
				cell = appendNum(cell, o.Mark.Points)
			}
			cell = append(cell, ',')
			if o.Response.Answered {
				cell = appendCSVField(cell, text.CSVSafe(o.Response.Text))
			}
			cell = append(cell, ',')
			if o.Mark != nil {
				cell = appendCSVField(cell, text.CSVSafe(o.Mark.Comment))
			}
		} else if o.Question.Graded() {
			cell = appendNum(cell, o.Points())
		}
		c.buf = binary.AppendUvarint(c.buf, uint64(col))
		c.buf = binary.AppendUvarint(c.buf, uint64(len(cell)))
		c.buf = append(c.buf, cell...)
	}
	row.end = len(c.buf)
	c.rows = append(c.rows, row)
	return nil
}

// The columns beside an open question's mark column (named by CSVKey).
const (
	CSVAnswerSuffix  = ":answer"
	CSVCommentSuffix = ":comment"
)

func (c *csvResults) fixed(b []byte, student, where string, r *SheetResult) []byte {
	b = appendCSVField(b, text.CSVSafe(student))
	b = append(b, ',')
	if strings.HasPrefix(where, "-:") { // standard input, line n: our own name
		b = appendCSVField(b, where)
	} else {
		b = appendCSVField(b, text.CSVSafe(where)) // a file can be named =HYPERLINK(...)
	}
	b = append(b, ',')
	if r == nil {
		b = append(b, ",,,,"...)
		b = append(b, StatusUnreadable...)
		return append(b, ',')
	}
	b = appendNum(b, r.Score)
	b = append(b, ',')
	b = appendNum(b, r.Max)
	b = append(b, ',')
	b = appendNum(b, r.Percent)
	b = append(b, ',')
	if r.Passed != nil {
		b = strconv.AppendBool(b, *r.Passed)
	}
	b = append(b, ',')
	b = appendCSVField(b, r.StatusText())
	b = append(b, ',')
	if r.Unreadable() > 0 {
		var parts []string
		for _, o := range r.Outcomes {
			if o.Response.Unreadable != "" {
				parts = append(parts, o.Question.ID+": "+strconv.Quote(o.Response.Unreadable))
			}
		}
		b = appendCSVField(b, text.CSVSafe(strings.Join(parts, "; ")))
	}
	return b
}

// Unreadable adds a row for a sheet that could not be read: its file and the
// status, with empty marks.
func (c *csvResults) Unreadable(where string, err error) error {
	row := csvRow{start: len(c.buf)}
	c.buf = c.fixed(c.buf, "", where, nil)
	row.fixedEnd, row.end = len(c.buf), len(c.buf)
	c.rows = append(c.rows, row)
	return nil
}

// Close writes the header and every row, the columns in the banks' order.
func (c *csvResults) Close() error {
	if len(c.rows) == 0 {
		return nil
	}
	order := csvColumnOrder(c.cols)
	out := make([]byte, 0, 64<<10)
	out = append(out, csvFixed...)
	for _, col := range order {
		q := c.cols[col]
		key := CSVKey(q)
		out = append(out, ',')
		out = appendCSVField(out, text.CSVSafe(key))
		if q.Type == quiz.Open {
			out = append(out, ',')
			out = appendCSVField(out, text.CSVSafe(key+CSVAnswerSuffix))
			out = append(out, ',')
			out = appendCSVField(out, text.CSVSafe(key+CSVCommentSuffix))
		}
	}
	out = append(out, '\r', '\n')
	if cap(c.cells) < len(c.cols) {
		c.cells = make([][]byte, len(c.cols))
	}
	cells := c.cells[:len(c.cols)]
	for _, row := range c.rows {
		clear(cells)
		for at := row.fixedEnd; at < row.end; {
			col, n := binary.Uvarint(c.buf[at:])
			at += n
			size, n := binary.Uvarint(c.buf[at:])
			at += n
			cells[col] = c.buf[at : at+int(size) : at+int(size)]
			if cells[col] == nil {
				cells[col] = []byte{}
			}
			at += int(size)
		}
		out = append(out, c.buf[row.start:row.fixedEnd]...)
		for _, col := range order {
			out = append(out, ',')
			if cells[col] != nil {
				out = append(out, cells[col]...)
			} else if c.cols[col].Type == quiz.Open { // not asked of this student
				out = append(out, ",,"...)
			}
		}
		out = append(out, '\r', '\n')
		if len(out) >= 60<<10 {
			if _, err := c.w.Write(out); err != nil {
				return err
			}
			out = out[:0]
		}
	}
	c.buf, c.rows = nil, nil
	_, err := c.w.Write(out)
	return err
}

// csvColumnOrder orders questions as their banks do: banks in the order first
// met, then each question's place in its bank file (its line), then the order
// met. It returns the questions' indices.
func csvColumnOrder(qs []*quiz.Question) []int {
	rank := map[string]int{}
	for _, q := range qs {
		if _, ok := rank[q.Bank]; !ok {
			rank[q.Bank] = len(rank)
		}
	}
	order := make([]int, len(qs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		qa, qb := qs[a], qs[b]
		if c := rank[qa.Bank] - rank[qb.Bank]; c != 0 {
			return c
		}
		return qa.Line - qb.Line
	})
	return order
}

// --- JUnit XML: one testsuite per sheet, one testcase per question ---

// The JUnit output validates against both schemas JUnit readers follow: the
// Jenkins xUnit plugin's junit-10.xsd and the stricter windyroad JUnit.xsd
// (testdata/junit), which wants a bare <testsuites>, every suite's package,
// id, timestamp, hostname, counts and time, its properties, system-out and
// system-err, and a time on every case. dorny/test-reporter shows NaN for a
// suite or case without a time.

type junitResults struct {
	w       io.Writer
	opts    ResultOptions
	started bool
	id      int
}

const junitHead = `<?xml version="1.0" encoding="UTF-8"?>` + "\n<testsuites>\n"

// junitTime is seconds as xs:decimal.
func junitTime(sec float64) string { return strconv.FormatFloat(text.Round2(max(0, sec)), 'f', -1, 64) }

func (j *junitResults) suite(b *strings.Builder, name string, tests, failures, errs, skipped int, seconds float64, at time.Time) {
	if !j.started {
		j.started = true
		b.WriteString(junitHead)
	}
	if at.IsZero() {
		at = j.opts.Generated
	}
	if at.IsZero() {
		at = time.Unix(0, 0)
	}
	if strings.TrimSpace(name) == "" {
		name = "(unnamed)"
	}
	fmt.Fprintf(b, "  <testsuite name=\"%s\" package=\"conflictq\" id=\"%d\" timestamp=\"%s\" hostname=\"localhost\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"%d\" time=\"%s\">\n",
		text.XMLEscape(text.EscapeControl(name)), j.id, at.UTC().Format("2006-01-02T15:04:05"), tests, failures, errs, skipped, junitTime(seconds))
	j.id++
}

func (j *junitResults) Write(r *SheetResult) error {
	var b strings.Builder
	failures, errs, skipped := 0, 0, 0
	var seconds float64
	for _, o := range r.Outcomes {
		seconds += o.Seconds
		switch {
		case o.Response.Unreadable != "":
			errs++
		case !counted(o):
			skipped++
		case !fullMarks(o):
			failures++
		}
	}
	j.suite(&b, r.Name(), len(r.Outcomes), failures, errs, skipped, seconds, r.Started)
	fmt.Fprintf(&b, "    <properties><property name=\"score\" value=\"%s\"/><property name=\"max_score\" value=\"%s\"/><property name=\"percent\" value=\"%s\"/><property name=\"status\" value=\"%s\"/><property name=\"file\" value=\"%s\"/></properties>\n",
		text.FormatNum(r.Score), text.FormatNum(r.Max), text.FormatNum(r.Percent), text.XMLEscape(r.StatusText()), text.XMLEscape(text.EscapeControl(r.Where())))
	for _, o := range r.Outcomes {
		q := o.Question
		fmt.Fprintf(&b, "    <testcase classname=\"%s\" name=\"%s\" time=\"%s\">", text.XMLEscape(q.Bank), text.XMLEscape(q.ID), junitTime(o.Seconds))
		switch {
		case o.Response.Unreadable != "":
			msg := feedback(o, j.opts.Reveal, false)
			fmt.Fprintf(&b, "<error message=\"%s\" type=\"unreadable-answer\">%s</error>", text.XMLEscape(text.EscapeLines(msg)), text.XMLEscape(text.EscapeLines(q.Prompt+"\n"+msg)))
		case !counted(o):
			fmt.Fprintf(&b, "<skipped message=\"%s\"/>", text.XMLEscape(text.EscapeLines(feedback(o, false, false))))
		case !fullMarks(o):
			msg := feedback(o, j.opts.Reveal, false)
			fmt.Fprintf(&b, "<failure message=\"%s\" type=\"wrong-answer\">%s</failure>", text.XMLEscape(text.EscapeLines(msg)), text.XMLEscape(text.EscapeLines(q.Prompt+"\n"+msg)))
		}
		b.WriteString("</testcase>\n")
	}
	b.WriteString("    <system-out></system-out>\n    <system-err></system-err>\n  </testsuite>\n")
	_, err := io.WriteString(j.w, b.String())
	return err
}

// Unreadable is a suite with one case in error, so that a class never looks
// green because a sheet could not be read.
func (j *junitResults) Unreadable(where string, err error) error {
	var b strings.Builder
	j.suite(&b, where, 1, 0, 1, 0, 0, time.Time{})
	msg := text.EscapeLines(strings.TrimSpace(err.Error()))
	fmt.Fprintf(&b, "    <properties><property name=\"status\" value=\"%s\"/><property name=\"file\" value=\"%s\"/></properties>\n", StatusUnreadable, text.XMLEscape(text.EscapeControl(where)))
	fmt.Fprintf(&b, "    <testcase classname=\"conflictq\" name=\"read sheet\" time=\"0\"><error message=\"%s\" type=\"unreadable-sheet\">%s</error></testcase>\n", text.XMLEscape(msg), text.XMLEscape(msg))
	b.WriteString("    <system-out></system-out>\n    <system-err></system-err>\n  </testsuite>\n")
	_, werr := io.WriteString(j.w, b.String())
	return werr
}

func (j *junitResults) Close() error {
	s := "</testsuites>\n"
	if !j.started {
		s = junitHead + s
	}
	_, err := io.WriteString(j.w, s)
	return err
}

// --- Gradescope results.json ---

type gradescopeResults struct {
	w     io.Writer
	opts  ResultOptions
	n     int
	first []byte // the one submission's results, written at Close
}

type gradescopeTest struct {
	Name     string  `json:"name"`
	Score    float64 `json:"score"`
	MaxScore float64 `json:"max_score"`
	Status   string  `json:"status"`
	Output   string  `json:"output,omitempty"`
}

// ErrOneSheet is returned by the Gradescope writer for more than one sheet:
// its results.json describes one submission.
var ErrOneSheet = errors.New("gradescope results describe one submission: grade one sheet at a time")

// gradescopeSubmission is results.json for a sheet that was read.
type gradescopeSubmission struct {
	Score      float64          `json:"score"`
	Output     string           `json:"output"`
	Visibility string           `json:"visibility"`
	Tests      []gradescopeTest `json:"tests"`
}

// gradescopeUnreadable is results.json for a sheet that could not be read:
// its keys in the order they have always been written (sorted, as
// encoding/json wrote the map it once was), its score a plain 0.
type gradescopeUnreadable struct {
	Output     string           `json:"output"`
	Score      int              `json:"score"`
	Tests      []gradescopeTest `json:"tests"`
	Visibility string           `json:"visibility"`
}

func (g *gradescopeResults) Write(r *SheetResult) error {
	g.n++
	if g.n > 1 {
		return ErrOneSheet // nothing is written: Close sees the count
	}
	out := gradescopeSubmission{Score: r.Score, Visibility: "visible", Tests: make([]gradescopeTest, 0, len(r.Outcomes))}
	out.Output = fmt.Sprintf("%s / %s points (%s%%).", text.FormatNum(r.Score), text.FormatNum(r.Max), percentText(r))
	if rr := rereadList(rereadSections(r), 0); rr != "" {
		out.Output += " Reread: " + rr + "."
	}
	if st := r.Status(); st != StatusComplete {
		out.Output += " Status: " + r.StatusText() + "."
	}
	for _, o := range r.Outcomes {
		q := o.Question
		if !counted(o) {
			continue
		}
		status := "passed"
		if !fullMarks(o) {
			status = "failed"
		}
		out.Tests = append(out.Tests, gradescopeTest{Name: q.ID + ": " + q.Prompt, Score: text.Round2(o.Points()), MaxScore: o.MaxPoints(), Status: status, Output: feedback(o, g.opts.Reveal, false)})
	}
	first, err := out.appendJSON(make([]byte, 0, 512+len(out.Output)+256*len(out.Tests)))
	g.first, err = gradescopeJSON(first, err)
	return err
}

// Unreadable still gives Gradescope a valid results.json: score 0, and an
// output that tells the student what was wrong (a 0-byte file makes Gradescope
// say only that the autograder failed).
func (g *gradescopeResults) Unreadable(where string, err error) error {
	g.n++
	if g.n > 1 {
		return ErrOneSheet
	}
	out := gradescopeUnreadable{
		Score:      0,
		Visibility: "visible",
		Output:     "Your submission could not be read, so it scored 0. Fix it and submit again. The problem: " + strings.TrimSpace(text.EscapeLines(err.Error())),
		Tests:      []gradescopeTest{},
	}
	first, jerr := gradescopeJSON(out.appendJSON(nil))
	g.first = first
	return jerr
}

// gradescopeJSON is results.json's bytes from its compact JSON, indented.
// It escapes <, > and & as \u003c, \u003e and \u0026 (jsonw.EscapeHTML), as
// it always has (json.MarshalIndent): the file is read by Gradescope, whose
// parser decodes either form alike, but also by scripts and by eye, and the
// bytes a teacher's checks or diffs have seen stay the same.
func gradescopeJSON(compact []byte, err error) ([]byte, error) {
	if err != nil {
		return nil, err
	}
	buf := bytes.NewBuffer(make([]byte, 0, 2*len(compact)+64))
	err = jsonw.WriteIndented(buf, compact)
	return buf.Bytes(), err
}

func (g *gradescopeResults) Close() error {
	if g.n != 1 {
		return nil // none, or too many: nothing half-true is written
	}
	_, err := g.w.Write(g.first)
	return err
}

// --- Markdown ---

type markdownResults struct {
	w       io.Writer
	opts    ResultOptions
	started bool
}

func (m *markdownResults) Write(r *SheetResult) error {
	var b strings.Builder
	if !m.started {
		m.started = true
		b.WriteString(markdownHead)
	}
	fmt.Fprintf(&b, "| %s | %s / %s | %s | %s | %s | %s |\n", text.MarkdownEscape(text.Printable(r.Name())), text.FormatNum(r.Score), text.FormatNum(r.Max), percentText(r), verdictWord(r), text.MarkdownEscape(r.StatusText()), text.MarkdownEscape(rereadList(rereadSections(r), 0)))
	for _, o := range r.Outcomes {
		if o.Response.Unreadable != "" || cutOffNote(o.Response) != "" || m.opts.Reveal && o.Question.Graded() && !o.Correct() {
			fmt.Fprintf(&b, "|  | `%s` | | | | %s |\n", o.Question.ID, text.MarkdownEscape(feedback(o, m.opts.Reveal, true)))
		}
	}
	_, err := io.WriteString(m.w, b.String())
	return err
}

const markdownHead = "## conflictq results\n\n| Student | Score | % | Result | Status | Reread |\n|---|---:|---:|---|---|---|\n"

func (m *markdownResults) Unreadable(where string, err error) error {
	var b strings.Builder
	if !m.started {
		m.started = true
		b.WriteString(markdownHead)
	}
	fmt.Fprintf(&b, "| %s | – | – | – | %s | %s |\n", text.MarkdownEscape(text.Printable(where)), StatusUnreadable, text.MarkdownEscape(text.Printable(strings.TrimSpace(err.Error()))))
	_, werr := io.WriteString(m.w, b.String())
	return werr
}

func (m *markdownResults) Close() error {
	if !m.started {
		_, err := io.WriteString(m.w, "## conflictq results\n\nNo sheets were graded.\n")
		return err
	}
	return nil
}
