package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/conflictq/conflictq/quiz"
)

// fromJSON scans a JSON sheet into its fields: a .json file (line 0: each
// field and answer then carries its own line), or one line of a JSON-lines
// file (line is its line number).
func fromJSON(file string, line int, data []byte) (*raw, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a byte-order mark, as some editors save
	r := &raw{file: file, line: max(line, 1)}
	sc := &jsonScanner{data: data}
	lines := lineCounter{data: data, fixed: line}
	err := r.scanTop(sc, &lines)
	if err == nil {
		if sc.ws(); sc.pos < len(data) {
			err = sc.fail("more than one JSON value (use a .jsonl file, one sheet per line)")
		}
	}
	var je *jsonError
	if errors.As(err, &je) {
		msg := "invalid JSON: " + je.msg
		if line > 0 {
			msg = fmt.Sprintf("invalid JSON at column %d: %s", je.offset+1, je.msg)
		}
		return nil, &quiz.InvalidError{Problems: []quiz.Problem{{File: file, Line: lines.at(je.offset), Msg: msg}}}
	}
	return r, err
}

// lineCounter gives the line of an offset, counting newlines once as the
// scanner moves forward; in a JSON-lines file every offset is on its line.
type lineCounter struct {
	data    []byte
	fixed   int // the line of a JSON-lines sheet, else 0
	line    int // the line at counted
	counted int
}

func (c *lineCounter) at(offset int) int {
	if c.fixed > 0 {
		return c.fixed
	}
	if c.line == 0 {
		c.line = 1
	}
	offset = min(offset, len(c.data))
	if offset < c.counted { // an error before the last field: count afresh
		return 1 + bytes.Count(c.data[:offset], []byte("\n"))
	}
	c.line += bytes.Count(c.data[c.counted:offset], []byte("\n"))
	c.counted = offset
	return c.line
}

// scanTop reads the top-level object's fields; a top level of another kind is
// recorded for the field checks to report.
func (r *raw) scanTop(sc *jsonScanner, lines *lineCounter) error {
	switch c := sc.peek(); c {
	case '{':
	case 0:
		return &quiz.InvalidError{Problems: []quiz.Problem{{File: r.file, Line: lines.fixed, Msg: "file is empty"}}}
	case '[':
		r.top = listNode.Name()
		return sc.skip(0)
	case 'n':
		r.top = nullNode.Name()
		return sc.skip(0)
	default:
		r.top = scalarNode.Name()
		return sc.skip(0)
	}
	r.line = lines.at(sc.pos)
	return sc.object(func(key string) error {
		f := field{key: key, line: lines.at(sc.pos)}
		var err error
		if key == "answers" && sc.peek() == '{' {
			f.val.kind = mappingNode
			f.val.answers, f.val.more, err = sc.answers(lines)
		} else if key == "marks" && sc.peek() == '{' {
			f.val, err = sc.marks(lines)
		} else {
			f.val, err = sc.value()
		}
		r.fields = append(r.fields, f)
		return err
	})
}

// answerScratch holds a slice that a sheet's answers are gathered in
// before they are copied at their number: an Answer is 120 bytes, and a
// slice made for a bank's 40 or grown by append took 6 KB for each student
// of a class, a third of what grading one cost, where 40 take 4.8 KB.
// It starts with room for 48, as each sheet's slice did: grown from
// empty, the first sheet's took seven slices, 15 KB.
var answerScratch = sync.Pool{New: func() any { s := make([]Answer, 0, 48); return &s }}

// answers reads the answers object, keeping at most MaxAnswers (more counts
// the others, for the field checks to refuse).
func (s *jsonScanner) answers(lines *lineCounter) (kept []Answer, more int, err error) {
	scratch := answerScratch.Get().(*[]Answer)
	got := (*scratch)[:0]
	err = s.object(func(id string) error {
		if len(got) == MaxAnswers {
			more++
			return s.skip(0)
		}
		v, err := s.answer(lines)
		got = append(got, Answer{ID: id, Value: v})
		return err
	})
	kept = slices.Clone(got)
	if cap(got) <= 1024 { // a sheet of thousands is not kept for the next
		clear(got) // nor what its answers hold
		*scratch = got[:0]
		answerScratch.Put(scratch)
	}
	return kept, more, err
}

// value reads a field's value: a scalar, a list of values, or an object
// (whose content no field but answers uses).
func (s *jsonScanner) value() (node, error) {
	switch s.peek() {
	case '{':
		return node{kind: mappingNode}, s.skip(0)
	case '[':
		s.pos++
		n := node{kind: listNode, items: []node{}}
		if s.peek() == ']' {
			s.pos++
			return n, nil
		}
		for {
			var it node
			if c := s.peek(); c == '[' || c == '{' {
				it.kind = map[byte]nodeKind{'[': listNode, '{': mappingNode}[c]
				if err := s.skip(1); err != nil {
					return n, err
				}
			} else {
				t, kind, err := s.scalar()
				if err != nil {
					return n, err
				}
				if kind != 'n' {
					it = node{kind: scalarNode, text: t}
				}
			}
			n.items = append(n.items, it)
			switch s.peek() {
			case ',':
				s.pos++
			case ']':
				s.pos++
				return n, nil
			default:
				return n, s.fail("expected ',' or ']' in a list")
			}
		}
	}
	t, kind, err := s.scalar()
	if kind == 'n' || err != nil {
		return node{}, err
	}
	return node{kind: scalarNode, text: t}, nil
}

// marks reads the marks section: question ids to objects of a mark's fields.
func (s *jsonScanner) marks(lines *lineCounter) (node, error) {
	n := node{kind: mappingNode}
	var buf []markField // one mark's fields, reused for the next
	err := s.object(func(key string) error {
		if len(n.fields) == maxFields[0] {
			n.more++ // counted for the field checks to refuse, not kept
			return s.skip(1)
		}
		f := field{key: key, line: lines.at(s.pos)}
		var err error
		if s.peek() == '{' {
			f.val, buf, err = s.mark(lines, buf[:0])
		} else {
			f.val, err = s.value()
		}
		n.fields = append(n.fields, f)
		return err
	})
	return n, err
}

// mark reads one mark's fields into buf and keeps a copy of just their
// number: a sheet may hold a million, and a slice grown by appending would
// hold up to twice that.
func (s *jsonScanner) mark(lines *lineCounter, buf []markField) (node, []markField, error) {
	n := node{kind: mappingNode}
	err := s.object(func(key string) error {
		if len(buf) == maxFields[1] {
			n.more++ // counted for the field checks to refuse, not kept
			return s.skip(2)
		}
		f := markField{key: key, line: lines.at(s.pos)}
		switch s.peek() {
		case '[', '{': // refused by its kind: its content is not needed
			f.kind = map[byte]nodeKind{'[': listNode, '{': mappingNode}[s.peek()]
			if err := s.skip(0); err != nil { // as value() skips it
				return err
			}
		default:
			t, kind, err := s.scalar()
			if err != nil {
				return err
			}
			if kind != 'n' {
				f.kind, f.text = scalarNode, t
			}
		}
		buf = append(buf, f)
		return nil
	})
	n.mark = slices.Clone(buf)
	return n, buf, err
}
