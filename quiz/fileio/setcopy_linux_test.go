package fileio

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/conflictq/conflictq/quiz/internal/asnobody"
)

// A set that replaces a colleague's file, in a folder anyone may write that
// is not sticky, keeps it as a copy (protected_hardlinks refuses a link to
// another user's file), and the copy is not the file: it is owned by
// whoever runs the command, and the file's other hard links are not its.
// So that file takes its name last (recheck29 N5): when another output
// cannot take its name, the colleague's file is the one it was, its owner
// and its links kept, and "as they were" is true. With two such files, the
// first put back as a copy is said to be one, and how. Run as root, which
// makes the files, with the writes by nobody.
func TestSetCopyOfAnotherUsersFile(t *testing.T) {
	if dir := os.Getenv("FILEIO_COPY_SET"); dir != "" { // the child, as nobody
		after, _ := strconv.Atoi(os.Getenv("FILEIO_COPY_AFTER"))
		copySetChild(dir, strings.Split(os.Getenv("FILEIO_COPY_NAMES"), ","), os.Getenv("FILEIO_COPY_FAILS"), after)
		return
	}
	for _, c := range []struct {
		names, theirs []string
		fails         string // made a folder as the after'th file takes its name
		after         int
		want          string
		kept          []string // their files left as they were, link and owner
		private       bool     // their files 0600: nobody can neither link nor copy them
	}{
		{[]string{"g.csv", "stats.json", "sums.json"}, []string{"stats.json"}, "sums.json", 1,
			"nothing was written: the 3 outputs are as they were", []string{"stats.json"}, false},
		{[]string{"g.csv", "s1.json", "s2.json"}, []string{"s1.json", "s2.json"}, "s2.json", 2,
			"/s1.json has its old content back, as a copy: it is owned by you, not by uid 0, and its other hard link keeps the old file; the other 2 files are as they were", nil, false},
		// A file that can be neither linked nor copied takes its name last:
		// a failure before it leaves it as it was. First (as it was), it
		// had its new content, its old lost (attack25 M1).
		{[]string{"g.csv", "secret.csv", "sums.json"}, []string{"secret.csv"}, "sums.json", 1,
			"nothing was written: the 3 outputs are as they were", []string{"secret.csv"}, true},
	} {
		dir, err := os.MkdirTemp("", "copyset")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(dir) })
		if err := os.Chmod(dir, 0o777); err != nil { // not sticky: nobody may replace root's files
			t.Fatal(err)
		}
		ino := map[string]uint64{}
		for _, name := range c.theirs {
			path := filepath.Join(dir, name)
			mode := os.FileMode(0o644)
			if c.private {
				mode = 0o600
			}
			if err := os.WriteFile(path, []byte("old "+name), mode); err != nil {
				t.Fatal(err)
			}
			if err := os.Link(path, filepath.Join(dir, "link-"+name)); err != nil {
				t.Fatal(err)
			}
			st, _ := os.Stat(path)
			ino[name] = st.Sys().(*syscall.Stat_t).Ino
		}
		out := string(asnobody.Run(t, dir, "TestSetCopyOfAnotherUsersFile", "FILEIO_COPY_SET="+dir,
			"FILEIO_COPY_NAMES="+strings.Join(c.names, ","), "FILEIO_COPY_FAILS="+c.fails, "FILEIO_COPY_AFTER="+strconv.Itoa(c.after)))
		if !strings.Contains(out, "err: ") || !strings.Contains(out, c.want) {
			t.Errorf("%v: got\n%s\nwant %q", c.names, out, c.want)
		}
		for _, name := range c.theirs {
			if name == c.fails {
				continue
			}
			path := filepath.Join(dir, name)
			if data, _ := os.ReadFile(path); string(data) != "old "+name {
				t.Errorf("%s holds %q, want its old content", name, data)
			}
			st, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			sys := st.Sys().(*syscall.Stat_t)
			same := sys.Ino == ino[name] && sys.Uid == 0 && sys.Nlink == 2
			if want := len(c.kept) > 0; same != want {
				t.Errorf("%s: inode %d (was %d), uid %d, %d links; want it the same file: %v", name, sys.Ino, ino[name], sys.Uid, sys.Nlink, want)
			}
		}
		if _, err := os.Lstat(filepath.Join(dir, "g.csv")); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("g.csv, new in the failed set, is there (%v)", err)
		}
		if left := Leftovers(dir, func(string) bool { return true }); len(left) > 0 {
			t.Errorf("left %v", left)
		}
	}
}

// copySetChild writes names as one set, as nobody, in dir; as the
// after'th file takes its name, a folder is put in the way of fails.
func copySetChild(dir string, names []string, fails string, after int) {
	if b, _ := os.ReadFile("/proc/sys/fs/protected_hardlinks"); strings.TrimSpace(string(b)) != "1" {
		linkFile = func(old, new string) error { // as protected_hardlinks refuses
			if st, err := os.Stat(old); err == nil && st.Sys().(*syscall.Stat_t).Uid != uint32(os.Geteuid()) {
				return &os.LinkError{Op: "link", Old: old, New: new, Err: syscall.EPERM}
			}
			return os.Link(old, new)
		}
	}
	var s Set
	for _, name := range names {
		if err := s.WriteFile(filepath.Join(dir, name), true, Derived, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
			fmt.Printf("write: %v\n", err)
			return
		}
	}
	n := 0
	afterPlace = func() {
		if n++; n == after {
			path := filepath.Join(dir, fails)
			os.Remove(path)
			os.MkdirAll(filepath.Join(path, "x"), 0o755)
		}
	}
	fmt.Printf("err: %v\n", s.Commit())
}

// Root keeps the owner of the copy it makes of another user's file where
// no hard link can be made, and the message says only what differs: the
// hard links.
func TestCopyOldKeepsTheOwnerAsRoot(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root, to give a copy another user's owner")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "stats.json")
	if err := os.WriteFile(path, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(path, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	old, differs := copyOld(path, dir, st)
	if old == "" {
		t.Fatal("no copy")
	}
	cst, _ := os.Stat(old)
	if sys := cst.Sys().(*syscall.Stat_t); sys.Uid != 65534 || sys.Gid != 65534 || cst.Mode().Perm() != 0o640 {
		t.Errorf("copy: uid %d gid %d mode %v, want 65534 65534 0640", sys.Uid, sys.Gid, cst.Mode().Perm())
	}
	if differs != "" {
		t.Errorf("differs %q, want nothing", differs)
	}
	os.Link(path, filepath.Join(dir, "link.json"))
	st, _ = os.Stat(path)
	if _, differs := copyOld(path, dir, st); differs != "its other hard link keeps the old file" {
		t.Errorf("differs %q, want the other hard link named", differs)
	}
}
