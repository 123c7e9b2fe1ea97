package fileio

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestOpenFileAsOSOpenFile: OpenFile creates with O_EXCL as os.OpenFile
// does (the file's permissions, the error when it is there, naming the
// path), reads and writes the file it opens, and with O_NONBLOCK does not
// wait at a pipe nobody writes to.
func TestOpenFileAsOSOpenFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lock")
	f, err := OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("pid 1\n"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if st, err := os.Stat(path); err != nil || st.Mode().Perm()&^0o600 != 0 || st.Size() != 6 {
		t.Fatalf("made %v, %v: want 6 bytes, at most rw-------", st, err)
	}
	_, err = OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	var pe *fs.PathError
	if !errors.Is(err, fs.ErrExist) || !errors.As(err, &pe) || pe.Path != path || pe.Op != "open" {
		t.Fatalf("created again: %v, want os.OpenFile's error that it exists", err)
	}
	if _, err := OpenFile(filepath.Join(dir, "none"), os.O_RDONLY, 0); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("opened a missing file: %v", err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscallMkfifo(fifo); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan error, 1)
	go func() {
		f, err := OpenFile(fifo, os.O_RDONLY|nonblock, 0)
		if err == nil {
			f.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("a pipe opened with O_NONBLOCK: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("opening a pipe with O_NONBLOCK waited for a writer")
	}
}
