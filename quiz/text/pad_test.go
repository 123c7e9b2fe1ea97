package text

import "testing"

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
		{"A👋🏽B", 4, "A…"},
		{"A👩\u200d🏫B", 4, "A…"},
		{"A👩\u200d🏫BC", 6, "A👩\u200d🏫…"},
		{"Ae\u0301\u0323xyz", 3, "Ae\u0301\u0323…"},
	} {
		if got := Clip(tc.s, tc.n); got != tc.want || Width(got) > tc.n {
			t.Errorf("Clip(%q, %d) = %q (%d columns), want %q", tc.s, tc.n, got, Width(got), tc.want)
		}
	}
}
