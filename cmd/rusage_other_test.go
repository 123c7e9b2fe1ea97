//go:build !unix

package cmd

import "os"

// peakRSS is 0 (unknown) where the system reports no resource usage: the
// benchmark then leaves the peak out.
func peakRSS(*os.ProcessState) int64 { return 0 }
