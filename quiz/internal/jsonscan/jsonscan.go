// Package jsonscan holds the lexing the hand-written JSON readers share: the
// answer-sheet scanner (quiz/sheet/scan.go) and the sums reader
// (quiz/stats/sumsscan.go). Each reads its own shapes; what a JSON number is,
// and where a string's plain run ends, is decided here once, and
// TestNumberAsEncodingJSON holds it to encoding/json.
package jsonscan

import (
	"math/bits"

	"github.com/conflictq/conflictq/quiz/internal/ascii8"
)

// Number reads a JSON number starting at b[i]: -?(0|[1-9][0-9]*), then, unless
// integer, an optional fraction .[0-9]+ and exponent [eE][+-]?[0-9]+. It
// returns where the number ends and true, or where it stopped and false when
// what it read is no number (a sign alone, "1.", "1e+"). It reads the longest
// number there: what follows (a second 0 after "0", a comma) is the caller's.
func Number(b []byte, i int, integer bool) (end int, ok bool) {
	digits := func() bool {
		j := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		return i > j
	}
	if i < len(b) && b[i] == '-' {
		i++
	}
	if i < len(b) && b[i] == '0' {
		i++
	} else if !digits() {
		return i, false
	}
	if integer {
		return i, true
	}
	if i < len(b) && b[i] == '.' {
		i++
		if !digits() {
			return i, false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if !digits() {
			return i, false
		}
	}
	return i, true
}

// PlainEnd returns the index of the first byte at or after b[i] that ends a
// string's plain run, one its reader must look at: the closing quote, a
// backslash or a control character (which JSON refuses in a string); or
// len(b) when there is none.
//
// Eight bytes are tested at a time (ascii8): a string is mostly plain ASCII,
// and a class's JSON lines, a byte at a time, spent 6.6% of grading them
// here. A test flags the bytes to stop at and every byte over 0x7F, which
// is looked at alone (the bytes before the first flag passed).
func PlainEnd(b []byte, i int) int {
	for i < len(b) {
		if i+8 <= len(b) {
			w := ascii8.LoadBytes(b[i : i+8])
			m := ascii8.Flags(ascii8.Below(w, 0x20) | ascii8.Is(w, '"') | ascii8.Is(w, '\\') | w)
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) >> 3
		}
		if c := b[i]; c == '"' || c == '\\' || c < 0x20 {
			return i
		}
		i++
	}
	return i
}
