package quiz

import (
	"fmt"
	"strings"
	"testing"
)

// Every right side of a matching question is typeable by one letter: the
// plain prompter and sheets name them a to z (text.Letter), so Validate stops
// at z.
func TestValidateMaxPairs(t *testing.T) {
	q := func(n int) *Question {
		q := &Question{ID: "m", Type: Match, Prompt: "Match.", Points: 1, Explanation: "E"}
		for i := range n {
			q.Pairs = append(q.Pairs, Pair{Left: fmt.Sprintf("L%d", i), Right: fmt.Sprintf("R%d", i)})
		}
		return q
	}
	for _, p := range q(MaxPairs).Validate() {
		if p.Field == "pairs" {
			t.Errorf("%d pairs: %v", MaxPairs, p)
		}
	}
	var msgs []string
	for _, p := range q(MaxPairs + 2).Validate() {
		msgs = append(msgs, p.Field+": "+p.Msg)
	}
	if s := strings.Join(msgs, "\n"); !strings.Contains(s, "pairs: give at most 26 pairs (one letter each, a to z), not 28") {
		t.Errorf("28 pairs: %s", s)
	}
}
