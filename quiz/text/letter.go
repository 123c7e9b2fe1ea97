package text

import "strings"

// Letter names option k (from 0) as conflictq writes it: a, b, … z, then aa,
// ab, … as spreadsheets name columns. quiz.Question.Validate keeps every
// question within z; the rest is for safety, and LetterIndex reads it back.
func Letter(k int) string {
	if k < 26 {
		return string(rune('a' + k))
	}
	return Letter(k/26-1) + Letter(k%26)
}

// LetterIndex reads an option's letter as Letter writes it, in either case
// and with an optional ")" after it: "b", "B)", "aa". It returns the option's
// index, or false.
func LetterIndex(s string) (int, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), ")")
	if s == "" || len(s) > 3 {
		return 0, false
	}
	k := 0
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20 // ASCII lower case
		if c < 'a' || c > 'z' {
			return 0, false
		}
		k = k*26 + int(c-'a') + 1
	}
	return k - 1, true
}

// LetterRange names the letters of n options: "a-d".
func LetterRange(n int) string {
	if n < 1 {
		return "a, b, ..."
	}
	return "a-" + Letter(n-1)
}
