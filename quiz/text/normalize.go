package text

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/conflictq/conflictq/quiz/internal/ascii8"
)

// letterFold maps letters that carry no combining mark, so that removing
// diacritics cannot reach them, to the Latin letters readers type instead:
// Azerbaijani ı and ə (Xocalı, Xankəndi), and a few others met in names.
func letterFold(r rune) (string, bool) {
	switch r {
	case 'ı':
		return "i", true
	case 'ə', 'Ə':
		return "e", true
	case 'ł', 'Ł':
		return "l", true
	case 'ø', 'Ø':
		return "o", true
	case 'đ', 'Đ':
		return "d", true
	case 'æ', 'Æ':
		return "ae", true
	case 'œ', 'Œ':
		return "oe", true
	case 'ß':
		return "ss", true
	}
	return "", false
}

// inWordMark is punctuation written inside a word, dropped rather than made
// a space: Armenian places its emphasis, exclamation, question and
// abbreviation marks over a letter (Ինչո՞ւ), and a soft hyphen marks where a
// word may break.
func inWordMark(r rune) bool {
	switch r {
	case '\u055b', '\u055c', '\u055e', '\u055f', '\u00ad':
		return true
	}
	return false
}

// stripMarks pools the transformer that decomposes text and drops its
// combining marks (é → e); building one costs more than using it.
var stripMarks = sync.Pool{New: func() any {
	return transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// Normalize folds text for comparison: Unicode case folding in every script
// (ХОДЖАЛЫ → ходжалы, ԽՈՋԱԼՈՒ → խոջալու), diacritics removed (Xocalı → xocali;
// Cyrillic ё → е and й → и, on both sides of a comparison alike), Armenian և
// spelt եվ as its capital ԵՎ is, and every run of spaces, punctuation and symbols made one space
// (Nagorno-Karabakh → nagorno karabakh). Two answers that a reader would call the
// same normalise to the same string.
func Normalize(s string) string {
	if isASCII(s) {
		if normalASCII(s) {
			return s // nothing to fold: no copy (a one-letter answer, "baku")
		}
		// Most text: a byte at a time into one buffer, where the loop
		// below decodes runes and a bank's validation folds every choice.
		var b strings.Builder
		b.Grow(len(s))
		appendNormalASCII(&b, s)
		return b.String()
	}
	s = strings.ToValidUTF8(s, " ")
	decomposed := s
	if !unmarked(s) {
		// Transform chains hold state: each call takes one from the pool.
		t := stripMarks.Get().(transform.Transformer)
		if d, _, err := transform.String(t, s); err == nil {
			decomposed = d
		}
		stripMarks.Put(t)
	}
	b := make([]byte, 0, len(decomposed))
	space := false
	var prev rune
	for _, r := range decomposed {
		if r < utf8.RuneSelf {
			// ASCII, most of every text: the same result as below by table,
			// without the fold loop and map lookups, which made Normalize the
			// bulk of glossary search.
			prev = r
			c := asciiFolds[r]
			if c == 0 {
				space = true
				continue
			}
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = append(b, c)
			continue
		}
		r = foldCase(r)
		if inWordMark(r) {
			continue
		}
		if r == 'ւ' && prev == 'ե' {
			// The ligature և decomposes to եւ, but its capital form is ԵՎ.
			r = 'վ'
		}
		prev = r
		if f, ok := letterFold(r); ok {
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = append(b, f...)
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = utf8.AppendRune(b, r)
			continue
		}
		space = true
	}
	return string(b)
}

// appendNormalASCII writes Normalize(s) of ASCII s to b: each letter and
// digit by asciiFolds, each run of anything else between them one space.
func appendNormalASCII(b *strings.Builder, s string) {
	start, space := b.Len(), false
	for i := 0; i < len(s); i++ {
		c := asciiFolds[s[i]]
		if c == 0 {
			space = true
			continue
		}
		if space && b.Len() > start {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(c)
	}
}

// normalASCII reports whether ASCII s is its own Normalize: lower-case
// letters and digits, words one space apart, no space at either end.
func normalASCII(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' {
			if s[i-1] == ' ' {
				return false
			}
			continue
		}
		if c == 0 || asciiFolds[c] != c { // 0: a separator too
			return false
		}
	}
	return true
}

// appendSymbolsASCII writes symbols(s) of ASCII s to b: s without its
// letters, digits and spaces.
func appendSymbolsASCII(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ' || c >= '\t' && c <= '\r' {
			continue
		}
		b.WriteByte(c)
	}
}

// asciiFolds is Normalize's fold of each ASCII character: letters and digits
// to themselves in lower case, anything else to 0 (a separator).
// Written out, it is data the linker lays out, not work at start-up.
var asciiFolds = [utf8.RuneSelf]byte{
	'0': '0', '1': '1', '2': '2', '3': '3', '4': '4', '5': '5', '6': '6', '7': '7', '8': '8', '9': '9',
	'A': 'a', 'B': 'b', 'C': 'c', 'D': 'd', 'E': 'e', 'F': 'f', 'G': 'g', 'H': 'h', 'I': 'i', 'J': 'j', 'K': 'k', 'L': 'l', 'M': 'm',
	'N': 'n', 'O': 'o', 'P': 'p', 'Q': 'q', 'R': 'r', 'S': 's', 'T': 't', 'U': 'u', 'V': 'v', 'W': 'w', 'X': 'x', 'Y': 'y', 'Z': 'z',
	'a': 'a', 'b': 'b', 'c': 'c', 'd': 'd', 'e': 'e', 'f': 'f', 'g': 'g', 'h': 'h', 'i': 'i', 'j': 'j', 'k': 'k', 'l': 'l', 'm': 'm',
	'n': 'n', 'o': 'o', 'p': 'p', 'q': 'q', 'r': 'r', 's': 's', 't': 't', 'u': 'u', 'v': 'v', 'w': 'w', 'x': 'x', 'y': 'y', 'z': 'z',
}

// unmarked reports whether stripping marks leaves s as it is: no combining
// marks, and already in both normal forms the transform passes through. Most
// non-ASCII text is so (curly quotes, dashes, ı, ə, Cyrillic, Armenian), and
// the check costs a fraction of the transform.
func unmarked(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && unicode.Is(unicode.Mn, r) {
			return false
		}
	}
	return norm.NFKD.IsNormalString(s) && norm.NFC.IsNormalString(s)
}

// isASCII reports whether every byte of s is ASCII, eight at a time: an
// answer's every bare label was compared with each option's text, whole
// (SameButCase), 7% of grading a folder of 30 sheets a byte at a time.
func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if ascii8.Flags(ascii8.Load(s[i:i+8])) != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldCase maps every rune of a case-folding orbit (K, k and the Kelvin sign K)
// to one member, the lower case of the orbit's smallest rune, so that folding is
// idempotent even for scripts whose folds run to upper case (Cherokee).
func foldCase(r rune) rune {
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return unicode.ToLower(least)
}

// EditDistance is the optimal-string-alignment Damerau-Levenshtein distance
// between a and b, counted in runes: insertions, deletions, substitutions and
// transpositions of neighbours each cost 1.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) == 0 {
		return len(rb)
	}
	if len(rb) == 0 {
		return len(ra)
	}
	// Three rolling rows: two back is needed for transpositions.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// WithinOneEdit reports whether EditDistance(a, b) <= 1 without computing the
// whole distance: grading checks it for every short answer of every sheet.
func WithinOneEdit(a, b string) bool {
	if a == b {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(rb)-len(ra) > 1 {
		return false
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	// The rest compared as runes: every rune of []rune(s) is valid (an
	// invalid byte is U+FFFD), so two are equal as runes exactly when they
	// are equal as strings, and no string is made of them.
	if len(ra) == len(rb) {
		// One substitution, or one transposition of neighbours.
		if slices.Equal(ra[i+1:], rb[i+1:]) {
			return true
		}
		return i+1 < len(ra) && ra[i] == rb[i+1] && ra[i+1] == rb[i] && slices.Equal(ra[i+2:], rb[i+2:])
	}
	return slices.Equal(ra[i:], rb[i+1:]) // one insertion
}

// TypoMinLetters is the length above which a short answer may have one typo,
// counted without articles.
const TypoMinLetters = 6

// TypoMinWord is the length above which a word may hold the typo: in shorter
// words one letter is the whole difference (USSR, USSA; Baku, Bako).
const TypoMinWord = 4

// Accepted is an accepted short answer folded once (a grader keeps it for
// every sheet): its Normalize form, and what the typo rule needs to know.
type Accepted struct {
	Norm   string
	budget int      // letters and digits without articles
	caps   []string // folded words written in capitals: acronyms, never misspelt
}

// FoldAccepted folds an accepted answer as a bank writes it.
func FoldAccepted(a string) Accepted {
	acc := Accepted{Norm: Normalize(a)}
	for _, w := range strings.Fields(acc.Norm) {
		if !article(w) {
			acc.budget += letters(w)
		}
	}
	for _, w := range strings.FieldsFunc(a, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		upper, lower := 0, 0
		for _, r := range w {
			switch {
			case unicode.IsUpper(r):
				upper++
			case unicode.IsLower(r):
				lower++
			}
		}
		if upper >= 2 && lower == 0 {
			acc.caps = append(acc.caps, strings.Fields(Normalize(w))...)
		}
	}
	return acc
}

// article reports the words left out of the typo budget: "the USSR" is four
// letters long.
func article(w string) bool { return w == "a" || w == "an" || w == "the" }

// Matches reports whether a student's answer matches one of the accepted
// answers: equal after Normalize, or one typo away. A typo is allowed only
// when the answer has more than TypoMinLetters letters without its articles,
// and only inside a word of more than TypoMinWord letters that is neither a
// number nor written in capitals: "the ASSR" is not "the USSR", nor 1993 1994.
func Matches(given string, accept []Accepted) bool {
	g := Normalize(given)
	if g == "" {
		return false
	}
	for _, a := range accept {
		if g == a.Norm || a.budget > TypoMinLetters && WithinOneEdit(g, a.Norm) && a.typoWordsOK(g) {
			return true
		}
	}
	return false
}

// typoWordsOK reports whether the one edit that makes g from the accepted
// answer lands only in words that may hold a typo.
func (a Accepted) typoWordsOK(g string) bool {
	rg, rn := []rune(g), []rune(a.Norm)
	i := 0
	for i < len(rg) && i < len(rn) && rg[i] == rn[i] {
		i++
	}
	// The positions of the accepted answer that the edit touches.
	var touched []int
	switch {
	case len(rg) == len(rn) && string(rg[i+1:]) == string(rn[i+1:]):
		touched = []int{i} // a letter changed
	case len(rg) == len(rn):
		touched = []int{i, i + 1} // neighbours swapped
	case len(rg) < len(rn):
		touched = []int{i} // a letter left out
	default:
		touched = []int{i - 1, i} // a letter added between these
	}
	for _, p := range touched {
		if p < 0 || p >= len(rn) {
			continue
		}
		if rn[p] == ' ' {
			// A space added, dropped or changed joins or splits the words
			// on either side: both must be able to take it.
			if !a.wordOK(rn, p-1) || !a.wordOK(rn, p+1) {
				return false
			}
			continue
		}
		if !a.wordOK(rn, p) {
			return false
		}
	}
	return true
}

// wordOK reports whether the word of rn at position p may hold a typo.
func (a Accepted) wordOK(rn []rune, p int) bool {
	if p < 0 || p >= len(rn) || rn[p] == ' ' {
		return true
	}
	start, end := p, p
	for start > 0 && rn[start-1] != ' ' {
		start--
	}
	for end < len(rn) && rn[end] != ' ' {
		end++
	}
	w := string(rn[start:end])
	if letters(w) <= TypoMinWord || strings.IndexFunc(w, unicode.IsDigit) >= 0 {
		return false
	}
	for _, c := range a.caps {
		if c == w {
			return false
		}
	}
	return true
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// SameButCase reports whether a and b differ at most in case, in every
// script (Şuşa, ŞUŞA, şuşa), composed or not: the closer of the two ways
// an option's text is matched before Normalize's, which also drops accents
// and punctuation (Şuşa and Susa fold alike but are not the same but for
// case).
//
// A text of ASCII a is the same but for case as no text of more than
// len(a) characters, so no text of more than 4*len(a) bytes, which is
// passed over unread (an answer's bare label "a" is compared with every
// option's text). EqualFold pairs characters one for one, so
// NFC(b) would have len(a) characters, each ASCII or ſ (U+017F), the
// only characters but the Kelvin sign (U+212A, which NFC replaces) that
// fold to an ASCII letter (TestFoldsToASCII). Those have no canonical
// decomposition, so NFC(b) is its own NFD, which is NFD(b); and NFD(b) has
// at least as many characters as b.
func SameButCase(a, b string) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	if len(b) > 4*len(a) && isASCII(a) || len(a) > 4*len(b) && isASCII(b) {
		return false
	}
	if isASCII(a) && isASCII(b) {
		return false
	}
	return strings.EqualFold(norm.NFC.String(a), norm.NFC.String(b))
}

// AccentsKey is the same for two texts that differ only in accents or case
// (Şuşa and Susa, Xocalı and XOCALI): Normalize's folding, and the symbols
// in the same order, so that C++, C# and C, which a student types apart, have
// keys apart. It is "" for a text Normalize folds to nothing.
func AccentsKey(s string) string {
	if isASCII(s) {
		// Both halves in one buffer: three allocations and a
		// concatenation were most of a bank's check of its choices.
		var b strings.Builder
		b.Grow(2*len(s) + 1)
		if appendNormalASCII(&b, s); b.Len() == 0 {
			return ""
		}
		b.WriteByte(0)
		appendSymbolsASCII(&b, s)
		return b.String()
	}
	f := Normalize(s)
	if f == "" {
		return ""
	}
	return f + "\x00" + symbols(s)
}

// symbols is s without its letters, digits, marks and spaces. ASCII text
// (most choices) is read by bytes: unicode's tables were a third of
// AccentsKey, which a bank's validation runs on every choice.
func symbols(s string) string {
	if isASCII(s) {
		var b strings.Builder
		appendSymbolsASCII(&b, s)
		return b.String()
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
