package session

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
)

// draftPrompter is a Scripted prompter that was typing draft into the box
// of the text question its stop cut short (a Drafter).
type draftPrompter struct {
	testfiles.Scripted
	draft string
	ticks []int
}

func (p *draftPrompter) Draft() string     { return p.draft }
func (p *draftPrompter) DraftTicks() []int { return p.ticks }

// cutOffRun runs one question, answered by a student who types draft and
// never presses Enter: the prompter returns stop (Ctrl-C in raw mode, the
// terminal gone), or, with timeUp, blocks until the time limit ends the
// quiz.
func cutOffRun(t *testing.T, id, draft string, stop error, timeUp bool) (*quiz.Result, error) {
	t.Helper()
	return cutOffRunTicked(t, id, draft, nil, stop, timeUp)
}

// cutOffRunTicked is cutOffRun, the prompter also telling ticks (as shown)
// as the ticks of the checklist cut short. The second question's options
// are shown in reverse order.
func cutOffRunTicked(t *testing.T, id, draft string, ticks []int, stop error, timeUp bool) (*quiz.Result, error) {
	t.Helper()
	b := testfiles.Sample(t)
	q := testfiles.Question(t, b, id)
	var perm []int
	for i := range q.Choices {
		perm = append([]int{i}, perm...)
	}
	qs := []*quiz.Presented{{Question: testfiles.Question(t, b, "capital"), Perm: []int{0, 1, 2, 3}}, {Question: q, Perm: perm}}
	p := &draftPrompter{Scripted: testfiles.Scripted{T: t, Bank: b, Right: map[string]bool{"capital": true}, StopAt: 2, Stop: stop}, draft: draft, ticks: ticks}
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	if timeUp {
		block := make(chan struct{})
		defer close(block)
		p.Block = block
		go func() {
			for p.CallCount() < 2 {
				time.Sleep(time.Millisecond)
			}
			cancel(stop)
		}()
	}
	s := &Session{Questions: qs, Mode: quiz.Exam, HoldBackReview: true, Prompter: p, Out: &bytes.Buffer{}, Now: testfiles.Clock()}
	return s.Run(ctx)
}

// A text answer typed but not submitted when the time limit, Ctrl-C or a
// signal ends the quiz is kept as the answer, marked cut off, and scored as
// given; the quiz ends as it did before (teacher6 A1).
func TestSessionKeepsCutOffTextAnswer(t *testing.T) {
	for _, c := range []struct {
		name, id, draft string
		stop            error
		timeUp          bool
		status          quiz.Status
		endedBy         string
		want            string
		fraction        float64
	}{
		{"open, time limit", "ussr", "  The USSR, it was big: Russia, Georgia ", ErrTimeUp, true, quiz.Complete, quiz.EndTimeLimit, "The USSR, it was big: Russia, Georgia", 0},
		{"open, Ctrl-C", "ussr", "A federation of", ErrInterrupted, false, quiz.Incomplete, quiz.EndInterrupt, "A federation of", 0},
		{"open, SIGTERM", "ussr", "A federation", ErrSignal, true, quiz.Incomplete, quiz.EndSignal, "A federation", 0},
		{"open, terminal closed", "ussr", "A fed", ErrHangup, false, quiz.Incomplete, quiz.EndSignal, "A fed", 0},
		{"short, time limit, right", "town", "Xocalı", ErrTimeUp, true, quiz.Complete, quiz.EndTimeLimit, "Xocalı", 1},
		{"short, Ctrl-C, half a word", "town", "Xoc", ErrInterrupted, false, quiz.Incomplete, quiz.EndInterrupt, "Xoc", 0},
		{"numeric, time limit, right", "ceasefire-year", "1994", ErrTimeUp, true, quiz.Complete, quiz.EndTimeLimit, "1994", 1},
		{"numeric, Ctrl-C, not a number yet", "ceasefire-year", "19", ErrInterrupted, false, quiz.Incomplete, quiz.EndInterrupt, "19", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := cutOffRun(t, c.id, c.draft, c.stop, c.timeUp)
			if c.stop == ErrTimeUp && err != nil || c.stop != ErrTimeUp && !errors.Is(err, c.stop) {
				t.Fatalf("err = %v", err)
			}
			if res.Status != c.status || res.EndedBy != c.endedBy {
				t.Errorf("result %s, ended by %s; want %s, %s as before", res.Status, res.EndedBy, c.status, c.endedBy)
			}
			o := res.Outcomes[1]
			if !o.Response.Answered || o.Response.Text != c.want || !o.Response.CutOff {
				t.Fatalf("response %+v, want %q cut off", o.Response, c.want)
			}
			if o.Fraction != c.fraction {
				t.Errorf("fraction %v, want %v: a cut-off answer is scored as given", o.Fraction, c.fraction)
			}
			if res.Reached != 2 || res.NotReached() != 0 {
				t.Errorf("reached %d, not reached %d", res.Reached, res.NotReached())
			}
			if res.Outcomes[0].Response.CutOff {
				t.Error("the answer submitted before is marked cut off")
			}
		})
	}
}

// Nothing typed, a menu, or input that ended (a truncated pipe) leave the
// question unanswered, as before.
func TestSessionCutOffNothingTyped(t *testing.T) {
	for _, c := range []struct {
		name, id, draft string
		stop            error
		timeUp          bool
	}{
		{"empty box, time limit", "ussr", "", ErrTimeUp, true},
		{"spaces only, Ctrl-C", "ussr", "   ", ErrInterrupted, false},
		{"input ended", "ussr", "half", ErrInputEnded, false},
		{"a menu, time limit", "seas", "half", ErrTimeUp, true},
		{"a menu, Ctrl-C", "independence", "half", ErrInterrupted, false},
		{"numeric, no number yet", "ceasefire-year", "19x3", ErrTimeUp, true}, // grade would call it unreadable (attack8 #2)
	} {
		t.Run(c.name, func(t *testing.T) {
			res, _ := cutOffRun(t, c.id, c.draft, c.stop, c.timeUp)
			if o := res.Outcomes[1]; o.Response.Answered || o.Response.CutOff || o.Response.Text != "" {
				t.Errorf("response %+v, want unanswered", o.Response)
			}
			if res.Reached != 1 {
				t.Errorf("reached %d, want 1 as before", res.Reached)
			}
		})
	}
}

// A prompter that cannot tell a draft leaves the question unanswered.
func TestSessionCutOffWithoutDrafter(t *testing.T) {
	b := testfiles.Sample(t)
	qs := []*quiz.Presented{{Question: testfiles.Question(t, b, "ussr")}}
	p := &testfiles.Scripted{T: t, Bank: b, StopAt: 1, Stop: ErrInterrupted}
	s := &Session{Questions: qs, Mode: quiz.Exam, Prompter: p, Out: &bytes.Buffer{}, Now: testfiles.Clock()}
	res, _ := s.Run(context.Background())
	if res.Outcomes[0].Response.Answered || strings.Contains(res.Outcomes[0].Response.Text, "my") {
		t.Errorf("response %+v, want unanswered", res.Outcomes[0].Response)
	}
}

// An exam's review after the time limit shows the cut-off answer as the
// student's, saying it was cut off.
func TestSessionReviewSaysAnswerWasCutOff(t *testing.T) {
	b := testfiles.Sample(t)
	qs := []*quiz.Presented{{Question: testfiles.Question(t, b, "town")}}
	block := make(chan struct{})
	defer close(block)
	p := &draftPrompter{Scripted: testfiles.Scripted{T: t, Bank: b, StopAt: 1, Stop: ErrTimeUp, Block: block}, draft: "Xoc"}
	ctx, cancel := context.WithCancelCause(context.Background())
	go func() {
		for p.CallCount() < 1 {
			time.Sleep(time.Millisecond)
		}
		cancel(ErrTimeUp)
	}()
	var out bytes.Buffer
	s := &Session{Questions: qs, Mode: quiz.Exam, Prompter: p, Out: &out, Now: testfiles.Clock()}
	if _, err := s.Run(ctx); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Your answer: Xoc ("+quiz.CutOffNote+")") {
		t.Errorf("review:\n%s", out.String())
	}
}

// Boxes ticked in a choose-all question but not handed in with Enter when
// the time limit, Ctrl-C or a signal ends the quiz are kept as the answer,
// marked cut off, and scored as given, as typed text is (attack13 #2). An
// option highlighted in a one-answer menu was never chosen: it stays
// unanswered, whatever the prompter tells.
func TestSessionKeepsCutOffTicks(t *testing.T) {
	// seas: Black, Caspian, Aral, Red; shown reversed: Red, Aral, Caspian, Black.
	for _, c := range []struct {
		name     string
		id       string
		ticks    []int
		stop     error
		timeUp   bool
		want     []int // choices, in the bank's order; nil: unanswered
		fraction float64
	}{
		{"time limit, both right", "seas", []int{2, 3}, ErrTimeUp, true, []int{1, 0}, 1},
		{"Ctrl-C, one right one wrong", "seas", []int{1, 3}, ErrInterrupted, false, []int{2, 0}, 0},
		{"SIGTERM, one", "seas", []int{3}, ErrSignal, true, []int{0}, 0},
		{"time limit, nothing ticked", "seas", nil, ErrTimeUp, true, nil, 0},
		{"input ended", "seas", []int{3}, ErrInputEnded, false, nil, 0},
		{"out of range", "seas", []int{4}, ErrTimeUp, true, nil, 0},
		{"one-answer menu, time limit", "capital", []int{0}, ErrTimeUp, true, nil, 0},
		{"one-answer menu, Ctrl-C", "capital", []int{0}, ErrInterrupted, false, nil, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, _ := cutOffRunTicked(t, c.id, "", c.ticks, c.stop, c.timeUp)
			o := res.Outcomes[1]
			if c.want == nil {
				if o.Response.Answered || o.Response.CutOff || o.Response.Choices != nil {
					t.Errorf("response %+v, want unanswered", o.Response)
				}
				return
			}
			if !o.Response.Answered || !o.Response.CutOff || !slices.Equal(o.Response.Choices, c.want) {
				t.Fatalf("response %+v, want choices %v cut off", o.Response, c.want)
			}
			if o.Fraction < c.fraction || c.fraction == 0 && o.Fraction == 1 {
				t.Errorf("fraction %v, want %v: cut-off ticks are scored as given", o.Fraction, c.fraction)
			}
			if res.Reached != 2 {
				t.Errorf("reached %d", res.Reached)
			}
		})
	}
}
