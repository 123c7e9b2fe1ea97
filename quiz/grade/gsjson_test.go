package grade

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// Gradescope's results.json keeps the bytes json.MarshalIndent gave it, and
// a newline: <, > and & escaped (\u003c…), U+2028 escaped, for a sheet and for
// one that could not be read.
func TestGradescopeJSONAsMarshalIndent(t *testing.T) {
	sh, err := sheet.Read("ana.yaml", 0, []byte("student: Ana\nanswers:\n  capital: Baku\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := (&Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}).Grade(sh)
	if err != nil {
		t.Fatal(err)
	}
	// A prompt as a teacher's bank may have it: Gradescope's test names carry it.
	q := *res.Outcomes[0].Question
	q.Prompt = "Is <b>x</b> > y & z?\u2028"
	res.Outcomes[0].Question = &q
	for _, write := range []func(ResultWriter) error{
		func(w ResultWriter) error { return w.Write(res) },
		func(w ResultWriter) error {
			return w.Unreadable("x.yaml", errors.New("x.yaml:1: <b>bad</b> & \u2028 worse"))
		},
	} {
		var buf bytes.Buffer
		w, err := NewResultWriter("gradescope", &buf, ResultOptions{Width: 80, Reveal: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := write(w); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		var compact, indented bytes.Buffer
		if err := json.Compact(&compact, buf.Bytes()); err != nil {
			t.Fatalf("%v:\n%s", err, buf.Bytes())
		}
		json.Indent(&indented, compact.Bytes(), "", "  ")
		if indented.String()+"\n" != buf.String() {
			t.Errorf("not indented as MarshalIndent indents, with a newline after:\n%s", buf.Bytes())
		}
		out := buf.String()
		if !strings.Contains(out, `\u003c`) || !strings.Contains(out, `\u0026`) || !strings.Contains(out, `\u2028`) || strings.ContainsAny(out, "<>&\u2028") {
			t.Errorf("<, >, & and U+2028 not escaped:\n%s", out)
		}
	}
}
