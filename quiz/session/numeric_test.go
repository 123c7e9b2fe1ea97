package session

import (
	"bytes"
	"context"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
)

// linesPrompter types lines into text prompts as a student would: a line
// the prompt's validator refuses is re-asked with its message, recorded.
type linesPrompter struct {
	testfiles.Scripted
	lines  []string
	reasks []string
}

func (p *linesPrompter) Input(msg string, validate func(string) error) (string, error) {
	for len(p.lines) > 0 {
		line := p.lines[0]
		p.lines = p.lines[1:]
		if validate != nil {
			if err := validate(line); err != nil {
				p.reasks = append(p.reasks, err.Error())
				continue
			}
		}
		return line, nil
	}
	return "", ErrInputEnded
}

// On the screen, as on a sheet, a numeric question may be left blank (no
// answer, 0) like a short one, and "28th" is read as 28; what is not a
// number is asked again with an example that fits the question and never
// scores (teacher7 P2).
func TestNumericBlankOrdinalAndReask(t *testing.T) {
	anniversary := &quiz.Question{ID: "anniversary", Type: quiz.Numeric, Prompt: "Which anniversary?", Value: 28, Points: 1}
	year := &quiz.Question{ID: "year", Type: quiz.Numeric, Prompt: "In what year?", Value: 1900, Unit: "year", Points: 1}
	people := &quiz.Question{ID: "people", Type: quiz.Numeric, Prompt: "How many?", Value: 350, Unit: "people", Points: 1}
	tests := []struct {
		q          *quiz.Question
		lines      []string
		answered   bool
		score      float64
		wantReasks []string
	}{
		{anniversary, []string{""}, false, 0, nil},
		{anniversary, []string{"   "}, false, 0, nil},
		{anniversary, []string{"28th"}, true, 1, nil},
		{anniversary, []string{"twenty", "28"}, true, 1, []string{"please type a number, such as 12"}},
		{year, []string{"the year", ""}, false, 0, []string{"please type a year, such as 1800"}}, // 1900 is the answer
		{people, []string{"many", "350 people"}, true, 1, []string{"please type a number of people, such as 12"}},
	}
	for _, tt := range tests {
		p := &linesPrompter{lines: tt.lines}
		s := &Session{Questions: []*quiz.Presented{{Question: tt.q}}, Mode: quiz.Exam, Prompter: p, Out: &bytes.Buffer{}, Now: testfiles.Clock(), HoldBackReview: true}
		res, err := s.Run(context.Background())
		if err != nil {
			t.Fatalf("%s %q: %v", tt.q.ID, tt.lines, err)
		}
		o := res.Outcomes[0]
		if o.Response.Answered != tt.answered || o.Fraction != tt.score {
			t.Errorf("%s %q: answered %v, score %v; want %v, %v", tt.q.ID, tt.lines, o.Response.Answered, o.Fraction, tt.answered, tt.score)
		}
		if len(p.reasks) != len(tt.wantReasks) || len(p.reasks) > 0 && p.reasks[0] != tt.wantReasks[0] {
			t.Errorf("%s %q: asked again with %q, want %q", tt.q.ID, tt.lines, p.reasks, tt.wantReasks)
		}
	}
}
