package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An exam that holds its answers back shows the total only: with one
// question to a tag, "Survivors await justice 0 / 1" on one screen tells a
// neighbour which answer was wrong (teacher7 P7). The report keeps the tags,
// and an exam reviewed at its end (--exam-review end) shows them too.
func TestExamHeldBackSummaryHasNoTagRows(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bank := filepath.Join(dir, "b.yaml")
	os.WriteFile(bank, []byte(`id: b
title: B
questions:
  - {id: tf, type: truefalse, prompt: "Statement.", answer: true, explanation: E, source: {section: S, paragraph: 1, quote: q}, tags: [survivors-await-justice]}
  - {id: town, type: short, prompt: "Town?", accept: [Khojaly, Xocalı], explanation: E, source: {section: S, paragraph: 1, quote: q}, tags: [un-resolution]}
`), 0o644)
	for _, review := range []string{"none", "end"} {
		f, in, out, errOut := testFactory(t)
		in.WriteString("1\nBaku\n")
		report := filepath.Join(dir, review+".json")
		if code := Run(f, []string{"quiz", "--plain", "--mode", "exam", "--exam-review", review, "--seed", "3", "--bank", bank, "-o", report, "--student", "Ana"}); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		sum := out.String()[strings.LastIndex(out.String(), "Summary"):]
		if !strings.Contains(sum, "Score: 1 / 2 (50%)") || !strings.Contains(sum, "Answered: 2 of 2") {
			t.Errorf("--exam-review %s: summary without its total:\n%s", review, sum)
		}
		tags := strings.Contains(sum, "Survivors await justice") || strings.Contains(sum, "UN resolution")
		if held := review == "none"; held == tags || held != strings.Contains(sum, "By tag: held back with the answers.") {
			t.Errorf("--exam-review %s: tag rows shown %v:\n%s", review, tags, sum)
		}
		data, _ := os.ReadFile(report)
		if !strings.Contains(string(data), `"survivors-await-justice"`) {
			t.Errorf("--exam-review %s: the report lost its tags:\n%s", review, data)
		}
	}
}
