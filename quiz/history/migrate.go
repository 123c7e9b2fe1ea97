package history

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"

	"github.com/conflictq/conflictq/quiz/fileio"
)

// migratedMark says that a history directory has been migrated to FileKey
// names: its presence saves reading every file again.
const migratedMark = ".filekey-v2"

// Migrate moves the lines of every history file in dir to the file of the
// student each line names (Path), once: before FileKey, names that folded
// alike (李明, 王芳 and the nameless student; "Ana María" and "Ana.Maria")
// shared one file. Each file keeps the lines that are its own and the lines
// that cannot be read (nothing is lost); a file left with none is deleted.
// Files are never rewritten in place: a new file takes the old one's name.
// Lines moved are appended to their file under its lock.
func Migrate(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, migratedMark)); err == nil {
		return nil
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil || len(files) == 0 {
		return err // nothing to migrate: a new directory gets its mark with its first file
	}
	lf, err := os.OpenFile(filepath.Join(dir, ".lock"), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	defer lf.Close()
	if err := fileio.Lock(lf); err != nil {
		return err
	}
	defer fileio.Unlock(lf)
	if _, err := os.Stat(filepath.Join(dir, migratedMark)); err == nil {
		return nil // another process did it meanwhile
	}
	var errs []error
	for _, f := range files {
		if err := migrateFile(dir, f); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	return os.WriteFile(filepath.Join(dir, migratedMark), nil, 0o600)
}

// migrateFile moves the lines of the history file at path that belong to
// other students to their files. It reads the file twice, without holding
// it: once to find whether any line is another student's (usually none),
// then to copy the rest to the file that replaces it.
func migrateFile(dir, path string) error {
	if checkFile(path) != nil {
		return nil
	}
	f, err := openFile(path, os.O_RDONLY, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := fileio.Lock(f); err != nil {
		return err
	}
	defer fileio.Unlock(f)
	owner := map[string]bool{} // a student's name: whether path is their file
	d := decoder{strs: map[string]string{}}
	var r Record
	// elsewhere reports whether a line belongs in another file; a line that
	// cannot be read stays.
	elsewhere := func(line []byte) (string, bool) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || len(line) > MaxLine {
			return "", false
		}
		r = Record{}
		if !d.decode(line, &r) && decodeSlow(line, &r) != nil {
			return "", false
		}
		mine, ok := owner[r.Student]
		if !ok {
			mine = Path(dir, r.Student) == path
			owner[r.Student] = mine
		}
		return r.Student, !mine
	}
	moved := map[string]*bytes.Buffer{}
	var order []string
	err = eachLine(f, func(line []byte, whole bool) error {
		if s, ok := elsewhere(line); whole && ok {
			b := moved[s]
			if b == nil {
				b = new(bytes.Buffer)
				moved[s] = b
				order = append(order, s)
			}
			b.Write(bytes.TrimRight(line, "\n"))
			b.WriteByte('\n')
		}
		return nil
	})
	if err != nil || len(moved) == 0 {
		return err
	}
	for _, s := range order {
		if err := appendLines(Path(dir, s), moved[s].Bytes()); err != nil {
			return err
		}
	}
	_ = os.Remove(StatePath(path)) // describes lines that have moved
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	kept := false
	// The lines kept are the only copy of them (the others were appended
	// to their files above): synced before the file takes the old one's name.
	err = fileio.WriteFilePerm(path, true, 0o600, fileio.Durable, func(w io.Writer) error {
		return eachLine(f, func(line []byte, whole bool) error {
			if _, ok := elsewhere(line); whole && ok {
				return nil
			}
			kept = kept || len(bytes.TrimSpace(line)) > 0
			_, err := w.Write(line)
			return err
		})
	})
	if err == nil && !kept {
		return os.Remove(path)
	}
	return err
}

// eachLine hands fn each line of r with its newline; a line longer than
// the buffer comes in pieces, whole false, to be kept as they are.
func eachLine(r io.Reader, fn func(line []byte, whole bool) error) error {
	br := bufio.NewReaderSize(r, 256<<10)
	inLong := false
	for {
		line, err := br.ReadSlice('\n')
		full := err == bufio.ErrBufferFull
		if len(line) > 0 {
			if ferr := fn(line, !full && !inLong); ferr != nil {
				return ferr
			}
		}
		inLong = full
		switch {
		case full:
		case err == io.EOF:
			return nil
		case err != nil:
			return err
		}
	}
}

// appendLines appends whole lines to the history file at path under its
// lock, and waits for the disk: the lines moved are then taken out of the
// file they came from, so these become their only copy (attack19 M3: the
// file they left was synced, not the one they went to).
func appendLines(path string, lines []byte) error {
	l, err := Open(path)
	if err != nil {
		return err
	}
	defer l.Close()
	if err := fileio.Lock(l.f); err != nil {
		return err
	}
	defer fileio.Unlock(l.f)
	if torn, err := endsTorn(l.f); err != nil {
		return err
	} else if torn {
		lines = append([]byte("\n"+tornNote+"\n"), lines...)
	}
	if _, err := l.f.Write(lines); err != nil {
		return err
	}
	return l.f.Sync()
}
