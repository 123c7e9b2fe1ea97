package yamlnode

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/conflictq/conflictq/quiz/internal/ascii8"
)

// printableBefore is printable as it was before it moved to the first byte
// that failed a test of eight: on a failed test, one byte looked at alone
// and the next eight tested from the byte after it. The oracle.
func printableBefore(b []byte, extra byte, bom bool) bool {
	for i := 0; i < len(b); {
		if i+8 <= len(b) && notText(ascii8.LoadBytes(b[i:i+8])) == 0 {
			i += 8
			continue
		}
		c := b[i]
		if c >= 0x20 && c < 0x7F || c == extra {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return false
		}
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1, r == 0x85, r == 0x2028, r == 0x2029, r == 0xFEFF && !bom:
			return false
		case r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		default:
			return false
		}
		i += size
	}
	return true
}

// printable answers as printableBefore on texts of every length made of
// printable runs and the bytes and characters it looks at alone: line
// breaks, tabs, controls, DEL, every kind of UTF-8 and broken UTF-8, a byte
// order mark, with each extra byte and bom either way.
func TestPrintableAsBefore(t *testing.T) {
	pieces := []string{"a", "abcdefgh", "Khojaly (Xocalı)", " ", "~", "\n", "\t", "\r", "\x00", "\x1f", "\x7f",
		"\u00a0", "ə", "Ходжалы", "\u0085", "\u2028", "\u2029", "\ufeff", "\ufffd", "\ufffe", "\uffff", "\U0001F600",
		"\xed\xa0\x80", "\xc2", "\xe2\x80", "\xf0\x9f\x98", "\x80", "\xff", "# a comment, of some length\n"}
	r := rand.New(rand.NewPCG(30, 2))
	tested, yes := 0, 0
	for range 200_000 {
		var b []byte
		for n := r.IntN(12); n > 0; n-- {
			if r.IntN(3) == 0 {
				b = append(b, pieces[r.IntN(len(pieces))]...)
			} else {
				b = append(b, pieces[r.IntN(4)]...)
			}
		}
		for _, extra := range []byte{'\n', '\t', 0} {
			for _, bom := range []bool{false, true} {
				got, want := printable(b, extra, bom), printableBefore(b, extra, bom)
				if got != want {
					t.Fatalf("printable(%q, %q, %v) = %v, before %v", b, extra, bom, got, want)
				}
				tested++
				if got {
					yes++
				}
			}
		}
	}
	if yes < tested/5 || yes > tested*4/5 {
		t.Fatalf("%d of %d texts printable: the check proves little", yes, tested)
	}
}
