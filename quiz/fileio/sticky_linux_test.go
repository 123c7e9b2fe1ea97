package fileio

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
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

// A set of outputs whose key is another user's file in a sticky folder is
// refused before any file is kept or renamed: keeping the key made a hard
// link its maker could not remove, one more at every retry, and the first
// output was written and taken back (recheck29 N1).
func TestSetStickyRefusedFirst(t *testing.T) {
	if dir := os.Getenv("FILEIO_STICKY_SET"); dir != "" { // the child, as nobody
		var s Set
		for _, name := range []string{"ws.md", "key.md"} {
			if err := s.WriteFile(filepath.Join(dir, name), true, Derived, func(w io.Writer) error { _, err := io.WriteString(w, "new\n"); return err }); err != nil {
				fmt.Printf("write: %v\n", err)
				return
			}
		}
		fmt.Printf("err: %v\n", s.Commit())
		return
	}
	dir, err := os.MkdirTemp("", "stickyset")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o777|fs.ModeSticky); err != nil {
		t.Fatal(err)
	}
	key := filepath.Join(dir, "key.md")
	if err := os.WriteFile(key, []byte("old\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	os.Chmod(key, 0o666) // writable by nobody: a hard link to it may be made
	for range 3 {
		out := asnobody.Run(t, dir, "TestSetStickyRefusedFirst", "FILEIO_STICKY_SET="+dir)
		if want := "is sticky (as /tmp is) and the file is another user's (uid 0)"; !strings.Contains(string(out), want) || !strings.Contains(string(out), "nothing was written") {
			t.Fatalf("got\n%s\nwant the sticky folder named and nothing written", out)
		}
	}
	st, err := os.Stat(key)
	if err != nil {
		t.Fatal(err)
	}
	if n := st.Sys().(*syscall.Stat_t).Nlink; n != 1 {
		t.Errorf("key.md has %d links, want 1", n)
	}
	if data, _ := os.ReadFile(key); string(data) != "old\n" {
		t.Errorf("key.md holds %q, want it kept", data)
	}
	if _, err := os.Stat(filepath.Join(dir, "ws.md")); err == nil {
		t.Errorf("ws.md was written")
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".test") { // asnobody's copy of this binary
			names = append(names, e.Name())
		}
	}
	if len(names) != 1 {
		t.Errorf("the folder holds %v, want key.md alone", names)
	}

	// Root, whom the system lets replace any file there, is not refused
	// (recheck29b V1), in a folder and of a file both another user's.
	if err := os.Chown(dir, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(key, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	var s Set
	for _, name := range []string{"ws.md", "key.md"} {
		if err := s.WriteFile(filepath.Join(dir, name), true, Derived, func(w io.Writer) error { _, err := io.WriteString(w, "root\n"); return err }); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Commit(); err != nil {
		t.Errorf("root's Commit: %v, want the set written", err)
	}
	if data, _ := os.ReadFile(key); string(data) != "root\n" {
		t.Errorf("key.md holds %q after root's write", data)
	}
}
