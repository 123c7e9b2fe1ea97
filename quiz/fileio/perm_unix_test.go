//go:build unix

package fileio

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
)

// permCase is a file the test's child process writes under a umask: new
// (had 0) or replaced with force (had its mode), asked perm.
type permCase struct {
	name      string
	had, perm os.FileMode
}

var permCases = []permCase{
	{"new.csv", 0, 0o644},
	{"private.json", 0, 0o600},
	{"gradebook.csv", 0o640, 0o644},              // recheck26 L4: not narrowed by the umask
	{"shared.csv", 0o664, 0o644},                 // a group's shared file stays shared
	{"open.csv", 0o666, 0o644},                   // as cp keeps it: the owner's choice
	{"own.csv", 0o600, 0o644},                    // attack21 L7: not widened to 0644
	{"run.sh", 0o755, 0o644},                     // execute bits are mode bits too
	{"setuid.csv", os.ModeSetuid | 0o755, 0o644}, // setuid is not carried
	{"setgid.csv", os.ModeSetgid | 0o775, 0o644}, // nor setgid
	{"sticky.csv", os.ModeSticky | 0o644, 0o644}, // nor sticky
	{"cache.json", 0o644, 0o600},                 // what is asked private stays private
	{"cache2.json", 0o700, 0o600},                // less group and other only
	{"readonly.csv", 0o444, 0o644},               // a file its owner made read-only
	{"nobody.csv", 0o000, 0o644},                 // even none: the owner's choice
	{"groupw.csv", 0o620, 0o644},                 // odd, but its own
	{"otherw.csv", 0o602, 0o600},                 // private: others' bits dropped
	{"keep-x.json", 0o750, 0o600},                // private: the owner's kept
}

// A written file gets its permissions as any new file does, less the umask
// (a teacher's 027 keeps reports from other accounts), and a file replaced
// with force keeps its own mode bits whatever the umask, as cp and editors
// do: user, group and other; not setuid, setgid or sticky; no bit for group
// or other when the file is asked private. The umask is the process's: the
// part that writes runs in a process of its own, one per umask.
func TestWrittenFilesPermissions(t *testing.T) {
	if dir := os.Getenv("FILEIO_UMASK_DIR"); dir != "" {
		mask, _ := strconv.ParseUint(os.Getenv("FILEIO_UMASK"), 8, 32)
		syscall.Umask(int(mask))
		for _, c := range permCases {
			if err := WriteFilePerm(filepath.Join(dir, c.name), true, c.perm, Derived, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	for _, mask := range []os.FileMode{0o000, 0o002, 0o022, 0o027, 0o077, 0o277} {
		t.Run(fmt.Sprintf("umask %03o", mask), func(t *testing.T) {
			dir := t.TempDir()
			for _, c := range permCases {
				if c.had == 0 {
					continue
				}
				path := filepath.Join(dir, c.name)
				if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
					t.Fatal(err)
				}
				if err := os.Chmod(path, c.had); err != nil {
					t.Fatal(err)
				}
				if st, _ := os.Stat(path); st.Mode()&^os.ModeType != c.had {
					t.Skipf("%s: cannot set %v here (%v)", c.name, c.had, st.Mode())
				}
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestWrittenFilesPermissions$")
			cmd.Env = append(os.Environ(), "FILEIO_UMASK_DIR="+dir, fmt.Sprintf("FILEIO_UMASK=%o", mask))
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			for _, c := range permCases {
				want := c.perm &^ mask
				if c.had != 0 {
					want = c.had.Perm()
					if c.perm&0o077 == 0 {
						want &= 0o700
					}
				}
				st, err := os.Stat(filepath.Join(dir, c.name))
				if err != nil {
					t.Fatal(err)
				}
				if got := st.Mode() &^ os.ModeType; got != want {
					t.Errorf("%s (had %v, asked %v): %v, want %v", c.name, c.had, c.perm, got, want)
				}
			}
		})
	}
}
