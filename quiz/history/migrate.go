package history

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
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
	if err := lock(lf); err != nil {
		return err
	}
	defer unlock(lf)
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
// other students to their files.
func migrateFile(dir, path string) error {
	if checkRegular(path) != nil {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := lock(f); err != nil {
		return err
	}
	defer unlock(f)
	var keep bytes.Buffer
	moved := map[string]*bytes.Buffer{}
	var order []string
	br := bufio.NewReader(io.LimitReader(f, 1<<34))
	for {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 {
			var r struct {
				Student *string `json:"student"`
			}
			if json.Unmarshal(bytes.TrimSpace(line), &r) != nil || r.Student == nil || Path(dir, *r.Student) == path {
				keep.Write(line)
			} else {
				b := moved[*r.Student]
				if b == nil {
					b = new(bytes.Buffer)
					moved[*r.Student] = b
					order = append(order, *r.Student)
				}
				if line[len(line)-1] != '\n' {
					line = append(line, '\n')
				}
				b.Write(line)
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	if len(moved) == 0 {
		return nil
	}
	for _, s := range order {
		if err := appendLines(Path(dir, s), moved[s].Bytes()); err != nil {
			return err
		}
	}
	_ = os.Remove(StatePath(path)) // describes lines that have moved
	if len(bytes.TrimSpace(keep.Bytes())) == 0 {
		return os.Remove(path)
	}
	return fileio.WriteFilePerm(path, true, 0o600, func(w io.Writer) error {
		_, err := w.Write(keep.Bytes())
		return err
	})
}

// appendLines appends whole lines to the history file at path under its lock.
func appendLines(path string, lines []byte) error {
	l, err := Open(path)
	if err != nil {
		return err
	}
	defer l.Close()
	if err := lock(l.f); err != nil {
		return err
	}
	defer unlock(l.f)
	if torn, err := endsTorn(l.f); err != nil {
		return err
	} else if torn {
		lines = append([]byte("\n"+tornNote+"\n"), lines...)
	}
	_, err = l.f.Write(lines)
	return err
}
