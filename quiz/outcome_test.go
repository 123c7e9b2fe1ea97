package quiz

import "testing"

// A blank open answer counts in the maximum from the start, so skipping an
// open question never scores better than attempting it (test10 W1).
func TestBlankOpenAnswerCountsInTheMaximum(t *testing.T) {
	q := &Question{ID: "ussr", Type: Open, Points: 1}
	blank := Outcome{Question: &Presented{Question: q}}
	if got := blank.MaxPoints(); got != 1 {
		t.Errorf("blank open answer adds %v to the maximum, want 1", got)
	}
	tried := Outcome{Question: &Presented{Question: q}, Response: Response{Answered: true, Text: "I do not know"}, Mark: &Mark{Points: 0}}
	if blank.Points() != tried.Points() || blank.MaxPoints() != tried.MaxPoints() {
		t.Errorf("skipper %v/%v, writer %v/%v", blank.Points(), blank.MaxPoints(), tried.Points(), tried.MaxPoints())
	}
}
