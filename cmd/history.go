package cmd

import (
	"fmt"
	"io"
	"path/filepath"
	"sync"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/history"
	"github.com/conflictq/conflictq/quiz/session"
)

// historyPath is the history file of a student: one file per student in
// $XDG_STATE_HOME/conflictq/history/.
func historyPath(stateDir func() (string, error), student string) (string, error) {
	dir, err := stateDir()
	if err != nil {
		return "", err
	}
	return history.Path(filepath.Join(dir, "history"), student), nil
}

// recordHistory hooks the student's history to the session, which appends
// each answer to it as soon as it is scored, and returns what to do as the
// quiz ends. A history that cannot be written is a warning, once: it never
// stops a quiz.
func recordHistory(opts *QuizOptions, s *session.Session, banks []*quiz.Bank) (done func()) {
	errOut := opts.IO.ErrOut
	warn := func(err error) {
		fmt.Fprintf(errOut, "conflictq: warning: answers are not kept in your history: %v\n", err)
	}
	path, err := historyPath(opts.StateDir, opts.Student)
	if err != nil {
		warn(err)
		return func() {}
	}
	log, err := history.Open(path)
	if err != nil {
		warn(err)
		return func() {}
	}
	mode := string(s.Mode)
	if opts.Review {
		mode = history.ModeReview
	}
	rc := &history.Recorder{Student: opts.Student, Mode: mode, Session: opts.Now(), BankDigests: bankDigests(banks)}
	var once sync.Once
	s.OnAnswer = func(o quiz.Outcome) {
		if r, ok := rc.Record(o, opts.Now()); ok {
			if err := log.Append(r); err != nil {
				once.Do(func() { warn(err) })
			}
		}
	}
	return func() {
		log.Close()
		// A cache, so that the next review starts at once: brought up to
		// date after the summary, when nobody waits.
		_ = history.Refresh(path)
	}
}

// bankDigests is quiz.Digest of each bank, for the history's records.
func bankDigests(banks []*quiz.Bank) map[string]string {
	m := make(map[string]string, len(banks))
	for _, b := range banks {
		m[b.ID] = quiz.Digest(b.Questions...)
	}
	return m
}

// printWarnings prints a history's warnings (a torn or damaged line).
func printWarnings(w io.Writer, warnings []error) {
	for _, e := range warnings {
		fmt.Fprintln(w, e)
	}
}

// keepHistory reports whether answers go to the student's history.
func (opts *QuizOptions) keepHistory() bool { return opts.History && !opts.NoHistory }

// dueQuestions returns the questions due for review, in the order to ask
// them. When none is due it says when the next one is and returns none.
func dueQuestions(opts *QuizOptions, banks []*quiz.Bank) ([]*quiz.Presented, error) {
	ios := opts.IO
	path, err := historyPath(opts.StateDir, opts.Student)
	if err != nil {
		return nil, invalid("cannot find your history: %v", err)
	}
	sched, warnings, err := history.Replay(path, false)
	printWarnings(ios.ErrOut, warnings)
	if err != nil {
		return nil, invalidErr(fmt.Errorf("reading your history: %w", err))
	}
	now := opts.Now()
	view := sched.For(banks)
	f := opts.Filter()
	var qs []*quiz.Question
	for _, it := range view.Due(now) {
		if f.Match(it.Question) {
			qs = append(qs, it.Question)
		}
	}
	if len(qs) == 0 {
		switch next, ok := view.NextDue(now); {
		case len(view.Items) == 0:
			fmt.Fprintf(ios.Out, "Nothing to review yet: %s. Take a quiz first (conflictq quiz).\n", noHistoryYet(opts.Student))
		case ok:
			fmt.Fprintf(ios.Out, "Nothing is due for review. The next question is due %s.\n", history.When(next, now))
		default:
			fmt.Fprintln(ios.Out, "Nothing is due for review.")
		}
		return nil, nil
	}
	if opts.Count > 0 && opts.Count < len(qs) {
		qs = qs[:opts.Count]
	}
	return quiz.Present(qs, opts.Seed), nil
}

func noHistoryYet(student string) string {
	if student == "" {
		return "your history has no answers to these banks"
	}
	return fmt.Sprintf("%s's history has no answers to these banks", student)
}

// banksOf returns the banks that questions come from.
func banksOf(banks []*quiz.Bank, questions []*quiz.Presented) []*quiz.Bank {
	used := map[string]bool{}
	for _, q := range questions {
		used[q.Bank] = true
	}
	var out []*quiz.Bank
	for _, b := range banks {
		if used[b.ID] {
			out = append(out, b)
		}
	}
	return out
}
