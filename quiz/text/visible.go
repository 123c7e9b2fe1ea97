package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
// the end belongs to the letter before it (an e and U+0301 are é), and so
// is a variation selector after a character it can vary (the U+FE0F of
// "👍\ufe0f"); one after a letter, a space or nothing varies nothing and
// is trimmed (lows29).
func TrimInvisible(s string) string {
	for {
		s = strings.TrimFunc(s, blank)
		r, n := utf8.DecodeRuneInString(s)
		if n > 0 && variationSelector(r) {
			s = s[n:]
			continue
		}
		r, n = utf8.DecodeLastRuneInString(s)
		if n > 0 && variationSelector(r) && !varies(s[:len(s)-n]) {
			s = s[:len(s)-n]
			continue
		}
		return s
	}
}

// HiddenInside reports whether s holds a character that shows nothing
// between the characters that do: a format character (a zero-width joiner
// or space, a soft hyphen), a filler, a line or paragraph separator, a
// combining grapheme joiner, or a variation selector that follows no
// character it can vary. "A\u200dB" and "Bo\u034fb" look like "AB" and
// "Bob" and would be other names (attack23 L7, attack24 L5). Spaces,
// combining marks and the variation selector of an emoji ("👍\ufe0f") are
// a name's own.
func HiddenInside(s string) bool {
	for i, r := range s {
		switch {
		case variationSelector(r):
			if !varies(s[:i]) {
				return true
			}
		case unicode.Is(unicode.Zs, r), unicode.In(r, unicode.Mn, unicode.Me) && !blank(r):
		case blank(r), unicode.Is(unicode.Cc, r):
			return true
		}
	}
	return false
}

// blank reports whether r shows nothing and holds no letter's part: a
// space, a format character or a filler.
func blank(r rune) bool {
	switch r {
	case 0x115f, 0x1160, 0x3164, 0xffa0, // the Hangul fillers
		0x2800,         // the blank Braille pattern
		0x034f,         // the combining grapheme joiner: a mark that joins nothing a reader sees
		0x17b4, 0x17b5, // the Khmer inherent vowels, which Unicode says not to draw
		0xfffc: // the object replacement character, with no object to stand for
		return true
	}
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r)
}

// variationSelector reports whether r is one of the variation selectors
// U+FE00-FE0F and U+E0100-E01EF, which choose how the character before
// them is drawn and show nothing themselves.
func variationSelector(r rune) bool {
	return r >= 0xfe00 && r <= 0xfe0f || r >= 0xe0100 && r <= 0xe01ef
}

// varies reports whether the last character of before is one a variation
// selector can choose the look of: a symbol or emoji (❤, ☺, ✈), a digit or
// # or * of a keycap, or an ideograph. A letter, a space, a mark, another
// selector or nothing cannot, so a selector after one hides in a name.
// Unicode lists a few sequences beyond these (some Myanmar and Phags-pa
// letters); a name of those is refused rather than two names looking one.
func varies(before string) bool {
	r, n := utf8.DecodeLastRuneInString(before)
	if n == 0 {
		return false
	}
	return unicode.In(r, unicode.S, unicode.Nd, unicode.Ideographic) || r == '#' || r == '*'
}
