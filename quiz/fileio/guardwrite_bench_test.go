package fileio

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkGuardedWrite is the write path of the file rows as cmd takes it,
// in the working folder with relative names, the state folder guarded:
// "set" a test and its key replacing the old ones (bank export -o test.html
// --key key.html --force: both claimed, each looked at as checkOutputs
// does, written into a Set and committed, no signal handler), "one" a key
// written from a sheet (sheet --key --from blank.yaml -o key.yaml
// --force). On tmpfs where there is one (/dev/shm), so that what is left
// is the program's own work and its system calls, not the disk's.
func BenchmarkGuardedWrite(b *testing.B) {
	dir := b.TempDir()
	if st, err := os.Stat("/dev/shm"); err == nil && st.IsDir() {
		if d, err := os.MkdirTemp("/dev/shm", "guardbench"); err == nil {
			dir = d
			b.Cleanup(func() { os.RemoveAll(d) })
		}
	}
	b.Chdir(dir)
	state := filepath.Join(dir, "state", "conflictq")
	page := bytes.Repeat([]byte("<p>x</p>\n"), 4000) // 36 KB
	write := func(w io.Writer) error { _, err := w.Write(page); return err }
	for _, p := range []string{"test.html", "key.html", "blank.yaml", "key.yaml"} {
		if err := os.WriteFile(p, page, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("set", func(b *testing.B) {
		for b.Loop() {
			g := NewGuard("").WithState(state)
			outs := [][2]string{{"-o", "test.html"}, {"--key", "key.html"}}
			for _, o := range outs {
				if err := g.Claim(o[0], o[1]); err != nil {
					b.Fatal(err)
				}
			}
			for _, o := range outs {
				if err := CheckDir(o[1]); err != nil {
					b.Fatal(err)
				}
			}
			s := &Set{}
			for _, o := range outs {
				if err := g.WriteFileIn(s, o[0], o[1], true, Derived, write); err != nil {
					b.Fatal(err)
				}
			}
			if err := s.Commit(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("one", func(b *testing.B) {
		for b.Loop() {
			g := NewGuard("a sheet", "blank.yaml").WithState(state)
			if err := g.WriteFile("-o", "key.yaml", true, Derived, write); err != nil {
				b.Fatal(err)
			}
		}
	})
}
