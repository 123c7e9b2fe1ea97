// Package yamlnode reads YAML input as a node tree, so that every problem can
// be reported at its line: parsing with duplicate-key checks, and readers for
// the scalars, lists and numbers that banks and answer sheets hold. Problems go
// to a Report function, so that the package needs no problem type of its own.
package yamlnode

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/conflictq/conflictq/quiz/internal/lazy"
	"github.com/conflictq/conflictq/quiz/text"
)

// Report records a problem at a line; question and field locate it further
// when known.
type Report func(line int, question, field, format string, args ...any)

// Parse parses data, already checked for size and encoding, to a node tree
// and returns its top node, aliases resolved. Parsing to nodes never expands
// aliases, so an alias bomb costs no more than its text. With keys set, a key
// given twice in a mapping is reported; without it, every mapping's keys are
// left to the reader: a sheet checks them in the checks it shares with JSON,
// so that a key given twice reads alike in both. ok is false when the file
// cannot be read at all.
func Parse(add Report, data []byte, keys bool) (root *yaml.Node, ok bool) {
	return parse(add, data, keys, nil)
}

// Arena is the storage of the trees that a reader parses one after another
// and is done with before it parses the next (a folder's answer sheets, read
// into fields and dropped): each Parse on it reads into the nodes of the one
// before, rather than into 15 KB of fresh memory a sheet. Only the nodes
// are reused; the text of their values is new each time, so strings taken
// from a tree stay as they were. The zero Arena is ready to use.
type Arena struct {
	nodes          []yaml.Node
	links, pending []*yaml.Node
	content        []int // the fast reader's lines of content (contentSize)
}

// Parse is the package's Parse into a's storage: the tree a's last Parse
// returned must not be used after it.
func (a *Arena) Parse(add Report, data []byte, keys bool) (root *yaml.Node, ok bool) {
	return parse(add, data, keys, a)
}

// Size is how many nodes a holds room for: a reader keeps an arena for the
// next file only while it is of a sheet's size.
func (a *Arena) Size() int { return cap(a.nodes) }

// parse is Parse, into a's storage when a is not nil.
func parse(add Report, data []byte, keys bool, a *Arena) (root *yaml.Node, ok bool) {
	if len(bytes.TrimSpace(data)) == 0 {
		add(0, "", "", "file is empty")
		return nil, false
	}
	if n := Items(data); n > MaxItems {
		// The node tree costs some 300 bytes an item, and more under a
		// memory limit: refuse before building it.
		add(0, "", "", "%d lines and commas: conflictq reads YAML files of at most %d (a file that large is not one a person wrote; answer sheets in bulk go in a .jsonl file)", n, MaxItems)
		return nil, false
	}
	var doc yaml.Node
	second, err := decode(data, &doc, a)
	if err != nil {
		l, msg := ErrorLine(err)
		add(l, "", "", "%s", msg)
		return nil, false
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		add(0, "", "", "file holds no YAML document")
		return nil, false
	}
	if second > 0 {
		// Reading the first alone would drop the others without a word.
		add(second, "", "", "a second YAML document starts here; a file holds one (put each in a file of its own, or answer sheets one a line in a .jsonl file)")
		return nil, false
	}
	top := doc.Content[0]
	memo := map[*yaml.Node]int(nil) // without an alias (no *), a tree: each node is counted once
	if bytes.IndexByte(data, '*') >= 0 {
		memo = map[*yaml.Node]int{}
	}
	if n, ok := expandedSize(top, memo); !ok || n > MaxExpanded {
		// Parsing never expands an alias, but a reader that walks the tree
		// (a sheet's unknown fields, a list of lists) would: refuse a tree
		// that aliases make larger than any file could be.
		add(0, "", "", "aliases expand this file to more than %d values, or an alias names a node it sits in: conflictq refuses such a file (an \"alias bomb\")", MaxExpanded)
		return nil, false
	}
	if !keys {
		return Resolve(top), true
	}
	if !checkDuplicateKeys(add, top) {
		return nil, false
	}
	return Resolve(top), true
}

// checkDuplicateKeys reports a key given twice in one mapping, which YAML
// forbids and which would otherwise silently drop the first value. Aliases are
// not followed: their targets are checked where they stand.
func checkDuplicateKeys(add Report, n *yaml.Node) bool {
	ok := true
	if n.Kind == yaml.MappingNode {
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if first, dup := seen[k.Value]; dup {
				add(k.Line, "", "", "invalid YAML: mapping key %q already defined at line %d", k.Value, first)
				ok = false
			} else {
				seen[k.Value] = k.Line
			}
		}
	}
	for _, c := range n.Content {
		ok = checkDuplicateKeys(add, c) && ok
	}
	return ok
}

// MaxItems bounds the lines and commas of a YAML file, and so the nodes its
// tree can hold: a bank of 1,000 questions has some 10,000.
const MaxItems = 100_000

// MaxExpanded bounds the values a YAML tree holds with its aliases expanded,
// so that no reader, however it walks the tree, does more work than a file of
// a few times MaxItems lines could ask for.
const MaxExpanded = 4 * MaxItems

// expandedSize counts the nodes of n with every alias expanded, each alias
// target counted once (so in time linear in the tree); ok is false for an
// alias inside the node it names, or when the count passes MaxExpanded. A
// nil memo is for a tree without aliases, where no node is reached twice.
func expandedSize(n *yaml.Node, memo map[*yaml.Node]int) (int, bool) {
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return 1, true
		}
		n = n.Alias
	}
	if memo != nil {
		if c, seen := memo[n]; seen {
			return c, c >= 0
		}
		memo[n] = -1 // in progress: an alias reaching it again is a cycle
	}
	total := 1
	for _, c := range n.Content {
		k, ok := expandedSize(c, memo)
		if !ok {
			return 0, false
		}
		if total += k; total > MaxExpanded {
			return total, false
		}
	}
	if memo != nil {
		memo[n] = total
	}
	return total, true
}

// Items counts the lines and commas of data: every YAML node but a few needs
// one of them.
func Items(data []byte) int {
	return bytes.Count(data, []byte{'\n'}) + bytes.Count(data, []byte{','}) + 1
}

// safeDecode parses the first YAML document of data into out and returns the
// line of a second document, or 0 when there is none; end says the parser
// read data to its end. A panic inside the YAML parser becomes an error: a
// user's file must never crash the program.
func safeDecode(data []byte, out *yaml.Node) (second int, end bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: could not parse: %v", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(out); err != nil {
		if errors.Is(err, io.EOF) {
			return 0, true, nil // no document: the caller says so
		}
		return 0, false, err
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
		return 0, true, nil
	case err != nil:
		// Text after the first document that is not a document either
		// (JSON lines saved as .yaml): as much a second sheet.
		if l, _ := ErrorLine(err); l > 0 {
			return l, false, nil
		}
		return lastLine(out) + 1, false, nil
	case len(next.Content) == 0 || next.Content[0].Tag == "!!null" && next.Content[0].Value == "":
		return 0, false, nil // a trailing "---" with nothing after it
	}
	return max(next.Line, 1), false, nil
}

// lastLine is the last line a node tree reaches.
func lastLine(n *yaml.Node) int {
	l := n.Line
	for _, c := range n.Content {
		l = max(l, lastLine(c))
	}
	return l
}

var yamlLineRE = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`^yaml: (?:line (\d+): )?`) }}

// ErrorLine splits "yaml: line 3: did not find expected key" into 3 and the message.
func ErrorLine(err error) (int, string) {
	msg := err.Error()
	m := yamlLineRE.Get().FindStringSubmatch(msg)
	if m == nil {
		return 0, msg
	}
	n, _ := strconv.Atoi(m[1])
	rest := msg[len(m[0]):]
	// The YAML parser (unlike its scanner) counts these lines from 0: they name
	// the line where the unclosed construct began.
	if strings.HasPrefix(rest, "did not find expected") {
		n++
	}
	return n, "invalid YAML: " + rest
}

// Resolve follows an alias to the node it names.
func Resolve(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// KindWords are the one set of words messages use for what a value is, in
// the order of quiz.ValueKind (Empty, Scalar, List, Mapping, Nested): YAML
// nodes, sheet fields and answers all say the same. Each has its article, so
// that a message reads "found an empty value", never "found a empty value".
var KindWords = [...]string{"an empty value", "a single value", "a list", "a mapping", "a nested structure"}

// KindName says what a node is, for messages: a list, a mapping, a single
// value.
func KindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return KindWords[2]
	case yaml.MappingNode:
		return KindWords[3]
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return KindWords[0]
		}
		return KindWords[1]
	}
	return "a value"
}

// Line is the line of key in mapping m, or m's own line without it.
func Line(m *yaml.Node, key string) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i].Line
		}
	}
	return m.Line
}

// Scalar reads a text value; any YAML scalar (1994, true) is taken as its text.
func Scalar(add Report, n *yaml.Node, qid, field string) string {
	if n.Kind != yaml.ScalarNode {
		add(n.Line, qid, field, "expected text, found %s", KindName(n))
		return ""
	}
	if n.Tag == "!!null" {
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// ScalarList reads a list of text values; empty entries are reported.
func ScalarList(add Report, n *yaml.Node, qid, field string) []string {
	if n.Kind != yaml.SequenceNode {
		add(n.Line, qid, field, "expected a list, found %s", KindName(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		c = Resolve(c)
		s := Scalar(add, c, qid, field)
		if s == "" && c.Kind == yaml.ScalarNode {
			add(c.Line, qid, field, "empty entry")
			continue
		}
		out = append(out, s)
	}
	return out
}

// Number reads a number as people write it (text.ParseNumber) or in YAML's
// own syntax (1e+06); infinities and NaN are refused.
func Number(add Report, n *yaml.Node, qid, field string) (float64, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		add(n.Line, qid, field, "expected a number, found %s", KindName(n))
		return 0, false
	}
	v, err := text.ParseNumber(n.Value)
	if err != nil && (n.Tag == "!!float" || n.Tag == "!!int") {
		v, err = strconv.ParseFloat(n.Value, 64) // YAML's own syntax: 1e+06
	}
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		add(n.Line, qid, field, "expected a number, found %q", n.Value)
		return 0, false
	}
	return v, true
}

// Describe quotes a scalar's text, or names the kind of any other node.
func Describe(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return strconv.Quote(n.Value)
	}
	return KindName(n)
}
