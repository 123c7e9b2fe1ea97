package quiz

import (
	"errors"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// letterFolds maps letters that carry no combining mark, so that removing
// diacritics cannot reach them, to the Latin letters readers type instead:
// Azerbaijani ı and ə (Xocalı, Xankəndi), and a few others met in names.
var letterFolds = map[rune]string{
	'ı': "i", 'ə': "e", 'Ə': "e", 'ł': "l", 'Ł': "l", 'ø': "o", 'Ø': "o",
	'đ': "d", 'Đ': "d", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ß': "ss",
}

// inWordMarks are punctuation written inside a word, dropped rather than made
// a space: Armenian places its emphasis, exclamation, question and
// abbreviation marks over a letter (Ինչո՞ւ), and a soft hyphen marks where a
// word may break.
var inWordMarks = map[rune]bool{'\u055b': true, '\u055c': true, '\u055e': true, '\u055f': true, '\u00ad': true}

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
	decomposed := s
	if !isASCII(s) {
		s = strings.ToValidUTF8(s, " ")
		// Transform chains hold state: each call takes one from the pool.
		t := stripMarks.Get().(transform.Transformer)
		var err error
		if decomposed, _, err = transform.String(t, s); err != nil {
			decomposed = s
		}
		stripMarks.Put(t)
	}
	var b strings.Builder
	b.Grow(len(decomposed))
	space := false
	var prev rune
	for _, r := range decomposed {
		r = foldCase(r)
		if inWordMarks[r] {
			continue
		}
		if r == 'ւ' && prev == 'ե' {
			// The ligature և decomposes to եւ, but its capital form is ԵՎ.
			r = 'վ'
		}
		prev = r
		if f, ok := letterFolds[r]; ok {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(f)
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
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

// withinOneEdit reports whether EditDistance(a, b) <= 1 without computing the
// whole distance: grading checks it for every short answer of every sheet.
func withinOneEdit(a, b string) bool {
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
	if len(ra) == len(rb) {
		// One substitution, or one transposition of neighbours.
		if string(ra[i+1:]) == string(rb[i+1:]) {
			return true
		}
		return i+1 < len(ra) && ra[i] == rb[i+1] && ra[i+1] == rb[i] && string(ra[i+2:]) == string(rb[i+2:])
	}
	return string(ra[i:]) == string(rb[i+1:]) // one insertion
}

// TypoMinLetters is the length above which a short answer may have one typo.
const TypoMinLetters = 6

// MatchesShort reports whether a student's answer matches one of the accepted
// answers: equal after Normalize, or, for accepted answers of more than
// TypoMinLetters letters, one edit away.
func MatchesShort(given string, accept []string) bool {
	folded := make([]string, len(accept))
	for i, a := range accept {
		folded[i] = Normalize(a)
	}
	return matchesFolded(given, folded)
}

// matchesFolded is MatchesShort against accepted answers already normalised.
func matchesFolded(given string, accept []string) bool {
	g := Normalize(given)
	if g == "" {
		return false
	}
	for _, n := range accept {
		if g == n {
			return true
		}
		if letters(n) > TypoMinLetters && withinOneEdit(g, n) {
			return true
		}
	}
	return false
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

// numberSpaces removes digit-group separators and mends the minus sign. A
// Replacer is immutable once built and safe to share.
var numberSpaces = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", "_", "", "−", "-")

// ErrNotANumber is returned by ParseNumber for text that is not a number.
var ErrNotANumber = errors.New("not a number")

// ParseNumber reads a number the way people write one: 1994, -3.5, 1,994 and
// 30,000 (comma as thousands separator), 1 994, 3,5 (comma as decimal mark when it
// is not followed by exactly three digits).
func ParseNumber(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if plainDigits(s) { // the common case, for grading many sheets
		if v, err := strconv.ParseFloat(s, 64); err == nil {
			return v, nil
		}
	}
	s = numberSpaces.Replace(s)
	if s == "" {
		return 0, ErrNotANumber
	}
	if strings.Contains(s, ",") {
		if thousands(s) {
			s = strings.ReplaceAll(s, ",", "")
		} else if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
			s = strings.Replace(s, ",", ".", 1)
		} else {
			return 0, ErrNotANumber
		}
	}
	// Reject what strconv accepts but people do not mean: hex, "Inf", "NaN", exponents.
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == '.' || r == '-' || r == '+') {
			return 0, ErrNotANumber
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, ErrNotANumber
	}
	return v, nil
}

func plainDigits(s string) bool {
	if s == "" || len(s) > 15 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// thousands reports whether s groups its integer part in threes with commas.
func thousands(s string) bool {
	intPart := strings.TrimLeft(s, "+-")
	if i := strings.IndexByte(intPart, '.'); i >= 0 {
		intPart = intPart[:i]
	}
	groups := strings.Split(intPart, ",")
	if len(groups[0]) < 1 || len(groups[0]) > 3 {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return true
}
