package text

import (
	"slices"
	"strings"
	"testing"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		text   string
		width  int
		indent string
		want   string
	}{
		{"one two three four", 9, "", "one two\nthree\nfour"},
		{"one two three", 0, "  ", "  one two three"},
		{"one two", 20, "  ", "  one two"},
		{"Xocalı Xocalı Xocalı", 15, "", "Xocalı Xocalı\nXocalı"}, // runes, not bytes
		{"a verylongwordthatdoesnotfit b", 10, "", "a\nverylongwordthatdoesnotfit\nb"},
		{"first\nsecond", 20, "> ", "> first\n> second"},
		// Columns, not runes: a Chinese or Japanese character takes two,
		// and such text, written without spaces, breaks between them.
		{"漢字 漢字 漢字", 10, "", "漢字 漢字\n漢字"},
		{"漢字テストです", 6, "", "漢字テ\nストで\nす"},
		{"Your answer: 漢字テストです", 20, "", "Your answer: 漢字テ\nストです"},
		{"漢字テストです", 7, "  ", "  漢字\n  テス\n  トで\n  す"},
		{"Xocalı Xocalı", 6, "", "Xocalı\nXocalı"}, // combining dot below: one column
		{"verylongword 漢字", 5, "", "verylongword\n漢字"},
		// A web address is never broken: it starts a line, and one that
		// does not fit after the indent starts at the line's start, alone.
		{"see https://example.org/a/b now", 20, "", "see\nhttps://example.org/a/b\nnow"},
		{"see https://example.org/ab now", 24, "    ", "    see\nhttps://example.org/ab\n    now"},
		{"https://example.org/a-very-long-address-indeed x", 20, "  ", "https://example.org/a-very-long-address-indeed\n  x"},
		{"(https://example.org/abcdef)", 20, "  ", "(https://example.org/abcdef)"},
		{"see https://x.org y", 40, "  ", "  see https://x.org y"}, // one that fits stays in the text
		// review22 #2: one with wide characters is not broken between them.
		{"see some words here https://例え.jp/パス/長い now", 30, "  ", "  see some words here\n  https://例え.jp/パス/長い\n  now"},
	}
	for _, tt := range tests {
		if got := Wrap(tt.text, tt.width, tt.indent); got != tt.want {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}

func TestFormatPercent(t *testing.T) {
	for in, want := range map[float64]string{100: "100", 33.33: "33.3", 66.67: "66.7", 2.63: "2.6", 0: "0", 99.96: "100", 12.5: "12.5"} {
		if got := FormatPercent(in); got != want {
			t.Errorf("FormatPercent(%v) = %q, want %q", in, got, want)
		}
	}
}

func TestFormatQuantity(t *testing.T) {
	for in, want := range map[float64]string{30000: "30,000", 1994: "1994", 613: "613", 1000000: "1,000,000", -25000: "-25,000", 12345.5: "12,345.5", 0.5: "0.5"} {
		if got := FormatQuantity(in); got != want {
			t.Errorf("FormatQuantity(%v) = %q, want %q", in, got, want)
		}
	}
}

// FirstLines cuts at a word, leaving room for the "…" within the width,
// and keeps a text that fits as it is.
func TestFirstLines(t *testing.T) {
	for _, tt := range []struct {
		in    string
		width int
		want  string
	}{
		{"to what-is-genocide: The article's third question: What is the definition of genocide?", 40, "to what-is-genocide: The article's…"},
		{"short enough", 40, "short enough"},
		{"short enough", 0, "short enough"},
	} {
		got := FirstLines(tt.in, tt.width, 1)
		if got != tt.want || tt.width > 0 && Width(got) > tt.width {
			t.Errorf("FirstLines(%q, %d, 1) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
}

func TestFirstWords(t *testing.T) {
	for in, want := range map[string]string{
		"one two three":      "one two…",
		"one two":            "one two",
		"  one   two  ":      "  one   two  ",
		"one two three four": "one two…",
	} {
		if got := FirstWords(in, 2); got != want {
			t.Errorf("FirstWords(%q, 2) = %q, want %q", in, got, want)
		}
	}
}

func TestWidth(t *testing.T) {
	for in, want := range map[string]int{"": 0, "abc": 3, "Xocalı": 6, "漢字": 4, "テスト": 6, "ｶﾀ": 2, "한국": 4, "e\u0301": 1, "a\u200bb": 2, "Ａ": 2} {
		if got := Width(in); got != want {
			t.Errorf("Width(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestQuestionLines(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Who calls it a genocide? Who calls it a massacre? What does Armenia say?",
			"Who calls it a genocide?\nWho calls it a massacre?\nWhat does Armenia say?"},
		{"The article's first question: What was the Soviet Union? When did it exist?",
			"The article's first question: What was the Soviet Union?\nWhen did it exist?"},
		{`Which word? "Genocide" or "massacre"?`, "Which word?\n\"Genocide\" or \"massacre\"?"},
		{"Has a court ruled, and which court could?", "Has a court ruled, and which court could?"},
		{"Is it a genocide? or a massacre?", "Is it a genocide? or a massacre?"}, // not a new question
		{"Why?", "Why?"},
		{"Why? ", "Why? "},
		{"", ""},
	} {
		if got := QuestionLines(tt.in); got != tt.want {
			t.Errorf("QuestionLines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A word of wide characters breaks between characters as a reader sees
// them, never inside a ZWJ family or a decomposed Hangul syllable (each two
// columns, so a line of width w holds w/2 of them, one at the least).
func TestWrapBreaksBetweenClusters(t *testing.T) {
	units := []string{"李", "👨\u200d👩\u200d👧\u200d👦", "\u1100\u1161\u11a8", "漢", "\U0001F1E6\U0001F1FF"}
	var word string
	for range 3 {
		word += strings.Join(units, "")
	}
	all := slices.Concat(units, units, units)
	for w := 1; w <= 24; w++ {
		lines := strings.Split(Wrap(word, w, ""), "\n")
		per := max(w/2, 1)
		rest := all
		for i, l := range lines {
			k := min(per, len(rest))
			if want := strings.Join(rest[:k], ""); l != want {
				t.Errorf("Wrap(width %d) line %d = %q, want %q", w, i+1, l, want)
				break
			}
			rest = rest[k:]
		}
		if len(rest) != 0 {
			t.Errorf("Wrap(width %d) left out %q", w, rest)
		}
	}
}
