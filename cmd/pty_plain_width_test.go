//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package cmd

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/creack/pty"
)

// Plain mode on an 80-column terminal wraps at word boundaries too: the
// prompt, each option (its later lines under its text) and the feedback; a
// prompt that already says "True or false" is not prefixed with it again.
func TestPlainQuizFitsTheWidth(t *testing.T) {
	t.Parallel()
	const width = 80
	scr, tty := newSurveylessScreen(t, 120, 40, false) // --plain
	if err := pty.Setsize(scr.master, &pty.Winsize{Rows: 50, Cols: width}); err != nil {
		t.Fatal(err)
	}
	done, errOut := runOnTTY(t, tty, "quiz", "--plain", "--no-history", "--bank", "perspectives", "--seed", "2", "-n", "2")
	scr.waitFor("Your answer (1-2, true or false):")
	scr.send("1\r")
	scr.next()
	scr.waitFor("Your answer (1-4 or a-d):")
	scr.send("2\r")
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
	if strings.Contains(drawn, "True or false? True or false") {
		t.Error("the prompt says True or false twice")
	}
	if !strings.Contains(drawn, "  2) Both names let every reader know the place; using only one can signal a\r\n     side") {
		t.Errorf("a long option does not hang under its text:\n%s", strings.Join(screenLines(drawn), "\n"))
	}
}
