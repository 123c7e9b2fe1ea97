package prompt

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestRewriteKeys(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"abc", "abc"},
		{"\x1c", "\x03"},                 // Ctrl-\ stops the prompt as Ctrl-C
		{"19\x1bb23", "19\x00\x0023"},    // Alt+b is nothing, not the end of the quiz
		{"\x1b[D\x1bOH", "\x1b[D\x1bOH"}, // arrows and Home pass
		{"x\x1b", "x\x1b"},               // an ESC alone at the end waits for survey
		{"\x1b\x1b[A", "\x00\x1b[A"},     // Escape, then the up arrow
		{"1\x1b\r", "1\x00\r"},           // Escape, then Enter: the Enter is kept (attack11 #10)
		{"ab\x1b\x7f", "ab\x00\x7f"},     // Alt+Backspace is Backspace
	} {
		p := []byte(tc.in)
		rewriteKeys(p)
		if !bytes.Equal(p, []byte(tc.want)) {
			t.Errorf("rewriteKeys(%q) = %q, want %q", tc.in, p, tc.want)
		}
	}
}

// A paste arrives between the bracketed-paste markers: its newlines become
// one space each run, its control keys spaces, so that the whole of it goes
// into the one answer and nothing in it sends the answer or stops the quiz;
// a marker split across reads is held until its end comes. Ctrl-Z outside a
// paste stops the quiz (suspend) and is no key.
func TestResumeReaderKeys(t *testing.T) {
	stopped := 0
	r := &resumeReader{fd: -1, out: nopWriter{}, stop: func() bool { stopped++; return false }}
	for _, tc := range []struct{ in, want string }{
		{"abc\r", "abc\r"},
		{"\x1b[200~First line.\r\nSecond line.\n\nThird.\x1b[201~", "First line. Second line. Third."},
		{"\x1b[200~tab\there, ^Z \x1a and ESC \x1b stay text\x1b[201~\r", "tab here, ^Z   and ESC   stay text\r"},
		// Ctrl-C stops the prompt, in a paste too, and ends the paste.
		{"\x1b[200~20\x03", "20\x03"},
		{"\r", "\r"},
		{"\x1b[200~split", "split"},
		{"\nend\x1b[20", " end"},
		{"1~ after\r", " after\r"},
		{"\x1b[A\x1b[2~", "\x1b[A\x1b[2~"}, // keys pass, Insert too
		{"ab\x1acd", "abcd"},
	} {
		if got := string(r.keys([]byte(tc.in))); got != tc.want {
			t.Errorf("keys(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if stopped != 1 {
		t.Errorf("stopped %d times, want once (the Ctrl-Z outside a paste)", stopped)
	}
}

// Keys read with a Ctrl-Z that stopped the quiz, after it, were typed for
// the shell: they are dropped, and those before it kept (attack11 #7: "echo
// SHELL" was saved as a mark's comment after fg). A quiz that was not
// stopped keeps them all.
func TestResumeReaderDropsKeysAfterAStop(t *testing.T) {
	r := &resumeReader{fd: -1, out: nopWriter{}, stop: func() bool { return true }}
	if got := string(r.keys([]byte("0\r\x1aecho SHELL\r"))); got != "0\r" {
		t.Errorf("keys = %q, want the keys before the Ctrl-Z only", got)
	}
	if got := string(r.keys([]byte("1\r"))); got != "1\r" {
		t.Errorf("keys after the continue = %q", got)
	}
	// At a prompt: the key that draws it again goes ahead of the keys
	// read before the Ctrl-Z, to the prompt that was stopped (else the
	// next prompt was drawn twice).
	r.open(true)
	r.ready = []byte("a")
	if got := string(r.keys([]byte("0\r\x1aecho SHELL\r"))); got != "0\r" {
		t.Errorf("at a prompt: keys = %q, want the keys before the Ctrl-Z only", got)
	}
	if got, want := string(r.ready), string(resumeRune)+"a"; got != want {
		t.Errorf("ready = %q, want %q: the redraw first", got, want)
	}
	r.done()
	r.ready = nil
	r.stop = func() bool { return false }
	if got := string(r.keys([]byte("0\r\x1aecho\r"))); got != "0\recho\r" {
		t.Errorf("not stopped: keys = %q, want all but the Ctrl-Z", got)
	}
}

// The terminal's answer to a cursor query that arrives inside a paste is
// the terminal's, not pasted text: it passes whole, even split across
// reads, and the paste goes on (a ESC made a space, and "Khoj [20;1Raly"
// was the answer recorded: TestPTYCtrlCInAnUnfinishedPaste failed so at a
// load of 12).
func TestResumeReaderCursorReportInAPaste(t *testing.T) {
	for _, reads := range [][]string{
		{"\x1b[200~Khoj\x1b[20;1Raly\r"},
		{"\x1b[200~Khoj\x1b", "[20;1Raly\r"},
		{"\x1b[200~Khoj\x1b[", "20;1Raly\r"},
		{"\x1b[200~Khoj\x1b[2", "0;1Raly\r"},
		{"\x1b[200~Khoj\x1b[20;", "1Raly\r"},
		{"\x1b[200~Khoj\x1b[20;1", "Raly\r"},
	} {
		r := &resumeReader{fd: -1, out: nopWriter{}, stop: func() bool { return false }}
		var got string
		for _, in := range reads {
			got += string(r.keys([]byte(in)))
		}
		if want := "Khoj\x1b[20;1Raly "; got != want {
			t.Errorf("reads %q: keys = %q, want %q", reads, got, want)
		}
	}
	// What only looks like the start of one is pasted text, as before.
	r := &resumeReader{fd: -1, out: nopWriter{}, stop: func() bool { return false }}
	if got, want := string(r.keys([]byte("\x1b[200~a\x1b[20xb\x1b[201~"))), "a [20xb"; got != want {
		t.Errorf("keys = %q, want %q", got, want)
	}
}

// ESC bytes inside a paste are pasted text, spaces, and cost what letters
// cost: each ESC looks for a cursor report only where it starts, not in all
// the rest of the read (a 1 MB paste of ESC took 2 s, review-code24 #1).
func TestResumeReaderEscPaste(t *testing.T) {
	r := &resumeReader{fd: -1, out: nopWriter{}, stop: func() bool { return false }}
	r.text.Store(true)
	in := pasteStart + strings.Repeat("\x1b", 4096) + pasteEnd
	if got, want := string(r.keys([]byte(in))), strings.Repeat(" ", 4096); got != want {
		t.Errorf("4096 ESC in a paste gave %d bytes %q..., want 4096 spaces", len(got), got[:min(len(got), 20)])
	}
	// Linear, asserted by what is read, not by a clock (review-code25 #6;
	// the speed is BenchmarkKeysEscPaste's): reportLen, called at each ESC,
	// reads at most a whole report's bytes, so a paste costs the same per
	// byte whatever follows. A report whose R lies past that cap is not
	// found, which it would be if reportLen read on to the end.
	most := len("\x1b[9999;9999R")
	escs := []byte(strings.Repeat("\x1b", 64<<10))
	if reportLen(escs) != 0 || reportLen(escs[:most]) != 0 {
		t.Errorf("reportLen of ESC bytes = %d, %d; want 0", reportLen(escs), reportLen(escs[:most]))
	}
	long := []byte("\x1b[1;" + strings.Repeat("1", 64<<10) + "R")
	if got := reportLen(long); got != 0 {
		t.Errorf("reportLen read %d bytes of a 64 KB run of digits, want 0 (at most %d read)", got, most)
	}
	if got := reportLen([]byte("\x1b[9999;9999Rrest")); got != most {
		t.Errorf("reportLen of the longest report = %d, want %d", got, most)
	}
}

// BenchmarkKeysEscPaste reads a 1 MB paste of ESC bytes in 4 KB reads.
func BenchmarkKeysEscPaste(b *testing.B) {
	in := []byte(pasteStart + strings.Repeat("\x1b", 1<<20) + pasteEnd)
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		r := &resumeReader{fd: -1, out: nopWriter{}, stop: func() bool { return false }}
		r.text.Store(true)
		for p := in; len(p) > 0; {
			n := min(len(p), 4096)
			r.keys(p[:n])
			p = p[n:]
		}
	}
}

// reportStart takes what may be the start of a cursor report whose rest
// has not come (held until it comes) and nothing else: not a whole report,
// not another key's sequence, not more digits than a report has.
func TestReportStart(t *testing.T) {
	for in, want := range map[string]bool{
		"\x1b": true, "\x1b[": true, "\x1b[2": true, "\x1b[20;": true, "\x1b[20;1": true,
		"\x1b[;": false, "\x1b[2;3;": false, "\x1bO": false, "\x1b[2x": false, "\x1b[20;1R": false,
		"\x1b[123456789;1": false,
	} {
		if got := reportStart([]byte(in)); got != want {
			t.Errorf("reportStart(%q) = %v, want %v", in, got, want)
		}
	}
}

// A paste whose end marker never comes ends with its prompt: the next
// prompt's keys are keys again (attack9 #5).
func TestResumeReaderPasteEndsWithPrompt(t *testing.T) {
	r := &resumeReader{fd: -1, out: nopWriter{}, stop: func() bool { return false }}
	if got := string(r.keys([]byte("\x1b[200~20"))); got != "20" {
		t.Fatalf("keys = %q", got)
	}
	if got := string(r.keys([]byte("24\r"))); got != "24 " {
		t.Fatalf("inside the paste, keys = %q, want Enter as a space", got)
	}
	r.open(true)
	if got := string(r.keys([]byte("24\r\x1b[20"))); got != "24\r" {
		t.Errorf("at the next prompt, keys = %q, want Enter", got)
	}
}

// A paste whose end marker never comes ends when the keys pause: Enter
// typed after it sends the answer (attack9 #5).
func TestResumeReaderPasteEndsWhenQuiet(t *testing.T) {
	r := &resumeReader{fd: -1, out: nopWriter{}, stop: func() bool { return false }}
	if got := string(r.keys([]byte("\x1b[200~20\x1b[2"))); got != "20" {
		t.Fatalf("keys = %q", got)
	}
	r.quiet()
	if got := string(r.keys([]byte("24\r"))); got != "24\r" {
		t.Errorf("after a pause, keys = %q, want Enter", got)
	}
}

// A paste that pauses longer than pasteQuiet (a slow link) and then goes
// on: its rest, newlines and all, goes into the same answer, and its end
// marker is never typed (attack10 #3). Enter typed alone after the pause
// still sends the answer.
func TestResumeReaderPasteResumesAfterAPause(t *testing.T) {
	r := &resumeReader{fd: -1, out: nopWriter{}, stop: func() bool { return false }}
	if got := string(r.keys([]byte("\x1b[200~first line\n"))); got != "first line " {
		t.Fatalf("keys = %q", got)
	}
	r.quiet()
	if got := string(r.keys([]byte("second line\nthird line\x1b[201~"))); got != "second line third line" {
		t.Errorf("the rest of the paste: keys = %q, want it in the answer, no Enter", got)
	}
	if got := string(r.keys([]byte("\r"))); got != "\r" {
		t.Errorf("after its end: keys = %q, want Enter", got)
	}

	// The rest in two reads, the first without the marker.
	r.open(true)
	r.keys([]byte("\x1b[200~one\n"))
	r.quiet()
	if got := string(r.keys([]byte("two\nthr"))); got != "two thr" {
		t.Errorf("the rest's first read: keys = %q", got)
	}
	if got := string(r.keys([]byte("ee\n\x1b[201~"))); got != "ee " {
		t.Errorf("the rest's last read: keys = %q", got)
	}

	// The marker never comes: Enter typed alone sends the answer.
	r.open(true)
	r.keys([]byte("\x1b[200~one\n"))
	r.quiet()
	if got := string(r.keys([]byte("\r"))); got != "\r" {
		t.Errorf("Enter alone after the pause: keys = %q, want Enter", got)
	}
}

// After a continue, a run that is ending (its context done, the time limit
// passed, Abort) draws nothing: no raw mode, no redraw key, no cursor query
// (attack9 #2); a run going on gets the key that redraws its prompt.
func TestResumeOnlyWhileTheRunGoesOn(t *testing.T) {
	live := context.Background()
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	past, stop := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer stop()
	for _, tc := range []struct {
		name    string
		ctx     context.Context
		aborted bool
		want    bool
	}{
		{"no run given", nil, false, true},
		{"run going on", live, false, true},
		{"signal", cancelled, false, false},
		{"time limit passed while stopped", past, false, false},
		{"aborted", live, true, false},
	} {
		r := &resumeReader{fd: -1, out: nopWriter{}}
		if tc.ctx != nil {
			r.endsWith(tc.ctx)
		}
		r.aborted.Store(tc.aborted)
		if got := !r.ending(0); got != tc.want {
			t.Errorf("%s: goes on = %v, want %v", tc.name, got, tc.want)
		}
	}
	// A signal handled a moment after the continue still counts.
	late, cancelLate := context.WithCancel(context.Background())
	r := &resumeReader{fd: -1, out: nopWriter{}}
	r.endsWith(late)
	go cancelLate()
	if !r.ending(10 * time.Second) {
		t.Error("a run cancelled during the settle was taken as going on")
	}
}

// A menu takes the first menuPasteMax runes of a paste, as the words that
// filter it: it draws itself again at every key, and a 100 KB paste took
// it 24 s of CPU (attack9 #6). A text prompt takes the whole paste.
func TestResumeReaderMenuTakesTheStartOfAPaste(t *testing.T) {
	long := strings.Repeat("x", 10*menuPasteMax)
	r := &resumeReader{fd: -1, out: nopWriter{}}
	if got := r.keys([]byte(pasteStart + long + pasteEnd + "\r")); len(got) != menuPasteMax+1 {
		t.Errorf("a menu took %d bytes of a paste of %d, want %d and Enter", len(got)-1, len(long), menuPasteMax)
	}
	r.open(false)
	if got := string(r.keys([]byte(pasteStart + strings.Repeat("ı", 2*menuPasteMax) + pasteEnd))); got != strings.Repeat("ı", menuPasteMax) {
		t.Errorf("a menu took %q of a paste of ı, want %d whole runes", got, menuPasteMax)
	}
	r.open(true)
	if got := r.keys([]byte(pasteStart + long + pasteEnd)); len(got) != len(long) {
		t.Errorf("a text prompt took %d bytes of a paste of %d", len(got), len(long))
	}
}

type nopWriter struct{}

func (nopWriter) Write(p []byte) (int, error) { return len(p), nil }
func (nopWriter) Fd() uintptr                 { return ^uintptr(0) }

// Ctrl-U clears a menu's filter, as it clears a line in a shell: it
// becomes survey's Ctrl-X (attack10 #11). A line of text keeps it.
func TestResumeReaderCtrlUClearsAMenuFilter(t *testing.T) {
	r := &resumeReader{fd: -1, out: nopWriter{}, stop: func() bool { return false }}
	r.open(false)
	if got := string(r.keys([]byte("zz\x15"))); got != "zz\x18" {
		t.Errorf("in a menu: keys = %q, want Ctrl-X", got)
	}
	r.open(true)
	if got := string(r.keys([]byte("zz\x15"))); got != "zz\x15" {
		t.Errorf("in a line of text: keys = %q, want Ctrl-U kept", got)
	}
}

// Keys go to survey one a read, so that none is left in the buffer of a
// prompt that has ended (teacher11 P6); while survey waits for a cursor
// report (ESC[6n written), the report goes first, ahead of keys typed
// before it came, which a cursor query's own buffer kept from the prompt
// that asked. A query not answered within reportWait is given up on.
func TestResumeReaderGivesOneKeyAndTheReportFirst(t *testing.T) {
	tr := &tracker{FileWriter: &bufFile{}}
	r := &resumeReader{fd: -1, out: tr}
	take := func() []string {
		var got []string
		for k := r.next(); k != nil; k = r.next() {
			got = append(got, string(k))
		}
		return got
	}
	r.ready = []byte("1\r\x1b[A\x1bOHé\r")
	if got, want := take(), []string{"1", "\r", "\x1b[A", "\x1bOH", "é", "\r"}; !slices.Equal(got, want) {
		t.Errorf("keys given %q, want %q", got, want)
	}
	tr.Write([]byte("\x1b7\x1b[999;999f\x1b[6n\x1b8"))
	r.ready = []byte("\r0\r")
	if got := take(); got != nil {
		t.Errorf("keys given %q while the cursor report is awaited", got)
	}
	r.ready = append(r.ready, "\x1b[24;80R\r"...)
	if got, want := take(), []string{"\x1b[24;80R", "\r", "0", "\r", "\r"}; !slices.Equal(got, want) {
		t.Errorf("keys given %q, want %q: the report first", got, want)
	}
	// A terminal that never answers: after reportWait survey is given a
	// stand-in report, which its wait reads up to, then the keys (attack11
	// #9: survey took every key typed as part of the report it awaited).
	// A query from the screen's corner measures the screen: its stand-in
	// is the size; a cursor query's, the start of the last row.
	tr.Write([]byte("\x1b[6n"))
	tr.mu.Lock()
	tr.askedAt = tr.askedAt.Add(-reportWait)
	tr.mu.Unlock()
	r.ready = []byte("ab")
	if got, want := take(), []string{"\x1b[24;1R", "a", "b"}; !slices.Equal(got, want) {
		t.Errorf("keys given %q, want %q after the wait", got, want)
	}
	tr.Write([]byte("\x1b[999;999f\x1b[6n"))
	tr.mu.Lock()
	tr.askedAt = tr.askedAt.Add(-reportWait)
	tr.mu.Unlock()
	r.ready = []byte("c")
	if got, want := take(), []string{"\x1b[24;80R", "c"}; !slices.Equal(got, want) {
		t.Errorf("keys given %q, want %q after the wait", got, want)
	}
}

func TestCursorReport(t *testing.T) {
	for in, want := range map[string][2]int{
		"\x1b[24;80R":     {0, 8},
		"ab\x1b[1;1Rc":    {2, 8},
		"\x1b[A\x1b[2;3R": {3, 9},
		"\x1b[;1R":        {-1, -1},
		"\x1b[12R":        {-1, -1},
		"\x1b[1;R":        {-1, -1},
		"\x1b[1;2":        {-1, -1},
		"R":               {-1, -1},
	} {
		if i, j := cursorReport([]byte(in)); i != want[0] || j != want[1] {
			t.Errorf("cursorReport(%q) = %d, %d; want %v", in, i, j, want)
		}
	}
}
