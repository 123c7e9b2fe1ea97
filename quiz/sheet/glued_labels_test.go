package sheet_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// Labels run together on a choose-all question ("a)c", "a.c", "a) + c")
// are never option a "cut short" because a's text happens to begin with
// the second label's letter (attack14 #1, a regression from 0e957e1 that
// graded them as a alone, rc 0, with --quiet hiding the warning). Each
// reads as 6a3fa35 read it: refused, naming the labels, or the list a, c.
func TestGluedLabelsAreNoCutShortText(t *testing.T) {
	q := assets.CompiledBank("comprehension").Question("khojaly-reported")
	if q == nil {
		t.Fatal("no question khojaly-reported")
	}
	for _, tt := range []struct {
		file string
		list bool // read as the list a, c; else refused
	}{
		{"q1.yaml", false}, // a)c
		{"q2.yaml", false}, // a)c)
		{"q3.yaml", true},  // a),c
		{"q4.yaml", false}, // (a)c
		{"q5.yaml", false}, // a.c
		{"q6.yaml", false}, // a:c
		{"q7.yaml", true},  // a) c
		{"q8.yaml", false}, // a)d
		{"q9.yaml", true},  // a. c
		{"q10.yaml", false},
		{"q11.yaml", false}, // a)/c
		{"q12.yaml", false}, // a)&c
		{"q13.yaml", false}, // a) + c
		{"m5.yaml", false},  // a: c, unquoted
		{"cy.yaml", false},  // a)c on seed 3, where a) is "Civilians ..." too
	} {
		data, err := os.ReadFile(filepath.Join("testdata/attack14", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		s, err := sheet.Read(tt.file, 0, data)
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		v, _ := s.Answer(q.ID)
		r, probs := s.ReadAnswer(q, v, 0)
		for _, p := range probs {
			if strings.Contains(p.Msg, "cut short") {
				t.Errorf("%s %q: read as one option cut short: %s", tt.file, v.Text, p.Msg)
			}
		}
		refused := slices.ContainsFunc(probs, func(p quiz.Problem) bool { return !p.Warning })
		if !tt.list {
			if !refused || r.Answered {
				t.Errorf("%s %q = %v, %v; want it refused", tt.file, v.Text, r.Choices, probs)
			}
			continue
		}
		want, _ := s.ResolveAt(q, quiz.Typed("a), c)"), 0)
		if refused || !slices.Equal(r.Choices, want.Choices) || len(want.Choices) != 2 {
			t.Errorf("%s %q = %v, %v; want %v (a and c)", tt.file, v.Text, r.Choices, probs, want.Choices)
		}
	}
}
