package cmd

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestMarkSetsUpNoPoller: mark opens the marks CSV, its lock file, the
// sheets, its temporary files and the folder it syncs without the runtime's
// poller (fileio.Open, OpenFile, CreateTemp), as every command that reads a
// file does: setting it up was eight system calls in the rows furthest over
// the floor (review13-s26 L2). A run that leaves the lock file of a killed
// run probes the folder with a temporary file: that too.
func TestMarkSetsUpNoPoller(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tr := newTracer(t, dir, append(os.Environ(), "NO_COLOR=1", "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "XDG_STATE_HOME="+filepath.Join(dir, "state")))
	poller := regexp.MustCompile(`(?m)^(?:\[pid +\d+\] |\d+ +)?(?:epoll_create1?|eventfd2?|epoll_ctl)\(`)
	traced := func(input string, args ...string) (calls int, log string) {
		t.Helper()
		data, out, err := tr.run("openat,open,epoll_create1,epoll_create,eventfd2,eventfd,epoll_ctl,fsync", input, args...)
		if err != nil {
			t.Fatalf("conflictq %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return len(poller.FindAllIndex(data, -1)), string(data)
	}
	fx := writeTeacherFixture(t, dir, func(args ...string) { traced("", args...) })
	for _, tc := range []struct {
		name, input string
		args        []string
		leftLock    bool // the lock file of a killed run is there
	}{
		{"--from", "", []string{"--from", fx.CSV}, false},
		{"--plain", fx.Plain, []string{"--plain"}, false},
		{"--from, a lock left", "", []string{"--from", fx.CSV}, true},
	} {
		fx.Reset(t, dir)
		if tc.leftLock {
			if err := os.WriteFile(filepath.Join(dir, "mark", ".conflictq-mark.lock"), []byte("pid 1\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		n, log := traced(tc.input, append([]string{"mark", filepath.Dir(fx.Marked)}, tc.args...)...)
		if !strings.Contains(log, "fsync(") || !strings.Contains(log, ".conflictq-mark.lock") || tc.leftLock && !strings.Contains(log, ".conflictq-check-") {
			t.Fatalf("mark %s: the trace shows no mark saved, lock taken or folder probed:\n%s", tc.name, log)
		}
		if n > 0 {
			t.Errorf("mark %s: %d calls setting up the runtime's poller:\n%s", tc.name, n, log)
		}
	}
}
