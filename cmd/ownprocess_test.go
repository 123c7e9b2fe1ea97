//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package cmd

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// ownProcessSkipCheck is set by TestOwnProcessPassesSkip in the test binary
// it runs: the subtest named by its -skip then fails if it runs.
const ownProcessSkipCheck = "OWNPROCESS_SKIP_CHECK"

// TestOwnProcessSubtests runs in a process of its own, as the survey tests
// do, with two subtests for TestOwnProcessPassesSkip; run alone, both pass.
func TestOwnProcessSubtests(t *testing.T) {
	if ownProcess(t) {
		return
	}
	t.Run("kept", func(t *testing.T) {})
	t.Run("skipped", func(t *testing.T) {
		if os.Getenv(ownProcessSkipCheck) != "" {
			t.Fatal("ran in a process of its own although -skip named it")
		}
	})
}

// ownProcess passes -skip on to the process it starts: go test -run TestX
// -skip TestX/slow ran TestX/slow there (review-code24 #10).
func TestOwnProcessPassesSkip(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the test binary twice over")
	}
	t.Parallel()
	cmd := exec.CommandContext(t.Context(), os.Args[0], "-test.run=^TestOwnProcessSubtests$", "-test.skip=TestOwnProcessSubtests/skipped", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), ownProcessSkipCheck+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestOwnProcessSubtests/kept") || strings.Contains(string(out), "TestOwnProcessSubtests/skipped") {
		t.Errorf("%v\n%s", err, out)
	}
}

// The variable that marks a test's own process (ownProcess) is no setting:
// named CONFLICTQ_..., it sent every pty test down loadConfig's slow path
// (review-code24 #5).
func TestOwnProcessMarkerIsNoSetting(t *testing.T) {
	noSettingsInEnvironment(t)
	t.Setenv(ownProcessEnv, "TestSomething")
	if settingsInEnvironment() {
		t.Errorf("%s=... counts as a setting in the environment: loadConfig's fast path never runs in a test's own process", ownProcessEnv)
	}
}
