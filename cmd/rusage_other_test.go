//go:build !linux

package cmd

import "os"

// peakRSSKiB is not measured outside Linux (Maxrss is in other units or absent).
func peakRSSKiB(*os.ProcessState) int64 { return 0 }
