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

// tracer runs the real conflictq under strace, which sees the system calls
// a test counts (syncs, files made), in dir with env.
type tracer struct {
	t           *testing.T
	strace, bin string
	dir         string
	env         []string
}

// newTracer skips the test under -short or where strace is missing (.ci/run
// installs it), and runs in dir with env.
func newTracer(t *testing.T, dir string, env []string) *tracer {
	t.Helper()
	if testing.Short() {
		t.Skip("runs conflictq under strace")
	}
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("no strace to see the system calls")
	}
	bin, err := exec.LookPath("conflictq") // put on PATH by TestMain
	if err != nil {
		t.Fatal(err)
	}
	return &tracer{t: t, strace: strace, bin: bin, dir: dir, env: env}
}

// run runs conflictq with args (input on standard input) tracing the calls
// named by trace (strace's -e trace=...), and returns strace's log, what the
// run printed and its error; it skips the test where strace cannot trace.
func (tr *tracer) run(trace, input string, args ...string) (log []byte, out string, runErr error) {
	tr.t.Helper()
	logFile := filepath.Join(tr.t.TempDir(), "strace.log")
	cmd := exec.Command(tr.strace, append([]string{"-f", "-qq", "-e", "trace=" + trace, "-o", logFile, tr.bin}, args...)...)
	cmd.Dir, cmd.Env, cmd.Stdin = tr.dir, tr.env, strings.NewReader(input)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	runErr = cmd.Run()
	log, err := os.ReadFile(logFile)
	if err != nil || strings.Contains(buf.String(), "PTRACE_TRACEME") || strings.Contains(buf.String(), "ptrace(") {
		tr.t.Skipf("strace cannot trace here: %v %v\n%s", runErr, err, buf.String())
	}
	return log, buf.String(), runErr
}
