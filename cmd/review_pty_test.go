//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/history"
)

// TestPTYReview takes a spaced review on the terminal, nine days after a
// quiz: the missed question comes first, the answers join the history, and
// a second review straight after finds nothing due and says when.
func TestPTYReview(t *testing.T) {
	if ownProcess(t) {
		return
	}
	dir := t.TempDir()
	bankFile := writeTestFile(t, dir, "pty.yaml", ptyBank)
	b, _, err := quiz.ParseBank(bankFile, []byte(ptyBank))
	if err != nil {
		t.Fatal(err)
	}
	state := t.TempDir()
	path := history.Path(filepath.Join(state, "conflictq", "history"), "Ana")
	log, err := history.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	day1 := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	for i, a := range []struct {
		id     string
		points float64
	}{{"indep", 1}, {"capital", 0}, {"year", 1}} {
		q := b.Question(a.id)
		r := history.Record{Time: day1.Add(time.Duration(i) * 30 * time.Second), Session: day1, Student: "Ana", Mode: "practice",
			Bank: "pty", Question: q.ID, Digest: quiz.Digest(q), Points: a.points, MaxPoints: 1, Seconds: 3}
		if err := log.Append(r); err != nil {
			t.Fatal(err)
		}
	}
	log.Close()
	// "year" was changed since it was answered: it starts over, as a new
	// question due now, asked first (nothing is known of it).
	if err := os.WriteFile(bankFile, []byte(strings.Replace(ptyBank, `"Ceasefire year?"`, `"In what year did the ceasefire begin?"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}

	env := map[string]string{"XDG_CONFIG_HOME": t.TempDir(), "XDG_STATE_HOME": state, "TERM": "xterm",
		"CONFLICTQ_TEST_NOW": "2026-12-10T09:00:00Z"}
	scr, tty := newScreen(t)
	done, errOut := runOnTTYWith(t, tty, env, "quiz", "--review", "--bank", bankFile, "--student", "Ana", "--seed", "5")
	scr.waitFor("3 questions · spaced review · seed 5")
	scr.waitFor("Question 1 of 3")
	scr.waitFor("In what year did the ceasefire begin?")
	scr.send("1994" + keyEnter)
	scr.waitFor("✓ Right.")
	scr.next()
	scr.waitFor("Question 2 of 3")
	scr.waitFor("Capital of Azerbaijan?")
	p := quiz.Present([]*quiz.Question{b.Question("capital")}, 5)[0]
	scr.send(downs(p.Options(), "Baku") + keyEnter)
	scr.next()
	scr.waitFor("Question 3 of 3")
	scr.waitFor("Both became independent in 1991.")
	scr.send(keyEnter) // True
	scr.next()
	scr.waitFor("Score: 3 / 3 (100%)")
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit %d; stderr:\n%s", code, errOut)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the review did not end")
	}
	checkCooked(t, tty)

	var records []history.Record
	warnings, err := history.Scan(path, func(r *history.Record) { records = append(records, *r) })
	if err != nil || len(warnings) > 0 || len(records) != 6 {
		t.Fatalf("history: %d records, %v %v; want 6", len(records), warnings, err)
	}
	for i, id := range []string{"year", "capital", "indep"} {
		r := records[3+i]
		if r.Question != id || r.Mode != history.ModeReview || r.Points != 1 || r.Student != "Ana" {
			t.Errorf("review answer %d: %+v, want %s, right, mode review", i+1, r, id)
		}
	}

	scr2, tty2 := newScreen(t)
	done, errOut = runOnTTYWith(t, tty2, env, "quiz", "--review", "--bank", bankFile, "--student", "Ana")
	if code := <-done; code != 0 {
		t.Fatalf("second review: exit %d; stderr:\n%s", code, errOut)
	}
	scr2.waitFor("Nothing is due for review yet. The next question is due in ")
}

// TestPTYReviewAsksNameFirst: a review with a report to write and no
// --student asks the name, then reviews that student's history, not the
// nameless one's (test report 16, F8).
func TestPTYReviewAsksNameFirst(t *testing.T) {
	if ownProcess(t) {
		return
	}
	dir := t.TempDir()
	bankFile := writeTestFile(t, dir, "pty.yaml", ptyBank)
	b, _, err := quiz.ParseBank(bankFile, []byte(ptyBank))
	if err != nil {
		t.Fatal(err)
	}
	state := t.TempDir()
	log, err := history.Open(history.Path(filepath.Join(state, "conflictq", "history"), ""))
	if err != nil {
		t.Fatal(err)
	}
	day1 := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	q := b.Question("capital")
	if err := log.Append(history.Record{Time: day1, Session: day1, Mode: "practice", Bank: "pty", Question: q.ID,
		Digest: quiz.Digest(q), Points: 0, MaxPoints: 1, Seconds: 3}); err != nil {
		t.Fatal(err)
	}
	log.Close()
	env := map[string]string{"XDG_CONFIG_HOME": t.TempDir(), "XDG_STATE_HOME": state, "TERM": "xterm",
		"CONFLICTQ_TEST_NOW": "2026-12-10T09:00:00Z"}
	scr, tty := newScreen(t)
	done, errOut := runOnTTYWith(t, tty, env, "quiz", "--review", "--bank", bankFile, "--report-dir", filepath.Join(dir, "r"))
	scr.waitFor("Your name (for the report):")
	scr.send("Ana" + keyEnter)
	scr.waitFor("Nothing to review yet: Ana's history has no answers")
	if code := <-done; code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, errOut)
	}
}
