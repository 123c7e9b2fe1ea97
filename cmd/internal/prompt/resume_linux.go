//go:build linux

package prompt

import (
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"

	"github.com/AlecAivazis/survey/v2/terminal"
	"golang.org/x/sys/unix"
)

// resumeReader is the terminal as survey reads it, made to survive a stop and
// a continue (Ctrl-Z or kill -TSTP, then fg). The shell puts the terminal
// back in line mode while the quiz is stopped, and survey neither notices nor
// redraws: on SIGCONT, while a prompt is open, the terminal is put back in
// survey's raw mode and survey is handed a key it ignores (NUL), on which it
// redraws the prompt. Keys are read only while survey asks for them: Read
// waits for the terminal or the wake-up pipe, never reads ahead.
type resumeReader struct {
	f      *os.File
	fd     int32 // f's, read once: f.Fd() races with a Close
	out    terminal.FileWriter
	wake   [2]int // a pipe: written on SIGCONT, read by Read
	asking atomic.Bool
}

func newResumeReader(f *os.File, out terminal.FileWriter) terminal.FileReader {
	var p [2]int
	if err := unix.Pipe2(p[:], unix.O_CLOEXEC|unix.O_NONBLOCK); err != nil {
		return f
	}
	r := &resumeReader{f: f, fd: int32(f.Fd()), out: out, wake: p}
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

// resume puts the terminal back in raw mode and wakes Read, when a prompt is
// open.
func (r *resumeReader) resume() {
	if !r.asking.Load() {
		return
	}
	// survey's own raw mode, set by a reader of its own: the state it saves
	// (the shell's line mode) is dropped, and the prompt's reader restores the
	// mode from before the prompt when the prompt ends.
	_ = terminal.NewRuneReader(terminal.Stdio{In: r.f, Out: r.out}).SetTermMode()
	_, _ = unix.Write(r.wake[1], []byte{0})
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

// Read reads keys from the terminal, or returns a NUL key after a continue.
func (r *resumeReader) Read(p []byte) (int, error) {
	for {
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
			p[0] = 0 // survey's IgnoreKey: nothing changes but the drawing
			return 1, nil
		}
		n, rerr := r.f.Read(p)
		rewriteKeys(p[:n])
		if n == 0 && err == nil && fds[0].Revents&unix.POLLHUP != 0 {
			// A terminal that hung up reads as the end of input, which a
			// terminal in raw mode never otherwise gives: say it went away.
			return 0, syscall.EIO
		}
		return n, rerr
	}
}

const (
	ctrlBackslash = 0x1c
	ctrlC         = 0x03
	esc           = 0x1b
)

func (r *resumeReader) Fd() uintptr { return uintptr(r.fd) }

// open and done mark a prompt open and closed.
func (r *resumeReader) open() { r.asking.Store(true) }
func (r *resumeReader) done() { r.asking.Store(false) }

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
