package gift

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/conflictq/conflictq/quiz"
)

// moodleGrades are the answer grades Moodle's question editor offers
// (question_bank::fraction_options_full), as shares of the mark. Its import
// refuses other grades by default ("error if grade not listed").
var moodleGrades = []float64{1, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0}

// nearestGrade returns the Moodle grade closest to c (sign kept) and whether
// c is one.
func nearestGrade(c float64) (float64, bool) {
	best := 0.0
	for _, g := range moodleGrades {
		if math.Abs(math.Abs(c)-g) < math.Abs(math.Abs(c)-best) {
			best = g
		}
	}
	return math.Copysign(best, c), math.Abs(math.Abs(c)-best) < 1e-6
}

// IfAnswered leads an answer's own feedback in the explanation: "If you
// answered Cat: ", and for Moodle's * "If you answered anything else: ".
func IfAnswered(answer string) string {
	switch {
	case strings.TrimSpace(answer) == "*":
		return "If you answered anything else: "
	case !quiz.HasWildcard(answer):
		answer = quiz.LiteralAnswer(answer)
	}
	return "If you answered " + answer + ": "
}

// MoodleNotes says where conflictq will mark an imported question other than
// Moodle does, for the GIFT and Moodle XML readers to warn with: a negative
// credit on a single-choice question (Moodle subtracts it; conflictq gives at
// least 0), and a credit that is not one of Moodle's grades (Moodle's import
// refuses it by default, or rounds it).
func MoodleNotes(q *quiz.Question) []string {
	var out []string
	pct := func(v float64) string { return strconv.FormatFloat(math.Round(v*1e7)/1e5, 'f', -1, 64) + "%" }
	seen := map[float64]bool{}
	off := func(c float64) {
		if g, ok := nearestGrade(c); !ok && !seen[c] {
			seen[c] = true
			out = append(out, fmt.Sprintf("the credit %s is not one of Moodle's grades: Moodle's import refuses it by default, or rounds it to %s; conflictq gives %s", pct(c), pct(g), pct(c)))
		}
	}
	if q.Credit != nil {
		for i, c := range q.Credit {
			off(c)
			if q.Type == quiz.Single && c < 0 {
				out = append(out, fmt.Sprintf("choosing %q takes %s of the mark away in Moodle; conflictq scores a question at least 0", q.Choices[i], pct(-c)))
			}
		}
	}
	for _, n := range q.Numbers {
		off(n.Credit)
	}
	return out
}
