package quiz

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

// A quiz's JSON report, read back by grade, gives the quiz's marks and the
// answers as the bank's options, in the banks' order.
func TestGradeReportReadsBackAQuiz(t *testing.T) {
	bank := loadSample(t)
	g := &Grader{Banks: []*Bank{bank}}
	sheet, err := ParseSheetJSON("ana.json", 0, []byte(`{"student":"Ana","answers":{"capital":"Yerevan","seas":["Black Sea","Caspian Sea"],"independence":true,"town":"Xocali","sequence":[2,1,3,4],"names":{"Khojaly":"Xocalı","Shusha":"Khankendi","Stepanakert":"Shushi"},"ussr":"a union"}}`))
	if err != nil {
		t.Fatal(err)
	}
	sheetRes, err := g.Grade(sheet)
	if err != nil {
		t.Fatal(err)
	}
	// The quiz asked them in another order than the bank's.
	outcomes := append([]Outcome(nil), sheetRes.Outcomes...)
	outcomes[0], outcomes[len(outcomes)-1] = outcomes[len(outcomes)-1], outcomes[0]
	res := &Result{Outcomes: outcomes, Status: Incomplete, EndedBy: EndInterrupt, Started: time.Unix(0, 0), Finished: time.Unix(60, 0)}
	var b bytes.Buffer
	if err := NewReport(ReportMeta{Student: "Ana", Banks: []string{"sample"}}, res).Write(&b, FormatJSON); err != nil {
		t.Fatal(err)
	}
	if !IsReport(b.Bytes()) {
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
		want := sheetRes.Outcomes[i]
		if o.Question.Question != want.Question.Question || math.Abs(o.Points()-want.Points()) > 0.005 || // the report keeps 2 decimals
			o.Response.Answered != want.Response.Answered ||
			!equalInts(o.Response.Choices, want.Response.Choices) || !equalInts(o.Response.Sequence, want.Response.Sequence) || !equalInts(o.Response.Matches, want.Response.Matches) {
			t.Errorf("question %s: read back %+v, graded %+v", o.Question.ID, o.Response, want.Response)
		}
	}
	if IsReport([]byte(`{"student":"Ana","answers":{}}`)) {
		t.Error("a sheet taken for a report")
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestGradeReportRefusesWhatItCannotRead(t *testing.T) {
	g := &Grader{Banks: []*Bank{loadSample(t)}}
	for _, tt := range []struct{ data, want string }{
		{`{"schema_version": 1, "questions": [`, "ana.json:1: not a conflictq quiz report"},
		{`{"schema_version": 7, "banks": ["sample"], "questions": []}`, "report version 7"},
	} {
		_, err := g.GradeReport("ana.json", []byte(tt.data))
		var inv *InvalidError
		if !errors.As(err, &inv) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want an InvalidError with %q", tt.data, err, tt.want)
		}
	}
	res, err := g.GradeReport("ana.json", []byte(`{"schema_version": 1, "banks": ["sample"], "questions": [{"id": "gone", "bank": "sample", "given": "x", "points": 1, "max_points": 1}]}`))
	if err != nil || res.Unreadable() != 1 || !strings.Contains(res.Problems[0].Error(), `"gone"`) {
		t.Errorf("a question the bank no longer has: %v, %+v", err, res)
	}
}
