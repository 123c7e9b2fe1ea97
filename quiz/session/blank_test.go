package session

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
)

// blankPrompter types lines into the text prompts, in turn, and answers
// the "Leave this question blank?" confirm with confirms, in turn; it
// records what it was asked. On the confirm number stopAt it returns stop,
// first waiting on block when set (a student who sits at the confirm
// until the time limit).
type blankPrompter struct {
	lines    []string
	confirms []bool
	asked    []string // "input: msg" or "confirm: msg (default)"
	cleared  int      // ClearToHeader calls
	stopAt   int
	stop     error
	block    chan struct{}
	waiting  chan struct{} // closed when the confirm stopAt begins
}

func (p *blankPrompter) Select(string, []string) (int, error)            { return 0, nil }
func (p *blankPrompter) MultiSelect(string, []string) ([]int, error)     { return nil, nil }
func (p *blankPrompter) Order(string, []string) ([]int, error)           { return nil, nil }
func (p *blankPrompter) Match(string, []string, []string) ([]int, error) { return nil, nil }
func (p *blankPrompter) ClearToHeader()                                  { p.cleared++ }
func (p *blankPrompter) Abort()                                          {}

func (p *blankPrompter) Input(msg string, _ func(string) error) (string, error) {
	p.asked = append(p.asked, "input: "+msg)
	if len(p.lines) == 0 {
		return "", ErrInputEnded
	}
	l := p.lines[0]
	p.lines = p.lines[1:]
	return l, nil
}

func (p *blankPrompter) Confirm(msg string, def bool) (bool, error) {
	p.asked = append(p.asked, "confirm: "+msg)
	if def {
		p.asked[len(p.asked)-1] += " (default yes)"
	}
	if n := len(slices.DeleteFunc(slices.Clone(p.asked), func(a string) bool { return !strings.HasPrefix(a, "confirm: ") })); n == p.stopAt {
		if p.waiting != nil {
			close(p.waiting)
		}
		if p.block != nil {
			<-p.block
		}
		return false, p.stop
	}
	c := p.confirms[0]
	p.confirms = p.confirms[1:]
	return c, nil
}

// blankRun asks the sample bank's question id in an exam, ConfirmBlank
// set as given.
func blankRun(t *testing.T, ctx context.Context, id string, confirm bool, p *blankPrompter) (*quiz.Result, error) {
	t.Helper()
	b := testfiles.Sample(t)
	s := &Session{Questions: []*quiz.Presented{{Question: testfiles.Question(t, b, id)}}, Mode: quiz.Exam, HoldBackReview: true,
		Prompter: p, Out: &bytes.Buffer{}, Now: testfiles.Clock(), ConfirmBlank: confirm}
	return s.Run(ctx)
}

// teacher11 P1: an empty Enter (or spaces) on a typed answer asks "Leave
// this question blank?", No by default; No asks the same question again,
// drawn where it was (ClearToHeader), and Yes leaves it blank as before.
// A typed answer is never asked about.
func TestBlankAnswerIsConfirmed(t *testing.T) {
	for _, c := range []struct {
		name     string
		id       string
		lines    []string
		confirms []bool
		answered bool
		text     string
		asks     int
	}{
		{"open, no then an answer", "ussr", []string{"", "A union of republics"}, []bool{false}, true, "A union of republics", 1},
		{"open, spaces, no twice, then yes", "ussr", []string{"   ", "", " \t"}, []bool{false, false, true}, false, "", 3},
		{"open, yes", "ussr", []string{""}, []bool{true}, false, "", 1},
		{"open, typed at once", "ussr", []string{"A union"}, nil, true, "A union", 0},
		{"short, no then an answer", "town", []string{"", "Xocalı"}, []bool{false}, true, "Xocalı", 1},
		{"numeric, yes", "ceasefire-year", []string{" "}, []bool{true}, false, "", 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := &blankPrompter{lines: c.lines, confirms: c.confirms}
			res, err := blankRun(t, t.Context(), c.id, true, p)
			if err != nil {
				t.Fatal(err)
			}
			r := res.Outcomes[0].Response
			if r.Answered != c.answered || r.Text != c.text {
				t.Errorf("response %+v, want answered %v with %q", r, c.answered, c.text)
			}
			var confirms []string
			for _, a := range p.asked {
				if strings.HasPrefix(a, "confirm: ") {
					confirms = append(confirms, a)
				}
			}
			if len(confirms) != c.asks {
				t.Errorf("asked %q, want %d confirms", p.asked, c.asks)
			}
			for _, a := range confirms {
				if a != "confirm: "+ConfirmBlankPrompt {
					t.Errorf("asked %q, want %q with No by default", a, ConfirmBlankPrompt)
				}
			}
			// Each No asks the question again, in the place it was.
			no := 0
			for _, k := range c.confirms {
				if !k {
					no++
				}
			}
			if p.cleared != no || len(p.asked)-len(confirms) != no+1 {
				t.Errorf("after %d No: cleared %d times, asked %q", no, p.cleared, p.asked)
			}
		})
	}
}

// Piped answers (ConfirmBlank off) keep an empty line as a blank answer:
// no confirm, which would take the next line as its answer.
func TestBlankAnswerWithoutConfirm(t *testing.T) {
	p := &blankPrompter{lines: []string{"  "}}
	res, err := blankRun(t, t.Context(), "ussr", false, p)
	if err != nil {
		t.Fatal(err)
	}
	if res.Outcomes[0].Response.Answered || len(p.asked) != 1 {
		t.Errorf("response %+v, asked %q; want a blank answer, asked once", res.Outcomes[0].Response, p.asked)
	}
}

// An open question says, under its prompt, that its box is one line and
// Enter sends it; a short or numeric question says to type (teacher14).
func TestOpenPromptSaysEnterSends(t *testing.T) {
	for id, want := range map[string]bool{"ussr": true, "town": false} {
		p := &blankPrompter{lines: []string{"x"}}
		if _, err := blankRun(t, t.Context(), id, true, p); err != nil {
			t.Fatal(err)
		}
		if got := strings.Count(p.asked[0], OpenHint); got != map[bool]int{true: 1, false: 0}[want] {
			t.Errorf("%s: prompt %q has the hint %d times", id, p.asked[0], got)
		}
		if got := strings.Count(p.asked[0], TypeHint); got != map[bool]int{true: 0, false: 1}[want] {
			t.Errorf("%s: prompt %q has the typing hint %d times", id, p.asked[0], got)
		}
	}
}

// The time limit while the confirm waits submits the quiz with the
// question unanswered; Ctrl-C there stops it as at any prompt.
func TestBlankConfirmCutShort(t *testing.T) {
	t.Run("time limit", func(t *testing.T) {
		block, waiting := make(chan struct{}), make(chan struct{})
		defer close(block)
		p := &blankPrompter{lines: []string{""}, stopAt: 1, block: block, waiting: waiting}
		ctx, cancel := context.WithCancelCause(t.Context())
		go func() {
			<-waiting
			cancel(ErrTimeUp)
		}()
		res, err := blankRun(t, ctx, "ussr", true, p)
		if err != nil || res.Status != quiz.Complete || res.EndedBy != quiz.EndTimeLimit {
			t.Fatalf("err %v, status %s, ended by %s; want submitted at the time limit", err, res.Status, res.EndedBy)
		}
		if res.Outcomes[0].Response.Answered || res.Outcomes[0].Unseen {
			t.Errorf("outcome %+v, want reached and unanswered", res.Outcomes[0])
		}
	})
	t.Run("Ctrl-C", func(t *testing.T) {
		p := &blankPrompter{lines: []string{" "}, stopAt: 1, stop: ErrInterrupted}
		res, err := blankRun(t, t.Context(), "ussr", true, p)
		if !errors.Is(err, ErrInterrupted) || res.Status != quiz.Incomplete || res.EndedBy != quiz.EndInterrupt {
			t.Fatalf("err %v, status %s, ended by %s; want interrupted", err, res.Status, res.EndedBy)
		}
		if res.Outcomes[0].Response.Answered {
			t.Errorf("response %+v, want none", res.Outcomes[0].Response)
		}
	})
}

// teacher11 A1: an open prompt's short questions are drawn one to a line.
func TestOpenPromptOneQuestionPerLine(t *testing.T) {
	b := testfiles.Sample(t)
	q := *testfiles.Question(t, b, "ussr")
	q.Prompt = "What was the Soviet Union? When did it exist? How did its end change the conflict?"
	p := &blankPrompter{lines: []string{"x"}}
	s := &Session{Questions: []*quiz.Presented{{Question: &q}}, Mode: quiz.Exam, HoldBackReview: true,
		Prompter: p, Out: &bytes.Buffer{}, Now: testfiles.Clock(), Width: 80}
	if _, err := s.Run(t.Context()); err != nil {
		t.Fatal(err)
	}
	want := "input: What was the Soviet Union?\n  When did it exist?\n  How did its end change the conflict?\n"
	if !strings.HasPrefix(p.asked[0], want) {
		t.Errorf("prompt drawn as %q, want it to start %q", p.asked[0], want)
	}
}

// tickPrompter ticks, at each choose-all prompt in turn, the options in
// ticks; the rest is blankPrompter's.
type tickPrompter struct {
	blankPrompter
	ticks [][]int
}

func (p *tickPrompter) MultiSelect(msg string, _ []string) ([]int, error) {
	p.asked = append(p.asked, "multi: "+msg)
	if len(p.ticks) == 0 {
		return nil, ErrInputEnded
	}
	t := p.ticks[0]
	p.ticks = p.ticks[1:]
	return t, nil
}

// teacher13 A1: Enter with nothing ticked on a choose-all question asks
// "Hand it in with nothing ticked?", No by default; No asks the question
// again; Yes hands it in with nothing ticked (an answer, as before).
// Without ConfirmBlank (piped answers) nothing is asked.
func TestNoneTickedIsConfirmed(t *testing.T) {
	for _, c := range []struct {
		name     string
		confirm  bool
		ticks    [][]int
		confirms []bool
		chosen   int // options chosen in the response
		asks     int // confirms asked
	}{
		{"nothing, no, then ticks", true, [][]int{nil, {0, 1}}, []bool{false}, 2, 1},
		{"nothing, yes", true, [][]int{nil}, []bool{true}, 0, 1},
		{"ticks at once", true, [][]int{{1}}, nil, 1, 0},
		{"piped: nothing, not asked", false, [][]int{nil}, nil, 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := &tickPrompter{blankPrompter: blankPrompter{confirms: c.confirms}, ticks: c.ticks}
			b := testfiles.Sample(t)
			s := &Session{Questions: []*quiz.Presented{{Question: testfiles.Question(t, b, "seas")}}, Mode: quiz.Exam, HoldBackReview: true,
				Prompter: p, Out: &bytes.Buffer{}, Now: testfiles.Clock(), ConfirmBlank: c.confirm}
			res, err := s.Run(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			r := res.Outcomes[0].Response
			if !r.Answered || len(r.Choices) != c.chosen {
				t.Errorf("response %+v, want answered with %d chosen", r, c.chosen)
			}
			asked := 0
			for _, a := range p.asked {
				if a == "confirm: "+ConfirmNoneTickedPrompt {
					asked++
				}
			}
			if asked != c.asks || p.cleared != c.asks-len(slices.DeleteFunc(slices.Clone(c.confirms), func(b bool) bool { return !b })) {
				t.Errorf("asked %q, cleared %d; want %d confirms", p.asked, p.cleared, c.asks)
			}
		})
	}
}

// Ctrl-C at "Hand it in with nothing ticked?" stops the quiz as at any
// prompt, the question unanswered.
func TestNoneTickedConfirmCutShort(t *testing.T) {
	p := &tickPrompter{blankPrompter: blankPrompter{stopAt: 1, stop: ErrInterrupted}, ticks: [][]int{nil}}
	b := testfiles.Sample(t)
	s := &Session{Questions: []*quiz.Presented{{Question: testfiles.Question(t, b, "seas")}}, Mode: quiz.Exam, HoldBackReview: true,
		Prompter: p, Out: &bytes.Buffer{}, Now: testfiles.Clock(), ConfirmBlank: true}
	res, err := s.Run(t.Context())
	if !errors.Is(err, ErrInterrupted) || res.Status != quiz.Incomplete || res.EndedBy != quiz.EndInterrupt {
		t.Fatalf("err %v, status %s, ended by %s; want interrupted", err, res.Status, res.EndedBy)
	}
	if res.Outcomes[0].Response.Answered {
		t.Errorf("response %+v, want none", res.Outcomes[0].Response)
	}
}

// hintedPrompter is blankPrompter with session.HintedInput: it records the
// hint it is handed apart from the message.
type hintedPrompter struct {
	blankPrompter
	hints []string
}

func (p *hintedPrompter) InputHint(msg, hint string, validate func(string) error) (string, error) {
	p.hints = append(p.hints, hint)
	return p.Input(msg, validate)
}

// review22 #6: a prompter that draws the key hint itself gets it apart from
// the message, at any width, so that it can leave it out of the answer's
// echo without parsing the message back.
func TestHintHandedOverApart(t *testing.T) {
	for id, hint := range map[string]string{"ussr": OpenHint, "town": TypeHint} {
		p := &hintedPrompter{blankPrompter: blankPrompter{lines: []string{"x"}}}
		b := testfiles.Sample(t)
		s := &Session{Questions: []*quiz.Presented{{Question: testfiles.Question(t, b, id)}}, Mode: quiz.Exam, HoldBackReview: true,
			Prompter: p, Out: &bytes.Buffer{}, Now: testfiles.Clock(), Width: 12}
		if _, err := s.Run(t.Context()); err != nil {
			t.Fatal(err)
		}
		if len(p.asked) != 1 || strings.Contains(p.asked[0], "[") || strings.Contains(p.asked[0], "Enter") {
			t.Errorf("%s: asked %q, want the message without the hint", id, p.asked)
		}
		if len(p.hints) != 1 || strings.Join(strings.Fields(p.hints[0]), " ") != hint {
			t.Errorf("%s: hint %q, want %q", id, p.hints, hint)
		}
	}
}
