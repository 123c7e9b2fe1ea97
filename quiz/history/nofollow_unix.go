//go:build unix

package history

import "syscall"

// noFollow makes an open refuse a link at the history's own path (ELOOP),
// so that a link put there after checkFile looked is not followed either.
const noFollow = syscall.O_NOFOLLOW
