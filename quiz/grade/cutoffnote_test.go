package grade

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
)

// Every format that gives a student feedback says an answer was cut off,
// in quiz.CutOffNote's words, with or without the answers revealed: a Gradescope student must not read "not
// right" alone for an answer that was still being typed (review-s20 FIX 5).
func TestEveryFormatSaysAnAnswerWasCutOff(t *testing.T) {
	q := &quiz.Question{ID: "year", Bank: "b", Type: quiz.Short, Prompt: "Which year?", Accept: []string{"1992"}}
	r := &SheetResult{File: "ana.json", Student: "Ana", Banks: []string{"b"}, Max: 1,
		Outcomes: []quiz.Outcome{{Question: &quiz.Presented{Question: q}, Response: quiz.Response{Answered: true, Text: "19", CutOff: true}}}}
	for _, format := range GradeFormats {
		if format == "csv" || format == "html" {
			continue // a table of points; the class page names cut-off open answers (htmlreport's tests)
		}
		var buf bytes.Buffer
		w, err := NewResultWriter(format, &buf, ResultOptions{Generated: time.Unix(0, 0)})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), quiz.CutOffNote) {
			t.Errorf("%s does not say the answer was cut off:\n%s", format, buf.String())
		}
	}
}
