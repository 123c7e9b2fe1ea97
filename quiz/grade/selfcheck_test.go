package grade

import (
	"bytes"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/report"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// selfCheckReport is a report of the sample bank's open question answered
// and self-checked with points ticked (nil: asked only yes or no, as before).
func selfCheckReport(t *testing.T, self *bool, points []int) []byte {
	t.Helper()
	b := testfiles.Sample(t)
	q := testfiles.Question(t, b, "ussr")
	r := quiz.Response{Answered: true, Text: "A union of republics.", SelfCheck: self, SelfCheckPoints: points}
	res := &quiz.Result{Outcomes: []quiz.Outcome{{Question: &quiz.Presented{Question: q}, Response: r}},
		Status: quiz.Complete, Started: time.Unix(0, 0), Finished: time.Unix(60, 0)}
	var buf bytes.Buffer
	if err := report.New(report.Meta{Student: "Ana", Banks: []string{"sample"}}, res).Write(&buf, report.FormatJSON); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The key points ticked go into the report numbered from 1, as the student
// saw them, beside self_check (true only when all were ticked); [] when none
// was ticked; and come back the same through both readers and grade.
func TestSelfCheckPointsRoundTrip(t *testing.T) {
	yes, no := true, false
	for _, tt := range []struct {
		name   string
		self   *bool
		points []int // as the session records them: indices into Key
		json   string
		want   []int // numbered from 1
	}{
		{"some", &no, []int{0, 2}, `"self_check": false,\s*"self_check_points": \[\s*1,\s*3\s*\]`, []int{1, 3}},
		{"none", &no, []int{}, `"self_check": false,\s*"self_check_points": \[\]`, []int{}},
		{"all", &yes, []int{0, 1, 2}, `"self_check": true,\s*"self_check_points": \[\s*1,\s*2,\s*3\s*\]`, []int{1, 2, 3}},
	} {
		data := selfCheckReport(t, tt.self, tt.points)
		if !regexp.MustCompile(tt.json).Match(data) {
			t.Errorf("%s: the report lacks %s:\n%s", tt.name, tt.json, data)
		}
		rep, err := report.Read("ana.json", data)
		if err != nil {
			t.Fatal(err)
		}
		if qr := rep.Questions[0]; qr.SelfCheckPoints == nil || !slices.Equal(qr.SelfCheckPoints, tt.want) || *qr.SelfCheck != *tt.self {
			t.Errorf("%s: report.Read: %v %v", tt.name, qr.SelfCheck, qr.SelfCheckPoints)
		}
		srep, err := sheet.ReadReport("ana.json", data, report.SchemaVersion, nil)
		if err != nil {
			t.Fatal(err)
		}
		if qa := srep.Questions[0]; qa.SelfCheckPoints == nil || !slices.Equal(qa.SelfCheckPoints, tt.want) || *qa.SelfCheck != *tt.self {
			t.Errorf("%s: sheet.ReadReport: %v %v", tt.name, qa.SelfCheck, qa.SelfCheckPoints)
		}
		g := &Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}
		res, err := g.GradeReport("ana.json", data)
		if err != nil {
			t.Fatal(err)
		}
		if r := res.Outcomes[0].Response; r.SelfCheckPoints == nil || !slices.Equal(r.SelfCheckPoints, tt.points) || *r.SelfCheck != *tt.self {
			t.Errorf("%s: graded: %v %v, want %v", tt.name, r.SelfCheck, r.SelfCheckPoints, tt.points)
		}
	}
}

// A report from before self_check_points, with only self_check, reads as it
// did: the yes or no, and no points (nil, not "none ticked").
func TestSelfCheckOldReportReads(t *testing.T) {
	yes := true
	data := selfCheckReport(t, &yes, nil)
	if bytes.Contains(data, []byte("self_check_points")) {
		t.Fatalf("self_check_points written though none were asked:\n%s", data)
	}
	rep, err := report.Read("old.json", data)
	if err != nil {
		t.Fatal(err)
	}
	if qr := rep.Questions[0]; qr.SelfCheck == nil || !*qr.SelfCheck || qr.SelfCheckPoints != nil {
		t.Errorf("report.Read: %v %v", qr.SelfCheck, qr.SelfCheckPoints)
	}
	srep, err := sheet.ReadReport("old.json", data, report.SchemaVersion, nil)
	if err != nil {
		t.Fatal(err)
	}
	if qa := srep.Questions[0]; qa.SelfCheck == nil || !*qa.SelfCheck || qa.SelfCheckPoints != nil {
		t.Errorf("sheet.ReadReport: %v %v", qa.SelfCheck, qa.SelfCheckPoints)
	}
	res, err := (&Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}).GradeReport("old.json", data)
	if err != nil {
		t.Fatal(err)
	}
	if r := res.Outcomes[0].Response; r.SelfCheck == nil || !*r.SelfCheck || r.SelfCheckPoints != nil {
		t.Errorf("graded: %v %v", r.SelfCheck, r.SelfCheckPoints)
	}
	// Nor is a question never self-checked given any.
	data = selfCheckReport(t, nil, nil)
	if bytes.Contains(data, []byte("self_check")) {
		t.Errorf("a self-check written though none was asked:\n%s", data)
	}
}

// A hand-edited self_check_points never keeps a report from being graded:
// what is not a key point's number is passed over, and a number past the
// bank's key points (cut since the quiz) is dropped.
func TestSelfCheckPointsBadValues(t *testing.T) {
	yes := true
	good := selfCheckReport(t, &yes, []int{0})
	for _, tt := range []struct {
		value string
		want  []int // indices graded, or nil for none read
	}{
		{`"all"`, nil},
		{`{"a": 1}`, nil},
		{`["1", 2, "x", -1, 0, 1.5, true, null, [3]]`, []int{0, 1}},
		{`[1, 9]`, []int{0}},
	} {
		data := bytes.Replace(good, []byte(`"self_check_points": [
        1
      ]`), []byte(`"self_check_points": `+tt.value), 1)
		if bytes.Equal(data, good) {
			t.Fatalf("the report has no self_check_points to replace:\n%s", good)
		}
		res, err := (&Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}).GradeReport("ana.json", data)
		if err != nil {
			t.Errorf("%s: %v", tt.value, err)
			continue
		}
		if r := res.Outcomes[0].Response; !slices.Equal(r.SelfCheckPoints, tt.want) || (tt.want == nil) != (r.SelfCheckPoints == nil) {
			t.Errorf("%s: graded %#v, want %#v", tt.value, r.SelfCheckPoints, tt.want)
		}
		if len(res.Problems) != 0 {
			t.Errorf("%s: problems %v", tt.value, res.Problems)
		}
	}
}
