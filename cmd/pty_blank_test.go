//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// teacher11 P1: an empty Enter on a typed answer in an exam asks "Leave
// this question blank? (y/N)". Enter (No) draws the same question's box
// again, where it was, once on the screen; y leaves it blank, as before.
// The open question says its box is one line.
func TestPTYBlankAnswerIsConfirmed(t *testing.T) {
	scr, done, report, errOut := typeHalfAnswer(t)
	// Clear the half answer: only spaces are left.
	scr.send(strings.Repeat("\x7f", len("The USSR, it was big: Russia, Geo")) + "   ")
	scr.send(keyEnter)
	scr.waitFor("Leave this question blank?")
	scr.send(keyEnter)
	scr.waitFor("[One line: Enter sends your answer]")
	screen := strings.Join(scr.visible(), "\n")
	if n := strings.Count(screen, "What was the Soviet Union?"); n != 1 || strings.Contains(screen, "Leave this question blank?") || !slices.Contains(scr.visible(), ">") {
		t.Fatalf("after No, the question is on the screen %d times, want once with its box and no confirm:\n%s", n, screen)
	}
	scr.send("A union\r")
	scr.waitFor("Which town?")
	scr.send(keyEnter)
	scr.waitFor("Leave this question blank?")
	scr.send("y\r")
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit %d; stderr:\n%s", code, errOut())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the quiz did not end")
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Answered  int              `json:"answered"`
		Questions []map[string]any `json:"questions"`
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Answered != 1 || rep.Questions[0]["given"] != "A union" || rep.Questions[1]["given"] != nil {
		t.Errorf("answered %d, questions %v; want the open answer typed after No, the short one blank", rep.Answered, rep.Questions)
	}
}

// --plain at a terminal (a screen reader) is someone typing too: an empty
// line asks, n asks the question again, and the answer then typed counts.
func TestPTYPlainBlankAnswerIsConfirmed(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bankFile := filepath.Join(dir, "cut.yaml")
	if err := os.WriteFile(bankFile, []byte(cutOffBank), 0o644); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(dir, "ana.json")
	scr, tty := newSurveylessScreen(t, 80, 24, false)
	done, errOut := runOnTTY(t, tty, "quiz", "--plain", "--bank", bankFile, "--mode", "exam", "--student", "Ana", "--seed", "2", "-o", report)
	scr.waitFor("What was the Soviet Union?")
	scr.waitFor("Your answer:")
	scr.send(keyEnter)
	scr.waitFor("Leave this question blank? (y/N)")
	scr.send("n" + keyEnter)
	scr.waitFor("What was the Soviet Union?")
	scr.waitFor("Your answer:")
	scr.send("A union" + keyEnter)
	scr.waitFor("Which town?")
	scr.waitFor("Your answer:")
	scr.send(keyEnter)
	scr.waitFor("Leave this question blank? (y/N)")
	scr.send("y" + keyEnter)
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit %d; stderr:\n%s", code, errOut)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the quiz did not end")
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	if s := string(data); !strings.Contains(s, `"given": "A union"`) || !strings.Contains(s, `"answered": 1`) {
		t.Errorf("report:\n%s", s)
	}
}
