package prompt

import (
	"bytes"
	"testing"
)

func TestRewriteKeys(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"abc", "abc"},
		{"\x1c", "\x03"},                 // Ctrl-\ stops the prompt as Ctrl-C
		{"19\x1bb23", "19\x00\x0023"},    // Alt+b is nothing, not the end of the quiz
		{"\x1b[D\x1bOH", "\x1b[D\x1bOH"}, // arrows and Home pass
		{"x\x1b", "x\x1b"},               // an ESC alone at the end waits for survey
		{"\x1b\x1b[A", "\x00\x1b[A"},     // Escape, then the up arrow
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
	r := &resumeReader{fd: -1, out: nopWriter{}, stop: func() { stopped++ }}
	for _, tc := range []struct{ in, want string }{
		{"abc\r", "abc\r"},
		{"\x1b[200~First line.\r\nSecond line.\n\nThird.\x1b[201~", "First line. Second line. Third."},
		{"\x1b[200~tab\there, ^C \x03 and ^Z \x1a stay text\x1b[201~\r", "tab here, ^C   and ^Z   stay text\r"},
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

type nopWriter struct{}

func (nopWriter) Write(p []byte) (int, error) { return len(p), nil }
func (nopWriter) Fd() uintptr                 { return ^uintptr(0) }
