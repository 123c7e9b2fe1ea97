//go:build unix

package fileio

import "syscall"

func syscallMkfifo(path string) error { return syscall.Mkfifo(path, 0o600) }

// nonblock is O_NONBLOCK.
const nonblock = syscall.O_NONBLOCK
