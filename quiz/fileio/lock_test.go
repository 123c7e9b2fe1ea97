//go:build unix && !aix

package fileio

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Two opens of one file hold separate flock locks, as two processes would.
func TestTryLockSaysLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lock")
	a, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := TryLock(a); err != nil {
		t.Fatalf("the first lock: %v", err)
	}
	if err := TryLock(b); !errors.Is(err, ErrLocked) {
		t.Errorf("a second lock while the first is held: %v, want ErrLocked", err)
	}
	if err := Unlock(a); err != nil {
		t.Fatal(err)
	}
	if err := TryLock(b); err != nil {
		t.Errorf("a lock once the first is released: %v", err)
	}
	if err := TryLock(a); !errors.Is(err, ErrLocked) {
		t.Errorf("the first file while the second holds the lock: %v, want ErrLocked", err)
	}
}
