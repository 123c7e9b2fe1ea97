//go:build !unix

package fileio

// prepareFlush does nothing: Windows has no signal to send oneself.
func prepareFlush() {}

// flushSignals returns at once (see signal_unix.go): Windows hands on its
// console's Ctrl-C as it comes.
func flushSignals() {}
