package fileio

import (
	"bytes"
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

// busyThreads lists the threads of this process (/proc/self/task) that
// may hold a SIGHUP, SIGINT or SIGTERM, for flushSignals: all but those
// asleep (state S in their stat) that neither block nor hold one. A thread
// may sleep holding one it blocks (as this package's test makes one do);
// one it does not block would have woken it. False when it cannot list
// them.
func busyThreads() ([]int, bool) {
	f, err := Open("/proc/self/task")
	if err != nil {
		return nil, false
	}
	defer f.Close()
	names, err := f.Readdirnames(-1)
	if err != nil || len(names) == 0 {
		return nil, false
	}
	tids := make([]int, 0, len(names))
	var buf [1024]byte
	for _, n := range names {
		tid, err := strconv.Atoi(n)
		if err != nil {
			return nil, false
		}
		st, err := Open("/proc/self/task/" + n + "/stat")
		if err != nil {
			continue // ended
		}
		k, _ := st.Read(buf[:])
		st.Close()
		if !asleepHoldingNone(buf[:k]) {
			tids = append(tids, tid)
		}
	}
	return tids, true
}

// asleepHoldingNone reports whether a thread's stat ("tid (name) S ...",
// the name may hold spaces and parentheses) says it sleeps (S) with no
// SIGHUP, SIGINT or SIGTERM pending for it (field 31, signal) or blocked
// (32, blocked).
func asleepHoldingNone(stat []byte) bool {
	i := bytes.LastIndexByte(stat, ')')
	if i < 0 {
		return false
	}
	f := bytes.Fields(stat[i+1:]) // f[0] is field 3
	if len(f) < 30 || string(f[0]) != "S" {
		return false
	}
	const caught = 1<<(syscall.SIGHUP-1) | 1<<(syscall.SIGINT-1) | 1<<(syscall.SIGTERM-1)
	for _, field := range f[28:30] {
		if n, err := strconv.ParseUint(string(field), 10, 64); err != nil || n&caught != 0 {
			return false
		}
	}
	return true
}

// signalThread sends sig to the thread tid of the process pid (tgkill).
func signalThread(pid, tid int, sig syscall.Signal) error { return syscall.Tgkill(pid, tid, sig) }
