package quiz

import (
	"fmt"
	"math"
	"strings"

	"github.com/conflictq/conflictq/quiz/text"
)

// MaxPoints bounds a mark where the question it marks is not known (a
// sheet's marks section, a marks CSV as it is read): no question is worth
// more.
const MaxPoints = 1000

// ParsePoints is the one reader of a mark's points, as a teacher writes
// them at mark's prompt, in a marks CSV or in a sheet's marks section:
// "2", "1.5" or "1,5" (a decimal comma, as many spreadsheets save it;
// "1,500" is 1.5 too, never fifteen hundred points). It refuses what
// CheckPoints refuses, and what people do not write as points: "NaN",
// "1e3", "0x10", "". The error names the text as it was written and says
// which it is: a text that is not a number, or a number that is not a mark
// ("3" on a 2-point question is a number: review-code24 #2).
func ParsePoints(s string, most float64) (float64, error) {
	t := strings.TrimSpace(s)
	p, err := text.ParseNumber(strings.Replace(t, ",", ".", 1))
	if err != nil || strings.Count(t, ",") > 1 { // "1,5,0" is no mark (review-code24 #4)
		return 0, fmt.Errorf("%q is not a number of points; %s", t, pointsWanted(most))
	}
	if CheckPoints(p, most) != nil {
		return 0, fmt.Errorf("%q: %s", t, pointsWanted(most))
	}
	return p + 0, nil // +0: never -0
}

// CheckPoints checks a mark's points: 0 to most, in halves.
func CheckPoints(p, most float64) error {
	if math.IsNaN(p) || p < 0 || p > most || p*2 != math.Trunc(p*2) {
		return fmt.Errorf("%s", pointsWanted(most))
	}
	return nil
}

// pointsWanted says what a mark may be, with a half as its example.
func pointsWanted(most float64) string {
	return fmt.Sprintf("give 0 to %s points, in halves (such as %s)", text.FormatNum(most), text.FormatNum(min(max(0.5, most-0.5), 1.5)))
}
