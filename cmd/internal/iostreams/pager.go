package iostreams

import (
	"bufio"
	"errors"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
)

// DefaultPager is the pager used when neither CONFLICTQ_PAGER nor PAGER is
// set: -F quits when the text fits one screen, -R passes colour through, -X
// leaves the text on the screen after quitting.
const DefaultPager = "less -FRX"

// LessOptions is $LESS for the pager when the user has not set it: -F, -R
// and -X as in DefaultPager, and a prompt that says which keys to press, for
// a reader who has never met less: its own prompt is a bare ':' (teacher13
// P8, teacher14).
const LessOptions = `FRXPs?e(END) q to quit:Space for more\, q to quit.$`

// PagerFromEnv chooses the pager command: $CONFLICTQ_PAGER, else $PAGER, else
// DefaultPager. A variable that is set wins even when empty, so that
// CONFLICTQ_PAGER= (or cat) turns paging off whatever PAGER says.
func PagerFromEnv(lookup func(string) (string, bool)) string {
	if v, ok := lookup("CONFLICTQ_PAGER"); ok {
		return v
	}
	if v, ok := lookup("PAGER"); ok {
		return v
	}
	return DefaultPager
}

// StartPager sends standard output through the pager, as git and gh do,
// when standard output is a terminal and a pager is set. For a pipe or a
// file, for "" or "cat", or when the pager's program is missing, the text is
// written directly, in one write at StopPager: a glossary list printed
// line by line made 75 system calls, each a wake-up of the reader at a
// pipe's other end. Call StopPager when the output is done.
func (s *IOStreams) StartPager() {
	if s.pagerProc != nil || s.held != nil {
		return
	}
	if !s.outTTY {
		s.hold()
		return
	}
	args := strings.Fields(s.pager)
	if len(args) == 0 || args[0] == "cat" {
		s.hold()
		return
	}
	path, err := exec.LookPath(args[0])
	if err != nil {
		s.hold() // no such program: write directly rather than fail
		return
	}
	cmd := exec.Command(path, args[1:]...)
	cmd.Env = os.Environ()
	if _, ok := os.LookupEnv("LESS"); !ok {
		cmd.Env = append(cmd.Env, "LESS="+LessOptions)
	}
	if _, ok := os.LookupEnv("LV"); !ok {
		cmd.Env = append(cmd.Env, "LV=-c")
	}
	cmd.Stdout = s.Out
	cmd.Stderr = s.ErrOut
	in, err := cmd.StdinPipe()
	if err != nil {
		return
	}
	if err := cmd.Start(); err != nil {
		return
	}
	// Ctrl-C is the pager's to handle (less uses it to stop a search): it
	// must not kill conflictq and leave the pager behind on the terminal.
	s.pagerSignals = make(chan os.Signal, 1)
	signal.Notify(s.pagerSignals, os.Interrupt)
	s.pagerProc = cmd.Process
	s.pagerIn = in
	s.pagedOut = s.Out
	s.Out = &pagerWriter{in}
	s.pagerWait = cmd.Wait
}

// StopPager closes the pager's input and waits for the reader to quit.
// Output is standard output again afterwards.
func (s *IOStreams) StopPager() {
	if s.held != nil {
		_ = s.held.Flush() // as a write's: the command has already written it
		s.Out, s.held = s.pagedOut, nil
		s.pagedOut = nil
		return
	}
	if s.pagerProc == nil {
		return
	}
	_ = s.pagerIn.Close()
	_ = s.pagerWait() // the pager's own exit status is not ours
	signal.Stop(s.pagerSignals)
	s.Out = s.pagedOut
	s.pagerProc, s.pagerIn, s.pagedOut, s.pagerWait, s.pagerSignals = nil, nil, nil, nil, nil
}

// hold keeps standard output until StopPager, written then at once.
func (s *IOStreams) hold() {
	s.held = bufio.NewWriter(s.Out) // 4 KB: a definition, the list of terms
	s.pagedOut, s.Out = s.Out, s.held
}

// pagerWriter turns the broken pipe of a pager quit early (q before the end)
// into a quiet success: the reader has seen what they wanted.
type pagerWriter struct{ w io.Writer }

func (p *pagerWriter) Write(b []byte) (int, error) {
	n, err := p.w.Write(b)
	if err != nil && (errors.Is(err, syscall.EPIPE) || errors.Is(err, os.ErrClosed)) {
		return len(b), nil
	}
	return n, err
}
