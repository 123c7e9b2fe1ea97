//go:build linux

package cmd

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz/report"
)

// teacher11 P6: keys typed in a burst while marking, "1", Enter (the
// points), Enter (no comment), "0", Enter, Enter, arriving in one read,
// are all kept: survey reads each prompt through a buffer of its own and
// dropped the keys read ahead of the first Enter, and the comment prompt
// then waited for ever. The terminal answers survey's cursor queries as
// they come (newScreen). Linux only: the reader that keeps the keys
// (resumeReader) is Linux's.
func TestPTYMarkKeepsKeysTypedInABurst(t *testing.T) {
	if ownProcess(t) {
		return
	}
	dir, scr, tty, done, errOut := markTwo(t)
	scr.send("1\r\r0\r\r")
	// Both marks are given, and mark ends: the class has one open question.
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit %d; stderr:\n%s", code, errOut)
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("mark waits for keys typed already; screen:\n%s", scr.text())
	}
	checkCooked(t, tty)
	if m := studentMarks(t, dir, "Student-01"); len(m) != 1 || m[0].Points != 1 || m[0].Comment != "" {
		t.Errorf("Student 01's mark: %+v, want 1 point and no comment", m)
	}
	if m := studentMarks(t, dir, "Student-02"); len(m) != 1 || m[0].Points != 0 || m[0].Comment != "" {
		t.Errorf("Student 02's mark: %+v, want 0 points and no comment", m)
	}
}

// attack11 #9: on a terminal that never answers survey's cursor query
// (ESC[6n), mark sat at its first prompt for good and the keys typed did
// nothing: survey read them all as part of the report it waited for. The
// reader gives survey a stand-in report after its wait, and the keys then
// reach the prompts.
func TestPTYMarkOnATerminalThatNeverReportsTheCursor(t *testing.T) {
	if ownProcess(t) {
		return
	}
	dir, _ := makeClass(t)
	scr, tty := newScreen(t)
	// The product waits a second for each report (mark asks four times):
	// the test takes the seconds, in its own process (ownProcess), beside
	// the other tests.
	scr.mu.Lock()
	scr.mute = true
	scr.mu.Unlock()
	files, _ := filepath.Glob(filepath.Join(dir, "reports", "Student-01-*.json"))
	done, errOut := runOnTTY(t, tty, append([]string{"mark"}, append(files, "--marker", "T")...)...)
	scr.waitFor("Points (0 to 2")
	scr.send("1\rfine\r")
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit %d; stderr:\n%s", code, errOut)
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("mark took no keys; screen:\n%s", scr.text())
	}
	checkCooked(t, tty)
	data, _ := os.ReadFile(files[0])
	rep, err := report.Read(files[0], data)
	if err != nil {
		t.Fatal(err)
	}
	if m := rep.Marks; len(m) != 1 || m[0].Points != 1 || m[0].Comment != "fine" {
		t.Errorf("mark: %+v, want 1 point, comment \"fine\"", m)
	}
}

// attack11 #10: after a mark refused in a burst ("7" is more than the
// question's 2 points), the keys typed ahead were appended to the refused
// "7" in the box ("71" refused again, and so on); and Escape then Enter
// lost the Enter with the Escape. The keys typed ahead start a new line,
// and the Enter after an Escape is kept.
func TestPTYMarkBurstAfterARefusedMark(t *testing.T) {
	if ownProcess(t) {
		return
	}
	dir, scr, tty, done, errOut := markTwo(t)
	scr.send("7\r1\x1b\r\r0\r\r")
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit %d; stderr:\n%s", code, errOut)
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("mark waits for keys typed already; screen:\n%s", scr.text())
	}
	checkCooked(t, tty)
	for student, points := range map[string]float64{"Student-01": 1, "Student-02": 0} {
		if m := studentMarks(t, dir, student); len(m) != 1 || m[0].Points != points || m[0].Comment != "" {
			t.Errorf("%s's mark: %+v, want %g points and no comment", student, m, points)
		}
	}
}
