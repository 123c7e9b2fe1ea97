package moodlexml

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
	"github.com/conflictq/conflictq/quiz/internal/meta"
	qtext "github.com/conflictq/conflictq/quiz/text"
)

// Export writes b as Moodle XML, for Moodle and for Parse: a category named
// after the bank, then each question with its id as name and idnumber, its
// points as default grade, its tags, its explanation as general feedback and
// its credit as answer fractions. Texts are plain_text, as conflictq holds
// them. The citation, difficulty, key points and typo tolerance go in XML
// comments, which Moodle ignores and Parse reads back.
//
// It returns one note for each question Moodle will not see as conflictq
// does: an order question needs Moodle's ordering question type (standard
// from Moodle 4.4, a plugin before), which marks by its own rules; an open
// question's key points are only in a comment (the model answer is the
// grader information); an info page's explanation likewise. The output is
// written in one piece.
func Export(w io.Writer, b *quiz.Bank) (notes []string, err error) {
	var buf bytes.Buffer
	buf.Grow(2048*len(b.Questions) + 1024) // about what a question takes: grown once, not copied as it doubles
	title := b.Title
	if title == "" {
		title = b.ID
	}
	title = strings.Join(strings.Fields(title), " ")
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<quiz>\n")
	fmt.Fprintf(&buf, "<!-- %s: conflictq bank %s as Moodle XML. Comments starting \"conflictq\" carry what Moodle has no place for. -->\n", meta.EscapeXMLComment(title), meta.EscapeXMLComment(b.ID))
	buf.WriteString("  <question type=\"category\">\n    <category>\n")
	fmt.Fprintf(&buf, "      <text>%s</text>\n", qtext.XMLEscape("$course$/top/"+strings.ReplaceAll(title, "/", "//")))
	buf.WriteString("    </category>\n  </question>\n")
	for _, q := range b.Questions {
		n, err := writeQuestion(&buf, q)
		if err != nil {
			return nil, fmt.Errorf("question %q: %w", q.ID, err)
		}
		notes = append(notes, n...)
	}
	buf.WriteString("</quiz>\n")
	if _, err := w.Write(buf.Bytes()); err != nil {
		return nil, err
	}
	return notes, nil
}

// plain writes a text element in plain_text format.
func plain(buf *bytes.Buffer, indent, tag, s string) {
	fmt.Fprintf(buf, "%s<%s format=\"plain_text\">\n%s  <text>%s</text>\n%s</%s>\n", indent, tag, indent, qtext.XMLEscape(s), indent, tag)
}

// percent writes a share as Moodle's fraction, a percentage to seven decimals.
func percent(v float64) string {
	return strconv.FormatFloat(math.Round(v*100*1e7)/1e7, 'f', -1, 64)
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// moodleType is the Moodle question type a conflictq type is written as. A
// switch, not a map: a map literal is the package's init, run by every command.
func moodleType(t quiz.Type) (string, bool) {
	switch t {
	case quiz.Single, quiz.Multi:
		return "multichoice", true
	case quiz.TrueFalse:
		return "truefalse", true
	case quiz.Short:
		return "shortanswer", true
	case quiz.Numeric:
		return "numerical", true
	case quiz.Match:
		return "matching", true
	case quiz.Order:
		return "ordering", true
	case quiz.Open:
		return "essay", true
	case quiz.Info:
		return "description", true
	}
	return "", false
}

// writeQuestion writes q as one Moodle XML question, after an XML comment
// with what Moodle cannot hold, and returns notes on what it could not.
func writeQuestion(buf *bytes.Buffer, q *quiz.Question) (notes []string, err error) {
	if strings.TrimSpace(q.Prompt) == "" {
		return nil, errors.New("no question text")
	}
	lines, general, notes := questionMeta(q)
	typ, ok := moodleType(q.Type)
	if !ok {
		return nil, fmt.Errorf("type %q cannot be written as Moodle XML", q.Type)
	}
	buf.WriteString("\n")
	if len(lines) > 0 {
		buf.WriteString("<!--\n")
		for _, m := range lines {
			buf.WriteString(m + "\n")
		}
		buf.WriteString("-->\n")
	}
	fmt.Fprintf(buf, "  <question type=\"%s\">\n", typ)
	fmt.Fprintf(buf, "    <name>\n      <text>%s</text>\n    </name>\n", qtext.XMLEscape(cmp.Or(q.Name, q.ID)))
	plain(buf, "    ", "questiontext", q.Prompt)
	plain(buf, "    ", "generalfeedback", general)
	points := q.Points
	if q.Type == quiz.Info {
		points = 0
	}
	fmt.Fprintf(buf, "    <defaultgrade>%s</defaultgrade>\n", num(points))
	fmt.Fprintf(buf, "    <idnumber>%s</idnumber>\n", qtext.XMLEscape(q.ID))
	if err := writeAnswers(buf, q); err != nil {
		return nil, err
	}
	if len(q.Tags) > 0 {
		buf.WriteString("    <tags>\n")
		for _, t := range q.Tags {
			fmt.Fprintf(buf, "      <tag><text>%s</text></tag>\n", qtext.XMLEscape(t))
		}
		buf.WriteString("    </tags>\n")
	}
	buf.WriteString("  </question>\n")
	return notes, nil
}

// questionMeta is what of q Moodle cannot hold: the lines of the XML comment
// before the question (conflictq's metadata), the general feedback to write,
// and notes on what is kept only in the comment.
func questionMeta(q *quiz.Question) (lines []string, general string, notes []string) {
	note := func(format string, args ...any) { notes = append(notes, q.ID+": "+fmt.Sprintf(format, args...)) }
	add := func(key, value string) { lines = append(lines, metaPrefix+key+": "+meta.EscapeXMLComment(value)) }
	if !q.Source.IsZero() {
		add(keySource, q.Source.String())
	}
	if q.Difficulty != "" {
		add(keyDifficulty, q.Difficulty)
	}
	general = q.Explanation
	switch q.Type {
	case quiz.Short:
		if !q.Exact {
			add(keyTypos, "1")
		}
	case quiz.Open:
		// The key points only: the plain points (PlainKey) are conflictq's
		// screen text and are not exported.
		for _, k := range q.Key {
			add(keyKeyPoint, k)
		}
		// An essay's explanation is its general feedback, which Moodle
		// shows after the attempt; the model answer is the grader
		// information.
		if len(q.Key) > 0 {
			note("Moodle's essays have no key points: they are only in an XML comment, which Moodle ignores (the model answer is the grader information)")
		}
	case quiz.Info:
		if q.Explanation != "" {
			add(keyExplanation, q.Explanation)
			note("Moodle's descriptions have no feedback: the explanation is only in a comment")
		}
		general = ""
	case quiz.Order:
		note("written as Moodle's ordering question (standard from Moodle 4.4, a plugin before), which Moodle marks by its own rules")
	}
	return lines, general, notes
}

// writeAnswers writes what q's type holds: its answers, pairs, items, unit or
// grader information.
func writeAnswers(buf *bytes.Buffer, q *quiz.Question) error {
	answer := func(fraction, text string, extra string) {
		fmt.Fprintf(buf, "    <answer fraction=\"%s\" format=\"plain_text\">\n      <text>%s</text>\n%s    </answer>\n", fraction, qtext.XMLEscape(text), extra)
	}
	switch q.Type {
	case quiz.Single, quiz.Multi:
		if len(q.Correct) == 0 {
			return errors.New("no right answer")
		}
		fmt.Fprintf(buf, "    <single>%t</single>\n    <shuffleanswers>true</shuffleanswers>\n    <answernumbering>abc</answernumbering>\n", q.Type == quiz.Single)
		for i, c := range q.Choices {
			answer(percent(q.ChoiceCredit(i)), c, "")
		}
	case quiz.TrueFalse:
		right, wrong := "100", "0"
		if !q.Truth {
			right, wrong = wrong, right
		}
		answer(right, "true", "")
		answer(wrong, "false", "")
	case quiz.Short:
		buf.WriteString("    <usecase>0</usecase>\n")
		for i, a := range q.Accept {
			answer(percent(q.AcceptCredit(i)), a, "")
		}
	case quiz.Numeric:
		if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) || !(q.Tol >= 0) || math.IsInf(q.Tol, 0) {
			return fmt.Errorf("answer %v ± %v is not a number Moodle can hold", q.Value, q.Tol)
		}
		answer("100", num(q.Value), "      <tolerance>"+num(q.Tol)+"</tolerance>\n")
		for _, n := range q.Numbers {
			if n.Any {
				answer(percent(n.Credit), "*", "      <tolerance>0</tolerance>\n")
				continue
			}
			answer(percent(n.Credit), num(n.Value), "      <tolerance>"+num(n.Tol)+"</tolerance>\n")
		}
		if q.Unit != "" {
			fmt.Fprintf(buf, "    <units>\n      <unit>\n        <multiplier>1</multiplier>\n        <unit_name>%s</unit_name>\n      </unit>\n    </units>\n    <showunits>3</showunits>\n", qtext.XMLEscape(q.Unit))
		}
	case quiz.Match:
		buf.WriteString("    <shuffleanswers>true</shuffleanswers>\n")
		for _, p := range q.Pairs {
			fmt.Fprintf(buf, "    <subquestion format=\"plain_text\">\n      <text>%s</text>\n      <answer>\n        <text>%s</text>\n      </answer>\n    </subquestion>\n", qtext.XMLEscape(p.Left), qtext.XMLEscape(p.Right))
		}
	case quiz.Order:
		buf.WriteString("    <layouttype>VERTICAL</layouttype>\n    <selecttype>ALL</selecttype>\n    <gradingtype>ABSOLUTE_POSITION</gradingtype>\n")
		for i, it := range q.Items {
			answer(strconv.Itoa(i+1), it, "")
		}
	case quiz.Open:
		buf.WriteString("    <responseformat>editor</responseformat>\n    <responserequired>1</responserequired>\n    <responsefieldlines>10</responsefieldlines>\n")
		// The grader's full model answer; the plain answer (Plain) is
		// conflictq's screen text and is not exported.
		plain(buf, "    ", "graderinfo", q.Model)
	}
	return nil
}
