package fileio

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSameFileAs(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	for _, p := range []string{a, b} {
		if err := os.WriteFile(p, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(a, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if got := SameFileAs(link, []string{b, filepath.Join(dir, ".", "a.json")}); got != filepath.Join(dir, ".", "a.json") {
		t.Errorf("a link to an input: %q", got)
	}
	if got := SameFileAs(b, []string{a, link}); got != "" {
		t.Errorf("another file: %q", got)
	}
	if got := SameFileAs(filepath.Join(dir, "new.json"), []string{a}); got != "" {
		t.Errorf("a file not yet written: %q", got)
	}
}
