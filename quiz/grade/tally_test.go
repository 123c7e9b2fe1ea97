package grade_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/grade"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// The tally counts every warning once: answers to no such question past the
// listed ones (one "... and N more" line) count N, a student's second sheet
// counts, and Reading counts only the warnings on how an answer was read,
// the ones grade --quiet leaves out (review s21 FIX 3).
func TestTallyCountsEachWarning(t *testing.T) {
	g := &grade.Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}
	var b strings.Builder
	b.WriteString("student: Ana\nanswers:\n  capital: Baku: the capital\n")
	for i := range quiz.MaxProblems + 5 {
		fmt.Fprintf(&b, "  bogus-%d: x\n", i)
	}
	var tally grade.Tally
	for _, src := range []string{b.String(), "student: Ana\nanswers:\n  capital: Baku\n"} {
		s, err := sheet.Read("s.yaml", 0, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		r, err := g.Grade(s)
		if err != nil {
			t.Fatal(err)
		}
		tally.Add(r)
	}
	if want := 1 + quiz.MaxProblems + 5 + 1; tally.Warnings != want || tally.Warned != 2 || tally.Reading != 1 || tally.ReadWarned != 1 {
		t.Errorf("warnings %d in %d sheets, reading %d in %d; want %d in 2, reading 1 in 1", tally.Warnings, tally.Warned, tally.Reading, tally.ReadWarned, want)
	}
}
