package grade_test

import (
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/grade"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// A teacher's mark of an open answer counts in the class statistics like any
// other mark once every open answer is marked; until then the statistics
// cover the automatically marked questions, for every sheet, and ToMark says
// how many sheets wait (test11 P4).
func TestClassStatsCountTeacherMarks(t *testing.T) {
	g := &grade.Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}
	sheets := []string{
		`{"answers":{"capital":"Baku","ussr":"a union of republics"}}`,
		`{"answers":{"capital":"Baku","ussr":"a union"}}`,
		`{"answers":{"capital":"Yerevan"}}`, // left blank: 0 of its points
	}
	class := func(marks ...float64) (*grade.ClassStats, map[string]float64) {
		var cs grade.ClassStats
		for i, s := range sheets {
			sh, err := sheet.Read("s.jsonl", i+1, []byte(s))
			if err != nil {
				t.Fatal(err)
			}
			r, err := g.Grade(sh)
			if err != nil {
				t.Fatal(err)
			}
			for k := range r.Outcomes {
				if r.Outcomes[k].Question.ID == "ussr" && i < len(marks) {
					r.Outcomes[k].Mark = &quiz.Mark{Points: marks[i]}
				}
			}
			cs.Add(r)
		}
		facility := map[string]float64{}
		for _, it := range cs.Summary(30).Items {
			facility[it.ID] = it.Facility
		}
		return &cs, facility
	}
	cs, facility := class(1) // the second essay waits
	sum := cs.Summary(30)
	if _, ok := facility["sample/ussr"]; sum.Count != 3 || cs.ToMark() != 1 || ok {
		t.Errorf("one essay unmarked: %d sheets, %d to mark, open question in the items %v; want 3, 1, false", sum.Count, cs.ToMark(), ok)
	}
	cs, facility = class(1, 0.5)
	sum = cs.Summary(30)
	if f, ok := facility["sample/ussr"]; sum.Count != 3 || cs.ToMark() != 0 || !ok || f != 50 {
		t.Errorf("every essay marked: %d sheets, %d to mark, the essay's facility %v (%v); want 3, 0, 50", sum.Count, cs.ToMark(), f, ok)
	}
	// The responses count every sheet, marked or not.
	for _, qr := range sum.Responses {
		if qr.ID == "sample/capital" && qr.Students != 3 {
			t.Errorf("capital's responses count %d students, want 3", qr.Students)
		}
	}
}
