package quiz

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// Mode is how a quiz gives feedback.
type Mode string

// Modes.
const (
	// Practice shows right/wrong, the answer, the explanation and the citation
	// after every question.
	Practice Mode = "practice"
	// Exam gives no feedback until the end, then reviews every question.
	Exam Mode = "exam"
)

// ParseMode checks a mode name.
func ParseMode(s string) (Mode, error) {
	switch Mode(strings.ToLower(strings.TrimSpace(s))) {
	case Practice:
		return Practice, nil
	case Exam:
		return Exam, nil
	}
	return "", fmt.Errorf("%q is not a mode (practice or exam)", s)
}

// Status says whether a quiz ran to its end.
type Status string

// Statuses.
const (
	Complete   Status = "complete"
	Incomplete Status = "incomplete"
)

// How a quiz ended, as reports record it.
const (
	EndFinished   = "finished"
	EndTimeLimit  = "time_limit"
	EndInterrupt  = "interrupted"
	EndSignal     = "signal"
	EndInputEnded = "input_ended"
)

// Outcome is one question's result.
type Outcome struct {
	Question *Presented
	Response Response
	Fraction float64 // share of the points earned, 0..1
	Seconds  float64 // time spent on the question
}

// Points earned.
func (o Outcome) Points() float64 { return o.Fraction * o.Question.MaxPoints() }

// Correct reports whether the answer earned full marks.
func (o Outcome) Correct() bool { return o.Question.Graded() && o.Response.Answered && o.Fraction >= 1 }

// Result is what a quiz produced: every question asked, answered or not.
type Result struct {
	Outcomes []Outcome
	Status   Status
	EndedBy  string
	Started  time.Time
	Finished time.Time
}

// Score returns the points earned and the maximum.
func (r *Result) Score() (score, max float64) {
	for _, o := range r.Outcomes {
		score += o.Points()
		max += o.Question.MaxPoints()
	}
	return score, max
}

// Session runs a quiz through a Prompter.
type Session struct {
	Questions []*Presented
	Mode      Mode
	Prompter  Prompter
	Out       io.Writer // where questions' headers and feedback go
	Style     Style
	Now       func() time.Time
	// Deadline, when not zero, is shown as time left on each question. The
	// caller ends ctx at the deadline (with cause ErrTimeUp).
	Deadline time.Time
	// Width wraps feedback to the screen's width; 0 leaves lines whole (for
	// pipes and screen readers).
	Width int
}

// Run asks every question in turn. It returns the result even when the quiz
// stops early; the error then says why (ErrInterrupted, ErrInputEnded,
// ErrSignal), and the result's Status is Incomplete. A time limit is not an
// error: the quiz is submitted with the unanswered questions marked.
func (s *Session) Run(ctx context.Context) (*Result, error) {
	now := s.now()
	res := &Result{Started: now, Status: Complete, EndedBy: EndFinished}
	for _, q := range s.Questions {
		res.Outcomes = append(res.Outcomes, Outcome{Question: q})
	}
	var stopErr error
	for i, q := range s.Questions {
		s.header(i, q)
		start := s.now()
		r, err := s.askWithContext(ctx, q)
		out := &res.Outcomes[i]
		out.Seconds = s.now().Sub(start).Seconds()
		if err != nil {
			stopErr = err
			break
		}
		out.Response = r
		out.Fraction = Score(q.Question, r)
		if s.Mode == Practice {
			if err := s.feedback(ctx, out); err != nil {
				stopErr = err
				break
			}
		}
	}
	res.Finished = s.now()
	switch {
	case stopErr == nil:
	case errors.Is(stopErr, ErrTimeUp):
		res.EndedBy = EndTimeLimit
		fmt.Fprintf(s.Out, "\n%s The quiz was submitted; unanswered questions score 0.\n", s.Style.Bold("Time is up."))
	default:
		res.Status = Incomplete
		switch {
		case errors.Is(stopErr, ErrInterrupted):
			res.EndedBy = EndInterrupt
		case errors.Is(stopErr, ErrSignal):
			res.EndedBy = EndSignal
		case errors.Is(stopErr, ErrInputEnded):
			res.EndedBy = EndInputEnded
		}
		return res, stopErr
	}
	if s.Mode == Exam {
		s.review(res)
	}
	return res, nil
}

func (s *Session) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Session) header(i int, q *Presented) {
	line := fmt.Sprintf("Question %d of %d", i+1, len(s.Questions))
	var extra []string
	if pts := q.MaxPoints(); pts != 1 && q.Graded() {
		extra = append(extra, fmt.Sprintf("%s points", formatNum(pts)))
	}
	if !q.Graded() {
		extra = append(extra, "not marked")
	}
	if !s.Deadline.IsZero() {
		left := max(s.Deadline.Sub(s.now()), 0).Round(time.Second)
		extra = append(extra, left.String()+" left")
	}
	if len(extra) > 0 {
		line += " · " + strings.Join(extra, " · ")
	}
	fmt.Fprintf(s.Out, "\n%s\n", s.Style.Bold(line))
}

type asked struct {
	r   Response
	err error
}

// askWithContext asks in a goroutine so that a time limit or a signal ends the
// quiz even while the prompter waits for a key. The prompter's goroutine is left
// blocked on input; the Aborter gives the terminal back.
func (s *Session) askWithContext(ctx context.Context, q *Presented) (Response, error) {
	if err := context.Cause(ctx); err != nil {
		return Response{}, err
	}
	ch := make(chan asked, 1)
	go func() {
		r, err := s.ask(q)
		ch <- asked{r, err}
	}()
	select {
	case a := <-ch:
		// Both may be ready (answers waiting in a pipe): an answer given
		// after the time limit does not count.
		if err := context.Cause(ctx); err != nil && a.err == nil {
			return Response{}, err
		}
		return a.r, a.err
	case <-ctx.Done():
		if a, ok := s.Prompter.(Aborter); ok {
			a.Abort()
		}
		return Response{}, context.Cause(ctx)
	}
}

func (s *Session) ask(q *Presented) (Response, error) {
	p := s.Prompter
	msg := s.message(q.Prompt)
	switch q.Type {
	case Single:
		i, err := p.Select(msg, q.Options())
		if err != nil {
			return Response{}, err
		}
		return Response{Answered: true, Choices: q.FromDisplay([]int{i})}, nil
	case Multi:
		idx, err := p.MultiSelect(s.message(q.Prompt+" (choose all that apply)"), q.Options())
		if err != nil {
			return Response{}, err
		}
		return Response{Answered: true, Choices: q.FromDisplay(idx)}, nil
	case TrueFalse:
		i, err := p.Select(s.message("True or false? "+q.Prompt), q.Options())
		if err != nil {
			return Response{}, err
		}
		return Response{Answered: true, Bool: i == 0}, nil
	case Short, Open:
		text, err := p.Input(msg, nil)
		if err != nil {
			return Response{}, err
		}
		return Response{Answered: strings.TrimSpace(text) != "", Text: strings.TrimSpace(text)}, nil
	case Numeric:
		text, err := p.Input(msg, func(t string) error {
			if _, err := ParseNumber(t); err != nil {
				return fmt.Errorf("please type a number, such as 1994")
			}
			return nil
		})
		if err != nil {
			return Response{}, err
		}
		return Response{Answered: true, Text: strings.TrimSpace(text)}, nil
	case Order:
		seq, err := p.Order(msg, q.Options())
		if err != nil {
			return Response{}, err
		}
		return Response{Answered: true, Sequence: q.FromDisplay(seq)}, nil
	case Match:
		m, err := p.Match(msg, q.Lefts(), q.Options())
		if err != nil {
			return Response{}, err
		}
		return Response{Answered: true, Matches: q.FromDisplay(m)}, nil
	case Info:
		// A page to read: shown, never waited on, so that piped answers
		// stay in step with the questions.
		fmt.Fprintln(s.Out, msg)
		return Response{Answered: true}, nil
	}
	return Response{}, fmt.Errorf("question %q: unknown type %q", q.ID, q.Type)
}

// answer shows the right answer; sequences and pairs one per line, numbered.
func (s *Session) answer(q *Presented, indent string) {
	var lines []string
	switch q.Type {
	case Order:
		for i, item := range q.Items {
			lines = append(lines, fmt.Sprintf("%d. %s", i+1, item))
		}
	case Match:
		for _, p := range q.Pairs {
			lines = append(lines, p.Left+" = "+p.Right)
		}
	default:
		fmt.Fprintf(s.Out, "%s%s %s\n", indent, s.Style.Bold("Answer:"), hang(q.Expected(), s.Width, len(indent)+8))
		return
	}
	fmt.Fprintf(s.Out, "%s%s\n", indent, s.Style.Bold("Answer:"))
	for _, l := range lines {
		fmt.Fprintf(s.Out, "%s  %s\n", indent, hang(l, s.Width, len(indent)+2))
	}
}

// hang wraps text that follows a label of n columns, indenting the lines
// after the first to line up under it.
func hang(text string, width, n int) string {
	pad := strings.Repeat(" ", n)
	return strings.TrimPrefix(Wrap(text, width, pad), pad)
}

// message wraps a prompt to the screen, leaving room for the prompter's "? ".
func (s *Session) message(text string) string {
	if s.Width <= 0 {
		return text
	}
	return Wrap(text, s.Width-4, "")
}

// feedback tells the student, in practice mode, how they did and why.
func (s *Session) feedback(ctx context.Context, o *Outcome) error {
	q := o.Question
	w := s.Out
	if q.Type == Open {
		fmt.Fprintf(w, "%s\n%s\n", s.Style.Bold("A model answer:"), Wrap(q.Model, s.Width, "  "))
		if len(q.Key) > 0 {
			fmt.Fprintf(w, "%s\n", s.Style.Bold("A good answer covers:"))
			for _, k := range q.Key {
				fmt.Fprintf(w, "  • %s\n", hang(k, s.Width, 4))
			}
		}
		s.why(o)
		// With no key points there is nothing to check an answer against.
		if !o.Response.Answered || len(q.Key) == 0 {
			return nil
		}
		ok, err := s.confirmWithContext(ctx, "Did your answer cover these key points?")
		if err != nil {
			return err
		}
		o.Response.SelfCheck = &ok
		return nil
	}
	if q.Type == Info {
		return nil
	}
	fmt.Fprintln(w, s.verdict(o))
	if !o.Correct() {
		s.answer(q, "")
	}
	s.why(o)
	return nil
}

func (s *Session) confirmWithContext(ctx context.Context, msg string) (bool, error) {
	ch := make(chan asked, 1)
	go func() {
		ok, err := s.Prompter.Confirm(msg, false)
		ch <- asked{Response{Bool: ok}, err}
	}()
	select {
	case a := <-ch:
		return a.r.Bool, a.err
	case <-ctx.Done():
		if a, ok := s.Prompter.(Aborter); ok {
			a.Abort()
		}
		return false, context.Cause(ctx)
	}
}

func (s *Session) verdict(o *Outcome) string {
	switch {
	case !o.Response.Answered:
		return s.Style.Bad("✗ Not answered.")
	case o.Fraction >= 1:
		return s.Style.Good("✓ Right.")
	case o.Fraction > 0:
		return s.Style.Bad(fmt.Sprintf("◐ Partly right: %s of %s points.", formatNum(o.Points()), formatNum(o.Question.MaxPoints())))
	}
	return s.Style.Bad("✗ Not right.")
}

func (s *Session) why(o *Outcome) {
	q := o.Question
	if q.Explanation != "" {
		fmt.Fprintf(s.Out, "%s\n", Wrap(q.Explanation, s.Width, "  "))
	}
	if src := q.Source.String(); src != "" {
		fmt.Fprintf(s.Out, "%s\n", s.Style.Dim(Wrap("Source: "+src, s.Width, "  ")))
	}
}

// review goes over every question at the end of an exam.
func (s *Session) review(res *Result) {
	fmt.Fprintf(s.Out, "\n%s\n", s.Style.Bold("Review"))
	for i, o := range res.Outcomes {
		q := o.Question
		if q.Type == Info {
			continue
		}
		num := fmt.Sprintf("%d.", i+1)
		fmt.Fprintf(s.Out, "\n%s %s\n", s.Style.Bold(num), hang(q.Prompt, s.Width, len(num)+1))
		given := q.Given(o.Response)
		if given == "" {
			given = "(no answer)"
		}
		fmt.Fprintf(s.Out, "  Your answer: %s\n", hang(given, s.Width, 15))
		if q.Graded() {
			fmt.Fprintf(s.Out, "  %s\n", s.verdict(&o))
			if !o.Correct() {
				s.answer(q, "  ")
			}
		} else {
			fmt.Fprintf(s.Out, "  A model answer:\n%s\n", Wrap(q.Model, s.Width, "    "))
		}
		s.why(&o)
	}
}
