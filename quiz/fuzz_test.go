package quiz

import (
	"github.com/conflictq/conflictq/quiz/internal/cost"
	"os"
	"path/filepath"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/conflictq/conflictq/quiz/text"
)

// FuzzParseBank feeds the loader arbitrary bytes, seeded with the sample bank,
// the embedded banks' shapes and broken variants. It must never panic, and a bank
// it accepts must be internally consistent and survive export and re-import.
func FuzzParseBank(f *testing.F) {
	for _, pattern := range []string{"testdata/*.yaml", "../assets/banks/*.yaml"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
	f.Add([]byte("id: b\ntitle: T\nquestions:\n  - {id: q, type: order, prompt: P, items: [a, b]}\n"))
	f.Add([]byte("a: &a [x, x]\nb: &b [*a, *a]\nid: b\ntitle: T\nquestions: *b\n"))
	f.Add([]byte("\xff\xfe"))
	f.Add([]byte(creditBank))
	f.Fuzz(func(t *testing.T, data []byte) {
		var b *Bank
		var err error
		cost.Bounded(t, len(data), func() { b, _, err = ParseBank("fuzz.yaml", data) }) // linear, bounded
		if err != nil {
			return
		}
		for _, q := range b.Questions {
			checkConsistent(t, q)
		}
		out, err := yaml.Marshal(b.Doc())
		if err != nil {
			t.Fatalf("export: %v", err)
		}
		b2, _, err := ParseBank("export.yaml", out)
		if err != nil {
			t.Fatalf("exported bank does not load: %v\n%s", err, out)
		}
		if len(b2.Questions) != len(b.Questions) {
			t.Fatalf("round trip: %d questions, want %d", len(b2.Questions), len(b.Questions))
		}
	})
}

func checkConsistent(t *testing.T, q *Question) {
	t.Helper()
	switch q.Type {
	case Single:
		if len(q.Correct) != 1 || q.Correct[0] < 0 || q.Correct[0] >= len(q.Choices) {
			t.Fatalf("%s: bad Correct %v for %d choices", q.ID, q.Correct, len(q.Choices))
		}
	case Multi:
		if len(q.Correct) == 0 {
			t.Fatalf("%s: multi without answers", q.ID)
		}
	case Short:
		if len(q.Accept) == 0 {
			t.Fatalf("%s: short without accept", q.ID)
		}
	case Order:
		if len(q.Items) < 2 {
			t.Fatalf("%s: order with %d items", q.ID, len(q.Items))
		}
	case Match:
		if len(q.Pairs) < 2 {
			t.Fatalf("%s: match with %d pairs", q.ID, len(q.Pairs))
		}
	}
	// Scoring a right answer must give full marks.
	if q.Graded() {
		if got := Score(q, rightResponse(q)); got != 1 {
			t.Fatalf("%s: the right answer scores %v", q.ID, got)
		}
	}
}

// rightResponse builds the correct response to q.
func rightResponse(q *Question) Response {
	r := Response{Answered: true}
	switch q.Type {
	case Single, Multi:
		r.Choices = append([]int(nil), q.Correct...)
	case TrueFalse:
		r.Bool = q.Truth
	case Short:
		r.Text = q.Accept[0]
	case Numeric:
		r.Text = text.FormatNum(q.Value)
		if q.Value != text.Round2(q.Value) {
			r.Text = yamlFloat(q.Value)
		}
	case Order:
		for i := range q.Items {
			r.Sequence = append(r.Sequence, i)
		}
	case Match:
		for i := range q.Pairs {
			r.Matches = append(r.Matches, i)
		}
	case Open:
		r.Text = q.Model
	}
	return r
}

func yamlFloat(v float64) string {
	out, _ := yaml.Marshal(v)
	return string(out[:len(out)-1])
}
