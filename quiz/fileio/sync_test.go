package fileio

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// durabilities are both kinds of write, for the tests that every write
// passes alike.
var durabilities = []struct {
	name string
	d    Durability
}{{"derived", Derived}, {"durable", Durable}}

// countSyncs makes syncFile record the files it is asked to sync, with what
// each held then, for the rest of the test; err, when not nil, is what each
// sync returns instead of syncing.
func countSyncs(t *testing.T, err error) *[]string {
	t.Helper()
	var synced []string
	old := syncFile
	syncFile = func(f *os.File) error {
		if st, serr := f.Stat(); serr == nil && st.IsDir() {
			synced = append(synced, "folder "+f.Name())
			if err != nil {
				return err
			}
			return old(f)
		}
		data, rerr := os.ReadFile(f.Name())
		if rerr != nil {
			t.Errorf("the file synced cannot be read: %v", rerr)
		}
		synced = append(synced, filepath.Base(f.Name())+"="+string(data))
		if err != nil {
			return err
		}
		return old(f)
	}
	t.Cleanup(func() { syncFile = old })
	return &synced
}

// A durable write waits for the disk once, on the whole content, before the
// file takes its name; a derived one never does (sync25: the wait cost 0.3
// to 30 ms a file, for outputs a command makes again). Both are atomic.
func TestWriteSyncsOnlyDurable(t *testing.T) {
	dir := t.TempDir()
	at := time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)
	content := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	for _, tc := range []struct {
		name  string
		d     Durability
		write func() (string, error)
	}{
		{"WriteFile new", Derived, func() (string, error) {
			p := filepath.Join(dir, "export.md")
			return p, WriteFile(p, false, Derived, content("export"))
		}},
		{"WriteFile --force", Derived, func() (string, error) {
			p := filepath.Join(dir, "export.md")
			return p, WriteFile(p, true, Derived, content("export again"))
		}},
		{"WriteFilePerm cache", Derived, func() (string, error) {
			p := filepath.Join(dir, "h.jsonl.state")
			return p, WriteFilePerm(p, true, 0o600, Derived, content("cache"))
		}},
		{"WriteInDir", Derived, func() (string, error) {
			return WriteInDir(dir, "Ana", at, ".json", Derived, content("graded again"))
		}},
		{"WriteFile new", Durable, func() (string, error) {
			p := filepath.Join(dir, "report.json")
			return p, WriteFile(p, false, Durable, content("answers"))
		}},
		{"WriteFile --force", Durable, func() (string, error) {
			p := filepath.Join(dir, "report.json")
			return p, WriteFile(p, true, Durable, content("marked"))
		}},
		{"WriteFilePerm", Durable, func() (string, error) {
			p := filepath.Join(dir, "h.jsonl")
			return p, WriteFilePerm(p, true, 0o600, Durable, content("history"))
		}},
		{"WriteInDirPerm", Durable, func() (string, error) {
			return WriteInDirPerm(dir, "Ana", at, ".json", 0o600, Durable, content("stopped early"))
		}},
	} {
		synced := countSyncs(t, nil)
		path, err := tc.write()
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		data, _ := os.ReadFile(path)
		switch {
		case tc.d == Derived && len(*synced) != 0:
			t.Errorf("%s, derived: synced %q, want no sync", tc.name, *synced)
		case tc.d == Durable && len(*synced) != 2:
			t.Errorf("%s, durable: synced %q, want the file, then its folder", tc.name, *synced)
		case tc.d == Durable:
			// The temporary file, whole, before it took the name; then the
			// folder that names it.
			name, held, _ := strings.Cut((*synced)[0], "=")
			if !strings.HasPrefix(name, "."+filepath.Base(path)+".tmp-") || held != string(data) {
				t.Errorf("%s, durable: synced %s holding %q; want the temporary file of %s holding %q", tc.name, name, held, path, data)
			}
			if want := "folder " + filepath.Dir(path); (*synced)[1] != want {
				t.Errorf("%s, durable: then synced %q, want %q", tc.name, (*synced)[1], want)
			}
		}
	}
	// Streams and devices are written as they are, never synced.
	synced := countSyncs(t, nil)
	if err := WriteFile(os.DevNull, false, Durable, content("x")); err != nil {
		t.Fatal(err)
	}
	if len(*synced) != 0 {
		t.Errorf("%s synced: %q", os.DevNull, *synced)
	}
}

// A durable write whose sync fails takes no name and leaves nothing behind:
// the error is the caller's to report (a quiz then keeps the answers in
// its state folder), the old file stays as it was.
func TestWriteDurableSyncFails(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ana.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	failed := errors.New("input/output error")
	countSyncs(t, failed)
	for _, p := range []string{path, filepath.Join(dir, "new.json")} {
		err := WriteFile(p, true, Durable, func(w io.Writer) error { _, err := io.WriteString(w, "marked"); return err })
		if !errors.Is(err, failed) {
			t.Errorf("WriteFile(%s) = %v, want the sync's error", p, err)
		}
	}
	if data, _ := os.ReadFile(path); string(data) != "old" {
		t.Errorf("the old file holds %q after a failed sync", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %v after failed syncs, want ana.json alone", entries)
	}
}
