package session

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
)

// Session runs a quiz through a Prompter.
type Session struct {
	Questions []*quiz.Presented
	Mode      quiz.Mode
	Prompter  Prompter
	Out       io.Writer  // where questions' headers and feedback go
	Style     text.Style // nil: no colour
	Now       func() time.Time
	// Deadline, when not zero, is shown as time left on each question. The
	// caller ends ctx at the deadline (with cause ErrTimeUp).
	Deadline time.Time
	// Width wraps feedback to the screen's width; 0 leaves lines whole (for
	// pipes and screen readers).
	Width int
	// OnAnswer, when set, is called with each answer's outcome as soon as it
	// is scored, before any feedback: a student's history records it there.
	OnAnswer func(quiz.Outcome)
	// HoldBackReview, in exam mode, leaves out the review of every answer at
	// the end, so that a student who finishes early cannot show the answers
	// to those still working; the score and the report are unchanged.
	HoldBackReview bool
	// Height, when not zero, is the screen's height in rows, for a screen
	// that scrolls: practice mode then fits an open question's feedback so
	// that at the pause all of it is on the screen, from the "Covered"
	// line through the key points not ticked, the plain answer, the
	// explanation and the source, with
	// anything cut marked "…" (openFit). 0 (a pipe, a screen reader)
	// prints everything whole.
	Height int
	// ReportSaved says the quiz's report is being saved: it holds each
	// open question's full model answer, and the feedback, which shows the
	// plain answer, says so when a row is free.
	ReportSaved bool
	// Pause, in practice mode, waits after each question's feedback until
	// the student asks for the next question, so that the verdict and the
	// explanation are read before the next question pushes them off a
	// short screen. Only a Prompter that is a Pauser can wait; a caller
	// sets Pause only when someone is at a terminal (never for a pipe).
	Pause bool
	// ConfirmBlank asks "Leave this question blank?" (No by default) when
	// a typed answer (short, numeric, open) is sent empty, or "Hand it in
	// with nothing ticked?" for a choose-all question, and asks the
	// question again on No: an Enter pressed by mistake, or to start a new
	// line, skipped an open question with no way back (teacher11 P1). A
	// caller sets it only when someone is at the keyboard: piped answers
	// keep an empty line as a blank answer, and would lose a line to it.
	ConfirmBlank bool

	// aborted says the last question's prompt was cut short (Abort).
	aborted bool
}

// Run asks every question in turn. It returns the result even when the quiz
// stops early; the error then says why (ErrInterrupted, ErrInputEnded,
// ErrSignal), and the result's Status is Incomplete. A time limit is not an
// error: the quiz is submitted with the unanswered questions marked. Ctrl-C
// or a signal during an exam's review returns its error with the result
// Complete: every answer was submitted.
func (s *Session) Run(ctx context.Context) (*quiz.Result, error) {
	now := s.now()
	res := &quiz.Result{Started: now, Status: quiz.Complete, EndedBy: quiz.EndFinished}
	if n := len(s.Questions); n > 0 {
		// Made once: grown by append, 40 outcomes took 27 KB, the most of
		// anything before the first question.
		res.Outcomes = make([]quiz.Outcome, 0, n)
	}
	for _, q := range s.Questions {
		// Not shown yet: a quiz stopped early reveals nothing of what is to come.
		res.Outcomes = append(res.Outcomes, quiz.Outcome{Question: q, Unseen: true})
	}
	var stopErr error
	for i, q := range s.Questions {
		res.Outcomes[i].Unseen = false
		s.header(i, q)
		start := s.now()
		r, err := s.askWithContext(ctx, q)
		if h, ok := s.Prompter.(Headed); ok && errors.Is(err, ErrTimeUp) && s.aborted {
			// The prompt is cleared; its header's time left is stale.
			h.ReplaceHeader(s.style().Bold(s.headerLine(i, q, "time is up")))
		}
		out := &res.Outcomes[i]
		out.Seconds = s.now().Sub(start).Seconds()
		if err != nil {
			stopErr = err
			if r.Answered { // a text answer cut off mid-typing (cutOff)
				out.Response = r
				out.Fraction = quiz.Score(q.Question, r)
				res.Reached = i + 1
			}
			break
		}
		out.Response = r
		out.Fraction = quiz.Score(q.Question, r)
		res.Reached = i + 1
		if s.OnAnswer != nil {
			s.OnAnswer(*out)
		}
		if s.Mode == quiz.Practice {
			if err := s.feedback(ctx, out); err != nil {
				stopErr = err
				break
			}
			last := i == len(s.Questions)-1
			if err := s.pause(ctx, last); err != nil {
				if last && errors.Is(err, ErrTimeUp) {
					break // every question answered: the quiz is finished
				}
				stopErr = err
				break
			}
		}
	}
	res.Finished = s.now()
	switch {
	case stopErr == nil:
	case errors.Is(stopErr, ErrTimeUp):
		res.EndedBy = quiz.EndTimeLimit
		fmt.Fprintf(s.Out, "\n%s\n", text.Wrap(s.style().Bold("Time is up.")+" The quiz was submitted; unanswered questions score 0.", s.Width, ""))
	default:
		res.Status = quiz.Incomplete
		switch {
		case errors.Is(stopErr, ErrInterrupted):
			res.EndedBy = quiz.EndInterrupt
		case errors.Is(stopErr, ErrSignal):
			res.EndedBy = quiz.EndSignal
		case errors.Is(stopErr, ErrInputEnded):
			res.EndedBy = quiz.EndInputEnded
		default:
			// Never "finished" for a quiz that did not finish.
			res.EndedBy = quiz.EndError
		}
		return res, stopErr
	}
	switch {
	case s.Mode != quiz.Exam:
	case s.HoldBackReview:
		fmt.Fprintf(s.Out, "\n%s\n", text.Wrap("The answers and explanations are held back until the whole class has finished.", s.Width, ""))
	default:
		// Ctrl-C or a signal during the review ends it as it ends a
		// question: the exam was submitted whole, and stays complete, but
		// the run stops there (exit 130), not after the whole review.
		if err := s.review(ctx, res); err != nil {
			return res, err
		}
	}
	return res, nil
}

func (s *Session) style() text.Style { return text.Or(s.Style) }

func (s *Session) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Session) header(i int, q *quiz.Presented) {
	fmt.Fprintf(s.Out, "\n%s\n", s.style().Bold(s.headerLine(i, q, "")))
	if h, ok := s.Prompter.(Headed); ok {
		h.HeaderShown()
	}
}

// headerLine is question i's header: its number, points, and the time left
// on a time limit, or ended, what it says of the time instead.
func (s *Session) headerLine(i int, q *quiz.Presented, ended string) string {
	line := fmt.Sprintf("Question %d of %d", i+1, len(s.Questions))
	var extra []string
	if pts := q.MaxPoints(); pts != 1 && q.Graded() {
		extra = append(extra, fmt.Sprintf("%s points", text.FormatNum(pts)))
	}
	if !q.Graded() {
		extra = append(extra, "not marked")
	}
	switch {
	case ended != "":
		extra = append(extra, ended)
	case !s.Deadline.IsZero():
		left := max(s.Deadline.Sub(s.now()), 0).Round(time.Second)
		extra = append(extra, left.String()+" left")
	}
	if len(extra) > 0 {
		line += " · " + strings.Join(extra, " · ")
	}
	return line
}

type asked struct {
	r   quiz.Response
	err error
}

// askWithContext asks in a goroutine so that a time limit or a signal ends the
// quiz even while the prompter waits for a key. The prompter's goroutine is left
// blocked on input; the Aborter gives the terminal back.
func (s *Session) askWithContext(ctx context.Context, q *quiz.Presented) (quiz.Response, error) {
	s.aborted = false
	if err := context.Cause(ctx); err != nil {
		return quiz.Response{}, err
	}
	ch := make(chan asked, 1)
	go func() {
		r, err := s.ask(q)
		ch <- asked{r, err}
	}()
	if !s.Deadline.IsZero() {
		stop := make(chan struct{})
		defer close(stop)
		go s.countDown(stop)
	}
	select {
	case a := <-ch:
		// Both may be ready (answers waiting in a pipe): an answer given
		// after the time limit does not count.
		if err := context.Cause(ctx); err != nil && a.err == nil {
			return quiz.Response{}, err
		}
		if a.err != nil {
			return s.cutOff(q, a.err), a.err
		}
		return a.r, nil
	case <-ctx.Done():
		err := context.Cause(ctx)
		r := s.cutOff(q, err)
		if a, ok := s.Prompter.(Aborter); ok {
			a.Abort()
			s.aborted = true
		}
		return r, err
	}
}

// cutOff is the answer a text question (short, numeric, open) or a
// choose-all one (multi) keeps when a time limit, Ctrl-C or a signal (err)
// ends the quiz before Enter: the text the student had typed, or the
// options ticked, as a Drafter tells it, marked CutOff (teacher6 A1,
// attack13 #2). It is unanswered when nothing was typed or ticked, when a
// numeric question's text is no number, for any other question (an option
// highlighted in a menu was never chosen) or prompter, and when input
// ended (a truncated pipe is never an answer).
func (s *Session) cutOff(q *quiz.Presented, err error) quiz.Response {
	switch q.Type {
	case quiz.Short, quiz.Numeric, quiz.Open, quiz.Multi:
	default:
		return quiz.Response{}
	}
	if !errors.Is(err, ErrTimeUp) && !errors.Is(err, ErrInterrupted) && !errors.Is(err, ErrSignal) {
		return quiz.Response{}
	}
	d, ok := s.Prompter.(Drafter)
	if !ok {
		return quiz.Response{}
	}
	if q.Type == quiz.Multi {
		ticked := s.cutTicks(err, len(q.Options()))
		if ticked == nil {
			return quiz.Response{}
		}
		return quiz.Response{Answered: true, Choices: q.FromDisplay(ticked), CutOff: true}
	}
	t := strings.TrimSpace(d.Draft())
	if t == "" {
		return quiz.Response{}
	}
	// A number half typed ("19x3") is no answer the quiz would have taken,
	// and grade would call the report unreadable (attack8 #2).
	if _, err := q.ParseNumeric(t); q.Type == quiz.Numeric && err != nil {
		return quiz.Response{}
	}
	return quiz.Response{Answered: true, Text: t, CutOff: true}
}

// cutTicks are the boxes ticked (as shown, from 0) in a checklist of n
// options that a time limit, Ctrl-C or a signal (err) cut short before
// Enter, as a Drafter tells them: a choose-all question's (cutOff) or an
// open answer's self-check (selfCheck). nil when err is none of those, the
// prompter no Drafter, nothing was ticked, or a tick is out of range.
func (s *Session) cutTicks(err error, n int) []int {
	if !errors.Is(err, ErrTimeUp) && !errors.Is(err, ErrInterrupted) && !errors.Is(err, ErrSignal) {
		return nil
	}
	d, ok := s.Prompter.(Drafter)
	if !ok {
		return nil
	}
	ticked := d.DraftTicks()
	if len(ticked) == 0 || slices.ContainsFunc(ticked, func(i int) bool { return i < 0 || i >= n }) {
		return nil
	}
	return ticked
}

// countDownAt are the times left at which a running time limit is shown while
// a question waits; each question's header shows the time left as well.
var countDownAt = []time.Duration{time.Minute, 10 * time.Second}

// countDown shows the time left as it passes each of countDownAt, until stop.
// A mark already passed when the question began is not shown again: the
// header has just said how much time is left.
func (s *Session) countDown(stop <-chan struct{}) {
	for _, mark := range countDownAt {
		left := s.Deadline.Sub(s.now())
		if left <= mark {
			continue
		}
		t := time.NewTimer(left - mark)
		select {
		case <-t.C:
			s.notice(timeLeft(mark))
		case <-stop:
			t.Stop()
			return
		}
	}
}

func timeLeft(d time.Duration) string {
	switch {
	case d == time.Minute:
		return "1 minute left"
	case d >= time.Minute:
		return fmt.Sprintf("%s left", d)
	}
	return fmt.Sprintf("%d seconds left", int(d.Seconds()))
}

// notice shows msg in plain words: no emoji, which cmd.exe's fonts lack.
func (s *Session) notice(msg string) {
	msg = "Time: " + msg
	if n, ok := s.Prompter.(Noticer); ok {
		n.Notice(s.style().Bold(msg))
		return
	}
	fmt.Fprintf(s.Out, "\n%s\n", s.style().Bold(msg))
}

func (s *Session) ask(q *quiz.Presented) (quiz.Response, error) {
	p := s.Prompter
	msg := s.message(q.Prompt)
	switch q.Type {
	case quiz.Single:
		i, err := p.Select(msg, q.Options())
		if err != nil {
			return quiz.Response{}, err
		}
		return quiz.Response{Answered: true, Choices: q.FromDisplay([]int{i})}, nil
	case quiz.Multi:
		return s.askMulti(q)
	case quiz.TrueFalse:
		prompt := q.Prompt
		if !strings.HasPrefix(strings.ToLower(prompt), "true or false") { // not twice
			prompt = "True or false? " + prompt
		}
		i, err := p.Select(s.message(prompt), q.Options())
		if err != nil {
			return quiz.Response{}, err
		}
		return quiz.Response{Answered: true, Bool: i == 0}, nil
	case quiz.Short, quiz.Open, quiz.Numeric:
		return s.askText(q, msg)
	case quiz.Order:
		seq, err := p.Order(msg, q.Options())
		if err != nil {
			return quiz.Response{}, err
		}
		return quiz.Response{Answered: true, Sequence: q.FromDisplay(seq)}, nil
	case quiz.Match:
		m, err := p.Match(msg, q.Lefts(), q.Options())
		if err != nil {
			return quiz.Response{}, err
		}
		return quiz.Response{Answered: true, Matches: q.FromDisplay(m)}, nil
	case quiz.Info:
		// A page to read: shown, never waited on, so that piped answers
		// stay in step with the questions.
		fmt.Fprintln(s.Out, msg)
		return quiz.Response{Answered: true}, nil
	}
	return quiz.Response{}, fmt.Errorf("question %q: unknown type %q", q.ID, q.Type)
}

// askMulti asks a choose-all question; with ConfirmBlank, Enter with nothing
// ticked asks whether none is the answer.
func (s *Session) askMulti(q *quiz.Presented) (quiz.Response, error) {
	p := s.Prompter
	prompt := q.Prompt
	if !q.SaysHowToAnswer() {
		prompt += " (choose all that apply)"
	}
	for {
		idx, err := p.MultiSelect(s.message(prompt), q.Options())
		if err != nil {
			return quiz.Response{}, err
		}
		if !s.ConfirmBlank || len(idx) > 0 {
			return quiz.Response{Answered: true, Choices: q.FromDisplay(idx)}, nil
		}
		// Enter with nothing ticked handed the question in, in an exam
		// with no feedback to show it (teacher13 A1): nothing ticked
		// can be an answer, so it is asked, not refused.
		none, err := p.Confirm(ConfirmNoneTickedPrompt, false)
		if err != nil {
			return quiz.Response{}, err
		}
		if none {
			return quiz.Response{Answered: true, Choices: q.FromDisplay(idx)}, nil
		}
		if r, ok := p.(Reasker); ok {
			r.ClearToHeader()
		}
	}
}

// askText asks for a typed answer (short, open, numeric) under msg, with
// its key hint; with ConfirmBlank, an empty line asks whether to leave the
// question blank.
func (s *Session) askText(q *quiz.Presented, msg string) (quiz.Response, error) {
	p := s.Prompter
	var validate func(string) error
	var hint string // the key hint under the message (HintedInput)
	if q.Type == quiz.Numeric {
		// The unit the paper prints after the blank ("Answer: ____
		// civilians"), so that the screen says what to type, not
		// only the message that refuses "613 people" (teacher9 P1).
		// A year goes without: the prompt asks for one.
		if q.Unit != "" && !q.AsksYear() {
			msg = s.message(q.Prompt + " (" + numberOf(q) + ")")
		}
		validate = numberCheck(q)
	}
	if q.Type == quiz.Open {
		// A discussion prompt asks a few short questions, one per
		// key point: one to a line reads as what to answer.
		msg = s.message(text.QuestionLines(q.Prompt))
		// Students pressed Enter to start a new line and sent half an
		// answer (teacher11 P1): the box under the prompt is one line.
		hint = s.style().Dim(text.Wrap(OpenHint, s.Width, "  "))
	} else {
		// A box with no menu under it did not say to type (teacher13
		// and teacher14 P: short answers and numbers).
		hint = s.style().Dim(text.Wrap(TypeHint, s.Width, "  "))
	}
	for {
		var line string
		var err error
		if h, ok := p.(HintedInput); ok {
			line, err = h.InputHint(msg, hint, validate)
		} else {
			line, err = p.Input(msg+"\n"+hint, validate)
		}
		if err != nil {
			return quiz.Response{}, err
		}
		if !s.ConfirmBlank || strings.TrimSpace(line) != "" {
			return q.Resolve(quiz.Typed(line), nil)
		}
		blank, err := p.Confirm(ConfirmBlankPrompt, false)
		if err != nil {
			return quiz.Response{}, err
		}
		if blank {
			return q.Resolve(quiz.Typed(line), nil) // as a blank line always was
		}
		if r, ok := p.(Reasker); ok {
			r.ClearToHeader()
		}
	}
}

// numberCheck checks a numeric question's typed line as a sheet reads it
// (blank is no answer), with a hint that says what to type.
func numberCheck(q *quiz.Presented) func(string) error {
	return func(t string) error {
		// Read as a sheet reads it: blank is no answer.
		_, err := q.Resolve(quiz.Typed(t), nil)
		var ord *quiz.OrdinalError
		if errors.As(err, &ord) {
			return errors.New(ord.Hint() + "; " + numberHint(q)) // "28st"
		}
		var dot *quiz.DotThousandsError
		if errors.As(err, &dot) {
			return errors.New(dot.Hint()) // "30.000", as the README says
		}
		if err != nil {
			// "i dont know": say how to leave it blank, as the
			// "Leave this question blank?" after an empty line
			// does (teacher14 P13).
			return errors.New(numberHint(q) + "; an empty answer leaves it blank")
		}
		return nil
	}
}

// OpenHint is the line under an open question's prompt: its answer box
// is one line, sent with Enter.
const OpenHint = "[One line: Enter sends your answer]"

// TypeHint is the line under a short or numeric question's prompt.
const TypeHint = "[Type your answer, then press Enter]"

// ConfirmBlankPrompt is asked when a typed answer is sent empty and
// ConfirmBlank is set.
const ConfirmBlankPrompt = "Leave this question blank?"

// ConfirmNoneTickedPrompt is asked when a choose-all question is sent with
// nothing ticked and ConfirmBlank is set.
const ConfirmNoneTickedPrompt = "Hand it in with nothing ticked?"

// numberHint asks again for a numeric question's answer, with an example
// that fits the question: a year for a year, a count with the question's
// unit. The example never scores, in any bank (attack9 #7), and which one
// a question shows is picked by its id (SeedID: a rename keeps it), not its
// answer: there is no usual example whose absence would give the answer
// away. A year is one of the topic's (topicYears), or, when every one of
// those scores (a wide tolerance), one further off. A question where every
// number scores shows none.
func numberHint(q *quiz.Presented) string {
	examples, further := []float64{12, 5, 100, 7, 40, 250, 3, 60}, []float64(nil)
	if q.AsksYear() {
		examples, further = topicYears, []float64{1900, 1800, 1850, 1750, 1950, 1700, 1600}
	}
	say := "please type " + numberOf(q) + ", such as %s"
	h := fnv.New32a()
	h.Write([]byte(q.SeedID()))
	start := int(h.Sum32() % uint32(len(examples)))
	for i := range len(examples) + len(further) {
		ex := ""
		if i < len(examples) {
			ex = text.FormatNum(examples[(start+i)%len(examples)])
		} else {
			ex = text.FormatNum(further[i-len(examples)])
		}
		if quiz.Score(q.Question, quiz.Response{Answered: true, Text: ex}) == 0 {
			if q.Unit != "" && !q.AsksYear() {
				// teacher11 P9: "613 people" was refused and the message
				// did not say that the unit may follow the number.
				ex += " or " + ex + " " + q.Unit
			}
			return fmt.Sprintf(say, ex)
		}
	}
	return strings.TrimSuffix(say, ", such as %s")
}

// topicYears are the example years a numeric question's re-ask gives,
// within the topic's years (1988-2023): "such as 1700" read oddly in a quiz
// on the Karabakh conflict (teacher15 P5).
var topicYears = []float64{2000, 1990, 2010, 1996, 2005, 2015, 1999, 2020}

// numberOf says what a numeric question's answer is: "a year", "a number
// of civilians" with the question's unit, else "a number".
func numberOf(q *quiz.Presented) string {
	switch {
	case q.AsksYear():
		return "a year"
	case q.Unit != "":
		return "a number of " + q.Unit
	}
	return "a number"
}

// judged says how an answer did: the verdict, and for a wrong or
// part-right answer what was wrong and the right answer. A match answered
// gets a line a pair, each ✓ or saying where it goes, which is the right
// answer already, and its verdict after them, next to the explanation: at
// 80x24 the verdict above the pairs and the pairs listed again had
// scrolled "◐ Partly right" off the screen at the pause (teacher9 P2).
//
// fit, on a screen of s.Height rows, cuts a match's right pairs to a row
// each when the pair lines, the verdict and the explanation would not fit
// above the pause, as openFit cuts an open question's key points.
func (s *Session) judged(o *quiz.Outcome, indent string, fit bool) {
	if o.Question.Type == quiz.Match && o.Response.Answered && !o.Correct() {
		lines := s.pairLines(o, indent, false)
		if fit && s.Height > 0 && s.Width > 0 {
			n := rows(strings.Join(lines, "\n")) + 1
			if w := s.whyText(o); w != "" {
				n += rows(w)
			}
			if n > s.Height-pauseRows {
				lines = s.pairLines(o, indent, true)
			}
		}
		for _, l := range lines {
			fmt.Fprintln(s.Out, l)
		}
		fmt.Fprintf(s.Out, "%s%s\n", indent, s.verdict(o))
		return
	}
	fmt.Fprintf(s.Out, "%s%s\n", indent, s.verdict(o))
	if !o.Correct() {
		s.whatWasWrong(o, indent)
		s.answer(o.Question, indent)
	}
}

// answer shows the right answer; sequences and pairs one per line, numbered.
func (s *Session) answer(q *quiz.Presented, indent string) {
	var lines []string
	switch q.Type {
	case quiz.Order:
		for i, item := range q.Items {
			lines = append(lines, fmt.Sprintf("%d. %s", i+1, item))
		}
	case quiz.Match:
		for _, p := range q.Pairs {
			lines = append(lines, p.Left+" = "+p.Right)
		}
	default:
		fmt.Fprintf(s.Out, "%s%s %s\n", indent, s.style().Bold("Answer:"), text.Hang(q.Expected(), s.Width, len(indent)+8))
		return
	}
	fmt.Fprintf(s.Out, "%s%s\n", indent, s.style().Bold("Answer:"))
	for _, l := range lines {
		// An order's later lines hang under the item, past its number.
		hang := len(indent) + 2
		if q.Type == quiz.Order {
			hang += strings.Index(l, " ") + 1
		}
		fmt.Fprintf(s.Out, "%s  %s\n", indent, text.Hang(l, s.Width, hang))
	}
}

// message wraps a prompt to the screen at word boundaries, its later lines
// indented under the first, which follows the prompter's "? ".
func (s *Session) message(prompt string) string {
	if s.Width <= 0 {
		return prompt
	}
	return text.Hang(prompt, s.Width, 2)
}

// feedback tells the student, in practice mode, how they did and why.
func (s *Session) feedback(ctx context.Context, o *quiz.Outcome) error {
	q := o.Question
	if q.Type == quiz.Open {
		return s.openFeedback(ctx, o, "", true)
	}
	if q.Type == quiz.Info {
		return nil
	}
	s.judged(o, "", true)
	s.why(o)
	return nil
}

// whatWasWrong says, for an answer in parts, which parts were wrong: the
// ticks right and wrong (and why a wrong tick costs), the pairs, the items
// of an order out of place.
func (s *Session) whatWasWrong(o *quiz.Outcome, indent string) {
	q, r := o.Question, o.Response
	if !r.Answered {
		return
	}
	line := func(mark, msg string) {
		fmt.Fprintf(s.Out, "%s%s %s\n", indent, mark, text.Hang(msg, s.Width, len(indent)+2))
	}
	switch q.Type {
	case quiz.Multi:
		wrong := 0
		for _, k := range q.Perm {
			ticked, right := slices.Contains(r.Choices, k), slices.Contains(q.Correct, k)
			switch {
			case ticked && right:
				line("✓", "ticked, and right: "+q.Choices[k])
			case ticked:
				wrong++
				line("✗", "ticked, but not right: "+q.Choices[k])
			case right:
				line("○", "not ticked, but right: "+q.Choices[k])
			}
		}
		if wrong > 0 {
			fmt.Fprintf(s.Out, "%s%s\n", indent, text.Hang("A wrong tick takes away what a right tick earns, so that ticking every box earns nothing.", s.Width, len(indent)))
		}
	case quiz.Match:
		for _, l := range s.pairLines(o, indent, false) {
			fmt.Fprintln(s.Out, l)
		}
	case quiz.Order:
		out := quiz.OutOfPlace(q.Question, r)
		if len(out) == 0 {
			return
		}
		names := make([]string, len(out))
		for i, k := range out {
			names[i] = q.Items[k]
		}
		// Plain words for a 15-year-old (teacher15 P8: "relative to each
		// other" was hard): the rest keep their order among themselves.
		msg := "Out of place: " + strings.Join(names, "; ") + ". The rest are in the right order."
		line("✗", msg)
	}
}

// pairLines are a match answer's pairs, a line each under indent: ✓ a
// pair right, ✗ one wrong, saying where it goes. cutRight cuts each right
// pair to a row ending in "…" (the student paired it a moment ago).
func (s *Session) pairLines(o *quiz.Outcome, indent string, cutRight bool) []string {
	q, r := o.Question, o.Response
	var out []string
	line := func(mark, msg string) {
		out = append(out, fmt.Sprintf("%s%s %s", indent, mark, text.Hang(msg, s.Width, len(indent)+2)))
	}
	for i, p := range q.Pairs {
		got := -1
		if i < len(r.Matches) {
			got = r.Matches[i]
		}
		switch {
		case got == i && cutRight:
			out = append(out, fmt.Sprintf("%s✓ %s", indent, text.FirstLines(p.Left+" = "+p.Right, s.Width-len(indent)-2, 1)))
		case got == i:
			line("✓", p.Left+" = "+p.Right)
		case got >= 0 && got < len(q.Pairs):
			line("✗", fmt.Sprintf("%s = %s; it goes with %s", p.Left, q.Pairs[got].Right, p.Right))
		default:
			line("✗", p.Left+" was not paired; it goes with "+p.Right)
		}
	}
	return out
}

// keyPoints lists what a good answer to an open question covers, one point a
// line, under indent: each whole, or cut to a row where cut says so. The
// student reads them in plain words where the bank gives them (StudentKey).
func (s *Session) keyPoints(q *quiz.Presented, indent string, cut []bool) {
	if len(q.Key) == 0 {
		return
	}
	fmt.Fprintf(s.Out, "%s%s\n", indent, s.style().Bold("A good answer covers:"))
	for i, k := range q.StudentKey() {
		fmt.Fprintf(s.Out, "%s  • %s\n", indent, s.keyPoint(k, indent, i < len(cut) && cut[i]))
	}
}

// keyPoint is a key point wrapped under its mark, or cut to one row ending
// in "…".
func (s *Session) keyPoint(k, indent string, cut bool) string {
	if cut {
		return text.FirstLines(k, s.Width-len(indent)-4, 1)
	}
	return text.Hang(k, s.Width, len(indent)+4)
}

// pause waits, when s.Pause and the prompter can, until the student asks for
// what comes next. The time limit and signals end it as they end a question.
func (s *Session) pause(ctx context.Context, last bool) error {
	return s.wait(ctx, last, true)
}

// wait is pause; countDown says whether a running time limit is shown as
// it runs down (not in an exam's review: the exam is submitted).
func (s *Session) wait(ctx context.Context, last, countDown bool) error {
	p, ok := s.Prompter.(Pauser)
	if !s.Pause || !ok {
		return nil
	}
	msg := "Press Enter for the next question"
	if last {
		msg = "Press Enter for your score"
	}
	ch := make(chan error, 1)
	go func() { ch <- p.Pause(msg) }()
	if countDown && !s.Deadline.IsZero() {
		stop := make(chan struct{})
		defer close(stop)
		go s.countDown(stop)
	}
	select {
	case err := <-ch:
		return err
	case <-ctx.Done():
		if a, ok := s.Prompter.(Aborter); ok {
			a.Abort()
		}
		return context.Cause(ctx)
	}
}

// SelfCheckPrompt asks which of an open question's key points the answer
// covered; the key points are the options to tick.
const SelfCheckPrompt = "Which of these key points did your answer cover?"

// selfCheck lists an open question's key points for the student to tick
// the ones their answer covered (one yes or no against five key points said
// little; teacher3 A2), and says how many they ticked; missed lists the
// others. r records the ticks. The student ticks the plain points where the
// bank gives them (teacher10 A1: "Attributes…" and "Distinguishes…" left a
// 15-year-old guessing); a tick is a number into Key all the same, so the
// teacher marks against the key points.
func (s *Session) selfCheck(ctx context.Context, r *quiz.Response, q *quiz.Presented, indent string) error {
	ask := s.Prompter.MultiSelect
	if c, ok := s.Prompter.(SelfChecker); ok {
		ask = c.SelfCheck // the ticks are not echoed: coveredText and missed say them
	}
	// The prompt names the key points itself: no heading above it.
	ticked, err := s.multiSelectWithContext(ctx, ask, s.message(SelfCheckPrompt), q.StudentKey())
	if err != nil {
		// The boxes ticked when the time limit, Ctrl-C or a signal cut the
		// self-check short are kept, as a choose-all question's are
		// (attack14 #4), marked SelfCheckCutOff: the answer itself was
		// sent (review 23 #1). None ticked says nothing.
		if len(ticked) > 0 {
			selfChecked(r, q, ticked)
			r.SelfCheckCutOff = true
		}
		return err
	}
	selfChecked(r, q, ticked)
	fmt.Fprintf(s.Out, "%s%s\n", indent, text.Hang(coveredText(*r, q), s.Width, len(indent)))
	return nil
}

// selfChecked records in r the key points ticked (indices into Key) and
// whether they were all.
func selfChecked(r *quiz.Response, q *quiz.Presented, ticked []int) {
	r.SelfCheckPoints = []int{}
	for i := range q.Key {
		if slices.Contains(ticked, i) {
			r.SelfCheckPoints = append(r.SelfCheckPoints, i)
		}
	}
	all := len(r.SelfCheckPoints) == len(q.Key)
	r.SelfCheck = &all
}

// coveredText says how many key points the student says they covered, and
// leads into the list of the others (missed) when there are any.
func coveredText(r quiz.Response, q *quiz.Presented) string {
	line := fmt.Sprintf("Covered, you say: %d of %s.", len(r.SelfCheckPoints), text.Count(len(q.Key), "key point"))
	if len(r.SelfCheckPoints) < len(q.Key) {
		line += " " + notCovered
	}
	return line
}

// notCovered ends the "Covered" line when some key points were not ticked:
// they are listed under it.
const notCovered = "Not ticked:"

// missed lists, marked ○, the key points the student did not tick, as the
// self-check showed them (StudentKey): each whole, or cut to a row where cut
// says so. The ticked ones are not shown again: the student ticked them a
// moment ago, and the "Covered" line counts them (teacher14 A1: with them
// the feedback drew each key point a second and a third time).
func (s *Session) missed(q *quiz.Presented, r quiz.Response, indent string, cut []bool) {
	for i, k := range q.StudentKey() {
		if ticked(r, i) {
			continue
		}
		fmt.Fprintf(s.Out, "%s  ○ %s\n", indent, s.keyPoint(k, indent, i < len(cut) && cut[i]))
	}
}

// multiSelectWithContext asks with ask (the prompter's MultiSelect or
// SelfCheck) as askWithContext asks a question: a time limit or a signal
// ends the quiz while the prompter waits. Cut short, it returns with its
// error the boxes ticked so far (cutTicks), read before the prompt is
// aborted, or nil.
func (s *Session) multiSelectWithContext(ctx context.Context, ask func(string, []string) ([]int, error), msg string, options []string) ([]int, error) {
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	ch := make(chan asked, 1)
	go func() {
		idx, err := ask(msg, options)
		ch <- asked{quiz.Response{Choices: idx}, err}
	}()
	select {
	case a := <-ch:
		if a.err != nil {
			return s.cutTicks(a.err, len(options)), a.err
		}
		return a.r.Choices, nil
	case <-ctx.Done():
		err := context.Cause(ctx)
		ticked := s.cutTicks(err, len(options))
		if a, ok := s.Prompter.(Aborter); ok {
			a.Abort()
		}
		return ticked, err
	}
}

func (s *Session) verdict(o *quiz.Outcome) string {
	switch {
	case !o.Response.Answered:
		return s.style().Bad("✗ Not answered.")
	case o.Fraction >= 1:
		return s.style().Good("✓ Right.")
	case o.Fraction > 0:
		noun := "points"
		if o.Question.MaxPoints() == 1 {
			noun = "point" // "0.5 of 1 point"
		}
		return s.style().Bad(fmt.Sprintf("◐ Partly right: %s of %s %s.", text.FormatNum(o.Points()), text.FormatNum(o.Question.MaxPoints()), noun))
	}
	return s.style().Bad("✗ Not right.")
}

// why prints the explanation and the source.
func (s *Session) why(o *quiz.Outcome) {
	if w := s.whyText(o); w != "" {
		fmt.Fprintln(s.Out, w)
	}
}

// whyText is the explanation and the source, wrapped; "" when there are
// neither. An open question's explanation starts with quiz.ExplanationLabel, in
// bold as the answer's label above it, on the paragraph's first row so
// that it adds none.
func (s *Session) whyText(o *quiz.Outcome) string {
	q := o.Question
	var lines []string
	if q.Explanation != "" {
		if q.Type == quiz.Open {
			const indent = "  "
			wrapped := text.Wrap(quiz.ExplanationLabel+" "+q.Explanation, s.Width, indent)
			lines = append(lines, indent+s.style().Bold(quiz.ExplanationLabel)+strings.TrimPrefix(wrapped, indent+quiz.ExplanationLabel))
		} else {
			lines = append(lines, text.Wrap(q.Explanation, s.Width, "  "))
		}
	}
	if src := q.Source.String(); src != "" {
		lines = append(lines, s.style().Dim(text.Wrap("Source: "+src, s.Width, "  ")))
	}
	return strings.Join(lines, "\n")
}

// review goes over every question at the end of an exam. Ctrl-C or a
// signal at its self-check prompt or its pause stops it: the error says
// which. The end of input or the time limit only stops the asking. On a
// terminal (s.Pause) it waits after each question, as practice mode does
// (teacher16 P7: the review of questions 3 to 6 scrolled past to the
// summary); the last wait is before the summary.
func (s *Session) review(ctx context.Context, res *quiz.Result) error {
	fmt.Fprintf(s.Out, "\n%s\n", s.style().Bold("Review"))
	asking := true // until the student stops answering: the quiz is submitted already
	shown := false
	// wait waits after a question's review while the student is still
	// answering; input ended or the time limit stops the waits too.
	wait := func(last bool) error {
		if !shown || !asking {
			return nil
		}
		err := s.wait(ctx, last, false)
		if errors.Is(err, ErrInterrupted) || errors.Is(err, ErrSignal) {
			return err
		}
		if err != nil {
			asking = false
		}
		return nil
	}
	for i := range res.Outcomes {
		o := res.Outcomes[i]
		q := o.Question
		if q.Type == quiz.Info {
			continue
		}
		if err := wait(false); err != nil {
			return err
		}
		shown = true
		num := fmt.Sprintf("%d.", i+1)
		fmt.Fprintf(s.Out, "\n%s %s\n", s.style().Bold(num), text.Hang(q.Prompt, s.Width, len(num)+1))
		given := q.Given(o.Response)
		if given == "" {
			given = "(no answer)"
		} else if o.Response.CutOff {
			given += " (" + quiz.CutOffNote + ")"
		} else if o.Response.SelfCheckCutOff {
			given += " (" + quiz.SelfCheckCutOffNote + ")"
		}
		fmt.Fprintf(s.Out, "  Your answer: %s\n", text.Hang(given, s.Width, 15))
		if q.Graded() {
			s.judged(&o, "  ", false)
			s.why(&o)
			continue
		}
		// An open question as practice mode gives it (teacher9 P3): the
		// self-check right under the student's answer, then the ticks,
		// the plain answer, the explanation. The teacher sees the ticks
		// beside the answer when marking.
		err := s.openFeedback(ctx, &res.Outcomes[i], "  ", asking)
		switch {
		case err == nil:
		case errors.Is(err, ErrInterrupted) || errors.Is(err, ErrSignal):
			return err
		default:
			// Input ended or time is up: the rest of the review is shown,
			// no longer asked.
			asking = false
			if err := s.openFeedback(ctx, &res.Outcomes[i], "  ", false); err != nil {
				return err
			}
		}
	}
	return wait(true)
}
