package cmd

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/history"
)

// buildBinaries builds conflictq and the do-nothing baseline once per benchmark.
func buildBinaries(b *testing.B) (conflictq, baseline string) {
	b.Helper()
	dir := b.TempDir()
	conflictq, baseline = filepath.Join(dir, "conflictq"), filepath.Join(dir, "baseline")
	for out, pkg := range map[string]string{conflictq: "../cmd/conflictq", baseline: "./testdata/baseline"} {
		cmd := exec.Command("go", "build", "-o", out, pkg)
		cmd.Dir = "."
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("go build %s: %v\n%s", pkg, err, msg)
		}
	}
	return conflictq, baseline
}

// timeToPrompt starts a quiz and returns how long it took to print its first
// question (then stops it): the time a student waits.
func timeToPrompt(b *testing.B, bin string, args ...string) time.Duration {
	return timeToPromptWith(b, bin, []string{"XDG_STATE_HOME=" + b.TempDir()}, args...)
}

// timeToPromptWith is timeToPrompt with more environment variables.
func timeToPromptWith(b *testing.B, bin string, env []string, args ...string) time.Duration {
	b.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(append(os.Environ(), "NO_COLOR=1", "XDG_CONFIG_HOME="+b.TempDir()), env...)
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
	return d
}

func timeRun(b *testing.B, bin string, stdin string, args ...string) time.Duration {
	b.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "XDG_CONFIG_HOME="+b.TempDir(), "XDG_STATE_HOME="+b.TempDir())
	start := time.Now()
	_ = cmd.Run() // the quiz exits 2 at end of input, after its first prompt
	d := time.Since(start)
	if len(args) > 0 && args[0] == "quiz" && !strings.Contains(out.String(), "Question 1 of") {
		b.Fatalf("no first prompt:\n%s", out.String())
	}
	return d
}

// BenchmarkStartup measures whole runs of conflictq against a Cobra+Viper+survey
// program that does nothing (the frameworks' floor). Runs alternate so that
// machine noise hits both alike; "ratio" is conflictq's time over the floor's.
//
//   - quiz: start to the first prompt of a plain quiz on the embedded
//     comprehension bank (the moment its first question is on screen),
//     against the floor's whole run. Goal: ratio ≤ 1.5.
//   - define: conflictq define genocide, start to finish. Goal: ratio ≤ 1.3.
//   - review: start to the first prompt of quiz --review over a year's
//     history (100,000 answers to every embedded bank), with the state the
//     review before saved and a day's answers since. Goal: ratio ≤ 1.5 plus
//     20 ms ("over-goal-ms" ≤ 0).
//   - review-cold: the same without the saved state, which reads every line:
//     only after a history is copied in or its state deleted, since every
//     quiz brings the state up to date as it ends (history.Refresh).
func BenchmarkStartup(b *testing.B) {
	conflictq, baseline := buildBinaries(b)
	warm, cold, now := yearOfHistory(b, conflictq)
	review := []string{"quiz", "--review", "--plain", "--student", "Ana", "--seed", "1", "-n", "10"}
	for _, bm := range []struct {
		name string
		run  func() time.Duration
	}{
		{"quiz", func() time.Duration { return timeToPrompt(b, conflictq, "quiz", "--plain", "--seed", "1") }},
		{"define", func() time.Duration { return timeRun(b, conflictq, "", "define", "genocide") }},
		{"review", func() time.Duration {
			return timeToPromptWith(b, conflictq, []string{"XDG_STATE_HOME=" + warm, now}, review...)
		}},
		{"review-cold", func() time.Duration {
			return timeToPromptWith(b, conflictq, []string{"XDG_STATE_HOME=" + cold, now}, review...)
		}},
	} {
		b.Run(bm.name, func(b *testing.B) {
			var total, baseTotal time.Duration
			for range b.N {
				baseTotal += timeRun(b, baseline, "")
				total += bm.run()
			}
			n := float64(b.N)
			b.ReportMetric(float64(baseTotal.Microseconds())/n, "floor-µs/run")
			b.ReportMetric(float64(total.Microseconds())/n, "µs/run")
			b.ReportMetric(float64(total)/float64(baseTotal), "ratio")
			if strings.HasPrefix(bm.name, "review") {
				over := (float64(total) - 1.5*float64(baseTotal)) / n / float64(time.Millisecond)
				b.ReportMetric(over-20, "over-goal-ms")
			}
		})
	}
}

// yearOfHistory writes a year of daily use, 100,000 answers to the embedded
// banks' questions, as Ana's history in two state directories: in warm with
// the state a progress run saves and then a day's answers appended, in cold
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
		path := filepath.Join(dir, "conflictq", "history", "Ana.jsonl")
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
	write(warm, lines[:n-perDay])
	cmd := exec.Command(conflictq, "progress", "--student", "Ana", "--json")
	cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+warm, "XDG_CONFIG_HOME="+b.TempDir())
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("progress: %v\n%s", err, out)
	}
	path := write(warm, lines[n-perDay:])
	if _, err := os.Stat(history.StatePath(path)); err != nil {
		b.Fatalf("no saved state: %v", err)
	}
	return warm, cold, "CONFLICTQ_TEST_NOW=" + start.Add(366*24*time.Hour).Format(time.RFC3339)
}
