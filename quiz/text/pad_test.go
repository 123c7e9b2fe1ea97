package text

import (
	"strings"
	"testing"
)

func TestPadAndClip(t *testing.T) {
	for _, tc := range []struct {
		s           string
		n           int
		right, left string
	}{
		{"Ana", 6, "Ana   ", "   Ana"},
		{"王小明", 8, "王小明  ", "  王小明"},           // three characters, six columns
		{"ｶﾅ", 4, "ｶﾅ  ", "  ｶﾅ"},              // half-width katakana: a column each
		{"e\u0301", 2, "e\u0301 ", " e\u0301"}, // e and a combining accent: one column
		{"Anastasia", 4, "Anastasia", "Anastasia"},
	} {
		if got := PadRight(tc.s, tc.n); got != tc.right || Width(got) != max(tc.n, Width(tc.s)) {
			t.Errorf("PadRight(%q, %d) = %q", tc.s, tc.n, got)
		}
		if got := PadLeft(tc.s, tc.n); got != tc.left {
			t.Errorf("PadLeft(%q, %d) = %q", tc.s, tc.n, got)
		}
	}
	for _, tc := range []struct {
		s    string
		n    int
		want string
	}{
		{"Ana Lee", 7, "Ana Lee"},
		{"Anastasia Konstantinou", 10, "Anastasia…"},
		{"王小明王小明", 12, "王小明王小明"},
		{"王小明王小明", 11, "王小明王小…"}, // 10 columns and the "…"
		{"王小明王小明", 10, "王小明王…"},  // 王 would straddle the edge: left out whole
		// Cut between what a reader sees as characters, never inside one
		// (lows28): a flag's two regional letters, a hand and its skin
		// tone, emoji joined by U+200D, a letter and its accent.
		{"AB🇦🇿🇦🇿", 4, "AB…"},
		{"AB🇦🇿🇦🇿", 5, "AB🇦🇿…"},
		{"A👋🏽BC", 4, "A👋🏽…"},
		{"A👋🏽B", 3, "A…"},
		{"A👩\u200d🏫BC", 4, "A👩\u200d🏫…"},
		{"A👩\u200d🏫BC", 3, "A…"},
		{"A👨\u200d👩\u200d👧\u200d👦BC", 4, "A👨\u200d👩\u200d👧\u200d👦…"},
		{"Ae\u0301\u0323xyz", 3, "Ae\u0301\u0323…"},
	} {
		if got := Clip(tc.s, tc.n); got != tc.want || Width(got) > tc.n {
			t.Errorf("Clip(%q, %d) = %q (%d columns), want %q", tc.s, tc.n, got, Width(got), tc.want)
		}
	}
}

// An emoji sequence takes the two columns a terminal draws it in, not the
// sum of its parts (attack23 L6: the family counted 8 and the rainbow flag
// 3, and the columns after them were out of line); the runes of other
// clusters count one by one, as before.
func TestWidthOfClusters(t *testing.T) {
	for _, tc := range []struct {
		s string
		n int
	}{
		{"👨\u200d👩\u200d👧\u200d👦", 2}, // a family: four emoji joined by U+200D
		{"🏳\ufe0f\u200d🌈", 2},         // the rainbow flag
		{"👩\u200d🏫", 2},
		{"👋🏽", 2},      // a hand and its skin tone
		{"🇦🇿", 2},      // two regional letters
		{"❤\ufe0f", 2}, // emoji presentation
		{"🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", 2}, // Scotland: tag letters
		{"1\ufe0f\u20e3", 1}, // a keycap: a digit and its marks
		{"Ana 👨\u200d👩\u200d👧\u200d👦 Lee", 10},
		{"e\u0301", 1},
		{"漢字", 4},
		{"ｶﾞ", 2},                 // half-width katakana and its sound mark: a column each
		{"क्षि", 3},               // क, virama, ष, vowel sign i: as a terminal's wcwidth counts
		{"\u0915\u094d\u200d", 1}, // a half form asked by U+200D is no emoji
		{"é\r\n", 3},
		{"a\tb", 3},
	} {
		if got := Width(tc.s); got != tc.n {
			t.Errorf("Width(%q) = %d, want %d", tc.s, got, tc.n)
		}
	}
	// A padded cell ends at the same column whatever it holds.
	for _, s := range []string{"Ana", "👨\u200d👩\u200d👧\u200d👦", "🏳\ufe0f\u200d🌈", "王小明"} {
		if got := Width(PadRight(s, 8)); got != 8 {
			t.Errorf("PadRight(%q, 8) is %d columns", s, got)
		}
	}
}

// uniseg v0.4.7 (Unicode 15.0) has no rule GB9c of Unicode 15.1, which
// keeps an Indic conjunct (क्ष) in one cluster: "क्" and "षि" are two to it,
// and Clip may cut between them, never inside either.
func TestClipIndic(t *testing.T) {
	s := strings.Repeat("क्षि", 15)
	if got, want := Clip(s, 10), strings.Repeat("क्षि", 3)+"…"; got != want {
		t.Errorf("Clip(क्षि×15, 10) = %q, want %q", got, want)
	}
	if got, want := Clip(s, 11), strings.Repeat("क्षि", 3)+"क्…"; got != want {
		t.Errorf("Clip(क्षि×15, 11) = %q, want %q", got, want)
	}
}

// BenchmarkPadCells pads a table's cells as the tables do (a Width each):
// names in Latin with accents, Armenian, Chinese, an emoji family, and the
// numbers, which are ASCII and take the fast path.
func BenchmarkPadCells(b *testing.B) {
	cells := []string{"Anna Petrosyan", "Zoë Müller", "Արամ Սարգսյան", "王小明", "Ana 👨\u200d👩\u200d👧\u200d👦", "khojaly-date", "0.82", "12/20", "क्षि", "Émile"}
	n := 0
	for b.Loop() {
		for _, c := range cells {
			n += len(PadRight(c, 24))
		}
	}
	_ = n
}
