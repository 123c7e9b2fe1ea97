package session

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
)

// headedPrompter waits in its menu until the quiz ends, and records what
// the session asks of its header.
type headedPrompter struct {
	testfiles.Scripted
	waiting  chan struct{}
	shown    int
	replaced []string
}

func (p *headedPrompter) Select(string, []string) (int, error) {
	close(p.waiting)
	select {} // left blocked, as on a terminal: Abort gives it back
}
func (p *headedPrompter) Abort()                    {}
func (p *headedPrompter) HeaderShown()              { p.shown++ }
func (p *headedPrompter) ReplaceHeader(line string) { p.replaced = append(p.replaced, line) }

// teacher9 P6: after the time limit cut a question short, its header's
// time left ("Question 9 of 10 · 43s left") stayed above "Time is up". The
// session asks a prompter that can (Headed) to put a header in its place
// that says time is up; a quiz stopped by a signal keeps its header.
func TestTimeUpReplacesTheHeader(t *testing.T) {
	for _, tt := range []struct {
		cause error
		want  []string
	}{
		{ErrTimeUp, []string{"Question 1 of 1 · time is up"}},
		{ErrSignal, nil},
	} {
		b := testfiles.Sample(t)
		q := testfiles.Question(t, b, "capital")
		p := &headedPrompter{waiting: make(chan struct{})}
		s := &Session{Questions: []*quiz.Presented{{Question: q, Perm: []int{0, 1, 2, 3}}}, Mode: quiz.Exam, Prompter: p,
			Out: &bytes.Buffer{}, Now: testfiles.Clock(), Deadline: time.Date(2026, 2, 26, 9, 10, 0, 0, time.UTC), HoldBackReview: true}
		ctx, cancel := context.WithCancelCause(context.Background())
		go func() {
			<-p.waiting
			cancel(tt.cause)
		}()
		_, _ = s.Run(ctx)
		if p.shown != 1 {
			t.Errorf("%v: HeaderShown called %d times, want 1", tt.cause, p.shown)
		}
		if len(p.replaced) != len(tt.want) || (len(tt.want) > 0 && p.replaced[0] != tt.want[0]) {
			t.Errorf("%v: header replaced with %q, want %q", tt.cause, p.replaced, tt.want)
		}
	}
}
