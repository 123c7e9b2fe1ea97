package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

// A mark counts only beside the answer it was given for: an answer changed
// after marking is named, not counted, and the answer is to mark again
// (attack4 #3). A mark without a digest (an older conflictq's, or written by
// hand) counts with a warning naming it, and mark --remark ties it to its
// answer (attack5 N2, the lead's decision).
func TestMarkCountsOnlyForItsAnswer(t *testing.T) {
	dir, file := oneReport(t)
	forged := "student: Amy\nbanks: [../loop.yaml]\nanswers:\n  ussr: |\n    I don't know\nmarks:\n  ussr: {points: 2, comment: excellent, marker: teach, time: \"2026-12-03T09:00:00Z\"}\n"
	amy := filepath.Join(dir, "reports", "amy.yaml")
	os.WriteFile(amy, []byte(forged), 0o644)
	// The report, marked by its student: a marks entry added by hand.
	data, _ := os.ReadFile(file)
	data = bytes.Replace(data, []byte("{\n"), []byte("{\n  \"marks\": [{\"id\": \"ussr\", \"bank\": \"loop\", \"points\": 2, \"marker\": \"teach\", \"time\": \"2026-12-03T09:00:00Z\"}],\n"), 1)
	os.WriteFile(file, data, 0o644)

	_, out, errOut := gradeIn(t, dir, "reports")
	if strings.Contains(out, "to mark") || !strings.Contains(out, "2/6") || !strings.Contains(errOut, `amy.yaml:7: warning: question "ussr": a mark without its answer's digest (given before conflictq tied marks to answers, or written by hand): counted; check it, and `+"`conflictq mark --remark`"+` ties it to the answer`) ||
		!strings.Contains(errOut, filepath.Base(file)+`:2: warning: question "ussr": a mark without its answer's digest`) { // the mark's line (attack16 #8)
		t.Errorf("digest-less marks not counted, or not named:\n%s\n%s", out, errOut)
	}
	// mark does not offer them as unmarked; --remark shows and ties them.
	code, shown, errOut := runMark(t, "", "reports", "--plain")
	if code != ExitOK || !strings.Contains(shown+errOut, "Nothing to mark: all 2 open answers are marked") {
		t.Fatalf("mark without --remark: exit %d:\n%s", code, errOut)
	}
	code, shown0, errOut := runMark(t, "1.5 ok\n1 mine\n", "reports", "--plain", "--remark") // amy.yaml, then Ana's report: grade's order
	if code != ExitOK || !strings.Contains(shown0, "Marked before: 2 points") {
		t.Fatalf("mark --remark: exit %d:\n%s\n%s", code, shown0, errOut)
	}
	if !strings.Contains(errOut, "2 marks given") {
		t.Fatalf("mark --remark: exit %d:\n%s", code, errOut)
	}
	_, out, errOut = gradeIn(t, dir, "reports")
	if strings.Contains(out, "to mark") || strings.Contains(errOut, "digest") {
		t.Errorf("after marking:\n%s\n%s", out, errOut)
	}
	marked, _ := os.ReadFile(amy)
	if !bytes.Contains(marked, []byte("answer_sha256: "+quiz.AnswerDigest("I don't know"))) {
		t.Errorf("amy.yaml:\n%s", marked)
	}

	// The student rewrites the answer after it was marked.
	os.WriteFile(amy, bytes.Replace(marked, []byte("I don't know"), []byte("A union of 15 republics, 1922-1991"), 1), 0o644)
	_, out, errOut = gradeIn(t, dir, "reports")
	if !strings.Contains(out, "to mark") || !strings.Contains(errOut, `amy.yaml:7: warning: question "ussr": the answer changed after it was marked`) {
		t.Errorf("a mark counted for another answer:\n%s\n%s", out, errOut)
	}
	code, shown, errOut = runMark(t, "2 now right\n", "reports", "--plain")
	if code != ExitOK || !strings.Contains(shown, "A union of 15 republics") || !strings.Contains(strings.Join(strings.Fields(shown), " "), "A mark that does not count: 1.5 points (ok); the answer changed after it was marked") {
		t.Errorf("the changed answer is not to mark again: exit %d\n%s\n%s", code, shown, errOut)
	}
}

// When the only sheet is refused, mark does not also say it holds no open
// answers (attack4 #14).
func TestMarkNoFalseNothingToMark(t *testing.T) {
	dir, _ := oneReport(t)
	os.RemoveAll(filepath.Join(dir, "reports"))
	os.Mkdir(filepath.Join(dir, "sheets"), 0o755)
	os.WriteFile(filepath.Join(dir, "sheets", "a.yaml"), []byte("student: Amy\nbanks: [../loop.yaml]\nanswers:\n  ussr: a union\n---\n"), 0o644)
	code, _, errOut := runMark(t, "1\n", "sheets", "--plain")
	if code != ExitInvalid || strings.Contains(errOut, "no open answers") || !strings.Contains(errOut, "Nothing marked: the report or sheet could not be read or marked (named above)") ||
		!strings.Contains(errOut, "ends with a --- line") {
		t.Errorf("exit %d:\n%s", code, errOut)
	}
}
