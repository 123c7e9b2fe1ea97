package cmd

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
)

// writeSheets writes n JSON-lines sheets for the comprehension bank, each with
// its seed: every answer right, wrong or missing at random, in the forms
// students write on a sheet — mostly option numbers and letters, sometimes an
// option's text — so that grading does real work.
func writeSheets(w io.Writer, n int) error {
	bank := assets.CompiledBank("comprehension")
	r := rand.New(rand.NewPCG(1, 2))
	bw := bufio.NewWriterSize(w, 1<<20)
	for i := range n {
		answers := map[string]any{}
		for _, q := range bank.Questions {
			if r.IntN(10) == 0 {
				continue // skipped
			}
			right := r.IntN(3) > 0
			switch q.Type {
			case quiz.Single:
				switch r.IntN(5) {
				case 0:
					answers[q.ID] = q.Choices[q.Correct[0]]
				case 1:
					answers[q.ID] = string(rune('a' + r.IntN(len(q.Choices))))
				default:
					answers[q.ID] = 1 + r.IntN(len(q.Choices))
				}
			case quiz.Multi:
				answers[q.ID] = []int{1 + r.IntN(len(q.Choices)), 1 + r.IntN(len(q.Choices))}
			case quiz.TrueFalse:
				answers[q.ID] = right == q.Truth
			case quiz.Short:
				answers[q.ID] = q.Accept[r.IntN(len(q.Accept))]
			case quiz.Numeric:
				answers[q.ID] = strconv.FormatFloat(q.Value+float64(r.IntN(3)-1), 'f', -1, 64)
			case quiz.Order:
				seq := r.Perm(len(q.Items))
				for k := range seq {
					seq[k]++
				}
				answers[q.ID] = seq
			case quiz.Match:
				pairs := ""
				for k := range q.Pairs {
					pairs += fmt.Sprintf("%d=%c ", k+1, 'a'+r.IntN(len(q.Pairs)))
				}
				answers[q.ID] = pairs
			case quiz.Open:
				answers[q.ID] = "A union of fifteen republics."
			}
		}
		line, err := json.Marshal(map[string]any{"student": fmt.Sprintf("student-%06d", i), "banks": []string{"comprehension"}, "seed": 1 + i%30, "answers": answers})
		if err != nil {
			return err
		}
		bw.Write(line)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// BenchmarkGrade100k grades 100,000 JSON-lines sheets with the real binary,
// beside the time jq takes merely to parse the same file (jq -c
// '.answers|length'), when jq is installed, and reports peak memory of a run
// that also computes class statistics. Goals: at least twice as fast as jq;
// peak RSS ≤ 64 MiB.
func BenchmarkGrade100k(b *testing.B) {
	n := 100_000
	if testing.Short() {
		n = 10_000
	}
	dir := b.TempDir()
	sheets := filepath.Join(dir, "sheets.jsonl")
	fh, err := os.Create(sheets)
	if err != nil {
		b.Fatal(err)
	}
	if err := writeSheets(fh, n); err != nil {
		b.Fatal(err)
	}
	fh.Close()
	st, _ := os.Stat(sheets)
	conflictq, _ := buildBinaries(b)
	b.ResetTimer()
	var total, summaryTotal, jqTotal time.Duration
	var peak int64
	for range b.N {
		cmd := exec.Command(conflictq, "grade", sheets, "--format", "csv")
		cmd.Stdout = io.Discard
		start := time.Now()
		if err := cmd.Run(); err != nil {
			b.Fatalf("grade: %v", err)
		}
		total += time.Since(start)
		cmd = exec.Command(conflictq, "grade", sheets, "--format", "csv", "--summary", filepath.Join(dir, "stats.json"), "--force")
		cmd.Stdout = io.Discard
		start = time.Now()
		if err := cmd.Run(); err != nil {
			b.Fatalf("grade --summary: %v", err)
		}
		summaryTotal += time.Since(start)
		peak = max(peak, peakRSS(cmd.ProcessState))
		if jq, err := exec.LookPath("jq"); err == nil {
			in, _ := os.Open(sheets)
			j := exec.Command(jq, "-c", ".answers|length")
			j.Stdin, j.Stdout = in, io.Discard
			start := time.Now()
			if err := j.Run(); err == nil {
				jqTotal += time.Since(start)
			}
			in.Close()
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(n), "sheets")
	b.ReportMetric(float64(st.Size())/(1<<20), "file-MiB")
	b.ReportMetric(total.Seconds()/float64(b.N), "grade-s")
	b.ReportMetric(summaryTotal.Seconds()/float64(b.N), "grade+summary-s")
	if peak > 0 {
		b.ReportMetric(float64(peak)/(1<<20), "peak-RSS-MiB")
	}
	if jqTotal > 0 {
		b.ReportMetric(jqTotal.Seconds()/float64(b.N), "jq-s")
		b.ReportMetric(float64(jqTotal)/float64(total), "times-faster-than-jq")
	}
}
