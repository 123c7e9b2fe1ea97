package text

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// isASCIIBefore is isASCII as it was, a byte at a time: the oracle.
func isASCIIBefore(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isASCII, eight bytes at a time, answers as a byte at a time does: for
// every byte value in every place of texts of every length up to 40, and
// for random texts.
func TestIsASCIIAsBefore(t *testing.T) {
	check := func(s string) {
		if got, want := isASCII(s), isASCIIBefore(s); got != want {
			t.Fatalf("isASCII(%q) = %v, before %v", s, got, want)
		}
	}
	for n := range 41 {
		b := []byte(string(make([]byte, n)))
		for i := range b {
			b[i] = 'a' + byte(i%26)
		}
		check(string(b))
		for i := range n {
			for _, c := range []byte{0, 0x7f, 0x80, 0xc4, 0xff} {
				was := b[i]
				b[i] = c
				check(string(b))
				b[i] = was
			}
		}
	}
	r := rand.New(rand.NewPCG(30, 4))
	for range 100_000 {
		b := make([]byte, r.IntN(30))
		for i := range b {
			b[i] = byte(r.IntN(0x80))
			if r.IntN(40) == 0 {
				b[i] = byte(0x80 + r.IntN(0x80))
			}
		}
		check(string(b))
	}
	for _, s := range []string{"", "Şuşa", "Xocalı", "Khojaly (Xocalı)", "Ходжалы", "It was located near an airfield"} {
		check(s)
	}
}

// withinOneEditBefore is WithinOneEdit as it was, comparing the rest of the
// runes as strings made of them: the oracle.
func withinOneEditBefore(a, b string) bool {
	if a == b {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(rb)-len(ra) > 1 {
		return false
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	if len(ra) == len(rb) {
		if string(ra[i+1:]) == string(rb[i+1:]) {
			return true
		}
		return i+1 < len(ra) && ra[i] == rb[i+1] && ra[i+1] == rb[i] && string(ra[i+2:]) == string(rb[i+2:])
	}
	return string(ra[i:]) == string(rb[i+1:])
}

// WithinOneEdit answers as the one before did (and panics where it did) on
// pairs of texts one or two edits apart, of ASCII, accented and Cyrillic
// letters, U+FFFD and invalid bytes.
func TestWithinOneEditAsBefore(t *testing.T) {
	alphabet := []string{"a", "b", "c", "x", "ı", "ə", "Ş", "ж", "\ufffd", "\xff", "\xe2\x80", "1", " "}
	answer := func(f func(a, b string) bool, a, b string) (got string) {
		defer func() {
			if recover() != nil {
				got = "panic"
			}
		}()
		if f(a, b) {
			return "true"
		}
		return "false"
	}
	r := rand.New(rand.NewPCG(30, 5))
	yes := 0
	for range 200_000 {
		var a []string
		for n := r.IntN(8); n > 0; n-- {
			a = append(a, alphabet[r.IntN(len(alphabet))])
		}
		b := slices.Clone(a)
		for n := r.IntN(3); n > 0; n-- {
			at := r.IntN(len(b) + 1)
			switch r.IntN(3) {
			case 0:
				b = slices.Insert(b, at, alphabet[r.IntN(len(alphabet))])
			case 1:
				if at < len(b) {
					b = slices.Delete(b, at, at+1)
				}
			case 2:
				if at+1 < len(b) {
					b[at], b[at+1] = b[at+1], b[at]
				}
			}
		}
		sa, sb := strings.Join(a, ""), strings.Join(b, "")
		got, want := answer(WithinOneEdit, sa, sb), answer(withinOneEditBefore, sa, sb)
		if got != want {
			t.Fatalf("WithinOneEdit(%q, %q) = %s, before %s", sa, sb, got, want)
		}
		if got == "true" {
			yes++
		}
	}
	if yes < 50_000 {
		t.Fatalf("only %d pairs within one edit: the check proves little", yes)
	}
}
