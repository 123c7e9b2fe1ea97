package cmd

import (
	"os"
	"path/filepath"
	"testing"
)

// writeTestFile writes text to name in dir and returns its path; a write
// that fails stops the test there.
func writeTestFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
