package quiz

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestSplitShortPartsIsItsPattern holds splitShortParts to the regular
// expression it replaced, on hand-picked answers and on random ones built
// of separators, joining words in every case, Unicode spaces and dashes,
// and invalid UTF-8.
func TestSplitShortPartsIsItsPattern(t *testing.T) {
	re := regexp.MustCompile(shortPartsPattern)
	check := func(s string) {
		t.Helper()
		if got, want := splitShortParts(s), re.Split(s, -1); !slices.Equal(got, want) {
			t.Fatalf("splitShortParts(%q) = %q, the expression %q", s, got, want)
		}
	}
	for _, s := range []string{"", " ", "Khojaly", "Khojaly (Xocalı)", "Khojaly / Xocalı", "Khojaly or Xocali", "Khojaly OR Xocali",
		"Khojaly, Xocali", "Khojaly; Xocalı", "Khojaly and Xocalı", "Khojaly - Xocalı", "Khojaly – Xocalı", "Khojaly — Xocalı",
		"Nagorno-Karabakh", "orange and", "and or", " or ", "a or or b", "a  -  b", "a - - b", "a -or b", "a\tor\nb", "a\u00a0or b",
		"a or\u00a0b", "a\vor b", "x AnD y", "x aNd", "x andy", "x or", "(a)", "[a](b)", "a\xe2 or b", "a or \xe2\x80", "\u2013 a"} {
		check(s)
	}
	pieces := []string{"a", "Kh", "or", "OR", "Or", "and", "AND", "aNd", "an", "o", "-", "–", "—", "\u2012", " ", "  ", "\t", "\n", "\r",
		"\f", "\v", "\u00a0", "\u2028", "(", ")", "[", "]", "/", ",", ";", "ı", "\xff", "\xe2\x80", "K", "x"}
	r := rand.New(rand.NewPCG(13, 25))
	for range 100000 {
		var b strings.Builder
		for range r.IntN(14) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		check(b.String())
	}
}

// FuzzSplitShortParts is TestSplitShortPartsIsItsPattern on the fuzzer's
// answers.
func FuzzSplitShortParts(f *testing.F) {
	re := regexp.MustCompile(shortPartsPattern)
	f.Add("Khojaly or Xocalı (Xocali) - x")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := splitShortParts(s), re.Split(s, -1); !slices.Equal(got, want) {
			t.Fatalf("splitShortParts(%q) = %q, the expression %q", s, got, want)
		}
	})
}
