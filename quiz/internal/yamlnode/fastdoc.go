package yamlnode

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// fastDecode reads data into out as yaml.v3 would, but for head and foot
// comments, when data is the plain block YAML that answer sheets are, and
// reports whether it did; on anything else it leaves out as it was and
// returns false, so that yaml.v3 reads data and every error, warning and
// repair reads as before. yaml.v3 builds a sheet's tree in some 80 us and
// 600 allocations, mostly its scanner's and parser's own state; this reader
// takes about a seventh of the time and a twelfth of the allocations
// (BenchmarkParseSheet: 52 against 1,574 on a filled 40-question sheet).
//
// It takes: lines of spaces and '\n' only (no tab, CR or other line break,
// no byte order mark), each blank, a full-line comment (spaces, then '#'),
// or "key:" at the indentation of a mapping (a null, or a mapping on the
// more indented lines that follow), or "key: value" where value is a plain
// scalar of one line, a double-quoted scalar without a backslash, a flow
// sequence of plain items on one line, or a literal block "|" with clip
// chomping. Keys are letters, digits and "_-./"; no value holds a '#'. It
// gives up on everything else, including anything the YAML reader would
// refuse or read otherwise (a text not ending in a line break, a second
// document, directives, anchors, tags, aliases). A plain scalar's tag is
// yaml.v3's own resolution (plainTag), not a copy of it; the tree has no
// comments (no line comment: a '#' after a value is given up on).
// fastdoc_test.go checks the trees against yaml.v3's on every YAML file of
// the repository, every sheet conflictq writes, hostile texts, random
// mutations of sheets and FuzzFastAsYAML.
func fastDecode(data []byte, out *yaml.Node, a *Arena) bool {
	if len(data) == 0 || data[len(data)-1] != '\n' || !fastText(data) {
		return false
	}
	r := fastReader{src: data, skipFrom: -1}
	// Room at once for every node, link between nodes and byte of text:
	// each line with a key holds at most a key and a value (a mapping in
	// place of a null), a flow sequence one item more than its commas.
	// (Should there be more, the slices grow: no pointer into them is
	// lost.) An arena's room is the last tree's, written over.
	if a == nil {
		a = &Arena{}
	}
	keys, size, items, content := contentSize(data, a.content[:0])
	a.content = content
	r.contentLines = content
	most := 2*keys + items + 2
	if cap(a.nodes) < most {
		a.nodes = make([]yaml.Node, 0, most)
	}
	if cap(a.links) < most {
		a.links = make([]*yaml.Node, 0, most)
	}
	if cap(a.pending) < 2*keys {
		a.pending = make([]*yaml.Node, 0, 2*keys)
	}
	r.nodes, r.links, r.pending = a.nodes[:0], a.links[:0], a.pending[:0]
	r.text.Grow(size)
	doc, ok := r.read()
	if !ok {
		return false
	}
	*out = *doc
	return true
}

// fastText reports whether every character of data is one the YAML reader
// takes as printable or '\n', and none is a byte order mark or a line break
// of YAML 1.1 (NEL, U+2028, U+2029): no tab, no CR, no control character,
// valid UTF-8.
func fastText(data []byte) bool { return printable(data, '\n', false) }

// contentSize counts the lines of data that are neither blank nor a
// comment and hold a ':' (every line with a key does), the bytes and line
// breaks of all lines but comments (more than the values' text), and the
// commas and '['s of lines with a ':'. It appends to content the start and
// the number of each line that is neither blank nor a comment, for
// peekContent.
func contentSize(data []byte, content []int) (keys, size, items int, _ []int) {
	line := 0
	for start := 0; start < len(data); {
		end := start + bytes.IndexByte(data[start:], '\n') // data ends in '\n'
		line++
		i := start
		for i < end && data[i] == ' ' {
			i++
		}
		switch {
		case i == end:
			size++ // a blank line: a line break in a literal block
		case data[i] != '#':
			content = append(content, start, line)
			size += end - i + 1
			if bytes.IndexByte(data[i:end], ':') >= 0 {
				keys++
				items += bytes.Count(data[i:end], []byte{','}) + bytes.Count(data[i:end], []byte{'['})
			}
		}
		start = end + 1
	}
	return keys, size, items, content
}

// fastReader is the state of one fastDecode: the text, its next line, the
// nodes, and the text of their values, each allocated once.
type fastReader struct {
	src   []byte
	pos   int // start of the next line
	line  int // number of the next line, from 1
	nodes []yaml.Node
	text  strings.Builder
	// links holds every node's Content, each carved when complete;
	// pending, the keys and values of the mappings still open.
	links, pending []*yaml.Node
	// From skipFrom, the start of a line, peekContent passed skipLines
	// blank and comment lines to skipTo: read passes them at once.
	skipFrom, skipTo, skipLines int
	// contentLines holds the start and number of each line that is
	// neither blank nor a comment (contentSize); seen, how much of it
	// peekContent has passed.
	contentLines []int
	seen         int
}

// content is a node's Content: a copy of c in r.links.
func (r *fastReader) content(c []*yaml.Node) []*yaml.Node {
	if len(c) == 0 {
		return nil
	}
	start := len(r.links)
	r.links = append(r.links, c...)
	return r.links[start:len(r.links):len(r.links)]
}

// close completes the mapping of an open level: its keys and values, the
// last of pending, become its Content.
func (r *fastReader) close(l fastLevel) {
	l.m.Content = r.content(r.pending[l.start:])
	r.pending = r.pending[:l.start]
}

// str is b as a string, held with the others in r.text: a string the
// builder returns is never written again, however the builder grows.
func (r *fastReader) str(b []byte) string {
	start := r.text.Len()
	r.text.Write(b)
	return r.text.String()[start:]
}

// fastLevel is an open block mapping: its node, its keys' indentation and
// where its keys and values start in pending.
type fastLevel struct {
	m      *yaml.Node
	indent int
	start  int
}

// node is a new node from r's slice of nodes.
func (r *fastReader) node(kind yaml.Kind, tag string, line, col int) *yaml.Node {
	if len(r.nodes) == cap(r.nodes) {
		r.nodes = make([]yaml.Node, 0, 32) // the nodes made stay in the slice before
	}
	r.nodes = append(r.nodes, yaml.Node{Kind: kind, Tag: tag, Line: line, Column: col})
	return &r.nodes[len(r.nodes)-1]
}

// next returns the next line of src without its '\n', its number and its
// indentation; ok is false at the end.
func (r *fastReader) next() (text []byte, num, indent int, ok bool) {
	if r.pos >= len(r.src) {
		return nil, 0, 0, false
	}
	end := r.pos + bytes.IndexByte(r.src[r.pos:], '\n') // src ends in '\n'
	text = r.src[r.pos:end]
	r.pos = end + 1
	r.line++
	for indent < len(text) && text[indent] == ' ' {
		indent++
	}
	return text, r.line, indent, true
}

// peekContent returns the indentation of the next line that is neither
// blank nor a comment, or -1 at the end, without moving on. It notes the
// lines it passed (skipFrom), which read then passes without looking at
// them again: after each answer, the next question's lines of comment.
// The line is the first in r.contentLines from r.pos (which only moves
// on): the lines before it were found once, by contentSize.
func (r *fastReader) peekContent() int {
	for r.seen < len(r.contentLines) && r.contentLines[r.seen] < r.pos {
		r.seen += 2
	}
	if r.seen == len(r.contentLines) {
		r.skipFrom, r.skipTo, r.skipLines = r.pos, len(r.src), bytes.Count(r.src[r.pos:], []byte{'\n'})
		return -1
	}
	start, line := r.contentLines[r.seen], r.contentLines[r.seen+1]
	r.skipFrom, r.skipTo, r.skipLines = r.pos, start, line-r.line-1
	i := start
	for r.src[i] == ' ' {
		i++ // not past the line: it holds more than spaces
	}
	return i - start
}

// read reads the whole text: a block mapping at column 1, its keys and
// values, and mappings under keys with no value.
func (r *fastReader) read() (*yaml.Node, bool) {
	var doc *yaml.Node
	var stack []fastLevel
	var open *yaml.Node // the mapping a key without a value opened, not yet placed
	for {
		if r.pos == r.skipFrom {
			// Blank and comment lines, which the loop passes over: passed
			// at once, as peekContent found them.
			r.pos, r.line = r.skipTo, r.line+r.skipLines
		}
		text, num, indent, more := r.next()
		if !more {
			break
		}
		if indent == len(text) || text[indent] == '#' {
			continue // blank, or a full-line comment
		}
		if indent == 0 && (bytes.HasPrefix(text, []byte("---")) || bytes.HasPrefix(text, []byte("..."))) {
			return nil, false
		}
		switch {
		case doc == nil:
			if indent != 0 {
				return nil, false
			}
			doc = r.node(yaml.DocumentNode, "", num, 1)
			top := r.node(yaml.MappingNode, "!!map", num, 1)
			doc.Content = r.content([]*yaml.Node{top})
			stack = append(stack, fastLevel{top, 0, 0})
		case open != nil:
			top := stack[len(stack)-1]
			if indent <= top.indent {
				return nil, false // peekContent said otherwise: cannot happen
			}
			open.Line, open.Column = num, indent+1
			stack = append(stack, fastLevel{open, indent, len(r.pending)})
			open = nil
			if len(stack) > 1000 {
				return nil, false // deeper than any sheet: yaml.v3 has its own limit
			}
		default:
			for len(stack) > 0 && stack[len(stack)-1].indent > indent {
				r.close(stack[len(stack)-1])
				stack = stack[:len(stack)-1]
			}
			if len(stack) == 0 || stack[len(stack)-1].indent != indent {
				return nil, false
			}
		}
		key, value, ok := r.entry(text, num, indent)
		if !ok {
			return nil, false
		}
		if value == nil {
			// "key:" alone: a mapping when the next content line is
			// more indented, else a null just after the colon.
			if next := r.peekContent(); next > indent {
				open = r.node(yaml.MappingNode, "!!map", 0, 0)
				value = open
			} else {
				value = r.node(yaml.ScalarNode, "!!null", num, key.Column+len(key.Value)+1)
			}
		} else if value.Style != yaml.LiteralStyle && r.peekContent() > indent {
			// Defensive: the next line, deeper than indent, is given up on
			// where it is read too; this names why at the value.
			return nil, false // a value that goes on, or a mapping after one
		}
		r.pending = append(r.pending, key, value)
	}
	for i := len(stack) - 1; i >= 0; i-- {
		r.close(stack[i])
	}
	return doc, doc != nil && open == nil
}

// entry reads the key and value of a mapping's line; value is nil for a key
// without one.
func (r *fastReader) entry(text []byte, num, indent int) (key, value *yaml.Node, ok bool) {
	colon := indent
	for colon < len(text) && keyByte(text[colon]) {
		colon++
	}
	if colon == indent || colon-indent >= 1000 || text[indent] == '-' || colon == len(text) || text[colon] != ':' ||
		colon+1 < len(text) && text[colon+1] != ' ' {
		return nil, nil, false
	}
	key = r.node(yaml.ScalarNode, "", num, indent+1)
	key.Value = r.str(text[indent:colon])
	key.Tag = plainTag(key.Value)
	at := colon + 1
	for at < len(text) && text[at] == ' ' {
		at++
	}
	if at == len(text) {
		return key, nil, true
	}
	rest := trimSpaces(text[at:])
	col := at + 1 // a key's line is ASCII up to its value
	switch rest[0] {
	case '"':
		value, ok = r.quoted(rest, num, col)
	case '[':
		value, ok = r.flow(text, rest, num, col)
	case '|':
		if len(rest) != 1 {
			return nil, nil, false
		}
		value, ok = r.literal(indent, num, col)
	default:
		value, ok = r.plain(rest, num, col)
	}
	return key, value, ok
}

// plainTag is the tag yaml.v3 gives a plain scalar of text s: its own
// resolution (Node.ShortTag), but for text whose first byte its resolver's
// table of hints leaves out, which it takes as a string at once (resolve,
// in go.yaml.in/yaml/v3's resolve.go: "hint != 0"). Calling it costs a
// deferred function and an allocation a scalar; TestPlainTag holds the
// hints to the resolver's.
func plainTag(s string) string {
	if s != "" && !resolveHint(s[0]) {
		return "!!str"
	}
	n := yaml.Node{Kind: yaml.ScalarNode, Value: s}
	return n.ShortTag()
}

// resolveHint reports whether yaml.v3's resolver has a hint for a plain
// scalar starting with c: a sign, a digit, '.', or the first letter of a
// word it reads (true, null, .inf, "<<", ...).
func resolveHint(c byte) bool {
	switch c {
	case '+', '-', '.', '~', '<', 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O':
		// yaml.v3's table, as it is: its words in o (on, off) now resolve
		// as text, so 'o' and 'O' change nothing, but the table is copied
		// whole rather than reasoned about.
		return true
	}
	return '0' <= c && c <= '9'
}

// trimSpaces is b without the spaces at its end.
func trimSpaces(b []byte) []byte {
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return b
}

// keyByte reports whether c may be part of a key: letters, digits, "_-./".
func keyByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-' || c == '.' || c == '/'
}

// plainStart reports whether s can start a plain scalar in block context
// and is not one that sets a tag of its own ("<<", a merge key).
func plainStart(s []byte) bool {
	switch s[0] {
	case '-':
		return len(s) > 1 && s[1] != ' '
	case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return false
	}
	return string(s) != "<<"
}

// plain reads a plain scalar of one line: no '#', no ": ", no ':' at its end.
func (r *fastReader) plain(s []byte, num, col int) (*yaml.Node, bool) {
	if !plainStart(s) || bytes.IndexByte(s, '#') >= 0 || bytes.Contains(s, []byte(": ")) || s[len(s)-1] == ':' {
		return nil, false
	}
	n := r.node(yaml.ScalarNode, "", num, col)
	n.Value = r.str(s)
	n.Tag = plainTag(n.Value)
	return n, true
}

// quoted reads a double-quoted scalar of one line without a backslash.
func (r *fastReader) quoted(s []byte, num, col int) (*yaml.Node, bool) {
	if len(s) < 2 || s[len(s)-1] != '"' || bytes.IndexByte(s[1:len(s)-1], '"') >= 0 || bytes.IndexByte(s, '\\') >= 0 {
		return nil, false
	}
	n := r.node(yaml.ScalarNode, "!!str", num, col)
	n.Style = yaml.DoubleQuotedStyle
	n.Value = r.str(s[1 : len(s)-1])
	return n, true
}

// flow reads a flow sequence of plain items on one line: "[a, b c]", s
// of line from column col.
func (r *fastReader) flow(line, s []byte, num, col int) (*yaml.Node, bool) {
	if s[len(s)-1] != ']' {
		return nil, false
	}
	inner := s[1 : len(s)-1]
	for _, c := range inner {
		switch c {
		case '[', ']', '{', '}', '#', ':', '?', '\'', '"': // '?' ends a plain scalar in a flow
			return nil, false
		}
	}
	seq := r.node(yaml.SequenceNode, "!!seq", num, col)
	seq.Style = yaml.FlowStyle
	if len(trimSpaces(inner)) == 0 {
		return seq, true
	}
	start := len(r.links) // the items go straight to links: no node is pending
	for from := 0; from <= len(inner); {
		end := len(inner)
		if i := bytes.IndexByte(inner[from:], ','); i >= 0 {
			end = from + i
		}
		lead := from
		for lead < end && inner[lead] == ' ' {
			lead++
		}
		item := trimSpaces(inner[lead:end])
		lead -= from
		if len(item) == 0 || !plainStart(item) {
			return nil, false
		}
		at := col + from + lead // byte offset of the item in line
		n := r.node(yaml.ScalarNode, "", num, utf8.RuneCount(line[:at])+1)
		n.Value = r.str(item)
		n.Tag = plainTag(n.Value)
		r.links = append(r.links, n)
		from = end + 1
	}
	seq.Content = r.links[start:len(r.links):len(r.links)]
	return seq, true
}

// literal reads the lines of a literal block "|" under a key indented by
// indent: its indentation is its first line's, which must not be blank;
// clip chomping (one line break kept at the end).
func (r *fastReader) literal(indent, num, col int) (*yaml.Node, bool) {
	n := r.node(yaml.ScalarNode, "!!str", num, col)
	n.Style = yaml.LiteralStyle
	block := -1
	start, blanks := r.text.Len(), 0
	for r.pos < len(r.src) {
		save, saveLine := r.pos, r.line
		text, _, in, _ := r.next()
		if in == len(text) {
			if block < 0 || len(text) > block {
				return nil, false // blank first line, or spaces past the block's indentation
			}
			blanks++
			continue
		}
		if in <= indent {
			r.pos, r.line = save, saveLine // the block ended: the line is the mapping's
			break
		}
		if block < 0 {
			block = in
		} else if in < block {
			return nil, false
		}
		for ; blanks > 0; blanks-- {
			r.text.WriteByte('\n')
		}
		r.text.Write(text[block:])
		r.text.WriteByte('\n')
	}
	n.Value = r.text.String()[start:]
	return n, true
}
