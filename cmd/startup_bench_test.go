package cmd

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
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
	b.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "XDG_CONFIG_HOME="+b.TempDir(), "XDG_STATE_HOME="+b.TempDir())
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
func BenchmarkStartup(b *testing.B) {
	conflictq, baseline := buildBinaries(b)
	for _, bm := range []struct {
		name string
		run  func() time.Duration
	}{
		{"quiz", func() time.Duration { return timeToPrompt(b, conflictq, "quiz", "--plain", "--seed", "1") }},
		{"define", func() time.Duration { return timeRun(b, conflictq, "", "define", "genocide") }},
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
		})
	}
}
