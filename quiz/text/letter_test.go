package text

import "testing"

func TestLetterRoundTrip(t *testing.T) {
	for k, want := range map[int]string{0: "a", 25: "z", 26: "aa", 27: "ab", 701: "zz", 702: "aaa"} {
		if got := Letter(k); got != want {
			t.Errorf("Letter(%d) = %q, want %q", k, got, want)
		}
	}
	for k := range 1000 {
		if i, ok := LetterIndex(Letter(k)); !ok || i != k {
			t.Errorf("LetterIndex(Letter(%d)) = %d, %v", k, i, ok)
		}
	}
	for _, s := range []string{"B)", " b "} {
		if i, ok := LetterIndex(s); !ok || i != 1 {
			t.Errorf("LetterIndex(%q) = %d, %v", s, i, ok)
		}
	}
	for _, s := range []string{"", "1", "a1", "{", "abcd", "é"} {
		if _, ok := LetterIndex(s); ok {
			t.Errorf("LetterIndex(%q) read a letter", s)
		}
	}
	if got := LetterRange(4); got != "a-d" {
		t.Errorf("LetterRange(4) = %q", got)
	}
}
