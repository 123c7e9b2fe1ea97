package marking

import (
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

// Tally counts every answer gathered, and the ones marked before.
func TestTally(t *testing.T) {
	qs := []*Question{
		{Answers: []Answer{{}, {Mark: &quiz.Mark{Points: 1}}}},
		{Answers: []Answer{{Mark: &quiz.Mark{}}}},
		{},
	}
	if answers, marked := Tally(qs); answers != 3 || marked != 2 {
		t.Errorf("Tally = %d answers, %d marked; want 3, 2", answers, marked)
	}
}
