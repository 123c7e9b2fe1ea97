// Package moodlexml reads and writes Moodle XML, the format Moodle exports
// question banks in by default. It holds what GIFT cannot: partial credit,
// tags, idnumbers, general and per-answer feedback, and images (as base64
// files, whose text conflictq keeps and whose files it names and leaves).
//
// conflictq's citation, difficulty, key points and unit travel in XML
// comments just before each question, which Moodle ignores and Parse reads
// back, as GIFT's // comments do:
//
//	<!-- conflictq source: Survivors await justice, ¶4: “…” -->
package moodlexml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/gift"
	"github.com/conflictq/conflictq/quiz/text"
)

// xmlText is a text with its format: html, moodle_auto_format, plain_text or
// markdown; files are the images and sounds embedded in it.
type xmlText struct {
	Format string    `xml:"format,attr,omitempty"`
	Text   string    `xml:"text"`
	Files  []xmlFile `xml:"file"`
}

type xmlFile struct {
	Name     string `xml:"name,attr"`
	Path     string `xml:"path,attr,omitempty"`
	Encoding string `xml:"encoding,attr"`
	Data     string `xml:",chardata"`
}

type xmlAnswer struct {
	Fraction  string    `xml:"fraction,attr"`
	Format    string    `xml:"format,attr,omitempty"`
	Text      string    `xml:"text"`
	Files     []xmlFile `xml:"file"`
	Feedback  *xmlText  `xml:"feedback"`
	Tolerance string    `xml:"tolerance,omitempty"`
}

type xmlSubquestion struct {
	Format string    `xml:"format,attr,omitempty"`
	Text   string    `xml:"text"`
	Files  []xmlFile `xml:"file"`
	Answer struct {
		Text string `xml:"text"`
	} `xml:"answer"`
}

type xmlUnit struct {
	Multiplier string `xml:"multiplier"`
	Name       string `xml:"unit_name"`
}

type xmlTag struct {
	Text string `xml:"text"`
}

// xmlQuestion is one <question> of any type; each type uses some fields.
type xmlQuestion struct {
	XMLName         xml.Name         `xml:"question"`
	Type            string           `xml:"type,attr"`
	Category        *xmlText         `xml:"category"`
	Name            *xmlText         `xml:"name"`
	QuestionText    *xmlText         `xml:"questiontext"`
	GeneralFeedback *xmlText         `xml:"generalfeedback"`
	DefaultGrade    string           `xml:"defaultgrade,omitempty"`
	Penalty         string           `xml:"penalty,omitempty"`
	Hidden          string           `xml:"hidden,omitempty"`
	IDNumber        string           `xml:"idnumber,omitempty"`
	Single          string           `xml:"single,omitempty"`
	Shuffle         string           `xml:"shuffleanswers,omitempty"`
	UseCase         string           `xml:"usecase,omitempty"`
	SelectType      string           `xml:"selecttype,omitempty"`  // ordering
	SelectCount     string           `xml:"selectcount,omitempty"` // ordering
	GradingType     string           `xml:"gradingtype,omitempty"` // ordering
	ResponseFormat  string           `xml:"responseformat,omitempty"`
	GraderInfo      *xmlText         `xml:"graderinfo"`
	Answers         []xmlAnswer      `xml:"answer"`
	Subquestions    []xmlSubquestion `xml:"subquestion"`
	Units           []xmlUnit        `xml:"units>unit"`
	Tags            []xmlTag         `xml:"tags>tag"`
}

// Parse reads a Moodle XML file and returns it as a bank, with any warnings.
// Types conflictq has no form for (Cloze, calculated, drag and drop, …) are
// skipped with a warning naming their line; so are questions it cannot use.
// Only a file that is not Moodle XML, or has no question conflictq can use,
// is an error (an *quiz.InvalidError listing every problem with its line).
func Parse(file string, data []byte) (*quiz.Bank, []quiz.Problem, error) {
	if err := quiz.CheckText(file, data); err != nil {
		return nil, nil, err
	}
	b, warnings, err := parse(file, data, newTokens(data))
	if err == errFallback {
		b, warnings, err = parse(file, data, xmlTokens(data))
	}
	return b, warnings, err
}

// parse reads data's tokens from d; errFallback when d's tokenizer gives
// up, which only the tokenizer does.
func parse(file string, data []byte, d *tokens) (*quiz.Bank, []quiz.Problem, error) {
	p := &parser{file: file, data: data, ps: quiz.Problems{File: file}}
	name := quiz.TitleFromFile(file)
	b := &quiz.Bank{ID: text.Slug(name), Title: name, File: file}
	if b.ID == "" {
		b.ID = "moodle"
	}
	var comments []string
	var xq xmlQuestion
	sawQuiz := false
tokens:
	for {
		start := d.offset()
		t, err := d.next()
		if err == io.EOF {
			break
		}
		if err == errFallback {
			return nil, nil, err
		}
		if err != nil {
			at := d.offset()
			if _, ok := otherEncoding(err); ok {
				at = start // the declaration's own line, not the one after it
			}
			p.errorf(errLine(err, p.lineAt(at)), "", "not valid XML: %s", xmlMessage(err))
			break
		}
		switch t.kind {
		case tokComment:
			comments = append(comments, string(t.data))
		case tokStart:
			switch t.name.Local {
			case "quiz":
				sawQuiz = true
				continue
			case "question":
			default:
				if !sawQuiz {
					p.errorf(p.lineAt(start), "", "expected Moodle XML (<quiz> with <question>s), found <%s>", t.name.Local)
					return nil, nil, p.err()
				}
				continue
			}
			line := p.lineAt(start)
			err := decodeQuestion(d, t, &xq)
			if err == errFallback {
				return nil, nil, err
			}
			if err != nil {
				p.errorf(errLine(err, line), "", "not valid XML: %s", xmlMessage(err))
				return nil, nil, p.err()
			}
			q := p.question(&xq, line, comments)
			if p.n > quiz.MaxQuestions {
				p.errorf(line, "", "%s", quiz.TooManyQuestions())
				break tokens
			}
			if q != nil {
				b.Questions = append(b.Questions, q)
			}
			comments = nil
		}
	}
	return p.end(b, sawQuiz)
}

// end finishes the bank: its title, each question's id and checks, and the
// problems found.
func (p *parser) end(b *quiz.Bank, sawQuiz bool) (*quiz.Bank, []quiz.Problem, error) {
	if !sawQuiz && len(p.ps.List) == 0 {
		p.errorf(1, "", "expected Moodle XML: a <quiz> of <question>s")
	}
	if p.title != "" {
		b.Title = p.title
	}
	p.finish(b)
	if len(b.Questions) == 0 {
		if p.err() == nil {
			p.errorf(0, "", "no questions found that conflictq can use")
		}
		for i := range p.ps.List {
			p.ps.List[i].Warning = false
		}
		return nil, nil, p.err()
	}
	if err := p.err(); err != nil {
		return nil, nil, err
	}
	return b, p.ps.Warnings(), nil
}

// Looks reports whether data is Moodle XML.
func Looks(data []byte) bool {
	head := data[:min(len(data), 512)]
	return bytes.Contains(head, []byte("<quiz")) && bytes.HasPrefix(bytes.TrimSpace(bytes.TrimPrefix(head, []byte("\ufeff"))), []byte("<"))
}

type parser struct {
	file     string
	data     []byte
	ps       quiz.Problems // at most quiz.MaxProblems, and a count of the rest
	title    string        // the first category's name
	category string        // the current category, as a tag
	n        int
	// lineOff and line are where lineAt last counted to and the line
	// there: the questions' offsets only grow, so each counts on from the
	// last instead of from the start (which was quadratic in the file).
	lineOff int64
	line    int
}

func (p *parser) errorf(line int, qid, format string, args ...any) {
	p.ps.Add(line, qid, "", format, args...)
}

func (p *parser) warn(line int, qid, format string, args ...any) {
	p.ps.Warn(line, qid, "", format, args...)
}

func (p *parser) err() error { return p.ps.Err() }

func (p *parser) lineAt(offset int64) int {
	if offset > int64(len(p.data)) {
		offset = int64(len(p.data))
	}
	// The decoder's offset is where the last token ended; a question starts
	// at its first non-space byte after that.
	rest := p.data[offset:]
	offset += int64(len(rest) - len(bytes.TrimLeft(rest, " \t\r\n")))
	if offset < p.lineOff {
		p.lineOff, p.line = 0, 0
	}
	p.line += bytes.Count(p.data[p.lineOff:offset], []byte("\n"))
	p.lineOff = offset
	return 1 + p.line
}

// errLine is the line a syntax error names, or else def.
func errLine(err error, def int) int {
	var se *xml.SyntaxError
	if errors.As(err, &se) && se.Line > 0 {
		return se.Line
	}
	return def
}

// utf8Label reports whether an encoding's name means text a UTF-8 reader
// reads as it is, though encoding/xml takes only "UTF-8": another spelling
// of it (utf8, UTF_8, " UTF-8 ") or ASCII, which UTF-8 holds (recheck27 L3).
func utf8Label(name string) bool {
	switch strings.ToLower(strings.NewReplacer("-", "", "_", "", " ", "").Replace(name)) {
	case "utf8", "ascii", "usascii":
		return true
	}
	return false
}

// otherEncoding is the encoding's name, quoted, when err is encoding/xml's
// refusal of a declaration naming an encoding other than UTF-8.
func otherEncoding(err error) (label string, ok bool) {
	label, ok = strings.CutPrefix(err.Error(), "xml: encoding ")
	if !ok {
		return "", false
	}
	return strings.CutSuffix(label, " declared but Decoder.CharsetReader is nil")
}

func xmlMessage(err error) string {
	var se *xml.SyntaxError
	msg := err.Error()
	if errors.As(err, &se) {
		msg = se.Msg
	}
	if label, ok := otherEncoding(err); ok {
		// encoding/xml's words name its own API: say what the teacher can
		// do. Moodle writes UTF-8; a file saved again by hand may not be.
		if name, err := strconv.Unquote(label); err == nil && utf8Label(name) {
			return "the file says its encoding is " + label + ", a name the XML reader does not take for UTF-8 text: write encoding=\"UTF-8\" in its <?xml ?> declaration, as Moodle does"
		}
		return "the file says its encoding is " + label + ", but conflictq reads Moodle XML in UTF-8, as Moodle writes it: save the file as UTF-8, with encoding=\"UTF-8\" in its <?xml ?> declaration"
	}
	switch {
	case !strings.HasPrefix(msg, "invalid character entity &") || strings.HasPrefix(msg, "invalid character entity &#"):
	case strings.HasSuffix(msg, "(no semicolon)") || strings.HasPrefix(msg, "invalid character entity &;"):
		// A bare & ("A & B", in text or an attribute), not an entity at
		// all (attack22 L2, recheck27 L4).
		msg += " (a & is written &amp; in XML)"
	default:
		// A <!DOCTYPE>'s own entities, never expanded (nor fetched), or
		// HTML's (&nbsp;) outside a CDATA section.
		msg += " (XML knows only &amp;, &lt;, &gt;, &quot;, &apos; and numbered references such as &#160;; entities declared in a DTD are not supported: Moodle does not write them)"
	}
	return msg
}

// text renders a Moodle text as conflictq shows it: HTML loses its tags;
// plain, Moodle-auto and Markdown texts stay as written.
func textOf(t *xmlText) string {
	if t == nil {
		return ""
	}
	return render(t.Text, t.Format)
}

func render(s, format string) string {
	s = strings.TrimSpace(s)
	if format == "html" || format == "" && strings.Contains(s, "<") {
		s, _ = text.StripHTML(s)
		// A removed image leaves two spaces where it stood.
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			// Indentation is only left inside <pre>, where it is code's.
			indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
			lines[i] = indent + strings.Join(strings.Fields(l), " ")
		}
		s = strings.Join(lines, "\n")
	}
	return s
}

// fraction reads an answer's fraction (a percentage) as a share, 0.5.
func fraction(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) || v < -100 || v > 100 {
		return 0, false
	}
	// Moodle writes 33.33333: seven decimals of a share, without the float
	// noise of dividing (0.33333329999999994).
	return math.Round(v*1e5) / 1e7, true
}

// isTrue reads a Moodle XML flag: 1 or true.
func isTrue(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return s == "1" || s == "true"
}

// question builds one question, or returns nil (with a warning) for one
// conflictq cannot use.
func (p *parser) question(x *xmlQuestion, line int, comments []string) *quiz.Question {
	if x.Type == "category" {
		if x.Category != nil {
			name := gift.CategoryName(x.Category.Text)
			p.category = text.Slug(name)
			if p.title == "" {
				p.title = name
			}
		}
		return nil
	}
	p.n++
	q := &quiz.Question{ID: fmt.Sprintf("q%d", p.n), Line: line, Points: 1}
	nameSlug := ""
	if x.Name != nil {
		if nameSlug = text.Slug(x.Name.Text); nameSlug != "" {
			q.ID = nameSlug
		}
		q.Name = strings.TrimSpace(x.Name.Text)
	}
	defer func() {
		if q.Name == q.ID {
			q.Name = "" // the id says it
		}
	}()
	idSlug := nameSlug // conflictq writes the id as both: slugged once
	if x.Name == nil || x.IDNumber != x.Name.Text {
		idSlug = text.Slug(x.IDNumber)
	}
	if idSlug != "" {
		q.ID = idSlug
	}
	skip := func(format string, args ...any) *quiz.Question {
		p.warn(line, q.ID, format+"; question skipped", args...)
		return nil
	}
	q.Prompt = textOf(x.QuestionText)
	files := embeddedFiles(x)
	if v := strings.TrimSpace(x.DefaultGrade); v != "" {
		if g, err := strconv.ParseFloat(v, 64); err == nil && g > 0 && !math.IsInf(g, 0) {
			q.Points = g
		}
	}
	b := &build{p: p, x: x, q: q, line: line, general: textOf(x.GeneralFeedback)}
	var why string
	switch x.Type {
	case "multichoice":
		why = b.multichoice()
	case "truefalse":
		why = b.trueFalse()
	case "shortanswer":
		why = b.shortAnswer()
	case "numerical":
		why = b.numerical()
	case "matching":
		why = b.matching()
	case "ordering":
		why = b.ordering()
	case "essay":
		why = b.essay()
	case "description":
		q.Type = quiz.Info
	case "":
		return skip("a <question> with no type")
	default:
		return skip("Moodle's %q questions have no conflictq form (single, multi, truefalse, short, numeric, matching, ordering, essay and description do)", x.Type)
	}
	if why != "" {
		return skip("%s", why)
	}
	if q.Prompt == "" {
		return skip("no question text")
	}
	b.finish(files, comments)
	return q
}

// build is one question being built from its <question>: each type's reader
// fills in q and adds the answers' feedback.
type build struct {
	p        *parser
	x        *xmlQuestion
	q        *quiz.Question
	line     int
	general  string   // the general feedback (an essay may take it as its model answer)
	feedback []string // each answer's feedback, led by the answer
}

// finish adds what every type shares: notes on what Moodle does otherwise,
// the explanation (general feedback, then each answer's), tags, the
// conflictq metadata in the comments before the question, and its category.
func (b *build) finish(files int, comments []string) {
	q, x := b.q, b.x
	for _, n := range gift.MoodleNotes(q) {
		b.warn("%s", n)
	}
	if isTrue(x.Hidden) {
		b.warn("hidden in Moodle's question bank; conflictq asks it (remove it from the file to leave it out)")
	}
	if (q.Type == quiz.Single || q.Type == quiz.Multi) && strings.TrimSpace(x.Shuffle) != "" && !isTrue(x.Shuffle) {
		b.warn("Moodle shows these choices in the order written (shuffleanswers off); conflictq shuffles them, so an option such as \"None of the above\" may not come last")
	}
	if files == 0 && x.QuestionText != nil && text.HasMedia(x.QuestionText.Text) { // embedded files are warned on below
		b.warn("the question text shows or links an image, a sound or a video, which conflictq cannot show: check that the question can be answered without it")
	}
	if files > 0 {
		b.warn("%d embedded file(s) (images, sounds) not kept: conflictq shows text only; the text around them is kept", files)
	}
	q.Explanation = strings.Join(slices.DeleteFunc(append([]string{b.general}, b.feedback...), func(s string) bool { return s == "" }), "\n")
	for _, t := range x.Tags {
		if t := strings.TrimSpace(t.Text); t != "" && !slices.Contains(q.Tags, t) {
			q.Tags = append(q.Tags, t)
		}
	}
	b.p.applyMeta(q, comments)
	if b.p.category != "" && !slices.Contains(q.Tags, b.p.category) {
		q.Tags = append(q.Tags, b.p.category)
	}
}

// skip says why the question is skipped; a reader returns it.
func (b *build) skip(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// warn notes something about the question being built.
func (b *build) warn(format string, args ...any) { b.p.warn(b.line, b.q.ID, format, args...) }

// answerFeedback keeps an answer's feedback, led by lead and the answer.
func (b *build) answerFeedback(lead string, a xmlAnswer) {
	if fb := textOf(a.Feedback); fb != "" {
		if lead == "If you answered " {
			lead = gift.IfAnswered(answerText(a))
		} else {
			lead += answerText(a) + ": "
		}
		b.feedback = append(b.feedback, lead+fb)
	}
}

func answerText(a xmlAnswer) string { return render(a.Text, a.Format) }

// embeddedFiles counts the files (images, sounds) embedded in a question.
func embeddedFiles(x *xmlQuestion) int {
	files := 0
	for _, t := range []*xmlText{x.QuestionText, x.GeneralFeedback, x.GraderInfo} {
		if t != nil {
			files += len(t.Files)
		}
	}
	for _, a := range x.Answers {
		files += len(a.Files)
		if a.Feedback != nil {
			files += len(a.Feedback.Files)
		}
	}
	for _, s := range x.Subquestions {
		files += len(s.Files)
	}
	return files
}

// multichoice reads a multiple-choice question: single or multi by Moodle's single flag, with each answer's fraction as its credit.
func (b *build) multichoice() (skip string) {
	q := b.q
	x := b.x
	single := x.Single != "false" && x.Single != "0"
	type option struct {
		text   string
		credit float64
	}
	var opts []option
	for _, a := range x.Answers {
		c, ok := fraction(a.Fraction)
		if !ok {
			return b.skip("answer %q: fraction %q is not a percentage from -100 to 100", answerText(a), a.Fraction)
		}
		t := answerText(a)
		if t == "" {
			continue // Moodle saves no empty answer
		}
		if k := slices.IndexFunc(opts, func(o option) bool { return o.text == t }); k >= 0 {
			b.warn("the answer %q appears twice; offered once", t)
			opts[k].credit = max(opts[k].credit, c)
			continue
		}
		opts = append(opts, option{t, c})
		b.answerFeedback("If you chose ", a)
	}
	if len(opts) < quiz.MinChoices {
		return b.skip("a multiple-choice question needs at least %d answers, found %d", quiz.MinChoices, len(opts))
	}
	q.Type = quiz.Multi
	if single {
		q.Type = quiz.Single
	}
	for i, o := range opts {
		q.Choices = append(q.Choices, o.text)
		q.Credit = append(q.Credit, o.credit)
		switch {
		case single && o.credit == 1 && len(q.Correct) == 0:
			q.Correct = []int{i}
		case !single && o.credit > 0:
			q.Correct = append(q.Correct, i)
		}
	}
	if len(q.Correct) == 0 {
		return b.skip("no answer earns full credit")
	}
	plain := &quiz.Question{Type: q.Type, Correct: q.Correct}
	same := true
	for i, c := range q.Credit {
		same = same && math.Abs(c-plain.ChoiceCredit(i)) < 1e-6
	}
	if same {
		q.Credit = nil
	}
	return ""
}

// trueFalse reads a true/false question: the answer that earns full credit.
func (b *build) trueFalse() (skip string) {
	q := b.q
	x := b.x
	q.Type = quiz.TrueFalse
	found := false
	for _, a := range x.Answers {
		c, _ := fraction(a.Fraction)
		v := strings.ToLower(answerText(a))
		if c == 1 && (v == "true" || v == "false") {
			q.Truth, found = v == "true", true
		}
		if fb := textOf(a.Feedback); fb != "" && (v == "true" || v == "false") {
			b.feedback = append(b.feedback, "If you chose "+strings.ToUpper(v[:1])+v[1:]+": "+fb)
		}
	}
	if !found {
		return b.skip("neither true nor false earns full credit")
	}
	return ""
}

// shortAnswer reads a short-answer question: every answer that earns credit is accepted, for its share.
func (b *build) shortAnswer() (skip string) {
	q := b.q
	x := b.x
	q.Type, q.Exact = quiz.Short, true
	partial := false
	// An answer that earns nothing is kept when a wildcard after it
	// would match it: Moodle takes the first answer that matches.
	lastWild := -1
	for i, a := range x.Answers {
		if c, ok := fraction(a.Fraction); ok && c > 0 && quiz.HasWildcard(answerText(a)) {
			lastWild = i
		}
	}
	for i, a := range x.Answers {
		c, ok := fraction(a.Fraction)
		if !ok {
			return b.skip("answer %q: fraction %q is not a percentage from -100 to 100", answerText(a), a.Fraction)
		}
		b.answerFeedback("If you answered ", a)
		if c <= 0 && i >= lastWild {
			continue
		}
		c = max(c, 0)
		t := answerText(a)
		if strings.TrimSpace(t) == "" {
			continue
		}
		q.Accept = append(q.Accept, t)
		q.Credit = append(q.Credit, c)
		partial = partial || c != 1
	}
	if !partial {
		q.Credit = nil
	}
	if len(q.Accept) == 0 {
		return b.skip("no accepted answer")
	}
	if strings.TrimSpace(x.UseCase) == "1" {
		b.warn("answers are case-sensitive in Moodle; conflictq compares them regardless of case")
	}
	return ""
}

// numerical reads a numerical question: the number that earns full credit with its tolerance, the others for their share, and the unit whose multiplier is 1.
func (b *build) numerical() (skip string) {
	q := b.q
	x := b.x
	q.Type = quiz.Numeric
	found := false
	for _, a := range x.Answers {
		c, ok := fraction(a.Fraction)
		if !ok {
			return b.skip("answer %q: fraction %q is not a percentage from -100 to 100", a.Text, a.Fraction)
		}
		v := strings.TrimSpace(a.Text)
		if v == "*" || c <= 0 {
			if fb := textOf(a.Feedback); fb != "" {
				b.feedback = append(b.feedback, "If you answered anything else: "+fb)
			}
			if v == "*" && c > 0 { // any other number, for part of the credit
				q.Numbers = append(q.Numbers, quiz.Number{Any: true, Credit: c})
			}
			continue
		}
		val, err1 := strconv.ParseFloat(v, 64)
		tol, err2 := strconv.ParseFloat(strings.TrimSpace(a.Tolerance), 64)
		if strings.TrimSpace(a.Tolerance) == "" {
			tol, err2 = 0, nil
		}
		if err1 != nil || err2 != nil || math.IsInf(val, 0) || math.IsNaN(val) || !(tol >= 0) || math.IsInf(tol, 0) {
			return b.skip("answer %q ± %q is not a number", v, a.Tolerance)
		}
		shown := strconv.FormatFloat(val, 'f', -1, 64)
		if tol > 0 {
			shown += " ± " + strconv.FormatFloat(tol, 'f', -1, 64)
		}
		if fb := textOf(a.Feedback); fb != "" {
			b.feedback = append(b.feedback, "If you answered "+shown+": "+fb)
		}
		if c == 1 && !found {
			q.Value, q.Tol, found = val, tol, true
			// Moodle marks by the first answer a number falls within;
			// conflictq tries the right one first.
			for _, n := range q.Numbers {
				if math.Abs(n.Value-val) <= n.Tol+tol {
					b.warn("%s (%g%%) comes before %s and overlaps it: Moodle gives %g%% for numbers in both, conflictq full marks", num(n.Value), n.Credit*100, shown, n.Credit*100)
				}
			}
			continue
		}
		q.Numbers = append(q.Numbers, quiz.Number{Value: val, Tol: tol, Credit: c})
	}
	if !found {
		return b.skip("no number earns full credit")
	}
	for _, u := range x.Units {
		if m, err := strconv.ParseFloat(strings.TrimSpace(u.Multiplier), 64); err == nil && m == 1 {
			q.Unit = strings.TrimSpace(u.Name)
			break
		}
	}
	return ""
}

// matching reads a matching question's pairs.
func (b *build) matching() (skip string) {
	q := b.q
	x := b.x
	q.Type = quiz.Match
	for _, s := range x.Subquestions {
		left, right := render(s.Text, s.Format), strings.TrimSpace(s.Answer.Text)
		switch {
		case left == "" && right != "":
			b.warn("%q has no left side: Moodle offers it as an extra wrong answer, but conflictq's matching questions have none; dropped", right)
			continue
		case left == "" || right == "":
			continue
		}
		if slices.ContainsFunc(q.Pairs, func(pr quiz.Pair) bool { return pr.Left == left }) {
			return b.skip("the left side %q appears twice", left)
		}
		q.Pairs = append(q.Pairs, quiz.Pair{Left: left, Right: right})
	}
	if len(q.Pairs) < quiz.MinPairs {
		return b.skip("a matching question needs at least %d pairs, found %d", quiz.MinPairs, len(q.Pairs))
	}
	return ""
}

// ordering reads an ordering question's items, and says what of Moodle's grading and selection conflictq does otherwise.
func (b *build) ordering() (skip string) {
	q := b.q
	x := b.x
	q.Type = quiz.Order
	for _, a := range x.Answers {
		if t := answerText(a); t != "" {
			q.Items = append(q.Items, t)
		}
	}
	if len(q.Items) < quiz.MinItems || len(q.Items) > quiz.MaxItems {
		return b.skip("an ordering question needs %d to %d items, found %d", quiz.MinItems, quiz.MaxItems, len(q.Items))
	}
	count, err := strconv.Atoi(strings.TrimSpace(x.SelectCount))
	if err != nil {
		count = 6 // Moodle's default
	}
	selectType := x.SelectType
	if strings.TrimSpace(selectType) == "" {
		selectType = "RANDOM" // Moodle's default
	}
	for _, n := range gift.OrderingNotes(x.GradingType, selectType, count, len(q.Items)) {
		b.warn("%s", n)
	}
	return ""
}

// essay reads an essay as an open question, its model answer from the grader information (else the general feedback).
func (b *build) essay() (skip string) {
	q := b.q
	x := b.x
	q.Type = quiz.Open
	q.Model = textOf(x.GraderInfo)
	if q.Model == "" {
		q.Model, b.general = b.general, ""
	}
	if q.Model == "" {
		q.Model = gift.NoModelAnswer
		b.warn("essay with no model answer (grader information or general feedback); until one is written it is %q", gift.NoModelAnswer)
	}
	return ""
}

// finish gives each question a unique id and its bank, then checks it as the
// loader would; a question that fails is skipped with a warning.
func (p *parser) finish(b *quiz.Bank) {
	var ids quiz.IDs
	kept := b.Questions[:0]
	for _, q := range b.Questions {
		if id, first, dup := ids.Unique(q.ID); dup {
			p.warn(q.Line, q.ID, "the id %q is already used by the question at line %d; this one is %q", q.ID, first, id)
			q.ID = id
		}
		q.Bank = b.ID
		var msgs []string
		for _, pr := range q.Validate() {
			if pr.Warning {
				p.warn(q.Line, q.ID, "%s: %s", pr.Field, pr.Msg)
			} else {
				msgs = append(msgs, pr.Field+": "+pr.Msg)
			}
		}
		if len(msgs) > 0 {
			p.warn(q.Line, q.ID, "%s; question skipped", strings.Join(msgs, "; "))
			continue
		}
		ids.Take(q.ID, q.Line)
		kept = append(kept, q)
	}
	b.Questions = kept
}
