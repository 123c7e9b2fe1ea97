package quiz

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// A bank named without an extension that is not built in is read from the
// working directory; a file it cannot read says why, not "file is empty".
func TestLibraryLoadUnreadableFileByName(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.Mkdir("bankdir", 0o755); err != nil {
		t.Fatal(err)
	}
	big, err := os.Create("bigbank")
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Truncate(11 << 20); err != nil {
		t.Fatal(err)
	}
	big.Close()
	for ref, want := range map[string]string{
		"bankdir": "bankdir: is a directory, not a file",
		"bigbank": "bigbank: file is 11.0 MB",
	} {
		lib := &Library{Embedded: fstest.MapFS{}}
		_, _, err := lib.Load(ref)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Load(%q) = %v; want %q", ref, err, want)
		}
	}
}
