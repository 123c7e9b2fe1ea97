//go:build unix

package fileio

import (
	"io/fs"
	"os"
	"syscall"
)

// Open opens a file to read, as os.Open does, but without handing it to the
// runtime's poller: a regular file never uses it, and the first os.Open in a
// process sets the poller up (an epoll instance, an event descriptor, and
// eight system calls in all), which every command that reads a file paid
// for nothing. Every file conflictq reads is opened with it.
func Open(name string) (*os.File, error) {
	for {
		fd, err := syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		return os.NewFile(uintptr(fd), name), nil
	}
}
