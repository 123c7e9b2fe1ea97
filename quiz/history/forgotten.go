package history

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// A forget leaves a note (forgottenNote) that a quiz holding no history
// reads at its first answer: a quiz started before its student had any
// history holds no file for Forget to mark (forgottenMark), and another
// quiz may have made the history before the forget (recheck26b L2). The
// note is named by a hash of the history's name, not the name, and says
// only when the forget was; it is read only when a quiz makes a history,
// never as a quiz starts.

// noteDays is how long a note is kept: notes older are removed by the next
// forget. A quiz left at its first question longer than that keeps its
// answers.
const noteDays = 7

const notePrefix = ".forgotten-"

// forgottenNote is the note a forget of the history at path leaves.
func forgottenNote(path string) string {
	sum := sha256.Sum256([]byte(filepath.Base(path)))
	return filepath.Join(filepath.Dir(path), notePrefix+hex.EncodeToString(sum[:10]))
}

// leaveNote writes the note of a forget of the history at path, now, and
// removes the notes older than noteDays. A folder that is not there gets
// none: no quiz has made a history in it.
func leaveNote(path string, now time.Time) error {
	f, err := openNote(forgottenNote(path), os.O_WRONLY|os.O_CREATE, 0o600)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err == nil {
		// Written over the note before, then cut to its length, not
		// emptied first: a write that fails (a full disk) leaves the
		// note before as it was, not an empty one (recheck28c L1).
		b := strconv.AppendInt(nil, now.UnixNano(), 10)
		_, err = f.WriteAt(b, 0)
		if err == nil {
			err = f.Truncate(int64(len(b)))
		}
		err = errors.Join(err, f.Close())
	}
	dir := filepath.Dir(path)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), notePrefix) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if at, ok := readNote(p); ok && now.Sub(at) > noteDays*24*time.Hour {
			os.Remove(p)
		}
	}
	return err
}

// readNote reads the time a note says.
func readNote(p string) (time.Time, bool) {
	f, err := openNote(p, os.O_RDONLY, 0)
	if err != nil {
		return time.Time{}, false
	}
	defer f.Close()
	var buf [24]byte
	n, _ := f.Read(buf[:])
	ns, err := strconv.ParseInt(string(buf[:n]), 10, 64)
	return time.Unix(0, ns), err == nil
}

// openNote opens a note as openFile opens a history, and refuses one that
// is not a regular file: a pipe put there is opened without waiting and
// then refused, as a folder is (attack23 M2, L3).
func openNote(p string, flag int, perm fs.FileMode) (*os.File, error) {
	f, err := openFile(p, flag|nonBlock, perm)
	if err != nil {
		return nil, err
	}
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		f.Close()
		return nil, errors.Join(err, noteNotRegular(p))
	}
	return f, nil
}

// noteNotRegular is the error for a forget's note that is not a regular
// file (CheckForget refuses to forget then, before anything is deleted).
func noteNotRegular(p string) error {
	return fmt.Errorf("%s is not a file conflictq wrote (a link, folder, device or pipe): move it away, then forget again", p)
}

// checkNote refuses a forget whose note (forgottenNote) is there and not a
// regular file; a missing one is fine.
func checkNote(path string) error {
	p := forgottenNote(path)
	if st, err := os.Lstat(p); err == nil && !st.Mode().IsRegular() {
		return noteNotRegular(p)
	}
	return nil
}

// ForgottenSince reports whether the history at path was forgotten (Forget)
// after started, the time, by the system's clock, a quiz that held no
// history at its start started: its answers are then not kept, nor the
// history made again with them.
func ForgottenSince(path string, started time.Time) bool {
	at, ok := readNote(forgottenNote(path))
	return ok && at.After(started)
}
