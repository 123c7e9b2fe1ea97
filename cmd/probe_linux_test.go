//go:build linux

package cmd

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A quiz checks before its first question that -o's folder takes new files,
// by making one and deleting it (canWriteIn): a student's answers must not be
// lost at the end. quiz --answers makes no such file: there is no quiz to
// lose, and the report's own write says why it cannot write (review13-s25
// L1). The real program is run under strace, which sees every file opened.
func TestOnlyAQuizProbesItsFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tr := newTracer(t, dir, append(os.Environ(), "NO_COLOR=1", "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "XDG_STATE_HOME="+filepath.Join(dir, "state")))
	if err := os.WriteFile(filepath.Join(dir, "sample.yaml"), []byte(syncSampleBank), 0o644); err != nil {
		t.Fatal(err)
	}
	// probes runs conflictq and returns how many probe files it opened.
	probes := func(input string, args ...string) int {
		t.Helper()
		data, out, runErr := tr.run("open,openat,creat", input, args...)
		if runErr != nil {
			t.Fatalf("conflictq %s: %v\n%s", strings.Join(args, " "), runErr, out)
		}
		if !bytes.Contains(data, []byte("openat(")) && !bytes.Contains(data, []byte("open(")) {
			t.Fatalf("strace saw no file opened:\n%s", data)
		}
		return bytes.Count(data, []byte(".conflictq-check-"))
	}
	if _, err := exec.Command(tr.bin, "sheet", "--bank", filepath.Join(dir, "sample.yaml"), "--seed", "1", "-o", filepath.Join(dir, "blank.yaml")).CombinedOutput(); err != nil {
		t.Fatal(err)
	}
	quiz := []string{"quiz", "--plain", "--bank", "sample.yaml", "--seed", "3", "--student", "Ana"}
	for _, tc := range []struct {
		name  string
		input string
		args  []string
		file  string
		want  int
	}{
		{"quiz --answers -o", "", []string{"quiz", "--answers", "blank.yaml", "-o", "graded.json"}, "graded.json", 0},
		{"quiz --answers --report-dir", "", []string{"quiz", "--answers", "blank.yaml", "--report-dir", "graded"}, "graded", 0},
		{"quiz -o", "c\n1=a 2=b\n", append(quiz, "-o", "ana.json"), "ana.json", 1},
		{"quiz --report-dir -o", "c\n1=a 2=b\n", append(quiz, "--report-dir", "reports", "-o", "ana.html"), "ana.html", 2},
	} {
		if got := probes(tc.input, tc.args...); got != tc.want {
			t.Errorf("%s: %d probe files opened, want %d", tc.name, got, tc.want)
		}
		if _, err := os.Stat(filepath.Join(dir, tc.file)); err != nil {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".conflictq-check-*")); len(left) > 0 {
		t.Errorf("probe files left: %q", left)
	}
}
