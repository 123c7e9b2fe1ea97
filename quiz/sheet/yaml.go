package sheet

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/yamlnode"
)

// fromYAML parses a YAML sheet into its fields. Keys given twice, at every
// level, are left to the field checks, as JSON's are.
func fromYAML(file string, data []byte) (*raw, error) {
	// The tree is read into fields and dropped before fromYAML returns:
	// its nodes serve the next sheet (a folder's 30), not only this one.
	arena := yamlArenas.Get().(*yamlnode.Arena)
	defer func() {
		if arena.Size() <= maxKeptNodes {
			yamlArenas.Put(arena)
		}
	}()
	root, warnings, err := parseYAML(file, data, arena)
	if err != nil {
		return nil, err
	}
	r := &raw{file: file, line: root.Line, problems: warnings}
	r.marks.Start, r.marks.End, r.marks.Err = marksSpanOf(root, data)
	if root.Kind != yaml.MappingNode {
		r.top = yamlnode.KindName(root)
		return r, nil
	}
	// Room for the fields and answers at once (nil when there are none,
	// as before): grown from empty, each was copied five times.
	if len(root.Content) > 0 {
		r.fields = make([]field, 0, len(root.Content)/2)
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], yamlnode.Resolve(root.Content[i+1])
		f := field{key: k.Value, line: k.Line, val: yamlValue(v)}
		if k.Value == "marks" && v.Kind == yaml.MappingNode {
			f.val.fields, f.val.more = yamlMarks(v)
		}
		if k.Value == "answers" && v.Kind == yaml.MappingNode && len(v.Content) > 2*MaxAnswers {
			f.val.more = len(v.Content) / 2 // too many to read: counted for the field checks to refuse
		} else if k.Value == "answers" && v.Kind == yaml.MappingNode {
			r.problems = append(r.problems, runOnQuotes(file, v, data)...) // quotes.go
			if len(v.Content) > 0 {
				f.val.answers = make([]Answer, 0, len(v.Content)/2)
			}
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

// yamlArenas holds the storage of the node trees fromYAML reads sheets
// into, each tree done with when fromYAML returns.
var yamlArenas = sync.Pool{New: func() any { return new(yamlnode.Arena) }}

// maxKeptNodes bounds the arena kept for the next sheet (600 KB): a sheet
// of 40 answers has some 150 nodes, and a 10 MB file's are not kept for
// the rest of the run.
const maxKeptNodes = 4096

// parseYAML is the one reading of a YAML sheet's text: every reader of
// sheets (grade, mark, mark --from, sheet --key --from, quiz --answers) and
// the marks section's writer come through it, so that a sheet that grades
// also marks. An answer YAML refuses for what a student typed in it (a
// colon, an apostrophe never closed: 'cause) is read as the text typed,
// with a warning (colons.go); anything else YAML refuses is reported, in
// plain words where it can be. An open answer under a | at its id's own indent is read as
// the answer, with a warning (colons.go, indentBlocks). Both rewrites keep
// every line where it was, so the lines of the nodes are the lines of data.
//
// The tree is in arena's storage (see yamlnode.Arena): a parse into it
// writes over the tree before, so one is made there only when the tree
// before is no longer used.
func parseYAML(file string, data []byte, arena *yamlnode.Arena) (*yaml.Node, []quiz.Problem, error) {
	ps := &quiz.Problems{File: file}
	type refusal struct {
		line                  int
		question, field, text string
	}
	var refused []refusal
	// lines.go: a U+2028 in an answer; colons.go: an open answer under |
	// not indented. Whether LF is data's only line break is found once,
	// for both (each search is a pass over the sheet).
	lf := bytes.IndexByte(data, '\r') < 0
	if softBreakIn(data) {
		data, lf = softBreaks(data), false
	}
	data, warnings := indentBlocks(data, lf)
	root, ok := arena.Parse(func(line int, question, field, format string, args ...any) {
		refused = append(refused, refusal{line, question, field, fmt.Sprintf(format, args...)})
	}, data, false)
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
				// Not into arena: should fixed not read, root is the
				// tree read, and a parse that gave up half way would
				// have written over its nodes.
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
			if root, ok = arena.Parse(func(line int, question, field, format string, args ...any) {
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

// yamlOnAnswers returns the lines (1-based) of the answers, and of the
// student's name, in root as parsed from data, whose value begins on their
// key's line with an anchor, an alias or a tag (&, *, !): YAML syntax no
// sheet asks for, which a student typed as text. A list or mapping under one
// is YAML structure, and left alone. nil when there are none.
func yamlOnAnswers(root *yaml.Node, data []byte) map[int]bool {
	if root.Kind != yaml.MappingNode || !anyByte(data, yamlMarkBytes) {
		return nil // most sheets: no line to find
	}
	var lines [][]byte
	var out map[int]bool
	held := linesHolding(data, yamlMarkBytes)
	mark := func(key, value *yaml.Node) {
		if value.Kind != yaml.ScalarNode && value.Kind != yaml.AliasNode || key.Line < 1 {
			return
		}
		if held != nil && (key.Line >= len(held) || !held[key.Line]) {
			return // no &, * or ! on its line: no value there begins with one
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

// yamlMarkBytes are the characters that begin an anchor, an alias and a
// tag.
const yamlMarkBytes = "&*!"

// anyByte reports whether data holds any byte of chars, as
// bytes.ContainsAny(data, chars) does for ASCII chars: a search for each
// byte on its own. bytes.ContainsAny tests a set of bytes a byte at a time,
// which over a folder's 30 sheets of 16 KB was a tenth of grading them;
// bytes.IndexByte tests many bytes at once.
func anyByte(data []byte, chars string) bool {
	for i := 0; i < len(chars); i++ {
		if bytes.IndexByte(data, chars[i]) >= 0 {
			return true
		}
	}
	return false
}

// linesHolding says, by 1-based line, which lines of data hold any of
// chars (ASCII, no line break), for a text with LF line ends alone (lines
// counted as YAML counts them); nil for any other text, whose lines are to
// be looked at each. A sheet's &, * and ! are mostly in its comments: only the lines
// that hold one are split off and matched. Each byte of chars is searched
// for on its own (anyByte), and the lines are counted once, over the places
// found in the order they come.
func linesHolding(data []byte, chars string) []bool {
	if !onlyLF(data) {
		return nil
	}
	var at []int
	for i := 0; i < len(chars); i++ {
		for from := 0; ; {
			k := bytes.IndexByte(data[from:], chars[i])
			if k < 0 {
				break
			}
			at = append(at, from+k)
			from += k + 1
		}
	}
	slices.Sort(at)
	held := make([]bool, bytes.Count(data, []byte{'\n'})+2)
	line, from := 1, 0
	for _, i := range at {
		line += bytes.Count(data[from:i], []byte{'\n'})
		held[line] = true
		from = i
	}
	return held
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

// marksSpanOf finds the bytes of a YAML sheet's marks section in root, as
// parsed from data: from the start of its key's line to the start of the
// next top-level key's line (or the end of data). start is -1 when the sheet
// has none. A marks section that is not a block at the top level (a sheet
// written as one flow mapping) is an error: it cannot be replaced without
// rewriting the student's lines.
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

// yamlMarks reads the marks section: a mapping of question ids to mappings
// of a mark's fields.
func yamlMarks(n *yaml.Node) (out []field, more int) {
	if len(n.Content)/2 > maxFields[0] {
		return nil, len(n.Content) / 2 // counted for the field checks to refuse
	}
	out = make([]field, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], yamlnode.Resolve(n.Content[i+1])
		f := field{key: k.Value, line: k.Line}
		if v.Kind == yaml.MappingNode {
			f.val.kind = mappingNode
			f.val.mark, f.val.more = yamlMarkFields(v)
		} else {
			f.val = yamlValue(v)
		}
		out = append(out, f)
	}
	return out, 0
}

// yamlMarkFields reads one mark's fields.
func yamlMarkFields(n *yaml.Node) (out []markField, more int) {
	if len(n.Content)/2 > maxFields[1] {
		return nil, len(n.Content) / 2 // counted for the field checks to refuse
	}
	out = make([]markField, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], yamlnode.Resolve(n.Content[i+1])
		f := markField{key: k.Value, line: k.Line}
		switch {
		case v.Kind == yaml.SequenceNode:
			f.kind = listNode
		case v.Kind == yaml.MappingNode:
			f.kind = mappingNode
		default:
			val := yamlValue(v)
			f.kind, f.text = val.kind, val.text
		}
		out = append(out, f)
	}
	return out, 0
}
