package cmd

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/grade"
	"github.com/conflictq/conflictq/quiz/report"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// writeReports writes n quiz reports (schema 2, as conflictq quiz -o writes
// them) into dir: the random answers of writeSheets, graded and reported.
func writeReports(tb testing.TB, dir string, n int) {
	tb.Helper()
	var lines bytes.Buffer
	if err := writeSheets(&lines, n); err != nil {
		tb.Fatal(err)
	}
	bank := assets.CompiledBank("comprehension")
	g := &grade.Grader{Banks: []*quiz.Bank{bank}}
	digests := report.Digests([]*quiz.Bank{bank})
	sc := bufio.NewScanner(&lines)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	start := time.Date(2026, 2, 26, 9, 0, 0, 0, time.UTC)
	for i := 0; sc.Scan(); i++ {
		sh, err := sheet.Read("s.jsonl", i+1, sc.Bytes())
		if err != nil {
			tb.Fatal(err)
		}
		r, err := g.Grade(sh)
		if err != nil {
			tb.Fatal(err)
		}
		res := &quiz.Result{Outcomes: r.Outcomes, Status: quiz.Complete, EndedBy: quiz.EndFinished, Started: start, Finished: start.Add(10 * time.Minute)}
		if i%10 == 0 {
			res.Status, res.EndedBy = quiz.Incomplete, quiz.EndInterrupt
		}
		rep := report.New(report.Meta{Student: sh.Student, Banks: []string{"comprehension"}, Seed: *sh.Seed, Mode: quiz.Exam, Digests: digests}, res)
		var b bytes.Buffer
		if err := rep.Write(&b, report.FormatJSON); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("student-%06d.json", i)), b.Bytes(), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkGradeReports10k grades 10,000 quiz report files with the real
// binary, beside the time jq takes merely to read the same files (jq -c
// '.questions|length' reports/*.json, the yardstick), and the peak
// memory of a run with class statistics. Goals: no slower than jq; memory as
// flat as for sheets (≤ 64 MiB).
func BenchmarkGradeReports10k(b *testing.B) {
	n := 10_000
	if testing.Short() {
		n = 1_000
	}
	dir := filepath.Join(b.TempDir(), "reports")
	os.Mkdir(dir, 0o755)
	writeReports(b, dir, n)
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	var size int64
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			size += st.Size()
		}
	}
	conflictq, _ := buildBinaries(b)
	b.ResetTimer()
	var total, jqTotal time.Duration
	var peak int64
	for range b.N {
		cmd := exec.Command(conflictq, "grade", dir, "--format", "csv", "--summary", filepath.Join(b.TempDir(), "stats.json"))
		cmd.Stdout = io.Discard
		start := time.Now()
		if err := cmd.Run(); err != nil {
			b.Fatalf("grade: %v", err)
		}
		total += time.Since(start)
		peak = max(peak, peakRSS(cmd.ProcessState))
		if jq, err := exec.LookPath("jq"); err == nil {
			j := exec.Command(jq, append([]string{"-c", ".questions|length"}, files...)...)
			j.Stdout = io.Discard
			start := time.Now()
			if err := j.Run(); err == nil {
				jqTotal += time.Since(start)
			}
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(n), "reports")
	b.ReportMetric(float64(size)/(1<<20), "files-MiB")
	b.ReportMetric(total.Seconds()/float64(b.N), "grade-s")
	if peak > 0 {
		b.ReportMetric(float64(peak)/(1<<20), "peak-RSS-MiB")
	}
	if jqTotal > 0 {
		b.ReportMetric(jqTotal.Seconds()/float64(b.N), "jq-s")
		b.ReportMetric(float64(jqTotal)/float64(total), "times-faster-than-jq")
	}
}
