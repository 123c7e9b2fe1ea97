package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/conflictq/conflictq/cmd/internal/iostreams"
)

// BenchmarkCommandsInProcess runs some of BenchmarkStartup's commands that
// end by themselves (the rows below: each command's plainest run, the
// teacher's fixture and the pages), in-process: the command tree, the
// settings and the command's own work, without process start-up. Its allocations (-benchmem) are the heap a
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
		ios, in, _, errOut := iostreams.Test()
		in.WriteString(input)
		f := newFactory(ios, func(k string) string { return env[k] })
		f.HandleSignals = false
		if code := Run(f, args); code != ExitOK {
			b.Fatalf("%q: exit %d\n%s", args, code, errOut)
		}
	}
	run(b, "", "sheet", "--bank", "mine.yaml", "--seed", "1", "--key", "-o", "key.yaml")
	run(b, "", "grade", "key.yaml", "--sums", "sums.json")
	writeHTMLInputs(b, dir)
	run(b, "", "grade", "class.jsonl", "--sums", "class-sums.json")
	fx := writeTeacherFixture(b, dir, func(args ...string) { run(b, "", args...) })
	run(b, "", "quiz", "--answers", fx.Sheet, "-o", "ana40-report.json")
	if err := os.WriteFile(filepath.Join(dir, "teacher.yaml"), []byte("pass: 60\nquiet: true\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	run(b, "", "bank", "export", "comprehension", "--format", "moodlexml", "-o", "comp.xml")
	classDir := writeClassFolder(b, dir, 30)
	type row struct {
		name  string
		args  []string
		input string // on standard input
		reset bool   // fx.Reset before each run (outside the timer), the sheet made new (see below)
	}
	var html []row
	for _, name := range htmlRows {
		html = append(html, row{name: name, args: htmlRuns[name]})
	}
	for _, bm := range append([]row{
		{name: "version", args: []string{"version"}},
		{name: "define", args: []string{"define", "genocide"}},
		{name: "define-json", args: []string{"define", "genocide", "--json"}},
		{name: "progress-json", args: []string{"progress", "--json"}},
		{name: "glossary-list", args: []string{"glossary", "list"}},
		{name: "glossary-search", args: []string{"glossary", "search", "specific intent"}},
		{name: "bank-list", args: []string{"bank", "list"}},
		{name: "bank-show", args: []string{"bank", "show", "comprehension"}},
		{name: "bank-validate", args: []string{"bank", "validate", "mine.yaml"}},
		{name: "bank-export", args: []string{"bank", "export", "vocabulary", "--format", "json"}},
		{name: "bank-export-gift", args: []string{"bank", "export", "vocabulary", "--format", "gift"}},
		{name: "bank-convert", args: []string{"bank", "convert", "mine.gift", "-o", "-"}},
		{name: "bank-validate-xml", args: []string{"bank", "validate", "comp.xml"}},
		{name: "bank-convert-xml", args: []string{"bank", "convert", "comp.xml", "-o", "-"}},
		{name: "export-yaml", args: []string{"bank", "export", "comprehension", "--format", "yaml"}},
		{name: "export-moodlexml", args: []string{"bank", "export", "comprehension", "--format", "moodlexml"}},
		{name: "export-vocab-xml", args: []string{"bank", "export", "vocabulary", "--format", "moodlexml"}},
		{name: "export-anki", args: []string{"bank", "export", "comprehension", "--format", "anki"}},
		{name: "export-aiken", args: []string{"bank", "export", "comprehension", "--format", "aiken"}},
		{name: "export-markdown", args: []string{"bank", "export", "comprehension", "--seed", "1", "--format", "markdown"}},
		{name: "export-qti", args: []string{"bank", "export", "comprehension", "--format", "qti", "-o", "-"}},
		{name: "sheet", args: []string{"sheet", "--bank", "comprehension", "-n", "10", "--seed", "1"}},
		{name: "sheet-key", args: []string{"sheet", "--key", "--from", fx.Blank}},
		{name: "grade", args: []string{"grade", "key.yaml"}},
		{name: "grade-40", args: []string{"grade", fx.Sheet}},
		{name: "grade-40-json", args: []string{"grade", fx.Sheet, "--format", "json"}},
		{name: "grade-40-gradescope", args: []string{"grade", fx.Sheet, "--format", "gradescope"}},
		{name: "grade-40-settings", args: []string{"grade", fx.Sheet, "--config", "teacher.yaml"}},
		{name: "grade-report", args: []string{"grade", "ana40-report.json"}},
		{name: "grade-folder", args: []string{"grade", classDir}},
		{name: "grade-class", args: []string{"grade", "class.jsonl"}},
		{name: "grade-summary-csv", args: []string{"grade", "class.jsonl", "--summary", "class-summary.csv", "--force"}},
		{name: "grade-sums", args: []string{"grade", "class.jsonl", "--sums", "class-sums-again.json", "--force"}},
		{name: "quiz-answers", args: []string{"quiz", "--answers", fx.Sheet}},
		{name: "quiz-answers-json", args: []string{"quiz", "--answers", fx.Sheet, "-o", "ana40.json", "--force"}},
		{name: "mark-from", args: []string{"mark", filepath.Dir(fx.Marked), "--from", fx.CSV}, reset: true},
		{name: "mark-plain", args: []string{"mark", filepath.Dir(fx.Marked), "--plain"}, input: fx.Plain, reset: true},
		{name: "summary", args: []string{"summary", "sums.json"}},
		{name: "summary-md-file", args: []string{"summary", "class-sums.json", "-o", "sums.md", "--force"}},
		{name: "summary-sums-file", args: []string{"summary", "class-sums.json", "--sums", "merged-sums.json", "--force"}},
		{name: "export-md-file", args: []string{"bank", "export", "comprehension", "--seed", "1", "-o", "test.md", "--key", "key.md", "--force"}},
		{name: "progress", args: []string{"progress"}},
		{name: "completion-bash", args: []string{"completion", "bash"}},
		{name: "complete-bank", args: []string{"__complete", "quiz", "--bank", ""}},
		// The file rows of BenchmarkStartup: what the write path (fileio and
		// the output guard) costs beside the same command to the screen.
		{name: "sheet-file", args: []string{"sheet", "--bank", "comprehension", "--seed", "1", "-o", "blank.yaml", "--force"}},
		{name: "sheet-key-file", args: []string{"sheet", "--key", "--from", fx.Blank, "-o", "key-out.yaml", "--force"}},
		{name: "grade-40-csv", args: []string{"grade", fx.Sheet, "--format", "csv"}},
		{name: "grade-40-csv-file", args: []string{"grade", fx.Sheet, "-o", "ana40-results.csv", "--force"}},
		{name: "export-qti-file", args: []string{"bank", "export", "comprehension", "--format", "qti", "-o", "test.zip", "--force"}},
	}, html...) {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := range b.N {
				if bm.reset {
					b.StopTimer()
					fx.Reset(b, dir)
					// A line of its own in each run's sheet: marking keeps the
					// sheets it read last by their bytes (quiz/marking's
					// recent), and the same sheet again, marked in the same
					// second, was not read at all after the first run, as no
					// process of conflictq ever finds it.
					f, err := os.OpenFile(filepath.Join(dir, fx.Marked), os.O_APPEND|os.O_WRONLY, 0)
					if err == nil {
						_, err = fmt.Fprintf(f, "\n# run %d\n", i)
						f.Close()
					}
					if err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
				}
				run(b, bm.input, bm.args...)
			}
		})
	}
}
