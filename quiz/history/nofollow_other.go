//go:build !unix

package history

// noFollow: Windows has no O_NOFOLLOW; checkFile's Lstat refuses a link
// there (a link made between the look and the open is followed).
const noFollow = 0

// nonBlock: opening a pipe does not wait on Windows.
const nonBlock = 0
