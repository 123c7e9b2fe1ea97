package cmd

import (
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/history"
	"github.com/conflictq/conflictq/quiz/report"
	"github.com/conflictq/conflictq/quiz/session"
	"github.com/conflictq/conflictq/quiz/text"
)

// historyPath is the history file of a student: one file per student in
// $XDG_STATE_HOME/conflictq/history/ (history.Path). Histories kept under
// the names before history.FileKey are moved to theirs first, once; a
// migration that fails is a warning and is tried again next time.
func historyPath(stateDir func() (string, error), student string, errOut io.Writer) (string, error) {
	dir, err := stateDir()
	if err != nil {
		return "", err
	}
	dir = filepath.Join(dir, "history")
	if err := history.Migrate(dir); err != nil {
		fmt.Fprintf(errOut, "conflictq: warning: moving histories to one file per student: %v\n", err)
	}
	return history.Path(dir, student), nil
}

// recordHistory hooks the student's history to the session, which appends
// each answer to it as soon as it is scored, and returns what to do as the
// quiz ends. A history that cannot be written is a warning, once: it never
// stops a quiz.
func recordHistory(opts *QuizOptions, s *session.Session, banks []*quiz.Bank) (done func()) {
	errOut := opts.IO.ErrOut
	warn := func(err error) {
		fmt.Fprintf(errOut, "conflictq: warning: could not keep an answer in your history: %v (later answers are tried again; this is said once)\n", err)
	}
	path, err := historyPath(opts.StateDir, opts.Student, errOut)
	if err != nil {
		warn(err)
		return func() {}
	}
	mode := string(s.Mode)
	if opts.Review {
		mode = history.ModeReview
	}
	rc := &history.Recorder{Student: opts.Student, Mode: mode, Session: opts.Now()}
	h := &quizHistory{opts: opts, path: path, started: time.Now()} // by the system's clock, as Forget's note (not a test clock)
	var once sync.Once
	// A history already there is held from the start (opening it makes
	// nothing), so that a forget before the first answer is seen.
	if l, err := history.OpenExisting(path); err == nil && l != nil {
		h.hook(l)
	}
	opts.checkForgotten = h.checkForgotten
	s.OnAnswer = func(o quiz.Outcome) {
		if rc.BankDigests == nil { // at the first answer, not before the first question
			rc.BankDigests = report.Digests(banks)
			if opts.SessionTag != nil {
				rc.Tag = opts.SessionTag() // a system call: not before the first question either
			}
		}
		if r, ok := rc.Record(o, opts.Now()); ok {
			if err := h.append(r); err != nil {
				once.Do(func() { warn(err) })
			}
		}
	}
	return h.done
}

// quizHistory is a quiz's hold on its student's history file.
//
// The file (and, the first time, its folders) is opened at the first
// answer, not before the first question: creating two folders took about
// 1 ms on the test machine's busy ext4, a third of the time to the first
// question, and a quiz left at its first question keeps no empty history.
// One that cannot be opened is tried again at the next answer.
type quizHistory struct {
	opts    *QuizOptions
	path    string
	started time.Time    // when the quiz started, to find a forget since
	log     *history.Log // nil until the history is opened
}

// sayForgotten marks the quiz's answers as no longer kept, and says so.
func (h *quizHistory) sayForgotten() {
	h.opts.forgotten.Store(true) // nor a copy of the quiz if it stops early
	fmt.Fprintf(h.opts.IO.ErrOut, "conflictq: your history was forgotten (progress --forget) during the quiz: the answers from here on are not kept\n")
}

// hook holds an opened history, telling of its deletion or forgetting.
func (h *quizHistory) hook(l *history.Log) {
	l.Remade = func() {
		fmt.Fprintf(h.opts.IO.ErrOut, "conflictq: warning: your history (%s) was deleted during the quiz; the answers from here on are kept in a new one\n", text.EscapeControl(h.path))
	}
	l.Forgotten = h.sayForgotten
	h.log = l
}

// append keeps one answer, opening the history at the first. Without a
// history at the start, a forget since is found by the note it left
// (recheck26b L2): another quiz may have made the history before it, or
// may make it again after it.
func (h *quizHistory) append(r history.Record) error {
	if h.log == nil && h.opts.forgotten.Load() {
		return nil
	}
	if h.log == nil && history.ForgottenSince(h.path, h.started) {
		h.sayForgotten()
		return nil
	}
	if h.log == nil {
		l, err := history.Open(h.path)
		if err != nil {
			return err
		}
		h.hook(l)
	}
	return h.log.Append(r)
}

// checkForgotten runs as the quiz ends, before its report is saved:
// forgotten since the last answer, it keeps no copy either (recheck26 H1).
func (h *quizHistory) checkForgotten() {
	if h.log != nil && h.log.WasForgotten() {
		h.opts.forgotten.Store(true)
	}
	if h.log == nil && history.ForgottenSince(h.path, h.started) {
		h.opts.forgotten.Store(true)
	}
}

// done closes the history as the quiz ends and brings its cache up to date.
func (h *quizHistory) done() {
	if h.log != nil {
		h.log.Close()
	}
	if h.opts.forgotten.Load() {
		return // no cache of a history forgotten (recheck26 M1)
	}
	// A cache, so that the next review starts at once: brought up to
	// date after the summary, when nobody waits. A review saves the
	// schedule it read, rather than reading the history again.
	if h.opts.reviewed != nil {
		_ = h.opts.reviewed.SaveState()
	}
	_ = history.Refresh(h.path)
}

// printWarnings prints a history's warnings (a torn or damaged line).
func printWarnings(w io.Writer, warnings []error) {
	for _, e := range warnings {
		fmt.Fprintln(w, e)
	}
}

// keepHistory reports whether answers go to the student's history.
func (opts *QuizOptions) keepHistory() bool {
	return opts.History && !opts.NoHistory && !opts.forgotten.Load()
}

// dueQuestions returns the questions due for review, in the order to ask
// them. When none is due it says when the next one is and returns none.
func dueQuestions(opts *QuizOptions, banks []*quiz.Bank) ([]*quiz.Presented, error) {
	ios := opts.IO
	f := opts.Filter()
	if err := checkTags(f.Tags, banks); err != nil {
		return nil, err
	}
	path, err := historyPath(opts.StateDir, opts.Student, ios.ErrOut)
	if err != nil {
		return nil, invalid("cannot find your history: %v", err)
	}
	sched, warnings, err := history.Replay(path)
	printWarnings(ios.ErrOut, warnings)
	if err != nil {
		return nil, invalidErr(fmt.Errorf("reading your history: %w", err))
	}
	opts.reviewed = sched
	now := opts.Now()
	view := sched.For(banks)
	r := view.Review(now, f.Match, opts.Count)
	if len(r.Questions) == 0 {
		next := r.Next
		filtered := len(f.Tags) > 0 || f.Difficulty != "" || len(f.Types) > 0
		switch {
		case len(view.Items) == 0:
			fmt.Fprintf(ios.Out, "Nothing to review yet: %s. Take a quiz first (conflictq quiz).\n", noHistoryYet(opts.Student))
		case filtered && !next.IsZero():
			fmt.Fprintf(ios.Out, "Nothing that matches --tag, --difficulty or --type is due for review yet. The next is due %s.\n", history.When(next, now))
		case filtered:
			fmt.Fprintln(ios.Out, "Nothing that matches --tag, --difficulty or --type is due for review.")
		case !next.IsZero():
			fmt.Fprintf(ios.Out, "Nothing is due for review yet. The next question is due %s: run this again then.\n", history.When(next, now))
		default:
			fmt.Fprintln(ios.Out, "Nothing is due for review.")
		}
		if r.Elsewhere > 0 {
			are := "questions are"
			if r.Elsewhere == 1 {
				are = "question is"
			}
			fmt.Fprintf(ios.Out, "%d other %s due now: conflictq quiz --review without --tag, --difficulty or --type.\n", r.Elsewhere, are)
		}
		return nil, nil
	}
	return quiz.Present(r.Questions, opts.Seed), nil
}

// checkTags refuses a --tag that no question of the banks has: better said
// than "nothing is due".
func checkTags(want []string, banks []*quiz.Bank) error {
	if len(want) == 0 {
		return nil
	}
	known := quiz.TagCounts(banks...)
	for _, t := range want {
		if known[t] == 0 {
			names := slices.Sorted(maps.Keys(known))
			for i, n := range names {
				names[i] = text.EscapeControl(n)
			}
			return invalid("--tag %s: no question of %s has it; the tags are: %s",
				text.Printable(t), strings.Join(quiz.BankIDs(banks), ", "), strings.Join(names, ", "))
		}
	}
	return nil
}

func noHistoryYet(student string) string {
	if student == "" {
		return "your history has no answers to these banks"
	}
	return fmt.Sprintf("%s's history has no answers to these banks", text.Printable(student))
}
