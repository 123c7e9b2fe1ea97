package grade

import (
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

// The tally counts graded, failed and unreadable sheets, and names the
// earlier sheet of a student seen twice.
func TestTally(t *testing.T) {
	no := false
	var tl Tally
	tl.AddUnreadable()
	for i, c := range []struct {
		r    *SheetResult
		want string
	}{
		{&SheetResult{Student: "Ana", File: "ana.yaml"}, ""},
		{&SheetResult{Student: "Bo", File: "b.jsonl", Line: 3, Passed: &no}, ""},
		{&SheetResult{}, ""},
		{&SheetResult{}, ""},
		{&SheetResult{Student: "Ana", File: "ana2.yaml"}, "ana.yaml"},
		{&SheetResult{Student: "Bo", File: "bo.yaml"}, "b.jsonl:3"},
	} {
		if got := tl.Add(c.r); got != c.want {
			t.Errorf("sheet %d: earlier %q, want %q", i+1, got, c.want)
		}
	}
	if tl.Graded != 6 || tl.Failed != 1 || tl.Unreadable != 1 || tl.BadAnswers != 0 {
		t.Errorf("tally %+v", tl)
	}
}

// The tally notes when students had different question sets, in any order,
// and how many questions they had in all.
func TestTallyQuestionSets(t *testing.T) {
	a, b, c := &quiz.Question{ID: "a"}, &quiz.Question{ID: "b"}, &quiz.Question{ID: "c"}
	sheet := func(qs ...*quiz.Question) *SheetResult {
		r := &SheetResult{}
		for _, q := range qs {
			r.Outcomes = append(r.Outcomes, quiz.Outcome{Question: &quiz.Presented{Question: q}})
		}
		return r
	}
	var same Tally
	same.Add(sheet(a, b))
	same.Add(sheet(b, a))
	if same.Mixed() || same.Questions() != 2 {
		t.Errorf("same questions in another order: mixed %v, %d questions; want false, 2", same.Mixed(), same.Questions())
	}
	for _, second := range []*SheetResult{sheet(a), sheet(a, b, c), sheet(a, c)} {
		var tl Tally
		tl.Add(sheet(a, b))
		tl.Add(second)
		if !tl.Mixed() {
			t.Errorf("sheets with %d and %d questions: not mixed", 2, len(second.Outcomes))
		}
	}
	var tl Tally
	tl.Add(sheet(a, b))
	tl.Add(sheet(a, c))
	if tl.Questions() != 3 {
		t.Errorf("%d questions in all, want 3", tl.Questions())
	}
}
