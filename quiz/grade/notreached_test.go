package grade

import (
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/stats"
)

// teacher17 P5 and P8: a class of three full quizzes and one stopped early
// (Ctrl-C) before its last two questions. A question's statistics leave out
// the student who never reached it (in item analysis a question not reached
// says nothing about the question), the table says "not reached: 1" beside
// it, and the student's total still counts it as 0. The stopped student's
// TO REREAD names only the passages of the questions they got wrong or left
// blank, not those they never saw.
func TestNotReachedLeftOutOfQuestionStatsAndReread(t *testing.T) {
	q := func(id, sec string, p int) *quiz.Presented {
		return &quiz.Presented{Question: &quiz.Question{ID: id, Bank: "b", Line: p, Type: quiz.TrueFalse, Points: 1, Source: quiz.Source{Section: sec, Paragraph: p}}}
	}
	qs := []*quiz.Presented{q("capital", "Introduction", 1), q("ussr", "Animosity runs deep", 2), q("soviet", "UN resolution", 3)}
	sheet := func(name, ended string, fr []float64, unseen ...int) *SheetResult {
		r := &SheetResult{Student: name, EndedBy: ended}
		for i, pq := range qs {
			o := quiz.Outcome{Question: pq, Response: quiz.Response{Answered: true}, Fraction: fr[i]}
			for _, u := range unseen {
				if u == i {
					o = quiz.Outcome{Question: pq, Unseen: true}
				}
			}
			r.Outcomes = append(r.Outcomes, o)
			r.Score += o.Points()
			r.Max += o.MaxPoints()
		}
		return r
	}
	var cs ClassStats
	full := []*SheetResult{
		sheet("Aysel", quiz.EndFinished, []float64{1, 1, 1}),
		sheet("Davit", quiz.EndFinished, []float64{1, 0, 0.5}),
		sheet("Nino", quiz.EndFinished, []float64{0, 1, 1}),
	}
	stopped := sheet("Elvin", quiz.EndInterrupt, []float64{0, 0, 0}, 1, 2)
	for _, r := range append(full, stopped) {
		cs.Add(r)
	}
	sum := cs.Summary(30)
	byID := map[string]stats.ItemStats{}
	for _, it := range sum.Items {
		byID[it.ID] = it
	}
	soviet := byID["b/soviet"]
	if soviet.Students != 3 || soviet.NotReached != 1 || int(soviet.Facility+0.5) != 83 {
		t.Errorf("b/soviet: %d students, %d not reached, facility %.1f; want 3, 1 and 83 (1, 0.5, 1 over the three who reached it)", soviet.Students, soviet.NotReached, soviet.Facility)
	}
	if c := byID["b/capital"]; c.Students != 4 || c.NotReached != 0 || c.Facility != 50 {
		t.Errorf("b/capital, reached by all: %d students, %d not reached, facility %.1f; want 4, 0, 50", c.Students, c.NotReached, c.Facility)
	}
	// The totals still count the unreached questions as 0, out of 3 each.
	if sum.Count != 4 || sum.MaxScore != 3 || sum.Mean != (3+1.5+2+0)/4.0 {
		t.Errorf("test: %d students, max %v, mean %v; want 4, 3, %v", sum.Count, sum.MaxScore, sum.Mean, (3+1.5+2+0)/4.0)
	}
	if sum.MixedSets() {
		t.Error("a stopped quiz is not a different question set")
	}
	if sum.Alpha != nil || sum.Stopped != 1 {
		t.Errorf("alpha %v, stopped %d: want no alpha (a student did not reach every question) and 1", sum.Alpha, sum.Stopped)
	}
	var text strings.Builder
	if err := sum.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "not reached: 1") || !strings.Contains(text.String(), "1 student did not reach every question") {
		t.Errorf("text summary:\n%s\nwant \"not reached: 1\" beside b/soviet and why alpha is n/a", text.String())
	}
	if got := rereadList(rereadSections(stopped), 0); got != "Introduction ¶1" {
		t.Errorf("Elvin's TO REREAD = %q; want only the question he reached and missed, Introduction ¶1", got)
	}
	if got := rereadList(rereadSections(full[1]), 0); got != "Animosity runs deep ¶2; UN resolution ¶3" {
		t.Errorf("Davit's TO REREAD = %q; want both questions he missed", got)
	}
}
