package cmd

import (
	"testing"
	"time"

	"github.com/conflictq/conflictq/cmd/internal/iostreams"
	"github.com/conflictq/conflictq/quiz/history"
)

// A quiz's session tag is random, not the process id: processes in
// separate containers (each often pid 1) that share a state folder and
// start a quiz in the same millisecond shared a session (attack23 L8). Fifty
// tags in one process are then mostly different (the pid gave one), and a
// session id made of each keeps to the millisecond it started in.
func TestSessionTagRandom(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	f := newFactory(ios, func(string) string { return "" })
	seen := map[int]bool{}
	for range 50 {
		tag := f.SessionTag()
		if tag < 0 || tag >= 1000 {
			t.Fatalf("tag %d, want 0 to 999", tag)
		}
		seen[tag] = true
	}
	// 50 draws of 1000 give 49 different on average; fewer than 40 is
	// less likely than one in a billion.
	if len(seen) < 40 {
		t.Errorf("%d different tags of 50: not random", len(seen))
	}
	start := time.Date(2026, 12, 1, 9, 0, 0, 123456789, time.UTC)
	for tag := range seen {
		if id := history.SessionID(start, tag); !id.Truncate(1e6).Equal(start.Truncate(1e6)) || id.Nanosecond()%1000 != 0 {
			t.Errorf("SessionID(%v, %d) = %v: not in its millisecond, to the microsecond", start, tag, id)
		}
	}
}
