//go:build unix && !aix

package history

import (
	"os"

	"golang.org/x/sys/unix"
)

func lock(f *os.File) error       { return flock(f, unix.LOCK_EX) }
func lockShared(f *os.File) error { return flock(f, unix.LOCK_SH) }

func flock(f *os.File, how int) error {
	for {
		err := unix.Flock(int(f.Fd()), how)
		if err != unix.EINTR {
			return err
		}
	}
}

func unlock(f *os.File) error { return unix.Flock(int(f.Fd()), unix.LOCK_UN) }
