package session

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/text"
)

func TestSessionPracticeAllRight(t *testing.T) {
	b := testfiles.Sample(t)
	qs, _ := quiz.Select([]*quiz.Bank{b}, quiz.Filter{}, 5)
	var out bytes.Buffer
	p := &testfiles.Scripted{T: t, Bank: b, Right: testfiles.AllRight(b)}
	s := &Session{Questions: qs, Mode: quiz.Practice, Prompter: p, Out: &out, Now: testfiles.Clock()}
	res, err := s.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	score, max := res.Score() // the open question counts in the maximum, 0 until marked
	if score != 8 || max != 9 || res.Status != quiz.Complete || res.EndedBy != quiz.EndFinished {
		t.Fatalf("score %v/%v, %s %s", score, max, res.Status, res.EndedBy)
	}
	text := out.String()
	for _, want := range []string{"Question 1 of 8", "Question 8 of 8", "✓ Right.", "Source: ", "A model answer:", "Covered, you say:"} {
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
		if o.Question.Type == quiz.Open && (o.Response.SelfCheck == nil || !*o.Response.SelfCheck) {
			t.Error("open question: no self-check recorded")
		}
		if o.Seconds <= 0 {
			t.Errorf("%s: no time recorded", o.Question.ID)
		}
	}
}

func TestSessionPracticeWrongShowsAnswerAndCitation(t *testing.T) {
	b := testfiles.Sample(t)
	qs := []*quiz.Presented{{Question: testfiles.Question(t, b, "capital"), Perm: []int{0, 1, 2, 3}}}
	var out bytes.Buffer
	s := &Session{Questions: qs, Mode: quiz.Practice, Prompter: &testfiles.Scripted{T: t, Bank: b}, Out: &out, Now: testfiles.Clock()}
	if _, err := s.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	want := "✗ Not right.\nAnswer: Baku\n  Baku, on the Caspian Sea, is Azerbaijan's capital.\n  Source: Introduction, ¶2: “Azeris around the world”\n"
	if !strings.Contains(out.String(), want) {
		t.Errorf("feedback:\n%s\nwant:\n%s", out.String(), want)
	}
}

func TestSessionExamWaitsThenReviews(t *testing.T) {
	b := testfiles.Sample(t)
	qs, _ := quiz.Select([]*quiz.Bank{b}, quiz.Filter{}, 5)
	var out bytes.Buffer
	p := &testfiles.Scripted{T: t, Bank: b, Right: map[string]bool{"capital": true}}
	s := &Session{Questions: qs, Mode: quiz.Exam, Prompter: p, Out: &out, Now: testfiles.Clock()}
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
	// Eight answers, each once: the open one's is right above its
	// self-check, and not repeated under it (teacher14 A1).
	if n := strings.Count(text[review:], "Your answer:"); n != 8 {
		t.Errorf("review shows %d answers, want 8", n)
	}
	// Eight answers, then the open question's self-assessment in the review,
	// after the quiz was submitted: the teacher sees it when marking.
	if p.Calls != 9 {
		t.Errorf("%d prompts, want 8 answers and the self-check in the review", p.Calls)
	}
	for _, o := range res.Outcomes {
		if o.Question.Type == quiz.Open && o.Response.SelfCheck == nil {
			t.Error("exam mode did not record the self-assessment")
		}
	}
	if score, _ := res.Score(); score != 1 {
		t.Errorf("score %v, want 1", score)
	}
}

// An exam whose review is held back shows no answer, explanation or source,
// asks no self-assessment after the last answer, and scores as before.
func TestSessionExamHoldsBackReview(t *testing.T) {
	b := testfiles.Sample(t)
	qs, _ := quiz.Select([]*quiz.Bank{b}, quiz.Filter{}, 5)
	var out bytes.Buffer
	p := &testfiles.Scripted{T: t, Bank: b, Right: map[string]bool{"capital": true}}
	s := &Session{Questions: qs, Mode: quiz.Exam, Prompter: p, Out: &out, Now: testfiles.Clock(), HoldBackReview: true}
	res, err := s.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, leak := range []string{"Review", "Answer:", "Your answer:", "Source:", "✓", "✗", "A model answer"} {
		if strings.Contains(got, leak) {
			t.Errorf("held-back review shows %q:\n%s", leak, got)
		}
	}
	if !strings.Contains(got, "held back until the whole class has finished") {
		t.Errorf("no word on why the answers are not shown:\n%s", got)
	}
	if p.Calls != 8 {
		t.Errorf("%d prompts, want the 8 answers and no self-check", p.Calls)
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
		{ErrInterrupted, quiz.EndInterrupt},
		{ErrInputEnded, quiz.EndInputEnded},
	} {
		b := testfiles.Sample(t)
		qs, _ := quiz.Select([]*quiz.Bank{b}, quiz.Filter{}, 5)
		p := &testfiles.Scripted{T: t, Bank: b, Right: testfiles.AllRight(b), StopAt: 3, Stop: tt.err}
		s := &Session{Questions: qs, Mode: quiz.Exam, Prompter: p, Out: &bytes.Buffer{}, Now: testfiles.Clock()}
		res, err := s.Run(context.Background())
		if !errors.Is(err, tt.err) {
			t.Fatalf("err = %v, want %v", err, tt.err)
		}
		if res.Status != quiz.Incomplete || res.EndedBy != tt.endedBy || len(res.Outcomes) != 8 {
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
	b := testfiles.Sample(t)
	qs, _ := quiz.Select([]*quiz.Bank{b}, quiz.Filter{}, 5)
	block := make(chan struct{})
	defer close(block)
	p := &testfiles.Scripted{T: t, Bank: b, Right: testfiles.AllRight(b), StopAt: 4, Stop: errors.New("never returned"), Block: block}
	ctx, cancel := context.WithCancelCause(context.Background())
	var out bytes.Buffer
	s := &Session{Questions: qs, Mode: quiz.Exam, Prompter: p, Out: &out, Now: testfiles.Clock(), Deadline: time.Date(2026, 2, 26, 9, 10, 0, 0, time.UTC)}
	go func() {
		for {
			n := p.CallCount()
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
	if res.Status != quiz.Complete || res.EndedBy != quiz.EndTimeLimit {
		t.Errorf("status %s ended by %s", res.Status, res.EndedBy)
	}
	if p.Aborts != 1 {
		t.Errorf("Abort called %d times, want 1", p.Aborts)
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
	b := testfiles.Sample(t)
	qs := []*quiz.Presented{{Question: testfiles.Question(t, b, "independence")}}
	for _, color := range []bool{false, true} {
		var out bytes.Buffer
		s := &Session{Questions: qs, Mode: quiz.Practice, Prompter: &testfiles.Scripted{T: t, Bank: b}, Out: &out, Style: testStyle(color), Now: testfiles.Clock()}
		if _, err := s.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(out.String(), "\x1b["); got != color {
			t.Errorf("Color %v: escape codes present = %v", color, got)
		}
	}
}

func TestParseMode(t *testing.T) {
	for in, want := range map[string]quiz.Mode{"practice": quiz.Practice, "EXAM": quiz.Exam, " exam ": quiz.Exam} {
		if got, err := quiz.ParseMode(in); err != nil || got != want {
			t.Errorf("ParseMode(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := quiz.ParseMode("test"); err == nil || err.Error() != fmt.Sprintf("%q is not a mode (practice or exam)", "test") {
		t.Errorf("err = %v", err)
	}
}

// An information page is shown and not waited on, not scored, and not reviewed.
func TestSessionInfoPage(t *testing.T) {
	b, _, err := quiz.ParseBank("i.yaml", []byte("id: i\ntitle: I\nquestions:\n  - {id: page, type: info, prompt: \"Read this first.\", source: {section: S, paragraph: 1, quote: q}}\n  - {id: tf, type: truefalse, prompt: \"Statement.\", answer: true, explanation: E, source: {section: S, paragraph: 1, quote: q}}\n"))
	if err != nil {
		t.Fatal(err)
	}
	qs := []*quiz.Presented{{Question: b.Questions[0]}, {Question: b.Questions[1]}}
	p := &testfiles.Scripted{T: t, Bank: b, Right: map[string]bool{"tf": true}}
	var out bytes.Buffer
	res, err := (&Session{Questions: qs, Mode: quiz.Exam, Prompter: p, Out: &out, Now: testfiles.Clock()}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if p.Calls != 1 {
		t.Errorf("%d prompts; an info page asks nothing", p.Calls)
	}
	if score, max := res.Score(); score != 1 || max != 1 {
		t.Errorf("score %v/%v", score, max)
	}
	review := out.String()[strings.Index(out.String(), "Review"):]
	if !strings.Contains(out.String(), "Read this first.") || strings.Contains(review, "Read this first.") {
		t.Errorf("output:\n%s", out.String())
	}
}

// ansiStyle stands in for the command line's colour scheme.
type ansiStyle struct{}

func (ansiStyle) Bold(s string) string { return "\x1b[1m" + s + "\x1b[0m" }
func (ansiStyle) Good(s string) string { return "\x1b[32m" + s + "\x1b[0m" }
func (ansiStyle) Bad(s string) string  { return "\x1b[31m" + s + "\x1b[0m" }
func (ansiStyle) Dim(s string) string  { return "\x1b[2m" + s + "\x1b[0m" }
func (ansiStyle) Mark(s string) string { return "\x1b[1;33m" + s + "\x1b[0m" }

func testStyle(color bool) text.Style {
	if color {
		return ansiStyle{}
	}
	return nil
}

// msgPrompter records the messages of the menus it is shown and ticks nothing.
type msgPrompter struct {
	testfiles.Scripted
	msgs []string
}

func (p *msgPrompter) MultiSelect(msg string, options []string) ([]int, error) {
	p.msgs = append(p.msgs, msg)
	return nil, nil
}

func TestMultiSelectHintOnce(t *testing.T) {
	says := &quiz.Question{ID: "a", Type: quiz.Multi, Prompt: "Which seas? Choose all that apply.", Choices: []string{"x", "y"}, Correct: []int{0}, Points: 1}
	silent := &quiz.Question{ID: "b", Type: quiz.Multi, Prompt: "Which seas?", Choices: []string{"x", "y"}, Correct: []int{0}, Points: 1}
	p := &msgPrompter{}
	s := &Session{Questions: []*quiz.Presented{{Question: says, Perm: []int{0, 1}}, {Question: silent, Perm: []int{0, 1}}}, Mode: quiz.Exam, Prompter: p, Out: &bytes.Buffer{}, Now: testfiles.Clock()}
	if _, err := s.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	want := []string{"Which seas? Choose all that apply.", "Which seas? (choose all that apply)"}
	if fmt.Sprint(p.msgs) != fmt.Sprint(want) {
		t.Errorf("messages %q, want %q", p.msgs, want)
	}
}

// An essay imported from GIFT has a model answer and no key points: there is
// nothing to check the answer against, so the self-check is not asked.
func TestSessionEssayWithoutKeyPointsAsksNoSelfCheck(t *testing.T) {
	q := &quiz.Question{ID: "q8", Bank: "b", Type: quiz.Open, Prompt: "How are you?", Model: "(no model answer given)", Points: 1, Line: 1}
	b := &quiz.Bank{ID: "b", Questions: []*quiz.Question{q}}
	qs, _ := quiz.Select([]*quiz.Bank{b}, quiz.Filter{}, 1)
	var out bytes.Buffer
	p := &testfiles.Scripted{T: t, Bank: b, Right: map[string]bool{}}
	s := &Session{Questions: qs, Mode: quiz.Practice, Prompter: p, Out: &out, Now: testfiles.Clock()}
	if _, err := s.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, m := range p.Asked {
		if strings.Contains(m, "key points") {
			t.Errorf("asked %q of an essay with no key points", m)
		}
	}
	if strings.Contains(out.String(), "A good answer covers:") {
		t.Error("listed key points that do not exist")
	}
}

// OnAnswer sees each answer as soon as it is scored, and none after a stop.
func TestSessionOnAnswer(t *testing.T) {
	b := testfiles.Sample(t)
	qs, _ := quiz.Select([]*quiz.Bank{b}, quiz.Filter{}, 5)
	p := &testfiles.Scripted{T: t, Bank: b, Right: testfiles.AllRight(b), StopAt: 4, Stop: ErrInterrupted}
	var seen []quiz.Outcome
	s := &Session{Questions: qs, Mode: quiz.Practice, Prompter: p, Out: &bytes.Buffer{}, Now: testfiles.Clock(),
		OnAnswer: func(o quiz.Outcome) { seen = append(seen, o) }}
	res, _ := s.Run(context.Background())
	if len(seen) != 3 {
		t.Fatalf("OnAnswer called %d times, want 3 (the answers before the stop)", len(seen))
	}
	for i, o := range seen {
		if o.Question != res.Outcomes[i].Question || o.Fraction != res.Outcomes[i].Fraction || o.Seconds <= 0 {
			t.Errorf("answer %d: OnAnswer saw %+v, the result has %+v", i, o, res.Outcomes[i])
		}
	}
}

// partPrompter gives answers in parts, part right.
type partPrompter struct{ testfiles.Scripted }

func (p *partPrompter) MultiSelect(string, []string) ([]int, error) { return []int{0, 2}, nil } // Black Sea, Aral Sea
func (p *partPrompter) Order(string, []string) ([]int, error)       { return []int{1, 2, 3, 0}, nil }
func (p *partPrompter) Match(string, []string, []string) ([]int, error) {
	return []int{0, 2, 1}, nil
}

// Partial credit says what was wrong: each tick, each pair, the items of an
// order out of place; in practice feedback and in the exam's review.
func TestPartialCreditSaysWhatWasWrong(t *testing.T) {
	b := testfiles.Sample(t)
	var qs []*quiz.Presented
	for _, id := range []string{"seas", "sequence", "names"} {
		q := testfiles.Question(t, b, id)
		n := max(len(q.Choices), len(q.Items), len(q.Pairs))
		perm := make([]int, n)
		for i := range perm {
			perm[i] = i
		}
		qs = append(qs, &quiz.Presented{Question: q, Perm: perm})
	}
	for _, mode := range []quiz.Mode{quiz.Practice, quiz.Exam} {
		var out bytes.Buffer
		s := &Session{Questions: qs, Mode: mode, Prompter: &partPrompter{}, Out: &out, Now: testfiles.Clock()}
		if _, err := s.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{
			"✓ ticked, and right: Black Sea",
			"✗ ticked, but not right: Aral Sea",
			"○ not ticked, but right: Caspian Sea",
			"A wrong tick takes away what a right tick earns, so that ticking every box earns nothing.",
			"✗ Out of place: USSR founded. The rest are in the right order.",
			"✓ Khojaly = Xocalı",
			"✗ Shusha = Khankendi; it goes with Shushi",
			"✗ Stepanakert = Shushi; it goes with Khankendi",
			"of 1 point.", // not "0.67 of 1 points"
		} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("%s: the feedback lacks %q:\n%s", mode, want, out.String())
			}
		}
	}
}

// noticePrompter waits in its first prompt until released, and passes on the
// notices the session shows meanwhile.
type noticePrompter struct {
	testfiles.Scripted
	notices chan string
	release chan struct{}
}

func (p *noticePrompter) Select(string, []string) (int, error) {
	<-p.release
	return 0, nil
}

func (p *noticePrompter) Notice(msg string) { p.notices <- msg }

// A time limit running down is shown while a question waits, at 10 seconds
// left (and at 1 minute, which this test does not wait for).
func TestSessionCountsDown(t *testing.T) {
	b := testfiles.Sample(t)
	q := testfiles.Question(t, b, "capital")
	p := &noticePrompter{notices: make(chan string, 2), release: make(chan struct{})}
	s := &Session{Questions: []*quiz.Presented{{Question: q, Perm: []int{0, 1, 2, 3}}}, Mode: quiz.Exam, Prompter: p, Out: &bytes.Buffer{},
		Deadline: time.Now().Add(10*time.Second + 50*time.Millisecond)}
	done := make(chan error, 1)
	go func() {
		_, err := s.Run(context.Background())
		done <- err
	}()
	select {
	case msg := <-p.notices:
		if msg != "Time: 10 seconds left" {
			t.Errorf("notice %q, want the 10 seconds left", msg)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no notice at 10 seconds left")
	}
	close(p.release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	select {
	case msg := <-p.notices:
		t.Errorf("a second notice: %q", msg)
	default:
	}
}
