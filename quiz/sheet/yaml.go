package sheet

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/yamlnode"
)

// fromYAML parses a YAML sheet into its fields. Keys given twice, at every
// level, are left to the field checks, as JSON's are.
func fromYAML(file string, data []byte) (*raw, error) {
	root, warnings, err := parseYAML(file, data)
	if err != nil {
		return nil, err
	}
	r := &raw{file: file, line: root.Line, problems: warnings}
	r.marks.Start, r.marks.End, r.marks.Err = marksSpanOf(root, data)
	if root.Kind != yaml.MappingNode {
		r.top = yamlnode.KindName(root)
		return r, nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], yamlnode.Resolve(root.Content[i+1])
		f := field{key: k.Value, line: k.Line, val: yamlValue(v)}
		if k.Value == "marks" && v.Kind == yaml.MappingNode {
			f.val.fields, f.val.more = yamlFields(v, 0)
		}
		if k.Value == "answers" && v.Kind == yaml.MappingNode && len(v.Content) > 2*MaxAnswers {
			f.val.more = len(v.Content) / 2 // too many to read: counted for the field checks to refuse
		} else if k.Value == "answers" && v.Kind == yaml.MappingNode {
			r.problems = append(r.problems, runOnQuotes(file, v, data)...) // quotes.go
			for j := 0; j+1 < len(v.Content); j += 2 {
				id, a := v.Content[j], yamlnode.Resolve(v.Content[j+1])
				val := valueFromNode(a)
				val.Line = id.Line
				// "id: I think #2 is" reads as "I think" and a comment; the
				// sheets conflictq writes put no comment on a student's
				// answer line, so such a comment is kept for grading to
				// name (and, for an open answer, to keep).
				switch {
				case a.Kind == yaml.ScalarNode && a.Tag == "!!null" && id.LineComment != "":
					r.comments = append(r.comments, Comment{ID: id.Value, Line: id.Line, Text: id.LineComment, Blank: true})
				case a.Kind == yaml.ScalarNode && a.Style == 0 && a.LineComment != "":
					r.comments = append(r.comments, Comment{ID: id.Value, Line: id.Line, Text: a.LineComment})
				}
				f.val.answers = append(f.val.answers, Answer{ID: id.Value, Value: val})
			}
		}
		r.fields = append(r.fields, f)
	}
	return r, nil
}

// parseYAML is the one reading of a YAML sheet's text: every reader of
// sheets (grade, mark, mark --from, sheet --key --from, quiz --answers) and
// the marks section's writer come through it, so that a sheet that grades
// also marks. An answer YAML refuses for what a student typed in it (a
// colon, an apostrophe never closed: 'cause) is read as the text typed,
// with a warning (colons.go); anything else YAML refuses is reported, in
// plain words where it can be. An open answer under a | at its id's own indent is read as
// the answer, with a warning (colons.go, indentBlocks). Both rewrites keep
// every line where it was, so the lines of the nodes are the lines of data.
func parseYAML(file string, data []byte) (*yaml.Node, []quiz.Problem, error) {
	ps := &quiz.Problems{File: file}
	type refusal struct {
		line                  int
		question, field, text string
	}
	var refused []refusal
	data, warnings := indentBlocks(softBreaks(data)) // lines.go: a U+2028 in an answer; colons.go: an open answer under | not indented
	root, ok := parseWithoutComments(data)
	if ok && checkSkipComments != nil {
		checkSkipComments(data, root)
	}
	if !ok {
		root, ok = yamlnode.Parse(func(line int, question, field, format string, args ...any) {
			refused = append(refused, refusal{line, question, field, fmt.Sprintf(format, args...)})
		}, data, false)
	}
	if ok {
		// An anchor, alias or tag on an answer is valid YAML that would
		// drop what the student typed ("&" for "and"): read as text. So
		// is a quote that swallows the answers below it ('cause ... the
		// Armenians'): each of those lines is its own answer again.
		marks, runs := yamlOnAnswers(root, data), runOnLines(root, data) // quotes.go
		only := marks
		if runs != nil {
			only = map[int]bool{}
			for l := range marks {
				only[l] = true
			}
			for l := range runs {
				only[l] = true
			}
		}
		if only != nil {
			fixed, typed := quoteRefused(data, only)
			again, ok := (*yaml.Node)(nil), false
			if fixed != nil {
				again, ok = yamlnode.Parse(func(int, string, string, string, ...any) {}, fixed, false)
			}
			if ok {
				for i, p := range typed {
					if ids := runs[p.Line]; ids != nil {
						each := "each is"
						if len(ids) == 1 {
							each = "it is"
						}
						typed[i].Msg = strings.Replace(p.Msg, "at its start is never closed", fmt.Sprintf(
							"at its start closes only lines later, so YAML read %s as part of this one; %s read as its own answer", swallowedLines(ids), each), 1)
					}
				}
				root, warnings = again, append(warnings, typed...)
			} else {
				// Not rewritten as text: read as YAML read it, but
				// never without a word.
				warnings = append(warnings, yamlMarksLeft(data, marks)...) // a run-on quote: fromYAML warns
			}
		}
	}
	if !ok {
		if fixed, quoted := quoteRefused(data, nil); fixed != nil {
			var again []refusal
			if root, ok = yamlnode.Parse(func(line int, question, field, format string, args ...any) {
				again = append(again, refusal{line, question, field, fmt.Sprintf(format, args...)})
			}, fixed, false); ok {
				warnings = append(warnings, quoted...)
			} else if len(again) > 0 && (len(refused) == 0 || again[0].line > refused[0].line) {
				refused = again // the first refusal is past the colons: the one to fix next
			}
		}
		if !ok {
			for _, f := range refused {
				if line, plain := plainYAMLError(data, f.line, f.text); plain != "" {
					f.line, f.text = line, plain
				}
				ps.Add(f.line, f.question, f.field, "%s", f.text)
			}
			return nil, nil, ps.Err()
		}
	}
	for i := range warnings {
		warnings[i].File = file
	}
	return root, warnings, nil
}

// skipComments turns parseWithoutComments on; checkSkipComments, set by
// the tests, is given every tree it makes, to compare with the full parse.
var (
	skipComments      = true
	checkSkipComments func(data []byte, root *yaml.Node)
)

// parseWithoutComments parses a sheet with its comment lines (a # first on
// the line) left empty, when that provably reads as data does, and false
// otherwise, for the full parse. A sheet is mostly its questions in
// comments, and yaml's parser keeps every comment: they were half its time.
// Reading uses no comment on a line of its own; lines keep their numbers.
//
// A line that starts with # is a comment unless it is inside a scalar. It
// is inside none when the last scalar that starts above it is a flow
// scalar (plain or quoted) whose value has no line break (an empty line
// within one reads as a line break), or a block scalar (| or >) under a key
// no less indented than the line: its content is indented more than its
// key, and a line that is not ends it. Anything else is parsed with its
// comments.
func parseWithoutComments(data []byte) (*yaml.Node, bool) {
	if !skipComments || yamlnode.Items(data) > yamlnode.MaxItems || bytes.IndexByte(data, '\t') >= 0 || !utf8.Valid(data) {
		// A tab: where YAML refuses one depends on the lines around it; not
		// UTF-8: YAML may read it as UTF-16, whose bytes emptying moves.
		return nil, false
	}
	lines := SplitLines(data)
	var blanked []int // 1-based
	var indents []int
	for i, l := range lines {
		t := bytes.TrimLeft(l, " ")
		if len(t) > 0 && t[0] == '?' {
			return nil, false // an explicit key: its empty value's place moves with the comments
		}
		if len(t) > 0 && t[0] == '#' {
			if !readableComment(bytes.TrimRight(t, lineBreaks)) {
				return nil, false // YAML refuses the file for it
			}
			if len(t) == len(l) && i > 0 && bytes.HasSuffix(lines[i-1], []byte("\r")) {
				return nil, false // emptied, its LF would make one CRLF with the CR above
			}
			blanked = append(blanked, i+1)
			indents = append(indents, len(l)-len(t))
		}
	}
	if len(blanked) == 0 {
		return nil, false
	}
	out := make([]byte, 0, len(data))
	for i, l := range lines {
		if k, found := slices.BinarySearch(blanked, i+1); found {
			out = append(out, l[:indents[k]]...)
			out = append(out, l[len(bytes.TrimRight(l, lineBreaks)):]...) // its line break
			continue
		}
		out = append(out, l...)
	}
	root, ok := yamlnode.Parse(func(int, string, string, string, ...any) {}, out, false)
	if !ok {
		return nil, false
	}
	// The scalars in document order, each with the column of its key when
	// it is a block scalar that is a mapping's value (0: none).
	type scalar struct {
		n      *yaml.Node
		keyCol int
	}
	var scalars []scalar
	var walk func(n *yaml.Node, keyCol int)
	walk = func(n *yaml.Node, keyCol int) {
		switch n.Kind {
		case yaml.ScalarNode:
			scalars = append(scalars, scalar{n, keyCol})
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i], 0)
				walk(n.Content[i+1], n.Content[i].Column)
			}
		default:
			for _, c := range n.Content {
				walk(c, 0)
			}
		}
	}
	walk(root, 0)
	for k, line := range blanked {
		i, _ := slices.BinarySearchFunc(scalars, line, func(s scalar, l int) int { return s.n.Line - l })
		if i == 0 {
			continue // above every scalar
		}
		s := scalars[i-1]
		if s.n.Line >= line {
			return nil, false
		}
		if s.n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			if s.keyCol == 0 || indents[k] >= s.keyCol || keepsTrailing(lines[s.n.Line-1], s.n.Column) {
				return nil, false
			}
			// Emptied, the line would be inside the block if text indented
			// as its content came after it: the next line with text must
			// be less indented than the key.
			for j := line; j < len(lines); j++ {
				if _, found := slices.BinarySearch(blanked, j+1); found {
					continue
				}
				t := bytes.TrimLeft(bytes.TrimRight(lines[j], lineBreaks), " ")
				if len(t) == 0 {
					continue
				}
				if t[0] == '\t' || len(bytes.TrimRight(lines[j], lineBreaks))-len(t) >= s.keyCol {
					return nil, false
				}
				break
			}
			continue
		}
		if strings.Contains(s.n.Value, "\n") {
			return nil, false
		}
	}
	return root, true
}

// keepsTrailing reports whether the block scalar whose indicator (| or >)
// is at column col of line keeps its trailing empty lines (+).
func keepsTrailing(line []byte, col int) bool {
	for i := col; i < len(line) && i >= 1; i++ {
		switch c := line[i]; {
		case c == '+':
			return true
		case c == '-' || '0' <= c && c <= '9':
		default:
			return false
		}
	}
	return false
}

// readableComment reports whether YAML reads every character of a
// comment: valid UTF-8, and none of the control characters (or a byte
// order mark) that it refuses anywhere in a file.
func readableComment(c []byte) bool {
	for len(c) > 0 {
		r, n := utf8.DecodeRune(c)
		switch {
		case r == utf8.RuneError && n <= 1, r == 0xFEFF:
			return false
		case r == '\t', 0x20 <= r && r <= 0x7E, r == 0x85, 0xA0 <= r && r <= 0xD7FF, 0xE000 <= r && r <= 0xFFFD, 0x10000 <= r && r <= 0x10FFFF:
		default:
			return false
		}
		c = c[n:]
	}
	return true
}

// yamlOnAnswers returns the lines (1-based) of the answers, and of the
// student's name, in root as parsed from data, whose value begins on their
// key's line with an anchor, an alias or a tag (&, *, !): YAML syntax no
// sheet asks for, which a student typed as text. A list or mapping under one
// is YAML structure, and left alone. nil when there are none.
func yamlOnAnswers(root *yaml.Node, data []byte) map[int]bool {
	if root.Kind != yaml.MappingNode || !bytes.ContainsAny(data, "&*!") {
		return nil // most sheets: no line to find
	}
	var lines [][]byte
	var out map[int]bool
	mark := func(key, value *yaml.Node) {
		if value.Kind != yaml.ScalarNode && value.Kind != yaml.AliasNode || key.Line < 1 {
			return
		}
		if lines == nil {
			lines = SplitLines(data)
		}
		if key.Line > len(lines) {
			return
		}
		if m := answerLine().FindStringSubmatch(strings.TrimRight(string(lines[key.Line-1]), lineBreaks)); m != nil && m[2] == key.Value && yamlMark(m[3]) {
			if out == nil {
				out = map[int]bool{}
			}
			out[key.Line] = true
		}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Value == "student" && root.Style&yaml.FlowStyle == 0 {
			mark(k, v)
		}
		if k.Value != "answers" || v.Kind != yaml.MappingNode || v.Style&yaml.FlowStyle != 0 {
			continue
		}
		for j := 0; j+1 < len(v.Content); j += 2 {
			mark(v.Content[j], v.Content[j+1])
		}
	}
	return out
}

// yamlMarksLeft warns of the answers (and the student line) on only's lines
// that could not be read as typed: YAML's reading of them, which leaves out
// the anchor or tag at their start, is kept.
func yamlMarksLeft(data []byte, only map[int]bool) []quiz.Problem {
	var out []quiz.Problem
	for i, l := range SplitLines(data) {
		m := answerLine().FindStringSubmatch(strings.TrimRight(string(l), lineBreaks))
		if !only[i+1] || m == nil {
			continue
		}
		p := quiz.Problem{Line: i + 1, Warning: true, Msg: fmt.Sprintf("YAML reads %q at its start as its own syntax and leaves it out; next time, put such an answer in double quotes", strings.Fields(m[3])[0])}
		if m[1] == "" && m[2] == "student" {
			p.Field = "student"
		} else {
			p.Question = m[2]
		}
		out = append(out, p)
	}
	return out
}

// MarksSpan finds the bytes of a YAML sheet's marks section, read as every
// sheet is read (parseYAML): from the start of its key's line to the start
// of the next top-level key's line (or the end of data). start is -1 when
// the sheet has none. A marks section that is not a block at the top level
// (a sheet written as one flow mapping) is an error: it cannot be replaced
// without rewriting the student's lines.
func MarksSpan(file string, data []byte) (start, end int, err error) {
	root, _, err := parseYAML(file, data)
	if err != nil {
		return 0, 0, err
	}
	return marksSpanOf(root, data)
}

// marksSpanOf is MarksSpan of a sheet's parsed root and its data.
func marksSpanOf(root *yaml.Node, data []byte) (start, end int, err error) {
	if root.Kind != yaml.MappingNode {
		return 0, 0, fmt.Errorf("not a sheet")
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		if k.Value != "marks" {
			continue
		}
		if root.Style&yaml.FlowStyle != 0 || k.Column != 1 {
			return 0, 0, fmt.Errorf("the marks section is not a block at the top level")
		}
		start, end = lineStart(data, k.Line), len(data) // lines.go
		if i+2 < len(root.Content) {
			end = lineStart(data, root.Content[i+2].Line)
		}
		return start, end, nil
	}
	return -1, -1, nil
}

func yamlValue(n *yaml.Node) node {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return node{}
		}
		return node{kind: scalarNode, text: n.Value}
	case yaml.SequenceNode:
		out := node{kind: listNode, items: make([]node, 0, len(n.Content))}
		for _, c := range n.Content {
			out.items = append(out.items, yamlValue(yamlnode.Resolve(c)))
		}
		return out
	}
	return node{kind: mappingNode}
}

// valueFromNode reads an answer from YAML.
func valueFromNode(n *yaml.Node) quiz.Value {
	v := quiz.Value{Line: n.Line}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag != "!!null" && strings.TrimSpace(n.Value) != "" {
			v.Kind, v.Text = quiz.Scalar, strings.TrimSpace(n.Value)
		}
	case yaml.SequenceNode:
		v.Kind = quiz.List
		for _, c := range n.Content {
			if c = yamlnode.Resolve(c); c.Kind != yaml.ScalarNode {
				return quiz.Value{Kind: quiz.Nested, Line: n.Line}
			}
			v.List = append(v.List, itemText(c))
		}
	case yaml.MappingNode:
		v.Kind = quiz.Mapping
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], yamlnode.Resolve(n.Content[i+1])
			if val.Kind != yaml.ScalarNode {
				return quiz.Value{Kind: quiz.Nested, Line: n.Line}
			}
			v.Pairs = append(v.Pairs, [2]string{k.Value, itemText(val)})
			v.PairLines = append(v.PairLines, k.Line)
		}
	default:
		v.Kind = quiz.Nested
	}
	return v
}

// itemText is a list item's or a match pair's text. A null there (`null`,
// `~` or nothing) is an empty answer, as JSON's null is, so a sheet reads the
// same in both syntaxes.
func itemText(n *yaml.Node) string {
	if n.Tag == "!!null" {
		return ""
	}
	return n.Value
}

// yamlFields reads a mapping's keys and values, for the marks section: a
// mapping of question ids to mappings of a mark's fields.
func yamlFields(n *yaml.Node, depth int) (out []field, more int) {
	if len(n.Content)/2 > maxFields[depth] {
		return nil, len(n.Content) / 2 // counted for the field checks to refuse
	}
	out = make([]field, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], yamlnode.Resolve(n.Content[i+1])
		f := field{key: k.Value, line: k.Line, val: yamlValue(v)}
		if v.Kind == yaml.MappingNode && depth == 0 {
			f.val.fields, f.val.more = yamlFields(v, depth+1)
		}
		out = append(out, f)
	}
	return out, 0
}
