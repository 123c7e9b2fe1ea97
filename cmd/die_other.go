//go:build !unix

package cmd

import "os"

// dieOf exits as an interrupted program (see die_unix.go): Windows has no
// signal to send again.
func dieOf(os.Signal) { os.Exit(ExitInterrupted) }
