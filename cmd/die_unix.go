//go:build unix

package cmd

import (
	"os"
	"os/signal"
	"syscall"
	"time"
)

// dieOf ends the program by sig, as if it had no handler: the signal's own
// default is restored and the signal sent again, so that a shell sees the
// program killed by it. Should it live on (a signal ignored when it
// started, as a background job's SIGINT), it exits with 128 and the
// signal's number.
func dieOf(sig os.Signal) {
	s, _ := sig.(syscall.Signal)
	signal.Reset(sig)
	syscall.Kill(syscall.Getpid(), s)
	time.Sleep(100 * time.Millisecond)
	os.Exit(128 + int(s))
}
