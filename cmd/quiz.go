package cmd

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"

	"github.com/conflictq/conflictq/cmd/internal/iostreams"
	"github.com/conflictq/conflictq/cmd/internal/prompt"
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/history"
	"github.com/conflictq/conflictq/quiz/htmlreport"
	"github.com/conflictq/conflictq/quiz/report"
	"github.com/conflictq/conflictq/quiz/session"
	"github.com/conflictq/conflictq/quiz/sheet"
	"github.com/conflictq/conflictq/quiz/text"
)

// QuizOptions are the quiz command's inputs, after flags and configuration.
type QuizOptions struct {
	IO            *iostreams.IOStreams
	Library       func() *quiz.Library
	Prompter      func() session.Prompter
	Now           func() time.Time
	SessionTag    func() int // Factory.SessionTag
	NewSeed       func() uint64
	StateDir      func() (string, error)
	HandleSignals bool

	Selection
	Mode      string
	Student   string
	TimeLimit time.Duration
	Report    string
	ReportDir string
	Format    string
	Force     bool
	Plain     bool
	Answers   string
	Pass      float64
	PassSet   bool
	Review    bool
	NoHistory bool
	// ExamReview is when an exam shows the answers: "none" (held back, the
	// default: a classroom exam) or "end" (every question reviewed).
	ExamReview string
	History    bool // the setting history: false turns it off, as --no-history does

	reviewed *history.Schedule // the schedule a review read, saved as it ends
	// forgotten: progress --forget deleted the history during the quiz
	// (history.Log.Forgotten): nothing more of it is kept.
	forgotten atomic.Bool
	// checkForgotten, set by recordHistory, looks again as the quiz ends.
	checkForgotten func()
	settings       func() []string // the settings files read, which no report replaces
}

const quizLong = `Take a quiz on the article, one question at a time, with arrow-key menus.

In practice mode (the default) every answer is followed by the right answer, an
explanation and the place in the article to reread; on a terminal the quiz then
waits for Enter before the next question. In exam mode nothing is
shown until the end, and then only the score: the answers are held back, so
that a student who finishes early cannot show them to those still working.
--exam-review end (or exam-review: end in settings) reviews every question at
the end instead, for an exam taken alone, waiting for Enter after each on a
terminal. Both modes end with a summary: score,
percent, time and a score for each tag.

Give -o FILE or --report-dir DIR to write a score report for the teacher (JSON,
Markdown or CSV), or -o NAME.html for the student's own review as a page to keep
(answers, explanations, the passages to reread; it needs no internet). Give both
to hand in the report and keep a copy: --report-dir gets the report (--format,
else JSON), -o the copy in the format of its extension. In an exam whose answers
are held back, the page and a Markdown review hold them back too: the score and
the student's own answers only. JSON and CSV hold every answer: they are the
teacher's record, for the teacher's folder (--report-dir). If a quiz is stopped
early (Ctrl-C, a signal, end of input), what was answered is still saved,
marked "incomplete".

--plain asks line by line with numbered options and no escape codes, for screen
readers, dumb terminals and pipes. Answer with:
  2            one option (a number, its letter, or its text)
  1,3          several options (or: none)
  3 1 2        an order, first to last
  1=b 2=a      pairs: left number = right letter
  any text     short, numeric and open answers
An invalid line is explained and asked again; end of input ends the quiz.

` + setHelp + `

--answers FILE grades an answer sheet instead of asking (see the README).

Every answer is kept in your history ($XDG_STATE_HOME/conflictq/history/, one
file per --student), which conflictq progress shows. --review asks the
questions that are due again, scheduled with FSRS as Anki does: the ones you
missed first, then the ones you are about to forget; -n limits them.
--no-history (or history: false in settings) keeps nothing.`

const quizExample = `  conflictq quiz
  conflictq quiz --mode exam -n 10 --set 9c --student "Ana" --report-dir reports/
  conflictq quiz --bank timeline --bank comprehension --tag chronology
  conflictq quiz --plain --seed 42 < answers.txt
  conflictq quiz --bank ./my-bank.yaml -o ana.md
  conflictq quiz --review -n 10`

// quizShort is the quiz command's one-line summary, which the root's help and
// completion show without building the command.
const quizShort = "Take a quiz in the terminal"

// NewCmdQuiz builds the quiz command. runF replaces the run function in tests
// that check flag parsing alone.
func NewCmdQuiz(f *Factory, runF func(*QuizOptions) error) *cobra.Command {
	opts := &QuizOptions{
		IO: f.IOStreams, Library: f.Library, Prompter: f.Prompter, Now: f.Now, SessionTag: f.SessionTag,
		NewSeed: f.NewSeed, StateDir: f.StateDir, HandleSignals: f.HandleSignals,
		settings: func() []string { return f.settingsFiles },
	}
	cmd := &cobra.Command{
		Use:     "quiz",
		Short:   quizShort,
		Long:    quizLong,
		Example: quizExample,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.SeedSet = cmd.Flags().Changed("seed")
			opts.SetGiven = cmd.Flags().Changed("set")
			opts.BanksSet = cmd.Flags().Changed("bank")
			opts.PassSet = cmd.Flags().Changed("pass")
			if err := opts.checkCount(f); err != nil {
				return err
			}
			if opts.TimeLimit < 0 {
				return f.badValue("time-limit", "--time-limit must be positive, not %s", opts.TimeLimit)
			}
			if opts.PassSet && !(opts.Pass >= 0 && opts.Pass <= 100) { // also refuses NaN
				return f.badValue("pass", "--pass is a percentage from 0 to 100, not %g", opts.Pass)
			}
			if opts.Review && opts.SetGiven {
				return &FlagError{Err: errors.New("--review asks the questions your history says are due; --set picks a quiz's questions: give one or the other")}
			}
			if opts.Review && opts.Answers != "" {
				return &FlagError{Err: errors.New("give --review or --answers, not both")}
			}
			if cmd.Flags().Changed("format") && f.settingOrigin["format"] == "" && opts.Report == "" && opts.ReportDir == "" {
				// Without a file the summary is printed as text whatever
				// --format says: say so rather than ignore it. A classroom's
				// format setting (which sheet shares) is not refused.
				return &FlagError{Err: errors.New("--format is the score report's format, and no report file is named: add -o FILE (or --report-dir DIR); the summary on screen is always text")}
			}
			if opts.Review && !opts.keepHistory() {
				return invalid("--review asks what your history says is due, but the history is turned off (--no-history or history: false)")
			}
			if runF != nil {
				return runF(opts)
			}
			return quizRun(opts)
		},
	}
	fl := cmd.Flags()
	addSelectionFlags(fl, &opts.Selection, "always recorded in the report")
	fl.Var(newEnum(&opts.Mode, string(quiz.Practice), string(quiz.Practice), string(quiz.Exam)), "mode", "practice (feedback after each answer) or exam (at the end)")
	fl.StringVar(&opts.Student, "student", "", "the student's `name`, for the report")
	fl.DurationVar(&opts.TimeLimit, "time-limit", 0, "submit automatically after this `duration` (such as 15m); unanswered questions score 0")
	fl.StringVarP(&opts.Report, "report", "o", "", "write the score report to `FILE`")
	fl.StringVar(&opts.ReportDir, "report-dir", "", "write the score report into `DIR`, named from the student and the time")
	fl.Var(newFormat(&opts.Format, "", reportFormats()...), "format", "report format: json, markdown (or md), csv or html (or htm) (default: from the file's extension, else json)")
	fl.BoolVar(&opts.Force, "force", false, "overwrite an existing report file")
	fl.BoolVar(&opts.Plain, "plain", false, "ask line by line, with numbered options and no escape codes")
	fl.StringVar(&opts.Answers, "answers", "", "grade the answer sheet `FILE` instead of asking")
	fl.Float64Var(&opts.Pass, "pass", 0, "pass mark in `PERCENT`; exit 1 below it")
	fl.BoolVar(&opts.Review, "review", false, "ask the questions due for review: missed ones first, then those about to be forgotten")
	fl.Var(newEnum(&opts.ExamReview, examReviewNone, examReviewNone, examReviewEnd), "exam-review", "when an exam shows the answers: none (held back while others work) or end")
	fl.BoolVar(&opts.NoHistory, "no-history", false, "keep nothing of this quiz in your history")
	fl.BoolVar(&opts.History, "history", true, "keep answers in your history (history: false in settings turns it off)")
	_ = fl.MarkHidden("history")

	_ = cmd.RegisterFlagCompletionFunc("bank", bankCompletion(f))
	_ = cmd.RegisterFlagCompletionFunc("tag", tagCompletion(f))
	_ = cmd.RegisterFlagCompletionFunc("exam-review", cobra.FixedCompletions([]string{examReviewNone, examReviewEnd}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("mode", cobra.FixedCompletions([]string{"practice", "exam"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("difficulty", cobra.FixedCompletions(quiz.Difficulties, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("type", typeCompletion)
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(reportFormats(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// bankCompletion offers the embedded banks' names, and YAML files.
func bankCompletion(f *Factory) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		var out []string
		lib := f.Library()
		for _, name := range lib.Names() {
			if strings.HasPrefix(name, toComplete) {
				desc := ""
				if b, _, err := lib.Load(name); err == nil {
					desc = "\t" + b.Title
				}
				out = append(out, name+desc)
			}
		}
		if len(out) == 0 || quiz.IsPath(toComplete) {
			var exts []string
			for _, e := range lib.Exts() {
				exts = append(exts, strings.TrimPrefix(e, "."))
			}
			return exts, cobra.ShellCompDirectiveFilterFileExt
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// loadBanks loads every --bank, printing warnings; all errors are reported together.
func loadBanks(ios *iostreams.IOStreams, lib *quiz.Library, refs []string) ([]*quiz.Bank, error) {
	return loadBanksFor(ios, lib, refs, true)
}

// loadBanksForStudents loads banks for a command students run (quiz,
// progress): a bank's authoring warnings (an essay with no model answer) are
// the teacher's to fix, so they are left to bank validate and bank show and
// not printed over the quiz. Errors are reported as loadBanks reports them.
func loadBanksForStudents(ios *iostreams.IOStreams, lib *quiz.Library, refs []string) ([]*quiz.Bank, error) {
	return loadBanksFor(ios, lib, refs, false)
}

func loadBanksFor(ios *iostreams.IOStreams, lib *quiz.Library, refs []string, warn bool) ([]*quiz.Bank, error) {
	return loadBanksNoting(lib, refs, func(_, msg string) {
		if warn {
			fmt.Fprintln(ios.ErrOut, msg)
		}
	}, func(msg string) { fmt.Fprintln(ios.ErrOut, msg) })
}

// loadBanksNoting is loadBanksFor with each bank's warnings handed to note,
// with the ref they are about, and the warning that two of refs are one bank
// to both, with "" for a ref.
func loadBanksNoting(lib *quiz.Library, refs []string, note func(ref, msg string), both func(msg string)) ([]*quiz.Bank, error) {
	var banks []*quiz.Bank
	var errs []error
	seen := map[string]string{} // bank id → where it came from
	for _, ref := range refs {
		b, warnings, err := lib.Load(ref)
		for _, w := range warnings {
			note(ref, w.Error())
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if first, dup := seen[b.ID]; dup {
			if first != ref {
				both(fmt.Sprintf("warning: %s and %s are both bank %q; %s is left out (give it another id)", text.EscapeControl(first), text.EscapeControl(ref), b.ID, text.EscapeControl(ref)))
			}
			continue
		}
		seen[b.ID] = ref
		banks = append(banks, b)
	}
	if len(errs) > 0 {
		return nil, invalidErr(errors.Join(errs...))
	}
	return banks, nil
}

func quizRun(opts *QuizOptions) error {
	ios := opts.IO
	// A review with nothing due says so, terminal or not: it is checked below.
	if err := checkCanAsk(opts); err != nil && !opts.Review {
		return err
	}
	format, err := reportFormat(opts)
	if err != nil {
		return err
	}
	if err := checkReportDestination(opts); err != nil {
		return err
	}
	if opts.Answers != "" {
		return quizFromSheet(opts, format)
	}
	banks, err := quizBanks(opts)
	if err != nil {
		return err
	}
	if !opts.SeedSet {
		opts.Seed = opts.NewSeed()
	}
	mode, _ := quiz.ParseMode(opts.Mode)
	var questions []*quiz.Presented
	if opts.Review {
		mode = quiz.Practice // a review teaches: feedback after every answer
		if err := checkCanAsk(opts); err != nil {
			// No menus, so no name to ask: say what is due, then refuse.
			if questions, err := dueQuestions(opts, banks); err != nil || questions == nil {
				return err
			}
			return err
		}
	} else if questions, err = selectQuestions(opts, banks); err != nil {
		return err
	}
	style := iostreams.ColorScheme{Enabled: ios.ColorEnabled() && !opts.Plain}

	// Wrap to the screen at word boundaries, plain mode included; a pipe or
	// a file keeps every line whole.
	width := 0
	if ios.IsStdoutTTY() {
		width = min(ios.TerminalWidth(), 100)
	}
	p, restore := newPrompter(opts, width)
	defer restore()
	ctx, done := sessionContext(opts)
	defer done()
	endsWith(p, ctx)

	if err := askStudent(ctx, p, opts); err != nil {
		return err
	}
	if opts.Review { // what is due is in the history of the name just given
		if questions, err = dueQuestions(opts, banks); err != nil || questions == nil {
			return err
		}
	}

	shown := banks
	if opts.Review {
		shown = quiz.BanksOf(banks, questions)
	}
	printIntro(ios.Out, style, shown, len(questions), mode, opts, width)
	ctx, deadline, stopClock := timeLimit(ctx, opts)
	defer stopClock()
	endsWith(p, ctx)
	s := &session.Session{Questions: questions, Mode: mode, Prompter: p, Out: ios.Out, Style: style, Now: opts.Now, Deadline: deadline, Width: width}
	fitSession(s, opts)
	if opts.keepHistory() {
		defer recordHistory(opts, s, banks)()
	}
	res, runErr := s.Run(ctx)
	rep := report.New(reportMeta(opts, banks, mode), res)
	// Nothing saved for a teacher (finishQuiz says so): nobody will mark
	// the open answers, so the summary leads with the score marked here.
	rep.Unsaved = opts.Report == "" && opts.ReportDir == ""
	if mode == quiz.Exam && s.HoldBackReview {
		// The review a student keeps (-o ana.html, ana.md) holds the
		// answers back as the screen does (attack9 #8); JSON and CSV,
		// the teacher's record, hold them all.
		rep.HeldBack = true
		rep.WriteHeldBackSummary(ios.Out, style, width)
	} else {
		rep.WriteSummary(ios.Out, style, width)
	}
	if opts.checkForgotten != nil {
		opts.checkForgotten()
	}
	return finishQuiz(opts, rep, res.Outcomes, runErr, format)
}

// askStudent asks for the student's name when a report is saved without
// one, and only when someone is there to type it: from a pipe the first line
// is an answer, not a name. The name is not the student's time: a time limit
// starts at the first question (teacher7 P1).
func askStudent(ctx context.Context, p session.Prompter, opts *QuizOptions) error {
	if opts.Student != "" || (opts.Report == "" && opts.ReportDir == "") || !opts.IO.IsStdinTTY() {
		return nil
	}
	name, err := askName(ctx, p)
	if err != nil {
		return stopped(err)
	}
	opts.Student = strings.TrimSpace(name)
	return nil
}

// quizBanks loads the quiz's banks (every bank for a review without
// --bank) and checks that -o replaces none of them, nor the state or
// settings.
func quizBanks(opts *QuizOptions) ([]*quiz.Bank, error) {
	refs := opts.Banks
	if opts.Review && !opts.BanksSet {
		refs = opts.Library().Names() // review what is due in every bank
	}
	banks, err := loadBanksForStudents(opts.IO, opts.Library(), refs)
	if err != nil {
		return nil, err
	}
	if opts.Report == "" {
		// Nothing to check: the guard would resolve the state folder's
		// links (a readlink and a stat a path element) for nothing.
		return banks, nil
	}
	if err := newOutputGuard(opts.Library(), "").withState(opts.StateDir).withSettings(opts.settingsFiles()).check("-o", opts.Report); err != nil {
		return nil, err
	}
	return banks, nil
}

// fitSession sets how a session meets the person taking it: whether the
// review is held back, a report is saved, it pauses after feedback and
// fits the screen's height.
func fitSession(s *session.Session, opts *QuizOptions) {
	ios := opts.IO
	s.HoldBackReview = opts.ExamReview == examReviewNone
	// The report keeps each open question's full model answer; the screen
	// shows the plain one and can say where the full one is.
	s.ReportSaved = opts.Report != "" || opts.ReportDir != ""
	// Wait after each answer's feedback for someone at a terminal; never for
	// piped answers, which would lose a line to each wait.
	s.Pause = ios.IsStdinTTY() && ios.IsStdoutTTY()
	// Someone typing is asked before an empty answer is sent; a pipe's
	// empty line stays a blank answer, as scripts write one.
	s.ConfirmBlank = ios.IsStdinTTY()
	if s.Pause && !opts.Plain {
		// Fit an open question's feedback to the screen (menus only: a
		// screen reader in plain mode hears every line whole).
		s.Height = ios.TerminalHeight()
	}
}

// selectQuestions picks the quiz's questions from banks, saying so when
// fewer match than --count asks for.
func selectQuestions(opts *QuizOptions, banks []*quiz.Bank) ([]*quiz.Presented, error) {
	questions, err := quiz.Select(banks, opts.Filter(), opts.Seed)
	if err != nil {
		return nil, invalidErr(fmt.Errorf("%w in %s", err, strings.Join(quiz.BankIDs(banks), ", ")))
	}
	if opts.Count > len(questions) {
		if n := len(questions); n == 1 {
			fmt.Fprintln(opts.IO.ErrOut, "Only 1 question matches; asking it.")
		} else {
			fmt.Fprintf(opts.IO.ErrOut, "Only %d questions match; asking all %d.\n", n, n)
		}
	}
	return questions, nil
}

// newPrompter is the plain prompter (--plain), wrapping at width, or the
// menus, with the terminal saved; restore gives it back.
func newPrompter(opts *QuizOptions, width int) (p session.Prompter, restore func()) {
	ios := opts.IO
	if opts.Plain {
		pl := prompt.NewPlain(ios.In, ios.Out, !ios.IsStdinTTY())
		pl.Width = width
		return pl, func() {}
	}
	ios.SaveTerminal()
	return opts.Prompter(), ios.RestoreTerminal
}

// sessionContext is the quiz's context, cancelled by a signal when the
// options handle them. done releases it.
func sessionContext(opts *QuizOptions) (ctx context.Context, done func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	if !opts.HandleSignals {
		return ctx, func() { cancel(nil) }
	}
	// Registering for signals costs a thread and a few hundred microseconds:
	// do it beside drawing the first question, not before it.
	stop := make(chan func(), 1)
	go func() { stop <- catchSignals(cancel) }()
	return ctx, func() {
		(<-stop)()
		cancel(nil)
	}
}

// timeLimit starts the clock of --time-limit: ctx ends at the deadline it
// returns (zero without a limit), with cause session.ErrTimeUp. It is
// called just before the first question, so that nothing asked before it
// (the student's name) uses up the student's time. stop releases it.
func timeLimit(ctx context.Context, opts *QuizOptions) (_ context.Context, deadline time.Time, stop func()) {
	if opts.TimeLimit <= 0 {
		return ctx, time.Time{}, func() {}
	}
	deadline = opts.Now().Add(opts.TimeLimit)
	ctx, stop = context.WithDeadlineCause(ctx, deadline, session.ErrTimeUp)
	return ctx, deadline, stop
}

// The values of --exam-review.
const (
	examReviewNone = "none"
	examReviewEnd  = "end"
)

// finishQuiz saves the report, says where it went, and returns the exit
// status: the reason the quiz stopped, a report that could not be written, or
// a pass mark missed.
func finishQuiz(opts *QuizOptions, rep *report.Report, outcomes []quiz.Outcome, runErr error, format string) error {
	ios := opts.IO
	path, werr := saveReport(opts, rep, outcomes, format, fileio.Durable)
	if werr != nil {
		// Nothing answered is lost: keep it where incomplete quizzes go.
		fmt.Fprintf(ios.ErrOut, "conflictq: could not write the report: %s\n", text.EscapeControl(werr.Error()))
		if p, err := saveInState(opts, rep, outcomes, format); err == nil {
			fmt.Fprintf(ios.ErrOut, "Your answers are saved in %s instead\n", text.EscapeControl(p))
		} else {
			lastResort(ios, rep, err)
		}
	}
	// Wrapped like the rest of the screen: a long path goes to a line of
	// its own rather than breaking inside it.
	errWidth := 0
	if ios.IsStderrTTY() {
		errWidth = min(ios.TerminalWidth(), 100)
	}
	say := func(format string, args ...any) {
		fmt.Fprintln(ios.ErrOut, text.Wrap(fmt.Sprintf(format, args...), errWidth, ""))
	}
	switch {
	case werr != nil:
	case path != "" && rep.Status == quiz.Incomplete:
		say("The quiz stopped early (%s). Your answers so far are saved in %s", strings.ReplaceAll(rep.EndedBy, "_", " "), text.EscapeControl(path))
	case rep.Status == quiz.Incomplete && rep.Answered > 0 && !opts.keepHistory():
		why := "the history is off"
		if opts.forgotten.Load() {
			why = "your history was forgotten during it"
		}
		say("The quiz stopped early (%s). Nothing of it is kept on this computer: %s.", strings.ReplaceAll(rep.EndedBy, "_", " "), why)
	case path != "":
		say("Report written to %s", text.EscapeControl(path))
	case quiz.OpenAnswered(outcomes) > 0:
		// Two lines, so that neither breaks inside a word at 80 columns.
		fmt.Fprintln(ios.ErrOut, "Nothing was saved for a teacher to mark. To hand in your open answers,\n"+
			"run the quiz with --report-dir FOLDER (or -o FILE), as your teacher says.")
	}
	if runErr != nil {
		if rep.Status != quiz.Incomplete && werr == nil && (errors.Is(runErr, session.ErrInterrupted) || errors.Is(runErr, session.ErrSignal)) {
			// Stopped in an exam's review: nothing was cut short.
			say("The review was stopped; every answer had been submitted.")
		}
		return stopped(runErr)
	}
	if werr != nil {
		return silent(ExitInvalid)
	}
	if rep.Passed != nil && !*rep.Passed {
		return silent(ExitNegative)
	}
	return nil
}

// lastResort prints the report when no file could take it (a full disk, a
// read-only state folder, no home): the screen is the only copy left, so say
// so and show all of it, as JSON on standard output.
func lastResort(ios *iostreams.IOStreams, rep *report.Report, err error) {
	fmt.Fprintf(ios.ErrOut, "conflictq: nothing was saved: the fallback failed too (%s).\n"+
		"Here is the whole report as JSON on standard output: copy it and keep it.\n", text.EscapeControl(err.Error()))
	if werr := rep.Write(ios.Out, report.FormatJSON); werr != nil {
		// Standard output is gone too: standard error is all that is left.
		fmt.Fprintf(ios.ErrOut, "conflictq: standard output failed too (%s); here is the report on standard error instead:\n", text.EscapeControl(werr.Error()))
		_ = rep.Write(ios.ErrOut, report.FormatJSON)
	}
}

// checkCanAsk refuses to show menus without a terminal: it never guesses at
// piped input.
func checkCanAsk(opts *QuizOptions) error {
	ios := opts.IO
	if opts.Answers == "" && !opts.Plain && !ios.CanPrompt() {
		which := "standard input"
		if ios.IsStdinTTY() {
			which = "standard output"
		}
		return invalid("%s is not a terminal, so conflictq cannot show its menus.\n"+
			"Use --plain to answer line by line (it reads answers from standard input),\n"+
			"or --answers FILE to grade an answer sheet.", which)
	}
	return nil
}

// askName asks for the student's name, giving way to a signal as the
// questions do; it is untimed: a time limit starts after it.
func askName(ctx context.Context, p session.Prompter) (string, error) {
	type answer struct {
		name string
		err  error
	}
	ch := make(chan answer, 1)
	go func() {
		name, err := p.Input("Your name (for the report):", nameGiven)
		ch <- answer{name, err}
	}()
	select {
	case a := <-ch:
		return a.name, a.err
	case <-ctx.Done():
		if a, ok := p.(session.Aborter); ok {
			a.Abort()
		}
		return "", context.Cause(ctx)
	}
}

// nameGiven refuses a blank name at the name prompt: the report would be
// filed and listed on the class page under its file name (teacher11 P2).
func nameGiven(name string) error {
	if strings.TrimSpace(name) == "" {
		return errors.New("type your name for the report") // survey's line stays within 80 columns
	}
	return nil
}

// stopped maps the ways a quiz can stop early to exit codes.
func stopped(err error) error {
	switch {
	case errors.Is(err, session.ErrInterrupted), errors.Is(err, session.ErrSignal):
		return silent(ExitInterrupted)
	case errors.Is(err, session.ErrInputEnded):
		return &ExitError{Code: ExitInvalid, Err: errors.New("input ended before the quiz did")}
	}
	return err
}

func printIntro(w io.Writer, st text.Style, banks []*quiz.Bank, n int, mode quiz.Mode, opts *QuizOptions, width int) {
	titles := make([]string, len(banks))
	for i, b := range banks {
		titles[i] = b.Title
	}
	fmt.Fprintln(w, st.Bold(text.Wrap(text.EscapeControl(strings.Join(titles, " + ")), width, "")))
	fmt.Fprintln(w, introLine(n, mode, opts, width))
	if !opts.Plain {
		// Two short lines, so that neither breaks inside a word at 80 columns.
		fmt.Fprintln(w, st.Dim("Arrow keys to move, space to tick, Enter to answer."))
		fmt.Fprintln(w, st.Dim("Ctrl-C stops the quiz and keeps your answers so far."))
	}
}

// introLine is the line under the bank's title: what the quiz is (how many
// questions, the mode, the types) and what makes it the same for everyone
// (set, seed, time limit). When it does not fit in width columns, it breaks
// between those two parts, each wrapped at word boundaries: at 80 columns a
// timed set broke as "… seed 923807332 · time lim" / "it 1m0s" (teacher15
// P2). Width 0 (a pipe) keeps it on one line.
func introLine(n int, mode quiz.Mode, opts *QuizOptions, width int) string {
	noun := "questions"
	if n == 1 {
		noun = "question"
	}
	what := []string{fmt.Sprintf("%d %s", n, noun), string(mode) + " mode"}
	if opts.Review {
		what[1] = "spaced review"
	}
	if len(opts.Types) > 0 { // which questions a class was given: closed, say
		what = append(what, strings.Join(opts.Types, ", ")+" questions")
	}
	var same []string
	if opts.Set != "" {
		same = append(same, "set "+text.EscapeControl(opts.Set))
	}
	same = append(same, fmt.Sprintf("seed %d", opts.Seed))
	if opts.TimeLimit > 0 {
		same = append(same, "time limit "+opts.TimeLimit.String())
	}
	line := strings.Join(slices.Concat(what, same), " · ")
	if width <= 0 || text.Width(line) <= width {
		return line
	}
	return text.Wrap(strings.Join(what, " · "), width, "") + "\n" + text.Wrap(strings.Join(same, " · "), width, "")
}

func reportMeta(opts *QuizOptions, banks []*quiz.Bank, mode quiz.Mode) report.Meta {
	meta := report.Meta{Student: opts.Student, Banks: reportBankRefs(opts, banks), Seed: opts.Seed, Set: opts.Set, Types: opts.Types,
		Tags: opts.Tags, Difficulty: opts.Difficulty, Mode: mode, Digests: report.Digests(banks), Sources: banks}
	if opts.PassSet {
		p := opts.Pass
		meta.PassPercent = &p
	}
	return meta
}

// reportBankRefs names the banks as a report records them (sheet.BankRefs),
// from the report's directory.
func reportBankRefs(opts *QuizOptions, banks []*quiz.Bank) []string {
	dir := opts.ReportDir
	if dir == "" && opts.Report != "" {
		dir = filepath.Dir(opts.Report)
	}
	return sheet.BankRefs(opts.Banks, banks, dir)
}

func reportFormat(opts *QuizOptions) (string, error) {
	if opts.Format != "" {
		return opts.Format, nil
	}
	if opts.Report != "" && opts.ReportDir == "" {
		if f := fileio.FormatOf(opts.Report, reportFormats()...); f != "" {
			return f, nil
		}
	}
	return report.FormatJSON, nil
}

// copyFormat is the format of -o when --report-dir is given too: the
// student's own copy, from the file's extension (a page to keep, say), else
// the report's format.
func copyFormat(opts *QuizOptions, format string) string {
	if f := fileio.FormatOf(opts.Report, reportFormats()...); f != "" {
		return f
	}
	return format
}

// checkReportDestination refuses, before the quiz starts, a report that could
// not be written: better than losing a student's work at the end.
func checkReportDestination(opts *QuizOptions) error {
	if opts.Report == "-" {
		return invalid("-o -: the quiz itself uses standard output; name a file for the report")
	}
	if opts.ReportDir != "" {
		if st, err := os.Stat(opts.ReportDir); err == nil && !st.IsDir() {
			return invalid("--report-dir %s is a file, not a folder; name a folder for the reports (-o names a file)", opts.ReportDir)
		}
		// A report in the state folder is refused as -o's is (attack22 L2):
		// the folder is conflictq's, and no teacher looks there.
		var stateErr *fileio.StateError
		if errors.As(newOutputGuard(nil, "").withState(opts.StateDir).Check(opts.ReportDir), &stateErr) {
			return invalid("--report-dir %s is in conflictq's own folder %s, which holds the histories and saved answers; name a folder of your own for the reports", opts.ReportDir, stateErr.State)
		}
	}
	if opts.Report != "" && opts.ReportDir != "" && sameDir(filepath.Dir(opts.Report), opts.ReportDir) {
		// The student's copy beside the teacher's report: grade would
		// read a JSON copy as a second report of the same quiz.
		if f := fileio.FormatOf(opts.Report, "json", "jsonl", "yaml", "yml"); f != "" || copyFormat(opts, report.FormatJSON) == report.FormatJSON {
			return invalid("-o %s is in the --report-dir folder, where the report is written already, so grade would read it twice; name a file outside %s for your own copy (or a page: -o %s)",
				opts.Report, opts.ReportDir, strings.TrimSuffix(opts.Report, filepath.Ext(opts.Report))+".html")
		}
	}
	if opts.Report != "" {
		st, err := os.Stat(opts.Report)
		if err == nil {
			if st.IsDir() {
				return invalid("%s is a directory; use --report-dir for a directory", opts.Report)
			}
			if !st.Mode().IsRegular() {
				return invalid("%s is not a regular file (a device or a pipe); name a file for the report", opts.Report)
			}
			if !opts.Force {
				return invalidErr(&fileio.ExistsError{Path: opts.Report})
			}
		}
		if err != nil { // a file there is in a folder: not looked up again
			if st, err := os.Stat(filepath.Dir(opts.Report)); err != nil || !st.IsDir() {
				return invalid("cannot write %s: directory %s does not exist", opts.Report, filepath.Dir(opts.Report))
			}
		}
		if err := canWriteIn(opts, filepath.Dir(opts.Report)); err != nil {
			return invalid("cannot write %s: %v", opts.Report, err)
		}
	}
	if opts.ReportDir != "" {
		if err := os.MkdirAll(opts.ReportDir, 0o755); err != nil {
			return invalid("--report-dir: %v", err)
		}
		if err := canWriteIn(opts, opts.ReportDir); err != nil {
			return invalid("--report-dir %s: %v", opts.ReportDir, err)
		}
	}
	return nil
}

// sameDir reports whether two paths name one folder, links resolved.
func sameDir(a, b string) bool {
	real := func(p string) string {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			p = r
		}
		abs, _ := filepath.Abs(p)
		return abs
	}
	return real(a) == real(b)
}

// canWriteIn checks a directory takes new files, the way the report will be
// written: better to say so before the quiz than to lose it at the end. With
// --answers there is no quiz to lose (the sheet is graded again as fast), and
// the report's own write says the same, so no file is made to find out: it
// cost every quiz --answers -o a second file (review13-s25 L1).
func canWriteIn(opts *QuizOptions, dir string) error {
	if opts.Answers != "" {
		return nil
	}
	f, err := fileio.CreateTemp(dir, ".conflictq-check-", 0o600) // without the runtime's poller
	if err != nil {
		return errors.Unwrap(err)
	}
	f.Close()
	return os.Remove(f.Name())
}

// saveReport writes the report where the options say. An incomplete quiz with
// nowhere named is saved in the state directory, so nothing answered is lost.
// d says whether the report is synced to the disk: a quiz's is (the student's
// answers are in it alone), quiz --answers' is not (the sheet makes it again).
func saveReport(opts *QuizOptions, rep *report.Report, outcomes []quiz.Outcome, format string, d fileio.Durability) (string, error) {
	write := reportWriter(rep, outcomes, format)
	ext := reportExt(format)
	switch {
	case opts.Report != "" && opts.ReportDir != "":
		// The report for the teacher into the folder first, then the
		// student's own copy (a page to keep, say) to -o.
		path, err := fileio.WriteInDir(opts.ReportDir, rep.Student, rep.StartedAt, ext, d, write)
		if err != nil {
			return path, err
		}
		f := copyFormat(opts, format)
		own, err := writeReportFile(opts, reportWriter(rep, outcomes, f), reportExt(f), rep, d)
		if err != nil {
			return path, fmt.Errorf("the report is in %s, but your own copy could not be written: %w", path, err)
		}
		return path + " and " + own, nil
	case opts.Report != "":
		return writeReportFile(opts, write, ext, rep, d)
	case opts.ReportDir != "":
		return fileio.WriteInDir(opts.ReportDir, rep.Student, rep.StartedAt, ext, d, write)
	case rep.Status == quiz.Incomplete && rep.Answered > 0 && opts.keepHistory():
		// With the history off (a shared computer) nothing is kept that
		// was not asked for.
		return saveInState(opts, rep, outcomes, format)
	}
	return "", nil
}

// writeReportFile writes -o; a file that appeared during the quiz is kept,
// and the report goes beside it under a name of its own.
func writeReportFile(opts *QuizOptions, write func(io.Writer) error, ext string, rep *report.Report, d fileio.Durability) (string, error) {
	var err error
	// quiz --answers checked -o a moment before (quizFromSheet); a quiz,
	// minutes before it ends.
	if opts.Answers == "" && newOutputGuard(opts.Library(), "", opts.Answers).withState(opts.StateDir).withSettings(opts.settingsFiles()).check("-o", opts.Report) != nil {
		// It became a link to a bank during the quiz: keep both.
		err = &fileio.ExistsError{Path: opts.Report}
	} else {
		err = fileio.WriteFile(opts.Report, opts.Force, d, write)
	}
	var exists *fileio.ExistsError
	if errors.As(err, &exists) {
		// The file appeared during the quiz: keep both.
		return fileio.WriteInDir(filepath.Dir(opts.Report), rep.Student, rep.StartedAt, ext, d, write)
	}
	return opts.Report, err
}

// saveInState keeps a report in the state directory's incomplete folder:
// a quiz stopped early with no report named, or a report named that could
// not be written (then even with the history off: it is a teacher's report,
// and the student is told where it is). It holds the student's answers, so
// it is readable by the student alone, named as the history is
// (history.FileKey), and progress --forget deletes it.
func saveInState(opts *QuizOptions, rep *report.Report, outcomes []quiz.Outcome, format string) (string, error) {
	dir, err := opts.StateDir()
	if err != nil {
		return "", err
	}
	dir = filepath.Join(dir, "incomplete")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	return fileio.WriteInDirPerm(dir, history.FileKey(rep.Student), rep.StartedAt, reportExt(format), 0o600, fileio.Durable, reportWriter(rep, outcomes, format))
}

// formatHTML is the student's review as a page (quiz/htmlreport), beside
// quiz's own report formats.
const formatHTML = "html"

// reportFormats are the formats quiz writes a report in: a function, not a
// package variable made in cmd's init, in every run of every command.
func reportFormats() []string { return append(slices.Clip(report.Formats), formatHTML) }

func reportWriter(rep *report.Report, outcomes []quiz.Outcome, format string) func(io.Writer) error {
	if format == formatHTML {
		return func(w io.Writer) error { return htmlreport.WriteStudent(w, rep, outcomes) }
	}
	return func(w io.Writer) error { return rep.Write(w, format) }
}

func reportExt(format string) string {
	if format == formatHTML {
		return fileio.Ext(formatHTML)
	}
	return report.Extension(format)
}

// quizFromSheet grades an answer sheet as conflictq grade does: on the banks
// and selection the sheet records, unless --bank, -n, --tag, --difficulty,
// --type or --seed say otherwise.
func quizFromSheet(opts *QuizOptions, format string) error {
	sh, err := sheet.ReadFile(opts.Answers, opts.IO.In)
	if err != nil {
		return invalidErr(err)
	}
	var banks []string // the sheet's own, unless --bank is given
	if opts.BanksSet {
		banks = opts.Banks
	}
	var filter *quiz.Filter
	if opts.Count > 0 || len(opts.Tags) > 0 || opts.Difficulty != "" || len(opts.Types) > 0 || opts.Set != "" {
		f := opts.Filter()
		filter = &f
	}
	var pass *float64
	if opts.PassSet {
		pass = &opts.Pass
	}
	g, err := newGrader(opts.IO, opts.Library(), banks, filter, pass)
	if err != nil {
		return err
	}
	if opts.SeedSet {
		sh.Seed = &opts.Seed
	}
	// The banks graded against, for their questions' digests
	// (report.Meta.Sources): --bank's, or those the sheet names.
	sources := g.Banks
	if load := g.Load; len(sources) == 0 && load != nil {
		g.Load = func(refs []string, from string) ([]*quiz.Bank, error) {
			banks, err := load(refs, from)
			sources = append(sources, banks...)
			return banks, err
		}
	}
	r, err := g.Grade(sh)
	if err != nil {
		return invalidErr(fmt.Errorf("%s: %w", opts.Answers, err))
	}
	// Without -o nothing is checked: the guard would look the sheet up and
	// resolve the state folder for nothing (quizBanks alike).
	if opts.Report != "" {
		if err := newOutputGuard(opts.Library(), "the sheet --answers names", opts.Answers).withState(opts.StateDir).withSettings(opts.settingsFiles()).check("-o", opts.Report); err != nil {
			return err
		}
	}
	for _, p := range r.Problems {
		fmt.Fprintln(opts.IO.ErrOut, p.Error())
	}
	if opts.Student == "" {
		opts.Student = sh.Student
	}
	if sh.Seed != nil {
		opts.Seed = *sh.Seed
	}
	now := opts.Now()
	res := &quiz.Result{Outcomes: r.Outcomes, Status: quiz.Complete, EndedBy: quiz.EndFinished, Started: now, Finished: now}
	mode, _ := quiz.ParseMode(opts.Mode)
	// The report records the selection that graded the sheet, its set,
	// types, tags and difficulty, as a quiz's report does: sheet --from the
	// report picks the same questions, not the whole bank (attack12 #4,
	// attack13 #5).
	sel := quiz.Filter{Set: sh.Set, Types: sh.Types, Tags: sh.Tags, Difficulty: sh.Difficulty}
	if filter != nil {
		sel = *filter
	}
	meta := report.Meta{Student: opts.Student, Banks: r.Banks, Seed: opts.Seed, Set: sel.Set, Types: sel.Types,
		Tags: sel.Tags, Difficulty: sel.Difficulty, Unseeded: sh.Seed == nil, Mode: mode, Sources: sources}
	if opts.PassSet {
		meta.PassPercent = &opts.Pass
	}
	rep := report.New(meta, res)
	// The summary in one write, not a line a write (18 system calls).
	summary := bufio.NewWriter(opts.IO.Out)
	rep.WriteSummary(summary, opts.IO.ColorScheme(), 0)
	_ = summary.Flush() // as the summary's own writes: their errors are not looked at
	path, err := saveReport(opts, rep, res.Outcomes, format, fileio.Derived)
	if err != nil {
		return err
	}
	if path != "" {
		fmt.Fprintf(opts.IO.ErrOut, "Report written to %s\n", text.EscapeControl(path))
	}
	if r.Unreadable() > 0 {
		return invalid("%s has answers that could not be read or were given twice (see above); the rest was graded", opts.Answers)
	}
	if rep.Passed != nil && !*rep.Passed {
		return silent(ExitNegative)
	}
	return nil
}
