package marking

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/text"
)

// LockName is the file in a directory that says a marking run holds it.
const LockName = ".conflictq-mark.lock"

// BusyError is returned by Lock when another marking run holds a directory.
type BusyError struct {
	Dir    string
	Holder string // what the other run wrote in the lock: its pid and start
}

func (e *BusyError) Error() string {
	msg := fmt.Sprintf("%s: another conflictq mark is marking these reports", e.Dir)
	if e.Holder != "" {
		msg += " (" + e.Holder + ")"
	}
	return msg + "; wait until it ends, then run again (no mark is lost either way)"
}

// Lock takes the marking lock of each directory the reports are in, in a fixed
// order, so that two runs never write one report's marks at once: the second
// refuses with a *BusyError rather than wait for a teacher who may be at lunch.
// The directory is the real one, links resolved (a mark is written through a
// link into its target): two runs that reach one report by different paths
// (a folder of symlinks, a linked folder) take the same lock. unlock releases
// them all.
func Lock(files []string, now time.Time) (unlock func(), err error) {
	dirs := map[string]bool{}
	for _, f := range files {
		d, err := realDir(f)
		if err != nil {
			return nil, err
		}
		dirs[d] = true
	}
	var held []func()
	unlock = func() {
		for i := len(held) - 1; i >= 0; i-- {
			held[i]()
		}
	}
	sorted := make([]string, 0, len(dirs))
	for d := range dirs {
		sorted = append(sorted, d)
	}
	sort.Strings(sorted)
	for _, d := range sorted {
		release, err := lockDir(d, fmt.Sprintf("pid %d, since %s", os.Getpid(), now.UTC().Format(time.RFC3339)))
		if err != nil {
			unlock()
			return nil, err
		}
		held = append(held, release)
	}
	return unlock, nil
}

// realDir is the directory a file really is in: its path with every link
// resolved, the file's own included.
func realDir(file string) (string, error) {
	if real, err := filepath.EvalSymlinks(file); err == nil {
		file = real
	} else if dir, err := filepath.EvalSymlinks(filepath.Dir(file)); err == nil {
		file = filepath.Join(dir, filepath.Base(file)) // not there (yet)
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", err
	}
	return filepath.Dir(abs), nil
}

// holder is what the run holding a lock wrote in it (its pid and start):
// the first line of a lock file open already, at most maxHolder bytes of it,
// escaped. What a link would lead to is never read.
func holder(f *os.File) string {
	buf := make([]byte, maxHolder)
	n, _ := f.ReadAt(buf, 0)
	line, _, _ := strings.Cut(string(buf[:n]), "\n")
	return text.Printable(strings.TrimSpace(line))
}

// maxHolder is the most of a lock file read for the message.
const maxHolder = 200

// LockPathError is a lock path that holds something other than a lock file
// (a link, a folder, a pipe): conflictq neither follows nor replaces it.
type LockPathError struct {
	Path string
	What string // "a link", "a folder", ...
}

func (e *LockPathError) Error() string {
	return fmt.Sprintf("%s is %s, not conflictq's lock file, so marking cannot start; remove it and run again", text.EscapeControl(e.Path), e.What)
}

// checkLockPath refuses a lock path that is there and is not a regular file.
func checkLockPath(dir, path string) error {
	st, err := os.Lstat(path)
	if err != nil {
		return nil // not there: it is created
	}
	switch m := st.Mode(); {
	case m&os.ModeSymlink != 0:
		return &LockPathError{Path: path, What: "a link"}
	case m.IsDir():
		return &LockPathError{Path: path, What: "a folder"}
	case !m.IsRegular():
		return &LockPathError{Path: path, What: "a pipe or a device"}
	}
	return nil
}

// ReadOnlyError is a folder marking cannot write in.
type ReadOnlyError struct{ Dir string }

func (e *ReadOnlyError) Error() string {
	return fmt.Sprintf("cannot write in %s, so marks could not be saved there; nothing was marked (make the folder writable, or copy the reports to a folder of yours)", text.EscapeControl(e.Dir))
}

// canWriteIn checks dir takes a new file, as each mark is written.
func canWriteIn(dir string) error {
	f, err := fileio.CreateTemp(dir, ".conflictq-check-", 0o600) // as os.CreateTemp, without the poller
	if err != nil {
		if readOnly(err) {
			return &ReadOnlyError{Dir: dir}
		}
		return err
	}
	f.Close()
	return os.Remove(f.Name())
}
