//go:build unix

package fileio

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// A written file gets its permissions as any new file does, less the umask
// (a teacher's 027 keeps reports from other accounts), and a file replaced
// with force keeps its own, as far as the file's allow (attack21 L7: every
// file came out 0644). The umask is the process's: the part that sets it
// runs in a process of its own.
func TestWrittenFilesPermissions(t *testing.T) {
	if dir := os.Getenv("FILEIO_UMASK_DIR"); dir != "" {
		syscall.Umask(0o027)
		for _, name := range []string{"new.csv", "private.json"} {
			perm := os.FileMode(0o644)
			if name == "private.json" {
				perm = 0o600
			}
			if err := WriteFilePerm(filepath.Join(dir, name), false, perm, Derived, func(io.Writer) error { return nil }); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestWrittenFilesPermissions$")
	cmd.Env = append(os.Environ(), "FILEIO_UMASK_DIR="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for name, want := range map[string]os.FileMode{"new.csv": 0o640, "private.json": 0o600} {
		if st, err := os.Stat(filepath.Join(dir, name)); err != nil || st.Mode().Perm() != want {
			t.Errorf("%s under umask 027: %v %v, want %v", name, st.Mode().Perm(), err, want)
		}
	}
	// --force over a file kept 0640 keeps it so; over a 0666 one, no wider
	// than the 0644 asked for.
	for _, c := range []struct{ had, want os.FileMode }{{0o640, 0o640}, {0o666, 0o644}} {
		path := filepath.Join(dir, "gradebook.csv")
		os.Remove(path)
		if err := os.WriteFile(path, []byte("old"), c.had); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, c.had); err != nil {
			t.Fatal(err)
		}
		if err := WriteFile(path, true, Derived, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
			t.Fatal(err)
		}
		if st, err := os.Stat(path); err != nil || st.Mode().Perm() != c.want {
			t.Errorf("--force over a %v file: %v %v, want %v", c.had, st.Mode().Perm(), err, c.want)
		}
	}
}
