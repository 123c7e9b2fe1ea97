package sheet

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
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

// keyNode is a question's right answer for the YAML key, for marking paper:
// options by their letters (an order's items by their numbers) on the sheet, with the texts in a comment, and one
// pair a line for match questions. It grades as the key.
func keyNode(p *quiz.Presented) (*yaml.Node, error) {
	shown := p.Options()
	// Every option is given in the form that reads back as that option and
	// no other (quiz.OptionRef): a choice by its letter as the sheet and the
	// paper test show it (teacher3 P10), an item by its number; "c)" when
	// the bare letter is also another option's text.
	ref := func(options []string, d int, numbered bool) *yaml.Node {
		r := quiz.OptionRef(options, d, numbered)
		if _, err := strconv.Atoi(r); err == nil {
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: r}
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: r}
	}
	choice := func(d int) *yaml.Node { return ref(shown, d, true) }
	lettered := func(d int) *yaml.Node { return ref(shown, d, false) }
	display := func(bankIndex int) int {
		for d, k := range p.FromDisplay(seq(len(p.Options()))) {
			if k == bankIndex {
				return d
			}
		}
		return bankIndex
	}
	q := p.Question
	switch q.Type {
	case quiz.Single:
		n := lettered(display(q.Correct[0]))
		n.LineComment = q.Choices[q.Correct[0]]
		return n, nil
	case quiz.Multi, quiz.Order:
		idx, texts := q.Correct, q.Choices
		if q.Type == quiz.Order {
			idx, texts = seq(len(q.Items)), q.Items
		}
		list := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		var words []string
		pick := lettered
		if q.Type == quiz.Order {
			pick = choice
		} else {
			// A multi's right choices in the order the sheet shows them: a, c, d.
			idx = slices.Clone(idx)
			slices.SortFunc(idx, func(a, b int) int { return display(a) - display(b) })
		}
		for _, k := range idx {
			list.Content = append(list.Content, pick(display(k)))
			words = append(words, texts[k])
		}
		list.LineComment = strings.Join(words, "; ")
		return list, nil
	case quiz.Match:
		m := &yaml.Node{Kind: yaml.MappingNode}
		rights, lefts := p.Options(), p.Lefts()
		for i, pair := range q.Pairs {
			v := &yaml.Node{Kind: yaml.ScalarNode, Value: "?", LineComment: pair.Left + " = " + pair.Right}
			if d := slices.Index(rights, pair.Right); d >= 0 {
				v = ref(rights, d, false)
				v.LineComment = pair.Left + " = " + pair.Right
			}
			m.Content = append(m.Content, ref(lefts, i, true), v)
		}
		return m, nil
	}
	n, err := keyScalar(keyValue(p))
	if err == nil && q.Type == quiz.Open && n.Kind == yaml.ScalarNode {
		// A model answer of 250 words, folded to the page; it reads back
		// as the same text.
		n.Style = yaml.FoldedStyle
	}
	return n, err
}

// keyScalar is the node yaml's Node.Encode makes of v (a bool, a number or
// a string), made without encoding v and parsing the text back: that took a
// tenth of the page faults of writing a key. A string gets the style
// Node.Encode would give it only where the encoder would not choose it
// again from the string itself: double quotes for a YAML 1.1 boolean (yes,
// off) or sexagesimal number (12:30), which YAML 1.2 reads as text.
// TestKeyScalarWritesAsNodeEncode holds it to Node.Encode.
func keyScalar(v any) (*yaml.Node, error) {
	switch v := v.(type) {
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v)}, nil
	case float64:
		s := strconv.FormatFloat(v, 'g', -1, 64)
		switch s {
		case "+Inf":
			s = ".inf"
		case "-Inf":
			s = "-.inf"
		case "NaN":
			s = ".nan"
		}
		n := &yaml.Node{Kind: yaml.ScalarNode, Value: s}
		n.Tag = n.ShortTag() // as parsing it back resolves it: !!int or !!float
		return n, nil
	case string:
		if utf8.ValidString(v) {
			n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}
			if yaml11Bool[v] || isBase60Float(v) {
				n.Style = yaml.DoubleQuotedStyle
			}
			return n, nil
		}
	}
	var n yaml.Node
	err := n.Encode(v)
	return &n, err
}

// yaml11Bool and base60Float are the strings YAML 1.1 read as booleans and
// numbers, which the yaml package writes in double quotes so that an old
// reader takes them as text (its isOldBool and isBase60Float).
var yaml11Bool = map[string]bool{"y": true, "Y": true, "yes": true, "Yes": true, "YES": true, "on": true, "On": true, "ON": true,
	"n": true, "N": true, "no": true, "No": true, "NO": true, "off": true, "Off": true, "OFF": true}

func isBase60Float(s string) bool {
	if s == "" || !(s[0] == '+' || s[0] == '-' || '0' <= s[0] && s[0] <= '9') || strings.IndexByte(s, ':') < 0 {
		return false // most strings: no expression compiled
	}
	return base60Float().MatchString(s)
}

var base60Float = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`)
})

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

// WriteYAML writes a blank answer sheet, or with l.Key the answer key, for
// questions as shown (shuffled by l.Seed), in YAML with each question and its
// options in a comment above its answer.
func WriteYAML(w io.Writer, questions []*quiz.Presented, l Layout) error {
	root := yamlHeader(l)
	answers, err := yamlAnswers(questions, l.Key)
	if err != nil {
		return err
	}
	root.Content = append(root.Content, plainScalar("answers"), answers)
	root.HeadComment = sheetInstructions
	var buf bytes.Buffer
	buf.Grow(512 * (len(questions) + 2)) // a key's question and answer take about 400 bytes: grown once
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	return finishYAML(w, buf.Bytes(), questions, l.Key)
}

// plainScalar is a YAML scalar node of s, styled as the encoder sees fit.
func plainScalar(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }

// flowList is a YAML flow sequence ([a, b]) of items.
func flowList(items []string) *yaml.Node {
	list := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, s := range items {
		list.Content = append(list.Content, plainScalar(s))
	}
	return list
}

// yamlHeader is the YAML sheet's top mapping up to its answers: the student,
// the banks and the seed always, the selection (set, count, tags,
// difficulty, types) where l has one.
func yamlHeader(l Layout) *yaml.Node {
	root := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, value *yaml.Node) { root.Content = append(root.Content, plainScalar(key), value) }
	add("student", &yaml.Node{Kind: yaml.ScalarNode, Value: l.Student, Style: yaml.DoubleQuotedStyle})
	add("banks", flowList(l.Banks))
	add("seed", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: fmt.Sprint(l.Seed)})
	if l.Set != "" {
		add("set", &yaml.Node{Kind: yaml.ScalarNode, Value: l.Set, Style: yaml.DoubleQuotedStyle})
	}
	if l.Count > 0 {
		add("count", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: fmt.Sprint(l.Count)})
	}
	if len(l.Tags) > 0 {
		add("tags", flowList(l.Tags))
	}
	if l.Difficulty != "" {
		add("difficulty", plainScalar(l.Difficulty))
	}
	if len(l.Types) > 0 {
		add("types", flowList(l.Types))
	}
	return root
}

// yamlAnswers is the YAML sheet's answers mapping: each question but an
// info by its id, its comment above it (with key, an open question's key
// points too), its value null or, with key, its right answer (keyNode).
func yamlAnswers(questions []*quiz.Presented, key bool) (*yaml.Node, error) {
	answers := &yaml.Node{Kind: yaml.MappingNode}
	n := 0
	for _, p := range questions {
		if p.Type == quiz.Info {
			continue
		}
		n++
		id := plainScalar(p.ID)
		id.HeadComment = questionComment(n, p)
		if key && p.Type == quiz.Open && len(p.Key) > 0 {
			id.HeadComment += keyPointsComment(p.Key)
		}
		value := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: ""}
		if key {
			var err error
			if value, err = keyNode(p); err != nil {
				return nil, err
			}
		}
		answers.Content = append(answers.Content, id, value)
	}
	return answers, nil
}

// keyPointsComment is the comment lines, each begun with a newline, that
// follow an open question's comment in the key: what to look for when
// marking, as the worksheet's key lists it.
func keyPointsComment(points []string) string {
	c := "\n   Key points:"
	for _, k := range points {
		for i, l := range strings.Split(text.Wrap(k, 68, ""), "\n") {
			lead := "     "
			if i == 0 {
				lead = "   - "
			}
			c += "\n" + lead + l
		}
	}
	return c
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

// questionComment shows a question above its answer line, with its options
// numbered as the sheet's seed shuffled them.
func questionComment(n int, p *quiz.Presented) string {
	var b strings.Builder
	kind := answerKind(p.Type)
	b.WriteString(text.Wrap(fmt.Sprintf("%d. %s (%s)", n, p.Prompt, kind), 76, ""))
	switch p.Type {
	case quiz.Single, quiz.Multi:
		// Lettered, as the paper test (bank export) letters them, so that a
		// student's paper copies across letter for letter (teacher3 P10).
		for i, o := range p.Options() {
			fmt.Fprintf(&b, "\n   %s) %s", text.Letter(i), o)
		}
	case quiz.Order:
		for i, o := range p.Options() {
			fmt.Fprintf(&b, "\n   %d) %s", i+1, o)
		}
	case quiz.Match:
		for i, l := range p.Lefts() {
			fmt.Fprintf(&b, "\n   %d) %s", i+1, l)
		}
		b.WriteString("\n   with:")
		for i, o := range p.Options() {
			fmt.Fprintf(&b, "\n   %s) %s", text.Letter(i), o)
		}
	}
	return b.String()
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
