//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// teacher11 P1: an empty Enter on a typed answer in an exam asks "Leave
// this question blank? (y/N)". Enter (No) draws the same question's box
// again, where it was, once on the screen; y leaves it blank, as before.
// The open question says its box is one line.
func TestPTYBlankAnswerIsConfirmed(t *testing.T) {
	if ownProcess(t) {
		return
	}
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
	quizEnds(t, done, 0, errOut)
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
	bankFile := writeTestFile(t, dir, "cut.yaml", cutOffBank)
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
	data := reportAfterExit(t, done, errOut, report)
	if s := string(data); !strings.Contains(s, `"given": "A union"`) || !strings.Contains(s, `"answered": 1`) {
		t.Errorf("report:\n%s", s)
	}
}

// attack11 #6: text typed or pasted right after a stray Enter went into
// "Leave this question blank? (y/N)", was refused as no answer and lost,
// and the question was drawn twice. A key that is not y or n is No: the
// question is drawn again, once, its box holding what was typed, and the
// Enter at its end sends it.
func TestPTYTextTypedAfterAStrayEnterIsKept(t *testing.T) {
	if ownProcess(t) {
		return
	}
	scr, done, report, errOut := typeHalfAnswer(t)
	scr.send(strings.Repeat("\x7f", len("The USSR, it was big: Russia, Geo")))
	scr.send("\rBoth sides: lost")
	want := "> Both sides: lost"
	waitVisible(t, scr, want)
	screen := strings.Join(scr.visible(), "\n")
	if n := strings.Count(screen, "What was the Soviet Union?"); n != 1 || strings.Contains(screen, "Leave this question blank?") {
		t.Fatalf("the question is on the screen %d times, want once with its box and no confirm:\n%s", n, screen)
	}
	scr.send(" homes\r")
	scr.waitFor("Which town?")
	scr.send("\ry\r")
	quizEnds(t, done, 0, errOut)
	reportHas(t, report, `"given": "Both sides: lost homes"`, `"answered": 1`)
}

// teacher15 P1: "n", a space and the answer typed at the confirm without
// Enter: the "n " is No, the answer alone goes into the box. "n" before a
// letter stays (TestPTYTextTypedAfterAStrayEnterIsKept keeps what is typed:
// "nagorno" may be the answer).
func TestPTYNoThenTheAnswerLeavesOutTheNo(t *testing.T) {
	if ownProcess(t) {
		return
	}
	scr, done, report, errOut := typeHalfAnswer(t)
	scr.send(strings.Repeat("\x7f", len("The USSR, it was big: Russia, Geo")))
	scr.send(keyEnter)
	scr.waitFor("Leave this question blank?")
	scr.send("n it is in Azerbaijan")
	want := "> it is in Azerbaijan"
	waitVisible(t, scr, want)
	scr.send("\r")
	scr.waitFor("Which town?")
	scr.send("\ry\r")
	quizEnds(t, done, 0, errOut)
	reportHas(t, report, `"given": "it is in Azerbaijan"`)
}

// The same with --plain at a terminal: a line that is not y or n, typed at
// the confirm, is the answer.
func TestPTYPlainTextTypedAfterAStrayEnterIsKept(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bankFile := writeTestFile(t, dir, "cut.yaml", cutOffBank)
	report := filepath.Join(dir, "ana.json")
	scr, tty := newSurveylessScreen(t, 80, 24, false)
	done, errOut := runOnTTY(t, tty, "quiz", "--plain", "--bank", bankFile, "--mode", "exam", "--student", "Ana", "--seed", "2", "-o", report)
	scr.waitFor("What was the Soviet Union?")
	scr.waitFor("Your answer:")
	scr.send(keyEnter + "Both sides lost homes in 1988-94" + keyEnter)
	scr.waitFor("Which town?")
	scr.waitFor("Your answer:")
	scr.send(keyEnter)
	scr.waitFor("Leave this question blank? (y/N)")
	scr.send("y" + keyEnter)
	quizEnds(t, done, 0, errOut.String)
	if out := scr.text(); strings.Contains(out, "Sorry") || strings.Count(out, "What was the Soviet Union?") != 1 {
		t.Errorf("screen:\n%s", out)
	}
	reportHas(t, report, `"given": "Both sides lost homes in 1988-94"`, `"answered": 1`)
}

// teacher14 P7: at 80x24, when the question's box was drawn at the bottom
// of a full screen, "Leave this question blank?" sat on the last row, and
// after Enter (No) the question came back without its "Question 2 of 2"
// header: survey's line reader ends there with a newline and a cursor-down
// the terminal cannot make, the row count was one off, and the header was
// cleared with the prompts. It stays, once, above the question, once.
func TestPTYBlankAnswerKeepsTheHeaderAtTheBottom(t *testing.T) {
	if ownProcess(t) {
		return
	}
	bank := bankFile(t, "two",
		embeddedQuestion(t, "comprehension", "what-is-genocide"),
		embeddedQuestion(t, "comprehension", "what-was-the-soviet-union"))
	scr, tty := newVTScreen(t, 80, 24)
	done, errOut := runOnTTY(t, tty, "quiz", "--no-history", "--bank", bank, "--seed", "1")
	scr.waitFor("Question 1 of 2")
	scr.waitFor("> ")
	scr.send("The 1948 Genocide Convention defines it." + keyEnter)
	scr.waitFor("Which of these key points did your answer cover?")
	scr.send(keyEnter)
	scr.waitFor("Press Enter for the next question")
	scr.send(keyEnter)
	scr.waitFor("Question 2 of 2")
	scr.waitFor("> ")
	scr.send(keyEnter)
	scr.waitFor("Leave this question blank?")
	if rows := scr.visible(); !strings.Contains(rows[len(rows)-2]+rows[len(rows)-1], "Leave this question blank?") {
		t.Fatalf("the confirm is not at the bottom of the screen; the test checks nothing:\n%s", strings.Join(rows, "\n"))
	}
	scr.send(keyEnter)
	scr.waitFor("[One line: Enter sends your answer]")
	rows := scr.visible()
	screen := strings.Join(rows, "\n")
	h := slices.IndexFunc(rows, func(r string) bool { return strings.HasPrefix(r, "Question 2 of 2") })
	if h < 0 || h+1 >= len(rows) || !strings.HasPrefix(rows[h+1], "? ") || strings.Count(screen, rows[h+1]) != 1 || strings.Contains(screen, "Leave this question blank?") {
		t.Fatalf("after No, want the header, the question under it once, and no confirm:\n%s", screen)
	}
	scr.send("A union of republics." + keyEnter)
	scr.waitFor("Which of these key points did your answer cover?")
	scr.send(keyEnter)
	scr.waitFor("Press Enter for your score")
	scr.send(keyEnter)
	scr.waitFor("Summary")
	if code := <-done; code != ExitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, errOut)
	}
}
