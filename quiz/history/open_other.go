//go:build !unix

package history

import "os"

// open opens a file to read (os.Open; see open_unix.go).
func open(name string) (*os.File, error) { return os.Open(name) }
