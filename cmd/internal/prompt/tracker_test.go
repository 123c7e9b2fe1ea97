package prompt

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

type bufFile struct{ bytes.Buffer }

func (*bufFile) Fd() uintptr { return os.Stdout.Fd() }

// The tracker follows survey's redraws (cursor up, clear line, draw again),
// so that clearing goes back to the prompt's first line.
func TestTrackerClearsThePrompt(t *testing.T) {
	out := &bufFile{}
	tr := &tracker{FileWriter: out}
	tr.start()
	tr.Write([]byte("? Which city?\n  [hint]\n> Baku\n  Yerevan\n"))             // 4 lines down
	tr.Write([]byte("\x1b[1A\x1b[2K\x1b[1A\x1b[2K\x1b[1A\x1b[2K\x1b[1A\x1b[2K")) // survey erases them
	tr.Write([]byte("? Which city?\n  [hint]\n  Baku\n> Yer"))                   // and redraws,
	tr.Write([]byte("evan\n"))                                                   // in two writes
	out.Reset()
	tr.clear()
	if got, want := out.String(), "\r\x1b[4A\x1b[J"; got != want {
		t.Errorf("clear wrote %q, want %q", got, want)
	}
	tr.start()
	tr.Write([]byte("\x1b[36m? x\x1b[0m\n"))
	out.Reset()
	tr.clear()
	if got, want := out.String(), "\r\x1b[1A\x1b[J"; got != want {
		t.Errorf("colour codes counted as moves: clear wrote %q, want %q", got, want)
	}
}

func TestLayoutWrapsOptionsAndAnswers(t *testing.T) {
	opts := wrapOptions([]string{"The Azerbaijani government says some one million people were forced from their homes."}, 40, multiIndent, true)
	// The first line follows the menu's marks and the letter: it, too, fits
	// in 40 columns; the later lines sit under the text.
	want := "a) The Azerbaijani government\n          says some one million people\n          were forced from their homes."
	if opts[0] != want {
		t.Errorf("wrapOptions:\n%s\nwant\n%s", opts[0], want)
	}
	if got := wrapAnswer(opts[0], 40); got != "  a) The Azerbaijani government says\n  some one million people were forced\n  from their homes." {
		t.Errorf("wrapAnswer:\n%s", got)
	}
	sel, multi, _ := templates(60, true)
	if !strings.Contains(sel, "wrapAnswer .Answer 60") || !strings.Contains(multi, "wrapAnswer $o 60") {
		t.Errorf("the templates do not wrap the answers to 60 columns")
	}
}
