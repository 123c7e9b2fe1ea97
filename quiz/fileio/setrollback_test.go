package fileio

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// A file of a Set that cannot take its name (here a folder put in its way
// as the others take theirs; a bind mount, chattr +i or a sticky folder
// fail the same way) leaves the set as it was: the files renamed before it
// get their old content back, one that had none is removed, and the error
// says so (attack24 H1: a new worksheet was left beside an old key). The
// same on a file system without hard links, where the old files are kept
// as copies.
func TestSetFailedRenameRestoresTheOthers(t *testing.T) {
	for _, noLinks := range []bool{false, true} {
		name := "links"
		if noLinks {
			name = "copies"
		}
		t.Run(name, func(t *testing.T) {
			if noLinks {
				linkFile = func(string, string) error { return &os.LinkError{Op: "link", Err: errors.ErrUnsupported} }
				defer func() { linkFile = os.Link }()
			}
			dir := t.TempDir()
			a, b, c := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json"), filepath.Join(dir, "c.csv")
			if err := os.WriteFile(a, []byte("old a"), 0o640); err != nil {
				t.Fatal(err)
			}
			s := &Set{}
			for _, path := range []string{a, b, c} {
				if err := s.WriteFile(path, true, Derived, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
					t.Fatal(err)
				}
			}
			n := 0
			afterPlace = func() {
				if n++; n == 2 { // a and b have their names: c cannot take its own
					if err := os.MkdirAll(filepath.Join(c, "x"), 0o755); err != nil {
						t.Fatal(err)
					}
				}
			}
			defer func() { afterPlace = nil }()
			err := s.Commit()
			var se *SetError
			if !errors.As(err, &se) || !strings.Contains(err.Error(), "c.csv") || !strings.Contains(err.Error(), "as they were") {
				t.Fatalf("Commit: %v, want a *SetError naming c.csv and saying the outputs are as they were", err)
			}
			if data, _ := os.ReadFile(a); string(data) != "old a" {
				t.Errorf("a.json holds %q, want its old content", data)
			}
			if st, err := os.Stat(a); err != nil || st.Mode().Perm() != 0o640 {
				t.Errorf("a.json: %v, mode %v, want 0640", err, st)
			}
			if _, err := os.Lstat(b); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("b.json, new in the failed set, is still there (%v)", err)
			}
			var names []string
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				names = append(names, e.Name())
			}
			if !slices.Equal(names, []string{"a.json", "c.csv"}) {
				t.Errorf("files left: %v, want a.json and c.csv (no hidden file)", names)
			}
		})
	}
}

// A Set committed leaves no kept old file beside the new ones.
func TestSetCommitLeavesNoKeptFile(t *testing.T) {
	dir := t.TempDir()
	s := &Set{}
	for _, name := range []string{"a.json", "b.json"} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := s.WriteFile(path, true, Derived, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("%d files, want 2: %v", len(entries), entries)
	}
	for _, name := range []string{"a.json", "b.json"} {
		if data, _ := os.ReadFile(filepath.Join(dir, name)); string(data) != "new" {
			t.Errorf("%s holds %q, want new", name, data)
		}
	}
}

// A Set one of whose outputs is a stream (/dev/null here; a pipe, /dev/stdout)
// that then cannot give its files their names does not say that nothing was
// written: the stream had its output at once (recheck29 N3).
func TestSetErrorNamesTheStreamWritten(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.csv")
	s := &Set{}
	for _, path := range []string{os.DevNull, a, b} {
		if err := s.WriteFile(path, true, Derived, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
			t.Fatal(err)
		}
	}
	afterPlace = func() { os.MkdirAll(filepath.Join(b, "x"), 0o755) } // b cannot take its name
	defer func() { afterPlace = nil }()
	err := s.Commit()
	if err == nil || strings.Contains(err.Error(), "nothing was written") || !strings.Contains(err.Error(), os.DevNull+" had its output already") || !strings.Contains(err.Error(), "the 2 files are as they were") {
		t.Errorf("Commit: %v, want the 2 files as they were and %s named as written", err, os.DevNull)
	}
	if _, err := os.Lstat(a); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a.json, new in the failed set, is still there (%v)", err)
	}
}

// One file beside a stream that cannot take its name says the file is as
// it was and names the stream as written (recheck29b V2).
func TestSetErrorOneFileBesideAStream(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.csv")
	s := &Set{}
	for _, path := range []string{os.DevNull, a} {
		if err := s.WriteFile(path, true, Derived, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(a, "x"), 0o755); err != nil { // a cannot take its name
		t.Fatal(err)
	}
	err := s.Commit()
	if err == nil || !strings.Contains(err.Error(), "the file is as it was") || !strings.Contains(err.Error(), os.DevNull+" had its output already") {
		t.Errorf("Commit: %v, want the file as it was and %s named as written", err, os.DevNull)
	}
}

// A set's error says what became of each output, and no phrase takes in a
// stream that another then excepts (recheck29b V3: "the other outputs are
// as they were, except sums.json, already replaced (o.csv had its output
// already …)", where the other outputs took in o.csv).
func TestSetErrorSaysWhatBecameOfEach(t *testing.T) {
	for _, c := range []struct {
		e    SetError
		want string
	}{
		{SetError{N: 2, Replaced: []string{"sums.json"}, Streams: []string{"o.csv"}},
			"write s.json: denied; sums.json was replaced already and keeps its new content; the other file is as it was; o.csv had its output already: a stream cannot take it back"},
		{SetError{N: 3, Replaced: []string{"a.json", "b.json"}},
			"write s.json: denied; a.json, b.json were replaced already and keep their new content; the other file is as it was"},
		{SetError{N: 3, Copied: []string{"s1.json has its old content back, as a copy: it is owned by you, not by uid 0"}, Streams: []string{"/dev/stdout", "f.json"}},
			"write s.json: denied; s1.json has its old content back, as a copy: it is owned by you, not by uid 0; the other 2 files are as they were; /dev/stdout, f.json had their output already: a stream cannot take it back"},
		{SetError{N: 2, Streams: []string{"o.csv"}},
			"write s.json: denied; no file was replaced: the 2 files are as they were (o.csv had its output already: a stream cannot take it back)"},
		{SetError{N: 2}, "write s.json: denied; nothing was written: the 2 outputs are as they were"},
	} {
		c.e.Err = errors.New("write s.json: denied")
		if got := c.e.Error(); got != c.want {
			t.Errorf("got\n%s\nwant\n%s", got, c.want)
		}
	}
}

// A file no hard link can be made to across its folder (EXDEV: a bind
// mount, which cannot take its name) takes its name first, so that its
// failure leaves the others as they were, not put back from copies
// (recheck29 N5's grades.csv).
func TestSetMountPointTakesItsNameFirst(t *testing.T) {
	dir := t.TempDir()
	names := []string{"a.json", "b.json", "c.csv"}
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	linkFile = func(old, new string) error {
		if filepath.Base(old) == "c.csv" {
			return &os.LinkError{Op: "link", Old: old, New: new, Err: syscall.EXDEV}
		}
		return os.Link(old, new)
	}
	defer func() { linkFile = os.Link }()
	s := &Set{}
	for _, name := range names {
		if err := s.WriteFile(filepath.Join(dir, name), true, Derived, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
			t.Fatal(err)
		}
	}
	var first []string
	afterPlace = func() {
		if first != nil {
			return
		}
		first = []string{}
		for _, name := range names {
			if data, _ := os.ReadFile(filepath.Join(dir, name)); string(data) == "new" {
				first = append(first, name)
			}
		}
	}
	defer func() { afterPlace = nil }()
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(first, []string{"c.csv"}) {
		t.Errorf("first to take its name: %v, want c.csv", first)
	}
}
