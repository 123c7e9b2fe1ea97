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

// In an exam whose answers are held back, the review a student keeps (-o
// ana.html, ana.md) holds them back as the screen does: the questions and
// the student's own answers, no right answer, verdict, explanation,
// passage or tag scores. The report for the teacher (--report-dir, JSON)
// holds everything, and grade reads it (attack9 #8). Reviewed at the end,
// the page holds everything too.
func TestExamHeldBackCopyHoldsTheAnswersBack(t *testing.T) {
	dir := t.TempDir()
	bank := filepath.Join(dir, "b.yaml")
	os.WriteFile(bank, []byte(`id: b
title: B
questions:
  - {id: year, type: numeric, prompt: "In what year?", answer: 1923, unit: year, explanation: "Explained-1923.", source: {section: Sec, paragraph: 1, quote: quoted}, tags: [oblast]}
  - {id: cstot, type: single, prompt: "What did Armenia do?", choices: [Froze, Left, Asked], answer: Froze, explanation: "Explained-froze.", source: {section: Sec, paragraph: 2, quote: quoted}, tags: [csto]}
  - {id: town, type: short, prompt: "Town?", accept: [Khojaly], explanation: "Explained-town.", source: {section: Sec, paragraph: 3, quote: quoted}}
`), 0o644)
	leaks := []string{"1923", "Explained-", "The right answer", "(right)", "Reread", "Sec, ¶", "Khojaly", "By tag", "| Tag |", "Answer:", " of 1 point"}
	for _, review := range []string{"none", "end"} {
		for _, ext := range []string{".html", ".md"} {
			f, in, _, errOut := testFactory(t)
			in.WriteString("Baku\nFroze\n1900\n") // town, cstot, year with seed 3
			reports := filepath.Join(dir, review+ext+"-reports")
			os.Mkdir(reports, 0o755)
			own := filepath.Join(dir, review+"-own"+ext)
			if code := Run(f, []string{"quiz", "--plain", "--mode", "exam", "--exam-review", review, "--seed", "3", "--bank", bank,
				"-o", own, "--report-dir", reports, "--student", "Ana"}); code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			page, _ := os.ReadFile(own)
			for _, leak := range leaks {
				if review == "none" && strings.Contains(string(page), leak) {
					t.Errorf("held back, %s: %q in the student's copy:\n%s", ext, leak, page)
				}
			}
			if review == "end" && (!strings.Contains(string(page), "1923") || !strings.Contains(string(page), "Khojaly")) {
				t.Errorf("reviewed at the end, %s: the right answers are not in the copy:\n%s", ext, page)
			}
			for _, want := range []string{"1900", "Froze", "Baku", "Score"} {
				if !strings.Contains(string(page), want) {
					t.Errorf("--exam-review %s %s: no %q in the student's copy", review, ext, want)
				}
			}
			if review == "none" && !strings.Contains(string(page), "held back") {
				t.Errorf("%s: the copy does not say why the answers are not in it", ext)
			}
			files, _ := filepath.Glob(filepath.Join(reports, "*.json"))
			if len(files) != 1 {
				t.Fatalf("reports: %v", files)
			}
			data, _ := os.ReadFile(files[0])
			for _, want := range []string{`"expected": "1923"`, `"expected": "Froze"`, `"given": "1900"`} {
				if !strings.Contains(string(data), want) {
					t.Errorf("--exam-review %s: the teacher's report has no %s", review, want)
				}
			}
			code, out, gerr := gradeIn(t, dir, files[0], "--bank", bank)
			if code != 0 || !strings.Contains(out, "1/3") {
				t.Errorf("grade of the teacher's report: exit %d\n%s\n%s", code, out, gerr)
			}
		}
	}
}
