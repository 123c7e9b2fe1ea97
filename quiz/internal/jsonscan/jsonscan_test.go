package jsonscan

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// isNumber is encoding/json's word on whether s is one JSON number, alone.
func isNumber(s string) bool {
	return s != "" && (s[0] == '-' || s[0] >= '0' && s[0] <= '9') && s[len(s)-1] > ' ' && json.Valid([]byte(s))
}

// checkNumber fails unless Number takes s whole exactly when encoding/json
// reads it as a number, and, with integer, exactly when it is one without a
// fraction or exponent.
func checkNumber(t *testing.T, s string) {
	t.Helper()
	end, ok := Number([]byte(s), 0, false)
	if want := isNumber(s); (ok && end == len(s)) != want {
		t.Errorf("Number(%q) = %d, %v; encoding/json says a number: %v", s, end, ok, want)
	}
	if end > len(s) || ok && !isNumber(s[:end]) {
		t.Errorf("Number(%q) took %d bytes, not a number to encoding/json", s, end)
	}
	iend, iok := Number([]byte(s), 0, true)
	plain := true
	for _, c := range []byte(s) {
		plain = plain && (c == '-' || c >= '0' && c <= '9')
	}
	if want := plain && isNumber(s); (iok && iend == len(s)) != want {
		t.Errorf("Number(%q, integer) = %d, %v; want whole: %v", s, iend, iok, want)
	}
}

func TestNumberAsEncodingJSON(t *testing.T) {
	for _, s := range []string{
		"0", "-0", "1", "-1", "10", "1.5", "-0.0", "0e0", "1E+2", "1e-2", "123456789012345678901234567890", "1e400",
		"", "-", "+1", "01", "-01", "00", ".5", "1.", "1.e2", "1e", "1e+", "1E-", "--1", "0x1", "1.5.5", "1e2e3", " 1", "1 ", "NaN", "Infinity", "1_000",
	} {
		checkNumber(t, s)
	}
	rng := rand.New(rand.NewPCG(26, 1))
	const alphabet = "0123456789-+.eE x"
	for range 10000 {
		b := make([]byte, 1+rng.IntN(8))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		checkNumber(t, string(b))
	}
}

// What comes before PlainEnd, quoted, is a string encoding/json reads as
// those very bytes (when they are UTF-8), and the byte at PlainEnd is one it
// reads otherwise: the closing quote, an escape or a refused control byte.
func TestPlainEndAsEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(26, 2))
	const alphabet = "ab é\"\\\x00\x01\x1f\t\n/<"
	for range 10000 {
		b := make([]byte, rng.IntN(10))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		end := PlainEnd(b, 0)
		run := b[:end]
		if utf8.Valid(run) {
			var got string
			if err := json.Unmarshal([]byte(`"`+string(run)+`"`), &got); err != nil || got != string(run) {
				t.Errorf("PlainEnd(%q) = %d: encoding/json reads %q as %q, %v", b, end, run, got, err)
			}
		}
		if end < len(b) {
			var got string
			err := json.Unmarshal([]byte(`"`+string(b[:end+1])+`"`), &got)
			if err == nil && got == string(b[:end+1]) {
				t.Errorf("PlainEnd(%q) = %d, but encoding/json reads the byte there as itself", b, end)
			}
		} else if end != len(b) {
			t.Errorf("PlainEnd(%q) = %d past the end", b, end)
		}
	}
}

// plainEndBefore is PlainEnd as it was, a byte at a time: the oracle.
func plainEndBefore(b []byte, i int) int {
	for ; i < len(b); i++ {
		if c := b[i]; c == '"' || c == '\\' || c < 0x20 {
			return i
		}
	}
	return i
}

// PlainEnd, eight bytes at a time, stops where a byte at a time stops: on
// texts of plain runs, quotes, backslashes, controls, DEL, UTF-8 and broken
// UTF-8, from every start.
func TestPlainEndAsBefore(t *testing.T) {
	pieces := []string{"a", "abcdefgh", "Khojaly (Xocalı)", " ", "\"", "\\", "\\\"", "\n", "\t", "\x00", "\x1f", "\x7f",
		"\u00a0", "ə", "Ходжалы", "\u2028", "\xff", "\xc2", "\x80", "!", "#", "}", "~"}
	r := rand.New(rand.NewPCG(30, 7))
	for range 100_000 {
		var b []byte
		for n := r.IntN(12); n > 0; n-- {
			if r.IntN(3) == 0 {
				b = append(b, pieces[r.IntN(len(pieces))]...)
			} else {
				b = append(b, pieces[r.IntN(3)]...)
			}
		}
		for i := 0; i <= len(b); i++ {
			if got, want := PlainEnd(b, i), plainEndBefore(b, i); got != want {
				t.Fatalf("PlainEnd(%q, %d) = %d, before %d", b, i, got, want)
			}
		}
	}
}
