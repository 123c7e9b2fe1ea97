package sheet

import (
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/yamlemit"
	"github.com/conflictq/conflictq/quiz/text"
)

// WriteYAML writes a blank answer sheet, or with l.Key the answer key, for
// questions as shown (shuffled by l.Seed), in YAML with each question and its
// options in a comment above its answer.
//
// It is written through yamlemit, byte for byte as yaml's encoder wrote the
// sheet's node tree (each question a head comment on its id, a key's texts
// line comments): the encoder keeps every event of the document and walks
// each comment a byte at a time, and the key of 40 questions took it about
// as long as a whole command's floor. TestSheetYAMLAsEncoder holds the two
// to the same bytes on every built-in bank and on random and hostile
// questions.
func WriteYAML(w io.Writer, questions []*quiz.Presented, l Layout) error {
	e := sheetYAML{yamlemit.New(512 * (len(questions) + 2))} // a key's question and answer take about 400 bytes: grown once
	e.HeadComment(sheetInstructions)
	e.BlockStart(false)
	e.header(l)
	e.key("answers")
	e.answers(questions, l.Key)
	e.BlockEnd()
	e.End()
	return finishYAML(w, e.Buf, questions, l.Key)
}

// sheetYAML writes a sheet's YAML.
type sheetYAML struct{ *yamlemit.Emitter }

// key writes a mapping key, a node of its own (no tag, no style).
func (e sheetYAML) key(k string) {
	s, tag := yamlemit.Text(k)
	e.Key(s, tag, yamlemit.NodeStyle(s, tag, false))
}

// node writes a value as a node of its own (no tag, no style) is written.
func (e sheetYAML) node(v string) {
	s, tag := yamlemit.Text(v)
	e.Scalar(s, tag, yamlemit.NodeStyle(s, tag, false), false)
}

// quoted writes a value in double quotes.
func (e sheetYAML) quoted(v string) {
	s, tag := yamlemit.Text(v)
	e.Scalar(s, tag, yamlemit.Double, false)
}

// flowList writes a flow sequence ([a, b]) of items, each a node of its own.
func (e sheetYAML) flowList(items []string) {
	e.FlowStart(false)
	for i, v := range items {
		s, tag := yamlemit.Text(v)
		e.FlowItem(i, s, tag, yamlemit.NodeStyle(s, tag, true)) // a string, quoted where it would read back as another value (null)
	}
	e.FlowEnd(false)
}

// header writes the sheet's top mapping up to its answers: the student,
// the banks and the seed always, the selection (set, count, tags,
// difficulty, types) where l has one.
func (e sheetYAML) header(l Layout) {
	e.key("student")
	e.quoted(l.Student)
	e.key("banks")
	e.flowList(l.Banks)
	e.key("seed")
	e.Scalar(strconv.FormatUint(l.Seed, 10), "", yamlemit.Plain, false)
	if l.Set != "" {
		e.key("set")
		e.quoted(l.Set)
	}
	if l.Count > 0 {
		e.key("count")
		e.Scalar(strconv.Itoa(l.Count), "", yamlemit.Plain, false)
	}
	if len(l.Tags) > 0 {
		e.key("tags")
		e.flowList(l.Tags)
	}
	if l.Difficulty != "" {
		e.key("difficulty")
		e.node(l.Difficulty)
	}
	if len(l.Types) > 0 {
		e.key("types")
		e.flowList(l.Types)
	}
}

// answers writes the sheet's answers mapping: each question but an info by
// its id, its comment above it (with key, an open question's key points
// too), its value empty or, with key, its right answer (keyAnswer).
func (e sheetYAML) answers(questions []*quiz.Presented, key bool) {
	n := 0
	for _, p := range questions {
		if p.Type == quiz.Info {
			continue
		}
		if n++; n == 1 {
			e.BlockStart(false)
		}
		e.StartHeadComment()
		e.questionComment(n, p)
		if key && p.Type == quiz.Open && len(p.Key) > 0 {
			e.keyPointsComment(p.Key)
		}
		e.EndComment()
		e.key(p.ID)
		if key {
			e.keyAnswer(p)
		} else {
			e.Scalar("", "", yamlemit.Plain, false)
		}
	}
	if n == 0 {
		e.FlowStart(true) // an empty mapping: {}
		e.FlowEnd(true)
		return
	}
	e.BlockEnd()
}

// ref is how the key refers to option d of options (quiz.OptionRef), with
// the style the encoder gave it: a number plain, other text as a string.
func ref(options []string, d int, numbered bool) (string, yamlemit.Style) {
	r := quiz.OptionRef(options, d, numbered)
	if _, err := strconv.Atoi(r); err == nil {
		return r, yamlemit.Plain
	}
	return r, yamlemit.NodeStyle(r, "", true)
}

// keyAnswer writes a question's right answer for the YAML key, for marking
// paper: options by their letters (an order's items by their numbers) on
// the sheet, with the texts in a comment, and one pair a line for match
// questions. It grades as the key.
func (e sheetYAML) keyAnswer(p *quiz.Presented) {
	shown := p.Options()
	from := p.FromDisplay(seq(len(shown))) // each shown option's index in the bank: made once, not at each look-up
	display := func(bankIndex int) int {
		if d := slices.Index(from, bankIndex); d >= 0 {
			return d
		}
		return bankIndex
	}
	q := p.Question
	switch q.Type {
	case quiz.Single:
		r, style := ref(shown, display(q.Correct[0]), false)
		e.Scalar(r, "", style, false)
		e.LineComment(q.Choices[q.Correct[0]])
	case quiz.Multi, quiz.Order:
		idx, texts, numbered := q.Correct, q.Choices, false
		if q.Type == quiz.Order {
			idx, texts, numbered = seq(len(q.Items)), q.Items, true
		} else {
			// A multi's right choices in the order the sheet shows them: a, c, d.
			idx = slices.Clone(idx)
			slices.SortFunc(idx, func(a, b int) int { return display(a) - display(b) })
		}
		words := make([]string, 0, len(idx))
		e.FlowStart(false)
		for i, k := range idx {
			r, style := ref(shown, display(k), numbered)
			e.FlowItem(i, r, "", style)
			words = append(words, texts[k])
		}
		e.FlowEnd(false)
		e.LineComment(strings.Join(words, "; "))
	case quiz.Match:
		e.keyPairs(p)
	default:
		e.keyScalar(keyValue(p), q.Type == quiz.Open)
	}
}

// keyPairs writes a match question's key, one pair a line: a left side's
// number, the letter of its right side (? where it is not shown), and the
// pair in words.
func (e sheetYAML) keyPairs(p *quiz.Presented) {
	q := p.Question
	if len(q.Pairs) == 0 {
		e.FlowStart(true) // an empty mapping: {}
		e.FlowEnd(true)
		return
	}
	rights, lefts := p.Options(), p.Lefts()
	e.BlockStart(false)
	for i, pair := range q.Pairs {
		k, style := ref(lefts, i, true)
		e.Key(k, "", style)
		if d := slices.Index(rights, pair.Right); d >= 0 {
			r, style := ref(rights, d, false)
			e.Scalar(r, "", style, false)
		} else {
			e.Scalar("?", "", yamlemit.Plain, false)
		}
		e.LineComment(pair.Left + " = " + pair.Right)
	}
	e.BlockEnd()
}

// keyScalar writes v (a bool, a number or a string) as yaml's encoder
// writes it, an open question's model answer (folded) as a block folded to
// the page; it reads back as the same text.
func (e sheetYAML) keyScalar(v any, folded bool) {
	s, tag, style := "null", "", yamlemit.Plain
	switch v := v.(type) {
	case bool:
		s = strconv.FormatBool(v)
	case float64:
		s = yamlemit.Float(v)
	case string:
		s, tag = yamlemit.Text(v)
		style = yamlemit.StringStyle(s, tag)
	}
	if folded {
		style = yamlemit.Folded
	}
	e.Scalar(s, tag, style, false)
}

// questionComment writes a question's comment above its answer line, with
// its options numbered as the sheet's seed shuffled them. Its parts go
// straight to the emitter: a string of each comment, made with fmt and a
// growing builder, was a third of what writing a key allocated once yaml's
// encoder was gone.
func (e sheetYAML) questionComment(n int, p *quiz.Presented) {
	e.CommentText(text.Wrap(strconv.Itoa(n)+". "+p.Prompt+" ("+answerKind(p.Type)+")", 76, ""))
	numbered := func(i int, o string) {
		e.CommentText("\n   ")
		e.CommentText(strconv.Itoa(i + 1))
		e.CommentText(") ")
		e.CommentText(o)
	}
	lettered := func(i int, o string) {
		e.CommentText("\n   ")
		e.CommentText(text.Letter(i))
		e.CommentText(") ")
		e.CommentText(o)
	}
	switch p.Type {
	case quiz.Single, quiz.Multi:
		// Lettered, as the paper test (bank export) letters them, so that a
		// student's paper copies across letter for letter (teacher3 P10).
		for i, o := range p.Options() {
			lettered(i, o)
		}
	case quiz.Order:
		for i, o := range p.Options() {
			numbered(i, o)
		}
	case quiz.Match:
		for i, l := range p.Lefts() {
			numbered(i, l)
		}
		e.CommentText("\n   with:")
		for i, o := range p.Options() {
			lettered(i, o)
		}
	}
}

// keyPointsComment writes the comment lines that follow an open question's
// comment in the key: what to look for when marking, as the worksheet's key
// lists it.
func (e sheetYAML) keyPointsComment(points []string) {
	e.CommentText("\n   Key points:")
	for _, k := range points {
		lead := "\n   - "
		for l := range strings.SplitSeq(text.Wrap(k, 68, ""), "\n") {
			e.CommentText(lead)
			e.CommentText(l)
			lead = "\n     "
		}
	}
}
