package moodlexml

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// plainTextBefore is plainText as it was before it skipped to the first
// byte an eight-byte test flagged: the oracle plainText must agree with.
func plainTextBefore(data []byte) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for i := 0; i < len(data); {
		if i+8 <= len(data) {
			if w := binary.LittleEndian.Uint64(data[i:]); (w-0x20*ones)&^w&highs == 0 && w&highs == 0 {
				i += 8
				continue
			}
		}
		c := data[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 || r == 0xfffe || r == 0xffff {
			return false
		}
		i += size
	}
	return true
}

// plainText judges every text as the byte-at-a-time test after each
// failed eight-byte one did: random texts of the bytes that matter at
// every offset (controls, tab, newline, carriage return, 0x1f, 0x20, 0x7f,
// 0x80, characters of two to four bytes, U+FFFE, U+FFFF, cut and stray
// continuation bytes), every built-in bank's export and the repository's
// XML files.
func TestPlainTextAgreesWithByteByByte(t *testing.T) {
	pieces := []string{"a", "Z", " ", "~", "\x7f", "\t", "\n", "\r", "\x00", "\x1f", "\x20", "ı", "Ə", "—", "😀",
		"\uFFFE", "\uFFFF", "\uFFFD", "\x80", "\xbf", "\xc3", "\xe2\x80", "\xf0\x9f", "\xff", "<a>", "&amp;", "plain words"}
	r := rand.New(rand.NewPCG(29, 2))
	for n := range 60000 {
		var b []byte
		for range r.IntN(24) {
			if r.IntN(3) == 0 {
				b = append(b, pieces[r.IntN(len(pieces))]...)
			} else {
				b = append(b, "abcdefgh "[r.IntN(9)])
			}
		}
		if got, want := plainText(b), plainTextBefore(b); got != want {
			t.Fatalf("text %d %q: plainText %v, byte by byte %v", n, b, got, want)
		}
	}
	for name, data := range repoXML(t) {
		if got, want := plainText(data), plainTextBefore(data); got != want {
			t.Errorf("%s: plainText %v, byte by byte %v", name, got, want)
		}
	}
}
