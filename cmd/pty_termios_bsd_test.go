//go:build darwin || dragonfly || freebsd || netbsd || openbsd

package cmd

import "golang.org/x/sys/unix"

// getTermios is the ioctl request that reads a terminal's settings.
const getTermios = unix.TIOCGETA

// inputQueued is the ioctl request for how many bytes a terminal holds
// unread: FIONREAD, _IOR('f', 127, int), the same on each of these systems.
const inputQueued = 0x4004667f
