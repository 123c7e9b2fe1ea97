//go:build unix

package grade

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user and system) the process has used: how long a
// batch has graded inline, which a busy machine does not stretch as it
// stretches the clock. ok is false when it cannot be had.
func cpuTime() (d time.Duration, ok bool) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
