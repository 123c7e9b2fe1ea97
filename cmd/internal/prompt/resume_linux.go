//go:build linux

package prompt

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/AlecAivazis/survey/v2/terminal"
	"golang.org/x/sys/unix"
)

// resumeReader is the terminal as survey reads it, made to survive a stop and
// a continue (Ctrl-Z or kill -TSTP, then fg). The shell puts the terminal
// back in line mode while the quiz is stopped, and survey neither notices nor
// redraws: on SIGCONT, while a prompt is open, the terminal is put back in
// survey's raw mode and survey is handed a key on which it redraws the
// prompt (resumeKey). Keys are read only while survey asks for them: Read
// waits for the terminal or the wake-up pipe. Keys read in one burst past a
// prompt's Enter are kept (ready) and given to the next prompt.
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
	// stop stops the quiz, as the terminal's Ctrl-Z would, and returns once
	// it is continued; false when it was not stopped (stopGroup).
	stop func() bool
	// stopping is set while Read waits in stop for SIGCONT, which then goes
	// to cont instead of the wake-up pipe.
	stopping atomic.Bool
	cont     chan struct{}
	// run is the context of the run asking (EndsWith): once it is done, a
	// continued quiz is ending and draws nothing. aborted: Abort came.
	run     atomic.Pointer[context.Context]
	aborted atomic.Bool
	// stopped: the open prompt was stopped and continued (moved).
	stopped atomic.Bool
	// ready holds keys read and not yet given to survey; held, the start
	// of a paste's marker split across reads; pasting, inside a paste;
	// newline, a paste's last character was a newline, already a space.
	ready, held       []byte
	pasting, newlined bool
	// unended: a paste went quiet before its end marker came; its rest may
	// still come (resumes).
	unended bool
	// pasted counts the runes a paste gave a menu (menuPasteMax).
	pasted int
	// answered counts the cursor position queries whose answer survey was
	// given, or which were given up on (awaitingReport).
	answered int
	// failed is the terminal's last read error, returned once ready is
	// empty.
	failed error
	buf    [4096]byte
}

func newResumeReader(f *os.File, out terminal.FileWriter) terminal.FileReader {
	var p [2]int
	if err := unix.Pipe2(p[:], unix.O_CLOEXEC|unix.O_NONBLOCK); err != nil {
		return f
	}
	r := &resumeReader{f: f, fd: int32(f.Fd()), out: out, wake: p, cont: make(chan struct{}, 1)}
	r.stop = r.stopGroup
	// One prompter a run: the watch lasts as long as the process.
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGCONT)
	go func() {
		for range ch {
			r.continued()
		}
	}()
	return r
}

// stopGroup stops the quiz's whole job, as the terminal's Ctrl-Z does in
// line mode: SIGTSTP to the foreground process group (kill(0, SIGTSTP), as
// vim and less do), so that a wrapper the quiz runs under (a script, make,
// go run) stops too and the shell gets the terminal back; stopped alone,
// the quiz left its wrapper waiting in the foreground and the terminal hung
// (attack9 #1). SIGTSTP keeps its default action (nothing in conflictq
// catches it), so the process stops, but any of its threads may take the
// signal and this one runs on for a moment: it draws nothing until SIGCONT
// has come (cont), and the redraw is Read's, after stop returns.
//
// It returns false at once when no stop would come: SIGTSTP ignored, or a
// group no shell watches (orphaned), whose stop the kernel drops as it
// drops the terminal's own Ctrl-Z. stopWait bounds the wait for a stop that
// never comes all the same.
func (r *resumeReader) stopGroup() bool {
	if signal.Ignored(syscall.SIGTSTP) || orphaned() {
		return false
	}
	select {
	case <-r.cont: // a continue from before
	default:
	}
	r.stopping.Store(true)
	defer r.stopping.Store(false)
	// Known before the continue: a time limit that ran out meanwhile
	// aborts the prompt as soon as the quiz runs again (moved).
	r.stopped.Store(true)
	if unix.Kill(0, unix.SIGTSTP) != nil {
		return false
	}
	t := time.NewTimer(stopWait)
	defer t.Stop()
	select {
	case <-r.cont:
		return true
	case <-t.C:
		// Either no stop came, or the timer and SIGCONT were both ready at
		// the continue: take the SIGCONT if it follows, lest it redraw twice.
		select {
		case <-r.cont:
			return true
		case <-time.After(100 * time.Millisecond):
			return false
		}
	}
}

// stopWait is how long stopGroup waits for the stop it asked for.
const stopWait = 2 * time.Second

// orphaned reports whether the quiz's process group has no parent in
// another group of its session, a shell that would continue it: the
// group's stops are dropped then. It follows the quiz's ancestors within
// its group (the wrapper's); a group whose other members have such a
// parent is taken as orphaned, and not stopped.
func orphaned() bool {
	pgrp, sid := unix.Getpgrp(), 0
	if s, err := unix.Getsid(0); err == nil {
		sid = s
	}
	pid := os.Getpid()
	for range 64 {
		ppid, ok := procParent(pid)
		if !ok || ppid <= 1 {
			return true
		}
		g, err := unix.Getpgid(ppid)
		if err != nil {
			return true
		}
		if g != pgrp {
			s, err := unix.Getsid(ppid)
			return err != nil || s != sid
		}
		pid = ppid
	}
	return true
}

// procParent is pid's parent, from /proc/PID/stat.
func procParent(pid int) (int, bool) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, false
	}
	// pid (comm) state ppid ...: comm may hold spaces and parentheses.
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return 0, false
	}
	f := strings.Fields(string(data[i+1:]))
	if len(f) < 2 {
		return 0, false
	}
	ppid, err := strconv.Atoi(f[1])
	return ppid, err == nil
}

// continued is the SIGCONT watch: a stop of Read's own (stopGroup) hears
// of it on cont; otherwise the quiz was stopped from outside (kill -TSTP,
// or Ctrl-Z between two prompts, the terminal in line mode), and Read is
// woken to draw the open prompt again.
func (r *resumeReader) continued() {
	if r.asking.Load() {
		r.stopped.Store(true)
	}
	if r.stopping.Load() {
		select {
		case r.cont <- struct{}{}:
		default:
		}
		return
	}
	if r.asking.Load() {
		_, _ = unix.Write(r.wake[1], []byte{0})
	}
}

// EndsWith gives the context of the run asking: once it is done (a signal,
// the time limit), a quiz continued after a stop draws nothing more.
func (r *resumeReader) endsWith(ctx context.Context) { r.run.Store(&ctx) }

// ending reports whether the run is ending, after a continue. A signal that
// came while the quiz was stopped (kill -TERM, then fg) is delivered with
// SIGCONT, and its handler may cancel the run a moment after this runs:
// settle is how long to give it.
func (r *resumeReader) ending(settle time.Duration) bool {
	if r.aborted.Load() {
		return true
	}
	p := r.run.Load()
	if p == nil {
		return false
	}
	ctx := *p
	if ctx.Err() != nil {
		return true
	}
	if d, ok := ctx.Deadline(); ok && !time.Now().Before(d) {
		return true // the time limit ran out while the quiz was stopped
	}
	t := time.NewTimer(settle)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return true
	case <-t.C:
		return r.aborted.Load()
	}
}

// settle: see ending.
const settle = 50 * time.Millisecond

// resume, on Read's goroutine after a continue, puts the terminal back in
// raw mode and returns the key on which survey draws the prompt again; nil
// when the run is ending, which then draws nothing, nor asks the terminal
// anything (survey's cursor query, whose answer the shell would read once
// the quiz is gone): the terminal stays in line mode and the quiz ends
// (attack9 #2).
func (r *resumeReader) resume() []byte {
	if !r.asking.Load() || r.ending(settle) {
		return nil
	}
	r.raw()
	if !r.text.Load() {
		// A menu redraws from the cursor it saved (ESC 7) when last drawn,
		// a place the shell's lines have since scrolled: save it here,
		// under them and the blank rows survey erases first.
		if t, ok := r.out.(*tracker); ok {
			t.below(t.drawn(), true)
		} else {
			_, _ = io.WriteString(r.out, "\r\n\x1b7")
		}
	}
	return r.resumeKey()
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
// terminal goes back to the line mode it had before the prompt, the cursor
// shown, and the quiz is stopped. Once continued it returns the key that
// draws the prompt again (resume), nil when the run is ending, and true. A
// quiz that was not stopped goes on as it was (false).
func (r *resumeReader) suspend() ([]byte, bool) {
	r.bracketedPaste(false)
	show := "\x1b[?25h"
	if !r.text.Load() {
		// A menu leaves the cursor on the option chosen, where the
		// shell's "Stopped" would be written over the options: put it
		// back under the menu, where survey saved it (ESC 8).
		show += "\x1b8"
	}
	_, _ = io.WriteString(r.out, show)
	if r.lineMode != nil {
		_ = unix.IoctlSetTermios(int(r.fd), unix.TCSETS, r.lineMode)
	}
	if !r.stop() {
		r.raw() // a group no shell watches is never stopped: go on reading keys
		return nil, false
	}
	return r.resume(), true
}

// rewriteKeys changes, in place, the keys survey would mishandle while it
// holds the terminal raw:
//   - Ctrl-\ sends no SIGQUIT then: it stops the prompt as Ctrl-C does, so
//     that what was given is kept rather than the key typed into an answer;
//   - Alt and a letter arrive as ESC and the letter, a sequence survey does
//     not know: it ended the whole quiz with "unexpected escape sequence"
//     (exit 2, the answer being typed lost; attack8 #1). Both bytes become
//     survey's IgnoreKey (NUL). Arrow keys (ESC [ and ESC O) pass; before a
//     control key (Enter) or another ESC, the ESC alone is dropped.
func rewriteKeys(p []byte) {
	for i := 0; i < len(p); i++ {
		switch {
		case p[i] == ctrlBackslash:
			p[i] = ctrlC
		case p[i] == esc && i+1 < len(p) && (p[i+1] == esc || p[i+1] < 0x20 || p[i+1] == 0x7f):
			// Escape alone, then another key's sequence, or a control key
			// (Escape then Enter in one read: the Enter was eaten with it,
			// attack11 #10; Alt+Enter and Alt+Backspace are the key).
			p[i] = 0
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

// Read reads keys from the terminal, or returns the resume key after a
// continue. It gives one key a call, and the terminal's answer to a cursor
// query before any key typed ahead of it (next): survey reads through a
// buffer of its own for each prompt, and for each cursor query, and drops
// what is left in it, so keys typed in a burst ("1", Enter, Enter, "0",
// Enter sent at once) were lost after the first prompt's Enter (teacher11
// P6). Keys not given yet wait in ready, for the next prompt.
func (r *resumeReader) Read(p []byte) (int, error) {
	for {
		if k := r.next(); len(k) > 0 {
			n := copy(p, k)
			if n < len(k) {
				r.ready = append(slices.Clone(k[n:]), r.ready...)
			}
			return n, nil
		}
		if r.failed != nil && len(r.ready) == 0 {
			err := r.failed
			r.failed = nil // once, as the terminal gave it
			return 0, err
		}
		fds := []unix.PollFd{{Fd: r.fd, Events: unix.POLLIN}, {Fd: int32(r.wake[0]), Events: unix.POLLIN}}
		wait := -1
		if r.pasting || len(r.held) > 0 {
			wait = int(pasteQuiet / time.Millisecond)
		}
		holding := false
		if left, ok := r.awaitingReport(); ok {
			// Keys wait for the cursor report, but not for ever: when it
			// does not come, survey is given a stand-in (awaitingReport).
			holding = true
			if ms := int(left/time.Millisecond) + 1; wait < 0 || ms < wait {
				wait = ms
			}
		}
		if !holding && len(r.ready) > 0 {
			continue // a stand-in report, just given
		}
		n, err := unix.Poll(fds, wait)
		if err == unix.EINTR {
			continue
		}
		if err == nil && n == 0 {
			if !holding {
				r.quiet()
			}
			continue
		}
		if err == nil && fds[1].Revents&unix.POLLIN != 0 {
			var drain [16]byte
			_, _ = unix.Read(r.wake[0], drain[:])
			if len(p) == 0 {
				return 0, nil
			}
			r.ready = append(r.resume(), r.ready...)
			continue
		}
		n, rerr := r.f.Read(r.buf[:])
		if n == 0 && err == nil && fds[0].Revents&unix.POLLHUP != 0 {
			// A terminal that hung up reads as the end of input, which a
			// terminal in raw mode never otherwise gives: say it went away.
			rerr = syscall.EIO
		}
		r.ready = append(r.ready, r.keys(r.buf[:n])...)
		if rerr != nil {
			r.failed = rerr
		}
	}
}

// reportWait is how long survey, and keys typed ahead of a cursor report,
// wait for it; then survey is given a stand-in report, and the keys after
// it (a terminal that does not answer). A second, so that a terminal over a
// slow link has answered.
const reportWait = time.Second

// awaitingReport reports whether survey waits for the answer to a cursor
// query (ESC[6n) it wrote, and for how long keys may still wait for it.
// After reportWait the query is given up on: survey, which reads its input
// until a report comes, taking every key typed meanwhile as part of it, is
// given a stand-in (tracker.standInReport) ahead of the keys, so that they
// reach the prompt (attack11 #9: mark sat at its first prompt for good, the
// keys typed doing nothing). After a read error survey gets the error.
func (r *resumeReader) awaitingReport() (time.Duration, bool) {
	t, ok := r.out.(*tracker)
	if !ok {
		return 0, false
	}
	asked, at := t.queries()
	if asked <= r.answered {
		return 0, false
	}
	left := reportWait - time.Since(at)
	if left <= 0 || r.failed != nil {
		if r.failed == nil {
			for range asked - r.answered {
				r.ready = append(t.standInReport(), r.ready...)
			}
		}
		r.answered = asked
		return 0, false
	}
	return left, true
}

// next takes from ready what survey is given next: while it waits for a
// cursor report, the report, wherever it is among the keys, and nothing
// until it has come; otherwise the first key. nil: nothing to give yet.
func (r *resumeReader) next() []byte {
	if len(r.ready) == 0 {
		return nil
	}
	if _, ok := r.awaitingReport(); ok {
		i, j := cursorReport(r.ready)
		if i < 0 {
			return nil
		}
		k := slices.Clone(r.ready[i:j])
		r.ready = append(r.ready[:i], r.ready[j:]...)
		r.answered++
		return k
	}
	n := keyLen(r.ready)
	k := r.ready[:n]
	r.ready = r.ready[n:]
	return k
}

// cursorReport finds a terminal's cursor report (ESC [ row ; column R) in
// b: its start and end, or -1, -1. xterm's Shift-F3 (ESC [ 1 ; 2 R) looks
// the same; it is looked for only while a report is awaited, when taking
// that key for the report is harmless.
func cursorReport(b []byte) (int, int) {
	for i := 0; i+1 < len(b); i++ {
		if n := reportLen(b[i:]); n > 0 {
			return i, i + n
		}
	}
	return -1, -1
}

// reportLen is the length of the cursor report (ESC [ row ; column R) that
// starts at b[0], or 0 when none does. It looks at no more than a report's
// longest length, so a paste of ESC bytes, each of which asks it, costs a
// paste of letters (a 1 MB paste of ESC took 2 s when every ESC scanned the
// rest of the read, review-code24 #1).
func reportLen(b []byte) int {
	if len(b) < 2 || b[0] != esc || b[1] != '[' {
		return 0
	}
	b = b[:min(len(b), len("\x1b[9999;9999R"))]
	j, semi := 2, false
	for ; j < len(b); j++ {
		c := b[j]
		if c == ';' && !semi && j > 2 && b[j-1] != ';' {
			semi = true
			continue
		}
		if c < '0' || c > '9' {
			break
		}
	}
	if j < len(b) && b[j] == 'R' && semi && b[j-1] != ';' {
		return j + 1
	}
	return 0
}

// reportStart reports whether b, all of it, may be the start of a cursor
// report whose rest has not come: ESC, ESC [, then digits and one ';'.
func reportStart(b []byte) bool {
	if len(b) > len("\x1b[9999;9999") || b[0] != esc {
		return false
	}
	if len(b) > 1 && b[1] != '[' {
		return false
	}
	semi := false
	for i := 2; i < len(b); i++ {
		switch c := b[i]; {
		case c == ';' && !semi && i > 2:
			semi = true
		case c < '0' || c > '9':
			return false
		}
	}
	return true
}

// keyLen is how many bytes of b the first key takes: an escape sequence
// whole (ESC [ … final byte, ESC O and a byte), so that survey reads an
// arrow key as one, else a rune.
func keyLen(b []byte) int {
	if b[0] == esc && len(b) > 1 {
		switch b[1] {
		case '[':
			for i := 2; i < len(b); i++ {
				if b[i] >= 0x40 && b[i] <= 0x7e {
					return i + 1
				}
			}
			return len(b) // its end has not come: as it came
		case 'O':
			return min(3, len(b))
		}
		return 1
	}
	_, n := utf8.DecodeRune(b)
	return n
}

// quiet is a pause of pasteQuiet without a key: a paste that goes quiet
// without its end marker has ended (attack9 #5), so that Enter typed then
// sends the answer; but its rest may still come (resumes). The start of a
// marker whose rest never came is dropped.
func (r *resumeReader) quiet() {
	r.unended = r.unended || r.pasting
	r.pasting, r.held = false, nil
}

// resumes reports whether keys read after a paste went quiet are the rest
// of it (attack10 #3: a 1.6 s pause, and the newline after it sent half an
// answer, the rest typed into the next prompt): they hold its end marker,
// or text after a newline, which typing never sends in one read. Enter
// typed alone, or last, still sends the answer.
func (r *resumeReader) resumes(in []byte) bool {
	if !r.unended || r.pasting {
		return false
	}
	if bytes.Contains(in, []byte(pasteEnd)) {
		return true
	}
	i := bytes.IndexAny(in, "\r\n")
	return i >= 0 && len(bytes.TrimLeft(in[i:], "\r\n")) > 0
}

// menuPasteMax is how many runes of a paste a menu takes, as the words that
// filter its options; the rest is dropped.
const menuPasteMax = 200

// pasteQuiet ends a paste whose end marker does not come. A terminal sends
// a paste whole, but a slow SSH link or a terminal that throttles a large
// paste (PuTTY, web terminals) pauses over a second inside one (attack10
// #3); five seconds without a key is the student's own pause. A paste whose
// rest comes later still is taken whole (resumes).
const pasteQuiet = 5 * time.Second

const (
	pasteStart = "\x1b[200~"
	pasteEnd   = "\x1b[201~"
	ctrlZ      = 0x1a
)

// keys turns what the terminal sent into the keys survey is given: a paste
// without its markers, its newlines and other control characters spaces (a
// run of newlines one space), so that all of it goes into the one answer
// and no pasted newline sends it; Ctrl-Z outside a paste stops the quiz
// (suspend), and the keys read after it are dropped; then rewriteKeys. A
// paste's marker
// split across reads is held until the rest of it comes.
func (r *resumeReader) keys(in []byte) []byte {
	if r.resumes(in) {
		r.pasting = true
	}
	data := append(r.held, in...)
	r.held = nil
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c == esc {
			rest := data[i:]
			switch {
			case bytes.HasPrefix(rest, []byte(pasteStart)):
				r.pasting, r.newlined, r.pasted, r.unended = true, false, 0, false
				i += len(pasteStart) - 1
				continue
			case bytes.HasPrefix(rest, []byte(pasteEnd)):
				r.pasting, r.unended = false, false
				i += len(pasteEnd) - 1
				continue
			case len(rest) < len(pasteStart) && (r.pasting || len(rest) >= 3) &&
				(strings.HasPrefix(pasteStart, string(rest)) || strings.HasPrefix(pasteEnd, string(rest))):
				r.held = slices.Clone(rest)
				i = len(data)
				continue
			case r.pasting:
				// The terminal's answer to survey's cursor query arrives
				// among the pasted keys when survey draws during a paste:
				// it is the terminal's, not pasted text, and passes whole
				// (its ESC made a space, "[20;1R" went into the answer,
				// "Khoj [20;1Raly"); the start of one is held until its
				// end comes.
				if n := reportLen(rest); n > 0 {
					out = append(out, rest[:n]...)
					i += n - 1
					continue
				}
				if reportStart(rest) {
					r.held = slices.Clone(rest)
					i = len(data)
					continue
				}
			}
		}
		switch {
		case r.pasting && (c == '\r' || c == '\n'):
			if !r.newlined {
				out = append(out, ' ')
			}
			r.newlined = true
			continue
		case r.pasting && (c == ctrlC || c == ctrlBackslash):
			// Ctrl-C stops the prompt, in a paste too: a start marker
			// with no end would otherwise hold every key (attack9 #5).
			r.pasting = false
		case r.pasting && (c < 0x20 || c == 0x7f):
			c = ' '
		case c == ctrlZ:
			k, stopped := r.suspend()
			if stopped {
				// The key that redraws the prompt goes to the prompt
				// stopped, ahead of the keys read before the Ctrl-Z, which
				// it has not had yet: after them it went to the next
				// prompt, drawn twice then.
				r.ready = append(k, r.ready...)
				// Keys read with the Ctrl-Z and after it were typed for the
				// shell the stop hands the terminal to ("echo SHELL" was
				// saved as a mark's comment at fg, attack11 #7): dropped,
				// as a terminal in line mode drops them from the job.
				r.held = nil
				i = len(data)
			}
			// Not stopped (k is nil): nothing to draw again.
			continue
		case c == ctrlU && !r.text.Load():
			// Ctrl-U clears a line in a shell; survey's menus clear their
			// filter at Ctrl-W or Ctrl-X alone, and a long filter took a
			// Backspace a rune (attack10 #11).
			c = ctrlX
		}
		if r.pasting && !r.text.Load() {
			// A menu filters and draws itself again at every key: a long
			// paste took it minutes (attack9 #6), and no filter is long.
			if c&0xc0 != 0x80 { // a rune's first byte: cut between runes
				r.pasted++
			}
			if r.pasted > menuPasteMax {
				continue
			}
		}
		r.newlined = false
		out = append(out, c)
	}
	rewriteKeys(out)
	return out
}

func (r *resumeReader) Fd() uintptr { return uintptr(r.fd) }

// typedAhead reports whether keys read with the last one given wait for
// the next prompt, the first of them not Enter: a line typed ahead, in a
// burst or a paste (input.PromptAgain). Called on survey's goroutine, as
// Read is.
func (r *resumeReader) typedAhead() bool {
	return len(r.ready) > 0 && r.ready[0] != '\r' && r.ready[0] != '\n'
}

// unread gives keys back, to be read before any other: a key a prompt
// took that was meant for the next (Survey.MultiSelect). Called on
// survey's goroutine, as Read is.
func (r *resumeReader) unread(keys []byte) {
	r.ready = append(slices.Clone(keys), r.ready...)
}

// open marks a prompt open, a line of text or not, before survey makes the
// terminal raw: its mode then is the one a Ctrl-Z leaves. done marks it
// closed; a prompt cut short (Abort) is done too.
func (r *resumeReader) open(text bool) {
	if tio, err := unix.IoctlGetTermios(int(r.fd), unix.TCGETS); err == nil {
		r.lineMode = tio
	}
	// A paste cut short (its end marker lost) ends with its prompt.
	r.pasting, r.newlined, r.held, r.unended = false, false, nil, false
	r.aborted.Store(false)
	r.stopped.Store(false)
	r.text.Store(text)
	r.asking.Store(true)
	r.bracketedPaste(true)
}

// abort marks the run ending: a quiz cut short while stopped draws nothing
// when continued.
func (r *resumeReader) abort() { r.aborted.Store(true) }

func (r *resumeReader) moved() bool { return r.stopped.Load() }

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

// typedAhead reports whether a line was typed before the plain prompter
// asked for it: read already, or waiting in the terminal (a terminal in
// line mode gives a line a read).
func (p *Plain) typedAhead() bool {
	if p.in.Buffered() > 0 {
		return true
	}
	f, ok := p.src.(*os.File)
	if !ok {
		return false
	}
	n, err := unix.IoctlGetInt(int(f.Fd()), unix.TIOCINQ)
	return err == nil && n > 0
}
