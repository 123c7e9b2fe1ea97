//go:build unix && !aix

package marking

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/text"
)

// lockDir takes an advisory lock (flock) on the directory's lock file. The
// kernel drops it when the process ends, however it ends, so a run killed
// mid-marking never leaves a directory locked. The file is removed when the
// run ends, if it is still the one locked, so none is left in the class
// folder (attack5 N5).
func lockDir(dir, who string) (func(), error) {
	path := filepath.Join(dir, LockName)
	for range 10 {
		if err := checkLockPath(dir, path); err != nil {
			return nil, err
		}
		f, created, err := openLock(path)
		if err != nil {
			return nil, lockOpenErr(dir, path, err)
		}
		st, err := f.Stat()
		if err != nil || !st.Mode().IsRegular() {
			f.Close()
			return nil, &LockPathError{Path: path, What: "not a regular file"}
		}
		// A hard link at the lock path is another file's second name (a
		// student's report, a gradebook): emptying it to write the holder
		// would destroy that file (attack7 C). conflictq's lock file has
		// one name.
		if sys, ok := st.Sys().(*syscall.Stat_t); ok && sys.Nlink > 1 {
			f.Close()
			return nil, &LockPathError{Path: path, What: "a hard link, a second name of some other file"}
		}
		if err := fileio.TryLock(f); err != nil {
			h := holder(f)
			f.Close()
			if errors.Is(err, fileio.ErrLocked) {
				return nil, &BusyError{Dir: dir, Holder: h}
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
			return nil, lockOpenErr(dir, path, err)
		}
		if _, err := f.WriteAt([]byte(who+"\n"), 0); err != nil {
			release()
			return nil, lockOpenErr(dir, path, err)
		}
		// The marks are written as new files beside the reports, renamed
		// over them: a folder that takes none would lose every mark. The
		// lock file, when this run made it, is such a new file: only a lock
		// file left by a run that was killed has the folder tried with a
		// file made and removed: two more changes to the folder on the
		// disk on every run.
		if !created {
			if err := probeDir(dir); err != nil {
				release()
				return nil, err
			}
		}
		return release, nil
	}
	return nil, fmt.Errorf("%s keeps changing while conflictq takes it; if no other mark is running, remove it and run again", path)
}

// openLock opens the lock file at path, creating it when it is not there;
// created says this open made it. O_NOFOLLOW: a link put at the path is not
// followed (with O_EXCL nothing at the path is); O_NONBLOCK: nor does a pipe
// there make the open wait. fileio.OpenFile: nor does the open set up the
// runtime's poller.
func openLock(path string) (f *os.File, created bool, err error) {
	const flags = os.O_RDWR | os.O_CREATE | syscall.O_NOFOLLOW | syscall.O_NONBLOCK
	f, err = fileio.OpenFile(path, flags|os.O_EXCL, 0o644)
	if err == nil {
		return f, true, nil
	}
	if !errors.Is(err, fs.ErrExist) {
		return nil, false, err
	}
	// There already (a lock file, or what checkLockPath refuses): opened
	// as it always was, the errors named as they always were.
	f, err = fileio.OpenFile(path, flags, 0o644)
	return f, false, err
}

// probeDir is canWriteIn; a variable only so that this package's tests can
// count the probes.
var probeDir = canWriteIn

// stillAt reports whether path still names the open file f.
func stillAt(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Lstat(path)
	return err == nil && os.SameFile(a, b)
}

// lockOpenErr words a lock file that cannot be created or written: a folder
// the teacher cannot write in takes no marks either.
func lockOpenErr(dir, path string, err error) error {
	if readOnly(err) {
		if _, lerr := os.Lstat(path); lerr == nil {
			if cerr := canWriteIn(dir); cerr == nil {
				return fmt.Errorf("%s cannot be opened (%v), so marking cannot start; if no other mark is running, remove it and run again", text.EscapeControl(path), errors.Unwrap(err))
			}
		}
		return &ReadOnlyError{Dir: dir}
	}
	if errors.Is(err, syscall.ELOOP) || errors.Is(err, syscall.EISDIR) {
		return checkLockPath(dir, path)
	}
	return err
}

// readOnly reports whether err says a file cannot be written: no permission,
// or a read-only file system.
func readOnly(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}
