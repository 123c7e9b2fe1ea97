//go:build unix

package history

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
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

// A forget's note that is a pipe or a folder (attack23 M2, L3): a quiz that
// holds no history reads no note from it at once (it waited for a writer
// for ever), and a forget is refused before anything is deleted, naming
// the note.
func TestForgetNoteNotAFile(t *testing.T) {
	for _, kind := range []string{"pipe", "folder"} {
		dir := t.TempDir()
		path := filepath.Join(dir, "Ana-0123456789.jsonl")
		if err := os.WriteFile(path, []byte("{}\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		note := forgottenNote(path)
		var err error
		if kind == "pipe" {
			err = syscall.Mkfifo(note, 0o600)
		} else {
			err = os.Mkdir(note, 0o700)
		}
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan bool)
		go func() { done <- ForgottenSince(path, time.Now().Add(-time.Hour)) }()
		select {
		case got := <-done:
			if got {
				t.Errorf("%s: a note that is no file read as a forget", kind)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: reading the note waits", kind)
		}
		err = Forget(path)
		if err == nil || !strings.Contains(err.Error(), note+" is not a file conflictq wrote") {
			t.Errorf("%s: Forget = %v, want the note named", kind, err)
		}
		if _, err := os.Stat(path); err != nil {
			t.Errorf("%s: the history is gone after a refused forget: %v", kind, err)
		}
	}
}
