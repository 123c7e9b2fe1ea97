//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// teacher4 A2: a full entry is about 90 lines at 80x24, and the plain view
// (teacher7 A3) can still be more than a screen. On a terminal define
// sends it through the pager ($CONFLICTQ_PAGER here, a script that marks the
// lines it shows); the exit code is unchanged.
func TestDefinePagesOnATerminal(t *testing.T) {
	t.Parallel()
	pager := filepath.Join(t.TempDir(), "pager")
	if err := os.WriteFile(pager, []byte("#!/bin/sh\nsed 's/^/paged: /'\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	scr, tty := newSurveylessScreen(t, 80, 24, true)
	env := map[string]string{"XDG_CONFIG_HOME": t.TempDir(), "XDG_STATE_HOME": t.TempDir(), "TERM": "xterm", "CONFLICTQ_PAGER": pager, "PAGER": "false", "NO_COLOR": "1"}
	done, errOut := runOnTTYWith(t, tty, env, "define", "xocali", "no-such-term")
	select {
	case code := <-done:
		if code != ExitNegative {
			t.Fatalf("exit %d, want %d (a term not found); stderr:\n%s", code, ExitNegative, errOut)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("define did not end")
	}
	// The student's view, its last line included, goes through the pager.
	scr.waitFor("paged: Full entry: conflictq define Khojaly --full")
	if !strings.Contains(scr.text(), "paged: Sources:") {
		t.Errorf("the entry did not go through the pager:\n%s", scr.text())
	}
	if !strings.Contains(errOut.String(), "no entry for 'no-such-term'") {
		t.Errorf("stderr: %q", errOut)
	}
}
