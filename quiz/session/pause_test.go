package session

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
)

// pausePrompter answers as Scripted does and records each pause, with what
// was on the screen when it came. On pause number stopAt it returns stop,
// first waiting on block when set.
type pausePrompter struct {
	testfiles.Scripted
	out    *bytes.Buffer
	pauses []string // the message of each pause
	before []string // the output before each pause
	stopAt int
	stop   error
	block  chan struct{}
	paused chan struct{} // when set, told when pause stopAt begins
}

func (p *pausePrompter) Pause(msg string) error {
	p.pauses = append(p.pauses, msg)
	p.before = append(p.before, p.out.String())
	if len(p.pauses) == p.stopAt {
		if p.paused != nil {
			close(p.paused)
		}
		if p.block != nil {
			<-p.block
		}
		return p.stop
	}
	return nil
}

func (p *pausePrompter) Abort() { p.Aborts++ }

func pauseSession(t *testing.T, mode quiz.Mode, pause bool) (*Session, *pausePrompter, *bytes.Buffer) {
	t.Helper()
	b := testfiles.Sample(t)
	qs, _ := quiz.Select([]*quiz.Bank{b}, quiz.Filter{}, 5)
	out := &bytes.Buffer{}
	p := &pausePrompter{Scripted: testfiles.Scripted{T: t, Bank: b, Right: testfiles.AllRight(b)}, out: out}
	return &Session{Questions: qs, Mode: mode, Prompter: p, Out: out, Now: testfiles.Clock(), Pause: pause}, p, out
}

// In practice mode on a terminal the feedback stays on the screen until the
// student asks for the next question (teacher2 A2): a pause after each
// question's feedback, before the next question's header.
func TestSessionPausesAfterFeedback(t *testing.T) {
	s, p, _ := pauseSession(t, quiz.Practice, true)
	if _, err := s.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	n := len(s.Questions)
	if len(p.pauses) != n {
		t.Fatalf("%d pauses for %d questions: %q", len(p.pauses), n, p.pauses)
	}
	for i, msg := range p.pauses {
		want := "Press Enter for the next question"
		if i == n-1 {
			want = "Press Enter for your score"
		}
		if msg != want {
			t.Errorf("pause %d: %q, want %q", i+1, msg, want)
		}
		// The pause comes after this question's feedback, before the next one.
		shown := p.before[i]
		if q := fmt.Sprintf("Question %d of", i+1); !strings.Contains(shown, q) {
			t.Errorf("pause %d before %q was shown", i+1, q)
		}
		if q := fmt.Sprintf("Question %d of", i+2); strings.Contains(shown, q) {
			t.Errorf("pause %d after %q was shown", i+1, q)
		}
		if !strings.Contains(shown[strings.LastIndex(shown, "Question "):], "Source: ") {
			t.Errorf("pause %d before the feedback ended:\n%s", i+1, shown)
		}
	}
}

// No pause in an exam with its review held back, nor without Pause (a
// pipe, in either mode), nor with a prompter that cannot wait.
func TestSessionNoPause(t *testing.T) {
	for _, tt := range []struct {
		name     string
		mode     quiz.Mode
		pause    bool
		holdBack bool
	}{{"exam held back", quiz.Exam, true, true}, {"exam piped", quiz.Exam, false, false}, {"pipe", quiz.Practice, false, false}} {
		s, p, _ := pauseSession(t, tt.mode, tt.pause)
		s.HoldBackReview = tt.holdBack
		if _, err := s.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		if len(p.pauses) != 0 {
			t.Errorf("%s: %d pauses", tt.name, len(p.pauses))
		}
	}
}

// An exam waits nowhere while it is taken; its review at the end waits
// after each question on a terminal, as practice mode does, the last wait
// before the summary (teacher16 P7: the review scrolled past to the
// summary). Ctrl-C in a review's wait stops the review, the exam complete.
func TestExamReviewPauses(t *testing.T) {
	s, p, out := pauseSession(t, quiz.Exam, true)
	if _, err := s.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	n := len(s.Questions)
	if len(p.pauses) != n {
		t.Fatalf("%d pauses in the review of %d questions: %q", len(p.pauses), n, p.pauses)
	}
	for i, msg := range p.pauses {
		want := "Press Enter for the next question"
		if i == n-1 {
			want = "Press Enter for your score"
		}
		if msg != want {
			t.Errorf("pause %d: %q, want %q", i+1, msg, want)
		}
		shown := p.before[i]
		review := strings.Index(shown, "Review")
		if review < 0 {
			t.Fatalf("pause %d before the review:\n%s", i+1, shown)
		}
		if !strings.Contains(shown[review:], fmt.Sprintf("\n%d. ", i+1)) || strings.Contains(shown[review:], fmt.Sprintf("\n%d. ", i+2)) {
			t.Errorf("pause %d not after question %d's review:\n%s", i+1, i+1, shown[review:])
		}
		if strings.Contains(shown, "Summary") {
			t.Errorf("pause %d after the summary", i+1)
		}
	}
	if !strings.Contains(out.String()[strings.Index(out.String(), "Review"):], "Source: ") {
		t.Error("the review shows no explanation")
	}

	s, p, _ = pauseSession(t, quiz.Exam, true)
	p.stopAt, p.stop = 2, ErrInterrupted
	res, err := s.Run(context.Background())
	if !errors.Is(err, ErrInterrupted) || res.Status != quiz.Complete {
		t.Fatalf("Ctrl-C in the review's wait: %v, %s; want interrupted, the exam complete", err, res.Status)
	}
	if len(p.pauses) != 2 {
		t.Errorf("%d pauses after Ctrl-C in the second, want 2", len(p.pauses))
	}

	// Input ending in a wait ends the waits; the review is shown whole.
	s, p, out = pauseSession(t, quiz.Exam, true)
	p.stopAt, p.stop = 1, ErrInputEnded
	if _, err := s.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(p.pauses) != 1 || !strings.Contains(out.String(), fmt.Sprintf("\n%d. ", n)) {
		t.Errorf("input ended in the first wait: %d pauses, want 1, and the review whole:\n%s", len(p.pauses), out.String())
	}
}

// Ctrl-C in a pause stops the quiz as on a question: incomplete, the
// answers given kept.
func TestSessionInterruptInPause(t *testing.T) {
	s, p, _ := pauseSession(t, quiz.Practice, true)
	p.stopAt, p.stop = 2, ErrInterrupted
	res, err := s.Run(context.Background())
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("err = %v, want interrupted", err)
	}
	if res.Status != quiz.Incomplete || res.EndedBy != quiz.EndInterrupt || res.Reached != 2 {
		t.Fatalf("%s %s, %d reached; want incomplete, interrupt, 2", res.Status, res.EndedBy, res.Reached)
	}
	if !res.Outcomes[1].Response.Answered || res.Outcomes[2].Response.Answered || !res.Outcomes[2].Unseen {
		t.Error("the second answer is lost or the third shown")
	}
}

// The time limit ends the quiz during a pause: the pause does not stop the
// clock. The questions answered count; the prompter gives the terminal back.
func TestSessionTimeLimitInPause(t *testing.T) {
	for _, last := range []bool{false, true} {
		s, p, out := pauseSession(t, quiz.Practice, true)
		p.stopAt = 3
		if last {
			p.stopAt = len(s.Questions)
		}
		p.block, p.paused = make(chan struct{}), make(chan struct{})
		p.stop = errors.New("never returned")
		ctx, cancel := context.WithCancelCause(context.Background())
		go func() {
			<-p.paused // the student has not pressed Enter: time runs out
			cancel(ErrTimeUp)
		}()
		res, err := s.Run(ctx)
		close(p.block)
		if err != nil {
			t.Fatalf("a time limit is not an error: %v", err)
		}
		want := quiz.EndTimeLimit
		if last {
			want = quiz.EndFinished // everything was answered
		}
		if res.Status != quiz.Complete || res.EndedBy != want {
			t.Errorf("last %v: %s %s, want complete %s", last, res.Status, res.EndedBy, want)
		}
		if p.Aborts != 1 {
			t.Errorf("last %v: Abort called %d times", last, p.Aborts)
		}
		if got := strings.Contains(out.String(), "Time is up."); got == last {
			t.Errorf("last %v: 'Time is up.' shown %v", last, got)
		}
	}
}

// confirmPrompter records what was on the screen at the self-check.
type confirmPrompter struct {
	*pausePrompter
	atConfirm string
}

func (p *confirmPrompter) MultiSelect(msg string, options []string) ([]int, error) {
	if msg == SelfCheckPrompt {
		p.atConfirm = p.out.String()
	}
	return p.pausePrompter.MultiSelect(msg, options)
}

// An open question's self-check comes right after the key points, and the
// long model answer after it, so that the student's own answer is still on
// the screen when they check it (teacher2 A2).
func TestSessionOpenSelfCheckBeforeModelAnswer(t *testing.T) {
	s, pp, out := pauseSession(t, quiz.Practice, true)
	p := &confirmPrompter{pausePrompter: pp}
	s.Prompter = p
	if _, err := s.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if p.atConfirm == "" {
		t.Fatal("no self-check asked")
	}
	last := p.atConfirm[strings.LastIndex(p.atConfirm, "Question "):]
	if strings.Contains(last, "A model answer:") {
		t.Errorf("at the self-check the screen ends:\n%s", last)
	}
	if !strings.Contains(out.String()[len(p.atConfirm):], "A model answer:") {
		t.Error("no model answer after the self-check")
	}
}
