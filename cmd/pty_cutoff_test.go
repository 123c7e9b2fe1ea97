//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package cmd

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// cutOffBank is an open question and a short one: seed 2 asks the open one first.
const cutOffBank = `id: cut
title: Cut off
questions:
  - {id: ussr, type: open, prompt: "What was the Soviet Union?", model_answer: "A union of 15 republics.", key_points: [1922, 1991], explanation: The article asks it., source: {section: Questions, paragraph: 1, quote: "What was the Soviet Union?"}}
  - {id: town, type: short, prompt: "Which town?", accept: [Khojaly, Xocalı], explanation: Khojaly (Xocalı)., source: {section: Introduction, paragraph: 3, quote: "in the town of Khojaly"}}
`

// typeHalfAnswer starts an exam at 80x24 with args, waits for the open
// question and types half an answer, correcting a typo on the way, without
// Enter; it returns the screen, the quiz's end and the report's path.
func typeHalfAnswer(t *testing.T, args ...string) (*screen, <-chan int, string, func() string) {
	t.Helper()
	dir := t.TempDir()
	bankFile := writeTestFile(t, dir, "cut.yaml", cutOffBank)
	report := filepath.Join(dir, "nino.json")
	scr, tty := newVTScreen(t, 80, 24)
	done, errOut := runOnTTY(t, tty, append([]string{"quiz", "--bank", bankFile, "--mode", "exam", "--student", "Nino", "--seed", "2", "-o", report}, args...)...)
	scr.waitFor("What was the Soviet Union?")
	// "wes" becomes "was": two DELs, and the rest typed.
	scr.send("The USSR, it wes")
	scr.send("\x7f\x7fas big: Russia, Geo")
	want := "The USSR, it was big: Russia, Geo"
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(strings.Join(scr.visible(), "\n"), "> "+want); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the answer typed is not on the screen:\n%s", strings.Join(scr.visible(), "\n"))
		}
	}
	t.Cleanup(func() { checkCooked(t, tty) })
	return scr, done, report, func() string { return errOut.String() }
}

// Ctrl-C in the middle of an open answer, before Enter: the report keeps
// the text in the box, with cut_off, and the quiz stops as before (exit
// 130, interrupted); the question not reached has no answer (teacher6 A1).
func TestPTYCtrlCKeepsOpenAnswerTyped(t *testing.T) {
	if ownProcess(t) {
		return
	}
	scr, done, report, errOut := typeHalfAnswer(t)
	scr.send(keyCtrlC)
	quizEnds(t, done, ExitInterrupted, errOut)
	ended, answered, qs := ptyReport(t, report)
	if answered != 1 {
		t.Errorf("answered %d, want the cut-off answer", answered)
	}
	if ended != "interrupted" {
		t.Errorf("ended_by %q", ended)
	}
	if q := qs[0]; q["given"] != "The USSR, it was big: Russia, Geo" || q["cut_off"] != true || q["correct"] != nil {
		t.Errorf("the open question in the report: %v", q)
	}
	if q := qs[1]; q["given"] != nil || q["cut_off"] != nil {
		t.Errorf("the question not reached: %v", q)
	}
	seesItWasKept(t, scr)
}

// seesItWasKept checks that the quiz's closing lines, on the screen, tell
// the student the typed text was kept (attack8 §6).
// The quiz has ended, but the screen may not have read all it wrote (a
// busy machine): the lines are waited for, up to 10 s.
func seesItWasKept(t *testing.T, scr *screen) {
	t.Helper()
	if !screenSays(scr, "Question 1: your unfinished answer was kept as typed (not sent with Enter) and counts as your answer") {
		t.Errorf("the screen does not say the answer was kept:\n%s", strings.Join(scr.visible(), "\n"))
	}
}

// The time limit running out in the middle of an open answer keeps it too,
// and the quiz is submitted as before (exit 0, time limit).
//
// The limit is 1 s: typing the half answer takes about 12 ms from the
// question on the screen (with -race), so the limit still falls after it.
func TestPTYTimeLimitKeepsOpenAnswerTyped(t *testing.T) {
	if ownProcess(t) {
		return
	}
	scr, done, report, errOut := typeHalfAnswer(t, "--time-limit", "1s")
	scr.waitFor("Time is up.")
	quizEnds(t, done, 0, errOut)
	ended, answered, qs := ptyReport(t, report)
	if answered != 1 {
		t.Errorf("answered %d, want the cut-off answer", answered)
	}
	if ended != "time_limit" {
		t.Errorf("ended_by %q", ended)
	}
	if q := qs[0]; q["given"] != "The USSR, it was big: Russia, Geo" || q["cut_off"] != true {
		t.Errorf("the open question in the report: %v", q)
	}
	seesItWasKept(t, scr)
}
