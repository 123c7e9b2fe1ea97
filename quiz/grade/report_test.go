package grade

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/report"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// A quiz's JSON report, read back by grade, gives the quiz's marks and the
// answers as the bank's options, in the order asked.
func TestGradeReportReadsBackAQuiz(t *testing.T) {
	bank := testfiles.Sample(t)
	g := &Grader{Banks: []*quiz.Bank{bank}}
	sh, err := sheet.Read("ana.json", 0, []byte(`{"student":"Ana","answers":{"capital":"Yerevan","seas":["Black Sea","Caspian Sea"],"independence":true,"town":"Xocali","sequence":[2,1,3,4],"names":{"Khojaly":"Xocalı","Shusha":"Khankendi","Stepanakert":"Shushi"},"ussr":"a union"}}`))
	if err != nil {
		t.Fatal(err)
	}
	sheetRes, err := g.Grade(sh)
	if err != nil {
		t.Fatal(err)
	}
	// The quiz asked them in another order than the bank's.
	outcomes := append([]quiz.Outcome(nil), sheetRes.Outcomes...)
	outcomes[0], outcomes[len(outcomes)-1] = outcomes[len(outcomes)-1], outcomes[0]
	res := &quiz.Result{Outcomes: outcomes, Status: quiz.Incomplete, EndedBy: quiz.EndInterrupt, Started: time.Unix(0, 0), Finished: time.Unix(60, 0)}
	var b bytes.Buffer
	if err := report.New(report.Meta{Student: "Ana", Banks: []string{"sample"}}, res).Write(&b, report.FormatJSON); err != nil {
		t.Fatal(err)
	}
	if !sheet.IsReport(b.Bytes()) {
		t.Fatal("a report is not recognised as one")
	}
	pass := 50.0
	g.Pass = &pass
	got, err := g.GradeReport("ana.json", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got.Student != "Ana" || got.Score != sheetRes.Score || got.Max != sheetRes.Max || got.Passed == nil || len(got.Outcomes) != len(sheetRes.Outcomes) {
		t.Fatalf("read back %+v, graded %+v", got, sheetRes)
	}
	for i, o := range got.Outcomes {
		want := outcomes[i]                                                                               // the order asked
		if o.Question.Question != want.Question.Question || math.Abs(o.Points()-want.Points()) > 0.005 || // the report keeps 2 decimals
			o.Response.Answered != want.Response.Answered ||
			!slices.Equal(o.Response.Choices, want.Response.Choices) || !slices.Equal(o.Response.Sequence, want.Response.Sequence) || !slices.Equal(o.Response.Matches, want.Response.Matches) {
			t.Errorf("question %s: read back %+v, graded %+v", o.Question.ID, o.Response, want.Response)
		}
	}
	if sheet.IsReport([]byte(`{"student":"Ana","answers":{}}`)) {
		t.Error("a sheet taken for a report")
	}
}

func TestGradeReportRefusesWhatItCannotRead(t *testing.T) {
	g := &Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}
	for _, tt := range []struct{ data, want string }{
		{`{"schema_version": 1, "questions": [`, "ana.json:1: not a conflictq quiz report"},
		{`{"schema_version": 7, "banks": ["sample"], "questions": []}`, "report version 7"},
	} {
		_, err := g.GradeReport("ana.json", []byte(tt.data))
		var inv *quiz.InvalidError
		if !errors.As(err, &inv) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want an InvalidError with %q", tt.data, err, tt.want)
		}
	}
	res, err := g.GradeReport("ana.json", []byte(`{"schema_version": 1, "banks": ["sample"], "questions": [{"id": "gone", "bank": "sample", "given": "x", "points": 1, "max_points": 1}]}`))
	if err != nil || res.Unreadable() != 1 || !strings.Contains(res.Problems[0].Error(), `"gone"`) {
		t.Errorf("a question the bank no longer has: %v, %+v", err, res)
	}
}

// A report is graded again against the bank as it is now: a corrected answer
// key re-marks it, and the changed digest is a warning. A version 1 report,
// which holds only the answers' text, grades as the version 2 one does.
func TestGradeReportAgainstACorrectedBank(t *testing.T) {
	bank := testfiles.Sample(t)
	q := bank.Question("capital")
	r := quiz.Response{Answered: true, Choices: []int{1}} // Yerevan: wrong in the bank as written
	res := &quiz.Result{Outcomes: []quiz.Outcome{{Question: &quiz.Presented{Question: q}, Response: r, Fraction: quiz.Score(q, r)}},
		Status: quiz.Complete, Started: time.Unix(0, 0), Finished: time.Unix(60, 0)}
	var b bytes.Buffer
	report.New(report.Meta{Student: "Ana", Banks: []string{"sample"}, Digests: report.Digests([]*quiz.Bank{bank})}, res).Write(&b, report.FormatJSON)
	v2 := b.Bytes()
	v1 := regexp.MustCompile(`(?m)^\s*"answer": .*\n`).ReplaceAll(bytes.Replace(v2, []byte(`"schema_version": 2`), []byte(`"schema_version": 1`), 1), nil)

	g := &Grader{Banks: []*quiz.Bank{bank}}
	for name, data := range map[string][]byte{"v2": v2, "v1": v1} {
		got, err := g.GradeReport("ana.json", data)
		if err != nil || got.Score != 0 || len(got.Problems) != 0 {
			t.Errorf("%s as written: %v %+v", name, err, got)
		}
	}
	// The teacher corrects the key: Yerevan was meant (a made-up correction).
	data, err := os.ReadFile(filepath.Join("..", "testdata", "all-types.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	fixed, _, err := quiz.ParseBank("all-types.yaml", bytes.Replace(data, []byte("answer: Baku"), []byte("answer: Yerevan"), 1))
	if err != nil {
		t.Fatal(err)
	}
	// The change is said once for the class, not once per report (test10 P4).
	g = &Grader{Banks: []*quiz.Bank{fixed}}
	var warnings []quiz.Problem
	for _, data := range [][]byte{v2, v1, v2, v2} {
		got, err := g.GradeReport("ana.json", data)
		if err != nil || got.Score != 1 {
			t.Errorf("on the corrected bank: %v %+v", err, got)
			continue
		}
		warnings = append(warnings, got.Problems...)
	}
	if len(warnings) != 1 || !warnings[0].Warning || !strings.Contains(warnings[0].Msg, "bank sample changed since this quiz was taken") {
		t.Errorf("want one warning that the bank changed: %+v", warnings)
	}
}

// A report's question from a bank the grading does not use names that bank,
// not the banks graded with (test10 P4).
func TestGradeReportNamesTheQuestionsBank(t *testing.T) {
	g := &Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}
	got, err := g.GradeReport("abe.json", []byte(`{"schema_version": 2, "banks": ["sample", "discussion"], "status": "complete",
		"questions": [{"id": "capital", "bank": "discussion", "given": "x"}, {"id": "gone", "bank": "sample", "given": "x"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Problems) != 2 || !strings.Contains(got.Problems[0].Msg, "a question of bank discussion, which is not among the banks graded with (sample)") ||
		!strings.Contains(got.Problems[1].Msg, "bank sample has no such question") {
		t.Errorf("problems: %+v", got.Problems)
	}
}
