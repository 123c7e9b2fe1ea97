//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz/report"
)

// Ctrl-C while marking on a terminal keeps every mark already given.
func TestPTYMarkCtrlCKeepsMarks(t *testing.T) {
	if ownProcess(t) {
		return
	}
	dir, scr, tty, done, errOut := markTwo(t)
	scr.send("1.5" + keyEnter)
	scr.waitFor("Comment")
	scr.send("clear" + keyEnter)
	scr.waitFor("Answer 2 of 2: Student 02")
	scr.waitFor("Points (0 to 2")
	scr.send(keyCtrlC)
	select {
	case code := <-done:
		if code != ExitInterrupted {
			t.Errorf("exit %d, want %d\n%s", code, ExitInterrupted, errOut)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("mark did not stop on Ctrl-C")
	}
	if !strings.Contains(errOut.String(), "every mark given so far is saved") {
		t.Errorf("stderr:\n%s", errOut)
	}
	checkCooked(t, tty)
	if m := studentMarks(t, dir, "Student-01"); len(m) != 1 || m[0].Points != 1.5 || m[0].Comment != "clear" || m[0].Marker != "T" {
		t.Errorf("Student 01's mark: %+v", m)
	}
	if m := studentMarks(t, dir, "Student-02"); len(m) != 0 {
		t.Errorf("Student 02 was not marked, yet has %+v", m)
	}
}

// markTwo makes a class (makeClass) and marks Student 01 and Student 02, in
// that order, as marker T on a new screen, up to the first points prompt;
// it returns the class's folder, the screen, the terminal, mark's end and
// its standard error.
func markTwo(t *testing.T) (dir string, scr *screen, tty *os.File, done <-chan int, errOut *bytes.Buffer) {
	t.Helper()
	dir, _ = makeClass(t)
	scr, tty = newScreen(t)
	var two []string
	for _, s := range []string{"Student-01", "Student-02"} {
		files, _ := filepath.Glob(filepath.Join(dir, "reports", s+"-*.json"))
		two = append(two, files...)
	}
	done, errOut = runOnTTY(t, tty, append([]string{"mark"}, append(two, "--marker", "T")...)...)
	scr.waitFor("Answer 1 of 2: Student 01")
	scr.waitFor("Points (0 to 2")
	return dir, scr, tty, done, errOut
}

// studentMarks reads the marks in student's report in the class dir.
func studentMarks(t *testing.T, dir, student string) []report.Mark {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "reports", student+"-*.json"))
	if len(files) != 1 {
		t.Fatalf("%d reports for %s in %s, want 1", len(files), student, dir)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	rep, err := report.Read(files[0], data)
	if err != nil {
		t.Fatal(err)
	}
	return rep.Marks
}
