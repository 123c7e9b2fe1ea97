package text

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// AppendJSONString appends s quoted as encoding/json quotes a string (with
// its HTML escaping): <, > and & as \u003c, \u003e and \u0026, control
// characters escaped, an invalid byte as \ufffd, U+2028 and U+2029 escaped.
// The files written by hand rather than by encoding/json's reflection
// (progress --json, grade --sums), which every run would otherwise set up
// again, quote their strings with it; TestAppendJSONAsEncodingJSON holds it
// to encoding/json.
func AppendJSONString(b []byte, s string) []byte { return appendJSONString(b, s, true) }

// AppendJSONText appends s quoted as encoding/json quotes a string with
// SetEscapeHTML(false), as WriteJSON writes them: AppendJSONString but for
// <, > and &, which stay as they are.
func AppendJSONText(b []byte, s string) []byte { return appendJSONString(b, s, false) }

func appendJSONString(b []byte, s string, html bool) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
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

// AppendJSONFloat appends a finite f as encoding/json writes a float64 (the
// caller refuses NaN and the infinities, as encoding/json does).
func AppendJSONFloat(b []byte, f float64) []byte {
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
