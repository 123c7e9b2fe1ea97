//go:build linux

package prompt

import (
	"bytes"
	"io"
	"os"
	"os/signal"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"

	"github.com/AlecAivazis/survey/v2/terminal"
	"golang.org/x/sys/unix"
)

// resumeReader is the terminal as survey reads it, made to survive a stop and
// a continue (Ctrl-Z or kill -TSTP, then fg). The shell puts the terminal
// back in line mode while the quiz is stopped, and survey neither notices nor
// redraws: on SIGCONT, while a prompt is open, the terminal is put back in
// survey's raw mode and survey is handed a key on which it redraws the
// prompt (resumeKey). Keys are read only while survey asks for them: Read
// waits for the terminal or the wake-up pipe, never reads ahead.
//
// survey's raw mode turns signals off, so Ctrl-Z arrived as a key survey
// ignores, and the student, believing the quiz stopped, typed into it: Read
// stops the quiz itself (suspend). And a prompt turns on the terminal's
// bracketed paste, so that a text pasted whole, newlines and all, goes into
// the one answer (paste) instead of its first line being sent with the rest
// lost.
type resumeReader struct {
	f      *os.File
	fd     int32 // f's, read once: f.Fd() races with a Close
	out    terminal.FileWriter
	wake   [2]int // a pipe: written on SIGCONT, read by Read
	asking atomic.Bool
	// text is set while the open prompt is a line of text (input), which
	// redraws on resumeRune; a menu redraws on any key, NUL included.
	text atomic.Bool
	// lineMode is the terminal's mode before the prompt made it raw: the
	// mode a stopped quiz leaves the terminal in.
	lineMode *unix.Termios
	// stop stops the quiz, as the terminal's Ctrl-Z would.
	stop func()
	// ready holds keys read and not yet given to survey; held, the start
	// of a paste's marker split across reads; pasting, inside a paste;
	// newline, a paste's last character was a newline, already a space.
	ready, held       []byte
	pasting, newlined bool
}

func newResumeReader(f *os.File, out terminal.FileWriter) terminal.FileReader {
	var p [2]int
	if err := unix.Pipe2(p[:], unix.O_CLOEXEC|unix.O_NONBLOCK); err != nil {
		return f
	}
	r := &resumeReader{f: f, fd: int32(f.Fd()), out: out, wake: p, stop: stopSelf}
	// One prompter a run: the watch lasts as long as the process.
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGCONT)
	go func() {
		for range ch {
			r.resume()
		}
	}()
	return r
}

// stopSelf stops the quiz, as the terminal's Ctrl-Z does, and returns once
// it is continued: the signal goes to this very thread, which stops before
// the call returns (sent to the process, another thread would take it, and
// this one would draw on for a moment, under the shell's prompt). A process
// no shell watches (its group orphaned) is not stopped: it returns at once.
func stopSelf() {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	_ = unix.Tgkill(unix.Getpid(), unix.Gettid(), unix.SIGTSTP)
}

// resume puts the terminal back in raw mode and wakes Read, when a prompt is
// open.
func (r *resumeReader) resume() {
	if !r.asking.Load() {
		return
	}
	r.raw()
	if !r.text.Load() {
		// A menu redraws from the cursor it saved (ESC 7) when last drawn,
		// a place the shell's lines have since scrolled: save it here, on
		// a line of its own under them.
		_, _ = io.WriteString(r.out, "\r\n\x1b7")
	}
	_, _ = unix.Write(r.wake[1], []byte{0})
}

// raw is survey's own raw mode, set by a reader of its own: the state it
// saves (the shell's line mode) is dropped, and the prompt's reader restores
// the mode from before the prompt when the prompt ends. Bracketed paste is
// on again: the shell turns it off.
func (r *resumeReader) raw() {
	_ = terminal.NewRuneReader(terminal.Stdio{In: r.f, Out: r.out}).SetTermMode()
	r.bracketedPaste(true)
}

// bracketedPaste turns the terminal's bracketed paste on or off: on, a
// paste arrives between ESC[200~ and ESC[201~. A terminal without it
// ignores the request.
func (r *resumeReader) bracketedPaste(on bool) {
	if on {
		_, _ = io.WriteString(r.out, "\x1b[?2004h")
	} else {
		_, _ = io.WriteString(r.out, "\x1b[?2004l")
	}
}

// suspend stops the quiz at Ctrl-Z as a terminal in line mode would: the
// terminal goes back to the line mode it had before the prompt, the
// quiz is stopped, and once continued the terminal is raw again. SIGCONT
// wakes Read as well (resume), and the prompt is redrawn.
func (r *resumeReader) suspend() {
	r.bracketedPaste(false)
	if r.lineMode != nil {
		_ = unix.IoctlSetTermios(int(r.fd), unix.TCSETS, r.lineMode)
	}
	r.stop()
	// Raw again here too: a group no shell watches is never stopped, nor
	// continued, and its prompt must go on reading keys.
	r.raw()
}

// rewriteKeys changes, in place, the keys survey would mishandle while it
// holds the terminal raw:
//   - Ctrl-\ sends no SIGQUIT then: it stops the prompt as Ctrl-C does, so
//     that what was given is kept rather than the key typed into an answer;
//   - Alt and a letter arrive as ESC and the letter, a sequence survey does
//     not know: it ended the whole quiz with "unexpected escape sequence"
//     (exit 2, the answer being typed lost; attack8 #1). Both bytes become
//     survey's IgnoreKey (NUL). Arrow keys (ESC [ and ESC O) pass.
func rewriteKeys(p []byte) {
	for i := 0; i < len(p); i++ {
		switch {
		case p[i] == ctrlBackslash:
			p[i] = ctrlC
		case p[i] == esc && i+1 < len(p) && p[i+1] == esc:
			p[i] = 0 // Escape alone, then another key's sequence
		case p[i] == esc && i+1 < len(p) && p[i+1] != '[' && p[i+1] != 'O':
			p[i], p[i+1] = 0, 0
			i++
		}
	}
}

// resumeKey is the key that redraws the open prompt after a continue.
func (r *resumeReader) resumeKey() []byte {
	if r.text.Load() {
		return []byte(string(resumeRune))
	}
	return []byte{0} // survey's IgnoreKey: nothing changes but the drawing
}

// Read reads keys from the terminal, or returns the resume key after a continue.
func (r *resumeReader) Read(p []byte) (int, error) {
	for {
		if len(r.ready) > 0 {
			n := copy(p, r.ready)
			r.ready = r.ready[n:]
			return n, nil
		}
		fds := []unix.PollFd{{Fd: r.fd, Events: unix.POLLIN}, {Fd: int32(r.wake[0]), Events: unix.POLLIN}}
		_, err := unix.Poll(fds, -1)
		if err == unix.EINTR {
			continue
		}
		if err == nil && fds[1].Revents&unix.POLLIN != 0 {
			var drain [16]byte
			_, _ = unix.Read(r.wake[0], drain[:])
			if len(p) == 0 {
				return 0, nil
			}
			r.ready = r.resumeKey()
			continue
		}
		n, rerr := r.f.Read(p)
		if n == 0 && err == nil && fds[0].Revents&unix.POLLHUP != 0 {
			// A terminal that hung up reads as the end of input, which a
			// terminal in raw mode never otherwise gives: say it went away.
			return 0, syscall.EIO
		}
		r.ready = r.keys(p[:n])
		if rerr != nil && len(r.ready) == 0 {
			return 0, rerr
		}
	}
}

const (
	pasteStart = "\x1b[200~"
	pasteEnd   = "\x1b[201~"
	ctrlZ      = 0x1a
)

// keys turns what the terminal sent into the keys survey is given: a paste
// without its markers, its newlines and other control characters spaces (a
// run of newlines one space), so that all of it goes into the one answer
// and no pasted newline sends it; Ctrl-Z outside a paste stops the quiz
// (suspend); then rewriteKeys. A paste's marker
// split across reads is held until the rest of it comes.
func (r *resumeReader) keys(in []byte) []byte {
	data := append(r.held, in...)
	r.held = nil
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c == esc {
			rest := data[i:]
			switch {
			case bytes.HasPrefix(rest, []byte(pasteStart)):
				r.pasting, r.newlined = true, false
				i += len(pasteStart) - 1
				continue
			case bytes.HasPrefix(rest, []byte(pasteEnd)):
				r.pasting = false
				i += len(pasteEnd) - 1
				continue
			case len(rest) < len(pasteStart) && (r.pasting || len(rest) >= 3) &&
				(strings.HasPrefix(pasteStart, string(rest)) || strings.HasPrefix(pasteEnd, string(rest))):
				r.held = slices.Clone(rest)
				i = len(data)
				continue
			}
		}
		switch {
		case r.pasting && (c == '\r' || c == '\n'):
			if !r.newlined {
				out = append(out, ' ')
			}
			r.newlined = true
			continue
		case r.pasting && (c < 0x20 || c == 0x7f):
			c = ' '
		case c == ctrlZ:
			r.suspend() // SIGCONT redraws the prompt (resume)
			continue
		}
		r.newlined = false
		out = append(out, c)
	}
	rewriteKeys(out)
	return out
}

const (
	ctrlBackslash = 0x1c
	ctrlC         = 0x03
	esc           = 0x1b
)

func (r *resumeReader) Fd() uintptr { return uintptr(r.fd) }

// open marks a prompt open, a line of text or not, before survey makes the
// terminal raw: its mode then is the one a Ctrl-Z leaves. done marks it
// closed; a prompt cut short (Abort) is done too.
func (r *resumeReader) open(text bool) {
	if tio, err := unix.IoctlGetTermios(int(r.fd), unix.TCGETS); err == nil {
		r.lineMode = tio
	}
	r.text.Store(text)
	r.asking.Store(true)
	r.bracketedPaste(true)
}

func (r *resumeReader) done() {
	if r.asking.Swap(false) {
		r.bracketedPaste(false)
	}
}

// hungUp reports whether the plain prompter's input is a terminal that went
// away, where a read gives the end of input.
func (p *Plain) hungUp() bool {
	f, ok := p.src.(*os.File)
	if !ok {
		return false
	}
	_, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	return err == unix.EIO
}
