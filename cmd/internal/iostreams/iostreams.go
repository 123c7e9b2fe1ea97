// Package iostreams gives commands their standard streams, with what they need
// to know about them: which are terminals, whether colour is wanted, and how wide
// the screen is. Tests use Test() for buffers that pretend to be whatever they need.
package iostreams

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"syscall"

	"golang.org/x/term"
)

// IOStreams are a command's standard input, output and error.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	inTTY, outTTY, errTTY bool
	noColor               bool
	forceColor            bool
	termState             *term.State

	// The pager (pager.go): its command, and while it runs, its process,
	// its input, and the standard output it writes to.
	pager        string
	pagerProc    *os.Process
	pagerIn      io.WriteCloser
	pagedOut     io.Writer
	pagerWait    func() error
	pagerSignals chan os.Signal
	// Standard output held between StartPager and StopPager when no pager
	// runs, written at once (pagedOut is then the stream it goes to).
	held *bufio.Writer
	// outFailed is standard output when it is not a terminal (FromFiles).
	outFailed *failedWriter
}

// failedWriter keeps the first error a write to it met, but a broken pipe
// (a reader such as head that has seen enough): commands print with fmt,
// which does not look, and a run whose output a full disk lost ended as if
// it were written, exit 0 (attack21 L6). See OutError.
type failedWriter struct {
	w   io.Writer
	err error
}

func (f *failedWriter) Write(p []byte) (int, error) {
	n, err := f.w.Write(p)
	if err != nil && f.err == nil && !errors.Is(err, syscall.EPIPE) {
		f.err = err
	}
	return n, err
}

// OutError returns the first error writing standard output met, when it is
// not a terminal (a file, a pipe, a device), or nil.
func (s *IOStreams) OutError() error {
	if s.outFailed == nil {
		return nil
	}
	return s.outFailed.err
}

// System returns the process's own streams, looking up which are terminals and
// what the environment says about colour (NO_COLOR, CLICOLOR, CLICOLOR_FORCE).
func System(getenv func(string) string) *IOStreams {
	s := FromFiles(os.Stdin, os.Stdout, os.Stderr, getenv)
	// The process's own environment tells a variable set empty (paging
	// off) from one not set, which getenv cannot.
	s.pager = PagerFromEnv(os.LookupEnv)
	return s
}

// Test returns streams backed by buffers; none is a terminal until set so.
func Test() (s *IOStreams, in *bytes.Buffer, out *bytes.Buffer, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

// FromFiles returns streams on the given files (System's on the process's
// own, a pseudo-terminal's in tests), detecting which are terminals.
func FromFiles(in, out *os.File, errOut io.Writer, getenv func(string) string) *IOStreams {
	s := &IOStreams{
		In: in, Out: out, ErrOut: errOut,
		inTTY:  term.IsTerminal(int(in.Fd())),
		outTTY: term.IsTerminal(int(out.Fd())),
	}
	if f, ok := errOut.(*os.File); ok {
		s.errTTY = term.IsTerminal(int(f.Fd()))
	}
	if !s.outTTY {
		s.outFailed = &failedWriter{w: out}
		s.Out = s.outFailed
	}
	s.applyEnv(getenv)
	if getenv != nil {
		// getenv cannot tell a variable set empty from one not set: only
		// a non-empty value counts here.
		s.pager = PagerFromEnv(func(k string) (string, bool) { v := getenv(k); return v, v != "" })
	}
	return s
}

func (s *IOStreams) applyEnv(getenv func(string) string) {
	if getenv == nil {
		return
	}
	// https://no-color.org: any non-empty NO_COLOR disables colour.
	s.noColor = getenv("NO_COLOR") != "" || getenv("CLICOLOR") == "0" || getenv("TERM") == "dumb"
	if v := getenv("CLICOLOR_FORCE"); v != "" && v != "0" {
		s.forceColor = true
	}
}

// IsStdinTTY reports whether standard input is a terminal.
func (s *IOStreams) IsStdinTTY() bool { return s.inTTY }

// IsStdoutTTY reports whether standard output is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.outTTY }

// IsStderrTTY reports whether standard error is a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.errTTY }

// SetStdinTTY and SetStdoutTTY override detection, for tests.
func (s *IOStreams) SetStdinTTY(v bool)  { s.inTTY = v }
func (s *IOStreams) SetStdoutTTY(v bool) { s.outTTY = v }

// SetNoColor turns colour off (--no-color).
func (s *IOStreams) SetNoColor() { s.noColor = true; s.forceColor = false }

// ColorEnabled reports whether standard output may carry colour and emphasis.
func (s *IOStreams) ColorEnabled() bool {
	if s.noColor {
		return false
	}
	return s.forceColor || s.outTTY
}

// CanPrompt reports whether an interactive prompt can be shown: both standard
// input and output are terminals.
func (s *IOStreams) CanPrompt() bool { return s.inTTY && s.outTTY }

// TerminalWidth returns the width of standard output, or 80.
func (s *IOStreams) TerminalWidth() int {
	out := s.Out
	if s.pagedOut != nil {
		out = s.pagedOut // the pager shows the text on the same terminal
	}
	if f, ok := out.(*os.File); ok && s.outTTY {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w
		}
	}
	return 80
}

// TerminalHeight returns the height of standard output in rows, or 0 when it
// is not a terminal or its size is unknown.
func (s *IOStreams) TerminalHeight() int {
	out := s.Out
	if s.pagedOut != nil {
		out = s.pagedOut
	}
	if f, ok := out.(*os.File); ok && s.outTTY {
		if _, h, err := term.GetSize(int(f.Fd())); err == nil && h > 0 {
			return h
		}
	}
	return 0
}

// SaveTerminal remembers the terminal's mode so that RestoreTerminal can give it
// back whatever a prompt library left it in (raw mode after an abort).
func (s *IOStreams) SaveTerminal() {
	if f, ok := s.In.(*os.File); ok && s.inTTY {
		if st, err := term.GetState(int(f.Fd())); err == nil {
			s.termState = st
		}
	}
}

// RestoreTerminal puts the terminal back as SaveTerminal found it.
func (s *IOStreams) RestoreTerminal() {
	if f, ok := s.In.(*os.File); ok && s.termState != nil {
		_ = term.Restore(int(f.Fd()), s.termState)
	}
}

// ColorScheme emphasises text with ANSI escapes when Enabled, and returns it
// unchanged otherwise. It is the one place that knows the escape codes; the
// libraries take it as a text.Style.
type ColorScheme struct{ Enabled bool }

// ColorScheme returns the scheme for standard output: colour only when
// ColorEnabled.
func (s *IOStreams) ColorScheme() ColorScheme { return ColorScheme{Enabled: s.ColorEnabled()} }

func (c ColorScheme) wrap(code, text string) string {
	if !c.Enabled || text == "" {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

// Bold emphasises headings.
func (c ColorScheme) Bold(text string) string { return c.wrap("1", text) }

// Good marks a right answer.
func (c ColorScheme) Good(text string) string { return c.wrap("32", text) }

// Bad marks a wrong answer.
func (c ColorScheme) Bad(text string) string { return c.wrap("31", text) }

// Dim marks secondary text such as citations.
func (c ColorScheme) Dim(text string) string { return c.wrap("2", text) }

// Mark shows what a search matched: bold yellow, as grep shows its matches in colour.
func (c ColorScheme) Mark(text string) string { return c.wrap("1;33", text) }
