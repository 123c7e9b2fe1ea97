//go:build unix

package fileio

import (
	"os"
	"path/filepath"
	"testing"
)

// canonicalBefore is Canonical as it was before it looked a path up once
// (session 27): each link followed, then the whole path resolved, then made
// absolute by filepath.Abs. Kept as the oracle of TestCanonicalAsBefore.
func canonicalBefore(path string) string {
	for range 8 {
		target, err := os.Readlink(path)
		if err != nil {
			break
		}
		if !filepath.IsAbs(target) {
			target = filepath.Dir(located(path)) + string(os.PathSeparator) + target
		}
		path = target
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	} else {
		path = located(path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	return abs
}

// Canonical gives what it gave before it looked a file up once: for files,
// folders, links to files, folders, links and nothing, loops, "..", ".",
// trailing slashes and paths through files, relative and absolute.
func TestCanonicalAsBefore(t *testing.T) {
	dir := pathTree(t)
	paths := append([]string{""}, treePaths(dir)...)
	n := len(paths)
	for _, p := range paths[:n] {
		paths = append(paths, filepath.Join(dir, p), dir+"/"+p)
	}
	for _, p := range paths {
		if got, want := Canonical(p), canonicalBefore(p); got != want {
			t.Errorf("Canonical(%q) = %q, before %q", p, got, want)
		}
	}
}

// pathTree makes, in a new folder it makes the working one, the files,
// folders and links the look-up tests walk (treePaths): links to files and
// folders, dangling links, a loop, a chain, "..", ".", an absolute link,
// links to devices, and a hard link. It returns the folder.
func pathTree(t *testing.T) string {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for _, d := range []string{"a/b", "c"} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"f", "a/g", "a/b/h"} {
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"l": "f", "la": "a", "lb": "a/b", "dl": "nowhere", "dla": "a/nowhere",
		"chain": "l", "chain2": "chain", "loop1": "loop2", "loop2": "loop1",
		"a/up": "../f", "a/b/upup": "../../c", "labs": filepath.Join(dir, "a", "g"),
		"a/dangling": "../c/new", "lup": "a/b/..", "ldot": ".", "lnull": "/dev/null",
		"lfd": "/dev/fd",
	}
	for name, target := range links {
		if err := os.Symlink(target, name); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Link("f", "hard"); err != nil {
		t.Fatal(err)
	}
	return dir
}

// treePaths is the paths through pathTree's folder dir the look-up tests
// ask about, relative.
func treePaths(dir string) []string {
	return []string{".", "..", "./", "f", "./f", "f/", "f/x", "a", "a/", "a/.", "a/..", "a/../f",
		"a/g", "a/b/h", "a/b/../g", "c/new", "new", "nowhere/x", "l", "l/", "la", "la/g", "la/../f",
		"la/b/h", "lb/..", "lb/../g", "dl", "dla", "chain", "chain2", "loop1", "loop1/x", "a/up",
		"a/b/upup", "a/b/upup/new", "labs", "a/dangling", "lup", "lup/g", "ldot", "ldot/f", "la//g",
		"a/b/../../f", "../" + filepath.Base(dir) + "/f"}
}
