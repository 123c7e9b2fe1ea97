package text

import (
	"strings"
	"unicode"
)

// Visible reports whether s holds a character that shows: one that is not a
// space, a control or format character (a zero-width space U+200B, a word
// joiner, a byte order mark), a combining mark with nothing to sit on, or a
// filler that is drawn as nothing (the Hangul fillers, the blank Braille
// pattern). A name made of such characters alone (a --marker) names no one
// a reader can see.
func Visible(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return !blank(r) && !unicode.In(r, unicode.Cc, unicode.Mn, unicode.Me)
	}) >= 0
}

// TrimInvisible is s without the spaces, format characters and fillers at
// its ends, as strings.TrimSpace is without spaces: "\u200bAna" and "Ana"
// look the same and are one name. Combining marks are kept, since one at
// the end belongs to the letter before it (an e and U+0301 are é).
func TrimInvisible(s string) string {
	return strings.TrimFunc(s, blank)
}

// blank reports whether r shows nothing and holds no letter's part: a
// space, a format character or a filler.
func blank(r rune) bool {
	switch r {
	case 0x115f, 0x1160, 0x3164, 0xffa0, // the Hangul fillers
		0x2800: // the blank Braille pattern
		return true
	}
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r)
}
