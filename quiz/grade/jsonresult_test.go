package grade

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/sheet"
	"github.com/conflictq/conflictq/quiz/text"
)

// The oracles: what the JSON and Gradescope writers wrote before they were
// written by hand, encoding/json's reflection.
func marshalJSONResult(jr *jsonResult) ([]byte, error) { return json.Marshal(jr) }

func encodingGradescope(v any) ([]byte, error) {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// gradescopeMap is what Unreadable gave encoding/json before
// gradescopeUnreadable: a map, its keys sorted.
func gradescopeMap(u *gradescopeUnreadable) map[string]any {
	return map[string]any{"score": u.Score, "visibility": u.Visibility, "output": u.Output, "tests": u.Tests}
}

func sameJSON(t *testing.T, what string, got []byte, err error, want []byte, werr error) {
	t.Helper()
	if fmt.Sprint(err) != fmt.Sprint(werr) || werr == nil && !bytes.Equal(got, want) {
		t.Fatalf("%s:\ngot  %s\n     %v\nwant %s\n     %v", what, got, err, want, werr)
	}
}

// The hand-written JSON of grade --format json and gradescope is
// encoding/json's, byte for byte, on random results with hostile strings,
// every kind of float, nil and empty lists, marks with and without times;
// with every field set (a field added to these types and not written by
// appendJSON fails here); and fails where encoding/json fails, in its words.
func TestJSONResultAsEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(26, 40))
	for n := range 3000 {
		every := n < 20
		var jr jsonResult
		var gs gradescopeSubmission
		var gu gradescopeUnreadable
		for _, v := range []any{&jr, &gs, &gu} {
			if err := testfiles.FillJSON(rng, reflect.ValueOf(v), every); err != nil {
				t.Fatal(err)
			}
		}
		want, werr := marshalJSONResult(&jr)
		got, err := jr.appendJSON(nil)
		sameJSON(t, fmt.Sprintf("#%d result", n), got, err, want, werr)
		want, werr = encodingGradescope(&gs)
		got, err = gradescopeJSON(gs.appendJSON(nil))
		sameJSON(t, fmt.Sprintf("#%d gradescope", n), got, err, want, werr)
		want, werr = encodingGradescope(gradescopeMap(&gu))
		got, err = gradescopeJSON(gu.appendJSON(nil))
		sameJSON(t, fmt.Sprintf("#%d gradescope unreadable", n), got, err, want, werr)
	}
	far := time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, jr := range []jsonResult{
		{Score: math.NaN()}, {MaxScore: math.Inf(1)}, {Percent: math.Inf(-1)},
		{Questions: []jsonQuestion{{Points: math.NaN()}}}, {Questions: []jsonQuestion{{MaxPoints: math.Inf(1)}}},
		{Questions: []jsonQuestion{{Mark: &quiz.Mark{Points: math.NaN()}}}}, {Questions: []jsonQuestion{{Mark: &quiz.Mark{At: far}}}},
	} {
		want, werr := marshalJSONResult(&jr)
		got, err := jr.appendJSON(nil)
		if werr == nil {
			t.Fatalf("%+v: encoding/json wrote %s", jr, want)
		}
		sameJSON(t, fmt.Sprintf("%+v", jr), got, err, want, werr)
	}
	for _, gs := range []gradescopeSubmission{{Score: math.NaN()}, {Tests: []gradescopeTest{{Score: math.Inf(1)}}}, {Tests: []gradescopeTest{{MaxScore: math.NaN()}}}} {
		want, werr := encodingGradescope(&gs)
		got, err := gradescopeJSON(gs.appendJSON(nil))
		if werr == nil {
			t.Fatalf("%+v: encoding/json wrote %s", gs, want)
		}
		sameJSON(t, fmt.Sprintf("%+v", gs), got, err, want, werr)
	}
}

// gradedResults are results of grading real sheets, on the sample bank and
// on the comprehension bank: right, wrong, blank, unreadable and cut-off
// answers, open answers marked and not, names and answers with HTML
// characters and control characters.
func gradedResults(t *testing.T) []*SheetResult {
	comp, err := os.ReadFile("../../assets/banks/comprehension.yaml")
	if err != nil {
		t.Fatal(err)
	}
	bank, _, err := quiz.ParseBank("comprehension.yaml", comp)
	if err != nil {
		t.Fatal(err)
	}
	sample := testfiles.Sample(t)
	sheets := []struct {
		bank *quiz.Bank
		yaml string
	}{
		{sample, "student: Ana\nbanks: [sample]\nanswers:\n  capital: Baku\n  seas: [1, 2]\n  independence: true\n  town: xocali\n  ceasefire-year: \"1,994\"\n  sequence: [USSR founded, Oblast created, Ceasefire, Independence]\n  names: {Khojaly: Xocalı, Shusha: Shushi, Stepanakert: Khankendi}\n  ussr: A union of soviet republics.\n"},
		{sample, "student: \"<b>Zaur</b> & \\\"co\\\"\\u2028\\t\"\nanswers:\n  capital: \"</script>\"\n  seas: [9]\n  independence: maybe\n  ceasefire-year: many\n  ussr: \"<i>x</i> & y \\\\ z\\u2029\"\n"},
		{sample, "student: \"\"\nanswers: {}\n"},
		{bank, "student: Leyla\nanswers:\n  airfield: 1\n"},
	}
	var out []*SheetResult
	for i, s := range sheets {
		sh, err := sheet.Read(fmt.Sprintf("s%d.yaml", i), 0, []byte(s.yaml))
		if err != nil {
			t.Fatalf("sheet %d: %v", i, err)
		}
		pass := 60.0
		res, err := (&Grader{Banks: []*quiz.Bank{s.bank}, Pass: &pass}).Grade(sh)
		if err != nil {
			t.Fatalf("sheet %d: %v", i, err)
		}
		out = append(out, res)
		marked := *res
		marked.Outcomes = append([]quiz.Outcome(nil), res.Outcomes...)
		for k := range marked.Outcomes {
			if marked.Outcomes[k].Question.Type == quiz.Open {
				marked.Outcomes[k].Mark = &quiz.Mark{Points: 0.5, Comment: "good <b>&</b>", Marker: "Mr. \"M\"", At: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
			}
		}
		out = append(out, &marked)
	}
	return out
}

// The writers of grade --format json and gradescope write what they wrote
// with encoding/json, for graded sheets and unreadable ones, revealed or
// not.
func TestJSONWritersAsEncodingJSON(t *testing.T) {
	for _, res := range gradedResults(t) {
		for _, reveal := range []bool{false, true} {
			jr := toJSONResult(res, reveal)
			want, werr := marshalJSONResult(&jr)
			var buf bytes.Buffer
			w, _ := NewResultWriter("json", &buf, ResultOptions{Reveal: reveal})
			err := errors.Join(w.Write(res), w.Close())
			sameJSON(t, res.File, buf.Bytes(), err, []byte("[\n"+string(want)+"\n]\n"), werr)

			gs := gradescopeWant(t, res, reveal)
			buf.Reset()
			w, _ = NewResultWriter("gradescope", &buf, ResultOptions{Reveal: reveal})
			err = errors.Join(w.Write(res), w.Close())
			sameJSON(t, res.File+" gradescope", buf.Bytes(), err, gs, nil)
		}
	}
	bad := errors.New("x.yaml:1: <b>bad</b> & \u2028 \"worse\"\n\tand\x01")
	var buf bytes.Buffer
	w, _ := NewResultWriter("json", &buf, ResultOptions{})
	err := errors.Join(w.Unreadable("<x>.yaml", bad), w.Close())
	want, _ := marshalJSONResult(&jsonResult{File: "<x>.yaml", Status: StatusUnreadable, StatusText: StatusUnreadable, Error: strings.TrimSpace(bad.Error()), Banks: []string{}, Questions: []jsonQuestion{}})
	sameJSON(t, "unreadable", buf.Bytes(), err, []byte("[\n"+string(want)+"\n]\n"), nil)
	buf.Reset()
	w, _ = NewResultWriter("gradescope", &buf, ResultOptions{})
	err = errors.Join(w.Unreadable("x.yaml", bad), w.Close())
	want, _ = encodingGradescope(map[string]any{"score": 0, "visibility": "visible", "tests": []gradescopeTest{},
		"output": "Your submission could not be read, so it scored 0. Fix it and submit again. The problem: " + strings.TrimSpace(text.EscapeLines(bad.Error()))})
	sameJSON(t, "gradescope unreadable", buf.Bytes(), err, want, nil)
}

// gradescopeWant is results.json as the writer made it with encoding/json.
func gradescopeWant(t *testing.T, r *SheetResult, reveal bool) []byte {
	out := struct {
		Score      float64          `json:"score"`
		Output     string           `json:"output"`
		Visibility string           `json:"visibility"`
		Tests      []gradescopeTest `json:"tests"`
	}{Score: r.Score, Visibility: "visible", Tests: []gradescopeTest{}}
	out.Output = fmt.Sprintf("%s / %s points (%s%%).", text.FormatNum(r.Score), text.FormatNum(r.Max), percentText(r))
	if rr := rereadList(rereadSections(r), 0); rr != "" {
		out.Output += " Reread: " + rr + "."
	}
	if st := r.Status(); st != StatusComplete {
		out.Output += " Status: " + r.StatusText() + "."
	}
	for _, o := range r.Outcomes {
		if !counted(o) {
			continue
		}
		status := "passed"
		if !fullMarks(o) {
			status = "failed"
		}
		out.Tests = append(out.Tests, gradescopeTest{Name: o.Question.ID + ": " + o.Question.Prompt, Score: text.Round2(o.Points()), MaxScore: o.MaxPoints(), Status: status, Output: feedback(o, reveal, false)})
	}
	data, err := encodingGradescope(&out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
