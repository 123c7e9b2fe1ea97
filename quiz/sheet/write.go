package sheet

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/conflictq/conflictq/quiz"
)

// Layout is what a written sheet records besides its questions: the header
// that grading reads back (Read) to ask the same questions again.
type Layout struct {
	Student    string
	Banks      []string // as the sheet names them (BankPath for files)
	Seed       uint64
	Set        string // the question set (sheet --set), if any
	Count      int
	Tags       []string
	Difficulty string
	Types      []string // quiz.Filter.Types
	Key        bool     // the answer key: every right answer filled in
}

// KeyStudent is the student a key is written for (sheet --key): no
// student's name, and how grade knows a key left in a class's folder.
const KeyStudent = "ANSWER KEY"

// IsKey reports whether a sheet's student is the one sheet --key writes a
// key for: the one test of "this is a key" grade and mark share.
func IsKey(student string) bool { return student == KeyStudent }

func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// keyValue is a question's right answer in sheet form, for the JSON key,
// which has no comments: an option by its text when that reads back as the
// option and no other, else as the YAML key gives it (quiz.OptionText).
func keyValue(p *quiz.Presented) any {
	q := p.Question
	shown := p.Options()
	display := func(bankIndex int) int {
		for d, k := range p.FromDisplay(seq(len(shown))) {
			if k == bankIndex {
				return d
			}
		}
		return bankIndex
	}
	switch q.Type {
	case quiz.Single:
		return quiz.OptionText(shown, display(q.Correct[0]), false)
	case quiz.Multi:
		out := make([]string, len(q.Correct))
		for i, c := range q.Correct {
			out[i] = quiz.OptionText(shown, display(c), false)
		}
		return out
	case quiz.TrueFalse:
		return q.Truth
	case quiz.Short:
		for i, a := range q.Accept { // the first that earns full credit
			if q.AcceptCredit(i) >= 1 {
				return a
			}
		}
		return q.Accept[0]
	case quiz.Numeric:
		return q.Value
	case quiz.Order:
		out := make([]string, len(q.Items))
		for i := range q.Items {
			out[i] = quiz.OptionText(shown, display(i), true)
		}
		return out
	case quiz.Match:
		lefts := p.Lefts()
		m := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
		for i, pair := range q.Pairs {
			right := pair.Right
			if d := slices.Index(shown, pair.Right); d >= 0 {
				right = quiz.OptionText(shown, d, false)
			}
			m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: quiz.OptionText(lefts, i, true)}, &yaml.Node{Kind: yaml.ScalarNode, Value: right})
		}
		return m
	case quiz.Open:
		return q.Model
	}
	return nil
}

// finishYAML writes the encoded sheet out to w finished: a key's long lines
// folded (foldLines), a blank sheet's open answers given their | (openBlocks).
func finishYAML(w io.Writer, out []byte, questions []*quiz.Presented, key bool) error {
	// The sheet is finished (folded, or its open answers marked) straight
	// into the bytes.Buffer the command collects it in, where w is one: a
	// copy of the key made only to be copied there was a fifth of the
	// fresh memory sheet --key took.
	dst := []byte(nil)
	into, _ := w.(*bytes.Buffer)
	if into != nil {
		into.Grow(len(out) + len(out)/16)
		dst = into.AvailableBuffer()
	} else {
		dst = make([]byte, 0, len(out)+len(out)/16)
	}
	if key {
		dst = foldLines(dst, out, 78)
	} else {
		// An open answer goes on the lines below a |, where a colon, a
		// quote or a # is the student's text: YAML's block scalar. The
		// encoder writes no | for an empty value; it is put in here.
		dst = openBlocks(dst, out, questions)
	}
	if into != nil {
		_, err := into.Write(dst) // its own free space: nothing is copied elsewhere
		return err
	}
	_, err := w.Write(dst)
	return err
}

// openBlocks appends out to dst with " |" after each open question's
// empty answer ("\n  id:\n"), the first such line of each in turn: what
// bytes.Replace(out, "\n  id:\n", "\n  id: |\n", 1) for each open question
// in order gave, in one copy where that made one a question
// (TestOpenBlocksAsReplace).
func openBlocks(dst, out []byte, questions []*quiz.Presented) []byte {
	var at []int // where each " |" goes: before the line's break
	for _, p := range questions {
		if p.Type != quiz.Open {
			continue
		}
		line := "\n  " + p.ID + ":\n"
		for from := 0; from < len(out); {
			i := bytes.Index(out[from:], []byte(line))
			if i < 0 {
				break
			}
			if pos := from + i + len(line) - 1; !slices.Contains(at, pos) {
				at = append(at, pos) // a line already given its | no longer reads "id:\n"
				break
			}
			from += i + 1
		}
	}
	slices.Sort(at)
	prev := 0
	for _, pos := range at {
		dst = append(append(dst, out[prev:pos]...), " |"...)
		prev = pos
	}
	return append(dst, out[prev:]...)
}

// foldLines breaks the long lines of folded blocks (>-, the model answers
// of a key) at single spaces to fit width: YAML folds each such break back
// into the space it was, so the text reads back the same.
func foldLines(b, out []byte, width int) []byte {
	// Written straight into one buffer (appended to b): splitting the key
	// into strings and building them up again copied it four times.
	fold := -1 // the indentation of the key whose folded block this is
	for len(out) > 0 {
		n := bytes.IndexByte(out, '\n') + 1
		if n == 0 {
			n = len(out)
		}
		line := out[:n]
		out = out[n:]
		body := bytes.TrimRight(line, "\n")
		at := len(body) - len(bytes.TrimLeft(body, " "))
		switch {
		case bytes.HasSuffix(body, []byte(": >-")) || bytes.HasSuffix(body, []byte(": >")):
			fold = at
		case fold >= 0 && (len(bytes.TrimSpace(body)) == 0 || at <= fold):
			fold = -1
		case fold >= 0 && len(body) > width && !bytes.Contains(body[at:], []byte("  ")):
			words := bytes.Split(body[at:], []byte(" "))
			start := len(b) // of the line being filled
			b = append(append(b, body[:at]...), words[0]...)
			for _, w := range words[1:] {
				if len(b)-start+1+len(w) > width {
					b = append(b, '\n')
					start = len(b)
					b = append(append(b, body[:at]...), w...)
				} else {
					b = append(append(b, ' '), w...)
				}
			}
			b = append(b, line[len(body):]...)
			continue
		}
		b = append(b, line...)
	}
	return b
}

const sheetInstructions = `conflictq answer sheet. Write your name after student:, then each answer
after its question's id. For a choice give its letter, number or text (b, 2,
Baku); for several choices a list ([a, c]); for an order the items' numbers
([3, 1, 2]); for pairs number=letter (1=b 2=a); otherwise the text or number.
Put an answer that has a colon, a quote or a # in it, or begins with - [ or {,
in double quotes: town: "Khojaly: Xocali". Write an open answer on the lines
below its |, indented by two more spaces than its id. Leave an answer empty to
skip it. Grade with: conflictq grade THIS-FILE`

// answerKind says, after each question, what kind of answer it asks for:
// a switch, where a map literal in questionComment was built again for
// every question of a sheet.
func answerKind(t quiz.Type) string {
	switch t {
	case quiz.Single:
		return "one choice"
	case quiz.Multi:
		return "all that apply, as a list"
	case quiz.TrueFalse:
		return "true or false"
	case quiz.Short:
		return "a few words"
	case quiz.Numeric:
		return "a number"
	case quiz.Order:
		return "the numbers of the items in order, first to last, as a list"
	case quiz.Match:
		return "pairs, number=letter, such as 1=b, 2=a"
	case quiz.Open:
		return "your own words, on the lines below the |"
	}
	return ""
}

// WriteJSON writes the same sheet as WriteYAML, in JSON (without the comments).
func WriteJSON(w io.Writer, questions []*quiz.Presented, l Layout) error {
	student, ids, opts := l.Student, l.Banks, &l
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\n  \"student\": %s,\n  \"banks\": %s,\n  \"seed\": %d,\n", mustJSON(student), mustJSON(ids), opts.Seed)
	if opts.Set != "" {
		fmt.Fprintf(&b, "  \"set\": %s,\n", mustJSON(opts.Set))
	}
	if opts.Count > 0 {
		fmt.Fprintf(&b, "  \"count\": %d,\n", opts.Count)
	}
	if len(opts.Tags) > 0 {
		fmt.Fprintf(&b, "  \"tags\": %s,\n", mustJSON(opts.Tags))
	}
	if opts.Difficulty != "" {
		fmt.Fprintf(&b, "  \"difficulty\": %s,\n", mustJSON(opts.Difficulty))
	}
	if len(opts.Types) > 0 {
		fmt.Fprintf(&b, "  \"types\": %s,\n", mustJSON(opts.Types))
	}
	b.WriteString("  \"answers\": {")
	first := true
	for _, p := range questions {
		if p.Type == quiz.Info {
			continue
		}
		var value any
		if opts.Key {
			value = keyValue(p)
			if n, ok := value.(*yaml.Node); ok && p.Type == quiz.Match {
				m := map[string]string{}
				for i := 0; i+1 < len(n.Content); i += 2 {
					m[n.Content[i].Value] = n.Content[i+1].Value
				}
				value = m
			}
		}
		if !first {
			b.WriteString(",")
		}
		first = false
		fmt.Fprintf(&b, "\n    %s: %s", mustJSON(p.ID), mustJSON(value))
	}
	b.WriteString("\n  }\n}\n")
	_, err := w.Write(b.Bytes())
	return err
}

func mustJSON(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(data)
}
