package cmd

import (
	"os"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz/session"
)

// reviewStopper answers every open question and stops at the review's
// self-check as Ctrl-C (or a signal) would.
type reviewStopper struct{ stop error }

func (r *reviewStopper) Select(string, []string) (int, error)            { return 0, nil }
func (r *reviewStopper) Confirm(string, bool) (bool, error)              { return true, nil }
func (r *reviewStopper) Order(string, []string) ([]int, error)           { return nil, r.stop }
func (r *reviewStopper) Match(string, []string, []string) ([]int, error) { return nil, r.stop }
func (r *reviewStopper) Input(msg string, _ func(string) error) (string, error) {
	return "A union.", nil
}
func (r *reviewStopper) MultiSelect(msg string, _ []string) ([]int, error) {
	if msg == session.SelfCheckPrompt {
		return nil, r.stop
	}
	return nil, nil
}

// Ctrl-C or a signal at the exam review's self-check ends the run as Ctrl-C
// does elsewhere: exit 130, the review not gone on with, and the exam, which
// was submitted whole, saved complete (attack6 #10).
func TestExamReviewInterrupted(t *testing.T) {
	for _, stop := range []error{session.ErrInterrupted, session.ErrSignal} {
		t.Run(stop.Error(), func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			os.WriteFile("open.yaml", []byte(selfCheckBank), 0o644)
			f, _, out, errOut := testFactory(t)
			f.IOStreams.SetStdinTTY(true)
			f.IOStreams.SetStdoutTTY(true)
			f.Prompter = func() session.Prompter { return &reviewStopper{stop: stop} }
			code := Run(f, []string{"quiz", "--bank", "open.yaml", "--mode", "exam", "--exam-review", "end", "--student", "Ana", "-o", "ana.json"})
			if code != ExitInterrupted {
				t.Errorf("exit %d, want %d\n%s", code, ExitInterrupted, errOut)
			}
			if strings.Contains(out.String(), "Covered, you say") {
				t.Errorf("the review went on:\n%s", out)
			}
			data, err := os.ReadFile("ana.json")
			if err != nil {
				t.Fatalf("no report: %v\n%s", err, errOut)
			}
			for _, want := range []string{`"status": "complete"`, `"given": "A union."`} {
				if !strings.Contains(string(data), want) {
					t.Errorf("no %s in the report:\n%s", want, data)
				}
			}
			if !strings.Contains(errOut.String(), "The review was stopped; every answer had been submitted.") {
				t.Errorf("stderr:\n%s", errOut)
			}
		})
	}
}
