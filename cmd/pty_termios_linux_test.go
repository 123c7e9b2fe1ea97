package cmd

import "golang.org/x/sys/unix"

// getTermios is the ioctl request that reads a terminal's settings.
const getTermios = unix.TCGETS

// inputQueued is the ioctl request for how many bytes a terminal holds
// unread.
const inputQueued = unix.TIOCINQ
