//go:build unix

package marking

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
)

// lockDir takes an advisory lock (flock) on the directory's lock file. The
// kernel drops it when the process ends, however it ends, so a run killed
// mid-marking never leaves a directory locked. The file is removed when the
// run ends, if it is still the one locked, so none is left in the class
// folder (attack5 N5).
func lockDir(dir, who string) (func(), error) {
	path := filepath.Join(dir, LockName)
	for range 10 {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, err
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, &BusyError{Dir: dir, Holder: holder(path)}
			}
			return nil, err
		}
		if !stillAt(f, path) {
			// Another run removed the file between our open and our lock
			// (it ended): the lock is on a file no one else will open.
			// Take the lock on the file the name has now.
			f.Close()
			continue
		}
		f.Truncate(0)
		f.WriteAt([]byte(who+"\n"), 0)
		return func() {
			// Removed while still locked, and only if the name is still
			// ours: a run that opened it meanwhile finds it gone (stillAt)
			// and opens the new one.
			if stillAt(f, path) {
				os.Remove(path)
			} else {
				f.Truncate(0)
			}
			syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
			f.Close()
		}, nil
	}
	return nil, &BusyError{Dir: dir, Holder: holder(path)}
}

// stillAt reports whether path still names the open file f.
func stillAt(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Lstat(path)
	return err == nil && os.SameFile(a, b)
}
