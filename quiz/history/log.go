package history

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/conflictq/conflictq/quiz/text"
)

// Path is the history file of a student in dir: one file per student, named
// as reports are (text.FileName), so that a shared computer keeps each
// student's apart.
func Path(dir, student string) string {
	return filepath.Join(dir, text.FileName(student)+".jsonl")
}

// Log appends records to a history file.
type Log struct {
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
	f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	return &Log{f: f, path: path}, nil
}

// Path is the file the log appends to.
func (l *Log) Path() string { return l.path }

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
	if err := lock(l.f); err != nil {
		return fmt.Errorf("%s: lock: %w", l.path, err)
	}
	defer unlock(l.f)
	if torn, err := endsTorn(l.f); err != nil {
		return fmt.Errorf("%s: %w", l.path, err)
	} else if torn {
		if _, err := l.f.Write([]byte{'\n'}); err != nil {
			return fmt.Errorf("%s: %w", l.path, err)
		}
	}
	if _, err := l.f.Write(l.buf.Bytes()); err != nil {
		return fmt.Errorf("%s: %w", l.path, err)
	}
	return nil
}

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
