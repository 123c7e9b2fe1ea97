//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package cmd

import (
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
)

// teacher14 A1 at 80x24: after an open answer and its self-check the screen
// showed the ticked points echoed, the Covered count, "Your answer:" with the
// answer still on the screen above, and every key point again with ✓ and ○:
// about 280 words, the same text two or three times, and the question
// scrolled off. On the genocide question, with a three-line answer and three
// of four points ticked, at the pause the whole question, from its first
// line, and the whole feedback are on the screen at once; the answer once,
// the checklist gone, the ticked points not listed again, the one missed
// listed once, the box's key hint gone, and the plain answer, explanation
// and source whole.
func TestOpenFeedbackDrawsNothingTwice(t *testing.T) {
	if ownProcess(t) {
		return
	}
	q := embeddedQuestion(t, "comprehension", "what-is-genocide")
	if len(q.Key) != 4 || q.Plain == "" {
		t.Fatalf("%s: %d key points, plain answer %q; the test wants 4 and one", q.ID, len(q.Key), q.Plain)
	}
	bank := bankFile(t, "genocide", q)
	scr, tty := newVTScreen(t, 80, 24)
	done, errOut := runOnTTY(t, tty, "quiz", "--no-history", "--bank", bank)
	scr.waitFor("Question 1 of 1")
	scr.waitFor("> ")
	// Three rows at 80 columns.
	answer := "The Genocide Convention of 1948 defines it as acts meant to destroy a group in whole or in part, like killing members. Azerbaijan calls Khojaly genocide, Armenia denies it, HRW called it a massacre. No court has ruled."
	scr.send(answer)
	scr.waitFor("No court has ruled.")
	scr.send(keyEnter)
	scr.waitFor("Which of these key points did your answer cover?")
	scr.send(keySpace + keyDown + keySpace + keyDown + keyDown + keySpace) // a, b and d
	scr.send(keyEnter)
	scr.waitFor("Press Enter for your score")
	rows := scr.visible()
	screen := strings.Join(rows, "\n")
	points := q.StudentKey()
	missed := strings.Split(text.Hang(points[2], 80, 4), "\n")
	for _, want := range []string{
		"? " + strings.Split(text.QuestionLines(q.Prompt), "\n")[0],
		"Covered, you say: 3 of 4 key points. Not ticked:",
		"  ○ " + missed[0],
		missed[len(missed)-1],
		text.Hang("A short answer: "+q.Plain, 80, 2),
		text.Wrap(quiz.ExplanationLabel+" "+q.Explanation, 80, "  "),
		"Source: ",
		"? Press Enter for your score",
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("at the pause %q is not on the screen:\n%s", want, screen)
		}
	}
	// The box's key hint went with the box, as a menu's does.
	for _, not := range []string{"Your answer", "✓", points[0], points[1], points[3], "[One line"} {
		if strings.Contains(screen, not) {
			t.Errorf("at the pause %q is on the screen: the answer and the ticks are not drawn again:\n%s", not, screen)
		}
	}
	if n := strings.Count(screen, "No court has ruled."); n != 1 {
		t.Errorf("the student's answer is on the screen %d times, want once:\n%s", n, screen)
	}
	if strings.Contains(screen, "Which of these key points") {
		t.Errorf("the self-check's prompt is left on the screen once answered:\n%s", screen)
	}
	t.Logf("at the pause:\n%s", screen)
	scr.send(keyEnter)
	scr.waitFor("Summary")
	if code := <-done; code != ExitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, errOut)
	}
}
