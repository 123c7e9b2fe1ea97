//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// genocideSheets writes three paper sheets answering the comprehension
// bank's what-is-genocide, the question whose prompt, model answer and key
// points fill an 80x24 screen, and returns their folder.
func genocideSheets(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, answer := range map[string]string{
		"a-ana.yaml": "The 1948 UN Genocide Convention: acts meant to destroy a national, ethnic,\n" +
			"    racial or religious group, like killing members or serious harm. Azerbaijan\n" +
			"    calls Khojaly genocide, Armenia denies blame, HRW and Memorial call it a\n" +
			"    massacre. No international court has ruled on it so far.",
		"b-ben.yaml": "Killing a lot of people. Azerbaijan says Khojaly was genocide.",
		"c-cem.yaml": "A crime against a group, named in 1948.",
	} {
		student := strings.ToUpper(name[2:3]) + name[3:strings.Index(name, ".")]
		sheet := "student: " + student + "\nbanks: [comprehension]\nanswers:\n  what-is-genocide: |\n    " + answer + "\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(sheet), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// teacher14 P9 (teacher13 P3): at 80x24 the question's prompt, model answer
// and key points fill the screen, and the first answer pushed the question
// off: the teacher could not tell which question was being marked. Each
// answer now names its question, so the question, the student's whole
// answer and the points box are on the screen together, for the first
// answer and for a later one; ? at the points draws the key points again.
// The marks are saved as before.
func TestMarkAt80x24ShowsTheQuestionWithTheAnswer(t *testing.T) {
	if ownProcess(t) {
		return
	}
	dir := genocideSheets(t)
	scr, tty := newVTScreen(t, 80, 24)
	done, errOut := runOnTTY(t, tty, "mark", dir, "--question", "what-is-genocide", "--marker", "T")
	together := func(student string, answer ...string) {
		t.Helper()
		scr.waitFor("? to see the question")
		rows := scr.visible()
		for _, want := range append([]string{"Answer", student, "to what-is-genocide: The article's third question", "Points (0 to 1"}, answer...) {
			if !onScreen(rows, want) {
				t.Errorf("at %s's points %q is not on the screen:\n%s", student, want, strings.Join(rows, "\n"))
			}
		}
	}
	scr.waitFor("Answer 1 of 3: Ana")
	together("Ana", "| The 1948 UN Genocide Convention", "| massacre. No international court has ruled on it so far.")
	if rows := scr.visible(); !onScreen(rows, "4. Khojaly: Azerbaijan says genocide") {
		t.Errorf("the key points are not above the first answer:\n%s", strings.Join(rows, "\n"))
	}
	scr.send("1" + keyEnter)
	scr.waitFor("Comment")
	scr.send("all four" + keyEnter)
	scr.waitFor("Answer 2 of 3: Ben")
	together("Ben", "| Killing a lot of people. Azerbaijan says Khojaly was genocide.")
	scr.send("?" + keyEnter)
	scr.waitFor("Key points:")
	scr.waitFor("? to see the question")
	rows := scr.visible()
	for _, want := range []string{"1. Names the source", "4. Khojaly: Azerbaijan says genocide", "Answer 2 of 3: Ben", "| Killing a lot of people.", "Points (0 to 1"} {
		if !onScreen(rows, want) {
			t.Errorf("after ? %q is not on the screen:\n%s", want, strings.Join(rows, "\n"))
		}
	}
	scr.send("0.5" + keyEnter)
	scr.waitFor("Comment")
	scr.send(keyEnter)
	scr.waitFor("Answer 3 of 3: Cem")
	scr.send(keyCtrlC)
	select {
	case code := <-done:
		if code != ExitInterrupted {
			t.Errorf("exit %d, want %d\n%s", code, ExitInterrupted, errOut)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("mark did not stop on Ctrl-C")
	}
	checkCooked(t, tty)
	for file, want := range map[string]string{"a-ana.yaml": "points: 1\n    comment: all four\n", "b-ben.yaml": "points: 0.5\n", "c-cem.yaml": ""} {
		data, _ := os.ReadFile(filepath.Join(dir, file))
		if got := string(data); want == "" && strings.Contains(got, "marks:") || want != "" && !strings.Contains(got, want) {
			t.Errorf("%s: want %q in\n%s", file, want, got)
		}
	}
}

// --plain takes ? too: the question, its model answer and key points are
// written again, then the same answer is asked for; the mark that follows
// is saved as any other.
func TestMarkPlainShowsTheQuestionAgain(t *testing.T) {
	t.Parallel()
	dir := genocideSheets(t)
	f, in, out, errOut := testFactory(t)
	in.WriteString("?\n1 clear\n\n\n")
	if code := Run(f, []string{"mark", "--plain", dir, "--student", "Ana"}); code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	got := out.String()
	if n := strings.Count(got, "Key points:"); n != 2 {
		t.Errorf("the key points were written %d times, want 2:\n%s", n, got)
	}
	if n := strings.Count(got, "-- Answer 1 of 1: Ana"); n != 2 {
		t.Errorf("the answer was written %d times, want 2:\n%s", n, got)
	}
	if !strings.Contains(got, "   to what-is-genocide: The article's third question: What is the definition…\n") {
		t.Errorf("the answer does not name its question:\n%s", got)
	}
	if !strings.Contains(errOut.String(), "1 mark given") {
		t.Errorf("stderr:\n%s", errOut)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "a-ana.yaml"))
	if !strings.Contains(string(data), "points: 1\n    comment: clear\n") {
		t.Errorf("the mark was not saved:\n%s", data)
	}
}
