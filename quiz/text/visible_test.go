package text

import "testing"

// A name of zero-width, format and filler characters alone shows nothing
// and is not visible; one such character around a name is trimmed as a
// space is, and a combining mark stays with its letter (lows28).
func TestVisibleAndTrimInvisible(t *testing.T) {
	for _, c := range []struct {
		in, trimmed string
		visible     bool
	}{
		{"Ana", "Ana", true},
		{"", "", false},
		{"   ", "", false},
		{"\u200b", "", false},
		{"\u2060\ufeff\u00ad", "", false},
		{"\u3164", "", false},
		{"\u2800 \u115f", "", false},
		{"\u0301", "\u0301", false},
		{"\u200d\u0301\u200b", "\u0301", false},
		{"\x1b", "\x1b", false},
		{"\u200bAna\u200b", "Ana", true},
		{" \ufeffMs. K\u2060 ", "Ms. K", true},
		{"Rene\u0301", "Rene\u0301", true},
		{"A\u200bna", "A\u200bna", true},
		{"👩\u200d🏫", "👩\u200d🏫", true},
		{"Ана", "Ана", true},
	} {
		if got := Visible(c.in); got != c.visible {
			t.Errorf("Visible(%+q) = %v, want %v", c.in, got, c.visible)
		}
		if got := TrimInvisible(c.in); got != c.trimmed {
			t.Errorf("TrimInvisible(%+q) = %+q, want %+q", c.in, got, c.trimmed)
		}
	}
}
