package fileio

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

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
	files   []*pendingFile
	streams []string // outputs written at once (a device, a pipe): no name to take
}

// streamed notes that path, a device or a pipe, had its output at once: a
// Commit that fails cannot take that back, and its error says so.
func (s *Set) streamed(path string) {
	if s != nil {
		s.streams = append(s.streams, path)
	}
}

// WriteFile is WriteFile with the file's name left to Commit. A device or
// a pipe (/dev/null, /dev/stdout) is written at once: it has no name to
// take.
func (s *Set) WriteFile(path string, force bool, d Durability, write func(io.Writer) error) error {
	return writeFile(s, lookUp(path, nil), force, 0o644, d, write)
}

// Commit gives every file written its name, holding off
// RemoveTempsForExit (a signal's exit) until all are done; a signal caught
// meanwhile then ends the program, and Commit does not return.
//
// The set is the old one or the new one: before the renames each file to
// be replaced is kept under a hidden name beside it (a hard link, else a
// copy: keepOld), and when a file cannot take its name (a folder in its
// way, a bind mount, chattr +i, a sticky folder, a file that appeared
// without force) the files renamed before it get their old content back,
// those that had none are removed, and the error (a *SetError) says that
// nothing changed (attack24 H1). The kept files are removed once all have
// their names. Commit on a nil *Set does nothing.
func (s *Set) Commit() error {
	if s == nil {
		return nil
	}
	inFlight.Lock()
	files := s.files
	s.files = nil
	var kept []keptFile
	var err error
	if len(files) > 1 {
		// A file another user owns in a sticky folder cannot take its name
		// (nor be kept): refused before anything is kept or renamed.
		if err = stickyRefusal(files); err == nil {
			files, kept = keepOld(files)
		}
	}
	var placed []placedFile
	done := 0 // files renamed
	for i, p := range files {
		name := p.tmp
		if err == nil {
			err = placedAs(p.path, placed)
		}
		if err == nil {
			err = p.place()
			if err == nil {
				done = i + 1
			}
			// Kept for the files after it (placedAs): none after the last.
			if i < len(files)-1 {
				if st, serr := os.Stat(p.path); serr == nil {
					placed = append(placed, placedFile{p.path, st})
				}
			}
			if afterPlace != nil {
				afterPlace()
			}
		}
		removeTemp(&p.tmp) // after a link or a failure
		delete(inFlight.names, name)
	}
	if err != nil && len(files) > 1 {
		err = rollBack(files[:done], kept, err, len(files))
		err.(*SetError).Streams = s.streams
	} else {
		for _, k := range kept {
			if k.old != "" {
				os.Remove(k.old)
			}
		}
		if err != nil && len(s.streams) > 0 {
			// One file beside streams (recheck29b V2): it is as it was, and
			// the streams had their output.
			err = &SetError{Err: err, N: len(files), Streams: s.streams}
		}
	}
	ask := signalAsk
	inFlight.Unlock()
	if exiting.Load() || ask != nil && signalWaits(ask) {
		// A signal came during the renames: its exit, deferred until they
		// were done, now ends the program (RemoveTempsForExit's caller), not
		// the command going on as if none had come. Its handler may not
		// have run yet (attack24 M1): signalWaits asks it.
		select {}
	}
	return err
}

// keptFile is what a file of a Set replaces: old, a hidden link to it or
// copy of it, "" when there was none (had false) or none could be made;
// differs, how a copy differs from the file it keeps (copyDiffers), "" for
// a link; mount, that the file is a mount point of its own (a bind mount:
// no link could be made across it), which cannot take its name.
type keptFile struct {
	old     string
	had     bool
	differs string
	mount   bool
}

// keepOld keeps each file that files would replace under a hidden name
// beside it, named as the temporary files are (".NAME.tmp-N", so that one
// left by a SIGKILL is found as they are: Leftovers): a hard link, which
// costs a link and an unlink and no copy; else (a file system without hard
// links such as vfat, protected_hardlinks for another user's file, an
// immutable file) a copy. A mount point (a bind mount), which cannot take
// its name at all, is put first: its failure leaves every file as it was.
// A copy that cannot be the file it keeps (another user's file, which
// protected_hardlinks refuses to link: the copy is owned by whoever runs
// the command, and its hard links are not the file's) is put after the
// others (recheck29 N5): a failure before it leaves that file itself, as
// it was. A file of which neither can be made (another user's unreadable
// file) is put last of all: a failure before it leaves it untouched, and
// its own failure puts back those renamed before it; first, as it was, it
// was lost to any failure after it (attack25 M1). Only when two or more
// files of one of these kinds are in one set can a failure leave one of
// them new, or put back as a copy, and the error then says so. It returns
// files in the order they are to take their names, and kept in the same
// order.
func keepOld(files []*pendingFile) ([]*pendingFile, []keptFile) {
	kept := make([]keptFile, len(files))
	moved := false
	for i, p := range files {
		kept[i] = keepOne(p)
		moved = moved || kept[i].rank() != 1
	}
	if !moved {
		return files, kept
	}
	order := make([]*pendingFile, 0, len(files))
	korder := make([]keptFile, 0, len(files))
	for rank := range 4 {
		for i, p := range files {
			if kept[i].rank() == rank {
				order = append(order, p)
				korder = append(korder, kept[i])
			}
		}
	}
	return order, korder
}

// rank is where keepOld puts a file: 0, first, a mount point; 1 a file
// kept by a link or a copy that is the same file, or none to keep; 2 one
// kept as a copy that differs from it; 3, last, one that could not be kept.
func (k keptFile) rank() int {
	switch {
	case k.mount:
		return 0
	case k.had && k.old == "":
		return 3
	case k.differs != "":
		return 2
	}
	return 1
}

// keepOne keeps the file p would replace (keepOld).
func keepOne(p *pendingFile) keptFile {
	mount := false
	prefix := filepath.Join(filepath.Dir(p.tmp), "."+filepath.Base(p.path)+".tmp-")
	for try := 0; try < 100; try++ {
		name := prefix + strconv.FormatUint(uint64(rand.Uint32()), 10)
		err := linkFile(p.path, name)
		switch {
		case err == nil:
			return keptFile{old: name, had: true}
		case errors.Is(err, fs.ErrNotExist):
			return keptFile{}
		case errors.Is(err, fs.ErrExist):
			continue
		}
		mount = errors.Is(err, syscall.EXDEV)
		break
	}
	st, err := os.Lstat(p.path)
	if err != nil {
		return keptFile{had: !errors.Is(err, fs.ErrNotExist)}
	}
	if !st.Mode().IsRegular() {
		return keptFile{} // a folder or the like: the rename fails, replacing nothing
	}
	old, differs := copyOld(p.path, filepath.Dir(p.tmp), st)
	return keptFile{old: old, had: true, differs: differs, mount: mount}
}

// linkFile is os.Link; this package's tests make it fail as on a file
// system without hard links.
var linkFile = os.Link

// copyOld copies the file path (st) into a hidden file in dir, with its
// mode and, when it can, its owner: the kept file where no hard link can be
// made. "" when it cannot; differs says how the copy is not the file
// (copyDiffers).
func copyOld(path, dir string, st fs.FileInfo) (old, differs string) {
	in, err := Open(path)
	if err != nil {
		return "", ""
	}
	defer in.Close()
	out, err := CreateTemp(dir, "."+filepath.Base(path)+".tmp-", st.Mode().Perm())
	if err != nil {
		return "", ""
	}
	differs = copyDiffers(out, st)
	_ = out.Chmod(st.Mode().Perm())
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(out.Name())
		return "", ""
	}
	return out.Name(), differs
}

// rollBack puts back what the files placed (the first of the set, in the
// order kept) replaced, after err stopped the renames of a set of n files,
// and removes the kept files: the old set is whole again. It returns err
// as a *SetError.
func rollBack(placed []*pendingFile, kept []keptFile, err error, n int) error {
	e := &SetError{Err: err, N: n}
	for i := len(placed) - 1; i >= 0; i-- {
		p, k := placed[i], kept[i]
		switch {
		case k.old != "":
			if rerr := rename(k.old, p.path); rerr != nil {
				e.Replaced = append(e.Replaced, text.Printable(p.path)+" (its old content is in "+text.Printable(k.old)+")")
			} else if k.differs != "" {
				e.Copied = append(e.Copied, text.Printable(p.path)+" has its old content back, as a copy: "+k.differs)
			}
			kept[i].old = "" // put back, or left for the user
		case !k.had:
			os.Remove(p.path)
		default:
			e.Replaced = append(e.Replaced, text.Printable(p.path))
		}
	}
	for _, k := range kept {
		if k.old != "" {
			os.Remove(k.old)
		}
	}
	return e
}

// SetError is the error of a Set's Commit that stopped when a file could
// not take its name: the files renamed before it were put back, so the
// outputs are as they were, save those named in Replaced and Copied.
type SetError struct {
	Err      error    // why a file could not take its name
	N        int      // files in the set (not the streams)
	Replaced []string // files left with their new content (none but in rare cases: keepOld)
	Copied   []string // files put back as a copy that is not the file they were, each said how (rare: keepOld)
	Streams  []string // outputs that had theirs at once (a pipe, /dev/stdout): not taken back
}

// Error says what became of each output: the files as they were, counted;
// those left new or put back as a copy, named; and the streams, named as
// written (recheck29b V3: "the other outputs" took in a stream, which a
// parenthesis then excepted).
func (e *SetError) Error() string {
	streams := ""
	if len(e.Streams) > 0 {
		names := make([]string, len(e.Streams))
		for i, s := range e.Streams {
			names[i] = text.Printable(s)
		}
		streams = strings.Join(names, ", ") + " had " + text.Plural(len(names), "its output", "their output") + " already: a stream cannot take it back"
	}
	if len(e.Replaced) == 0 && len(e.Copied) == 0 {
		if streams != "" {
			return fmt.Sprintf("%v; no file was replaced: %s (%s)", e.Err, text.Plural(e.N, "the file is as it was", fmt.Sprintf("the %d files are as they were", e.N)), streams)
		}
		return fmt.Sprintf("%v; nothing was written: the %d outputs are as they were", e.Err, e.N)
	}
	parts := []string{e.Err.Error()}
	if len(e.Replaced) > 0 {
		parts = append(parts, strings.Join(e.Replaced, ", ")+text.Plural(len(e.Replaced), " was replaced already and keeps its new content", " were replaced already and keep their new content"))
	}
	parts = append(parts, e.Copied...)
	if rest := e.N - len(e.Replaced) - len(e.Copied); rest > 0 {
		parts = append(parts, text.Plural(rest, "the other file is as it was", fmt.Sprintf("the other %d files are as they were", rest)))
	}
	if streams != "" {
		parts = append(parts, streams)
	}
	return strings.Join(parts, "; ")
}

func (e *SetError) Unwrap() error { return e.Err }

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
