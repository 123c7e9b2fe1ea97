package cmd

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// GITHUB_STEP_SUMMARY naming a pipe must not block the run, and naming a sheet
// being graded (given, or inside a graded directory) must not append to it
// (issue 14, item 8).
func TestGradeStepSummaryOnlyRegularNonInput(t *testing.T) {
	sheetText := "student: Ana\nbanks: [b.yaml]\nanswers: {capital: Baku}\n"
	dir := gradeFixture(t, map[string]string{"a.yaml": sheetText})
	os.Mkdir("class", 0o755)
	os.WriteFile("class/c.yaml", []byte(sheetText), 0o644)
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	for _, tc := range []struct{ summary, want string }{
		{"fifo", "fifo is not a regular file"},
		{"a.yaml", "a.yaml is a sheet being graded"},
		{"class/c.yaml", "class/c.yaml is a sheet being graded"},
	} {
		f, _, _, errOut := testFactory(t)
		f.Getenv = func(k string) string {
			if k == "GITHUB_STEP_SUMMARY" {
				return tc.summary
			}
			return ""
		}
		done := make(chan int, 1)
		go func() { done <- Run(f, []string{"grade", "a.yaml", "class"}) }()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("%s: exit %d: %s", tc.summary, code, errOut)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: grade blocked", tc.summary)
		}
		if !strings.Contains(errOut.String(), tc.want) {
			t.Errorf("%s: stderr %q, want %q", tc.summary, errOut, tc.want)
		}
	}
	for _, name := range []string{"a.yaml", "class/c.yaml"} {
		if data, _ := os.ReadFile(name); string(data) != sheetText {
			t.Errorf("%s was changed:\n%s", name, data)
		}
	}
	// A regular file that is not an input is appended to.
	f, _, _, _ := testFactory(t)
	f.Getenv = func(k string) string {
		if k == "GITHUB_STEP_SUMMARY" {
			return "summary.md"
		}
		return ""
	}
	Run(f, []string{"grade", "a.yaml"})
	if data, _ := os.ReadFile("summary.md"); !strings.Contains(string(data), "| Ana |") {
		t.Errorf("step summary: %q", data)
	}
}

// When the report and its fallback both fail, the student is told that
// nothing was saved and the whole report is printed as JSON (issue 14, item
// 3).
func TestQuizLastResortPrintsReport(t *testing.T) {
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
