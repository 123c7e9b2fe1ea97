//go:build linux

package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Ctrl-C after the second of three marks at the keyboard keeps two: each
// mark is written (and synced) as it is given, not at the end. The signal
// goes to the whole test process: this test's own (ownProcess).
func TestMarkPlainCtrlCAfterTheSecondMarkKeepsTwo(t *testing.T) {
	if ownProcess(t) {
		return
	}
	file := threeOpenSheet(t)
	stop := make(chan struct{})
	defer close(stop)
	in := &linesWithEdits{lines: []string{"1 one", "1.5 two"}, stop: stop,
		atEnd: func() { syscall.Kill(os.Getpid(), syscall.SIGINT) }} // at the third prompt
	f, _, _, errOut := testFactory(t)
	f.IOStreams.In = in
	f.HandleSignals = true
	code := Run(f, []string{"mark", filepath.Dir(file), "--plain", "--marker", "T"})
	if code != ExitInterrupted || !strings.Contains(errOut.String(), "2 marks given; 1 answer left to mark") || !strings.Contains(errOut.String(), "every mark given so far is saved") {
		t.Fatalf("exit %d, want %d:\n%s", code, ExitInterrupted, errOut)
	}
	got, _ := os.ReadFile(file)
	if !strings.Contains(string(got), "q1:\n    points: 1\n    comment: one\n") || !strings.Contains(string(got), "q2:\n    points: 1.5\n    comment: two\n") || strings.Contains(string(got), "q3:\n    points") {
		t.Errorf("want the first two marks, and no third:\n%s", got)
	}
}
