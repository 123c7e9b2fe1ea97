//go:build unix && !linux

package fileio

import "syscall"

// stillPending reports false: only Linux is asked (see pending_linux.go).
func stillPending() bool { return false }

// threads reports false: only Linux lists them (see pending_linux.go).
func threads() ([]int, bool) { return nil, false }

// signalThread is never called: threads lists none.
func signalThread(pid, tid int, sig syscall.Signal) error { return syscall.ENOSYS }
