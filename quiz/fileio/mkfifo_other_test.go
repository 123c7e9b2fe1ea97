//go:build !unix

package fileio

import "errors"

// Windows has no named pipes in the file system; the test skips that case.
func syscallMkfifo(path string) error { return errors.ErrUnsupported }
