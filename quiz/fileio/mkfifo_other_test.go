//go:build !unix

package fileio

import "errors"

// Named pipes in the file system are a Unix thing; tests that need one skip
// that part elsewhere.
func syscallMkfifo(string) error { return errors.ErrUnsupported }

// nonblock is O_NONBLOCK where there is one.
const nonblock = 0
