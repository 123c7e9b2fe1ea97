package session

import (
	"context"
	"fmt"
	"strings"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
)

// pauseRows are the rows the pause after the feedback takes at the bottom
// of the screen: its message, the row its answer is typed on, and one the
// prompter keeps free below.
const pauseRows = 3

// openFeedback is practice mode's feedback on an open question. The
// self-check comes first, with the student's answer still on the screen
// (teacher2 A2). Then the least needed part, the explanation and the
// source, so that it is what scrolls off a short screen; last what the
// student compares at the pause: their own answer, the model answer and the
// key points they ticked (teacher4 A2: at 80x24 a 160-word model answer
// pushed their answer and their ticks off the top).
func (s *Session) openFeedback(ctx context.Context, o *quiz.Outcome) error {
	q := o.Question
	// With no key points, or no answer, there is nothing to check.
	if !o.Response.Answered || len(q.Key) == 0 {
		s.why(o)
		s.keyPoints(q, "")
		s.modelAnswer(q)
		return nil
	}
	if err := s.selfCheck(ctx, &o.Response, q, ""); err != nil {
		return err
	}
	s.why(o)
	model := s.modelAnswerText(q)
	full := s.ticksRows(q, false)
	if s.Height <= 0 {
		fmt.Fprintln(s.Out, model)
		s.ticks(q, o.Response, "", false)
		return nil
	}
	// Fit the model answer, the ticks and as much of the student's answer
	// as there is room for (one line at least) above the pause.
	room := s.Height - pauseRows - rows(model)
	short := room-full < 1
	if short {
		room -= len(q.Key)
	} else {
		room -= full
	}
	label := "Your answer: "
	answer := firstLines(label+o.Response.Text, s.Width, max(room, 1))
	fmt.Fprintf(s.Out, "%s%s\n", s.style().Bold(label), strings.TrimPrefix(answer, label))
	fmt.Fprintln(s.Out, model)
	s.ticks(q, o.Response, "", short)
	return nil
}

// modelAnswer prints an open question's model answer.
func (s *Session) modelAnswer(q *quiz.Presented) { fmt.Fprintln(s.Out, s.modelAnswerText(q)) }

// modelAnswerText is the model answer under its label, on the label's line
// as "Answer:" is for the other questions: a row saved on a short screen.
func (s *Session) modelAnswerText(q *quiz.Presented) string {
	const label = "A model answer:"
	wrapped := text.Hang(label+" "+q.Model, s.Width, 2)
	return s.style().Bold(label) + strings.TrimPrefix(wrapped, label)
}

// ticksRows is how many rows ticks takes.
func (s *Session) ticksRows(q *quiz.Presented, short bool) int {
	if short {
		return len(q.Key)
	}
	n := 0
	for _, k := range q.Key {
		n += rows(text.Hang(k, s.Width, 4))
	}
	return n
}

// rows counts the lines of wrapped text.
func rows(wrapped string) int { return strings.Count(wrapped, "\n") + 1 }

// firstLines wraps s to width and keeps its first n lines, ending in "…"
// when some were left out. Width 0 keeps s whole on one line.
func firstLines(s string, width, n int) string {
	if width <= 0 {
		return s
	}
	lines := strings.Split(text.Hang(s, width, 2), "\n")
	if len(lines) <= n {
		return strings.Join(lines, "\n")
	}
	// Room for the "…": the last line kept is wrapped one column narrower.
	kept := strings.Join(lines[:n], " ")
	last := strings.Split(text.Hang(strings.Join(strings.Fields(kept), " "), width-1, 2), "\n")
	if len(last) > n {
		last = last[:n]
	}
	return strings.Join(last, "\n") + "…"
}
