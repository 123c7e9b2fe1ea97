package prompt

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/AlecAivazis/survey/v2/terminal"
)

// flakyIn is a terminal whose first reads fail, as when survey's cursor
// position query gets no answer, and which then delivers keys.
type flakyIn struct {
	fails int
	keys  []byte
	reads []string // each read's bytes, as a terminal sends them; then keys
}

func (f *flakyIn) Read(p []byte) (int, error) {
	if f.fails > 0 {
		f.fails--
		return 0, errors.New("no answer")
	}
	if len(f.reads) > 0 {
		n := copy(p, f.reads[0])
		f.reads = f.reads[1:]
		return n, nil
	}
	if len(f.keys) == 0 {
		return 0, io.EOF
	}
	n := copy(p, f.keys)
	f.keys = f.keys[n:]
	return n, nil
}

func (f *flakyIn) Fd() uintptr { return ^uintptr(0) }

type nopOut struct{ bytes.Buffer }

func (o *nopOut) Fd() uintptr { return ^uintptr(0) }

// survey's line reader panics on the first key when the terminal never
// told it where the cursor is; readLine turns that one panic into
// errCursorLost, so the prompt is drawn again instead of a Go stack trace
// (seen in a CI race run of the pty tests).
func TestReadLineSurvivesALostCursor(t *testing.T) {
	// A line typed from empty: the first key meets the lost cursor, after
	// onRune has shown it to the draft.
	in := &flakyIn{fails: 2, keys: []byte("ab\r")}
	rr := terminal.NewRuneReader(terminal.Stdio{In: in, Out: &nopOut{}, Err: &nopOut{}})
	var seen []rune
	line, err := readLine(rr, nil, func(r rune, line []rune) ([]rune, bool, error) {
		seen = append(seen, r)
		return line, false, nil
	})
	if !errors.Is(err, errCursorLost) || len(line) != 0 || string(seen) != "a" {
		t.Fatalf("readLine = %q, %v, keys seen %q; want errCursorLost after the draft saw a", string(line), err, string(seen))
	}
	// A line begun with text (a refused answer asked again, a continue):
	// survey meets the lost cursor drawing it.
	in = &flakyIn{fails: 2, keys: []byte("ab\r")}
	rr = terminal.NewRuneReader(terminal.Stdio{In: in, Out: &nopOut{}, Err: &nopOut{}})
	if line, err := readLine(rr, []rune("x"), func(r rune, line []rune) ([]rune, bool, error) { return line, false, nil }); !errors.Is(err, errCursorLost) || string(line) != "x" {
		t.Fatalf("readLine = %q, %v; want the start line and errCursorLost", string(line), err)
	}
	// With a terminal that answers, it reads the line as survey does.
	in = &flakyIn{reads: []string{"\x1b[24;80R", "\x1b[1;1R", "o", "k", "\r"}}
	rr = terminal.NewRuneReader(terminal.Stdio{In: in, Out: &nopOut{}, Err: &nopOut{}})
	if line, err := readLine(rr, nil, func(r rune, line []rune) ([]rune, bool, error) { return line, false, nil }); err != nil || string(line) != "ok" {
		t.Errorf("readLine = %q, %v; want ok", string(line), err)
	}
}
