//go:build unix && !aix

package marking

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/conflictq/conflictq/quiz/fileio"
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
		if err := fileio.TryLock(f); err != nil {
			f.Close()
			if errors.Is(err, fileio.ErrLocked) {
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
		release := func() {
			// Removed while still locked, and only if the name is still
			// ours: a run that opened it meanwhile finds it gone (stillAt)
			// and opens the new one.
			if stillAt(f, path) {
				os.Remove(path)
			} else {
				f.Truncate(0)
			}
			fileio.Unlock(f)
			f.Close()
		}
		// Who holds the lock, for a second run's message. A folder where
		// this small write fails will not take the marks either: say so
		// now, before any mark is given.
		if err := f.Truncate(0); err != nil {
			release()
			return nil, err
		}
		if _, err := f.WriteAt([]byte(who+"\n"), 0); err != nil {
			release()
			return nil, err
		}
		return release, nil
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
