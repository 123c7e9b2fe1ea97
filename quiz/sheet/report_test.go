package sheet_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/report"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// ReadReport reads what report.Read reads of a report, with the sheet's
// scanner: the same student, banks, digests, answers and marks.
func TestReadReportAgreesWithReportRead(t *testing.T) {
	b := testfiles.Sample(t)
	var outcomes []quiz.Outcome
	self := true
	for i, q := range b.Questions {
		r := quiz.Response{Answered: i%4 != 3, Choices: q.Correct, Bool: q.Truth, Text: "Xocalı \"quoted\" \\ \u00e9\n", Sequence: []int{1, 0, 2, 3}, Matches: []int{0, 2, 1}}
		if q.Type == quiz.Open {
			r.SelfCheck = &self
		}
		o := quiz.Outcome{Question: &quiz.Presented{Question: q}, Response: r, Fraction: quiz.Score(q, r), Seconds: 1.25, Unseen: i == len(b.Questions)-1}
		if q.Type == quiz.Open {
			o.Mark = &quiz.Mark{Points: 0.5, Comment: "ok", Marker: "T", At: time.Date(2026, 2, 26, 10, 0, 0, 0, time.UTC)}
		}
		outcomes = append(outcomes, o)
	}
	res := &quiz.Result{Outcomes: outcomes, Status: quiz.Incomplete, EndedBy: quiz.EndInterrupt, Started: time.Date(2026, 2, 26, 9, 0, 0, 0, time.UTC), Finished: time.Date(2026, 2, 26, 9, 10, 0, 0, time.UTC)}
	var buf bytes.Buffer
	report.New(report.Meta{Student: "Ana <b>", Banks: []string{"sample"}, Digests: report.Digests([]*quiz.Bank{b})}, res).Write(&buf, report.FormatJSON)
	want, err := report.Read("r.json", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	got, err := sheet.ReadReport("r.json", buf.Bytes(), report.SchemaVersion, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got.Student != want.Student || strings.Join(got.Banks, ",") != strings.Join(want.Banks, ",") || got.BankDigests["sample"] != want.BankDigests["sample"] ||
		got.Status != want.Status || got.EndedBy != want.EndedBy || !got.StartedAt.Equal(want.StartedAt) || got.SchemaVersion != 2 {
		t.Errorf("header: got %+v, want %+v", got, want)
	}
	if len(got.Questions) != len(want.Questions) || len(got.Marks) != 1 || got.Marks[0].Points != 0.5 || got.Marks[0].Comment != "ok" || !got.Marks[0].At.Equal(want.Marks[0].At) {
		t.Fatalf("questions %d/%d, marks %+v", len(got.Questions), len(want.Questions), got.Marks)
	}
	for i, g := range got.Questions {
		w := want.Questions[i]
		if g.ID != w.ID || g.Bank != w.Bank || (g.Given == nil) != (w.Given == nil) || g.Given != nil && *g.Given != *w.Given ||
			g.Unseen != w.Unseen || g.Seconds != w.Seconds || (g.SelfCheck == nil) != (w.SelfCheck == nil) {
			t.Errorf("question %s: got %+v, want %+v", w.ID, g, w)
		}
		if (w.Answer == nil) != (g.Answer.Kind == quiz.Empty) {
			t.Errorf("question %s: answer %+v, want %v", w.ID, g.Answer, w.Answer)
		}
	}
}

func TestReadReportRefusesWhatItCannotRead(t *testing.T) {
	for _, tt := range []struct{ data, want string }{
		{`{"schema_version": 2, "questions": [`, "r.json:1: not a conflictq quiz report"},
		{"{\"schema_version\": 2,\n \"student\": \"a\x01\"}", "r.json:2: not a conflictq quiz report: control character"},
		{`{"schema_version": 3, "questions": []}`, "report version 3; this conflictq reads versions 1 to 2"},
		{`{"schema_version": 2} {}`, "more after the report's end"},
	} {
		_, err := sheet.ReadReport("r.json", []byte(tt.data), 2, nil)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v, want %q", tt.data, err, tt.want)
		}
	}
}

// A report is a JSON object whose top level has schema_version, wherever the
// key is: first (as conflictq writes it), after 20 KB of questions (jq -S),
// after a byte order mark (attack4 #8, #9). Inside an answer it is not.
func TestIsReport(t *testing.T) {
	var qs strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&qs, `{"id": "q%d", "given": "x"},`, i)
	}
	long := `"questions": [` + qs.String() + `{"id": "q"}]`
	for _, c := range []struct {
		data string
		want bool
	}{
		{`{"schema_version": 2, "questions": []}`, true},
		{"\ufeff{\n  \"schema_version\": 2, \"questions\": []}", true},
		{`{"banks": [], ` + long + `, "schema_version": 2}`, true},
		{`{"answers": {"q": "\"schema_version\""}, ` + long + `}`, false},
		{`{"answers": {"q": {"schema_version": 1}}}`, false},
		{"student: a\n# \"schema_version\"\n", false},
	} {
		if got := sheet.IsReport([]byte(c.data)); got != c.want {
			t.Errorf("%.60q: %v, want %v", c.data, got, c.want)
		}
	}
	sorted := `{"banks": ["b"], "marks": [], ` + long + `, "schema_version": 2, "student": "Ana"}`
	rep, err := sheet.ReadReport("r.json", []byte("\ufeff"+sorted), 2, nil)
	if err != nil || rep.Student != "Ana" || len(rep.Questions) != 2001 {
		t.Errorf("a sorted report with a byte order mark: %v", err)
	}
}

// A JSON sheet with a schema_version key is not graded as an empty report:
// it is refused and told what to remove (attack4 #10).
func TestReadReportRefusesASheet(t *testing.T) {
	for data, want := range map[string]string{
		`{"student": "Ana", "answers": {"q": "A region"}, "schema_version": 1}`: "r.json:1: schema_version: only a quiz report has it, and this file has answers",
		`{"schema_version": 1, "student": "Ana"}`:                               "has schema_version but no questions",
	} {
		if _, err := sheet.ReadReport("r.json", []byte(data), 2, nil); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v", data, err)
		}
	}
}

// cut_off is true, false or null; anything else is refused at its line,
// naming the question even when its id comes later (keys sorted by jq -S),
// so that grade and mark (report.Read reads through ReadReport) refuse the
// same report in the same words (attack8 §8).
func TestReadReportRefusesACutOffThatIsNotTrueOrFalse(t *testing.T) {
	for _, v := range []string{`"yes"`, `"true"`, `1`, `0`, `[]`, `{}`, `[true]`} {
		data := "{\"schema_version\": 2,\n\"questions\": [\n{\"bank\": \"b\", \"cut_off\": " + v + ",\n\"given\": \"19\", \"id\": \"num2\"}]}"
		for name, read := range map[string]func() error{
			"grade": func() error {
				_, err := sheet.ReadReport("r.json", []byte(data), report.SchemaVersion, nil)
				return err
			},
			"mark": func() error { _, err := report.Read("r.json", []byte(data)); return err },
		} {
			if err := read(); err == nil || err.Error() != `r.json:3: question "num2": questions[0].cut_off: must be true or false` {
				t.Errorf("%s, cut_off %s: %v", name, v, err)
			}
		}
	}
	for v, want := range map[string]bool{`true`: true, `false`: false, `null`: false} {
		data := `{"schema_version": 2, "questions": [{"id": "num2", "given": "19", "cut_off": ` + v + `}]}`
		rep, err := sheet.ReadReport("r.json", []byte(data), report.SchemaVersion, nil)
		if err != nil || rep.Questions[0].CutOff != want {
			t.Errorf("cut_off %s: %v, %+v", v, err, rep)
		}
		if back, err := report.Read("r.json", []byte(data)); err != nil || back.Questions[0].CutOff != want {
			t.Errorf("report.Read, cut_off %s: %v", v, err)
		}
	}
}
