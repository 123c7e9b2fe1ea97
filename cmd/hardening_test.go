package cmd

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// When the report and its fallback both fail, the student is told that
// nothing was saved and the whole report is printed as JSON (issue 14, item
// 3).
func TestQuizLastResortPrintsReport(t *testing.T) {
	t.Parallel()
	f, in, out, errOut := testFactory(t)
	f.StateDir = func() (string, error) { return "", errors.New("$HOME is not defined") }
	in.WriteString("1\n") // one answer, then the input ends: incomplete
	dir := t.TempDir()
	bank := filepath.Join(dir, "b.yaml")
	os.WriteFile(bank, []byte(`id: b
title: B
questions:
  - {id: tf, type: truefalse, prompt: "Statement.", answer: true, explanation: E, source: {section: S, paragraph: 1, quote: q}}
  - {id: town, type: short, prompt: "Town?", accept: [Khojaly, Xocalı], explanation: E, source: {section: S, paragraph: 1, quote: q}}
`), 0o644)
	code := Run(f, []string{"quiz", "--plain", "--bank", bank, "--student", "Ana"})
	if code != ExitInvalid {
		t.Errorf("exit %d, want 2", code)
	}
	if !strings.Contains(errOut.String(), "nothing was saved") {
		t.Errorf("stderr does not say nothing was saved:\n%s", errOut)
	}
	i := strings.Index(out.String(), "{\n")
	if i < 0 {
		t.Fatalf("no JSON report on standard output:\n%s", out)
	}
	var rep struct {
		Student  string
		Status   string
		Answered int
	}
	if err := json.Unmarshal([]byte(out.String()[i:]), &rep); err != nil || rep.Student != "Ana" || rep.Status != "incomplete" || rep.Answered != 1 {
		t.Errorf("report %+v, %v:\n%s", rep, err, out.String()[i:])
	}
}
