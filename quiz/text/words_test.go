package text

import (
	"strings"
	"testing"
)

// Words counts as len(strings.Fields) does: on every kind of space, wide
// text and broken UTF-8, alone and in 20,000 random strings.
func TestWordsAsFields(t *testing.T) {
	pieces := []string{"a", "word", " ", "  ", "\t", "\n", "\v", "\f", "\r", "\u0085", "\u00a0", "\u1680", "\u2000", "\u2028", "\u3000",
		"\u200b", "é", "Xocalı", "“", "\xff", "\xe2\x80", "-", "¶4"}
	eachText(76, pieces, 10, func(s string) {
		if got, want := Words(s), len(strings.Fields(s)); got != want {
			t.Fatalf("Words(%q) = %d, strings.Fields %d", s, got, want)
		}
	})
}
