//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package cmd

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/creack/pty"
)

var escapes = regexp.MustCompile(`\x1b(\[[0-9;?]*[A-Za-z]|[^\[])`)

// screenLines splits what a program drew into the lines a terminal shows,
// without escape codes.
func screenLines(drawn string) []string {
	plain := escapes.ReplaceAllString(drawn, "")
	return strings.FieldsFunc(plain, func(r rune) bool { return r == '\n' || r == '\r' })
}

// TestQuizFitsTheWidth takes a quiz on terminals 80 and 100 columns wide
// and checks that conflictq and survey never draw a line wider than the
// screen, which the terminal would break inside a word: the prompts, the
// options, survey's key hints and the echoed answers. 80 is the narrowest
// screen we support and 100 the widest the quiz uses (wider screens wrap at
// 100); every width between takes the same wrapping code, so a third run at
// 90 cost 0.6 s, then of the serialized terminal tests, and tested nothing
// more.
func TestQuizFitsTheWidth(t *testing.T) {
	if ownProcess(t) {
		return
	}
	for _, width := range []int{80, 100} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			scr, tty := newScreen(t)
			if err := pty.Setsize(scr.master, &pty.Winsize{Rows: 50, Cols: uint16(width)}); err != nil {
				t.Fatal(err)
			}
			done, errOut := runOnTTY(t, tty, "quiz", "--seed", "16", "-n", "3")
			scr.waitFor("Question 1 of 3")
			scr.waitFor("Enter to choose")
			scr.send(keyDown + keyDown + keyEnter)
			scr.next()
			scr.waitFor("Question 2 of 3")
			scr.waitFor("space to tick")
			scr.send(keySpace + keyDown + keySpace + keyEnter)
			scr.next()
			scr.waitFor("Question 3 of 3")
			scr.send("Human Rights Watch and journalists who saw the bodies" + keyEnter)
			scr.next()
			scr.waitFor("Summary")
			if code := <-done; code != ExitOK {
				t.Fatalf("exit %d; stderr: %s", code, errOut)
			}
			drawn := scr.text()
			for _, line := range screenLines(drawn) {
				if n := utf8.RuneCountInString(line); n > width {
					t.Errorf("a line of %d columns on a %d-column screen:\n%s", n, width, line)
				}
			}
			if strings.Contains(drawn, "(choose all that apply)") {
				t.Error("the multi-select prompt adds a hint its text already gives")
			}
			// The echoed answer sits under its prompt, whole, with the letter the
			// menu showed beside it (two downs: c).
			if !slices.Contains(screenLines(drawn), "  c) As part of a policy of genocide carried out by Armenia") {
				t.Errorf("the chosen option is not echoed whole on a line of its own:\n%s", strings.Join(screenLines(drawn), "\n"))
			}
		})
	}
}

// An order question on an 80-column screen: each position's menu fits, and
// the last item is shown in its place before the answer is judged.
func TestOrderShowsTheLastItem(t *testing.T) {
	if ownProcess(t) {
		return
	}
	scr, tty := newScreen(t)
	if err := pty.Setsize(scr.master, &pty.Winsize{Rows: 50, Cols: 80}); err != nil {
		t.Fatal(err)
	}
	done, errOut := runOnTTY(t, tty, "quiz", "--bank", "timeline", "--seed", "5", "-n", "1")
	scr.waitFor("which comes first?")
	for pos := 2; pos <= 7; pos++ {
		scr.waitFor("Enter to choose")
		scr.send(keyEnter)
		scr.waitFor(fmt.Sprintf("Position %d of 8", pos))
	}
	scr.waitFor("Enter to choose")
	scr.send(keyEnter)
	scr.waitFor("Position 8 of 8, the one left:")
	scr.next()
	scr.waitFor("Summary")
	if code := <-done; code != ExitOK {
		t.Fatalf("exit %d; stderr: %s", code, errOut)
	}
	lines := screenLines(scr.text())
	for _, line := range lines {
		if n := utf8.RuneCountInString(line); n > 80 {
			t.Errorf("a line of %d columns on an 80-column screen:\n%s", n, line)
		}
	}
	i := slices.Index(lines, "Position 8 of 8, the one left:")
	if i < 0 || i+1 == len(lines) || !strings.HasPrefix(lines[i+1], "  ") || strings.TrimSpace(lines[i+1]) == "" {
		t.Errorf("the last item is not shown under \"the one left\":\n%s", strings.Join(lines, "\n"))
	}
}
