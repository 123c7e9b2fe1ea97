package fileio

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// A file reached twice (named twice, through a link, by a hard link) is
// listed once; the others named beside the one kept (attack6 #11).
func TestDistinct(t *testing.T) {
	dir := t.TempDir()
	ana, bo := filepath.Join(dir, "ana.json"), filepath.Join(dir, "bo.json")
	os.WriteFile(ana, []byte("{}"), 0o644)
	os.WriteFile(bo, []byte("{}"), 0o644) // the same bytes, another file
	link, hard := filepath.Join(dir, "ana2.json"), filepath.Join(dir, "ana3.json")
	if err := os.Symlink("ana.json", link); err != nil {
		t.Skip(err)
	}
	if err := os.Link(ana, hard); err != nil {
		t.Skip(err)
	}
	missing := filepath.Join(dir, "gone.json")
	kept, same := Distinct([]string{ana, bo, link, ana, hard, missing})
	if want := []string{ana, bo, missing}; !slices.Equal(kept, want) {
		t.Errorf("kept %v, want %v", kept, want)
	}
	if want := [][2]string{{link, ana}, {hard, ana}}; !slices.Equal(same, want) {
		t.Errorf("same %v, want %v", same, want)
	}
}
