package fileio

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz/internal/asnobody"
)

// A file replaced (--force) in a sticky folder (as /tmp is) that is another
// user's is refused by the system with "operation not permitted": the
// message says why. Run as root, which makes the folder and the file, with
// the write by nobody, in a copy of the test binary.
func TestStickyRefusalSaysWhy(t *testing.T) {
	if path := os.Getenv("FILEIO_STICKY_PATH"); path != "" { // the child, as nobody
		err := WriteFile(path, true, Derived, func(w io.Writer) error { _, err := io.WriteString(w, "new\n"); return err })
		fmt.Printf("err: %v\n", err)
		return
	}
	dir, err := os.MkdirTemp("", "sticky")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o777|fs.ModeSticky); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(path, []byte("old\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	os.Chmod(path, 0o666)
	out := asnobody.Run(t, dir, "TestStickyRefusalSaysWhy", "FILEIO_STICKY_PATH="+path)
	want := "err: write " + path + ": operation not permitted: the folder " + dir + " is sticky (as /tmp is) and the file is another user's (uid 0)"
	if !strings.Contains(string(out), want) {
		t.Errorf("got\n%s\nwant %q", out, want)
	}
	if data, _ := os.ReadFile(path); string(data) != "old\n" {
		t.Errorf("the file holds %q, want it kept", data)
	}
	if left := Leftovers(dir, func(string) bool { return true }); len(left) > 0 {
		t.Errorf("left %v", left)
	}
}
