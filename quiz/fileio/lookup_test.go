//go:build unix

package fileio

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// checkDirBefore, notAFolderBefore and samePathBefore are CheckDir,
// notAFolder and SamePath as they were before an output was looked up once
// for all its checks (session 30): each looked the path up itself. Kept as
// the oracles of TestLookupAsBefore.
func checkDirBefore(path string) error {
	if path == "" || path == "-" || IsDevice(path) {
		return nil
	}
	if st, err := os.Stat(filepath.Dir(located(path))); err != nil || !st.IsDir() {
		return &MissingDirError{Path: path}
	}
	return nil
}

func notAFolderBefore(out string) error {
	if os.IsPathSeparator(out[len(out)-1]) || filepath.Base(out) == "." || filepath.Base(out) == ".." {
		return &FolderError{out}
	}
	if IsDevice(out) {
		return nil
	}
	if st, err := os.Stat(out); err == nil && st.IsDir() {
		return &FolderError{out}
	}
	return nil
}

func samePathBefore(a, b string) bool {
	sa, ea := os.Stat(a)
	sb, eb := os.Stat(b)
	if ea == nil && eb == nil {
		return os.SameFile(sa, sb)
	}
	return canonicalBefore(a) == canonicalBefore(b)
}

// An output looked up once answers every question as the looks it replaced
// did: Stat (a link followed, from its Lstat when it is none), whether it is
// a folder or a device, whether its folder exists, whether two paths are
// one file, from a Guard's working folder asked once; on files, folders,
// links to each, dangling links, loops, "..", ".", trailing slashes, paths
// through files, devices, relative and absolute.
func TestLookupAsBefore(t *testing.T) {
	dir := pathTree(t)
	paths := append(treePaths(dir), "hard", "lnull", "lfd/1", "/dev/null",
		"/dev/stdout", "/dev/fd/1", "/proc/self/fd/1", "/dev/shm", "-")
	n := len(paths)
	for _, p := range paths[:n] {
		if !filepath.IsAbs(p) {
			paths = append(paths, filepath.Join(dir, p), dir+"/"+p)
		}
	}
	var wd workDir
	for i, p := range paths {
		o := lookUp(p, &wd)
		st, err := o.stat()
		want, werr := os.Stat(p)
		if (err == nil) != (werr == nil) || err == nil && !os.SameFile(st, want) {
			t.Errorf("stat(%q) = %v, %v; os.Stat: %v, %v", p, st, err, want, werr)
		}
		if got, want := o.canonical(), canonicalBefore(p); got != want {
			t.Errorf("canonical(%q) = %q, before %q", p, got, want)
		}
		if got, want := CheckDir(p), checkDirBefore(p); (got == nil) != (want == nil) {
			t.Errorf("CheckDir(%q) = %v, before %v", p, got, want)
		}
		if got, want := notAFolder(lookUp(p, &wd)), notAFolderBefore(p); (got == nil) != (want == nil) {
			t.Errorf("notAFolder(%q) = %v, before %v", p, got, want)
		}
		// Every pair of the paths as written; an absolute form (after them)
		// with every eighth of those, a different eighth for each: all the
		// pairs took 2 s of make test.
		step := 1
		if i >= n {
			step = 8
		}
		for j := i % step; j < n; j += step {
			q := paths[j]
			if got, want := lookUp(p, &wd).sameAs(lookUp(q, &wd)), samePathBefore(p, q); got != want {
				t.Errorf("same(%q, %q) = %v, before %v", p, q, got, want)
			}
		}
	}
}

// The check after the content still refuses an output that is a bank read
// meanwhile (a sheet names it as it is graded), alone and in a Set: the
// bank keeps its content and no temporary file is left.
func TestGuardRefusesABankReadDuringTheWrite(t *testing.T) {
	dir := t.TempDir()
	bank := filepath.Join(dir, "bank.yaml")
	out := filepath.Join(dir, "out.yaml") // the bank by another name
	if err := os.WriteFile(bank, []byte("bank"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(bank, out); err != nil {
		t.Skip("no hard links here:", err)
	}
	for _, inSet := range []bool{false, true} {
		var banks []string
		g := NewGuard("a sheet being graded").WithBanks(func() []string { return banks })
		if err := g.Claim("-o", out); err != nil {
			t.Fatal(err)
		}
		var s *Set
		if inSet {
			s = &Set{}
		}
		err := g.WriteFileIn(s, "-o", out, true, Derived, func(w io.Writer) error {
			banks = []string{bank} // read as the sheets are graded
			_, err := io.WriteString(w, "results")
			return err
		})
		var in *InputError
		if !errors.As(err, &in) || in.In != bank || in.What != "a bank being read" {
			t.Errorf("set %v: WriteFileIn = %v, want an InputError for the bank", inSet, err)
		}
		if err := s.Commit(); err != nil {
			t.Errorf("set %v: Commit = %v", inSet, err)
		}
		if data, _ := os.ReadFile(bank); string(data) != "bank" {
			t.Errorf("set %v: the bank was replaced: %q", inSet, data)
		}
		if left := Leftovers(dir, func(string) bool { return true }); len(left) > 0 {
			t.Errorf("set %v: left %v", inSet, left)
		}
	}
}
