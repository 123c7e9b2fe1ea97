package text

import (
	"unicode"
	"unicode/utf8"
)

// Words is how many words s has: len(strings.Fields(s)), counted without
// making the list (a bank's validation counts every citation's quote), an
// ASCII byte read as the byte it is.
func Words(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = c == ' ' || c >= '\t' && c <= '\r'
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}
