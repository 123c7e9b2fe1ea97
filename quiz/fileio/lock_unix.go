//go:build unix && !aix

package fileio

import (
	"os"

	"golang.org/x/sys/unix"
)

// Lock waits for an exclusive lock on f.
func Lock(f *os.File) error { return flock(f, unix.LOCK_EX) }

// LockShared waits for a shared lock on f (readers share it).
func LockShared(f *os.File) error { return flock(f, unix.LOCK_SH) }

// TryLock takes an exclusive lock on f, or returns ErrLocked at once when
// another process holds one.
func TryLock(f *os.File) error {
	err := flock(f, unix.LOCK_EX|unix.LOCK_NB)
	if err == unix.EWOULDBLOCK {
		return ErrLocked
	}
	return err
}

// Unlock releases f's lock.
func Unlock(f *os.File) error { return flock(f, unix.LOCK_UN) }

// flock retries a lock that a signal interrupted.
func flock(f *os.File, how int) error {
	for {
		err := unix.Flock(int(f.Fd()), how)
		if err != unix.EINTR {
			return err
		}
	}
}
