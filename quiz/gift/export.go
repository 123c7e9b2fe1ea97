package gift

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/lazy"
	"github.com/conflictq/conflictq/quiz/internal/meta"
)

// Export writes b as GIFT, for Moodle and for Parse. Each question's id is its
// ::title::, its explanation the general feedback (####), and its citation,
// difficulty, tags and points go in // comments above it, which Moodle ignores
// and Parse reads back. The bank's title becomes a $CATEGORY.
//
// GIFT cannot say everything a bank can. Export writes the nearest form and
// returns one note for each question that Moodle will not see as conflictq
// does, for the caller to show: an order question becomes a matching question
// (Position 1 -> first item, …), an open question's key points and
// explanation, an info page's explanation and a numeric answer's unit are
// only in comments, and "->" inside an answer is written "- >" because GIFT
// would read it as a matching pair. Parse reads all of these back as they
// were, except the "->".
//
// The output is written in one piece, and only when every question could be
// written.
func Export(w io.Writer, b *quiz.Bank) (notes []string, err error) {
	var buf bytes.Buffer
	buf.Grow(1200 * (len(b.Questions) + 1)) // about 1 KB a question: grown once, not doubled from 64 bytes
	title := b.Title
	if title == "" {
		title = b.ID
	}
	title = strings.Join(strings.Fields(title), " ")
	fmt.Fprintf(&buf, "// %s: conflictq bank %q as GIFT, for Moodle.\n", title, b.ID)
	buf.WriteString("// Comments such as \"// source:\" carry what GIFT has no place for; Moodle ignores them.\n")
	// Moodle reads a category name as it stands (// is a slash inside a name).
	fmt.Fprintf(&buf, "$CATEGORY: $course$/top/%s\n", strings.ReplaceAll(title, "/", "//"))
	for _, q := range b.Questions {
		buf.WriteString("\n")
		n, err := writeQuestion(&buf, q)
		if err != nil {
			return nil, fmt.Errorf("question %q: %w", q.ID, err)
		}
		notes = append(notes, n...)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return nil, err
	}
	return notes, nil
}

func writeQuestion(buf *bytes.Buffer, q *quiz.Question) (notes []string, err error) {
	if strings.TrimSpace(q.Prompt) == "" {
		return nil, errors.New("no question text")
	}
	w := &questionWriter{buf: buf, q: q}
	w.writeMeta()
	answers, err := w.answers()
	if err != nil {
		return nil, err
	}
	w.writeText(answers)
	return w.notes, nil
}

// questionWriter writes one question: its metadata comments, then its text
// with the answer lines in braces, collecting notes on what GIFT cannot say.
type questionWriter struct {
	buf   *bytes.Buffer
	q     *quiz.Question
	notes []string
}

func (w *questionWriter) note(format string, args ...any) {
	w.notes = append(w.notes, w.q.ID+": "+fmt.Sprintf(format, args...))
}

// meta writes a "key: value" comment; the value names no [id:…] or
// [tag:…], which Moodle and Parse would read as the question's.
func (w *questionWriter) meta(key, value string) {
	fmt.Fprintf(w.buf, "// %s: %s\n", key, meta.EscapeGIFTComment(value))
}

// writeMeta writes what GIFT has no syntax for as // comments, which Parse reads back.
func (w *questionWriter) writeMeta() {
	q := w.q
	if !q.Source.IsZero() {
		w.meta(keySource, q.Source.String())
	}
	if q.Difficulty != "" {
		w.meta(keyDifficulty, q.Difficulty)
	}
	if len(q.Tags) > 0 {
		fmt.Fprintf(w.buf, "// %s: %s\n", keyTags, tagsLine(q.Tags))
	}
	// Moodle's own comments: it keeps the id as idnumber and the tags.
	moodle := "// [id:" + moodleEscape(q.ID) + "]"
	for _, t := range q.Tags {
		moodle += " [tag:" + moodleEscape(t) + "]"
	}
	w.buf.WriteString(moodle + "\n")
	if q.Points != 1 && q.Points > 0 {
		w.meta(keyPoints, strconv.FormatFloat(q.Points, 'f', -1, 64))
	}
}

// answers returns the lines inside the braces, one per answer; some types
// write comments of their own first.
func (w *questionWriter) answers() ([]string, error) {
	switch w.q.Type {
	case quiz.Single:
		return w.singleAnswers()
	case quiz.Multi:
		return w.multiAnswers()
	case quiz.TrueFalse:
		return w.trueFalseAnswers()
	case quiz.Short:
		return w.shortAnswers()
	case quiz.Numeric:
		return w.numericAnswers()
	case quiz.Order:
		return w.orderAnswers()
	case quiz.Match:
		return w.matchAnswers()
	case quiz.Open:
		return w.openAnswers()
	case quiz.Info:
		return w.infoAnswers()
	}
	return nil, fmt.Errorf("type %q cannot be written as GIFT", w.q.Type)
}

// singleAnswers returns the answer lines of a single question.
func (w *questionWriter) singleAnswers() ([]string, error) {
	q := w.q
	var answers []string
	if len(q.Correct) != 1 || q.Correct[0] < 0 || q.Correct[0] >= len(q.Choices) {
		return nil, fmt.Errorf("right answer %v is not one of %d choices", q.Correct, len(q.Choices))
	}
	// Moodle reads an = answer of a single choice as fully right and a ~%n%
	// one as earning n%. Other fully right choices are written ~%100%, so
	// that a question whose every choice is right keeps a ~ and stays a
	// multiple-choice question.
	for i, c := range q.Choices {
		switch cr := q.ChoiceCredit(i); {
		case i == q.Correct[0]:
			answers = append(answers, "="+fragment(c))
		case cr == 0:
			answers = append(answers, answer("~", "%0%", c))
		default:
			answers = append(answers, "~%"+weight(100*cr)+"%"+fragment(c))
		}
	}
	return answers, nil
}

// multiAnswers returns the answer lines of a multi question.
func (w *questionWriter) multiAnswers() ([]string, error) {
	q := w.q
	var answers []string
	right := map[int]bool{}
	for _, i := range q.Correct {
		if i < 0 || i >= len(q.Choices) {
			return nil, fmt.Errorf("right answer %d is not one of %d choices", i, len(q.Choices))
		}
		right[i] = true
	}
	if len(right) == 0 {
		return nil, errors.New("no right answer")
	}
	// Moodle adds the weights of the answers ticked: each choice's credit as
	// a percentage (by default 100/k and −100/k for k right answers, which
	// is how conflictq scores them).
	for i, c := range q.Choices {
		answers = append(answers, "~%"+weight(100*q.ChoiceCredit(i))+"%"+fragment(c))
	}
	return answers, nil
}

// trueFalseAnswers returns the answer lines of a truefalse question.
func (w *questionWriter) trueFalseAnswers() ([]string, error) {
	q := w.q
	var answers []string
	answers = append(answers, strings.ToUpper(strconv.FormatBool(q.Truth)))
	return answers, nil
}

// shortAnswers returns the answer lines of a short question.
func (w *questionWriter) shortAnswers() ([]string, error) {
	q := w.q
	var answers []string
	if !q.Exact {
		w.meta(keyTypos, "1")
	}
	for i, a := range q.Accept {
		if strings.Contains(a, "->") {
			orig := a
			a = noArrow(a)
			if q.Exact {
				w.note("GIFT reads \"->\" as a matching pair, so the accepted answer %q is written %q, which Moodle will require as written", orig, a)
			} else {
				w.note("GIFT reads \"->\" as a matching pair, so the accepted answer %q is written %q (the same answer once normalised)", orig, a)
			}
		}
		if cr := q.AcceptCredit(i); cr != 1 {
			answers = append(answers, "=%"+weight(100*cr)+"%"+fragment(a))
		} else {
			answers = append(answers, answer("=", "%100%", a))
		}
	}
	return answers, nil
}

// numericAnswers returns the answer lines of a numeric question.
func (w *questionWriter) numericAnswers() ([]string, error) {
	q := w.q
	var answers []string
	if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) || math.IsNaN(q.Tol) || math.IsInf(q.Tol, 0) || q.Tol < 0 {
		return nil, fmt.Errorf("answer %v ± %v is not a number GIFT can write", q.Value, q.Tol)
	}
	num := func(v, tol float64) string {
		a := strconv.FormatFloat(v, 'f', -1, 64)
		if tol > 0 {
			a += ":" + strconv.FormatFloat(tol, 'f', -1, 64)
		}
		return a
	}
	// Further numbers carry their weight; Parse reads the first as right.
	if len(q.Numbers) == 0 {
		answers = append(answers, num(q.Value, q.Tol))
	} else {
		answers = append(answers, "="+num(q.Value, q.Tol))
		for _, n := range q.Numbers {
			if n.Any {
				answers = append(answers, "=%"+weight(100*n.Credit)+"%*")
				continue
			}
			if math.IsNaN(n.Value) || math.IsInf(n.Value, 0) || !(n.Tol >= 0) || math.IsInf(n.Tol, 0) {
				return nil, fmt.Errorf("answer %v ± %v is not a number GIFT can write", n.Value, n.Tol)
			}
			answers = append(answers, "=%"+weight(100*n.Credit)+"%"+num(n.Value, n.Tol))
		}
	}
	if q.Unit != "" {
		w.meta(keyUnit, q.Unit)
		w.note("GIFT has no units: the unit %q is only in a // comment, which Moodle ignores", q.Unit)
	}
	return answers, nil
}

// orderAnswers returns the answer lines of a order question.
func (w *questionWriter) orderAnswers() ([]string, error) {
	q := w.q
	var answers []string
	w.meta(keyType, string(quiz.Order))
	w.buf.WriteString("// GIFT has no ordering question: this is a matching question, Position 1 -> the first item, and so on.\n")
	w.note("GIFT has no ordering question: written as a matching question (Position 1 -> first item, …), which Moodle marks pair by pair and conflictq reads back as an order question")
	for i, item := range q.Items {
		answers = append(answers, "="+fragment(positionLeft(i))+" -> "+fragment(item))
	}
	return answers, nil
}

// matchAnswers returns the answer lines of a match question.
func (w *questionWriter) matchAnswers() ([]string, error) {
	q := w.q
	var answers []string
	for _, p := range q.Pairs {
		left := p.Left
		if strings.Contains(left, "->") {
			left = noArrow(left)
			w.note("GIFT reads the first \"->\" of a pair as its arrow, so the left side %q is written %q", p.Left, left)
		}
		answers = append(answers, "="+fragment(left)+" -> "+fragment(p.Right))
	}
	return answers, nil
}

// openAnswers returns the answer lines of a open question.
func (w *questionWriter) openAnswers() ([]string, error) {
	q := w.q
	var answers []string
	// The key points, as a teacher marks against them; the plain points
	// (PlainKey) are conflictq's screen text and are not exported.
	for _, k := range q.Key {
		w.meta(keyKeyPoint, k)
	}
	if q.Explanation != "" {
		w.meta(keyExplanation, q.Explanation)
	}
	if len(q.Key) > 0 || q.Explanation != "" {
		w.note("a GIFT essay has only the model answer (shown as general feedback); the key points and explanation are only in // comments, which Moodle ignores")
	}
	return answers, nil
}

// infoAnswers returns the answer lines of a info question.
func (w *questionWriter) infoAnswers() ([]string, error) {
	q := w.q
	var answers []string
	if q.Explanation != "" {
		w.meta(keyExplanation, q.Explanation)
		w.note("a GIFT description has no feedback; the explanation is only in a // comment, which Moodle ignores")
	}
	return answers, nil
}

// writeText writes the question's title, text and answers.
func (w *questionWriter) writeText(answers []string) {
	buf, q := w.buf, w.q
	fmt.Fprintf(buf, "::%s::", escape(cmp.Or(q.Name, q.ID)))
	if q.Type == quiz.Info {
		buf.WriteString(fragment(q.Prompt))
		buf.WriteString("\n")
		return
	}
	// A blank in the middle of the prompt is where a missing-word question's
	// answers go; Parse puts the blank back. A blank at the very end stays as
	// text, since answers at the end leave none.
	before, after := q.Prompt, ""
	if i := strings.Index(q.Prompt, "_____"); i >= 0 && strings.TrimSpace(q.Prompt[i+5:]) != "" && missingWord(q.Type) {
		before, after = q.Prompt[:i], q.Prompt[i+5:]
	}
	esc := escape
	switch {
	case looksHTML(q.Prompt):
		buf.WriteString("[" + formatHTML + "]") // see fragment
		esc = htmlEscape
	case hasFormatPrefix(q.Prompt):
		buf.WriteString("[" + formatMoodle + "]")
	}
	buf.WriteString(esc(before))
	if after == "" {
		buf.WriteString(" ")
	}
	buf.WriteString("{")
	if q.Type == quiz.Numeric {
		buf.WriteString("#")
	}
	buf.WriteString("\n")
	for _, a := range answers {
		buf.WriteString("\t" + a + "\n")
	}
	general := q.Explanation
	if q.Type == quiz.Open {
		// The full model answer, as the key has it; the plain answer
		// (Plain) is conflictq's screen text, which GIFT has no place for.
		general = q.Model
	}
	if general != "" {
		buf.WriteString("\t####" + fragment(general) + "\n")
	}
	buf.WriteString("}" + esc(after) + "\n")
}

// missingWord reports whether answers of type t may stand in the middle of
// the prompt, as Moodle's missing-word questions do.
func missingWord(t quiz.Type) bool {
	switch t {
	case quiz.Single, quiz.Multi, quiz.Short, quiz.Numeric:
		return true
	}
	return false
}

// fragment escapes one part of a question. A part that starts like a format
// prefix ([html]…) gets [moodle] in front, so that it is read as text.
func fragment(s string) string {
	if looksHTML(s) {
		// Moodle renders its default format as HTML: code shown as text
		// (<a href=...>, &lt;) would become a live link. Written as
		// escaped HTML, it is shown as it reads, and read back the same.
		return "[" + formatHTML + "]" + htmlEscape(s)
	}
	if hasFormatPrefix(s) {
		return "[" + formatMoodle + "]" + escape(s)
	}
	return escape(s)
}

// htmlEscape writes plain text as escaped HTML, line breaks as <br>.
func htmlEscape(s string) string {
	return escape(htmlEscaper.Get().Replace(s))
}

var htmlEscaper = &lazy.Value[*strings.Replacer]{New: func() *strings.Replacer {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\n", "<br>\n")
}}

// looksHTML reports whether s holds what Moodle's default format would take
// for markup: a tag or an entity, as the regular expression
// <[A-Za-z/!?]|&#?[A-Za-z0-9]+; matches them. Every part of every question
// is looked at, so it is a loop: the expression, unanchored, took a fifth of
// a whole export's time.
func looksHTML(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<':
			if i+1 < len(s) && (isASCIILetter(s[i+1]) || strings.IndexByte("/!?", s[i+1]) >= 0) {
				return true
			}
		case '&':
			j := i + 1
			if j < len(s) && s[j] == '#' {
				j++
			}
			k := j
			for k < len(s) && (isASCIILetter(s[k]) || '0' <= s[k] && s[k] <= '9') {
				k++
			}
			if k > j && k < len(s) && s[k] == ';' {
				return true
			}
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// hasFormatPrefix reports whether s starts with a [format] prefix such as
// [html], as formatPrefix matches it, without the regular expression.
func hasFormatPrefix(s string) bool {
	if len(s) < 3 || s[0] != '[' {
		return false
	}
	i := 1
	for i < len(s) && isASCIILetter(s[i]) {
		i++
	}
	return i > 1 && i < len(s) && s[i] == ']'
}

// answer writes an answer after its mark. A text that starts with % (%50% of
// voters) gets its weight written out, so that it is not read as one.
func answer(mark, explicit, s string) string {
	if strings.HasPrefix(s, "%") {
		return mark + explicit + fragment(s)
	}
	return mark + fragment(s)
}

// weight writes a percentage as Moodle does, to five decimals: 33.33333.
func weight(v float64) string {
	return strconv.FormatFloat(math.Round(v*1e5)/1e5, 'f', -1, 64)
}

// noArrow breaks each "->" so that GIFT does not read a matching pair.
func noArrow(s string) string { return strings.ReplaceAll(s, "->", "- >") }

// moodleEscape writes a value inside Moodle's [id:…] or [tag:…]: a ] is \]
// and a line break or a tab a space (Moodle reads no control character
// there). A value that ends in a backslash gets a space, which Moodle trims,
// so that the backslash does not escape the closing bracket.
// (A loop rather than a strings.Replacer: one built for each call cost more
// than the whole export's other escaping.)
func moodleEscape(s string) string {
	if !strings.ContainsAny(s, "]\r\n\t") && !strings.HasSuffix(s, `\`) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 4)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ']':
			b.WriteString(`\]`)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++ // CRLF is one line break
			}
			b.WriteByte(' ')
		case '\n', '\t':
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
	if strings.HasSuffix(s, `\`) {
		b.WriteByte(' ')
	}
	return b.String()
}
