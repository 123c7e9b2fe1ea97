//go:build linux

package cmd

import (
	"os"
	"syscall"
)

// peakRSSKiB is a finished process's peak resident set, in KiB (Linux's unit).
func peakRSSKiB(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss
	}
	return 0
}
