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
	run := func(b *testing.B, args ...string) {
		ios, _, _, errOut := iostreams.Test()
		f := newFactory(ios, func(k string) string { return env[k] })
		f.HandleSignals = false
		if code := Run(f, args); code != ExitOK {
			b.Fatalf("%q: exit %d\n%s", args, code, errOut)
		}
	}
	run(b, "sheet", "--bank", "mine.yaml", "--seed", "1", "--key", "-o", "key.yaml")
	run(b, "grade", "key.yaml", "--sums", "sums.json")
	writeHTMLInputs(b, dir)
	run(b, "grade", "class.jsonl", "--sums", "class-sums.json")
	type row struct {
		name string
		args []string
	}
	var html []row
	for _, name := range htmlRows {
		html = append(html, row{name, htmlRuns[name]})
	}
	for _, bm := range append([]row{
		{"version", []string{"version"}},
		{"define", []string{"define", "genocide"}},
		{"glossary-list", []string{"glossary", "list"}},
		{"glossary-search", []string{"glossary", "search", "specific intent"}},
		{"bank-list", []string{"bank", "list"}},
		{"bank-show", []string{"bank", "show", "comprehension"}},
		{"bank-validate", []string{"bank", "validate", "mine.yaml"}},
		{"bank-export", []string{"bank", "export", "vocabulary", "--format", "json"}},
		{"bank-convert", []string{"bank", "convert", "mine.gift", "-o", "-"}},
		{"sheet", []string{"sheet", "--bank", "comprehension", "-n", "10", "--seed", "1"}},
		{"grade", []string{"grade", "key.yaml"}},
		{"summary", []string{"summary", "sums.json"}},
		{"progress", []string{"progress"}},
		{"completion-bash", []string{"completion", "bash"}},
		{"complete-bank", []string{"__complete", "quiz", "--bank", ""}},
	}, html...) {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				run(b, bm.args...)
			}
		})
	}
}
