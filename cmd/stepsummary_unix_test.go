//go:build unix

package cmd

import (
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
