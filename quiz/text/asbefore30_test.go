package text

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
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
	for range 80_000 {
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
	if yes < 20_000 {
		t.Fatalf("only %d pairs within one edit: the check proves little", yes)
	}
}

// sameButCaseBefore is SameButCase as it was, before it passed over a text
// more than four times as long as an ASCII one: the oracle.
func sameButCaseBefore(a, b string) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	if isASCII(a) && isASCII(b) {
		return false
	}
	return strings.EqualFold(norm.NFC.String(a), norm.NFC.String(b))
}

// The characters that fold to an ASCII letter (strings.EqualFold pairs
// them) are the ASCII letters, ſ and the Kelvin sign; NFC replaces the
// Kelvin sign wherever it stands, and keeps ASCII and ſ as they are, with
// no canonical decomposition: what SameButCase's shortcut rests on.
func TestFoldsToASCII(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF || r < utf8.RuneSelf {
			continue
		}
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if f < utf8.RuneSelf && r != 'ſ' && r != '\u212A' {
				t.Fatalf("%U folds to ASCII %q", r, f)
			}
		}
	}
	keeps := "ſ"
	for c := rune(0); c < utf8.RuneSelf; c++ {
		keeps += string(c)
	}
	for _, c := range keeps {
		if s := string(c); norm.NFC.String(s) != s || norm.NFD.String(s) != s {
			t.Fatalf("%U: NFC %q, NFD %q", c, norm.NFC.String(s), norm.NFD.String(s))
		}
	}
	for _, s := range []string{"\u212A", "a\u212A", "\u212A\u0301", "\u212A\u0323\u0301", "\u0301\u212A", "ſ\u212A"} {
		if strings.ContainsRune(norm.NFC.String(s), '\u212A') {
			t.Fatalf("NFC keeps the Kelvin sign in %q", s)
		}
	}
}

// SameButCase answers as the one before did on pairs of texts that differ
// in case, in composition, in Kelvin signs and long s's, in marks added or
// characters put in, in lengths up to and past four times the other's.
func TestSameButCaseAsBefore(t *testing.T) {
	pieces := []string{"a", "A", "k", "K", "\u212A", "s", "S", "ſ", "ẛ", "ſ\u0307", "Ş", "ş", "S\u0327", "ấ", "a\u0302\u0301",
		"\u0301", "\u0323", "ß", "ẞ", "ss", "İ", "ı", "i", "I", "σ", "ς", "Σ", "ж", "Ж", ";", "\u037E", "`", "\u1FEF",
		"\xff", "\ufffd", "1", " ", "Xocalı", "XOCALI", "khojaly", "Khojaly"}
	r := rand.New(rand.NewPCG(30, 6))
	word := func(n int) string {
		var b strings.Builder
		for ; n > 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	yes, passed := 0, 0
	check := func(a, b string) {
		for _, p := range [][2]string{{a, b}, {b, a}} {
			got, want := SameButCase(p[0], p[1]), sameButCaseBefore(p[0], p[1])
			if got != want {
				t.Fatalf("SameButCase(%q, %q) = %v, before %v", p[0], p[1], got, want)
			}
			if got {
				yes++
			}
			if len(p[1]) > 4*len(p[0]) && isASCII(p[0]) {
				passed++
			}
		}
	}
	for range 80_000 {
		a := word(1 + r.IntN(4))
		var b string
		switch r.IntN(4) {
		case 0:
			b = strings.ToUpper(a)
		case 1:
			b = norm.NFD.String(strings.ToLower(a))
		case 2:
			b = strings.NewReplacer("k", "\u212A", "K", "\u212A", "s", "ſ", "S", "ſ").Replace(a)
		default:
			b = word(1 + r.IntN(12))
		}
		check(a, b)
	}
	for _, a := range []string{"a", "k", "ks", "kK", "c", "3", ";"} {
		for range 2_000 {
			check(a, word(1+r.IntN(6)))
		}
		check(a, strings.Repeat("\u212A", len(a)))
	}
	if yes < 20_000 || passed < 4_000 {
		t.Fatalf("%d pairs the same and %d passed over: the check proves little", yes, passed)
	}
}
