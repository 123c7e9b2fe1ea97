package history

import (
	"os"
	"path/filepath"
	"testing"
)

// review22 #10: head with a negative length hashes nothing, as the
// io.LimitReader it replaced did, rather than panicking on buf[:n].
func TestHeadNegativeLength(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.jsonl")
	if err := os.WriteFile(path, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := head(path, -5)
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := head(path, 0); got != want {
		t.Errorf("head(-5) = %s, want head(0) = %s", got, want)
	}
}
