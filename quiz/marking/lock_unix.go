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
// mid-marking never leaves a directory locked.
func lockDir(dir, who string) (func(), error) {
	path := filepath.Join(dir, LockName)
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
	f.Truncate(0)
	f.WriteAt([]byte(who+"\n"), 0)
	return func() {
		f.Truncate(0)
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
