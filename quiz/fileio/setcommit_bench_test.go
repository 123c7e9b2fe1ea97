package fileio

import (
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"testing"
)

// BenchmarkSetCommit is a worksheet and its key replacing the old ones
// (bank export -o ws.md --key key.md --force): the writes and the Commit,
// whose kept links cost a link and an unlink a file; with a signal
// handler (cmd's), the SIGWINCH that Commit sends itself and waits for.
func BenchmarkSetCommit(b *testing.B) {
	b.Run("plain", benchSetCommit)
	b.Run("handler", func(b *testing.B) {
		ch := make(chan os.Signal, 1)
		signal.Notify(ch, os.Interrupt) // not sent: the handler only waits
		defer signal.Stop(ch)
		ExitOnSignal(ch, func(os.Signal) { os.Exit(1) })
		defer func() { signalAsk = nil }()
		benchSetCommit(b)
	})
}

func benchSetCommit(b *testing.B) {
	dir := b.TempDir()
	paths := []string{filepath.Join(dir, "ws.md"), filepath.Join(dir, "key.md")}
	for _, p := range paths {
		os.WriteFile(p, []byte("old"), 0o644)
	}
	for b.Loop() {
		s := &Set{}
		for _, p := range paths {
			if err := s.WriteFile(p, true, Derived, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
				b.Fatal(err)
			}
		}
		if err := s.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}
