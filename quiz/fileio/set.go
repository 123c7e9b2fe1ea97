package fileio

import (
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/conflictq/conflictq/quiz/text"
)

// A Set writes the files of one run that belong together (a worksheet and
// its key, statistics and their sums) as one: each file is written whole to
// its temporary file first, and Commit then gives them all their names in
// one step that RemoveTempsForExit waits for. A signal that ends the
// program (caught, as cmd's handler catches SIGINT, SIGTERM and SIGHUP)
// leaves the old set or the new one, never a new worksheet beside an old
// key (attack21 L4). SIGKILL cannot be caught: it can still end the run
// between two renames. A nil *Set writes each file at once, as WriteFile.
//
// A Set is not for use by several goroutines at once.
type Set struct {
	files []*pendingFile
}

// WriteFile is WriteFile with the file's name left to Commit. A device or
// a pipe (/dev/null, /dev/stdout) is written at once: it has no name to
// take.
func (s *Set) WriteFile(path string, force bool, d Durability, write func(io.Writer) error) error {
	return writeFile(s, path, force, 0o644, d, write)
}

// Commit gives every file written its name, in the order written, holding
// off RemoveTempsForExit (a signal's exit) until all are done; a signal
// caught meanwhile then ends the program, and Commit does not return. The first
// error stops the renames; its file and the ones after it are not written
// and their temporary files are removed. Commit on a nil *Set does nothing.
func (s *Set) Commit() error {
	if s == nil {
		return nil
	}
	inFlight.Lock()
	var err error
	var placed []placedFile
	for _, p := range s.files {
		name := p.tmp
		if err == nil {
			err = placedAs(p.path, placed)
		}
		if err == nil {
			err = p.place()
			if st, serr := os.Stat(p.path); serr == nil && len(s.files) > 1 {
				placed = append(placed, placedFile{p.path, st})
			}
			if afterPlace != nil {
				afterPlace()
			}
		}
		removeTemp(&p.tmp) // after a link or a failure
		delete(inFlight.names, name)
	}
	s.files = nil
	inFlight.Unlock()
	if exiting.Load() {
		// A signal came during the renames: its exit, deferred until they
		// were done, now ends the program (RemoveTempsForExit's caller), not
		// the command going on as if none had come.
		select {}
	}
	return err
}

// placedFile is a file of a Set that has taken its name.
type placedFile struct {
	path string
	st   fs.FileInfo
}

// placedAs refuses path when it is now one of the files placed before it:
// two outputs that differ only in case on a file system that ignores it,
// neither there when the guard compared them (Guard.Claim), would
// otherwise replace one by the other.
func placedAs(path string, placed []placedFile) error {
	if len(placed) == 0 {
		return nil
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil
	}
	for _, q := range placed {
		if os.SameFile(q.st, st) {
			return fmt.Errorf("%s and %s are the same file on this file system; give each output its own", text.Printable(q.path), text.Printable(path))
		}
	}
	return nil
}

// afterPlace, set by this package's tests, runs as each file of a Set
// takes its name: a signal sent there comes between two renames.
var afterPlace func()

// Discard removes the temporary files of a Set not committed, after an
// error that leaves the old files as they were; a Set committed has none.
func (s *Set) Discard() {
	if s == nil {
		return
	}
	inFlight.Lock()
	defer inFlight.Unlock()
	for _, p := range s.files {
		os.Remove(p.tmp)
		delete(inFlight.names, p.tmp)
	}
	s.files = nil
}
