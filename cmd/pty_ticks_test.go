//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package cmd

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// tickQuiz starts an exam of ptyBank's questions of type typ at 80x24 with
// args, and waits for its first menu; it returns the screen, the quiz's
// end, the report's path and standard error.
func tickQuiz(t *testing.T, typ string, args ...string) (*screen, <-chan int, string, func() string) {
	t.Helper()
	dir := t.TempDir()
	bankFile := writeTestFile(t, dir, "pty.yaml", ptyBank)
	report := filepath.Join(dir, "bo.json")
	scr, tty := newVTScreen(t, 80, 24)
	done, errOut := runOnTTY(t, tty, append([]string{"quiz", "--bank", bankFile, "--type", typ, "--mode", "exam", "--student", "Bo", "--seed", "2", "-o", report}, args...)...)
	scr.waitFor("Enter when done]")
	t.Cleanup(func() { checkCooked(t, tty) })
	return scr, done, report, func() string { return errOut.String() }
}

// tickTwo ticks the menu's second and third options, as a student does
// (↓ space ↓ space), and waits until the screen shows both ticked; it
// returns their texts.
func tickTwo(t *testing.T, scr *screen) []string {
	t.Helper()
	scr.send(keyDown + keySpace + keyDown + keySpace)
	var ticked []string
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		ticked = ticked[:0]
		for _, l := range scr.visible() {
			if _, o, ok := strings.Cut(l, "[x]  "); ok {
				ticked = append(ticked, strings.TrimSpace(o[len("b) "):]))
			}
		}
		if len(ticked) == 2 {
			return ticked
		}
		if time.Now().After(deadline) {
			t.Fatalf("two ticks are not on the screen:\n%s", strings.Join(scr.visible(), "\n"))
		}
	}
}

// keptTicks checks that the report keeps the boxes ticked on the screen as
// the answer, cut off, and that the closing lines say so, in the line that
// says it of typed text (attack13 #2).
func keptTicks(t *testing.T, scr *screen, report, wantEnded string, ticked []string) {
	t.Helper()
	ended, answered, qs := ptyReport(t, report)
	q := qs[0]
	if ended != wantEnded || answered != 1 {
		t.Errorf("ended_by %q, answered %d; want %s, 1", ended, answered, wantEnded)
	}
	given, _ := q["given"].(string)
	got := strings.Split(given, "; ")
	slices.Sort(got)
	slices.Sort(ticked)
	if !slices.Equal(got, ticked) || q["cut_off"] != true {
		t.Errorf("the checklist in the report: %v; want %q ticked, cut_off", q, ticked)
	}
	if !screenSays(scr, "Question 1: your unfinished answer was kept as ticked (not sent with Enter) and counts as your answer") {
		t.Errorf("the screen does not say the ticks were kept:\n%s", strings.Join(scr.visible(), "\n"))
	}
}

// Ctrl-C on a choose-all question with boxes ticked and no Enter: the
// report keeps the ticks, as it keeps a text box's draft.
func TestPTYCtrlCKeepsTicks(t *testing.T) {
	if ownProcess(t) {
		return
	}
	scr, done, report, errOut := tickQuiz(t, "multi")
	ticked := tickTwo(t, scr)
	scr.send(keyCtrlC)
	quizEnds(t, done, ExitInterrupted, errOut)
	keptTicks(t, scr, report, "interrupted", ticked)
}

// The time limit running out on a choose-all question keeps the ticks too,
// and the quiz is submitted as before. The limit is 1 s, as in
// TestPTYTimeLimitKeepsOpenAnswerTyped: the whole of TestPTYCtrlCKeepsTicks,
// from its first screen to its report, takes ~75 ms at a load of 3 on two
// cores, and the limit is waited out holding one of ownProcesses' places.
func TestPTYTimeLimitKeepsTicks(t *testing.T) {
	if ownProcess(t) {
		return
	}
	scr, done, report, errOut := tickQuiz(t, "multi", "--time-limit", "1s")
	ticked := tickTwo(t, scr)
	scr.waitFor("Time is up.")
	quizEnds(t, done, 0, errOut)
	keptTicks(t, scr, report, "time_limit", ticked)
}

// An option highlighted in a one-answer menu was never chosen: Ctrl-C
// there leaves the question unanswered.
func TestPTYHighlightIsNoAnswer(t *testing.T) {
	if ownProcess(t) {
		return
	}
	dir := t.TempDir()
	bankFile := writeTestFile(t, dir, "pty.yaml", ptyBank)
	report := filepath.Join(dir, "bo.json")
	scr, tty := newVTScreen(t, 80, 24)
	done, errOut := runOnTTY(t, tty, "quiz", "--bank", bankFile, "--type", "single", "--mode", "exam", "--student", "Bo", "-o", report)
	t.Cleanup(func() { checkCooked(t, tty) })
	scr.waitFor("Enter to choose")
	scr.send(keyDown + keyDown)
	scr.waitFor("> c)")
	scr.send(keyCtrlC)
	quizEnds(t, done, ExitInterrupted, func() string { return errOut.String() })
	_, answered, qs := ptyReport(t, report)
	q := qs[0]
	if answered != 0 || q["given"] != nil || q["cut_off"] != nil {
		t.Errorf("answered %d, question %v; want unanswered", answered, q)
	}
}

// A letter typed at "Hand it in with nothing ticked?" (meaning to tick b)
// is not lost as a No (attack13 #10): the checklist comes back filtered by
// it, and a space then ticks that option.
func TestPTYLetterAtNoneTickedConfirmFilters(t *testing.T) {
	if ownProcess(t) {
		return
	}
	scr, done, report, errOut := tickQuiz(t, "multi")
	var b string
	for _, l := range scr.visible() {
		if _, o, ok := strings.Cut(l, "[ ]  b) "); ok {
			b = strings.TrimSpace(o)
		}
	}
	if b == "" {
		t.Fatalf("no option b):\n%s", strings.Join(scr.visible(), "\n"))
	}
	scr.send(keyEnter)
	scr.waitFor("Hand it in with nothing ticked?")
	scr.send("b")
	scr.waitFor("b) " + b)
	screen := strings.Join(scr.visible(), "\n")
	if strings.Contains(screen, "a) ") || strings.Contains(screen, "Hand it in") {
		t.Errorf("after b at the confirm, the checklist is not filtered to b):\n%s", screen)
	}
	scr.send(keySpace)
	waitVisible(t, scr, "[x]  b) "+b)
	scr.send(keyEnter)
	quizEnds(t, done, 0, errOut)
	_, answered, qs := ptyReport(t, report)
	q := qs[0]
	if answered != 1 || q["given"] != b || q["cut_off"] != nil {
		t.Errorf("answered %d, question %v; want %q ticked", answered, q, b)
	}
}

// selfCheckTicked answers ptyBank's open question in practice mode at 80x24
// with args, and at its self-check ticks the second key point (↓ space),
// waiting until the screen shows it ticked; it returns the screen, the
// quiz's end, the report's path and standard error.
func selfCheckTicked(t *testing.T, args ...string) (*screen, <-chan int, string, func() string) {
	t.Helper()
	dir := t.TempDir()
	bankFile := writeTestFile(t, dir, "pty.yaml", ptyBank)
	report := filepath.Join(dir, "bo.json")
	scr, tty := newVTScreen(t, 80, 24)
	done, errOut := runOnTTY(t, tty, append([]string{"quiz", "--bank", bankFile, "--type", "open", "--mode", "practice", "--student", "Bo", "--no-history", "-o", report}, args...)...)
	t.Cleanup(func() { checkCooked(t, tty) })
	scr.waitFor("What was the Soviet Union?")
	scr.waitFor("> ")
	scr.send("Fifteen republics, 1922 to 1991.")
	scr.waitFor("1922 to 1991.")
	scr.send(keyEnter)
	scr.waitFor("Which of these key points did your answer cover?")
	scr.send(keyDown + keySpace)
	waitVisible(t, scr, "[x]  b) 1991")
	return scr, done, report, func() string { return errOut.String() }
}

// keptSelfCheck checks that the report keeps the answer sent with Enter and
// the self-check's tick on the screen, cut off, as a choose-all question's
// ticks are, and that the closing lines say the ticks were kept
// (attack14 #4).
func keptSelfCheck(t *testing.T, scr *screen, report, wantEnded string) {
	t.Helper()
	ended, _, qs := ptyReport(t, report)
	q := qs[0]
	if ended != wantEnded {
		t.Errorf("ended_by %q, want %s", ended, wantEnded)
	}
	points, _ := q["self_check_points"].([]any)
	if q["given"] != "Fifteen republics, 1922 to 1991." || len(points) != 1 || points[0] != 2.0 || q["self_check"] != false || q["self_check_cut_off"] != true || q["cut_off"] != nil {
		t.Errorf("the open question in the report: %v; want its answer, self_check_points [2], self_check false, self_check_cut_off and no cut_off", q)
	}
	if !screenSays(scr, "Question 1: your answer was sent; the key points you had ticked were kept as ticked (not sent with Enter)") || strings.Contains(strings.Join(strings.Fields(strings.Join(scr.visible(), " ")), " "), "unfinished answer") {
		t.Errorf("the screen does not say the ticks were kept, the answer sent:\n%s", strings.Join(scr.visible(), "\n"))
	}
}

// Ctrl-C at an open answer's self-check with a key point ticked and no
// Enter: the report keeps the tick, as it keeps a choose-all question's.
func TestPTYCtrlCKeepsSelfCheckTicks(t *testing.T) {
	if ownProcess(t) {
		return
	}
	scr, done, report, errOut := selfCheckTicked(t)
	scr.send(keyCtrlC)
	quizEnds(t, done, ExitInterrupted, errOut)
	keptSelfCheck(t, scr, report, "interrupted")
}

// The time limit running out at the self-check keeps the tick too. The
// limit is 2 s: the whole of TestPTYCtrlCKeepsSelfCheckTicks (the answer
// typed, the self-check, the tick, the report) takes ~250 ms at a load of
// 3 on two cores, and the limit is waited out holding one of ownProcesses'
// places.
func TestPTYTimeLimitKeepsSelfCheckTicks(t *testing.T) {
	if ownProcess(t) {
		return
	}
	scr, done, report, errOut := selfCheckTicked(t, "--time-limit", "2s")
	scr.waitFor("Time is up.")
	quizEnds(t, done, 0, errOut)
	keptSelfCheck(t, scr, report, "time_limit")
}
