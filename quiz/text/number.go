package text

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// groupSep reports whether r separates digit groups: a space, a no-break
// or narrow no-break space (as word processors write 30 000), or _.
func groupSep(r rune) bool { return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '_' }

// ungroup joins digit groups separated by spaces (groupSep), which are read
// only as thousands: a first group of one to three digits, then groups of
// exactly three ("30 000", "1 994", "1 234 567.5", "30 000,5"). Anything
// else, "6 13", "19 91", "1 9 9 1", is no number: the student may have
// meant several. So is the same three digits written twice or more
// ("613 613"), an answer typed twice far more often than 613,613. A space
// after a sign is passed over ("- 5").
func ungroup(s string) (string, bool) {
	sign := ""
	if s != "" && (s[0] == '-' || s[0] == '+') {
		sign, s = s[:1], strings.TrimLeftFunc(s[1:], groupSep)
	}
	groups := strings.FieldsFunc(s, groupSep)
	switch len(groups) {
	case 0:
		return "", false
	case 1:
		return sign + groups[0], true
	}
	last := len(groups) - 1
	frac := ""
	if i := strings.IndexAny(groups[last], ".,"); i >= 0 {
		groups[last], frac = groups[last][:i], groups[last][i:]
	}
	if len(groups[0]) > 3 {
		return "", false
	}
	same := len(groups[0]) == 3
	for i, g := range groups {
		if g == "" || !plainDigits(g) || i > 0 && len(g) != 3 {
			return "", false
		}
		same = same && g == groups[0]
	}
	if same && frac == "" {
		return "", false
	}
	return sign + strings.Join(groups, "") + frac, true
}

// ErrNotANumber is returned by ParseNumber for text that is not a number.
var ErrNotANumber = errors.New("not a number")

// ParseNumber reads a number the way people write one: 1994, -3.5, 1,994 and
// 30,000 (comma as thousands separator), 1 994 and 30 000 (spaces between
// thousands only: see ungroup), 3,5 (comma as decimal mark when it is not
// followed by exactly three digits).
func ParseNumber(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if plainDigits(s) { // the common case, for grading many sheets
		if v, err := strconv.ParseFloat(s, 64); err == nil {
			return v, nil
		}
	}
	s = strings.ReplaceAll(s, "−", "-")
	if strings.ContainsFunc(s, groupSep) {
		var ok bool
		if s, ok = ungroup(s); !ok {
			return 0, ErrNotANumber
		}
	}
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

// thousands reports whether s groups its integer part in threes with commas
// and has none after its decimal point: "1.5,5" was read as 1.55 and
// "0.5,25" as 0.525, every comma deleted (review-code24 #4).
func thousands(s string) bool {
	intPart := strings.TrimLeft(s, "+-")
	if i := strings.IndexByte(intPart, '.'); i >= 0 {
		if strings.IndexByte(intPart[i:], ',') >= 0 {
			return false
		}
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

// Round2 rounds to two decimals, as scores and percentages are shown.
func Round2(v float64) float64 { return math.Round(v*100) / 100 }

// Percent is score as a percentage of max, to two decimals; 0 when max is 0.
func Percent(score, max float64) float64 {
	if max == 0 {
		return 0
	}
	return Round2(100 * score / max)
}

// FormatQuantity writes a number as people read it: with thousands
// separators from 10,000 up (30,000; 1,000,000), so that four-digit years
// stay 1994; decimals as they are (0.5).
func FormatQuantity(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if math.Abs(v) < 10000 {
		return s
	}
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, d := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return sign + b.String()
}

// FormatPercent writes a percentage for people: whole when it is, else to one
// decimal (33.3, 66.7, 2.7), never 33.33.
func FormatPercent(p float64) string {
	p = math.Round(p*10) / 10
	if p == math.Trunc(p) {
		return strconv.FormatInt(int64(p), 10)
	}
	return strconv.FormatFloat(p, 'f', 1, 64)
}

// FormatResultPercent writes a sheet's percentage beside its verdict
// against the pass mark pass (nil: none), as FormatPercent does, except
// that a percentage below the mark that would round up to it is rounded
// down instead: 59.95 against a mark of 60 shows 59.9, never 60, while
// 66.67 against 70 shows 66.7; and below 100, never 100 (99.95 shows 99.9).
// Every format that prints a verdict uses it;
// machine fields (JSON, CSV) keep the figure to two decimals.
func FormatResultPercent(p float64, pass *float64) string {
	marks := []float64{100} // the other mark read literally: 99.95 is not full marks
	if pass != nil {
		marks = append(marks, *pass)
	}
	for _, m := range marks {
		if p < m && math.Round(p*10)/10 >= m {
			// Down to one decimal (p < m, so this is below it too); the
			// small addition keeps 12.3, held as 12.29999..., from 12.2.
			p = min(math.Floor(p*10+1e-9)/10, p)
		}
	}
	return FormatPercent(p)
}

// FormatNum writes a score or a mark to two decimals at most: 3, 2.5, 0.33.
func FormatNum(v float64) string {
	v = Round2(v)
	if v == math.Trunc(v) && math.Abs(v) < 1e15 { // most marks are whole: skip the float formatter
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
