package fileio

import (
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// A file in a folder that does not exist is refused in the user's words:
// the path given and its folder, never the temporary file's name (attack6
// finding 9: "open nodir/.t.html.tmp-4283067631: no such file or directory").
func TestWriteFileInAMissingFolder(t *testing.T) {
	for _, d := range durabilities {
		t.Run(d.name, func(t *testing.T) { writeFileInAMissingFolder(t, d.d) })
	}
}

func writeFileInAMissingFolder(t *testing.T, d Durability) {
	path := filepath.Join(t.TempDir(), "nodir", "t.html")
	err := WriteFile(path, false, d, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err })
	var missing *MissingDirError
	if !errors.As(err, &missing) || strings.Contains(err.Error(), "tmp-") || err.Error() != "cannot write "+path+": folder "+filepath.Dir(path)+" does not exist" {
		t.Errorf("err = %v", err)
	}
	if err := CheckDir(path); !errors.As(err, &missing) {
		t.Errorf("CheckDir = %v", err)
	}
	if err := CheckDir(filepath.Join(t.TempDir(), "t.html")); err != nil {
		t.Errorf("CheckDir of a folder that exists: %v", err)
	}
}
