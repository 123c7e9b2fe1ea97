package sheet

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/jsonscan"
)

// A JSON scanner for answer sheets, hand-written on purpose. Grading a
// district's hundred thousand sheets is mostly JSON parsing, and encoding/json
// validates and copies each sheet twice before anything is graded, and needs
// a second decode for answers whose shape varies; this reads a sheet in one
// pass, into the few shapes a sheet has. It only scans: json.go turns what it
// reads into fields, and fields.go checks them as it does YAML's.
//
// BenchmarkReadJSON (scan_test.go) keeps the reason measured: a 30-answer
// sheet read and checked in 13 µs with 36 allocations, against 39 µs and 261
// allocations for encoding/json only to decode it (2 cores, Go 1.26).
// encoding/json/jsontext, the streaming tokenizer that could replace it, is
// still behind GOEXPERIMENT=jsonv2 in Go 1.26: revisit when it is not.
//
// It accepts only valid JSON (FuzzParseSheetJSON holds it to encoding/json)
// and reports where it stopped.

type jsonScanner struct {
	data []byte
	pos  int
}

type jsonError struct {
	offset int
	msg    string
}

func (e *jsonError) Error() string { return e.msg }

func (s *jsonScanner) fail(format string, args ...any) error {
	return &jsonError{offset: s.pos, msg: fmt.Sprintf(format, args...)}
}

func (s *jsonScanner) ws() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

func (s *jsonScanner) peek() byte {
	s.ws()
	if s.pos < len(s.data) {
		return s.data[s.pos]
	}
	return 0
}

func (s *jsonScanner) expect(c byte) error {
	if s.peek() != c {
		if s.pos >= len(s.data) {
			return s.fail("unexpected end of input, expected %q", c)
		}
		return s.fail("expected %q, found %q", c, s.data[s.pos])
	}
	s.pos++
	return nil
}

// str reads a JSON string, decoding escapes.
func (s *jsonScanner) str() (string, error) {
	if err := s.expect('"'); err != nil {
		return "", err
	}
	start := s.pos
	// Fast path: no escapes.
	if s.pos = jsonscan.PlainEnd(s.data, s.pos); s.pos < len(s.data) {
		switch s.data[s.pos] {
		case '"':
			out := intern(s.data[start:s.pos])
			s.pos++
			return out, nil
		case '\\':
			return s.strSlow(start)
		}
		return "", s.fail("control character in a string")
	}
	return "", s.fail("unexpected end of input in a string")
}

func (s *jsonScanner) strSlow(start int) (string, error) {
	var b strings.Builder
	b.Write(s.data[start:s.pos])
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case c == '"':
			s.pos++
			return b.String(), nil
		case c < 0x20:
			return "", s.fail("control character in a string")
		case c != '\\':
			b.WriteByte(c)
			s.pos++
			continue
		}
		s.pos++
		if s.pos >= len(s.data) {
			break
		}
		e := s.data[s.pos]
		s.pos++
		switch e {
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, err := s.hex4()
			if err != nil {
				return "", err
			}
			if utf16.IsSurrogate(r) {
				// A surrogate pairs with the \u escape that follows it; one
				// that does not is U+FFFD, and that escape is read afresh, as
				// encoding/json does: "\ud800\ud800\udc00" is U+FFFD U+10000.
				high, next := r, s.pos
				r = utf8.RuneError
				if next+1 < len(s.data) && s.data[next] == '\\' && s.data[next+1] == 'u' {
					s.pos += 2
					low, err := s.hex4()
					if err != nil {
						return "", err
					}
					if r = utf16.DecodeRune(high, low); r == utf8.RuneError {
						s.pos = next
					}
				}
			}
			b.WriteRune(r)
		default:
			return "", s.fail("invalid escape \\%c in a string", e)
		}
	}
	return "", s.fail("unexpected end of input in a string")
}

func (s *jsonScanner) hex4() (rune, error) {
	if s.pos+4 > len(s.data) {
		return 0, s.fail("unexpected end of input in a \\u escape")
	}
	n, err := strconv.ParseUint(string(s.data[s.pos:s.pos+4]), 16, 32)
	if err != nil {
		return 0, s.fail("invalid \\u escape")
	}
	s.pos += 4
	return rune(n), nil
}

// number reads a JSON number (jsonscan.Number) and returns its text.
func (s *jsonScanner) number() (string, error) {
	start := s.pos
	end, ok := jsonscan.Number(s.data, s.pos, false)
	s.pos = end
	if !ok {
		return "", s.fail("invalid number")
	}
	return string(s.data[start:end]), nil
}

func (s *jsonScanner) literal(word string) error {
	if !strings.HasPrefix(string(s.data[s.pos:min(s.pos+len(word), len(s.data))]), word) {
		return s.fail("invalid value")
	}
	s.pos += len(word)
	return nil
}

// scalar reads a string ('s'), number ('d'), true or false ('b') or null ('n').
func (s *jsonScanner) scalar() (text string, kind byte, err error) {
	switch c := s.peek(); {
	case c == '"':
		t, err := s.str()
		return t, 's', err
	case c == 't':
		return "true", 'b', s.literal("true")
	case c == 'f':
		return "false", 'b', s.literal("false")
	case c == 'n':
		return "", 'n', s.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		t, err := s.number()
		return t, 'd', err
	case c == 0:
		return "", 0, s.fail("unexpected end of input, expected a value")
	}
	return "", 0, s.fail("expected a value, found %q", s.data[s.pos])
}

// skipString passes over a JSON string without decoding it: a report's
// prompts and model answers, which grading does not read, are most of its
// bytes. Escapes are checked as str checks them.
func (s *jsonScanner) skipString() error {
	if err := s.expect('"'); err != nil {
		return err
	}
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case c == '"':
			s.pos++
			return nil
		case c == '\\':
			s.pos++
			if s.pos >= len(s.data) {
				return s.fail("unexpected end of input in a string")
			}
			switch e := s.data[s.pos]; e {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				s.pos++
				if _, err := s.hex4(); err != nil {
					return err
				}
				continue
			default:
				return s.fail("invalid escape \\%c in a string", e)
			}
		case c < 0x20:
			return s.fail("control character in a string")
		}
		s.pos++
	}
	return s.fail("unexpected end of input in a string")
}

// maxDepth bounds how deep lists and objects nest, as the YAML parser bounds
// it (yaml.v3: "exceeded max depth of 10000"), so that a value nested a few
// hundred levels deep reads alike in both syntaxes (an unknown field, an
// answer that is a nested structure), and only what YAML refuses is refused.
const maxDepth = 10000

// tooDeep is the scanner's refusal of a value nested deeper than maxDepth.
func (s *jsonScanner) tooDeep() error {
	return s.fail("nested more than %d levels deep", maxDepth)
}

// skip reads any value, for fields that are not of the expected shape.
func (s *jsonScanner) skip(depth int) error {
	if depth > maxDepth {
		return s.tooDeep()
	}
	switch s.peek() {
	case '[':
		s.pos++
		if s.peek() == ']' {
			s.pos++
			return nil
		}
		for {
			if err := s.skip(depth + 1); err != nil {
				return err
			}
			if s.peek() == ',' {
				s.pos++
				continue
			}
			return s.expect(']')
		}
	case '{':
		s.pos++
		if s.peek() == '}' {
			s.pos++
			return nil
		}
		for {
			if err := s.skipString(); err != nil {
				return err
			}
			if err := s.expect(':'); err != nil {
				return err
			}
			if err := s.skip(depth + 1); err != nil {
				return err
			}
			if s.peek() == ',' {
				s.pos++
				continue
			}
			return s.expect('}')
		}
	case '"':
		return s.skipString()
	}
	_, _, err := s.scalar()
	return err
}

// object calls field for each key of an object; field reads the value.
func (s *jsonScanner) object(field func(key string) error) error {
	if err := s.expect('{'); err != nil {
		return err
	}
	if s.peek() == '}' {
		s.pos++
		return nil
	}
	for {
		key, err := s.str()
		if err != nil {
			return err
		}
		if err := s.expect(':'); err != nil {
			return err
		}
		if err := field(key); err != nil {
			return err
		}
		switch s.peek() {
		case ',':
			s.pos++
		case '}':
			s.pos++
			return nil
		default:
			return s.fail("expected ',' or '}' after an object's value")
		}
	}
}

// objectOnce is object for a report's objects: a key given twice is refused
// (a fieldError naming it), as a sheet's field checks refuse it, where
// encoding/json would keep the last without a word. A match answer's pairs
// are not read with it: a left side given twice costs that answer alone,
// when it is graded, as in a sheet. seen is the reader's own, reused.
func (s *jsonScanner) objectOnce(seen *keysSeen, field func(key string) error) error {
	seen.reset()
	return s.object(func(key string) error {
		if at, dup := seen.add(key, s.pos); dup {
			first := 1 + bytes.Count(s.data[:at], []byte("\n"))
			return &fieldError{offset: s.pos, field: key, msg: keyTwice(first)}
		}
		return field(key)
	})
}

// list reads an array of scalars; nested is true when an element is not one.
func (s *jsonScanner) list() (items []string, nested bool, err error) {
	if err := s.expect('['); err != nil {
		return nil, false, err
	}
	if s.peek() == ']' {
		s.pos++
		return []string{}, false, nil
	}
	// Gathered on the stack, then copied once at their number: grown by
	// append, a list of four took three allocations.
	var first [8]string
	got := first[:0]
	for {
		if c := s.peek(); c == '[' || c == '{' {
			nested = true
			if err := s.skip(1); err != nil {
				return nil, false, err
			}
		} else {
			t, _, err := s.scalar()
			if err != nil {
				return nil, false, err
			}
			got = append(got, t)
		}
		switch s.peek() {
		case ',':
			s.pos++
		case ']':
			s.pos++
			return slices.Clone(got), nested, nil
		default:
			return nil, false, s.fail("expected ',' or ']' in a list")
		}
	}
}

// answer reads one answer value: it and each of its pairs carry their lines,
// as YAML's do. A match answer's left side given twice is kept, each pair
// at its line, for reading it against its question to refuse.
func (s *jsonScanner) answer(lines *lineCounter) (quiz.Value, error) {
	line := lines.at(s.pos)
	switch s.peek() {
	case '[':
		items, nested, err := s.list()
		if err != nil || nested {
			return quiz.Value{Kind: quiz.Nested, Line: line}, err
		}
		return quiz.Value{Kind: quiz.List, List: items, Line: line}, nil
	case '{':
		v := quiz.Value{Kind: quiz.Mapping, Line: line}
		nested := false
		pair := func(key string) error {
			if c := s.peek(); c == '[' || c == '{' {
				nested = true
				return s.skip(1)
			}
			v.PairLines = append(v.PairLines, lines.at(s.pos))
			t, _, err := s.scalar()
			v.Pairs = append(v.Pairs, [2]string{key, t})
			return err
		}
		err := s.object(pair)
		if nested {
			return quiz.Value{Kind: quiz.Nested, Line: line}, err
		}
		return v, err
	}
	t, kind, err := s.scalar()
	if err != nil || kind == 'n' || strings.TrimSpace(t) == "" {
		return quiz.Value{Line: line}, err
	}
	return quiz.Value{Kind: quiz.Scalar, Text: strings.TrimSpace(t), Line: line}, nil
}
