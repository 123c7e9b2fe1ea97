//go:build !(linux || darwin || dragonfly || freebsd || netbsd || openbsd)

package cmd

import "testing"

// timeToSurveyPrompt needs a pseudo-terminal (startup_pty_test.go).
func timeToSurveyPrompt(b *testing.B, dir, bin, want string, args ...string) timing {
	b.Skip("no pseudo-terminal on this system")
	return timing{}
}
