//go:build unix

package fileio

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// A SIGTERM caught while a Set's files take their names waits until all
// have (attack21 L4: a new worksheet was left beside an old key); one
// caught before leaves the old files. Either way no temporary file stays.
// The handler is cmd's (removeTempsOnSignal): RemoveTempsForExit, then the
// signal's exit (143). The signal is sent by the program itself, between
// the two renames or before Commit, in a process of its own.
func TestSetSignalBetweenRenames(t *testing.T) {
	if dir := os.Getenv("FILEIO_SET_DIR"); dir != "" {
		ch := make(chan os.Signal, 1)
		signal.Notify(ch, syscall.SIGTERM)
		got := make(chan struct{})
		go func() {
			<-ch
			close(got)
			RemoveTempsForExit()
			os.Exit(143)
		}()
		var once sync.Once
		kill := func() {
			once.Do(func() {
				syscall.Kill(os.Getpid(), syscall.SIGTERM)
				<-got // the handler has it: it now waits for the renames
			})
		}
		s := &Set{}
		for _, name := range []string{"w.html", "key.html"} {
			if err := s.WriteFile(filepath.Join(dir, name), true, Derived, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
				t.Fatal(err)
			}
		}
		if os.Getenv("FILEIO_SET_WHEN") == "before" {
			kill()
		} else {
			afterPlace = kill
		}
		s.Commit()
		select {} // the handler ends the program
	}
	for _, c := range []struct{ when, want string }{{"between", "new new"}, {"before", "old old"}} {
		t.Run(c.when, func(t *testing.T) {
			dir := t.TempDir()
			for _, name := range []string{"w.html", "key.html"} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte("old"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestSetSignalBetweenRenames$")
			cmd.Env = append(os.Environ(), "FILEIO_SET_DIR="+dir, "FILEIO_SET_WHEN="+c.when)
			out, err := cmd.CombinedOutput()
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 143 {
				t.Fatalf("exit: %v, want 143\n%s", err, out)
			}
			var got []string
			for _, name := range []string{"w.html", "key.html"} {
				data, _ := os.ReadFile(filepath.Join(dir, name))
				got = append(got, string(data))
			}
			if strings.Join(got, " ") != c.want {
				t.Errorf("worksheet and key after a signal %s the renames: %q, want %q", c.when, got, c.want)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 2 {
				t.Errorf("%d files left, want 2 (no temporary file): %v", len(entries), entries)
			}
		})
	}
}

// Two outputs that become one file only as they take their names (on a file
// system that ignores case, W.html and w.html; here a link made between
// the renames) are refused, not the first replaced by the second; the first,
// new, is then taken back with the rest of the set.
func TestSetRefusesOutputsThatBecomeOne(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "W.html"), filepath.Join(dir, "w.html")
	s := &Set{}
	for _, name := range []string{a, b} {
		if err := s.WriteFile(name, true, Derived, func(w io.Writer) error { _, err := io.WriteString(w, filepath.Base(name)); return err }); err != nil {
			t.Fatal(err)
		}
	}
	afterPlace = func() {
		afterPlace = nil
		if err := os.Link(a, b); err != nil {
			t.Fatal(err)
		}
	}
	defer func() { afterPlace = nil }()
	err := s.Commit()
	if err == nil || !strings.Contains(err.Error(), "are the same file") {
		t.Fatalf("Commit: %v, want the two named the same file", err)
	}
	// The first output, new, is taken back (the set as it was: attack24
	// H1); the link the test made to it still holds its content, never
	// replaced by the second output.
	if _, err := os.Lstat(a); !os.IsNotExist(err) {
		t.Errorf("%s, new in the failed set, is still there (%v)", a, err)
	}
	if data, _ := os.ReadFile(b); string(data) != "W.html" {
		t.Errorf("%s holds %q: replaced by the second output", b, data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files left, want 1 (no temporary file): %v", len(entries), entries)
	}
}

// A signal's exit (RemoveTempsForExit) that comes the instant a temporary
// file has been made removes it: no hidden .NAME.tmp-N stays (attack24 L4:
// made, then tracked, one could be missed). In a process of its own, as
// RemoveTempsForExit keeps the writes' lock.
func TestTempMadeAsTheSignalComesIsRemoved(t *testing.T) {
	if dir := os.Getenv("FILEIO_TEMP_DIR"); dir != "" {
		done := make(chan struct{})
		afterCreate = func() {
			afterCreate = nil
			go func() {
				RemoveTempsForExit()
				close(done)
			}()
			for !exiting.Load() { // the exit has begun
				runtime.Gosched()
			}
		}
		go WriteFile(filepath.Join(dir, "sums.json"), true, Derived, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err })
		<-done
		// sums.json itself may be there, whole: renamed before the exit
		// took the lock.
		if left := Leftovers(dir, func(string) bool { return true }); len(left) != 0 {
			fmt.Println("left:", left)
			os.Exit(1)
		}
		os.Exit(0)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestTempMadeAsTheSignalComesIsRemoved$")
	cmd.Env = append(os.Environ(), "FILEIO_TEMP_DIR="+t.TempDir())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("a temporary file made as the signal came stayed: %v\n%s", err, out)
	}
}
