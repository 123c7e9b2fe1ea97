package prompt

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/core"
	"github.com/creack/pty"
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
	// The echo, too, hangs its later lines under the text, not the letter
	// (teacher16 P3); an answer with no letter under its first word.
	if got := wrapAnswer(opts[0], 40); got != "  a) The Azerbaijani government says\n     some one million people were forced\n     from their homes." {
		t.Errorf("wrapAnswer:\n%s", got)
	}
	if got := wrapAnswer("It said some one million people were forced from their homes.", 40); got != "  It said some one million people were\n  forced from their homes." {
		t.Errorf("wrapAnswer with no letter:\n%s", got)
	}
	sel, multi, _ := templates(60, true)
	if !strings.Contains(sel, "wrapAnswer .Answer 60") || !strings.Contains(multi, "wrapAnswer $o 60") {
		t.Errorf("the templates do not wrap the answers to 60 columns")
	}
}

// sizedFile is a buffer whose Fd is a terminal of a known size.
type sizedFile struct {
	bytes.Buffer
	tty *os.File
}

func (f *sizedFile) Fd() uintptr { return f.tty.Fd() }

// screen80x24 is a file whose terminal is 80x24, for the tracker to measure;
// it records what is written to it.
func screen80x24(t *testing.T) *sizedFile {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skip("no pseudo-terminal:", err)
	}
	t.Cleanup(func() { ptmx.Close(); tty.Close() })
	if err := pty.Setsize(tty, &pty.Winsize{Rows: 24, Cols: 80}); err != nil {
		t.Fatal(err)
	}
	return &sizedFile{tty: tty}
}

// teacher9 P6: after a time limit cut a question short, its header's "43s
// left" stayed above "Time is up". The tracker follows the rows below the
// header through survey's drawing and Abort's clear, and writes a line
// over the header's row, the cursor put back; a header scrolled off the
// screen, or lost to a move above it, is left alone.
func TestTrackerReplacesTheHeader(t *testing.T) {
	out := screen80x24(t)
	tr := &tracker{FileWriter: out}
	tr.markHeader()
	tr.start()
	tr.Write([]byte("\n\n\n\x1b[3A? How many?\n> 61"))            // the input's reserved rows, the prompt
	tr.Write([]byte("\x1b[1A\x1b[2K? How many?\n> 613\n\x1b[1A")) // redrawn
	tr.clear()                                                    // Abort: back to the prompt's first row
	out.Reset()
	tr.replaceHeader("Question 1 of 1 · time is up")
	if got, want := out.String(), "\r\x1b[1A\x1b[2KQuestion 1 of 1 · time is up\r\x1b[1B"; got != want {
		t.Errorf("wrote %q, want %q", got, want)
	}

	// A match's second menu, under the first one's answer.
	tr.markHeader()
	tr.start()
	tr.Write([]byte("? Pair them\n  Khojaly → ?\n> a) Xocalı\n  b) Shusha\n"))
	tr.Write([]byte("\x1b[4A\x1b[J? Pair them Khojaly → ? a) Xocalı\n"))
	tr.start()
	tr.Write([]byte("? Shusha → ?\n> a) Xocalı\n"))
	tr.clear()
	out.Reset()
	tr.replaceHeader("H")
	if got, want := out.String(), "\r\x1b[2A\x1b[2KH\r\x1b[2B"; got != want {
		t.Errorf("second menu: wrote %q, want %q", got, want)
	}

	for name, draw := range map[string]string{
		"scrolled off": strings.Repeat("line\n", 30),
		"moved above":  "\x1b[3A",
	} {
		tr.markHeader()
		tr.start()
		tr.Write([]byte(draw))
		out.Reset()
		tr.replaceHeader("H")
		if out.Len() > 0 {
			t.Errorf("%s: wrote %q, want nothing", name, out.String())
		}
	}
}

// teacher13 A1: survey saves the cursor (ESC 7), steps up over a
// multi-select's options and puts it back (ESC 8); the tracker must not
// count those steps, or it loses the header and cannot clear to it.
func TestTrackerFollowsASavedCursor(t *testing.T) {
	out := screen80x24(t)
	tr := &tracker{FileWriter: out}
	tr.markHeader()
	tr.start()
	tr.Write([]byte("? Which powers?\n  [hint]\n> [ ] Russia\n  [ ] Iran\n"))           // 4 rows under the header row
	tr.Write([]byte("\x1b7\x1b[1A\x1b[0G\x1b[1A\x1b[0G\x1b[1A\x1b[0G\x1b8"))            // up and back: no move
	tr.Write([]byte("\x1b[2K\x1b[1A\x1b[2K\x1b[1A\x1b[2K\x1b[1A\x1b[2K\x1b[1A\x1b[2K")) // erased
	tr.Write([]byte("? Which powers?\n  (none ticked)\n"))                              // the answer
	tr.Write([]byte("? Hand it in with nothing ticked? No\n"))                          // the confirm
	out.Reset()
	tr.clearToHeader()
	if got, want := out.String(), "\r\x1b[3A\x1b[J"; got != want {
		t.Errorf("clearToHeader wrote %q, want %q (back to the row under the header)", got, want)
	}
}

// teacher13 P2: a refused reply shows its message as a sentence, without
// survey's "Sorry, your reply was invalid:".
func TestErrorTemplateSaysWhatToDo(t *testing.T) {
	registerFuncs()
	_, layout, err := core.RunTemplate(fmt.Sprintf(errorTemplate, 80), &survey.ErrorTemplateData{Error: errors.New("please type a year, such as 1950"), Icon: survey.Icon{Text: "X"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "X Please type a year, such as 1950.\n"; layout != want {
		t.Errorf("drawn %q, want %q", layout, want)
	}
	// Wrapped at word boundaries, under its first word: "(such as 0" and
	// ".5)" were split across rows at 80 columns.
	_, layout, err = core.RunTemplate(fmt.Sprintf(errorTemplate, 40), &survey.ErrorTemplateData{Error: errors.New(`"1.5 good" is not a number of points; give 0 to 1 points, in halves (such as 0.5)`), Icon: survey.Icon{Text: "X"}})
	if want := "X \"1.5 good\" is not a number of points;\n  give 0 to 1 points, in halves (such as\n  0.5).\n"; err != nil || layout != want {
		t.Errorf("drawn %q, %v; want %q", layout, err, want)
	}
	if got := sentence(errors.New("")); got != "" {
		t.Errorf("an empty message drawn as %q", got)
	}
}
