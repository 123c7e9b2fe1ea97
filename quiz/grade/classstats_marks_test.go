package grade_test

import (
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/grade"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// A teacher's mark of an open answer counts in the class statistics like any
// other mark; a sheet whose open answer waits for one is left out until it is
// marked, and counted apart (test11 P4).
func TestClassStatsCountTeacherMarks(t *testing.T) {
	g := &grade.Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}
	var cs grade.ClassStats
	for i, s := range []string{
		`{"answers":{"capital":"Baku","ussr":"a union of republics"}}`, // marked 1 below
		`{"answers":{"capital":"Baku","ussr":"a union"}}`,              // not yet marked
		`{"answers":{"capital":"Yerevan"}}`,                            // left blank: 0
	} {
		sh, err := sheet.Read("s.jsonl", i+1, []byte(s))
		if err != nil {
			t.Fatal(err)
		}
		r, err := g.Grade(sh)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			for k := range r.Outcomes {
				if r.Outcomes[k].Question.ID == "ussr" {
					r.Outcomes[k].Mark = &quiz.Mark{Points: 1}
				}
			}
		}
		cs.Add(r)
	}
	sum := cs.Summary(30)
	if sum.Count != 2 || cs.ToMark() != 1 {
		t.Fatalf("%d sheets in the statistics, %d left to mark; want 2 and 1", sum.Count, cs.ToMark())
	}
	var ussr *float64
	for _, it := range sum.Items {
		if it.ID == "sample/ussr" {
			f := it.Facility
			ussr = &f
		}
	}
	if ussr == nil || *ussr != 50 {
		t.Errorf("the open question's facility: %v, want 50 (one mark of 1, one blank)", ussr)
	}
	// The responses count every sheet, marked or not.
	for _, qr := range sum.Responses {
		if qr.ID == "sample/capital" && qr.Students != 3 {
			t.Errorf("capital's responses count %d students, want 3", qr.Students)
		}
	}
}
