package yamlemit

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// analyzeBefore is analyze as it was before it passed over runs of plain
// ASCII and spaces between words whole: the oracle it must agree with.
func analyzeBefore(s string) analysis {
	if len(s) == 0 {
		return analysis{blockPlain: true, single: true}
	}
	var f scalarFlags
	if strings.HasPrefix(s, "---") || strings.HasPrefix(s, "...") {
		f.blockIndicators, f.flowIndicators = true, true
	}
	precededByWhitespace := true
	for i, w := 0, 0; i < len(s); i += w {
		c := s[i]
		if i > 0 && c > ' ' && c < 0x7F && !flowIndicator(c) {
			// Printable ASCII past the first character, not a space
			// nor an indicator there: it changes nothing but this.
			w, f.previousSpace, f.previousBreak, precededByWhitespace = 1, false, false, false
			continue
		}
		var printable, brk bool
		if c < 0x80 { // most text: no table of wide characters to consult
			w, printable, brk = 1, c == '\n' || c >= 0x20 && c <= 0x7E, c == '\n' || c == '\r'
		} else {
			// A byte that starts no UTF-8 character is one byte wide here:
			// width 0 looped for ever on text that is not UTF-8 (markyaml26).
			w, printable, brk = max(width(c), 1), isPrintable(s, i), isBreak(s, i)
		}
		followedByWhitespace := i+w >= len(s) || s[i+w] == ' ' || s[i+w] == '\t'
		flow, block := indicatorAt(c, i == 0, precededByWhitespace, followedByWhitespace)
		f.flowIndicators = f.flowIndicators || flow
		f.blockIndicators = f.blockIndicators || block
		if c == '\t' {
			f.tabs = true
		} else if !printable {
			f.special = true
		}
		f.spacing(c == ' ', brk, i == 0, i+w == len(s))
		precededByWhitespace = c == ' ' || c == '\t' || c == 0 || brk
	}
	return f.analysis()
}

// flowIndicator is a character that, past a scalar's first, may keep it
// from being plain: in a flow collection always, : and # in a block too.
func flowIndicator(c byte) bool {
	switch c {
	case ',', '?', '[', ']', '{', '}', ':', '#':
		return true
	}
	return false
}

// plainAfterFirst's table is the test analyzeBefore made of each byte.
func TestPlainAfterFirstIsTheOldTest(t *testing.T) {
	for c := 0; c < 256; c++ {
		b := byte(c)
		if got, want := plainAfterFirst[b], b > ' ' && b < 0x7F && !flowIndicator(b); got != want {
			t.Errorf("plainAfterFirst(%q) = %v, want %v", b, got, want)
		}
	}
}

// analyze finds for every text what it found a character at a time:
// hostile texts (indicators first, last and after spaces, breaks beside
// spaces, tabs, controls, text that is not UTF-8) and random ones made of
// the characters that change its answer.
func TestAnalyzeAgreesWithCharacterByCharacter(t *testing.T) {
	texts := []string{"", " ", "a", "a b", " a", "a ", "a  b", "a \nb", "a\n b", "a\n", "\na",
		"- a", "-a", "a - b", "? a", "?a", ": a", ":a", "a: b", "a:b", "a #b", "a#b", "#a", "a #", "---", "...", "--- a",
		"a,b", "[a]", "{a}", "a\tb", "\ta", "a\x00b", "a\x7fb", "a\rb", "a\u0085b", "a\u2028b", "a\u2029 b",
		"Xocalı (Khojaly)", "«a» — b", "\xff", "a\x80b", "\xf8\xf9", "x\n\xbfy", "\xc3", "a\xc2", "a\xe2\x80",
		"'a'", "\"a\"", "a 'b'", "@a", "`a", "%a", "!a", "&a", "*a", "|a", ">a", "a |", "a >", "a  ", "  ", "\n", "\n\n"}
	pieces := []string{"a", "Z", "9", " ", "  ", "\n", "\r", "\t", "-", "?", ":", "#", ",", "[", "]", "{", "}", "'", "\"",
		"!", "&", "*", "|", ">", "%", "@", "`", ".", "---", "...", "\x00", "\x7f", "ı", "ə", "—", "\u0085", "\u2028",
		"\u00a0", "\ufeff", "\xff", "\x80", "\xc3", "\xe2\x80", "word", "two words"}
	r := rand.New(rand.NewPCG(29, 1))
	for range 50000 {
		var b strings.Builder
		for n := r.IntN(8); n >= 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if got, want := analyze(s), analyzeBefore(s); got != want {
			t.Fatalf("analyze(%q) = %+v, want %+v", s, got, want)
		}
	}
}

// columns counts as utf8.RuneCountInString, which it replaces, on random
// texts of ASCII, characters of two to four bytes, cut characters and stray
// continuation bytes, at every offset.
func TestColumnsIsRuneCount(t *testing.T) {
	pieces := []string{"a", " ", "abcdefgh", "ı", "Ə", "—", "😀", "\xff", "\x80", "\xc3", "\xe2\x80", "\xf0\x9f\x98", "\x00", "\n"}
	r := rand.New(rand.NewPCG(29, 4))
	for range 50000 {
		var b strings.Builder
		for n := r.IntN(12); n >= 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := columns(s), utf8.RuneCountInString(s); got != want {
			t.Fatalf("columns(%q) = %d, want %d", s, got, want)
		}
	}
}
