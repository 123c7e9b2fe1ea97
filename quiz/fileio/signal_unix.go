//go:build unix

package fileio

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// flushed receives this process's own SIGWINCH (flushSignals).
var flushed chan os.Signal

// prepareFlush makes SIGWINCH, which by default does nothing (a terminal's
// change of size), come to flushed.
func prepareFlush() {
	if flushed == nil {
		flushed = make(chan os.Signal, 1)
		signal.Notify(flushed, syscall.SIGWINCH)
	}
}

// flushMu keeps two flushes from taking each other's SIGWINCH.
var flushMu sync.Mutex

// flushSignals returns once every SIGHUP, SIGINT and SIGTERM sent to this
// process before it was called has been handed to the channels
// signal.Notify gave it, whichever thread took it (recheck29 N2). On its
// way a signal waits in four places: in the kernel, until a thread takes
// it (pending); in the thread that took it, in Go's handler, until the
// handler puts it in the runtime's queue (the system may stop that thread
// in between, for as long as it likes); in the queue, which a goroutine
// of Go's hands on to the channels in the order of the signals' numbers;
// and in the channel. So, in this order:
//
//  1. While one is pending for the process (stillPending), wait: the
//     kernel has woken a thread to take it. After that every signal sent
//     before is in a thread's handler, pending for one thread alone, or in
//     the queue; none moves from one thread to another.
//  2. Send each thread of the process a SIGWINCH of its own and wait until
//     it is handed on, one thread after the other. A thread in Go's handler
//     blocks every signal until the handler returns, and a thread takes its
//     own pending signals lowest number first: its SIGWINCH (28) goes into
//     the queue after every SIGHUP (1), SIGINT (2) and SIGTERM (15) it took
//     or holds, and the queue hands them on before it.
//
// Done in the other order, a signal pending for the process could be taken
// by a thread after its SIGWINCH. Where the threads cannot be listed (not
// Linux, no /proc) one SIGWINCH goes to the process, as before session 30:
// a signal another thread has taken may then come after it. A thread that
// ends before its SIGWINCH is handed on is passed over; a terminal's
// SIGWINCH in the same instant can stand in for one of ours. Ten seconds
// at most in all, should a SIGWINCH never come.
func flushSignals() {
	flushMu.Lock()
	defer flushMu.Unlock()
	deadline := time.Now().Add(10 * time.Second)
	for stillPending() {
		if time.Now().After(deadline) {
			return
		}
		time.Sleep(20 * time.Microsecond)
	}
	pid := syscall.Getpid()
	tids, ok := threads()
	if !ok {
		winchRoundTrip(func() error { return syscall.Kill(pid, syscall.SIGWINCH) }, func() bool { return false }, deadline)
		return
	}
	for _, tid := range tids {
		gone := func() bool { return signalThread(pid, tid, 0) != nil }
		if !winchRoundTrip(func() error { return signalThread(pid, tid, syscall.SIGWINCH) }, gone, deadline) {
			return
		}
	}
}

// winchRoundTrip sends a SIGWINCH (send) and waits until it comes to
// flushed; it gives up when gone reports its thread ended or at deadline
// (false then).
func winchRoundTrip(send func() error, gone func() bool, deadline time.Time) bool {
	select {
	case <-flushed: // a terminal's, from before
	default:
	}
	if send() != nil {
		return true // the thread has ended
	}
	tick := time.NewTimer(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-flushed:
			return true
		case <-tick.C:
			if gone() {
				return true
			}
			if time.Now().After(deadline) {
				return false
			}
			tick.Reset(100 * time.Millisecond)
		}
	}
}
