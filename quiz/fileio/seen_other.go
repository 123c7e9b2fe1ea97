//go:build !unix

package fileio

import "os"

// fileID is not known here without opening the file (Windows): Seen
// compares files with os.SameFile instead.
type fileID struct{}

func idOf(os.FileInfo) (fileID, bool) { return fileID{}, false }
