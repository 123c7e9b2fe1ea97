package jsonw

import (
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/conflictq/conflictq/quiz/internal/ascii8"
)

// AppendString appends s quoted as encoding/json quotes a string:
// control characters escaped, an invalid byte as \ufffd, U+2028 and U+2029
// escaped; with EscapeHTML also <, > and & as \u003c, \u003e and \u0026,
// as json.Marshal does, and without it as text.WriteJSON writes them (an Encoder
// with SetEscapeHTML(false)). The files written by hand rather than by
// encoding/json's reflection (progress --json, grade --sums, grade --format
// json and gradescope, a quiz's JSON report), which every run would
// otherwise set up again, quote their strings with it;
// TestAppendJSONAsEncodingJSON holds it to encoding/json.
func AppendString(b []byte, s string, opts ...Option) []byte {
	const hex = "0123456789abcdef"
	html := len(opts) > 0 && slices.Contains(opts, EscapeHTML)
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if !html && i+8 <= len(s) && plain8(s[i:i+8]) {
			i += 8
			continue
		}
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && (!html || c != '<' && c != '>' && c != '&') {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// plain8 reports whether the 8 bytes of s are ASCII that AppendString
// copies as they are (no control, quote or backslash), tested together in
// one word: a report's text is mostly such runs, and a byte at a time took
// most of writing a report.
func plain8(s string) bool {
	x := ascii8.Load(s)
	return ascii8.Flags(ascii8.Below(x, 0x20)|ascii8.Is(x, '"')|ascii8.Is(x, '\\')|x) == 0
}

// AppendFloat appends a finite f as encoding/json writes a float64 (the
// caller refuses NaN and the infinities, as encoding/json does).
func AppendFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	start := len(b)
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' { // e-09 as e-9
		if n := len(b); n-start >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// AppendNumber appends f as AppendFloat does, or fails as
// encoding/json fails on NaN and the infinities, word for word, appending
// nothing.
func AppendNumber(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, &json.UnsupportedValueError{Value: reflect.ValueOf(f), Str: strconv.FormatFloat(f, 'g', -1, 64)}
	}
	return AppendFloat(b, f), nil
}

// AppendTime appends t as encoding/json writes a time.Time (its
// MarshalJSON), or fails as encoding/json fails on a year it cannot write,
// word for word, appending nothing.
func AppendTime(b []byte, t time.Time) ([]byte, error) {
	data, err := t.MarshalJSON()
	if err != nil {
		return b, &json.MarshalerError{Type: reflect.TypeFor[time.Time](), Err: err}
	}
	return append(b, data...), nil
}

// Float is a member's key, as written before its value (`,"score":`),
// and its float, for AppendFloats.
type Float struct {
	Key string
	V   float64
}

// AppendFloats appends each key and its float (AppendNumber),
// stopping at the first that encoding/json would refuse.
func AppendFloats(b []byte, fs ...Float) ([]byte, error) {
	var err error
	for _, f := range fs {
		if b, err = AppendNumber(append(b, f.Key...), f.V); err != nil {
			return b, err
		}
	}
	return b, nil
}

// AppendStrings appends ss as encoding/json writes a []string: null
// for nil, else the strings quoted (AppendString, with opts).
func AppendStrings(b []byte, ss []string, opts ...Option) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = AppendString(b, s, opts...)
	}
	return append(b, ']')
}

// AppendList appends list as encoding/json writes a slice: null for
// nil, else each element as each appends it (a method expression such as
// (*Item).appendJSON), stopping at the first error.
func AppendList[T any](b []byte, list []T, each func(v *T, b []byte) ([]byte, error)) ([]byte, error) {
	if list == nil {
		return append(b, "null"...), nil
	}
	b = append(b, '[')
	var err error
	for i := range list {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = each(&list[i], b); err != nil {
			return b, err
		}
	}
	return append(b, ']'), nil
}

// AppendOmitEmpty appends key and s quoted (with opts), as encoding/json
// writes a field tagged omitempty: nothing when s is empty.
func AppendOmitEmpty(b []byte, key, s string, opts ...Option) []byte {
	if s == "" {
		return b
	}
	return AppendString(append(b, key...), s, opts...)
}

// AppendMap appends m as encoding/json writes a map with string keys:
// null for nil, else its keys sorted, each with its value as each appends
// it, stopping at the first error.
func AppendMap[V any](b []byte, m map[string]V, each func(b []byte, v V) ([]byte, error)) ([]byte, error) {
	if m == nil {
		return append(b, "null"...), nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = append(b, '{')
	var err error
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = each(append(AppendString(b, k), ':'), m[k]); err != nil {
			return b, err
		}
	}
	return append(b, '}'), nil
}
