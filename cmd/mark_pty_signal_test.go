//go:build linux

package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/creack/pty"
)

const wideModel = "The Soviet Union was a communist-ruled federal state founded on 30 December 1922 and dissolved on 26 December 1991, the day after Mikhail Gorbachev resigned as its leader; by the end it was made up of fifteen union republics, Armenia and Azerbaijan among them."

// markSheets writes a bank whose open question has a long model answer and
// three paper sheets answering it, and returns their folder.
func markSheets(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	bank := strings.Replace(loopBank, `model_answer: "A union of 15 republics."`, `model_answer: "`+wideModel+`"`, 1)
	os.WriteFile(filepath.Join(dir, "loop.yaml"), []byte(bank), 0o644)
	os.Mkdir(filepath.Join(dir, "sheets"), 0o755)
	for _, s := range []string{"Amy", "Ben", "Cem"} {
		sheet := fmt.Sprintf("student: %s\nbanks: [../loop.yaml]\nanswers:\n  ussr: %q\n", s, s+" says: "+wideModel)
		os.WriteFile(filepath.Join(dir, "sheets", strings.ToLower(s)+".yaml"), []byte(sheet), 0o644)
	}
	return filepath.Join(dir, "sheets")
}

// SIGQUIT (Ctrl-\), SIGTERM and SIGHUP while marking: the marks given are
// saved, the terminal is given back, exit 130, no stack dump (issue 14 item 2
// for mark). The signals go to the whole test process: this test's own
// (ownProcess), where no other test's quiz catches them.
func TestPTYMarkSignals(t *testing.T) {
	if ownProcess(t) {
		return
	}
	markStoppedBy(t, []markStop{
		{"SIGQUIT", func(*screen) { syscall.Kill(os.Getpid(), syscall.SIGQUIT) }},
		{"SIGTERM", func(*screen) { syscall.Kill(os.Getpid(), syscall.SIGTERM) }},
		{"SIGHUP", func(*screen) { syscall.Kill(os.Getpid(), syscall.SIGHUP) }},
	})
}

// Ctrl-C while typing the comment keeps the points (test10 D4) and the
// comment as typed (attack16 #6), and so does
// Ctrl-\, a key in raw mode, not a signal.
func TestPTYMarkStopKeys(t *testing.T) {
	if ownProcess(t) {
		return
	}
	markStoppedBy(t, []markStop{
		{"Ctrl-C", func(s *screen) { s.send(keyCtrlC) }},
		{"Ctrl-backslash key", func(s *screen) { s.send("\x1c") }}, // raw mode: a key, not a signal
	})
}

// markStop is a way to stop mark in the middle of a comment.
type markStop struct {
	name string
	stop func(*screen)
}

// markStoppedBy marks Amy, gives Ben points, types half his comment and
// stops mark each way in stops: the marks given are saved, Ben's points
// with the comment as typed, Cem unmarked, exit 130.
func markStoppedBy(t *testing.T, stops []markStop) {
	t.Helper()
	for _, tc := range stops {
		t.Run(tc.name, func(t *testing.T) {
			dir := markSheets(t)
			scr, tty := newScreen(t)
			done, errOut := runOnTTY(t, tty, "mark", dir, "--marker", "T")
			scr.waitFor("Answer 1 of 3: Amy")
			scr.waitFor("Points (0 to 2")
			scr.send("2" + keyEnter)
			scr.waitFor("Comment")
			scr.send("whole" + keyEnter)
			scr.waitFor("Answer 2 of 3: Ben")
			scr.waitFor("Points (0 to 2")
			scr.send("1.5" + keyEnter)
			scr.waitFor("Comment")
			scr.send("half typed")
			scr.waitFor("half typed") // echoed: the comment box has it
			tc.stop(scr)
			select {
			case code := <-done:
				if code != ExitInterrupted {
					t.Errorf("exit %d, want %d\n%s", code, ExitInterrupted, errOut)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("mark did not stop")
			}
			if strings.Contains(errOut.String(), "goroutine") || !strings.Contains(errOut.String(), "every mark given so far is saved") {
				t.Errorf("stderr:\n%s", errOut)
			}
			checkCooked(t, tty)
			if m := sheetMarks(t, dir, "amy.yaml"); !strings.Contains(m, "points: 2\n    comment: whole") {
				t.Errorf("Amy's mark: %q", m)
			}
			// The comment as typed, shown on the screen, is kept with the
			// points (attack16 #6).
			if m := sheetMarks(t, dir, "ben.yaml"); !strings.Contains(m, "points: 1.5\n    comment: half typed\n") {
				t.Errorf("Ben's mark, stopped while the comment was typed: %q", m)
			}
			if m := sheetMarks(t, dir, "cem.yaml"); m != "" {
				t.Errorf("Cem was not marked, yet has %q", m)
			}
		})
	}
}

// mark wraps at the terminal's width, as quiz and grade do: at 80 columns no
// line is wider and no word is broken; at 130 the width is used (teacher A3).
func TestPTYMarkWidth(t *testing.T) {
	if ownProcess(t) {
		return
	}
	for _, tc := range []struct {
		width int
		plain bool
	}{{80, false}, {130, false}, {80, true}, {130, true}} {
		width := tc.width
		t.Run(fmt.Sprint(width, map[bool]string{true: " --plain"}[tc.plain]), func(t *testing.T) {
			dir := markSheets(t)
			open := newScreenSized
			if tc.plain {
				open = newSurveylessScreen
			}
			scr, tty := open(t, 120, 40, false)
			if err := pty.Setsize(scr.master, &pty.Winsize{Rows: 50, Cols: uint16(width)}); err != nil {
				t.Fatal(err)
			}
			args := []string{"mark", dir, "--marker", "T", "--student", "amy"}
			if tc.plain {
				args = append(args, "--plain")
			}
			done, errOut := runOnTTY(t, tty, args...)
			scr.waitFor("Points (0 to 2")
			if tc.plain {
				scr.waitFor("Mark:")
				scr.send("1 fine\n")
			} else {
				scr.send("1" + keyEnter)
				scr.waitFor("Comment")
				scr.send(keyEnter)
			}
			if code := <-done; code != ExitOK {
				t.Fatalf("exit %d:\n%s", code, errOut)
			}
			lines := screenLines(scr.text())
			widest := 0
			for _, l := range lines {
				n := utf8.RuneCountInString(l)
				widest = max(widest, n)
				if n > width {
					t.Errorf("a line of %d columns on a %d-column screen:\n%s", n, width, l)
				}
			}
			if width > 100 && widest <= 100 {
				t.Errorf("at %d columns the widest line is %d: the width is not used", width, widest)
			}
			words := map[string]bool{}
			for _, l := range lines {
				for _, w := range strings.Fields(l) {
					words[w] = true
				}
			}
			for _, w := range strings.Fields(wideModel) {
				if !words[w] {
					t.Errorf("the word %q of the model answer is broken or missing", w)
				}
			}
		})
	}
}

// --plain into a pipe wraps at 80 columns.
func TestMarkPlainPipeWidth(t *testing.T) {
	t.Parallel()
	dir := markSheets(t)
	code, out, errOut := runMark(t, "1\n1\n1\n", dir, "--plain")
	if code != ExitOK {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	for _, l := range strings.Split(out, "\n") {
		if n := utf8.RuneCountInString(l); n > 80 {
			t.Errorf("a line of %d columns into a pipe:\n%s", n, l)
		}
	}
}

// The Ctrl-\ key in a quiz's menu (the terminal raw, so no SIGQUIT is sent)
// stops the quiz as Ctrl-C does: the answers so far are saved, exit 130
// (test14's note on item 2).
func TestPTYQuizCtrlBackslashKey(t *testing.T) {
	if ownProcess(t) {
		return
	}
	code, _, data, errOut := stopOnSecondQuestion(t, func(scr *screen) { scr.send("\x1c") })
	if code != ExitInterrupted || strings.Contains(errOut, "goroutine") {
		t.Fatalf("exit %d, want 130; stderr:\n%s", code, errOut)
	}
	if !strings.Contains(data, `"status": "incomplete"`) || !strings.Contains(data, `"answered": 1`) {
		t.Errorf("report after the Ctrl-\\ key:\n%s", data)
	}
}
