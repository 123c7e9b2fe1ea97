package report

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/text"
)

// encodingJSON is what Write wrote before writeJSON: text.WriteJSON, that
// is encoding/json.
func encodingJSON(r *Report) ([]byte, error) {
	var buf bytes.Buffer
	err := text.WriteJSON(&buf, r)
	return buf.Bytes(), err
}

func sameReportJSON(t *testing.T, what string, r *Report) {
	t.Helper()
	want, werr := encodingJSON(r)
	var got bytes.Buffer
	err := r.Write(&got, FormatJSON)
	if fmt.Sprint(err) != fmt.Sprint(werr) || werr == nil && !bytes.Equal(got.Bytes(), want) {
		t.Fatalf("%s:\ngot  %s\n     %v\nwant %s\n     %v", what, got.Bytes(), err, want, werr)
	}
}

// A report's JSON is encoding/json's, byte for byte: for reports a quiz
// makes (right, wrong, every type, cut short) and those reports read back;
// for random reports with hostile strings, every kind of float, answers of
// every shape a report holds, nil and empty lists and maps; for one with
// every field set (a field added to Report and not written by writeJSON
// fails here); and it fails where encoding/json fails, in its words.
func TestReportJSONAsEncodingJSON(t *testing.T) {
	for _, right := range []map[string]bool{nil, {"capital": true, "seas": true, "town": true}, testfiles.AllRight(testfiles.Sample(t))} {
		res, _ := sampleResult(t, right)
		pass := 50.0
		rep := New(Meta{Student: "<Ana> & \"Leyla\"\u2028", Banks: []string{"sample"}, Seed: 11, Mode: quiz.Exam, PassPercent: &pass,
			Types: []string{"single"}, Tags: []string{"a&b"}, Digests: map[string]string{"sample": "x", "b": "y"}}, res)
		sameReportJSON(t, "made", rep)
		var buf bytes.Buffer
		if err := rep.Write(&buf, FormatJSON); err != nil {
			t.Fatal(err)
		}
		back, err := Read("r.json", buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		sameReportJSON(t, "read back", back)
	}
	rng := rand.New(rand.NewPCG(26, 2))
	for n := range 3000 {
		var r Report
		if err := testfiles.FillJSON(rng, reflect.ValueOf(&r), n < 20); err != nil {
			t.Fatal(err)
		}
		sameReportJSON(t, fmt.Sprintf("#%d", n), &r)
	}
	far := time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	nan := math.NaN()
	for _, r := range []Report{
		{StartedAt: far}, {FinishedAt: far}, {Seconds: nan}, {Percent: math.Inf(1)}, {PassPercent: &nan},
		{ByTag: []TagScore{{Score: nan}}}, {Questions: []QuestionReport{{Points: math.Inf(-1)}}},
		{Questions: []QuestionReport{{Answer: []any{nan}}}}, {Marks: []Mark{{Mark: quiz.Mark{Points: nan}}}},
		{Marks: []Mark{{Mark: quiz.Mark{At: far}}}}, {Questions: []QuestionReport{{Answer: func() {}}}},
	} {
		if _, werr := encodingJSON(&r); werr == nil {
			t.Fatalf("%+v: encoding/json wrote it", r)
		}
		sameReportJSON(t, fmt.Sprintf("%+v", r), &r)
	}
	// An answer of a kind no report holds is written as encoding/json writes it.
	for _, a := range []any{3, []int{1, 2}, struct{ A string }{"<&>"}, map[string]int{"b": 1, "a": 2}, []map[string]any{{"x": nil}}} {
		sameReportJSON(t, fmt.Sprintf("answer %#v", a), &Report{Questions: []QuestionReport{{Answer: a}}})
	}
}
