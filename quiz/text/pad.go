package text

import "strings"

// Tables for a terminal pad and cut their cells by Width, the columns the
// terminal shows, as the wrapper measures: fmt's %-24s counts runes, so a
// name in Chinese or Japanese (two columns a character) pushed the columns
// after it out of line.

// PadRight is s followed by spaces to n columns (Width); s when it is as
// wide already.
func PadRight(s string, n int) string {
	return s + strings.Repeat(" ", max(n-Width(s), 0))
}

// PadLeft is s after spaces to n columns (Width), for numbers that line up
// on the right; s when it is as wide already.
func PadLeft(s string, n int) string {
	return strings.Repeat(" ", max(n-Width(s), 0)) + s
}

// Clip is s cut to at most n columns (Width), ending in "…" when cut, for a
// table's cell of fixed width. It cuts between characters as a reader sees
// them (grapheme clusters, as Width counts them: a flag's two letters, a
// skin tone and its emoji, emoji joined by U+200D, a letter and its
// accents, an Indic conjunct such as क्ष), never inside one; a
// wide character that would straddle the edge is left out whole.
func Clip(s string, n int) string {
	if Width(s) <= n {
		return s
	}
	w, rest, state := 0, s, -1
	for rest != "" {
		var c string
		c, rest, _, state = nextCluster(rest, state)
		if cw := Width(c); w+cw <= n-1 {
			w += cw
			continue
		}
		return s[:len(s)-len(rest)-len(c)] + "…"
	}
	return s // not reached: s is wider than n
}
