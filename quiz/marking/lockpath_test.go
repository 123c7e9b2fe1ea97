//go:build unix && !aix

package marking

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz/fileio"
)

// A lock path that is a link, a folder or a pipe is neither followed nor
// read: mark names it and says to remove it, and never prints what a link
// leads to nor claims another run is marking (attack6 #6).
func TestLockRefusesWhatIsNoLockFile(t *testing.T) {
	for _, tt := range []struct {
		name, what string
		make       func(dir, path string) error
	}{
		{"link to a report", "is a link", func(dir, path string) error {
			return os.Symlink("ana.json", path)
		}},
		{"link to no file", "is a link", func(dir, path string) error {
			return os.Symlink("gone.json", path)
		}},
		{"hard link to a report", "is a hard link", func(dir, path string) error {
			return os.Link(filepath.Join(dir, "ana.json"), path) // attack7 C: the report was emptied
		}},
		{"folder", "is a folder", func(dir, path string) error { return os.Mkdir(path, 0o755) }},
		{"pipe", "is a pipe or a device", func(dir, path string) error { return syscall.Mkfifo(path, 0o644) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			ana := filepath.Join(dir, "ana.json")
			os.WriteFile(ana, []byte("{\"secret\": \"the whole report\"}\n"), 0o644)
			path := filepath.Join(dir, LockName)
			if err := tt.make(dir, path); err != nil {
				t.Skip(err)
			}
			_, err := Lock([]string{ana}, time.Now())
			var odd *LockPathError
			if !errors.As(err, &odd) {
				t.Fatalf("got %v (%T), want a LockPathError", err, err)
			}
			msg := err.Error()
			if !strings.Contains(msg, path+" "+tt.what) || !strings.Contains(msg, "remove it") || strings.Contains(msg, "secret") || strings.Contains(msg, "another") {
				t.Errorf("message: %s", msg)
			}
			if data, _ := os.ReadFile(ana); string(data) != "{\"secret\": \"the whole report\"}\n" {
				t.Errorf("the report changed: %q", data)
			}
		})
	}
}

// What another run wrote in the lock is shown as one short line, escaped.
func TestBusyShowsOneShortLine(t *testing.T) {
	dir := t.TempDir()
	ana := filepath.Join(dir, "ana.json")
	os.WriteFile(ana, []byte("{}"), 0o644)
	path := filepath.Join(dir, LockName)
	os.WriteFile(path, []byte("pid 7\x1b[2J, since then\n"+strings.Repeat("x", 1<<20)), 0o644)
	f, _ := os.Open(path)
	defer f.Close()
	if err := fileio.TryLock(f); err != nil {
		t.Fatal(err)
	}
	_, err := Lock([]string{ana}, time.Now())
	var busy *BusyError
	if !errors.As(err, &busy) {
		t.Fatalf("got %v", err)
	}
	if busy.Holder != `pid 7\x1b[2J, since then` || len(err.Error()) > 400 {
		t.Errorf("holder %q; message %d bytes", busy.Holder, len(err.Error()))
	}
}

// A folder the teacher cannot write in is named before any mark is taken,
// with what it means: the marks could not be saved there.
func TestLockSaysTheFolderIsReadOnly(t *testing.T) {
	dir := t.TempDir()
	err := lockOpenErr(dir, filepath.Join(dir, LockName), &fs.PathError{Op: "open", Path: dir, Err: syscall.EACCES})
	var ro *ReadOnlyError
	if !errors.As(err, &ro) || !strings.Contains(err.Error(), "cannot write in "+dir+", so marks could not be saved there") {
		t.Errorf("got %v", err)
	}
	if os.Geteuid() == 0 {
		return // root writes in any folder
	}
	os.WriteFile(filepath.Join(dir, "ana.json"), []byte("{}"), 0o644)
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	if _, err := Lock([]string{filepath.Join(dir, "ana.json")}, time.Now()); !errors.As(err, &ro) {
		t.Errorf("a read-only folder: %v", err)
	}
}

// The folder is tried with a file made and removed only when the lock file
// was there already (left by a run that was killed): a lock file this run
// made shows that the folder takes the new files marks are written as.
func TestLockTriesTheFolderOnlyWithAnOldLockFile(t *testing.T) {
	probes := 0
	probe := probeDir
	probeDir = func(dir string) error { probes++; return probe(dir) }
	t.Cleanup(func() { probeDir = probe })
	dir := t.TempDir()
	ana := filepath.Join(dir, "ana.json")
	os.WriteFile(ana, []byte("{}"), 0o644)
	unlock, err := Lock([]string{ana}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	unlock()
	if probes != 0 {
		t.Errorf("a lock file made by the run: the folder tried %d times", probes)
	}
	// A killed run's lock file: not locked, and still there.
	lock := filepath.Join(dir, LockName)
	os.WriteFile(lock, []byte("pid 1, since then\n"), 0o644)
	unlock, err = Lock([]string{ana}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if probes != 1 {
		t.Errorf("an old lock file: the folder tried %d times, want once", probes)
	}
	if got, _ := os.ReadFile(lock); !strings.HasPrefix(string(got), "pid ") || strings.Contains(string(got), "since then") {
		t.Errorf("the lock file holds %q", got)
	}
	unlock()
	if _, err := os.Lstat(lock); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the lock file is left: %v", err)
	}
	// A folder that refuses new files, with an old lock file in it, is
	// named as read-only before any mark (as root, the probe is made to fail).
	os.WriteFile(lock, nil, 0o644)
	probeDir = func(dir string) error { probes++; return &ReadOnlyError{Dir: dir} }
	var ro *ReadOnlyError
	if _, err := Lock([]string{ana}, time.Now()); !errors.As(err, &ro) {
		t.Errorf("an old lock file in a folder that takes no file: %v", err)
	}
}
