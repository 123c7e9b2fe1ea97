//go:build !unix

package fileio

import "os"

// Open opens a file to read (os.Open; see open_unix.go).
func Open(name string) (*os.File, error) { return os.Open(name) }

// createTemp is os.CreateTemp(dir, prefix+"*") (see open_unix.go).
func createTemp(dir, prefix string) (*os.File, error) { return os.CreateTemp(dir, prefix+"*") }
