package text

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// normalizeBefore is Normalize's loop as it read ASCII text before ASCII
// took a loop of its own: the oracle for it.
func normalizeBefore(s string) string {
	b := make([]byte, 0, len(s))
	space := false
	for _, r := range s {
		if r >= utf8.RuneSelf {
			panic("normalizeBefore is the oracle for ASCII only")
		}
		c := asciiFolds[r]
		if c == 0 {
			space = true
			continue
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = append(b, c)
	}
	return string(b)
}

// symbolsBefore is symbols as it read ASCII text before it wrote to a
// builder.
func symbolsBefore(s string) string {
	var out []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ' || c >= '\t' && c <= '\r' {
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

// Normalize, symbols and AccentsKey give for ASCII text what they gave
// before it had a loop of its own: every ASCII character alone, and random
// texts of all of them, runs of separators at the ends included.
func TestNormalizeASCIIAsBefore(t *testing.T) {
	texts := []string{"", " ", "  a  ", "-", "C++", "C#", "C", "Nagorno-Karabakh", "a\tb\nc\rd", "\x00a\x7f", "--a--b--",
		"a", "baku", "nagorno karabakh", "a b", "a  b", " a", "a ", "1992", "x1 y2"}
	for c := range utf8.RuneSelf {
		texts = append(texts, string(rune(c)), "a"+string(rune(c))+"b", string(rune(c))+"Z9")
	}
	r := rand.New(rand.NewPCG(29, 6))
	for range 50000 {
		var b strings.Builder
		for n := r.IntN(16); n >= 0; n-- {
			if r.IntN(2) == 0 {
				b.WriteByte(byte(r.IntN(utf8.RuneSelf)))
			} else {
				b.WriteString([]string{"Xocali", " ", "  ", "-", "'s", "C++", "1992", "\t", "\n"}[r.IntN(9)])
			}
		}
		texts = append(texts, b.String())
		// Texts already folded, or one character from it: normalASCII's.
		b.Reset()
		for n := r.IntN(12); n >= 0; n-- {
			b.WriteByte("ab z9  A-"[r.IntN(9)])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		n, sym := normalizeBefore(s), symbolsBefore(s)
		if got := Normalize(s); got != n {
			t.Fatalf("Normalize(%q) = %q, before %q", s, got, n)
		}
		if got := symbols(s); got != sym {
			t.Fatalf("symbols(%q) = %q, before %q", s, got, sym)
		}
		want := ""
		if n != "" {
			want = n + "\x00" + sym
		}
		if got := AccentsKey(s); got != want {
			t.Fatalf("AccentsKey(%q) = %q, before %q", s, got, want)
		}
	}
}

// Text already folded is returned as it is: no copy (review13-s29 L2: a
// one-letter answer allocated once the ASCII loop wrote to a builder).
func TestNormalizeFoldedAllocatesNothing(t *testing.T) {
	for _, s := range []string{"a", "baku", "nagorno karabakh 1992"} {
		if n := testing.AllocsPerRun(100, func() { _ = Normalize(s) }); n != 0 {
			t.Errorf("Normalize(%q): %v allocations, want 0", s, n)
		}
	}
}
