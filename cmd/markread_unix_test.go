//go:build unix

package cmd

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz/marking"
)

// marks30: mark --from read its CSV with the signals caught and the lock
// taken, and a read does not stop for a signal: Ctrl-C during a 17 MB CSV
// waited 1.9 s for the read's end, and during a piped CSV whose writer
// waits, until the writer ended (19.5 s), the lock held all the while. The
// CSV is read before the lock is taken, and a signal (ctx ended) ends the
// wait at once: here a pipe no one writes to, whose open blocks.
func TestReadMarksEndsOnSignal(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "marks.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipe here:", err)
	}
	defer func() {
		// Release the read left blocked: a writer comes and goes.
		if w, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			w.Close()
		}
	}()
	stop := errors.New("a signal")
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(stop)
	type result struct {
		marks *marking.Marks
		err   error
	}
	done := make(chan result, 1)
	go func() { marks, err := readMarks(ctx, fifo); done <- result{marks, err} }()
	select {
	case r := <-done:
		if !errors.Is(r.err, stop) || r.marks != nil {
			t.Errorf("readMarks with ctx ended: %v, %v; want the stop's cause", r.marks, r.err)
		}
	case <-time.After(10 * time.Second): // it waits for a writer that never comes
		t.Fatal("readMarks with ctx ended still waits for the pipe's writer after 10 s")
	}
}
