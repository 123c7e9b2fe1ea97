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

// An open answer sent with Enter whose self-check was cut short is not
// said to be cut off: every format says the ticks were kept instead, and
// JSON has self_check_cut_off, not cut_off (review 23 #1).
func TestEveryFormatSaysASelfCheckWasCutShort(t *testing.T) {
	q := &quiz.Question{ID: "ussr", Bank: "b", Type: quiz.Open, Prompt: "What was it?", Key: []string{"a", "b"}}
	r := &SheetResult{File: "ana.json", Student: "Ana", Banks: []string{"b"}, Max: 1,
		Outcomes: []quiz.Outcome{{Question: &quiz.Presented{Question: q}, Response: quiz.Response{Answered: true, Text: "A union.", SelfCheckPoints: []int{1}, SelfCheckCutOff: true}}}}
	for _, format := range GradeFormats {
		if format == "csv" || format == "html" {
			continue
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
		out := buf.String()
		// Gradescope lists no test for an open answer not yet marked.
		if strings.Contains(out, quiz.CutOffNote) || format != "gradescope" && !strings.Contains(out, quiz.SelfCheckCutOffNote) {
			t.Errorf("%s says the sent answer was cut off, or not that its ticks were kept:\n%s", format, out)
		}
		if format == "json" && (strings.Contains(out, `"cut_off"`) || !strings.Contains(out, `"self_check_cut_off":true`)) {
			t.Errorf("json: want self_check_cut_off and no cut_off:\n%s", out)
		}
	}
}
