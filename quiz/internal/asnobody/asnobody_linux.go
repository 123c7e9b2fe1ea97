// Package asnobody runs a test again as the user nobody, for tests of what
// another user may not do (a sticky folder, a file one may not write): the
// test run as root makes the files, and its copy, run as nobody, tries.
package asnobody

import (
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
)

// Run runs the test named test again, as nobody, from a copy of the test
// binary in dir (which nobody must be able to read), with env added to the
// environment, and returns what it printed. It skips t when not run as root
// or when there is no user nobody, and fails it when the run fails.
func Run(t *testing.T, dir, test string, env ...string) []byte {
	t.Helper()
	if os.Getuid() != 0 {
		t.Skip("needs root, to make files another user may not use, and run as nobody")
	}
	nobody, err := user.Lookup("nobody")
	if err != nil {
		t.Skip("no user nobody:", err)
	}
	uid, _ := strconv.Atoi(nobody.Uid)
	gid, _ := strconv.Atoi(nobody.Gid)
	self, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, filepath.Base(os.Args[0]))
	if err := os.WriteFile(bin, self, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-test.run=^"+test+"$")
	cmd.Env = append(os.Environ(), env...)
	cmd.Dir = dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return out
}
