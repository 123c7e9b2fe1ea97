package fileio

import (
	"os"
	"strconv"
	"syscall"
	"unsafe"
)

// stillPending reports whether a SIGHUP, SIGINT or SIGTERM sent to this
// process waits in the kernel for a thread to take it (rt_sigpending: for
// the process, or for the thread asking): flushSignals waits until none
// does.
func stillPending() bool {
	var set uint64
	if _, _, e := syscall.RawSyscall(syscall.SYS_RT_SIGPENDING, uintptr(unsafe.Pointer(&set)), 8, 0); e != 0 {
		return false
	}
	const caught = 1<<(syscall.SIGHUP-1) | 1<<(syscall.SIGINT-1) | 1<<(syscall.SIGTERM-1)
	return set&caught != 0
}

// threads lists the threads of this process (/proc/self/task), for
// flushSignals; false when it cannot.
func threads() ([]int, bool) {
	f, err := os.Open("/proc/self/task")
	if err != nil {
		return nil, false
	}
	defer f.Close()
	names, err := f.Readdirnames(-1)
	if err != nil || len(names) == 0 {
		return nil, false
	}
	tids := make([]int, 0, len(names))
	for _, n := range names {
		tid, err := strconv.Atoi(n)
		if err != nil {
			return nil, false
		}
		tids = append(tids, tid)
	}
	return tids, true
}

// signalThread sends sig to the thread tid of the process pid (tgkill).
func signalThread(pid, tid int, sig syscall.Signal) error { return syscall.Tgkill(pid, tid, sig) }
