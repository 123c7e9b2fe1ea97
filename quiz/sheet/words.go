package sheet

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
)

// The words a report's reader says a field holds the wrong kind of value
// with: "seed: text where a whole number belongs". The scanner (grade) and
// report.Read's typed check (mark) both use them, so that one hand-edited
// report gets one message from either command.

// Words for what a field holds, as TypeWord says them.
const (
	wantText   = "text"
	wantBool   = "true or false"
	wantWhole  = "a whole number"
	wantNumber = "a number"
	wantTime   = "a time (as 2026-12-01T09:00:00Z)"
)

// KindWord names a JSON value's kind as encoding/json's UnmarshalTypeError
// reports it ("string", "bool", "array", "object", "number 2.5").
func KindWord(v string) string {
	switch {
	case v == "string":
		return "text"
	case v == "bool":
		return "true or false"
	case v == "array":
		return "a list"
	case v == "object":
		return "an object ({...})"
	case strings.HasPrefix(v, "number"):
		return "a number"
	}
	return v
}

// TypeWord names what a Go type holds, for a user.
func TypeWord(t reflect.Type) string {
	if t.String() == "time.Time" {
		return wantTime
	}
	switch t.Kind() {
	case reflect.Bool:
		return wantBool
	case reflect.String:
		return wantText
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return wantWhole
	case reflect.Float32, reflect.Float64:
		return wantNumber
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "an object ({...})"
	case reflect.Pointer:
		return TypeWord(t.Elem())
	}
	return "another value"
}

// WrongKind is the message for a value of one kind where another belongs:
// "text where a number belongs". A number where a number belongs is one
// that does not fit (NumberMisfit).
func WrongKind(kind, want string) string {
	return fmt.Sprintf("%s where %s belongs", kind, want)
}

// NumberMisfit says why a JSON number does not fit where want belongs:
// "2.5 is not a whole number", "1e999 is out of range for a number".
func NumberMisfit(number, want string) string {
	f, err := strconv.ParseFloat(number, 64)
	if err == nil && strings.HasPrefix(want, wantWhole) && f != math.Trunc(f) {
		return fmt.Sprintf("%s is not a whole number", number)
	}
	return fmt.Sprintf("%s is out of range for %s", number, want)
}

// startsValue reports whether c can begin a JSON value: what does not is
// left to the scanner to refuse as broken JSON, not named as a kind.
func startsValue(c byte) bool {
	return c == '"' || c == 't' || c == 'f' || c == 'n' || c == '[' || c == '{' || c == '-' || c >= '0' && c <= '9'
}

// scanKind names the kind of the JSON value the scanner is at, in
// KindWord's words; c is its first byte (startsValue).
func scanKind(c byte) string {
	switch {
	case c == '"':
		return KindWord("string")
	case c == 't' || c == 'f':
		return KindWord("bool")
	case c == '[':
		return KindWord("array")
	case c == '{':
		return KindWord("object")
	case c == 'n':
		return "null"
	}
	return KindWord("number")
}

// fieldError is a report field that holds the wrong kind of value, or a
// value that does not fit, at offset: ReadReport names the field and the
// line.
type fieldError struct {
	offset   int
	question string // the id of the question it is in, when known
	field    string
	msg      string
}

func (e *fieldError) Error() string { return e.field + ": " + e.msg }
