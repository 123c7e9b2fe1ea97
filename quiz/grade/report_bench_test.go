package grade

import (
	"bytes"
	"testing"
	"time"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/report"
)

// BenchmarkGradeReport grades one quiz report of the comprehension bank, every
// question answered: the work grade does per file of a class's reports/.
func BenchmarkGradeReport(b *testing.B) {
	bank := assets.CompiledBank("comprehension")
	g := &Grader{Banks: []*quiz.Bank{bank}}
	var outcomes []quiz.Outcome
	for _, q := range bank.Questions {
		r := quiz.Response{Answered: true, Choices: q.Correct, Bool: q.Truth, Text: "1994", Sequence: []int{0, 1, 2, 3, 4, 5}[:min(6, len(q.Items))]}
		if q.Type == quiz.Short {
			r.Text = q.Accept[0]
		}
		if q.Type == quiz.Match {
			r.Matches = make([]int, len(q.Pairs))
		}
		outcomes = append(outcomes, quiz.Outcome{Question: &quiz.Presented{Question: q}, Response: r, Fraction: quiz.Score(q, r)})
	}
	res := &quiz.Result{Outcomes: outcomes, Status: quiz.Complete, Started: time.Unix(0, 0), Finished: time.Unix(600, 0)}
	var buf bytes.Buffer
	report.New(report.Meta{Student: "Ana", Banks: []string{"comprehension"}, Digests: report.Digests([]*quiz.Bank{bank})}, res).Write(&buf, report.FormatJSON)
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := g.GradeReport("ana.json", data); err != nil {
			b.Fatal(err)
		}
	}
}
