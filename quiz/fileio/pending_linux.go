package fileio

import (
	"syscall"
	"unsafe"
)

// stillPending reports whether a SIGHUP, SIGINT or SIGTERM sent to this
// process waits in the kernel for a thread to take it (rt_sigpending):
// a SIGWINCH sent after it may then have been taken first, by another
// thread (flushSignals).
func stillPending() bool {
	var set uint64
	if _, _, e := syscall.RawSyscall(syscall.SYS_RT_SIGPENDING, uintptr(unsafe.Pointer(&set)), 8, 0); e != 0 {
		return false
	}
	const caught = 1<<(syscall.SIGHUP-1) | 1<<(syscall.SIGINT-1) | 1<<(syscall.SIGTERM-1)
	return set&caught != 0
}
