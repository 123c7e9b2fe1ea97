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

// openQuestion is the sample bank's open question, alone, for a self-check.
func openQuestion(t *testing.T) (*quiz.Bank, []*quiz.Presented) {
	t.Helper()
	b := testfiles.Sample(t)
	q := testfiles.Question(t, b, "ussr")
	if len(q.Key) != 3 {
		t.Fatalf("the sample's open question has %d key points, want 3", len(q.Key))
	}
	return b, []*quiz.Presented{{Question: q}}
}

// An open answer's self-check asks which key points it covered, the key
// points as the options, and records the ones ticked: some, none, all
// (teacher3 A2: one yes or no against many key points said little).
func TestSelfCheckTicksKeyPoints(t *testing.T) {
	for _, tt := range []struct {
		name   string
		ticks  []int
		want   []int
		all    bool
		screen []string
	}{
		{"some", []int{2, 0}, []int{0, 2}, false, []string{"Covered, you say: 2 of 3 key points. Not ticked:\n  ○ 15 republics\n"}},
		{"none", []int{}, []int{}, false, []string{"Covered, you say: 0 of 3 key points. Not ticked:\n  ○ founded 1922\n  ○ 15 republics\n  ○ dissolved 1991\n"}},
		{"all", []int{0, 1, 2}, []int{0, 1, 2}, true, []string{"Covered, you say: 3 of 3 key points.\n"}},
	} {
		for _, mode := range []quiz.Mode{quiz.Practice, quiz.Exam} {
			b, qs := openQuestion(t)
			var offered []string
			p := &testfiles.Scripted{T: t, Bank: b, Ticks: func(points []string) []int {
				offered = points
				return tt.ticks
			}}
			var out bytes.Buffer
			s := &Session{Questions: qs, Mode: mode, Prompter: p, Out: &out, Now: testfiles.Clock()}
			res, err := s.Run(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(p.Asked, SelfCheckPrompt) {
				t.Errorf("%s, %s: no self-check asked: %q", tt.name, mode, p.Asked)
			}
			if !slices.Equal(offered, qs[0].Key) {
				t.Errorf("%s, %s: offered %q, want the key points %q", tt.name, mode, offered, qs[0].Key)
			}
			r := res.Outcomes[0].Response
			if r.SelfCheckPoints == nil || !slices.Equal(r.SelfCheckPoints, tt.want) {
				t.Errorf("%s, %s: ticked %#v, want %#v", tt.name, mode, r.SelfCheckPoints, tt.want)
			}
			if r.SelfCheck == nil || *r.SelfCheck != tt.all {
				t.Errorf("%s, %s: self_check %v, want %v (all ticked)", tt.name, mode, r.SelfCheck, tt.all)
			}
			indent := "" // the review indents what it says of each question
			if mode == quiz.Exam {
				indent = "  "
			}
			for _, want := range tt.screen {
				want = indent + strings.ReplaceAll(want, "\n  ", "\n"+indent+"  ")
				if !strings.Contains(out.String(), want) {
					t.Errorf("%s, %s: the screen lacks %q:\n%s", tt.name, mode, want, out.String())
				}
			}
			// The points ticked are counted, not listed again (teacher14 A1).
			if n := strings.Count(out.String(), "○"); n != 3-len(tt.want) || strings.Contains(out.String(), "✓") {
				t.Errorf("%s, %s: want only the %d points not ticked listed:\n%s", tt.name, mode, 3-len(tt.want), out.String())
			}
			if strings.Contains(out.String(), "•") {
				t.Errorf("%s, %s: the key points listed twice, as bullets and to tick:\n%s", tt.name, mode, out.String())
			}
		}
	}
}

// An open question left unanswered has nothing to check: the key points are
// listed, nothing is asked, nothing recorded.
func TestSelfCheckNotAskedOfNoAnswer(t *testing.T) {
	b, qs := openQuestion(t)
	p := &unanswered{Scripted: testfiles.Scripted{T: t, Bank: b}}
	var out bytes.Buffer
	s := &Session{Questions: qs, Mode: quiz.Practice, Prompter: p, Out: &out, Now: testfiles.Clock()}
	res, err := s.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(p.Asked, SelfCheckPrompt) {
		t.Error("a self-check asked of an empty answer")
	}
	if r := res.Outcomes[0].Response; r.SelfCheck != nil || r.SelfCheckPoints != nil {
		t.Errorf("recorded %v %v for an empty answer", r.SelfCheck, r.SelfCheckPoints)
	}
	if !strings.Contains(out.String(), "A good answer covers:\n  • founded 1922\n") {
		t.Errorf("the key points are not listed:\n%s", out.String())
	}
}

type unanswered struct{ testfiles.Scripted }

func (u *unanswered) Input(msg string, validate func(string) error) (string, error) {
	_, _ = u.Scripted.Input(msg, validate)
	return "  ", nil
}

// Ctrl-C at the self-check stops a practice quiz as at any question; in an
// exam's review, the quiz is already submitted and keeps its answers, but
// the run stops there, as Ctrl-C stops it elsewhere (exit 130), rather than
// going on with the review (attack6 #10). A signal does the same.
func TestSelfCheckInterrupted(t *testing.T) {
	for _, stop := range []error{ErrInterrupted, ErrSignal} {
		b, qs := openQuestion(t)
		p := &testfiles.Scripted{T: t, Bank: b, StopAt: 2, Stop: stop}
		var out bytes.Buffer
		s := &Session{Questions: qs, Mode: quiz.Exam, Prompter: p, Out: &out, Now: testfiles.Clock()}
		res, err := s.Run(context.Background())
		if !errors.Is(err, stop) {
			t.Fatalf("%v at the review's self-check: Run returned %v", stop, err)
		}
		if res.Status != quiz.Complete || res.EndedBy != quiz.EndFinished {
			t.Errorf("the exam was submitted whole, but it is %s, %s", res.Status, res.EndedBy)
		}
		if r := res.Outcomes[0].Response; !r.Answered || r.SelfCheck != nil || r.SelfCheckPoints != nil {
			t.Errorf("after %v at the review's self-check: %+v", stop, r)
		}
		if strings.Contains(out.String(), "Covered, you say") {
			t.Errorf("the review went on:\n%s", out.String())
		}
	}
}

// The boxes ticked at an open answer's self-check when the time limit,
// Ctrl-C or a signal cuts it short are kept as self_check_points, marked
// cut off, as a choose-all question's ticks are; the answer, sent with
// Enter, is kept as it was. Nothing ticked, input ended or a tick out of
// range keeps no self-check (attack14 #4). In practice the self-check
// follows the answer; in an exam's review, the whole exam.
func TestSelfCheckKeepsCutOffTicks(t *testing.T) {
	for _, mode := range []quiz.Mode{quiz.Practice, quiz.Exam} {
		for _, c := range []struct {
			name   string
			ticks  []int
			stop   error
			timeUp bool
			want   []int // nil: no self-check kept
		}{
			{"Ctrl-C, two of three", []int{0, 2}, ErrInterrupted, false, []int{0, 2}},
			{"signal, all", []int{0, 1, 2}, ErrSignal, false, []int{0, 1, 2}},
			{"time limit, one", []int{1}, ErrTimeUp, true, []int{1}},
			{"Ctrl-C, nothing ticked", nil, ErrInterrupted, false, nil},
			{"input ended", []int{0}, ErrInputEnded, false, nil},
			{"out of range", []int{3}, ErrInterrupted, false, nil},
		} {
			if mode == quiz.Exam && c.timeUp {
				continue // the review comes after the time limit
			}
			t.Run(string(mode)+", "+c.name, func(t *testing.T) {
				b, qs := openQuestion(t)
				p := &draftPrompter{Scripted: testfiles.Scripted{T: t, Bank: b, StopAt: 2, Stop: c.stop}, ticks: c.ticks}
				ctx, cancel := context.WithCancelCause(context.Background())
				defer cancel(nil)
				if c.timeUp {
					block := make(chan struct{})
					defer close(block)
					p.Block = block
					go func() {
						for p.CallCount() < 2 {
							time.Sleep(time.Millisecond)
						}
						cancel(c.stop)
					}()
				}
				var out bytes.Buffer
				s := &Session{Questions: qs, Mode: mode, Prompter: p, Out: &out, Now: testfiles.Clock()}
				res, _ := s.Run(ctx)
				r := res.Outcomes[0].Response
				if strings.Contains(out.String(), quiz.CutOffNote) {
					t.Errorf("the screen says the sent answer was not sent:\n%s", out.String())
				}
				if !r.Answered || r.Text != "my answer" {
					t.Fatalf("the answer sent with Enter was not kept: %+v", r)
				}
				if c.want == nil {
					if r.SelfCheckPoints != nil || r.SelfCheck != nil || r.CutOff || r.SelfCheckCutOff {
						t.Errorf("response %+v, want no self-check, not cut off", r)
					}
					return
				}
				// The answer was sent: only its self-check was cut short
				// (review 23 #1), so CutOff stays false.
				if !slices.Equal(r.SelfCheckPoints, c.want) || !r.SelfCheckCutOff || r.CutOff {
					t.Errorf("self-check %v self-check cut off %v, cut off %v, want %v, self-check cut off only", r.SelfCheckPoints, r.SelfCheckCutOff, r.CutOff, c.want)
				}
				if all := len(c.want) == 3; r.SelfCheck == nil || *r.SelfCheck != all {
					t.Errorf("self_check %v, want %v", r.SelfCheck, all)
				}
			})
		}
	}
}
