//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The name prompt is not the student's time: a time limit starts at the
// first question (teacher7 P1). Here the name is typed only after the
// whole limit has passed; before the fix the quiz ended there with "time
// limit reached" and no report.
func TestPTYTimeLimitStartsAfterName(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bankFile := writeTestFile(t, dir, "pty.yaml", ptyBank)
	report := filepath.Join(dir, "tl.json")
	// The shortest limit whose header still reads as the whole limit
	// ("1s left", rounded to the second) when the first question is drawn.
	const limit = time.Second
	// The clock starts in cmd (timeLimit), whichever prompter asks the
	// name, so the line prompter asks it here: it draws nothing with
	// survey, and the wait below holds no other terminal test back.
	// TestPTYTimeLimitKeepsOpenAnswerTyped and
	// TestPracticePauseKeepsTheTimeLimit end survey's prompts at the limit.
	scr, tty := newSurveylessScreen(t, 120, 40, false)
	done, errOut := runOnTTY(t, tty, "quiz", "--plain", "--bank", bankFile, "--mode", "exam", "-n", "2", "--seed", "5", "--time-limit", limit.String(), "-o", report)
	scr.waitFor("Your name (for the report):")
	<-time.After(limit + 250*time.Millisecond) // a slow typist: the limit is over
	scr.send("Leyla\r")
	scr.waitFor("Question 1 of 2 · " + limit.String() + " left")
	scr.waitFor("Time is up.")
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit %d, want 0 (submitted at the time limit); stderr:\n%s", code, errOut)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the quiz did not end at its time limit")
	}
	if strings.Contains(errOut.String(), "time limit reached") {
		t.Errorf("the name prompt used up the time: %s", errOut)
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatalf("no report: %v; stderr:\n%s", err, errOut)
	}
	var rep struct {
		Student string `json:"student"`
		EndedBy string `json:"ended_by"`
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Student != "Leyla" || rep.EndedBy != "time_limit" {
		t.Errorf("student %q, ended_by %q; want Leyla, time_limit", rep.Student, rep.EndedBy)
	}
	checkCooked(t, tty)
}
