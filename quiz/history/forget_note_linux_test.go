package history

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz/internal/asnobody"
)

// A forget whose note cannot be written (a note file its user may not
// write) stops before anything is deleted (recheck28b L-A): it deleted the
// history and then failed. Run as root, which makes the note root's own and
// unwritable, with the forget by nobody, in a copy of the test binary.
func TestForgetStopsWhenTheNoteCannotBeWritten(t *testing.T) {
	if path := os.Getenv("HISTORY_NOTE_PATH"); path != "" { // the child, as nobody
		fmt.Printf("err: %v\n", Forget(path))
		return
	}
	dir, err := os.MkdirTemp("", "note")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "Ana-0123456789.jsonl")
	if err := os.WriteFile(path, []byte("{}\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	os.Chmod(path, 0o666)
	if err := os.WriteFile(forgottenNote(path), []byte("1"), 0o000); err != nil {
		t.Fatal(err)
	}
	out := asnobody.Run(t, dir, "TestForgetStopsWhenTheNoteCannotBeWritten", "HISTORY_NOTE_PATH="+path)
	if !strings.Contains(string(out), "err: nothing was deleted: the forget's note could not be written: open "+forgottenNote(path)+": permission denied") {
		t.Errorf("Forget as nobody: %s, want the note refused", out)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the history is gone after a forget that failed: %v", err)
	}
}
