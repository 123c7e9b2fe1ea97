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
	for _, format := range GradeFormats() {
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
	for _, format := range GradeFormats() {
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

// An open answer's state is told to its reader (teacher16 P4): the
// teacher's gradebook (text, Markdown) does not say "your teacher"; the
// student's views (JSON, JUnit, Gradescope) keep it.
func TestOpenAnswerStateToItsReader(t *testing.T) {
	q := &quiz.Question{ID: "why", Bank: "b", Type: quiz.Open, Prompt: "Why?", Model: "M.", Points: 1}
	open := func(m *quiz.Mark) quiz.Outcome {
		return quiz.Outcome{Question: &quiz.Presented{Question: q}, Response: quiz.Response{Answered: true, Text: "Beca", CutOff: true}, Mark: m}
	}
	r := &SheetResult{File: "ana.json", Student: "Ana", Banks: []string{"b"}, Max: 1, Outcomes: []quiz.Outcome{open(nil)}}
	marked := &SheetResult{File: "ben.json", Student: "Ben", Banks: []string{"b"}, Max: 1, Outcomes: []quiz.Outcome{open(&quiz.Mark{Points: 0.5})}}
	for _, tt := range []struct {
		format    string
		want, not []string
	}{
		{"text", []string{"to mark: until marked it scores 0 of 1 points", "marked: 0.5 of 1 points"}, []string{"your teacher"}},
		{"markdown", []string{"to mark: until marked it scores 0 of 1 points", "marked: 0.5 of 1 points"}, []string{"your teacher"}},
		{"json", []string{"to mark: your teacher reads it; until then it scores 0 of 1 points", "marked by your teacher: 0.5 of 1 points"}, nil},
		{"gradescope", []string{"marked by your teacher: 0.5 of 1 points"}, nil}, // lists no open answer not yet marked
	} {
		var buf bytes.Buffer
		for _, res := range []*SheetResult{r, marked} { // a writer each: Gradescope takes one sheet
			w, err := NewResultWriter(tt.format, &buf, ResultOptions{Generated: time.Unix(0, 0)})
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Write(res); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
		}
		for _, want := range tt.want {
			if !strings.Contains(buf.String(), want) {
				t.Errorf("%s lacks %q:\n%s", tt.format, want, buf.String())
			}
		}
		for _, not := range tt.not {
			if strings.Contains(buf.String(), not) {
				t.Errorf("%s says %q:\n%s", tt.format, not, buf.String())
			}
		}
	}
}
