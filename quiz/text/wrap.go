package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Wrap breaks text into lines of at most width columns at spaces, each line
// prefixed with indent. Columns are the terminal's: a Chinese or Japanese
// character takes two and a combining accent none (Width). A word longer
// than a line stays whole, unless it holds such wide characters: Chinese
// and Japanese are written without spaces, fill the line and break between
// characters.
// A web address is never broken either: one that does not fit on the line
// starts a line of its own, and one that does not fit after the indent
// starts at the line's start and has the line to itself, so that it fits if
// it can and otherwise runs past the width whole, to be copied or clicked
// (the terminal then folds it, but it stays one line of text).
// Width 0 or less only adds the indent. Paragraph breaks (newlines) are kept.
func Wrap(text string, width int, indent string) string {
	// Built in one buffer, words taken from the text as they come: a line
	// a string, a slice of the words of each paragraph and a join after
	// them were most of what writing a key's 40 questions allocated.
	text = strings.TrimRight(text, "\n")
	b := make([]byte, 0, len(text)+(len(text)/max(width-len(indent), 8)+2)*(len(indent)+1))
	in := Width(indent)
	firstPara := true
	for para := range strings.SplitSeq(text, "\n") {
		if !firstPara {
			b = append(b, '\n')
		}
		firstPara = false
		if width <= 0 {
			b = append(append(b, indent...), para...)
			continue
		}
		start := len(b) // of the line being filled
		b = append(b, indent...)
		n, empty := in, true
		newLine := func() {
			b = append(b, '\n')
			start = len(b)
			b = append(b, indent...)
			n, empty = in, true
		}
		alone := false // the last word is a web address that must have its line to itself
		for word := range strings.FieldsSeq(para) {
			w := Width(word)
			if alone {
				newLine()
				alone = false
			}
			if isURL(word) && in+w > width {
				if !empty {
					newLine()
				}
				b = append(b[:start], word...) // at the line's start, without the indent
				n, empty, alone = w, false, true
				continue
			}
			space := 0
			if !empty {
				space = 1
			}
			if n+space+w > width && hasWide(word) && !isURL(word) {
				// Chinese and Japanese fill the line, breaking between
				// characters as a reader sees them (the clusters Width
				// counts: never inside 👨‍👩‍👧‍👦 or a decomposed 각).
				first, _, _, _ := nextCluster(word, -1)
				if !empty && n+1+Width(first) > width {
					newLine()
				} else if !empty {
					b = append(b, ' ')
					n++
				}
				for rest, state := word, -1; rest != ""; {
					var c string
					c, rest, _, state = nextCluster(rest, state)
					cw := Width(c)
					if n+cw > width && n > in {
						newLine()
					}
					if utf8.ValidString(c) {
						b = append(b, c...)
					} else {
						for _, r := range c { // a byte that is no UTF-8: U+FFFD, as ranging gives
							b = utf8.AppendRune(b, r)
						}
					}
					n += cw
				}
				empty = false
				continue
			}
			if !empty && n+1+w > width {
				newLine()
			}
			if !empty {
				b = append(b, ' ')
				n++
			}
			b = append(b, word...)
			n += w
			empty = false
		}
	}
	return string(b)
}

// isURL reports whether word is a web address, perhaps in brackets or
// quotes: a word never broken, that a reader copies or clicks.
func isURL(word string) bool {
	word = strings.TrimLeft(word, "(<[\"'“‘")
	return strings.HasPrefix(word, "https://") || strings.HasPrefix(word, "http://")
}

// Width is the number of terminal columns s takes: two for an East Asian
// wide or full-width character (漢字, ｶ is one), none for a combining mark,
// a format character or a Hangul vowel or final jamo (decomposed 각 takes
// the two of its first jamo), one for the rest. It counts what a reader
// sees as one character (a grapheme cluster: uniseg's, with an Indic
// conjunct such as क्ष kept whole, as Unicode 15.1 asks) as a terminal
// draws it: an emoji sequence (👨‍👩‍👧‍👦 joined by U+200D, a flag 🏳️‍🌈, a
// hand and its skin tone) takes the two columns of one emoji, not the sum
// of its parts; the runes of any other cluster (a letter and its accents,
// an Indic syllable) count each as above ("a\u200db" is two clusters, and
// two columns, as UAX #29 and terminals have it).
func Width(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if joinsEmoji(r) {
			// Only a string with one of these may hold an emoji sequence:
			// the others, most, are measured rune by rune, without the
			// cost of finding clusters (twice the time of a table's cells).
			return clusterWidth(s)
		}
		n += runeWidth(r)
		i += size
	}
	return n
}

// joinsEmoji reports whether r makes an emoji sequence of the emoji before
// it (or is a regional letter, half of a flag): U+200D, a presentation
// selector (U+FE0E, U+FE0F), a skin tone (U+1F3FB to U+1F3FF) or a tag
// letter (🏴󠁧󠁢󠁳󠁣󠁴󠁿).
func joinsEmoji(r rune) bool {
	switch {
	case r == 0x200d, r == 0xfe0f, r == 0xfe0e:
		return true
	case r < 0x1f1e6:
		return false
	}
	return r <= 0x1f1ff || r >= 0x1f3fb && r <= 0x1f3ff || r >= 0xe0020 && r <= 0xe007f
}

// clusterWidth is Width of s by grapheme clusters (nextCluster).
func clusterWidth(s string) int {
	n, rest, state := 0, s, -1
	for rest != "" {
		var c string
		var w int
		c, rest, w, state = nextCluster(rest, state)
		r, size := utf8.DecodeRuneInString(c)
		switch {
		case size == len(c): // one rune
			if r < utf8.RuneSelf {
				n++
			} else {
				n += runeWidth(r)
			}
		case emojiSequence(c):
			n += w
		default:
			n += runesWidth(c)
		}
	}
	return n
}

// runesWidth is the width of the cluster c counted rune by rune, as a
// terminal's wcwidth does: a U+200D in it takes no column, and the
// consonant after one that follows a virama (a half form, "क्\u200dष") is
// counted.
func runesWidth(c string) int {
	n := 0
	for _, r := range c {
		n += runeWidth(r)
	}
	return n
}

// emojiSequence reports whether the cluster c (of more than one rune) is
// drawn as one emoji, whose width uniseg gives: two regional letters (a
// flag), or an emoji with a rune that joinsEmoji. A ZWJ inside an Indic
// word asks for a half form, not an emoji: such a cluster starts with a
// letter, and its runes are counted one by one.
func emojiSequence(c string) bool {
	first, _ := utf8.DecodeRuneInString(c)
	if first >= 0x1f1e6 && first <= 0x1f1ff {
		return true
	}
	if unicode.IsLetter(first) {
		return false
	}
	for _, r := range c {
		if joinsEmoji(r) {
			return true
		}
	}
	return false
}

func runeWidth(r rune) int {
	if r < 0x300 { // Latin, before the first combining mark
		return 1
	}
	if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) || hangulJamoAfter(r) {
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// hangulJamoAfter reports whether r is a Hangul vowel or final consonant
// jamo (U+1160 to U+11FF, U+D7B0 to U+D7FB), which a terminal draws inside
// the syllable its leading consonant begins: decomposed, 각 is ᄀ, ᅡ and ᆨ,
// two columns in all, as the leading consonant alone is (attack24 L7).
func hangulJamoAfter(r rune) bool {
	return r >= 0x1160 && r <= 0x11ff || r >= 0xd7b0 && r <= 0xd7fb // D7FC-D7FF: unassigned
}

// hasWide reports whether s holds a character two columns wide.
func hasWide(s string) bool {
	for _, r := range s {
		if runeWidth(r) == 2 {
			return true
		}
	}
	return false
}

// Hang wraps s as text that follows a label of n columns: the lines after the
// first are indented to line up under the first.
func Hang(s string, width, n int) string {
	pad := strings.Repeat(" ", n)
	return strings.TrimPrefix(Wrap(s, width, pad), pad)
}

// FirstWords is s cut to its first n words, with "…" when words were left
// out; s as it is when it has no more than n.
func FirstWords(s string, n int) string {
	words := strings.Fields(s)
	if len(words) <= n {
		return s
	}
	return strings.Join(words[:n], " ") + "…"
}

// FirstLines wraps s to width and keeps its first n lines, ending in "…"
// when some were left out; its later lines hang two columns in. Width 0
// keeps s whole on one line.
func FirstLines(s string, width, n int) string {
	if width <= 0 {
		return s
	}
	lines := strings.Split(Hang(s, width, 2), "\n")
	if len(lines) <= n {
		return strings.Join(lines, "\n")
	}
	// Room for the "…": the last line kept is wrapped one column narrower.
	kept := strings.Join(lines[:n], " ")
	last := strings.Split(Hang(strings.Join(strings.Fields(kept), " "), width-1, 2), "\n")
	if len(last) > n {
		last = last[:n]
	}
	return strings.Join(last, "\n") + "…"
}

// QuestionLines puts each question of s on a line of its own: a prompt that
// asks several short questions ("Who calls it a genocide? Who calls it a
// massacre?") reads as a list of things to answer, not as one paragraph
// (teacher11 A1). A line breaks after a question mark followed by a space
// and a capital letter or a quote; other text is left as it is.
func QuestionLines(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		if s[i] != '?' || i+2 >= len(s) || s[i+1] != ' ' {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[i+2:])
		if unicode.IsUpper(r) || r == '"' || r == '\'' || r == '“' || r == '‘' {
			b.WriteByte('\n')
			i++ // the space
		}
	}
	return b.String()
}
