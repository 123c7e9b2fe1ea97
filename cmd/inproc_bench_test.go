package cmd

import (
	"testing"

	"github.com/conflictq/conflictq/cmd/internal/iostreams"
)

// BenchmarkQuizFirstPrompt runs the quiz command in-process up to its first
// prompt (input ends there): everything conflictq itself does before a student
// sees a question, without process start-up.
func BenchmarkQuizFirstPrompt(b *testing.B) {
	env := map[string]string{"XDG_CONFIG_HOME": b.TempDir(), "XDG_STATE_HOME": b.TempDir()}
	getenv := func(k string) string { return env[k] }
	b.ReportAllocs()
	for range b.N {
		ios, _, _, _ := iostreams.Test()
		f := newFactory(ios, getenv)
		f.HandleSignals = false
		if code := Run(f, []string{"quiz", "--plain", "--seed", "1"}); code != ExitInvalid {
			b.Fatalf("exit %d", code)
		}
	}
}
