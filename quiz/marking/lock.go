package marking

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
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

func holder(path string) string {
	data, _ := os.ReadFile(path)
	return strings.TrimSpace(string(data))
}
