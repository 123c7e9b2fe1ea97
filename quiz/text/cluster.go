package text

import (
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Width and Clip see a string as the clusters nextCluster gives, one
// segmentation for both: a cell is measured by what it is cut into.

// nextCluster is the first of s's characters as a reader and a terminal
// see them, its rest, the width uniseg gives it and the state to pass on
// (-1 to start), as uniseg.FirstGraphemeClusterInString. It is uniseg's
// grapheme cluster, joined to those after it where uniseg v0.4.7 (Unicode
// 15.0) does not know to: an Indic conjunct (rule GB9c of Unicode 15.1), a
// consonant, a virama and the consonant after it, is one syllable, so
// "क्षि" is one cluster, not "क्" and "षि" (attack24 L7).
//
// A letter after U+200D is not joined: "a\u200db" is two clusters of a
// column each, as UAX #29 has it and as terminals draw it (xterm, VTE and
// glibc's wcwidth count b's column; Python's wcwidth 0.7 counts none, and
// is alone in it). U+200D joins emoji by uniseg's own rule (GB11), and a
// half form after a virama by GB9c's.
func nextCluster(s string, state int) (c, rest string, w, newState int) {
	c, rest, w, state = uniseg.FirstGraphemeClusterInString(s, state)
	for rest != "" {
		r, _ := utf8.DecodeRuneInString(rest)
		if !(conjunctConsonant(r) && endsInLinker(c)) {
			break
		}
		var more string
		more, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		c = s[:len(c)+len(more)]
	}
	return c, rest, w, state
}

// endsInLinker reports whether c ends as GB9c asks before a consonant: a
// consonant, then marks (InCB Extend) and viramas (InCB Linker) with at
// least one virama among them.
func endsInLinker(c string) bool {
	linked := false
	for c != "" {
		r, n := utf8.DecodeLastRuneInString(c)
		switch {
		case unicode.Is(incbLinker, r):
			linked = true
		case incbExtend(r):
		default:
			return linked && conjunctConsonant(r)
		}
		c = c[:len(c)-n]
	}
	return false
}

// conjunctConsonant reports whether r is a consonant that joins a virama
// before it in a conjunct (InCB Consonant). The first test keeps the
// common letters, Latin, Greek, Cyrillic, Armenian, Arabic, off the table.
func conjunctConsonant(r rune) bool {
	return r >= 0x915 && unicode.Is(incbConsonant, r)
}

// incbExtend reports whether r may stand between the virama and the
// consonants of a conjunct (InCB Extend): a combining mark, a mark that
// extends a cluster, or U+200D, which asks for a half form. Not U+200C,
// which asks for the conjunct not to form.
func incbExtend(r rune) bool {
	return r != 0x200c && (r == 0x200d || unicode.In(r, unicode.Mn, unicode.Me, unicode.Other_Grapheme_Extend))
}

// incbLinker and incbConsonant are the Indic_Conjunct_Break values Linker
// and Consonant of Unicode 17.0 (DerivedCoreProperties.txt), which rule
// GB9c joins: uniseg's tables, of Unicode 15.0, have none.
var incbLinker = &unicode.RangeTable{
	R16: []unicode.Range16{
		{0x094d, 0x09cd, 0x80}, // Devanagari, Bengali viramas
		{0x0acd, 0x0b4d, 0x80}, // Gujarati, Oriya
		{0x0c4d, 0x0c4d, 1},    // Telugu
		{0x0d4d, 0x0d4d, 1},    // Malayalam
		{0x1039, 0x1039, 1},    // Myanmar
		{0x17d2, 0x17d2, 1},    // Khmer coeng
		{0x1a60, 0x1a60, 1},    // Tai Tham sakot
		{0x1b44, 0x1b44, 1},    // Balinese adeg adeg
		{0x1bab, 0x1bab, 1},    // Sundanese
		{0xa9c0, 0xa9c0, 1},    // Javanese pangkon
		{0xaaf6, 0xaaf6, 1},    // Meetei Mayek
	},
	R32: []unicode.Range32{
		{0x10a3f, 0x10a3f, 1}, // Kharoshthi
		{0x11133, 0x11133, 1}, // Chakma
		{0x113d0, 0x113d0, 1}, // Tulu-Tigalari
		{0x1193e, 0x1193e, 1}, // Dives Akuru
		{0x11a47, 0x11a47, 1}, // Zanabazar Square
		{0x11a99, 0x11a99, 1}, // Soyombo
		{0x11f42, 0x11f42, 1}, // Kawi
	},
}

var incbConsonant = &unicode.RangeTable{
	R16: []unicode.Range16{
		{0x0915, 0x0939, 1}, {0x0958, 0x095f, 1}, {0x0978, 0x097f, 1}, // Devanagari
		{0x0995, 0x09a8, 1}, {0x09aa, 0x09b0, 1}, {0x09b2, 0x09b2, 1}, // Bengali
		{0x09b6, 0x09b9, 1}, {0x09dc, 0x09dd, 1}, {0x09df, 0x09df, 1},
		{0x09f0, 0x09f1, 1},
		{0x0a95, 0x0aa8, 1}, {0x0aaa, 0x0ab0, 1}, {0x0ab2, 0x0ab3, 1}, // Gujarati
		{0x0ab5, 0x0ab9, 1}, {0x0af9, 0x0af9, 1},
		{0x0b15, 0x0b28, 1}, {0x0b2a, 0x0b30, 1}, {0x0b32, 0x0b33, 1}, // Oriya
		{0x0b35, 0x0b39, 1}, {0x0b5c, 0x0b5d, 1}, {0x0b5f, 0x0b5f, 1},
		{0x0b71, 0x0b71, 1},
		{0x0c15, 0x0c28, 1}, {0x0c2a, 0x0c39, 1}, {0x0c58, 0x0c5a, 1}, // Telugu
		{0x0d15, 0x0d3a, 1},                                           // Malayalam
		{0x1000, 0x102a, 1}, {0x103f, 0x103f, 1}, {0x1050, 0x1055, 1}, // Myanmar
		{0x105a, 0x105d, 1}, {0x1061, 0x1061, 1}, {0x1065, 0x1066, 1},
		{0x106e, 0x1070, 1}, {0x1075, 0x1081, 1}, {0x108e, 0x108e, 1},
		{0x1780, 0x17b3, 1},                      // Khmer
		{0x1a20, 0x1a54, 1},                      // Tai Tham
		{0x1b0b, 0x1b0c, 1}, {0x1b13, 0x1b33, 1}, // Balinese
		{0x1b45, 0x1b4c, 1},
		{0x1b83, 0x1ba0, 1}, {0x1bae, 0x1baf, 1}, {0x1bbb, 0x1bbd, 1}, // Sundanese
		{0xa989, 0xa98b, 1}, {0xa98f, 0xa9b2, 1}, // Javanese
		{0xa9e0, 0xa9e4, 1}, {0xa9e7, 0xa9ef, 1}, {0xa9fa, 0xa9fe, 1}, // Myanmar extended
		{0xaa60, 0xaa6f, 1}, {0xaa71, 0xaa73, 1}, {0xaa7a, 0xaa7a, 1},
		{0xaa7e, 0xaa7f, 1},
		{0xaae0, 0xaaea, 1}, {0xabc0, 0xabda, 1}, // Meetei Mayek
	},
	R32: []unicode.Range32{
		{0x10a00, 0x10a00, 1}, {0x10a10, 0x10a13, 1}, {0x10a15, 0x10a17, 1}, // Kharoshthi
		{0x10a19, 0x10a35, 1},
		{0x11103, 0x11126, 1}, {0x11144, 0x11144, 1}, {0x11147, 0x11147, 1}, // Chakma
		{0x11380, 0x11389, 1}, {0x1138b, 0x1138b, 1}, {0x1138e, 0x1138e, 1}, // Tulu-Tigalari
		{0x11390, 0x113b5, 1},
		{0x11900, 0x11906, 1}, {0x11909, 0x11909, 1}, {0x1190c, 0x11913, 1}, // Dives Akuru
		{0x11915, 0x11916, 1}, {0x11918, 0x1192f, 1},
		{0x11a00, 0x11a00, 1}, {0x11a0b, 0x11a32, 1}, // Zanabazar Square
		{0x11a50, 0x11a50, 1}, {0x11a5c, 0x11a83, 1}, // Soyombo
		{0x11f04, 0x11f10, 1}, {0x11f12, 0x11f33, 1}, // Kawi
	},
}
