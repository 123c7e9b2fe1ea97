//go:build !unix

package fileio

import (
	"errors"
	"io/fs"
	"os"
)

// Open opens a file to read (os.Open; see open_unix.go).
func Open(name string) (*os.File, error) { return os.Open(name) }

// OpenFile is os.OpenFile (see open_unix.go).
func OpenFile(name string, flag int, perm fs.FileMode) (*os.File, error) {
	return os.OpenFile(name, flag, perm)
}

// CreateTemp is os.CreateTemp(dir, prefix+"*"), made perm (see open_unix.go;
// Windows has no umask, and its files keep only a read-only bit).
func CreateTemp(dir, prefix string, perm fs.FileMode) (*os.File, error) {
	f, err := os.CreateTemp(dir, prefix+"*")
	if err == nil {
		f.Chmod(perm)
	}
	return f, err
}

// rename is os.Rename, its error naming new (see open_unix.go).
func rename(old, new string) error {
	err := os.Rename(old, new)
	var le *os.LinkError
	if errors.As(err, &le) {
		return &fs.PathError{Op: "write", Path: new, Err: le.Err}
	}
	return err
}

// stickyRefusal is nil where folders have no sticky bit (open_unix.go).
func stickyRefusal([]*pendingFile) error { return nil }

// copyDiffers says nothing (see open_unix.go): Windows files keep no owner
// here.
func copyDiffers(*os.File, fs.FileInfo) string { return "" }
