//go:build !unix

package fileio

import "os"

// Open opens a file to read (os.Open; see open_unix.go).
func Open(name string) (*os.File, error) { return os.Open(name) }
