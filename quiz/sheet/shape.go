package sheet

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/conflictq/conflictq/quiz"
)

// A report's shape: what each of its fields holds, taken by reflection from
// the Go type report.Read decodes it into, so that grade (which reads a
// report with this scanner alone, for speed: encoding/json made it as slow
// as jq) refuses what encoding/json refuses for mark, in the same words,
// with no second table of fields to keep in step. ReadReport checks the
// shape as it reads.

// shape is what one JSON value must be.
type shape struct {
	kind   reflect.Kind      // Bool, String, Int..., Float64, Slice, Map, Struct; Interface for anything
	time   bool              // a time.Time: text as RFC 3339 writes it
	bits   int               // a number's size
	want   string            // TypeWord's words for it
	fields map[string]*shape // a struct's fields by their JSON name
	folded map[string]string // their names as encoding/json folds case (foldKey) → the name
	elem   *shape            // a list's or map's elements
}

// shapes are the shapes built so far, by type (reflect.Type → *shape). The
// types buildShape tells apart (json.RawMessage, time.Time) are looked up
// there, not kept in package variables made in every run's init.
var shapes sync.Map

func shapeOf(t reflect.Type) *shape {
	if sh, ok := shapes.Load(t); ok {
		return sh.(*shape)
	}
	sh := buildShape(t)
	shapes.Store(t, sh)
	return sh
}

func buildShape(t reflect.Type) *shape {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == reflect.TypeFor[time.Time]():
		return &shape{kind: reflect.String, time: true, want: TypeWord(t)}
	case t == reflect.TypeFor[json.RawMessage]() || t.Kind() == reflect.Interface:
		return &shape{kind: reflect.Interface}
	}
	sh := &shape{kind: t.Kind(), want: TypeWord(t)}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		sh.bits = t.Bits()
	case reflect.Slice, reflect.Array, reflect.Map:
		sh.elem = buildShape(t.Elem())
	case reflect.Struct:
		sh.fields = map[string]*shape{}
		addFields(sh.fields, t)
		sh.folded = map[string]string{}
		for name := range sh.fields {
			sh.folded[foldKey(name)] = name
		}
	}
	return sh
}

// addFields adds a struct's fields as encoding/json names them: its own
// first, then an embedded struct's that it does not have (the shallower
// field wins).
func addFields(fields map[string]*shape, t reflect.Type) {
	var embedded []reflect.Type
	for i := range t.NumField() {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case tag == "-":
		case f.Anonymous && tag == "" && f.Type.Kind() == reflect.Struct:
			embedded = append(embedded, f.Type)
		case f.IsExported():
			if tag == "" {
				tag = f.Name
			}
			fields[tag] = buildShape(f.Type)
		}
	}
	for _, e := range embedded {
		inner := map[string]*shape{}
		addFields(inner, e)
		for k, v := range inner {
			if _, ok := fields[k]; !ok {
				fields[k] = v
			}
		}
	}
}

// field is the shape of a struct's field, or nil (sh nil, or no such field).
// name is the field's own name when key names it only in another case.
func (sh *shape) field(key string) (f *shape, name string) {
	if sh == nil || sh.fields == nil {
		return nil, ""
	}
	if f := sh.fields[key]; f != nil {
		return f, ""
	}
	if name, ok := sh.folded[foldKey(key)]; ok {
		return sh.fields[name], name
	}
	return nil, ""
}

// foldKey folds a key's case as encoding/json does when it matches a key to
// a field (upper case; K and ſ fold to K and S).
func foldKey(key string) string {
	var b strings.Builder
	for _, r := range key {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' {
				r -= 'a' - 'A'
			}
		} else {
			r = unicode.ToUpper(unicode.ToLower(r))
		}
		b.WriteRune(r)
	}
	return b.String()
}

// otherCase refuses a key that names a field in another case ("GIVEN"):
// encoding/json (mark) would read it into the field, where this scanner
// (grade) reads the key as it is, so the two would read different answers.
// conflictq writes its keys in lower case.
func otherCase(offset int, key, name string) error {
	return &fieldError{offset: offset, field: key, msg: fmt.Sprintf("not a key conflictq reads: it reads %q only in lower case, as it writes it", name)}
}

// The fields ReadReport reads itself, at the top and in a question: vet
// checks them and puts the scanner back for the reader. The rest it checks
// in passing, where the reader would skip them. The reader alone checks
// the fields it refuses in its own words (a seed "from 0 up", cut_off
// "must be true or false"): false here, and not vetted.
// (Switches, not maps: they are asked for every key of every question.)
func readsTop(key string) bool {
	switch key {
	case "student", "banks", "set", "types", "tags", "difficulty", "bank_digests", "status", "ended_by", "answers", "marks":
		return true
	}
	return false
}

func readsQuestion(key string) bool {
	switch key {
	case "id", "bank", "type", "given", "answer", "unreadable", "unseen", "self_check", "self_check_points":
		return true
	}
	return false
}

func ownWordsTop(key string) bool {
	return key == "schema_version" || key == "seed" || key == "started_at"
}

func ownWordsQuestion(key string) bool {
	return key == "seconds" || key == "cut_off" || key == "self_check_cut_off"
}

// vet checks the value at s against the shape of parent's field key (named
// prefix+key in a problem). A value the caller reads (reads) is put back for
// it; one it would pass over is passed over here (done). Nothing is checked
// when parent is nil or has no such field.
func (s *jsonScanner) vet(parent *shape, key, prefix string, reads bool) (done bool, err error) {
	f, name := parent.field(key)
	if name != "" {
		err := otherCase(s.pos, key, name).(*fieldError)
		err.field = prefix + key
		return true, err
	}
	if f == nil || reads && f.kind == reflect.Interface {
		return false, nil
	}
	c := s.peek()
	start := s.pos
	if reads && (f.kind == reflect.String && !f.time || f.kind == reflect.Bool) {
		// Its first byte says all: no need to scan it twice.
		if c == 'n' || !startsValue(c) || f.kind == reflect.String && c == '"' || f.kind == reflect.Bool && (c == 't' || c == 'f') {
			return false, nil
		}
		return true, &fieldError{offset: start, field: prefix + key, msg: WrongKind(scanKind(c), f.want)}
	}
	if err := s.check(f, 1); err != nil {
		if fe, ok := err.(*fieldError); ok {
			fe.in(key)
			fe.field = prefix + fe.field
		}
		return true, err
	}
	if reads {
		s.pos = start
		return false, nil
	}
	return true, nil
}

// reportProblem is a report's problem: a field that does not hold what it
// should, named at its line, or JSON that does not read, where it stopped.
func reportProblem(file string, data []byte, pos int, err error) quiz.Problem {
	if fe, ok := err.(*fieldError); ok {
		lines := lineCounter{data: data}
		return quiz.Problem{File: file, Line: lines.at(fe.offset), Question: fe.question, Field: fe.field, Msg: fe.msg}
	}
	line := 1 + bytes.Count(data[:min(pos, len(data))], []byte("\n"))
	return quiz.Problem{File: file, Line: line, Msg: "not a conflictq quiz report: " + err.Error()}
}

// maxReportNumber bounds a report's fractions (scores, points, times), far
// above any a quiz writes: 1e308 reads as a float64, but mark, working out
// the percent again, would reach +Inf and fail to save a mark the teacher
// had typed (attack10 #5). Refused up front, by grade and mark alike.
const maxReportNumber = 1e12

// check reads a value that must have shape sh. null is taken anywhere, as
// encoding/json leaves the field as it was. A fieldError's field is named
// on the way out (in), so that a good report costs no names.
func (s *jsonScanner) check(sh *shape, depth int) error {
	if depth > maxDepth {
		return s.tooDeep()
	}
	c := s.peek()
	start := s.pos
	if c == 'n' || sh.kind == reflect.Interface || !startsValue(c) {
		return s.skip(depth) // null is taken; broken JSON is refused as such
	}
	wrong := func() error { return &fieldError{offset: start, msg: WrongKind(scanKind(c), sh.want)} }
	switch sh.kind {
	case reflect.Bool:
		if c != 't' && c != 'f' {
			return wrong()
		}
	case reflect.String:
		if c != '"' {
			return wrong()
		}
		if !sh.time {
			return s.skipString()
		}
		t, err := s.str()
		if err != nil {
			return err
		}
		if _, err := time.Parse(time.RFC3339, t); err != nil {
			return &fieldError{offset: start, msg: fmt.Sprintf("%q is not %s", t, sh.want)}
		}
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		if c != '-' && (c < '0' || c > '9') {
			return wrong()
		}
		t, err := s.number()
		if err != nil {
			return err
		}
		switch sh.kind {
		case reflect.Float32, reflect.Float64:
			var f float64
			if f, err = strconv.ParseFloat(t, sh.bits); err == nil && math.Abs(f) > maxReportNumber {
				return &fieldError{offset: start, msg: fmt.Sprintf("%s is out of range for a report (at most 1e12)", t)}
			}
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			_, err = strconv.ParseUint(t, 10, sh.bits)
		default:
			_, err = strconv.ParseInt(t, 10, sh.bits)
		}
		if err != nil {
			return &fieldError{offset: start, msg: NumberMisfit(t, sh.want)}
		}
		return nil
	case reflect.Slice, reflect.Array:
		if c != '[' {
			return wrong()
		}
		i := 0
		return s.array(func() error {
			s.peek()
			at := s.pos
			err := s.check(sh.elem, depth+1)
			if fe, ok := err.(*fieldError); ok {
				fe.in(fmt.Sprintf("[%d]", i))
				if fe.question == "" && sh.elem.kind == reflect.Struct {
					fe.question = s.idAt(at)
				}
			}
			i++
			return err
		})
	case reflect.Map, reflect.Struct:
		if c != '{' {
			return wrong()
		}
		return s.object(func(k string) error {
			el := sh.elem
			if sh.kind == reflect.Struct {
				var name string
				if el, name = sh.field(k); name != "" {
					return otherCase(s.pos, k, name)
				}
			}
			if el == nil {
				return s.skip(depth + 1)
			}
			err := s.check(el, depth+1)
			if fe, ok := err.(*fieldError); ok {
				fe.in(k)
			}
			return err
		})
	}
	return s.skip(depth)
}

// in names the field a fieldError is in: the key or [index] around it.
func (e *fieldError) in(name string) {
	switch {
	case e.field == "":
		e.field = name
	case e.field[0] == '[':
		e.field = name + e.field
	default:
		e.field = name + "." + e.field
	}
}

// idAt is the id of the object at offset, or "".
func (s *jsonScanner) idAt(offset int) string {
	r := &jsonScanner{data: s.data, pos: offset}
	var id string
	r.object(func(k string) error {
		if k == "id" && r.peek() == '"' {
			id, _ = r.str()
			return nil
		}
		return r.skip(0)
	})
	return id
}
