package sheet

import (
	"bytes"
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

// The YAML sheet writer as it was before sheetYAML, kept as the oracle that
// TestSheetYAMLAsEncoder holds WriteYAML to.

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

// encoderWriteYAML is how WriteYAML wrote a sheet before sheetYAML: a
// yaml.Node tree with every question as a head comment, through yaml's
// encoder. WriteYAML must write the same bytes.
func encoderWriteYAML(w io.Writer, questions []*quiz.Presented, l Layout) error {
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

// flowList is a YAML flow sequence ([a, b]) of items, each a string: one
// that would read back as another value (a bank file named null) quoted.
// The encoder path wrote them untagged, so a bank file named null read back
// as no bank (attack21 L5); the oracle tags them, as the writer now quotes.
func flowList(items []string) *yaml.Node {
	list := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, s := range items {
		n := plainScalar(s)
		if utf8.ValidString(s) { // else written as !!binary, as before
			n.Tag = "!!str"
		}
		list.Content = append(list.Content, n)
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
		id.HeadComment = oracleQuestionComment(n, p)
		if key && p.Type == quiz.Open && len(p.Key) > 0 {
			id.HeadComment += oracleKeyPointsComment(p.Key)
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

// oracleKeyPointsComment is keyPointsComment as it was: the comment lines, each begun with a newline, that
// follow an open question's comment in the key: what to look for when
// marking, as the worksheet's key lists it.
func oracleKeyPointsComment(points []string) string {
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

// oracleQuestionComment is questionComment as it was: it shows a question above its answer line, with its options
// numbered as the sheet's seed shuffled them.
func oracleQuestionComment(n int, p *quiz.Presented) string {
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
