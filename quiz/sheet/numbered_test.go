package sheet

import (
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

// "1 Human rights watch" on a sheet's question 1, a short answer, is read
// as "Human rights watch" with a warning naming file and line; "1 million",
// right as written, is read as written (teacher 7, A2).
func TestShortAnswerWithItsNumberWarns(t *testing.T) {
	s, err := Read("aram.yaml", 0, []byte("student: Aram\nbanks: [comprehension]\nanswers:\n  hrw-rejected: 1 Human rights watch\n  displaced: 1 million\n"))
	if err != nil {
		t.Fatal(err)
	}
	hrw := &quiz.Question{ID: "hrw-rejected", Type: quiz.Short, Accept: []string{"Human Rights Watch"}}
	v, _ := s.Answer("hrw-rejected")
	r, ps := s.ResolveAt(hrw, v, 1)
	if r.Text != "Human rights watch" || quiz.Score(hrw, r) != 1 || len(ps) != 1 || !ps[0].Warning ||
		ps[0].Error() != `aram.yaml:4: warning: question "hrw-rejected": "1 Human rights watch" read as "Human rights watch": the 1 before it is this question's number (write the answer alone)` {
		t.Errorf("read %q, problem %v", r.Text, ps)
	}
	displaced := &quiz.Question{ID: "displaced", Type: quiz.Short, Accept: []string{"1 million"}}
	v, _ = s.Answer("displaced")
	if r, p := s.ResolveAt(displaced, v, 1); r.Text != "1 million" || quiz.Score(displaced, r) != 1 || len(p) != 0 {
		t.Errorf("1 million: read %q, problem %v", r.Text, p)
	}
}
