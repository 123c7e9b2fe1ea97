//go:build unix

package history

import "syscall"

// noFollow makes an open refuse a link at the history's own path (ELOOP),
// so that a link put there after checkFile looked is not followed either.
const noFollow = syscall.O_NOFOLLOW

// nonBlock makes opening a pipe put at a forget's note return at once
// (fileio.OpenFile makes the file blocking after): the note is then refused
// as no regular file, not waited on for ever (attack23 M2).
const nonBlock = syscall.O_NONBLOCK
