//go:build !unix || aix

package marking

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// lockDir claims the directory's lock file by creating it; it is removed on
// release. A run that was killed leaves it behind: the message names it.
func lockDir(dir, who string) (func(), error) {
	path := filepath.Join(dir, LockName)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, &BusyError{Dir: dir, Holder: holder(path) + "; if no mark is running, delete " + path}
	}
	if err != nil {
		return nil, err
	}
	f.WriteString(who + "\n")
	f.Close()
	return func() { os.Remove(path) }, nil
}
