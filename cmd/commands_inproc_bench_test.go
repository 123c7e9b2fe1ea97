package cmd

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/conflictq/conflictq/cmd/internal/iostreams"
)

// BenchmarkCommandsInProcess runs each command of BenchmarkStartup that ends
// by itself, in-process: the command tree, the settings and the command's own
// work, without process start-up. Its allocations (-benchmem) are the heap a
// real run touches, and so the page faults that are most of what conflictq
// costs over the floor; they are steady where a whole run's time is not.
func BenchmarkCommandsInProcess(b *testing.B) {
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte(startupBank), 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "mine.gift"), []byte(startupGIFT), 0o644); err != nil {
		b.Fatal(err)
	}
	b.Chdir(dir)
	env := map[string]string{"XDG_CONFIG_HOME": b.TempDir(), "XDG_STATE_HOME": b.TempDir(), "NO_COLOR": "1"}
	run := func(b *testing.B, input string, args ...string) {
		ios, in, _, _ := iostreams.Test()
		in.WriteString(input)
		f := newFactory(ios, func(k string) string { return env[k] })
		f.HandleSignals = false
		if code := Run(f, args); code != ExitOK {
			b.Fatalf("%q: exit %d", args, code)
		}
	}
	run(b, "", "sheet", "--bank", "mine.yaml", "--seed", "1", "--key", "-o", "key.yaml")
	run(b, "", "grade", "key.yaml", "--sums", "sums.json")
	fx := writeTeacherFixture(b, dir, func(args ...string) { run(b, "", args...) })
	for _, bm := range []struct {
		name  string
		args  []string
		input string // on standard input
		reset bool   // fx.Reset before each run (outside the timer)
	}{
		{"version", []string{"version"}, "", false},
		{"define", []string{"define", "genocide"}, "", false},
		{"glossary-list", []string{"glossary", "list"}, "", false},
		{"glossary-search", []string{"glossary", "search", "specific intent"}, "", false},
		{"bank-list", []string{"bank", "list"}, "", false},
		{"bank-show", []string{"bank", "show", "comprehension"}, "", false},
		{"bank-validate", []string{"bank", "validate", "mine.yaml"}, "", false},
		{"bank-export", []string{"bank", "export", "vocabulary", "--format", "json"}, "", false},
		{"bank-convert", []string{"bank", "convert", "mine.gift", "-o", "-"}, "", false},
		{"sheet", []string{"sheet", "--bank", "comprehension", "-n", "10", "--seed", "1"}, "", false},
		{"grade", []string{"grade", "key.yaml"}, "", false},
		{"summary", []string{"summary", "sums.json"}, "", false},
		{"progress", []string{"progress"}, "", false},
		{"completion-bash", []string{"completion", "bash"}, "", false},
		{"complete-bank", []string{"__complete", "quiz", "--bank", ""}, "", false},
		{"bank-export-gift", []string{"bank", "export", "vocabulary", "--format", "gift"}, "", false},
		{"sheet-key", []string{"sheet", "--key", "--from", fx.Blank}, "", false},
		{"grade-40", []string{"grade", fx.Sheet}, "", false},
		{"quiz-answers", []string{"quiz", "--answers", fx.Sheet}, "", false},
		{"mark-from", []string{"mark", filepath.Dir(fx.Marked), "--from", fx.CSV}, "", true},
		{"mark-plain", []string{"mark", filepath.Dir(fx.Marked), "--plain"}, fx.Plain, true},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				if bm.reset {
					b.StopTimer()
					fx.Reset(b, dir)
					b.StartTimer()
				}
				run(b, bm.input, bm.args...)
			}
		})
	}
}
