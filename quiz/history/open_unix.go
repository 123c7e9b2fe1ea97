//go:build unix

package history

import (
	"io/fs"
	"os"
	"syscall"
)

// open opens a file to read, as os.Open does, without handing it to the
// runtime's poller: a regular file never uses it, but the first os.Open in
// a process sets the poller up (an epoll instance, an event descriptor and
// a thread to wait on them), some 20 µs of conflictq progress's run.
func open(name string) (*os.File, error) {
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
