//go:build unix

package history

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// P2: a pipe in place of a history is refused, not read for ever.
func TestFIFORefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Ana.jsonl")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skip(err)
	}
	if _, _, err := Replay(path); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("Replay: %v, want refused", err)
	}
	if _, err := Open(path); err == nil {
		t.Error("Open took a pipe")
	}
}
