//go:build unix && !linux

package fileio

// stillPending reports false: only Linux is asked (see pending_linux.go).
func stillPending() bool { return false }
