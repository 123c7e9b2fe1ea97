//go:build (!unix && !windows) || aix

package history

import "os"

// Elsewhere (AIX, Plan 9, WebAssembly) appends are not locked: one write per
// line with O_APPEND is the best the file system offers without a lock.
func lock(*os.File) error       { return nil }
func lockShared(*os.File) error { return nil }
func unlock(*os.File) error     { return nil }
