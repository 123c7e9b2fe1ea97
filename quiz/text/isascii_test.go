package text

import (
	"math/rand/v2"
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
