package gift

import (
	"github.com/conflictq/conflictq/quiz"
)

// check re-checks a question built from GIFT with quiz's validator, so that
// the rest of conflictq (the session, scoring, reports) never meets a question
// the YAML loader would refuse; it adds what only a parser can get wrong (a
// bank and a line). The parser reports most problems where it meets them,
// with their own line; check is the net under it. It returns what is wrong,
// one "field: message" each.
func check(q *quiz.Question) []string {
	var out []string
	if q.Bank == "" {
		out = append(out, "no bank")
	}
	if q.Line <= 0 {
		out = append(out, "no line")
	}
	for _, p := range q.Validate() {
		if p.Warning {
			continue // parse warns of it
		}
		out = append(out, p.Field+": "+p.Msg)
	}
	return out
}
