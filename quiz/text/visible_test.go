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

// The invisible characters attack24 L5 found passed as a name, and the
// variation selectors that belong to an emoji or an ideograph: each is
// trimmed at a name's ends, refused inside it, and alone is no name; a
// selector after a character it can vary is the name's own (lows29).
func TestInvisibleJoinersSelectorsAndSeparators(t *testing.T) {
	for _, c := range []struct {
		in, trimmed     string
		visible, hidden bool // hidden: HiddenInside(trimmed)
	}{
		{"Bo\u034fb", "Bo\u034fb", true, true},
		{"\u034fBob\u034f", "Bob", true, false},
		{"\u034f", "", false, false},
		{"Bo\u17b4b", "Bo\u17b4b", true, true},
		{"\u17b5Bob\u17b4", "Bob", true, false},
		{"\u17b4\u17b5", "", false, false},
		{"\ufffc", "", false, false},
		{"\ufffcBob\ufffc", "Bob", true, false},
		{"Bo\ufffcb", "Bo\ufffcb", true, true},
		{"Bob\u2028Smith", "Bob\u2028Smith", true, true},
		{"Bob\u2029Smith", "Bob\u2029Smith", true, true},
		{"\u2028Bob\u2029", "Bob", true, false},
		{"Bob Smith", "Bob Smith", true, false},
		{"Bob\u00a0Smith", "Bob\u00a0Smith", true, false},
		// Variation selectors with nothing they can vary.
		{"Bo\ufe00b", "Bo\ufe00b", true, true},
		{"Bob\ufe0f", "Bob", true, false},
		{"\ufe0fBob", "Bob", true, false},
		{"Bob \ufe0e", "Bob", true, false},
		{"Bo\U000e0100b", "Bo\U000e0100b", true, true},
		{"Bob\U000e01ef", "Bob", true, false},
		{"\ufe0f", "", false, false},
		{"\ufe00\U000e0100\ufe0f", "", false, false},
		{"\u034f\ufe0fBob", "Bob", true, false},
		// ... and with something they can: an emoji, a keycap, an ideograph.
		{"Ana \u2764\ufe0f", "Ana \u2764\ufe0f", true, false},
		{"\u263a\ufe0f Ana", "\u263a\ufe0f Ana", true, false},
		{"Ana 1\ufe0f\u20e3", "Ana 1\ufe0f\u20e3", true, false},
		{"#\ufe0f\u20e3", "#\ufe0f\u20e3", true, false},
		{"\u845b\U000e0100\u57ce", "\u845b\U000e0100\u57ce", true, false},
		{"\u845b\U000e0100", "\u845b\U000e0100", true, false},
		{"\u2764\ufe0f\ufe0f", "\u2764\ufe0f", true, false},
		{"\u2764\ufe0f\ufe0fAna", "\u2764\ufe0f\ufe0fAna", true, true},
		{"\u2764 \ufe0f", "\u2764", true, false},
	} {
		if got := Visible(c.in); got != c.visible {
			t.Errorf("Visible(%+q) = %v, want %v", c.in, got, c.visible)
		}
		if got := TrimInvisible(c.in); got != c.trimmed {
			t.Errorf("TrimInvisible(%+q) = %+q, want %+q", c.in, got, c.trimmed)
		}
		if got := HiddenInside(c.trimmed); got != c.hidden {
			t.Errorf("HiddenInside(%+q) = %v, want %v", c.trimmed, got, c.hidden)
		}
	}
}

// HiddenInside refuses what plainName refused before it moved here (lows28,
// attack23 L7) and lets spaces and combining marks be.
func TestHiddenInside(t *testing.T) {
	for s, want := range map[string]bool{
		"Ana": false, "Ms. K": false, "Rene\u0301": false, "Ана": false, "李 明": false,
		"A\u200dB": true, "A\u200bna": true, "Ana\u00adB": true, "A\u3164B": true, "A\u2800B": true,
		"A\tB": true, "A\u202eB": true, "A\u2060B": true, "👩\u200d🏫": true,
	} {
		if got := HiddenInside(s); got != want {
			t.Errorf("HiddenInside(%+q) = %v, want %v", s, got, want)
		}
	}
}
