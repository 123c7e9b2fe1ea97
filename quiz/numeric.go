package quiz

// A numeric answer is read as people write it on paper: the number alone, or
// with the question's unit after it, or an approximate marker before it.

import (
	"fmt"
	"github.com/conflictq/conflictq/quiz/internal/lazy"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/conflictq/conflictq/quiz/text"
)

// approx are the words a student writes before a number to say it is
// about that much; the question's tolerance says how close is right, so
// "~350" is read as 350.
var approx = []string{"~", "≈", "about ", "approx. ", "approx ", "approximately ", "around ", "circa ", "ca. ", "c. ", "c.", "some "}

// ParseNumeric reads a numeric question's answer as a student writes it:
// a number (text.ParseNumber), maybe after "~", "about" or "c." (read as
// the number: the question's tolerance says how close is right) and
// "the", maybe written as an ordinal ("28th", for the 28th anniversary;
// its suffix must be the number's own: "28st" is refused), maybe
// followed by the question's unit as the test prints it after the blank
// ("350 people"; case and a plural s folded), by the words that say a
// year is one on a question asking for a year ("in 1991", "1994 г.",
// yearAlone), by the noun the prompt asks
// about ("which anniversary": "28th anniversary") or by the key's
// tolerance, "350 (± 10) people"; a full stop or other sentence mark at
// the end is passed over. The error says what is wrong, for the student.
func (q *Question) ParseNumeric(s string) (float64, error) {
	t := strings.TrimSpace(s)
	if v, err := text.ParseNumber(t); err == nil && !math.IsInf(v, 0) {
		return v, q.dotThousands(s, t) // the common case
	}
	t = strings.TrimSpace(strings.TrimRight(t, sentenceEnd))
	for _, a := range approx {
		if len(t) >= len(a) && strings.EqualFold(t[:len(a)], a) {
			t = strings.TrimSpace(t[len(a):])
			break
		}
	}
	if len(t) > 4 && strings.EqualFold(t[:4], "the ") {
		t = strings.TrimSpace(t[4:]) // "the 28th"
	}
	if q.AsksYear() {
		t = yearAlone(t) // "in 1991", "1994 г.", "1994-cü il"
	}
	num, rest, suffix := t, "", ""
	if i := strings.IndexFunc(t, func(r rune) bool { return unicode.IsLetter(r) || r == '(' }); i > 0 {
		num, rest = strings.TrimSpace(t[:i]), strings.TrimSpace(t[i:])
		if after, ok := ordinal(t[:i], t[i:]); ok {
			rest, suffix = after, strings.ToLower(t[i:i+2]) // "28th": the 28th anniversary is 28
		}
	}
	v, err := text.ParseNumber(num)
	if err != nil && strings.ContainsAny(num[:min(len(num), 1)], "<>≤≥") {
		// "> 20000" (a sheet keeps the > a student typed): a bound,
		// which no question asks for, and never the number after it.
		return 0, fmt.Errorf("expected a number, found %q: a comparison is not a number; write the number alone", s)
	}
	if err != nil || math.IsInf(v, 0) {
		return 0, fmt.Errorf("expected a number, found %q", s)
	}
	if err := q.dotThousands(s, num); err != nil {
		return 0, err
	}
	if suffix != "" {
		if want := ordinalSuffix(v); suffix != want {
			return 0, &OrdinalError{Given: s, Number: num, Suffix: want}
		}
	}
	if tol, after, ok := strings.Cut(rest, ")"); ok && strings.HasPrefix(tol, "(") {
		// The key's "(± 10)": the question's own tolerance, copied.
		tol = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(tol[1:]), "±+-/ "))
		if d, err := text.ParseNumber(tol); err != nil || d != q.Tol {
			return 0, fmt.Errorf("expected a number, found %q: write the number alone (how close counts as right is the question's to say)", s)
		}
		rest = strings.TrimSpace(after)
	}
	if rest == "" || q.unitIs(rest) || q.askedNounIs(rest) {
		return v, nil
	}
	if q.Unit != "" && !yearUnit(q.Unit) {
		return 0, fmt.Errorf("expected a number of %s, found %q: write the number alone, or with %q after it", q.Unit, s, q.Unit)
	}
	return 0, fmt.Errorf("expected a number, found %q: write the number alone", s)
}

// dotThousands refuses a number that may be written with a dot between
// thousands, as much of Europe writes them ("30.000" for 30000), when the
// question's key is a whole number: read as decimals it is 30, surely not
// what was meant, and read as thousands it would be a guess. The student is
// asked again (a sheet's answer is unreadable) and told how to write it.
// A key with decimals reads it as decimals: 3.142 is pi to three places.
// A comma is read by text.ParseNumber's rule (thousands before exactly
// three digits), so 30,000 is thirty thousand.
func (q *Question) dotThousands(s, num string) error {
	num = strings.TrimLeft(num, "+-−")
	whole, frac, ok := strings.Cut(num, ".")
	if !ok || len(whole) < 1 || len(whole) > 3 || whole[0] == '0' || len(frac) != 3 || !digits(whole) || !digits(frac) || !q.wholeKey() {
		return nil
	}
	return &DotThousandsError{Given: s, Whole: whole, Frac: frac}
}

// DotThousandsError is a whole number written with a dot between
// thousands ("30.000"), which the question does not guess at.
type DotThousandsError struct {
	Given       string // as written
	Whole, Frac string // the digits before and after the dot
}

func (e *DotThousandsError) Error() string {
	return fmt.Sprintf("expected a number, found %q: %s", e.Given, e.Hint())
}

// Hint says how to write it: "a dot marks decimals; for thousands write
// 30000 or 30,000".
func (e *DotThousandsError) Hint() string {
	return fmt.Sprintf("a dot marks decimals; for thousands write %s%s or %s,%s", e.Whole, e.Frac, e.Whole, e.Frac)
}

func digits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// wholeKey reports whether every number the question accepts is whole.
func (q *Question) wholeKey() bool {
	if q.Value != math.Trunc(q.Value) {
		return false
	}
	for _, n := range q.Numbers {
		if !n.Any && n.Value != math.Trunc(n.Value) {
			return false
		}
	}
	return true
}

// OrdinalError is a number written with another number's ordinal suffix
// ("28st"): which number was meant is not clear, so it is not read.
type OrdinalError struct {
	Given  string // as written
	Number string // the number in it, as written
	Suffix string // the number's own suffix
}

func (e *OrdinalError) Error() string {
	return fmt.Sprintf("expected a number, found %q: %s", e.Given, e.Hint())
}

// Hint says how the number is written as an ordinal: "28 as an ordinal is 28th".
func (e *OrdinalError) Hint() string {
	return fmt.Sprintf("%s as an ordinal is %s%s", e.Number, e.Number, e.Suffix)
}

// sentenceEnd are the marks a student may end an answer with as a
// sentence ("28th."); none of them changes the number.
const sentenceEnd = ".!?;:…"

// ordinal reads an English ordinal's suffix, st, nd, rd or th, written
// straight after a whole number ("28th", "1ST"): it returns what follows
// the suffix, and ok. A word that only begins with those letters
// ("30thousand") is no suffix.
func ordinal(num, rest string) (after string, ok bool) {
	if num == "" || num[len(num)-1] < '0' || num[len(num)-1] > '9' || strings.ContainsAny(num, ".") || len(rest) < 2 {
		return "", false
	}
	switch strings.ToLower(rest[:2]) {
	case "st", "nd", "rd", "th":
	default:
		return "", false
	}
	after = rest[2:]
	if r, _ := utf8.DecodeRuneInString(after); after != "" && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return "", false
	}
	return strings.TrimSpace(after), true
}

// ordinalSuffix is the English ordinal suffix of the whole number v: 1st,
// 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 23rd, 101st, 111th.
func ordinalSuffix(v float64) string {
	n := int64(math.Abs(v))
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

// unitIs reports whether w is the question's unit: as the bank spells it,
// in any case, with or without a plural s, or person for people.
func (q *Question) unitIs(w string) bool {
	if q.Unit == "" {
		return false
	}
	return nounFold(w) == nounFold(q.Unit)
}

// nounFold folds a noun for comparing: case, a plural s or ies, and
// person for people.
func nounFold(s string) string {
	s = text.Normalize(s)
	switch s {
	case "people", "persons":
		return "person"
	}
	if strings.HasSuffix(s, "ies") && len(s) > 4 {
		return strings.TrimSuffix(s, "ies") + "y"
	}
	return strings.TrimSuffix(s, "s")
}

// askedNounIs reports whether w is the noun the prompt asks about, the
// word after its "which", "what" or "how many" ("which anniversary",
// "in what year"), or one joined to it by "and" or "or" ("how many
// soldiers and civilians": either), as unitIs folds it: a question with no
// unit is answered "28th anniversary" as naturally as "350 people".
func (q *Question) askedNounIs(w string) bool {
	if strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(q.Prompt), func(r rune) bool { return !unicode.IsLetter(r) })
	for i := 0; i+1 < len(words); i++ {
		at := i + 1 // the word asked about
		switch {
		case words[i] == "how" && (words[at] == "many" || words[at] == "much") && i+2 < len(words):
			at++
		case words[i] != "which" && words[i] != "what":
			continue
		}
		if notANoun.Get()[words[at]] {
			continue
		}
		// The first such noun is what the question asks about, with the
		// nouns joined to it ("how many soldiers and civilians").
		for {
			if nounFold(w) == nounFold(words[at]) {
				return true
			}
			if at+2 >= len(words) || words[at+1] != "and" && words[at+1] != "or" || notANoun.Get()[words[at+2]] {
				return false
			}
			at += 2
		}
	}
	return false
}

// notANoun are the words that follow "what" or "which" in a question
// without being what it asks about ("What was the Soviet Union?").
var notANoun = &lazy.Value[map[string]bool]{New: func() map[string]bool {
	return map[string]bool{"is": true, "was": true, "were": true, "are": true, "be": true, "did": true,
		"do": true, "does": true, "has": true, "had": true, "have": true, "will": true, "would": true, "can": true,
		"could": true, "should": true, "the": true, "a": true, "an": true, "of": true, "it": true, "this": true,
		"that": true, "they": true, "he": true, "she": true, "you": true, "we": true, "many": true, "much": true}
}}
