package session

import (
	"errors"
)

// Prompter asks the student one thing at a time. conflictq has two: a terminal
// UI with arrow-key menus and a plain line-based one for screen readers and pipes.
// Indices are display positions in the options passed.
type Prompter interface {
	// Select returns the index of the chosen option.
	Select(msg string, options []string) (int, error)
	// MultiSelect returns the indices of the chosen options (possibly none).
	MultiSelect(msg string, options []string) ([]int, error)
	// Input returns a line of text; validate, when not nil, rejects a line
	// with a message and the prompter asks again.
	Input(msg string, validate func(string) error) (string, error)
	// Confirm asks a yes/no question.
	Confirm(msg string, def bool) (bool, error)
	// Order returns the items' indices in the sequence the student puts them.
	Order(msg string, items []string) ([]int, error)
	// Match returns, for each left item, the index of the right item paired with it.
	Match(msg string, left, right []string) ([]int, error)
}

// Aborter is implemented by prompters that hold the terminal (raw mode) and must
// give it back when a quiz ends in the middle of a prompt (time limit, signal).
type Aborter interface {
	Abort()
}

// Headed is implemented by prompters that draw on the screen the session's
// question headers are on, and can put a line in the place of the header
// above a prompt that a time limit cut short: its "43s left" stayed stale
// above "Time is up" (teacher9 P6). HeaderShown says a header was just
// written, on the row above the cursor; ReplaceHeader, after Abort, puts
// line in that row, and does nothing when the row is no longer on the
// screen or the prompt was moved (stopped and continued).
type Headed interface {
	HeaderShown()
	ReplaceHeader(line string)
}

// Reasker is implemented by prompters that can take a question's prompts
// off the screen, up to its header (Headed), before it is asked again in
// the same place: with "Leave this question blank? No" between them, the
// question drawn a second time under the first read as two (teacher11 P1).
// It does nothing when the header is no longer on the screen.
type Reasker interface {
	ClearToHeader()
}

// SelfChecker is implemented by prompters that can ask an open question's
// self-check as MultiSelect asks a question, and take the checklist off the
// screen once it is answered where MultiSelect echoes the options ticked:
// the session says right there how many were ticked and lists the ones
// not ticked, and the ticked ones echoed above that were the same text a
// second time on a screen already too long to read (teacher14 A1). Without
// it the session asks with MultiSelect.
type SelfChecker interface {
	SelfCheck(msg string, options []string) ([]int, error)
}

// HintedInput is implemented by prompters that can draw a key hint under a
// text prompt's message ("[One line: Enter sends your answer]") while it
// waits, and leave it out of the answer's echo, as survey's menus take
// theirs away once answered: its rows pushed the question's first line off
// an 80x24 screen at an open question's feedback (teacher14 A1). hint is
// drawn as given (wrapped, perhaps coloured). Without it the session asks
// with Input, the hint on the message's last lines.
type HintedInput interface {
	InputHint(msg, hint string, validate func(string) error) (string, error)
}

// Drafter is implemented by prompters that can tell what the student had
// typed into a text prompt (Input), or ticked in a question's checklist
// (MultiSelect) or an open answer's self-check (SelfCheck), that a time
// limit, Ctrl-C or a signal cut short before Enter: the session keeps it as
// the answer, or the self-check's ticks, marked as cut off (teacher6 A1,
// attack13 #2, attack14 #4). Draft returns that text, "" when the last text prompt
// was submitted or nothing was typed; DraftTicks the options ticked (as
// MultiSelect returns them), none when the last checklist was handed in or
// nothing was ticked. Either may be called while the prompt still waits
// for a key (a time limit), from another goroutine.
type Drafter interface {
	Draft() string
	DraftTicks() []int
}

// Noticer is implemented by prompters that can show a notice, such as the
// time left, while a prompt waits for the student without disturbing it.
// Without it the session prints the notice on its own line.
type Noticer interface {
	Notice(msg string)
}

// Pauser is implemented by prompters that can wait for the student to read
// what is on the screen: a line such as "Press Enter for the next question",
// answered with Enter. Without it the session never waits.
type Pauser interface {
	Pause(msg string) error
}

// Errors a Prompter returns for the ways a student can stop.
var (
	// ErrInterrupted: the student pressed Ctrl-C.
	ErrInterrupted = errors.New("interrupted")
	// ErrInputEnded: input ended (end of file) before the quiz did.
	ErrInputEnded = errors.New("input ended")
	// ErrTimeUp is the cause of a context ended by the quiz's time limit.
	ErrTimeUp = errors.New("time limit reached")
	// ErrSignal is the cause of a context ended by a termination signal.
	ErrSignal = errors.New("terminated by signal")
	// ErrHangup: the terminal went away (its window closed, SSH dropped).
	// It is a signal's end: errors.Is(ErrHangup, ErrSignal) holds.
	ErrHangup error = hangupError{}
)

// hangupError is ErrHangup: a value of its own type is data the linker lays
// out, where fmt.Errorf would run in the package's init, in every run of
// every command.
type hangupError struct{}

func (hangupError) Error() string { return "the terminal was closed: " + ErrSignal.Error() }
func (hangupError) Unwrap() error { return ErrSignal }
