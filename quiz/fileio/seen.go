package fileio

import (
	"os"
	"path/filepath"
)

// Seen remembers files by what they are, not by their names: a file named
// twice, through a link or by a hard link, is one file. Commands that read
// a list of files (grade's sheets, summary's sums, mark's reports) read each
// once with it.
//
// Where the system gives a file's device and number (Unix), a file costs a
// small map entry; elsewhere files are compared with os.SameFile, only with
// those of the same size and time, so that a class of 10,000 sheets is not
// 10,000² comparisons.
type Seen struct {
	ids   map[fileID]string
	byKey map[sizeTime][]seenFile
}

type sizeTime struct{ size, mod int64 }

type seenFile struct {
	path string
	info os.FileInfo
}

// Add records the file at path, looked up as st (os.Stat, its links
// followed), and returns the path it was first recorded under when it was
// recorded before, else "".
func (s *Seen) Add(path string, st os.FileInfo) (first string) {
	if s.ids == nil {
		s.ids, s.byKey = map[fileID]string{}, map[sizeTime][]seenFile{}
	}
	if id, ok := idOf(st); ok {
		if first, ok := s.ids[id]; ok {
			return first
		}
		s.ids[id] = path
		return ""
	}
	k := sizeTime{st.Size(), st.ModTime().UnixNano()}
	for _, f := range s.byKey[k] {
		if os.SameFile(f.info, st) {
			return f.path
		}
	}
	s.byKey[k] = append(s.byKey[k], seenFile{path, st})
	return ""
}

// Distinct returns paths with every file that is the same existing file as
// an earlier one (named twice, a link to it, a hard link) left out, in
// order; same lists those left out, each beside the one kept. A path named
// twice the same way is left out without being listed. Paths that cannot
// be looked up are kept: reading them says why.
func Distinct(paths []string) (kept []string, same [][2]string) {
	var seen Seen
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			kept = append(kept, p)
			continue
		}
		dup := seen.Add(p, st)
		if dup == "" {
			kept = append(kept, p)
			continue
		}
		if filepath.Clean(dup) != filepath.Clean(p) {
			same = append(same, [2]string{p, dup})
		}
	}
	return kept, same
}
