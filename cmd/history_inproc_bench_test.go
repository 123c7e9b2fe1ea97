package cmd

import (
	"strings"
	"testing"

	"github.com/conflictq/conflictq/cmd/internal/iostreams"
)

// runYear runs conflictq in-process on the year of history yearOfHistory
// writes (state: its warm or cold directory), as BenchmarkStartup's
// progress-year, review and review-cold do, without process start-up: what
// conflictq itself spends, for profiling (-cpuprofile).
func runYear(b *testing.B, state, now string, want int, args ...string) {
	env := map[string]string{"XDG_CONFIG_HOME": b.TempDir(), "XDG_STATE_HOME": state, "NO_COLOR": "1"}
	k, v, _ := strings.Cut(now, "=")
	env[k] = v
	getenv := func(k string) string { return env[k] }
	run := func() {
		ios, _, _, _ := iostreams.Test()
		f := newFactory(ios, getenv)
		f.HandleSignals = false
		if code := Run(f, args); code != want {
			b.Fatalf("exit %d", code)
		}
	}
	run() // the first run moves the history to its file name (history.Migrate), once
	b.ReportAllocs()
	for b.Loop() {
		run()
	}
}

// BenchmarkProgressYear is conflictq progress over a year of answers
// (100,000), from the state a quiz's end saved and a day's answers since.
func BenchmarkProgressYear(b *testing.B) {
	warm, _, now := yearOfHistory(b, "")
	runYear(b, warm, now, 0, "progress", "--student", "Ana")
}

// BenchmarkReviewYear is quiz --review up to its first prompt (input ends
// there) over the same year, from its state.
func BenchmarkReviewYear(b *testing.B) {
	warm, _, now := yearOfHistory(b, "")
	runYear(b, warm, now, ExitInvalid, "quiz", "--review", "--plain", "--student", "Ana", "--seed", "1", "-n", "10")
}
