package fileio

import (
	"fmt"
	"io"
	"os"
)

// MaxFileSize is the largest bank or answer sheet conflictq reads. Real banks are a few
// hundred kilobytes; anything near this size is a mistake or an attack.
const MaxFileSize = 10 << 20

// ReadFileLimited reads a file of at most MaxFileSize bytes; a larger one is
// refused without being read whole.
func ReadFileLimited(name string) ([]byte, error) {
	// Stat before opening: opening a pipe waits for a writer.
	st, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	switch {
	case st.IsDir():
		return nil, fmt.Errorf("%s: is a directory, not a file", name)
	case !st.Mode().IsRegular():
		return nil, fmt.Errorf("%s: is not a regular file (a device or a pipe)", name)
	case st.Size() > MaxFileSize:
		return nil, fmt.Errorf("%s: file is %.1f MB; conflictq reads files of at most %d MB", name, float64(st.Size())/(1<<20), MaxFileSize>>20)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s: file is larger than %d MB; conflictq reads files of at most %d MB", name, MaxFileSize>>20, MaxFileSize>>20)
	}
	return data, nil
}

// SameFileAs returns the first of paths that names the same existing file as
// out (through links, or by another name), or "". A command checks its outputs
// with it, so that it never overwrites one of its inputs.
func SameFileAs(out string, paths []string) string {
	st, err := os.Stat(out)
	if err != nil {
		return ""
	}
	for _, p := range paths {
		if pst, err := os.Stat(p); err == nil && os.SameFile(st, pst) {
			return p
		}
	}
	return ""
}
