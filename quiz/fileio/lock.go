package fileio

import "errors"

// ErrLocked is TryLock's answer when another process holds the lock.
var ErrLocked = errors.New("locked by another process")

// The advisory file locks conflictq takes: the history's appends and reads
// (Lock, LockShared) and mark's one run per folder (TryLock). On Unix they
// are flock(2) locks, on Windows LockFileEx over the whole file; the system
// drops them when the process ends, however it ends. Where neither exists
// (Plan 9, WebAssembly, AIX) they do nothing and TryLock always succeeds.
