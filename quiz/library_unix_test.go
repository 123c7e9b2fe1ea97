//go:build unix

package quiz

import (
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
)

func TestLibraryLoadFIFOByName(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := syscall.Mkfifo("bankfifo", 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	lib := &Library{Embedded: fstest.MapFS{}}
	_, _, err := lib.Load("bankfifo")
	if want := "bankfifo: is not a regular file"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Load(bankfifo) = %v; want %q", err, want)
	}
}
