package quiz

// A numeric answer is read as people write it on paper: the number alone, or
// with the question's unit after it, or an approximate marker before it.

import (
	"fmt"
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
// the number: the question's tolerance says how close is right), maybe
// written as an ordinal ("28th", for the 28th anniversary), maybe
// followed by the question's unit as the test prints it after the blank
// ("350 people"; case and a plural s folded) or by the key's tolerance,
// "350 (± 10) people". The error says what is wrong, for the student.
func (q *Question) ParseNumeric(s string) (float64, error) {
	t := strings.TrimSpace(s)
	if v, err := text.ParseNumber(t); err == nil && !math.IsInf(v, 0) {
		return v, nil // the common case
	}
	for _, a := range approx {
		if len(t) >= len(a) && strings.EqualFold(t[:len(a)], a) {
			t = strings.TrimSpace(t[len(a):])
			break
		}
	}
	num, rest := t, ""
	if i := strings.IndexFunc(t, func(r rune) bool { return unicode.IsLetter(r) || r == '(' }); i > 0 {
		num, rest = strings.TrimSpace(t[:i]), strings.TrimSpace(t[i:])
		if after, ok := ordinal(t[:i], t[i:]); ok {
			rest = after // "28th": the 28th anniversary is 28
		}
	}
	v, err := text.ParseNumber(num)
	if err != nil || math.IsInf(v, 0) {
		return 0, fmt.Errorf("expected a number, found %q", s)
	}
	if tol, after, ok := strings.Cut(rest, ")"); ok && strings.HasPrefix(tol, "(") {
		// The key's "(± 10)": the question's own tolerance, copied.
		tol = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(tol[1:]), "±+-/ "))
		if d, err := text.ParseNumber(tol); err != nil || d != q.Tol {
			return 0, fmt.Errorf("expected a number, found %q: write the number alone (how close counts as right is the question's to say)", s)
		}
		rest = strings.TrimSpace(after)
	}
	if rest == "" || q.unitIs(rest) {
		return v, nil
	}
	if q.Unit != "" && !yearUnit(q.Unit) {
		return 0, fmt.Errorf("expected a number of %s, found %q: write the number alone, or with %q after it", q.Unit, s, q.Unit)
	}
	return 0, fmt.Errorf("expected a number, found %q: write the number alone", s)
}

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

// unitIs reports whether w is the question's unit: as the bank spells it,
// in any case, with or without a plural s, or person for people.
func (q *Question) unitIs(w string) bool {
	if q.Unit == "" {
		return false
	}
	fold := func(s string) string {
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
	return fold(w) == fold(q.Unit)
}
