package history

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/text"
)

// Path is the history file of a student in dir: one file per student, named
// by FileKey, so that a shared computer keeps each student's apart.
func Path(dir, student string) string {
	return filepath.Join(dir, FileKey(student)+".jsonl")
}

// FileKey names a student's files: "student" without a name; else the name as
// reports fold it (text.FileName, cut to 36 characters), so that a teacher
// recognises it, then a hyphen and the first 10 hex digits of the SHA-256 of
// the exact name, so that names that fold alike ("Ana María", "Ana.Maria",
// 李明 and 王芳) keep files of their own, never the nameless one. A FileKey is
// its own text.FileName.
func FileKey(student string) string {
	if student == "" {
		return "student"
	}
	sum := sha256.Sum256([]byte(student))
	base := text.FileName(student)
	if len(base) > 36 {
		base = strings.TrimRight(base[:36], "-")
	}
	return base + "-" + hex.EncodeToString(sum[:5])
}

// Log appends records to a history file.
type Log struct {
	// Remade, if set, is called when Append found the file gone from its
	// path (deleted, or its folder removed, while the quiz ran) and made it
	// again: the answers after it are kept, not written to a file nobody
	// can open (attack19 L5).
	Remade func()
	// Forgotten, if set, is called when Append found the file deleted by
	// Forget (progress --forget) while the quiz ran: the answers after it
	// are not kept, and the history is not made again.
	Forgotten func()

	off  bool // forgotten: nothing more is written
	mu   sync.Mutex
	f    *os.File
	path string
	buf  bytes.Buffer
}

// Open opens (creating it and its directory, readable by the user alone) the
// history file at path for appending.
func Open(path string) (*Log, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	if err := checkFile(path); err != nil {
		return nil, err
	}
	f, err := openFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	return &Log{f: f, path: path}, nil
}

// OpenExisting opens the history file at path for appending if there is
// one, making nothing (nil, nil when there is none): a quiz holds its
// student's history from the start, so that a progress --forget before its
// first answer is seen (recheck26 M1), without making folders before the
// first question.
func OpenExisting(path string) (*Log, error) {
	if err := checkFile(path); err != nil {
		return nil, err
	}
	f, err := openFile(path, os.O_RDWR|os.O_APPEND, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &Log{f: f, path: path}, nil
}

// checkFile refuses a history that is not a regular file: a pipe would
// block a reader for ever, and a link would have answers appended to (or
// read from, or kept after a forget in) whatever file it names (attack21
// L2, recheck26 L1). The state folder is conflictq's own: a history is a
// file there, not a link to one elsewhere. A missing one is fine. The
// look is an Lstat, as the Stat it replaced: no cost.
func checkFile(path string) error {
	st, err := os.Lstat(path)
	if err != nil || st.Mode().IsRegular() {
		return nil
	}
	return notRegular(path, st.Mode())
}

// notRegular is the error for a history at path that is not a regular file
// (mode, its Lstat).
func notRegular(path string, mode fs.FileMode) error {
	if mode&fs.ModeSymlink != 0 {
		return &LinkError{Path: path}
	}
	return fmt.Errorf("%s is not a regular file (a directory, device or pipe); move it away to keep a history", path)
}

// LinkError is a history, or its cache, that is a symbolic link: refused,
// never followed.
type LinkError struct{ Path string }

func (e *LinkError) Error() string {
	return fmt.Sprintf("%s is a link, not a file: conflictq keeps a history only as a file of its own in its state folder, and does not follow a link there; put the file itself in its place, or delete the link", e.Path)
}

// openFile opens a history (or its cache) as fileio.OpenFile does, refusing
// a link at path (noFollow): one put there after checkFile looked is
// refused with checkFile's message, not followed.
func openFile(path string, flag int, perm fs.FileMode) (*os.File, error) {
	f, err := fileio.OpenFile(path, flag|noFollow, perm)
	if err != nil && !errors.Is(err, fs.ErrNotExist) { // none (a cache not made yet): no second look
		if st, lerr := os.Lstat(path); lerr == nil && st.Mode()&fs.ModeSymlink != 0 {
			return nil, &LinkError{Path: path}
		}
	}
	return f, err
}

// Append writes one record as one line, in one write, under an exclusive
// lock on the file, so that other processes' lines never interleave with
// it. If the file ends in a torn line (a crash in the middle of a write), a
// newline is written first so that the new record stays whole.
func (l *Log) Append(r Record) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf.Reset()
	enc := json.NewEncoder(&l.buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil { // one line, with its '\n'
		return err
	}
	if l.off {
		return nil
	}
	if err := l.follow(); err != nil || l.off {
		return err
	}
	if err := fileio.Lock(l.f); err != nil {
		return fmt.Errorf("%s: lock: %w", l.path, err)
	}
	defer fileio.Unlock(l.f)
	out := l.buf.Bytes()
	if torn, err := endsTorn(l.f); err != nil {
		return fmt.Errorf("%s: %w", l.path, err)
	} else if torn {
		// End the torn line and say so on the next, so that readers skip it
		// without a warning: the warning was given while it was the last.
		out = append([]byte("\n"+tornNote+"\n"), out...)
	}
	if _, err := l.f.Write(out); err != nil {
		return err // *fs.PathError names the file
	}
	return nil
}

// follow makes sure the file written is the one at the log's path: one
// deleted since it was opened is made again (and Remade called), unless
// Forget deleted it (then nothing more is written: off, and Forgotten
// called), and one put in its place (a history moved or copied back in) is
// the one written.
func (l *Log) follow() error {
	held, err := l.f.Stat()
	if err != nil {
		return fmt.Errorf("%s: %w", l.path, err)
	}
	now, err := os.Lstat(l.path) // a link put in its place is not the file: Open refuses it
	if err == nil && os.SameFile(held, now) {
		return nil
	}
	gone := errors.Is(err, fs.ErrNotExist)
	if err != nil && !gone {
		return nil // cannot tell (a folder made unreadable): the file held is written
	}
	if l.marked(held) { // gone, or another quiz's new history in its place (recheck26 M2)
		l.forget()
		return nil
	}
	fresh, err := Open(l.path)
	if err != nil {
		return err
	}
	l.f.Close()
	l.f = fresh.f
	if gone && l.Remade != nil {
		l.Remade()
	}
	return nil
}

// marked reports whether the file held (held, its Stat) carries Forget's
// mark: Forget deleted it. An answer may follow the mark, appended while
// Forget held the lock.
func (l *Log) marked(held os.FileInfo) bool {
	if held.Size() < int64(len(forgottenMark)) {
		return false
	}
	mark := make([]byte, len(forgottenMark))
	_, err := l.f.ReadAt(mark, 0)
	return err == nil && string(mark) == forgottenMark
}

// forget stops the log (off) and calls Forgotten, once.
func (l *Log) forget() {
	if l.off {
		return
	}
	l.off = true
	if l.Forgotten != nil {
		l.Forgotten()
	}
}

// WasForgotten reports whether Forget deleted the history the log holds,
// also when no answer came after it: a quiz that stops then keeps no copy
// of its answers (recheck26 H1). The log then writes nothing more.
func (l *Log) WasForgotten() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.off {
		if held, err := l.f.Stat(); err == nil {
			if now, err := os.Lstat(l.path); (err != nil || !os.SameFile(held, now)) && l.marked(held) {
				l.forget()
			}
		}
	}
	return l.off
}

// tornNote is the line Append writes after ending a line cut short by a
// crash.
const tornNote = `{"note":"the line before was cut short by a crash"}`

// endsTorn reports whether the file's last byte is not a newline.
func endsTorn(f *os.File) (bool, error) {
	st, err := f.Stat()
	if err != nil || st.Size() == 0 {
		return false, err
	}
	var last [1]byte
	if _, err := f.ReadAt(last[:], st.Size()-1); err != nil && err != io.EOF {
		return false, err
	}
	return last[0] != '\n', nil
}

// Close closes the file.
func (l *Log) Close() error { return l.f.Close() }
