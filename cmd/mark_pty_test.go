//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package cmd

import (
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
	dir, _ := makeClass(t)
	scr, tty := newScreen(t)
	// Two students' reports named in this order are marked in it.
	var two []string
	for _, s := range []string{"Student-01", "Student-02"} {
		files, _ := filepath.Glob(filepath.Join(dir, "reports", s+"-*.json"))
		two = append(two, files...)
	}
	done, errOut := runOnTTY(t, tty, append([]string{"mark"}, append(two, "--marker", "T")...)...)
	scr.waitFor("Answer 1 of 2: Student 01")
	scr.waitFor("Points (0 to 2")
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
	marks := func(student string) []report.Mark {
		files, _ := filepath.Glob(filepath.Join(dir, "reports", student+"-*.json"))
		data, _ := os.ReadFile(files[0])
		rep, err := report.Read(files[0], data)
		if err != nil {
			t.Fatal(err)
		}
		return rep.Marks
	}
	if m := marks("Student-01"); len(m) != 1 || m[0].Points != 1.5 || m[0].Comment != "clear" || m[0].Marker != "T" {
		t.Errorf("Student 01's mark: %+v", m)
	}
	if m := marks("Student-02"); len(m) != 0 {
		t.Errorf("Student 02 was not marked, yet has %+v", m)
	}
}
