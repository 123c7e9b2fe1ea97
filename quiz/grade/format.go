package grade

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/conflictq/conflictq/quiz"
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
}

// GradeFormats lists the formats grade results can be written in.
var GradeFormats = func() []string {
	out := make([]string, len(resultFormats))
	for i, f := range resultFormats {
		out[i] = f.name
	}
	return out
}()

// ResultWriter writes graded sheets one at a time, as they are graded, so that
// a batch of any size needs no more memory than one sheet.
type ResultWriter interface {
	Write(r *SheetResult) error
	// Close finishes the output (closing brackets, totals).
	Close() error
}

// ResultOptions shape every format.
type ResultOptions struct {
	// Reveal prints the right answers. Without it, feedback says which
	// questions were wrong and where to reread, but not the answer, so that a
	// report can be shown to students.
	Reveal bool
	// Columns are the questions of the CSV columns (the first sheet's, usually).
	Columns []*quiz.Question
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
	return nil, fmt.Errorf("unknown format %q (one of %s)", format, strings.Join(GradeFormats, ", "))
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

func (m multiResults) Close() error {
	var errs []error
	for _, w := range m {
		errs = append(errs, w.Close())
	}
	return errors.Join(errs...)
}

// verdictWord is PASS, FAIL, or "-" without a pass mark.
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
// section to reread when wrong, and the answer when revealed.
func feedback(o quiz.Outcome, reveal bool) string {
	q := o.Question
	var parts []string
	switch {
	case !q.Graded():
		return "not marked automatically: your teacher reads it"
	case o.Correct():
		return ""
	case !o.Response.Answered:
		parts = append(parts, "not answered")
	case o.Fraction > 0:
		parts = append(parts, fmt.Sprintf("partly right: %s of %s points", text.FormatNum(o.Points()), text.FormatNum(q.MaxPoints())))
	default:
		parts = append(parts, "not right")
	}
	if reveal {
		parts = append(parts, "answer: "+q.Expected())
	}
	if !q.Source.IsZero() {
		parts = append(parts, fmt.Sprintf("reread %s, ¶%d", q.Source.Section, q.Source.Paragraph))
	}
	return strings.Join(parts, "; ")
}

// rereads lists, once each, the article sections a sheet's wrong answers point to.
func rereads(r *SheetResult) []string {
	var out []string
	seen := map[string]bool{}
	for _, o := range r.Outcomes {
		q := o.Question
		if !q.Graded() || o.Correct() || q.Source.IsZero() {
			continue
		}
		s := fmt.Sprintf("%s ¶%d", q.Source.Section, q.Source.Paragraph)
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// --- text ---

type textResults struct {
	w      io.Writer
	opts   ResultOptions
	header bool
}

func (t *textResults) Write(r *SheetResult) error {
	if !t.header {
		t.header = true
		if _, err := fmt.Fprintf(t.w, "%-24s %11s %8s  %-6s %s\n", "STUDENT", "SCORE", "PERCENT", "RESULT", "TO REREAD"); err != nil {
			return err
		}
	}
	name := []rune(text.Printable(r.Name()))
	if len(name) > 24 {
		name = append(name[:23], '…')
	}
	const rereadAt = 54 // the column where TO REREAD starts
	reread := strings.Join(rereads(r), "; ")
	if t.opts.Width > 0 && rereadAt+len([]rune(reread)) > t.opts.Width {
		// Break between places, not inside one ("UN | resolution ¶1"): under
		// the column when the longest fits there, else on lines of their own.
		places := rereads(r)
		longest := 0
		for i, p := range places {
			longest = max(longest, len([]rune(p))+1)
			places[i] = strings.ReplaceAll(p, " ", "\x01")
		}
		at, lead := rereadAt, ""
		if rereadAt+longest > t.opts.Width {
			at, lead = 4, "\n    "
		}
		reread = lead + strings.ReplaceAll(text.Hang(strings.Join(places, "; "), t.opts.Width, at), "\x01", " ")
	}
	line := fmt.Sprintf("%-24s %11s %7s%%  %-6s %s\n", string(name), text.FormatNum(r.Score)+"/"+text.FormatNum(r.Max), text.FormatPercent(r.Percent), verdictWord(r), reread)
	if t.opts.Reveal {
		for _, o := range r.Outcomes {
			if o.Question.Graded() && !o.Correct() {
				line += fmt.Sprintf("    %s: %s\n", o.Question.ID, feedback(o, true))
			}
		}
	}
	_, err := io.WriteString(t.w, line)
	return err
}

func (t *textResults) Close() error { return nil }

// --- JSON ---

type jsonResult struct {
	Student   string         `json:"student"`
	File      string         `json:"file"`
	Line      int            `json:"line,omitempty"`
	Banks     []string       `json:"banks"`
	Score     float64        `json:"score"`
	MaxScore  float64        `json:"max_score"`
	Percent   float64        `json:"percent"`
	Passed    *bool          `json:"passed"`
	Questions []jsonQuestion `json:"questions"`
}

type jsonQuestion struct {
	ID        string  `json:"id"`
	Bank      string  `json:"bank"`
	Correct   *bool   `json:"correct"`
	Points    float64 `json:"points"`
	MaxPoints float64 `json:"max_points"`
	Given     *string `json:"given"`
	Expected  string  `json:"expected,omitempty"`
	Feedback  string  `json:"feedback,omitempty"`
}

func toJSONResult(r *SheetResult, reveal bool) jsonResult {
	jr := jsonResult{Student: r.Student, File: r.File, Line: r.Line, Banks: r.Banks, Score: r.Score, MaxScore: r.Max, Percent: r.Percent, Passed: r.Passed,
		Questions: make([]jsonQuestion, 0, len(r.Outcomes))}
	for _, o := range r.Outcomes {
		q := o.Question
		jq := jsonQuestion{ID: q.ID, Bank: q.Bank, Points: text.Round2(o.Points()), MaxPoints: q.MaxPoints(), Feedback: feedback(o, reveal)}
		if q.Graded() {
			c := o.Correct()
			jq.Correct = &c
		}
		if o.Response.Answered {
			g := q.Given(o.Response)
			jq.Given = &g
		}
		if reveal {
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
}

func (j *jsonResults) Write(r *SheetResult) error {
	sep := ",\n"
	if j.n == 0 {
		sep = "[\n"
	}
	j.n++
	data, err := json.Marshal(toJSONResult(r, j.opts.Reveal))
	if err != nil {
		return err
	}
	_, err = io.WriteString(j.w, sep+string(data))
	return err
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
	w       io.Writer
	opts    ResultOptions
	columns []*quiz.Question
	index   map[*quiz.Question]int
	started bool
	row     []byte // reused: a batch writes one row per sheet
}

func newCSVResults(w io.Writer, opts ResultOptions) *csvResults {
	return &csvResults{w: w, opts: opts}
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

func (c *csvResults) Write(r *SheetResult) error {
	b := c.row[:0]
	if !c.started {
		c.started = true
		c.columns = c.opts.Columns
		if c.columns == nil {
			for _, o := range r.Outcomes {
				c.columns = append(c.columns, o.Question.Question)
			}
		}
		c.index = make(map[*quiz.Question]int, len(c.columns))
		b = append(b, "student,file,score,max_score,percent,passed"...)
		for i, q := range c.columns {
			c.index[q] = i
			b = append(b, ',')
			b = appendCSVField(b, q.ID)
		}
		b = append(b, '\n')
	}
	b = appendCSVField(b, text.CSVSafe(r.Student))
	b = append(b, ',')
	if where := r.Where(); strings.HasPrefix(where, "-:") { // standard input, line n: our own name
		b = appendCSVField(b, where)
	} else {
		b = appendCSVField(b, text.CSVSafe(where)) // a file can be named =HYPERLINK(...)
	}
	b = append(b, ',')
	b = appendNum(b, r.Score)
	b = append(b, ',')
	b = appendNum(b, r.Max)
	b = append(b, ',')
	b = appendNum(b, r.Percent)
	b = append(b, ',')
	if r.Passed != nil {
		b = strconv.AppendBool(b, *r.Passed)
	}
	if sameQuestions(r.Outcomes, c.columns) { // the usual case: a class on one quiz
		for _, o := range r.Outcomes {
			b = append(b, ',')
			if o.Question.Graded() {
				b = appendNum(b, o.Points())
			}
		}
	} else {
		points := make([]float64, len(c.columns))
		given := make([]bool, len(c.columns))
		for _, o := range r.Outcomes {
			if i, ok := c.index[o.Question.Question]; ok && o.Question.Graded() {
				points[i], given[i] = o.Points(), true
			}
		}
		for i := range c.columns {
			b = append(b, ',')
			if given[i] {
				b = appendNum(b, points[i])
			}
		}
	}
	b = append(b, '\n')
	c.row = b
	_, err := c.w.Write(b)
	return err
}

func (c *csvResults) Close() error { return nil }

func sameQuestions(outcomes []quiz.Outcome, columns []*quiz.Question) bool {
	if len(outcomes) != len(columns) {
		return false
	}
	for i, o := range outcomes {
		if o.Question.Question != columns[i] {
			return false
		}
	}
	return true
}

// --- JUnit XML: one testsuite per sheet, one testcase per question ---

type junitResults struct {
	w       io.Writer
	opts    ResultOptions
	started bool
}

func xmlText(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func (j *junitResults) Write(r *SheetResult) error {
	var b strings.Builder
	if !j.started {
		j.started = true
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<testsuites name="conflictq">` + "\n")
	}
	failures, skipped := 0, 0
	for _, o := range r.Outcomes {
		switch {
		case !o.Question.Graded():
			skipped++
		case !o.Correct():
			failures++
		}
	}
	fmt.Fprintf(&b, "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\">\n",
		xmlText(r.Name()), len(r.Outcomes), failures, skipped)
	fmt.Fprintf(&b, "    <properties><property name=\"score\" value=\"%s\"/><property name=\"max_score\" value=\"%s\"/><property name=\"percent\" value=\"%s\"/></properties>\n",
		text.FormatNum(r.Score), text.FormatNum(r.Max), text.FormatNum(r.Percent))
	for _, o := range r.Outcomes {
		q := o.Question
		fmt.Fprintf(&b, "    <testcase classname=\"%s\" name=\"%s\">", xmlText(q.Bank), xmlText(q.ID))
		switch {
		case !q.Graded():
			fmt.Fprintf(&b, "<skipped message=\"%s\"/>", xmlText(feedback(o, false)))
		case !o.Correct():
			msg := feedback(o, j.opts.Reveal)
			fmt.Fprintf(&b, "<failure message=\"%s\" type=\"wrong-answer\">%s</failure>", xmlText(msg), xmlText(q.Prompt+"\n"+msg))
		}
		b.WriteString("</testcase>\n")
	}
	b.WriteString("  </testsuite>\n")
	_, err := io.WriteString(j.w, b.String())
	return err
}

func (j *junitResults) Close() error {
	s := "</testsuites>\n"
	if !j.started {
		s = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<testsuites name="conflictq">` + "\n" + s
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

func (g *gradescopeResults) Write(r *SheetResult) error {
	g.n++
	if g.n > 1 {
		return ErrOneSheet // nothing is written: Close sees the count
	}
	out := struct {
		Score      float64          `json:"score"`
		Output     string           `json:"output"`
		Visibility string           `json:"visibility"`
		Tests      []gradescopeTest `json:"tests"`
	}{Score: r.Score, Visibility: "visible", Tests: []gradescopeTest{}}
	out.Output = fmt.Sprintf("%s / %s points (%s%%).", text.FormatNum(r.Score), text.FormatNum(r.Max), text.FormatPercent(r.Percent))
	if rr := rereads(r); len(rr) > 0 {
		out.Output += " Reread: " + strings.Join(rr, "; ") + "."
	}
	for _, o := range r.Outcomes {
		q := o.Question
		if !q.Graded() {
			continue
		}
		status := "passed"
		if !o.Correct() {
			status = "failed"
		}
		out.Tests = append(out.Tests, gradescopeTest{Name: q.ID + ": " + q.Prompt, Score: text.Round2(o.Points()), MaxScore: q.MaxPoints(), Status: status, Output: feedback(o, g.opts.Reveal)})
	}
	data, err := json.MarshalIndent(out, "", "  ")
	g.first = append(data, '\n')
	return err
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
		b.WriteString("## conflictq results\n\n| Student | Score | % | Result | Reread |\n|---|---:|---:|---|---|\n")
	}
	fmt.Fprintf(&b, "| %s | %s / %s | %s | %s | %s |\n", text.MarkdownEscape(text.Printable(r.Name())), text.FormatNum(r.Score), text.FormatNum(r.Max), text.FormatPercent(r.Percent), verdictWord(r), text.MarkdownEscape(strings.Join(rereads(r), "; ")))
	if m.opts.Reveal {
		for _, o := range r.Outcomes {
			if o.Question.Graded() && !o.Correct() {
				fmt.Fprintf(&b, "|  | `%s` | | | %s |\n", o.Question.ID, text.MarkdownEscape(feedback(o, true)))
			}
		}
	}
	_, err := io.WriteString(m.w, b.String())
	return err
}

func (m *markdownResults) Close() error {
	if !m.started {
		_, err := io.WriteString(m.w, "## conflictq results\n\nNo sheets were graded.\n")
		return err
	}
	return nil
}
