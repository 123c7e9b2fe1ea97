package text

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// Words counts as len(strings.Fields) does: on every kind of space, wide
// text and broken UTF-8, alone and in 20,000 random strings.
func TestWordsAsFields(t *testing.T) {
	pieces := []string{"a", "word", " ", "  ", "\t", "\n", "\v", "\f", "\r", "\u0085", "\u00a0", "\u1680", "\u2000", "\u2028", "\u3000",
		"\u200b", "é", "Xocalı", "“", "\xff", "\xe2\x80", "-", "¶4"}
	r := rand.New(rand.NewPCG(27, 76))
	for i := range 20000 {
		var b strings.Builder
		for range r.IntN(10) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if i < len(pieces) {
			s = pieces[i]
		}
		if got, want := Words(s), len(strings.Fields(s)); got != want {
			t.Fatalf("Words(%q) = %d, strings.Fields %d", s, got, want)
		}
	}
}
