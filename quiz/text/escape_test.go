package text

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// One rule for what reaches a terminal: EscapeControl, kept line by line by
// EscapeLines; CSVSafe and MarkdownEscape apply it too (issue 14, item 6).
func TestEscaping(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"lines kept", EscapeLines("a\n\tb"), "a\n\tb"},
		{"codes shown", EscapeLines("x\x1b]0;T\x07\n\x1b[2Ky\r"), `x\x1b]0;T\x07` + "\n" + `\x1b[2Ky\x0d`},
		{"C1 and bidi", EscapeLines("a\u009bb\u202ec"), `a\u009bb\u202ec`},
		{"bidi alone", EscapeLines("a\u202eb\u2066c"), `a\u202eb\u2066c`},
		{"joiner is text", EscapeLines("a\u200db"), "a\u200db"},
		{"invalid UTF-8", EscapeLines("a\xffb"), "a\uFFFDb"},
		{"csv formula", CSVSafe("=1+1"), "'=1+1"},
		{"csv codes", CSVSafe("a\x1b[2J"), `a\x1b[2J`},
		{"csv lines", CSVSafe("a\nb"), "a\nb"},
		{"markdown codes", MarkdownEscape("*a*\x07"), `\*a\*\x07`},
		{"markdown lines are text", MarkdownEscape("a\r\nb\nc\rd"), `a b c\x0dd`},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, tt.got, tt.want)
		}
	}
	for s, want := range map[string]bool{"plain text\n\twith lines": false, "bell\a": true, "esc\x1b": true, "\u0085": true, "bad\xff": true, "Xocalı": false, "rtl\u202eoverride": true, "isolate\u2067": true, "emoji\u200djoined": false} {
		if HasControl(s) != want {
			t.Errorf("HasControl(%q) = %v", s, !want)
		}
	}
}

// Code in <pre> keeps its lines and indentation (Python without it is
// another program); HTML outside it is flattened as before (issue 12, D1).
func TestStripHTMLKeepsPre(t *testing.T) {
	got, tags := StripHTML("Some code<br/>\n<pre class=\"py\">\n    if x &lt; 10 :\n        print <b>\"low\"</b>   \n\n    else :\n</pre>\n  after  <i>it</i>")
	want := "Some code\n    if x < 10 :\n        print \"low\"\n\n    else :\nafter  it"
	if got != want || !tags {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Media a question may depend on is found, to be warned on (issue 12, D4).
func TestHasMedia(t *testing.T) {
	for s, want := range map[string]bool{
		`Which animal? <img src="https://example.org/cat.png">`:        true,
		`<audio controls src="hi.mp3"></audio>`:                        true,
		`Listen: <a href="https://example.org/hello.mp3">greeting</a>`: true,
		`<a href="https://example.org/page.htm">page</a>`:              false,
		`<b>bold</b> and 2 < 3`:                                        false,
	} {
		if HasMedia(s) != want {
			t.Errorf("HasMedia(%q) = %v", s, !want)
		}
	}
}

// printable8 passes 8 bytes exactly when all are printable ASCII: every
// byte at every place among printable ones, and random words.
func TestPrintable8(t *testing.T) {
	printable := func(b []byte) bool {
		for _, c := range b {
			if c < 0x20 || c > 0x7e {
				return false
			}
		}
		return true
	}
	for c := range 256 {
		for at := range 8 {
			b := []byte("abcd ~!h")
			b[at] = byte(c)
			if got, want := printable8(string(b)), printable(b); got != want {
				t.Fatalf("printable8(%q) = %v, want %v", b, got, want)
			}
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 200000 {
		var b [8]byte
		for i := range b {
			b[i] = byte(rng.IntN(256))
			if rng.IntN(2) == 0 {
				b[i] = byte(0x20 + rng.IntN(0x5f))
			}
		}
		if got, want := printable8(string(b[:])), printable(b[:]); got != want {
			t.Fatalf("printable8(%q) = %v, want %v", b, got, want)
		}
	}
}

// controlIn's eight-byte test passes over ASCII and stops where the
// decoded test would look: long texts, runs of ASCII with each character
// that matters at every offset, against the rune-by-rune rule.
func TestControlInEightAtATime(t *testing.T) {
	pieces := []string{"abcdefgh", "abc", " ", "~", "\x7f", "\x1f", "\x00", "\n", "\t", "\r", "\u0085", "\u00a0", "\u061c",
		"\u200e", "\u202e", "\u2069", "\u2028", "é", "ı", "😀", "→"}
	rng := rand.New(rand.NewPCG(29, 5))
	for range 50000 {
		var b strings.Builder
		for n := rng.IntN(10); n >= 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		for _, lines := range []bool{false, true} {
			want := false
			for _, r := range s {
				if (!lines || r != '\n' && r != '\t') && (r < 0x20 || unsafeRune(r)) {
					want = true
				}
			}
			if got := controlIn(s, lines); got != want {
				t.Fatalf("controlIn(%q, %v) = %v, want %v", s, lines, got, want)
			}
		}
	}
}

// controlIn, which reads bytes, finds the runes that unsafeRune and the
// C0 check find decoding them: every rune (above U+FFFF one in 97) alone, between others and twice,
// and random mixes of the runes at the edges and runs of plain text, with and without line breaks
// and tabs kept.
func TestControlInAsUnsafeRune(t *testing.T) {
	decoded := func(s string, lines bool) bool {
		for _, r := range s {
			if (!lines || r != '\n' && r != '\t') && (r < 0x20 || unsafeRune(r)) {
				return true
			}
		}
		return false
	}
	for r := rune(0); r <= utf8.MaxRune; r += 1 + r/0x10000*96 { // every rune of the BMP, then one in 97
		if !utf8.ValidRune(r) {
			continue
		}
		for _, s := range []string{string(r), "a" + string(r) + "é", string(r) + string(r) + "\u00a0"} {
			for _, lines := range []bool{false, true} {
				if got, want := controlIn(s, lines), decoded(s, lines); got != want {
					t.Fatalf("controlIn(%q, %v) = %v, want %v", s, lines, got, want)
				}
			}
		}
	}
	rng := rand.New(rand.NewPCG(27, 1))
	pieces := []string{"a", "\n", "\t", "\x1b", "\x7f", "\u0085", "\u00a0", "\u061c", "\u061b", "\u200e", "\u200d", "\u202a", "\u202f", "\u2066", "\u2069", "\u206a", "é", "😀", "→", "plain words, in a run", "1992", "~"}
	for range 20000 {
		var b strings.Builder
		for n := rng.IntN(24); n >= 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		for _, lines := range []bool{false, true} {
			if got, want := controlIn(s, lines), decoded(s, lines); got != want {
				t.Fatalf("controlIn(%q, %v) = %v, want %v", s, lines, got, want)
			}
		}
	}
}

// hasControlDecoded is HasControl as it was, every text decoded from its
// start: the oracle of TestHasControlAsDecoded.
func hasControlDecoded(s string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	for _, r := range s {
		if r != '\n' && r != '\t' && (r < 0x20 || unsafeRune(r)) {
			return true
		}
	}
	return false
}

// HasControl, deciding ASCII bytes itself, answers as decoding every text
// did: on every ASCII byte and every character that matters around ASCII
// and wide text, and on random strings of them and of broken UTF-8.
func TestHasControlAsDecoded(t *testing.T) {
	pieces := []string{"a", " ", "\n", "\t", "\r", "\x00", "\x1b", "\x7f", "~", "é", "ı", "\u0085", "\u009b", "\u00a0", "\u061c", "\u200d",
		"\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\u2028", "\ufeff", "\U0001F600", "\xff", "\xc3", "\xe2\x80", "\xed\xa0\x80"}
	for c := range 256 {
		pieces = append(pieces, string([]byte{byte(c)}))
	}
	eachText(74, pieces, 12, func(s string) {
		for _, s := range []string{s, "text " + s} {
			if got, want := HasControl(s), hasControlDecoded(s); got != want {
				t.Fatalf("HasControl(%q) = %v, decoded %v", s, got, want)
			}
		}
	})
}

// A long path keeps its file's name: it is cut at its start.
func TestPrintableTail(t *testing.T) {
	long := "/" + strings.Repeat("folder/", 20) + "unreadable-sheet.yaml"
	got := PrintableTail(long)
	if !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "/unreadable-sheet.yaml") || utf8.RuneCountInString(got) != MaxPrintable+1 {
		t.Errorf("PrintableTail(%q) = %q", long, got)
	}
	if got := PrintableTail("a\x1bb.yaml"); got != `a\x1bb.yaml` {
		t.Errorf("PrintableTail escapes %q", got)
	}
	if got := PrintableTail("short.yaml"); got != "short.yaml" {
		t.Errorf("PrintableTail(short) = %q", got)
	}
}

// Printable and PrintableTail cut between characters as a reader sees them
// (widths30): a ZWJ family is kept whole or left out.
func TestPrintableCutsBetweenClusters(t *testing.T) {
	family := "👨\u200d👩\u200d👧\u200d👦" // 7 runes
	zwj := "a\u200db"                  // 3 runes, 2 clusters
	for _, tc := range []struct{ s, want string }{
		{strings.Repeat(family, 12), strings.Repeat(family, 11) + "…"},  // 84 runes: 11 families are 77
		{strings.Repeat(zwj, 30), strings.Repeat(zwj, 26) + "a\u200d…"}, // 90 runes: 26 are 78, "a\u200d" a cluster
		{strings.Repeat("क्षि", 25), strings.Repeat("क्षि", 20) + "…"},
		// One cluster of 99 runes: cut at the rune, the U+200D before it left out.
		{strings.Repeat("👍\u200d", 49) + "👍", strings.Repeat("👍\u200d", 39) + "👍…"},
		{"e" + strings.Repeat("\u0301", 100), "e" + strings.Repeat("\u0301", 79) + "…"},
	} {
		if got := Printable(tc.s); got != tc.want {
			t.Errorf("Printable(%q) = %q, want %q", tc.s, got, tc.want)
		}
	}
	for _, tc := range []struct{ s, want string }{
		{strings.Repeat(zwj, 30), "…b" + strings.Repeat(zwj, 26)}, // "b" is a cluster of its own
		{"dir/" + strings.Repeat(family, 12), "…" + strings.Repeat(family, 11)},
		{"e" + strings.Repeat("\u0301", 100), "…" + strings.Repeat("\u0301", 80)},
	} {
		if got := PrintableTail(tc.s); got != tc.want {
			t.Errorf("PrintableTail(%q) = %q, want %q", tc.s, got, tc.want)
		}
	}
}
