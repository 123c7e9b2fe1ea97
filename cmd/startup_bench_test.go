package cmd

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/history"
)

// buildBinaries builds conflictq and the do-nothing baseline once per
// benchmark, both as cmd/dist builds the release archives a school installs:
// CGO_ENABLED=0, -trimpath, no symbol table or debug information (-s -w). Each
// is then copied to a new file, as tar and unzip write a release's binary, and
// the copies are run: a binary the linker has just written takes about 1 ms
// more system time a run on the 2-core test machine (kernel 6.18, ext4;
// 2026-12-04) than the same bytes copied, with the same page faults, for as
// long as it stays in the page cache, and the floor, a third of the size,
// loses only about 0.4 ms of it; conflictq version measured 1.31 times the
// floor as linked, 1.16 as copied (medians of 150 alternating runs). What a
// student runs is measured, against a floor built and copied alike.
func buildBinaries(b *testing.B) (conflictq, baseline string) {
	b.Helper()
	dir := b.TempDir()
	conflictq, baseline = filepath.Join(dir, "conflictq"), filepath.Join(dir, "baseline")
	for out, pkg := range map[string]string{conflictq: "../cmd/conflictq", baseline: "./testdata/baseline"} {
		built := out + ".linked"
		cmd := exec.Command("go", "build", "-trimpath", "-ldflags", "-s -w", "-o", built, pkg)
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		cmd.Dir = "."
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("go build %s: %v\n%s", pkg, err, msg)
		}
		data, err := os.ReadFile(built)
		if err == nil {
			err = os.WriteFile(out, data, 0o755)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	return conflictq, baseline
}

// startupEnv is the environment every measured run gets: no colour, and
// settings and state in directories of their own.
func startupEnv(b *testing.B) []string {
	return append(os.Environ(), "NO_COLOR=1", "XDG_CONFIG_HOME="+b.TempDir(), "XDG_STATE_HOME="+b.TempDir())
}

// timing is one run's wall-clock time and the CPU time (user and system) it
// used: the CPU time is less disturbed by other work on a busy machine.
type timing struct{ wall, cpu time.Duration }

func cpuTime(ps *os.ProcessState) time.Duration { return ps.UserTime() + ps.SystemTime() }

// timeToPrompt starts a quiz and returns how long it took to print its first
// question (then stops it): the time a student waits.
func timeToPrompt(b *testing.B, dir, bin string, args ...string) timing {
	return timeToPromptWith(b, dir, bin, nil, args...)
}

// timeToPromptWith is timeToPrompt with more environment variables, which
// win over startupEnv's.
func timeToPromptWith(b *testing.B, dir, bin string, env []string, args ...string) timing {
	b.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir, cmd.Env = dir, append(startupEnv(b), env...)
	stdin, _ := cmd.StdinPipe() // held open: the quiz waits at its first prompt
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	var seen []byte
	buf := make([]byte, 4096)
	for !bytes.Contains(seen, []byte("Your answer")) {
		n, err := out.Read(buf)
		seen = append(seen, buf[:n]...)
		if err != nil {
			b.Fatalf("no first prompt: %v\n%s", err, seen)
		}
	}
	d := time.Since(start)
	stdin.Close()
	cmd.Process.Kill()
	cmd.Wait()
	return timing{d, cpuTime(cmd.ProcessState)}
}

// timeRun runs a command to its end and returns how long it took; it must
// succeed, so that no error path is measured instead.
func timeRun(b *testing.B, dir, bin string, args ...string) timing {
	return timeRunWith(b, dir, bin, nil, args...)
}

// timeRunWith is timeRun with more environment variables.
func timeRunWith(b *testing.B, dir, bin string, env []string, args ...string) timing {
	return timeRunInput(b, dir, bin, env, "", args...)
}

// timeRunInput is timeRunWith with input on standard input (none when "").
func timeRunInput(b *testing.B, dir, bin string, env []string, input string, args ...string) timing {
	b.Helper()
	cmd := exec.Command(bin, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if input != "" {
		cmd.Stdin = strings.NewReader(input)
	}
	cmd.Dir, cmd.Env = dir, append(startupEnv(b), env...)
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	if err != nil {
		b.Fatalf("%s %s: %v\n%s", filepath.Base(bin), strings.Join(args, " "), err, out.String())
	}
	return timing{d, cpuTime(cmd.ProcessState)}
}

// median returns the middle of the durations (which it sorts).
func median(ds []time.Duration) time.Duration {
	slices.Sort(ds)
	return ds[len(ds)/2]
}

// startupBank is a small bank of one's own, as a teacher would validate,
// print a sheet for and grade.
const startupBank = `id: mine
title: Mine
questions:
  - {id: capital, type: single, prompt: "Capital?", choices: [Baku, Yerevan, Tbilisi], answer: Baku, explanation: E, source: {section: Introduction, paragraph: 2, quote: q}}
  - {id: seas, type: multi, prompt: "Seas?", choices: [Black Sea, Caspian Sea, Red Sea], answers: [Black Sea, Caspian Sea], explanation: E, source: {section: UN resolution, paragraph: 3, quote: q}}
  - {id: year, type: numeric, prompt: "Year?", answer: 1994, explanation: E, source: {section: Introduction, paragraph: 3, quote: q}}
  - {id: truth, type: truefalse, prompt: "Statement.", answer: false, explanation: E, source: {section: S, paragraph: 1, quote: q}}
`

// startupGIFT is a small GIFT bank, as a teacher would convert from Moodle.
const startupGIFT = `::capital:: Which city is the capital of Azerbaijan? {=Baku ~Yerevan ~Tbilisi}

::year:: In which year was the 1994 ceasefire signed? {#1994}

::truth:: The ceasefire was signed in 1994. {T}
`

// BenchmarkStartup measures whole runs of conflictq's commands against a
// Cobra+Viper+survey program that does nothing (the frameworks' floor). Runs
// alternate so that machine noise hits both alike. "ratio" is conflictq's
// median time over the floor's, and the goal for every command is at most
// startupGoal; "cpu-ratio" compares the CPU time (user and system) used, which
// a busy machine disturbs less. With -v it prints a table of all commands.
//
// The quizzes are timed from start to their first prompt on screen (the time
// a student waits); every other command from start to exit. Every command
// has a row, in groups (the table's headings), and so has each --format
// value and each kind of file a teacher writes: -o (summary's and sheet's in
// every extension they take, grade's, bank export's and convert's beside
// their rows to the screen, quiz --answers' in every format), --key, grade
// --summary as .csv, .json, .md and .html, and --sums; and the flags that
// change the work (grade --reveal, define --full, glossary list --by-topic,
// bank show --answers). Not timed: progress --forget (it deletes a history,
// after asking) and quiz --report-dir (the -o report under a name of its
// own). grade, summary and bank validate and convert work on a small bank
// and sheet written beforehand; the grade-40 rows, the quiz-answers rows,
// the sheet-key rows and the two marks on a class's real paper
// (writeTeacherFixture), grade-folder on 30 such sheets in a folder
// (writeClassFolder), the -xml rows on the comprehension bank exported as
// Moodle XML, and grade-class, its statistics and sums, and the summary
// files and pages on the html rows' class of 30 and its merged sums
// (writeHTMLInputs); mark with the sheet put back unmarked before each run.
// All of it is written outside the time. The
// rows ending in -file write files (-o) as a teacher does, atomically and
// not synced to the disk (see htmlRuns); quiz --answers writes its report
// only to a file, so its formats' rows all do. mark's rows sync each sheet
// they write: marks are the only copy of a teacher's work.
//
// review is quiz --review over a year's history (100,000 answers to every
// embedded bank) with the state that every quiz brings up to date as it ends
// and a day's answers since; its goal is startupGoal, as every command's
// (1.19 to 1.34 at a load of 6 to 20; it once had 20 ms more for reading and
// scheduling the history). review-cold has no saved state and reads every
// line: that happens only after a history is copied in or its state deleted.
// It costs about 50 ms here (14 to 19 times the floor): decoding 25 MB of
// JSON lines (some 17 ms of CPU) on one goroutine while another replays them
// with FSRS (some 21 ms), and it is paid once: the review saves the state as
// it ends, even when it ends at its first prompt (input closed, Ctrl-C), and
// so does conflictq progress. Only this benchmark's kill at the first prompt
// keeps every run cold. progress-year is conflictq progress over the same
// year, with the state (1.29 to 1.63 at a load of 5 to 20). Every row is
// held to startupGoal alone: these two kept 20 ms on top once, which hid
// progress-year when it was over (review13-s25).
func BenchmarkStartup(b *testing.B) {
	conflictq, baseline := buildBinaries(b)
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte(startupBank), 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "mine.gift"), []byte(startupGIFT), 0o644); err != nil {
		b.Fatal(err)
	}
	timeRun(b, dir, conflictq, "sheet", "--bank", "mine.yaml", "--seed", "1", "--key", "-o", "key.yaml")
	timeRun(b, dir, conflictq, "grade", "key.yaml", "--sums", "sums.json")
	writeHTMLInputs(b, dir)
	timeRun(b, dir, conflictq, "grade", "class.jsonl", "--sums", "class-sums.json")
	fx := writeTeacherFixture(b, dir, func(args ...string) { timeRun(b, dir, conflictq, args...) })
	// A quiz's report as a student hands one in, and a teacher's settings
	// file (a run with one checks it against the whole command tree).
	timeRun(b, dir, conflictq, "quiz", "--answers", fx.Sheet, "-o", "ana40-report.json")
	if err := os.WriteFile(filepath.Join(dir, "teacher.yaml"), []byte("pass: 60\nquiet: true\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	classDir := writeClassFolder(b, dir, 30)
	timeRun(b, dir, conflictq, "bank", "export", "comprehension", "--format", "moodlexml", "-o", "comp.xml")
	prompt := func(args ...string) func() timing {
		return func() timing { return timeToPrompt(b, dir, conflictq, args...) }
	}
	run := func(args ...string) func() timing {
		return func() timing { return timeRun(b, dir, conflictq, args...) }
	}
	// The year is written only when a command that reads it is run: -bench
	// 'Startup/grade' need not wait for it.
	year := sync.OnceValues(func() (states [2]string, now string) {
		states[0], states[1], now = yearOfHistory(b, conflictq)
		return states, now
	})
	review := func(which int) func() timing {
		return func() timing {
			states, now := year()
			return timeToPromptWith(b, dir, conflictq, []string{"XDG_STATE_HOME=" + states[which], now},
				"quiz", "--review", "--plain", "--student", "Ana", "--seed", "1", "-n", "10")
		}
	}
	mark := func(input string, args ...string) func() timing {
		return func() timing {
			fx.Reset(b, dir) // unmarked again: every run gives the same marks
			return timeRunInput(b, dir, conflictq, nil, input, append([]string{"mark", filepath.Dir(fx.Marked)}, args...)...)
		}
	}
	type row struct {
		name string
		run  func() timing
	}
	// The floor of a row timed on a terminal is run alike, on one (every
	// other row's runs to its exit on pipes).
	floors := map[string]func() timing{
		"quiz-survey": func() timing { return timeToSurveyPrompt(b, dir, baseline, "") },
	}
	var htmlTimed []row
	for _, name := range htmlRows {
		htmlTimed = append(htmlTimed, row{name, run(htmlRuns[name]...)})
	}
	// The rows in groups, one table heading each: a command's formats and
	// files side by side. Sub-benchmarks keep their flat names
	// (-bench 'Startup/grade-40').
	groups := []struct {
		title string
		rows  []row
	}{
		{"quizzes (to the first question) and the history", []row{
			{"quiz", prompt("quiz", "--plain", "--seed", "1")},
			// As a student runs it: on a terminal, survey's arrow-key prompt,
			// timed until the first question's last option is drawn.
			{"quiz-survey", func() timing {
				return timeToSurveyPrompt(b, dir, conflictq, "d) It controlled the only road", "quiz", "--seed", "1")
			}},
			{"quiz-vocabulary", prompt("quiz", "--plain", "--bank", "vocabulary", "--seed", "1")},
			{"review", review(0)},
			{"review-cold", review(1)},
			{"progress-year", func() timing {
				states, now := year()
				return timeRunWith(b, dir, conflictq, []string{"XDG_STATE_HOME=" + states[0], now}, "progress", "--student", "Ana")
			}},
			{"progress", run("progress")},
			{"progress-csv", run("progress", "--format", "csv")},
			{"progress-json", run("progress", "--json")},
		}},
		{"glossary", []row{
			{"define", run("define", "genocide")},
			{"define-json", run("define", "genocide", "--json")},
			{"define-full", run("define", "genocide", "--full")},
			{"glossary-list", run("glossary", "list")},
			{"glossary-list-topic", run("glossary", "list", "--by-topic")},
			{"glossary-list-json", run("glossary", "list", "--json")},
			{"glossary-search", run("glossary", "search", "specific intent")},
		}},
		{"banks: list, show, check, convert (mine: 4 questions; comp.xml: the comprehension bank's 40)", []row{
			{"bank-list", run("bank", "list")},
			{"bank-list-json", run("bank", "list", "--json")},
			{"bank-show", run("bank", "show", "comprehension")},
			{"bank-show-answers", run("bank", "show", "comprehension", "--answers")},
			{"bank-validate", run("bank", "validate", "mine.yaml")},
			{"bank-validate-xml", run("bank", "validate", "comp.xml")},
			{"bank-convert", run("bank", "convert", "mine.gift", "-o", "-")},
			{"bank-convert-file", run("bank", "convert", "mine.gift", "-o", "mine-converted.yaml", "--force")},
			{"bank-convert-xml", run("bank", "convert", "comp.xml", "-o", "-")},
		}},
		{"bank export: every format (vocabulary: 68 questions, the largest; comprehension: 40)", []row{
			{"bank-export", run("bank", "export", "vocabulary", "--format", "json")},
			{"bank-export-gift", run("bank", "export", "vocabulary", "--format", "gift")},
			{"export-yaml", run("bank", "export", "comprehension", "--format", "yaml")},
			{"export-moodlexml", run("bank", "export", "comprehension", "--format", "moodlexml")},
			{"export-vocab-xml", run("bank", "export", "vocabulary", "--format", "moodlexml")},
			{"export-anki", run("bank", "export", "comprehension", "--format", "anki")},
			{"export-aiken", run("bank", "export", "comprehension", "--format", "aiken")},
			{"export-markdown", run("bank", "export", "comprehension", "--seed", "1", "--format", "markdown")},
			{"export-md-file", run("bank", "export", "comprehension", "--seed", "1", "-o", "test.md", "--key", "key.md", "--force")},
			{"export-qti-file", run("bank", "export", "comprehension", "--format", "qti", "-o", "test.zip", "--force")},
		}},
		{"sheets: blank (YAML and JSON) and key (comprehension, 40 questions)", []row{
			{"sheet", run("sheet", "--bank", "comprehension", "-n", "10", "--seed", "1")},
			{"sheet-json", run("sheet", "--bank", "comprehension", "-n", "10", "--seed", "1", "--format", "json")},
			{"sheet-file", run("sheet", "--bank", "comprehension", "--seed", "1", "-o", "blank.yaml", "--force")},
			{"sheet-json-file", run("sheet", "--bank", "comprehension", "--seed", "1", "-o", "blank.json", "--force")},
			{"sheet-key", run("sheet", "--key", "--from", fx.Blank)},
			{"sheet-key-file", run("sheet", "--key", "--from", fx.Blank, "-o", "key-out.yaml", "--force")},
		}},
		{"grade: a small sheet, Ana's 40 questions in every format, to a file and with a settings file, her quiz report, a folder of 30 such sheets, the class of 30 with its statistics and sums written", []row{
			{"grade", run("grade", "key.yaml")},
			{"grade-reveal", run("grade", "key.yaml", "--reveal")},
			{"grade-40", run("grade", fx.Sheet)},
			{"grade-40-json", run("grade", fx.Sheet, "--format", "json")},
			{"grade-40-csv", run("grade", fx.Sheet, "--format", "csv")},
			{"grade-40-junit", run("grade", fx.Sheet, "--format", "junit")},
			{"grade-40-gradescope", run("grade", fx.Sheet, "--format", "gradescope")},
			{"grade-40-markdown", run("grade", fx.Sheet, "--format", "markdown")},
			{"grade-40-csv-file", run("grade", fx.Sheet, "-o", "ana40-results.csv", "--force")},
			{"grade-40-settings", run("grade", fx.Sheet, "--config", "teacher.yaml")},
			{"grade-report", run("grade", "ana40-report.json")},
			{"grade-folder", run("grade", classDir)},
			{"grade-class", run("grade", "class.jsonl")},
			{"grade-summary-csv", run("grade", "class.jsonl", "--summary", "class-summary.csv", "--force")},
			{"grade-summary-json", run("grade", "class.jsonl", "--summary", "class-summary.json", "--force")},
			{"grade-summary-md", run("grade", "class.jsonl", "--summary", "class-summary.md", "--force")},
			{"grade-sums", run("grade", "class.jsonl", "--sums", "class-sums-again.json", "--force")},
		}},
		{"quiz --answers: Ana's sheet, its summary printed and its report written (-o) in every format", []row{
			{"quiz-answers", run("quiz", "--answers", fx.Sheet)},
			{"quiz-answers-json", run("quiz", "--answers", fx.Sheet, "-o", "ana40.json", "--force")},
			{"quiz-answers-csv", run("quiz", "--answers", fx.Sheet, "-o", "ana40.csv", "--force")},
			{"quiz-answers-md", run("quiz", "--answers", fx.Sheet, "-o", "ana40.md", "--force")},
		}},
		{"marking Ana's three open answers", []row{
			{"mark-from", mark("", "--from", fx.CSV)},
			{"mark-plain", mark(fx.Plain, "--plain")},
		}},
		{"summary of merged sums (one small sheet; the class of 30)", []row{
			{"summary", run("summary", "sums.json")},
			{"summary-md-file", run("summary", "class-sums.json", "-o", "sums.md", "--force")},
			{"summary-csv-file", run("summary", "class-sums.json", "-o", "sums.csv", "--force")},
			{"summary-json-file", run("summary", "class-sums.json", "-o", "sums-stats.json", "--force")},
			{"summary-sums-file", run("summary", "class-sums.json", "--sums", "merged-sums.json", "--force")},
		}},
		{"pages (HTML): the class of 30, Ana's review, the comprehension bank printed", htmlTimed},
		{"help, version, completion", []row{
			{"help", run("--help")},
			{"help-grade", run("grade", "--help")},
			{"version", run("version")},
			{"completion-bash", run("completion", "bash")},
			{"completion-zsh", run("completion", "zsh")},
			{"completion-fish", run("completion", "fish")},
			{"completion-pwsh", run("completion", "powershell")},
			{"complete-bank", run("__complete", "quiz", "--bank", "")},
		}},
	}
	var table []string
	for _, g := range groups {
		heading := true
		for _, bm := range g.rows {
			var row string
			b.Run(bm.name, func(b *testing.B) {
				var wall, cpu, floorWall, floorCPU []time.Duration
				floor := floors[bm.name]
				if floor == nil {
					floor = func() timing { return timeRun(b, dir, baseline) }
				}
				for range b.N {
					f, t := floor(), bm.run()
					floorWall, floorCPU = append(floorWall, f.wall), append(floorCPU, f.cpu)
					wall, cpu = append(wall, t.wall), append(cpu, t.cpu)
				}
				fw, w, fc, c := median(floorWall), median(wall), median(floorCPU), median(cpu)
				ratio, cpuRatio := float64(w)/float64(fw), float64(c)/float64(fc)
				b.ReportMetric(float64(fw.Microseconds()), "floor-µs")
				b.ReportMetric(float64(w.Microseconds()), "µs")
				b.ReportMetric(ratio, "ratio")
				b.ReportMetric(cpuRatio, "cpu-ratio")
				over := ""
				if float64(w) > startupGoal*float64(fw) {
					over = "  over the goal"
				}
				row = fmt.Sprintf("  %-20s %6.2f ms %6.2f ms %6.2f %6.2f%s", bm.name, ms(fw), ms(w), ratio, cpuRatio, over)
			})
			if row == "" {
				continue
			}
			if heading {
				table, heading = append(table, g.title+":"), false
			}
			table = append(table, row)
		}
	}
	// One table to read (printed with -v, as make bench runs it).
	b.Logf("start-up against the floor (medians; goal: ratio ≤ %.1f)\n  %-20s %9s %9s %6s %6s\n%s",
		startupGoal, "command", "floor", "conflictq", "ratio", "cpu", strings.Join(table, "\n"))
}

// writeHTMLInputs writes what the commands that write a page read, in dir: a
// class of 30 students' sheets for the comprehension bank (class.jsonl, with
// hostile and long names among them, as classSheets makes it) and one of
// them alone (ana.json), as a student's --answers sheet. summary-html reads
// class-sums.json, which grade writes from class.jsonl.
func writeHTMLInputs(b *testing.B, dir string) {
	b.Helper()
	class := classSheets(b, 30, 1)
	first, _, _ := bytes.Cut(class, []byte("\n"))
	for name, data := range map[string][]byte{"class.jsonl": class, "ana.json": first} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

// htmlRuns are the commands that write HTML, as BenchmarkStartup and
// BenchmarkCommandsInProcess run them on writeHTMLInputs' files: the class
// page (grade --format html, and beside the text with --summary), the page
// from merged sums (summary -o), a student's review (quiz -o ana.html) and
// a printable test of the whole comprehension bank (bank export). A
// student's page is written only to a file (quiz-html-file): quiz --answers
// prints its text summary, and refuses --format without a report file. The rows
// ending in -file write files as a teacher would (-o, --key), which the other
// rows print: a file is written whole to a temporary one and renamed
// (quiz/fileio), not synced to the disk, since the command makes it again
// (fileio.Derived; a sync took 0.4 to 30 ms a file on the shared test
// machine, median 2.8 ms, about the floor itself). Each replaces its file
// (--force), as every run after the first must.
var htmlRuns = map[string][]string{
	"grade-html":         {"grade", "class.jsonl", "--format", "html"},
	"grade-html-file":    {"grade", "class.jsonl", "-o", "class.html", "--force"},
	"grade-summary-html": {"grade", "class.jsonl", "--summary", "class-summary.html", "--force"},
	"summary-html":       {"summary", "class-sums.json", "-o", "sums.html", "--force"},
	"quiz-html-file":     {"quiz", "--answers", "ana.json", "-o", "ana.html", "--force"},
	"export-html":        {"bank", "export", "comprehension", "--seed", "1", "--format", "html"},
	"export-html-file":   {"bank", "export", "comprehension", "--seed", "1", "-o", "test.html", "--key", "key.html", "--force"},
}

// htmlRows are htmlRuns' names in the order the tables list them.
var htmlRows = []string{"grade-html", "grade-html-file", "grade-summary-html", "summary-html", "quiz-html-file", "export-html", "export-html-file"}

// startupGoal is the most any command may take, as a multiple of the floor.
const startupGoal = 1.5

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// yearOfHistory writes a year of daily use, 100,000 answers to the embedded
// banks' questions, as Ana's history in two state directories: in warm with
// the state a quiz's end saves and then a day's answers appended, in cold
// alone. It returns both and the CONFLICTQ_TEST_NOW of the day after.
func yearOfHistory(b *testing.B, conflictq string) (warm, cold, now string) {
	b.Helper()
	lib := NewFactory().Library()
	var qs []*quiz.Question
	digests := map[string]string{}
	for _, name := range lib.Names() {
		bank, _, err := lib.Load(name)
		if err != nil {
			b.Fatal(err)
		}
		digests[bank.ID] = quiz.Digest(bank.Questions...)
		for _, q := range bank.Questions {
			if q.Graded() {
				qs = append(qs, q)
			}
		}
	}
	start := time.Date(2025, 12, 1, 9, 0, 0, 0, time.UTC)
	const n, perDay = 100_000, 274
	lines := make([][]byte, 0, n)
	for i := range n {
		day := start.Add(time.Duration(i/perDay) * 24 * time.Hour)
		q := qs[(i*7)%len(qs)]
		r := history.Record{Time: day.Add(time.Duration(i%perDay) * 20 * time.Second), Session: day, Student: "Ana", Mode: "practice",
			Bank: q.Bank, BankDigest: digests[q.Bank], Question: q.ID, Digest: quiz.Digest(q),
			Points: float64(i % 3 / 2), MaxPoints: 1, Seconds: float64(i%40) + 0.5}
		line, _ := json.Marshal(r)
		lines = append(lines, append(line, '\n'))
	}
	write := func(dir string, ls [][]byte) string {
		path := history.Path(filepath.Join(dir, "conflictq", "history"), "Ana")
		os.MkdirAll(filepath.Dir(path), 0o700)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
		if err != nil {
			b.Fatal(err)
		}
		for _, l := range ls {
			f.Write(l)
		}
		f.Close()
		return path
	}
	warm, cold = b.TempDir(), b.TempDir()
	write(cold, lines)
	path := write(warm, lines[:n-perDay])
	if err := history.Refresh(path); err != nil { // as the last quiz's end does
		b.Fatal(err)
	}
	write(warm, lines[n-perDay:])
	if _, err := os.Stat(history.StatePath(path)); err != nil {
		b.Fatalf("no saved state: %v", err)
	}
	return warm, cold, "CONFLICTQ_TEST_NOW=" + start.Add(366*24*time.Hour).Format(time.RFC3339)
}
