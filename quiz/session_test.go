package quiz

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// scripted is a Prompter that answers from a script keyed by prompt fragments:
// it picks the right answer for every question it finds in right, and the
// first option otherwise.
type scripted struct {
	t      *testing.T
	right  map[string]bool // prompts to answer right
	bank   *Bank
	stopAt int   // on this call, return stopErr (0: never)
	stop   error // the error to stop with
	block  chan struct{}
	calls  int
	asked  []string
	mu     sync.Mutex
	aborts int
}

func (s *scripted) next(msg string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	s.asked = append(s.asked, msg)
	if s.stopAt > 0 && s.calls == s.stopAt {
		if s.block != nil {
			s.mu.Unlock()
			<-s.block
			s.mu.Lock()
		}
		return s.stop
	}
	return nil
}

func (s *scripted) find(msg string) *Question {
	for _, q := range s.bank.Questions {
		if strings.Contains(msg, q.Prompt) {
			return q
		}
	}
	return nil
}

func (s *scripted) wantRight(msg string) (*Question, bool) {
	q := s.find(msg)
	return q, q != nil && s.right[q.ID]
}

func (s *scripted) Select(msg string, options []string) (int, error) {
	if err := s.next(msg); err != nil {
		return 0, err
	}
	q, right := s.wantRight(msg)
	if !right {
		return len(options) - 1, nil
	}
	want := "True"
	if q.Type == Single {
		want = q.Choices[q.Correct[0]]
	} else if !q.Truth {
		want = "False"
	}
	return slices.Index(options, want), nil
}

func (s *scripted) MultiSelect(msg string, options []string) ([]int, error) {
	if err := s.next(msg); err != nil {
		return nil, err
	}
	q, right := s.wantRight(msg)
	if !right {
		return []int{}, nil
	}
	var out []int
	for _, i := range q.Correct {
		out = append(out, slices.Index(options, q.Choices[i]))
	}
	return out, nil
}

func (s *scripted) Input(msg string, validate func(string) error) (string, error) {
	if err := s.next(msg); err != nil {
		return "", err
	}
	q, right := s.wantRight(msg)
	if validate != nil && validate("not a number") == nil {
		s.t.Error("numeric validation accepted text")
	}
	switch {
	case right && q.Type == Short:
		return q.Accept[0], nil
	case right && q.Type == Numeric:
		return formatNum(q.Value), nil
	case q != nil && q.Type == Numeric:
		return "0", nil
	}
	return "my answer", nil
}

func (s *scripted) Confirm(msg string, def bool) (bool, error) {
	if err := s.next(msg); err != nil {
		return false, err
	}
	return true, nil
}

func (s *scripted) Order(msg string, items []string) ([]int, error) {
	if err := s.next(msg); err != nil {
		return nil, err
	}
	q, right := s.wantRight(msg)
	out := make([]int, len(items))
	for k := range items {
		if right {
			out[k] = slices.Index(items, q.Items[k])
		} else { // exactly reversed: no credit
			out[k] = slices.Index(items, q.Items[len(items)-1-k])
		}
	}
	return out, nil
}

func (s *scripted) Match(msg string, left, right []string) ([]int, error) {
	if err := s.next(msg); err != nil {
		return nil, err
	}
	q, ok := s.wantRight(msg)
	out := make([]int, len(left))
	for i := range left {
		if ok {
			out[i] = slices.Index(right, q.Pairs[i].Right)
		} else { // everything one off: no pair right
			out[i] = slices.Index(right, q.Pairs[(i+1)%len(left)].Right)
		}
	}
	return out, nil
}

func (s *scripted) Abort() {
	s.mu.Lock()
	s.aborts++
	s.mu.Unlock()
}

func fakeClock() func() time.Time {
	t := time.Date(2026, 2, 26, 9, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		t = t.Add(2 * time.Second)
		return t
	}
}

func allRight(b *Bank) map[string]bool {
	m := map[string]bool{}
	for _, q := range b.Questions {
		m[q.ID] = true
	}
	return m
}

func TestSessionPracticeAllRight(t *testing.T) {
	b := loadSample(t)
	qs, _ := Select([]*Bank{b}, Filter{}, 5)
	var out bytes.Buffer
	p := &scripted{t: t, bank: b, right: allRight(b)}
	s := &Session{Questions: qs, Mode: Practice, Prompter: p, Out: &out, Now: fakeClock()}
	res, err := s.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	score, max := res.Score()
	if score != 8 || max != 8 || res.Status != Complete || res.EndedBy != EndFinished {
		t.Fatalf("score %v/%v, %s %s", score, max, res.Status, res.EndedBy)
	}
	text := out.String()
	for _, want := range []string{"Question 1 of 8", "Question 8 of 8", "✓ Right.", "Source: ", "A model answer:", "A good answer covers:"} {
		if !strings.Contains(text, want) {
			t.Errorf("practice output lacks %q", want)
		}
	}
	if strings.Contains(text, "Answer:") {
		t.Error("a right answer was followed by 'Answer:'")
	}
	if strings.Contains(text, "\x1b[") {
		t.Error("escape codes with the zero Style")
	}
	// The open question asked for a self-check, and the report keeps it.
	for _, o := range res.Outcomes {
		if o.Question.Type == Open && (o.Response.SelfCheck == nil || !*o.Response.SelfCheck) {
			t.Error("open question: no self-check recorded")
		}
		if o.Seconds <= 0 {
			t.Errorf("%s: no time recorded", o.Question.ID)
		}
	}
}

func TestSessionPracticeWrongShowsAnswerAndCitation(t *testing.T) {
	b := loadSample(t)
	qs := []*Presented{{Question: question(t, b, "capital"), Perm: []int{0, 1, 2, 3}}}
	var out bytes.Buffer
	s := &Session{Questions: qs, Mode: Practice, Prompter: &scripted{t: t, bank: b}, Out: &out, Now: fakeClock()}
	if _, err := s.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	want := "✗ Not right.\nAnswer: Baku\n  Baku, on the Caspian Sea, is Azerbaijan's capital.\n  Source: Introduction, ¶2: “Azeris around the world”\n"
	if !strings.Contains(out.String(), want) {
		t.Errorf("feedback:\n%s\nwant:\n%s", out.String(), want)
	}
}

func TestSessionExamWaitsThenReviews(t *testing.T) {
	b := loadSample(t)
	qs, _ := Select([]*Bank{b}, Filter{}, 5)
	var out bytes.Buffer
	p := &scripted{t: t, bank: b, right: map[string]bool{"capital": true}}
	s := &Session{Questions: qs, Mode: Exam, Prompter: p, Out: &out, Now: fakeClock()}
	res, err := s.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	text := out.String()
	review := strings.Index(text, "\nReview\n")
	if review < 0 {
		t.Fatalf("no review:\n%s", text)
	}
	if strings.Contains(text[:review], "✓") || strings.Contains(text[:review], "Source:") {
		t.Error("exam mode gave feedback before the end")
	}
	if n := strings.Count(text[review:], "Your answer:"); n != 8 {
		t.Errorf("review covers %d questions, want 8", n)
	}
	if p.calls != 8 {
		t.Errorf("%d prompts; exam mode asks no self-check", p.calls)
	}
	if score, _ := res.Score(); score != 1 {
		t.Errorf("score %v, want 1", score)
	}
}

func TestSessionStopsEarly(t *testing.T) {
	for _, tt := range []struct {
		err     error
		endedBy string
	}{
		{ErrInterrupted, EndInterrupt},
		{ErrInputEnded, EndInputEnded},
	} {
		b := loadSample(t)
		qs, _ := Select([]*Bank{b}, Filter{}, 5)
		p := &scripted{t: t, bank: b, right: allRight(b), stopAt: 3, stop: tt.err}
		s := &Session{Questions: qs, Mode: Exam, Prompter: p, Out: &bytes.Buffer{}, Now: fakeClock()}
		res, err := s.Run(context.Background())
		if !errors.Is(err, tt.err) {
			t.Fatalf("err = %v, want %v", err, tt.err)
		}
		if res.Status != Incomplete || res.EndedBy != tt.endedBy || len(res.Outcomes) != 8 {
			t.Fatalf("result %s %s with %d outcomes", res.Status, res.EndedBy, len(res.Outcomes))
		}
		answered := 0
		for _, o := range res.Outcomes {
			if o.Response.Answered {
				answered++
			}
		}
		if answered != 2 {
			t.Errorf("%d answered, want the 2 before the stop", answered)
		}
	}
}

// A time limit ends the quiz while the prompter still waits for a key: the
// quiz is submitted, the prompter is told to give the terminal back.
func TestSessionTimeLimitSubmits(t *testing.T) {
	b := loadSample(t)
	qs, _ := Select([]*Bank{b}, Filter{}, 5)
	block := make(chan struct{})
	defer close(block)
	p := &scripted{t: t, bank: b, right: allRight(b), stopAt: 4, stop: errors.New("never returned"), block: block}
	ctx, cancel := context.WithCancelCause(context.Background())
	var out bytes.Buffer
	s := &Session{Questions: qs, Mode: Exam, Prompter: p, Out: &out, Now: fakeClock(), Deadline: time.Date(2026, 2, 26, 9, 10, 0, 0, time.UTC)}
	go func() {
		for {
			p.mu.Lock()
			n := p.calls
			p.mu.Unlock()
			if n >= 4 {
				cancel(ErrTimeUp)
				return
			}
			time.Sleep(time.Millisecond)
		}
	}()
	res, err := s.Run(ctx)
	if err != nil {
		t.Fatalf("a time limit is not an error: %v", err)
	}
	if res.Status != Complete || res.EndedBy != EndTimeLimit {
		t.Errorf("status %s ended by %s", res.Status, res.EndedBy)
	}
	if p.aborts != 1 {
		t.Errorf("Abort called %d times, want 1", p.aborts)
	}
	if !strings.Contains(out.String(), "Time is up.") || !strings.Contains(out.String(), "left") {
		t.Errorf("output lacks the time notices:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "\nReview\n") {
		t.Error("an exam submitted at the time limit is still reviewed")
	}
	if score, _ := res.Score(); score >= 8 {
		t.Errorf("unanswered questions scored: %v", score)
	}
}

func TestSessionStyleAddsEscapesOnlyWhenAsked(t *testing.T) {
	b := loadSample(t)
	qs := []*Presented{{Question: question(t, b, "independence")}}
	for _, color := range []bool{false, true} {
		var out bytes.Buffer
		s := &Session{Questions: qs, Mode: Practice, Prompter: &scripted{t: t, bank: b}, Out: &out, Style: Style{Color: color}, Now: fakeClock()}
		if _, err := s.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(out.String(), "\x1b["); got != color {
			t.Errorf("Color %v: escape codes present = %v", color, got)
		}
	}
}

func TestParseMode(t *testing.T) {
	for in, want := range map[string]Mode{"practice": Practice, "EXAM": Exam, " exam ": Exam} {
		if got, err := ParseMode(in); err != nil || got != want {
			t.Errorf("ParseMode(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseMode("test"); err == nil || err.Error() != fmt.Sprintf("%q is not a mode (practice or exam)", "test") {
		t.Errorf("err = %v", err)
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		text   string
		width  int
		indent string
		want   string
	}{
		{"one two three four", 9, "", "one two\nthree\nfour"},
		{"one two three", 0, "  ", "  one two three"},
		{"one two", 20, "  ", "  one two"},
		{"Xocalı Xocalı Xocalı", 15, "", "Xocalı Xocalı\nXocalı"}, // runes, not bytes
		{"a verylongwordthatdoesnotfit b", 10, "", "a\nverylongwordthatdoesnotfit\nb"},
		{"first\nsecond", 20, "> ", "> first\n> second"},
	}
	for _, tt := range tests {
		if got := Wrap(tt.text, tt.width, tt.indent); got != tt.want {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}

// An information page is shown and not waited on, not scored, and not reviewed.
func TestSessionInfoPage(t *testing.T) {
	b, _, err := ParseBank("i.yaml", []byte("id: i\ntitle: I\nquestions:\n  - {id: page, type: info, prompt: \"Read this first.\", source: {section: S, paragraph: 1, quote: q}}\n  - {id: tf, type: truefalse, prompt: \"Statement.\", answer: true, explanation: E, source: {section: S, paragraph: 1, quote: q}}\n"))
	if err != nil {
		t.Fatal(err)
	}
	qs := []*Presented{{Question: b.Questions[0]}, {Question: b.Questions[1]}}
	p := &scripted{t: t, bank: b, right: map[string]bool{"tf": true}}
	var out bytes.Buffer
	res, err := (&Session{Questions: qs, Mode: Exam, Prompter: p, Out: &out, Now: fakeClock()}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if p.calls != 1 {
		t.Errorf("%d prompts; an info page asks nothing", p.calls)
	}
	if score, max := res.Score(); score != 1 || max != 1 {
		t.Errorf("score %v/%v", score, max)
	}
	review := out.String()[strings.Index(out.String(), "Review"):]
	if !strings.Contains(out.String(), "Read this first.") || strings.Contains(review, "Read this first.") {
		t.Errorf("output:\n%s", out.String())
	}
}

// An essay imported from GIFT has a model answer and no key points: there is
// nothing to check the answer against, so the self-check is not asked.
func TestSessionEssayWithoutKeyPointsAsksNoSelfCheck(t *testing.T) {
	q := &Question{ID: "q8", Bank: "b", Type: Open, Prompt: "How are you?", Model: "(no model answer given)", Points: 1, Line: 1}
	b := &Bank{ID: "b", Questions: []*Question{q}}
	qs, _ := Select([]*Bank{b}, Filter{}, 1)
	var out bytes.Buffer
	p := &scripted{t: t, bank: b, right: map[string]bool{}}
	s := &Session{Questions: qs, Mode: Practice, Prompter: p, Out: &out, Now: fakeClock()}
	if _, err := s.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, m := range p.asked {
		if strings.Contains(m, "key points") {
			t.Errorf("asked %q of an essay with no key points", m)
		}
	}
	if strings.Contains(out.String(), "A good answer covers:") {
		t.Error("listed key points that do not exist")
	}
}
