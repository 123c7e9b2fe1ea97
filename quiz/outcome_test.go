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

// SameQuestions is true only for the same questions in the same order: a
// question swapped, one more or one fewer, or another question of the same
// id (another bank's) makes a sheet new.
func TestSameQuestions(t *testing.T) {
	a, b, c := &Question{ID: "a"}, &Question{ID: "b"}, &Question{ID: "a", Bank: "other"}
	out := func(qs ...*Question) []Outcome {
		o := make([]Outcome, len(qs))
		for i, q := range qs {
			o[i].Question = &Presented{Question: q}
		}
		return o
	}
	for _, tc := range []struct {
		outcomes []Outcome
		qs       []*Question
		want     bool
	}{
		{out(a, b), []*Question{a, b}, true},
		{out(), nil, true},
		{out(b, a), []*Question{a, b}, false},
		{out(a), []*Question{a, b}, false},
		{out(a, b), []*Question{a}, false},
		{out(c, b), []*Question{a, b}, false},
	} {
		if got := SameQuestions(tc.outcomes, tc.qs); got != tc.want {
			t.Errorf("SameQuestions(%d outcomes, %d questions) = %v, want %v", len(tc.outcomes), len(tc.qs), got, tc.want)
		}
	}
}
