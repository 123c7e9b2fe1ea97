//go:build !unix || aix

package marking

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/conflictq/conflictq/quiz/fileio"
)

// lockDir claims the directory's lock file by creating it; it is removed on
// release. A run that was killed leaves it behind: the message names it.
func lockDir(dir, who string) (func(), error) {
	path := filepath.Join(dir, LockName)
	if err := checkLockPath(dir, path); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		h := ""
		if r, err := fileio.Open(path); err == nil {
			h = holder(r)
			r.Close()
		}
		return nil, &BusyError{Dir: dir, Holder: h + "; if no mark is running, delete " + path}
	}
	if readOnly(err) {
		return nil, &ReadOnlyError{Dir: dir}
	}
	if err != nil {
		return nil, err
	}
	f.WriteString(who + "\n")
	f.Close()
	if err := canWriteIn(dir); err != nil {
		os.Remove(path)
		return nil, err
	}
	return func() { os.Remove(path) }, nil
}

// readOnly reports whether err says a file cannot be written.
func readOnly(err error) bool { return errors.Is(err, fs.ErrPermission) }
