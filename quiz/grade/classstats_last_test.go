package grade_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/grade"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// Taking the questions' places from the last sheet when a sheet has the
// same questions in the same order (track.place) changes no statistic: on
// random classes whose sheets run of one order, then another (seeds, none),
// with open answers marked or waiting, the summaries in every format and
// the running sums are those of every question looked up on every sheet
// (AddLookingUp, the replaced code's way), byte for byte.
func TestClassStatsTakesPlacesFromTheLastSheet(t *testing.T) {
	g := &grade.Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}
	r := rand.New(rand.NewPCG(30, 7))
	pick := func(vs ...string) string { return vs[r.IntN(len(vs))] }
	layouts := 0
	for class := range 200 {
		unmarked := []float64{0, 0.05, 0.5}[r.IntN(3)]
		var results []*grade.SheetResult
		seed := ""
		for i := range r.IntN(40) {
			if r.IntN(6) == 0 { // a run of sheets of another order
				seed = pick("", `"seed":1,`, `"seed":2,`, `"seed":3,`)
			}
			answers := []string{
				`"capital":"` + pick("Baku", "Yerevan", "Tbilisi") + `"`,
				`"independence":` + pick("true", "false"),
				`"ceasefire-year":` + pick("1994", "1992", "1991"),
			}
			if r.IntN(4) != 0 {
				answers = append(answers, `"ussr":"`+pick("a union of republics", "a union", "x")+`"`)
			}
			sh, err := sheet.Read("s.jsonl", i+1, []byte(`{`+seed+`"answers":{`+strings.Join(answers, ",")+`}}`))
			if err != nil {
				t.Fatal(err)
			}
			res, err := g.Grade(sh)
			if err != nil {
				t.Fatal(err)
			}
			for k := range res.Outcomes {
				o := &res.Outcomes[k]
				if o.Question.Type == quiz.Open && o.ToMark() && r.Float64() >= unmarked {
					o.Mark = &quiz.Mark{Points: o.Question.Points * float64(r.IntN(5)) / 4}
				}
			}
			if len(results) > 0 && fmt.Sprint(ids(res)) != fmt.Sprint(ids(results[len(results)-1])) {
				layouts++
			}
			results = append(results, res)
		}
		for _, sumsOnly := range []bool{false, true} {
			kept, looked := grade.ClassStats{SumsOnly: sumsOnly}, grade.ClassStats{SumsOnly: sumsOnly}
			for _, res := range results {
				kept.Add(res)
				looked.AddLookingUp(res)
			}
			got, want := summaryOutputs(t, kept.Summary(30)), summaryOutputs(t, looked.Summary(30))
			for f := range want {
				if got[f] != want[f] {
					t.Fatalf("class %d (%d sheets), %s:\n%s\nwant\n%s", class, len(results), f, got[f], want[f])
				}
			}
			gs, err1 := kept.Sums().MarshalJSON()
			ws, err2 := looked.Sums().MarshalJSON()
			if err1 != nil || err2 != nil || string(gs) != string(ws) {
				t.Fatalf("class %d: sums\n%s\nwant\n%s (%v, %v)", class, gs, ws, err1, err2)
			}
		}
	}
	if layouts < 100 {
		t.Errorf("only %d sheets with another order than the last: the test does not test", layouts)
	}
}

func ids(r *grade.SheetResult) []string {
	var out []string
	for _, o := range r.Outcomes {
		out = append(out, o.Question.ID)
	}
	return out
}
