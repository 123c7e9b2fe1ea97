package cmd

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

// mark --from marks the answer the CSV shows: when a student changed the
// answer after grade --format csv, that row is refused naming its CSV line,
// the other rows are saved, and the exit is 2. A spreadsheet's CRLF and
// trimmed cells, and an answer whose lines end in spaces, still match; an
// empty answer cell (an older CSV) is not checked (attack5 N1).
func TestMarkFromRefusesAChangedAnswer(t *testing.T) {
	dir, _, _ := paperClass(t)
	cy := filepath.Join(dir, "reports", "cy.yaml")
	os.WriteFile(cy, []byte("student: Cy\nbanks: [../loop.yaml]\nanswers:\n  ussr: |\n    A union   \n    of republics:\t\n"), 0o644)
	_, out, _ := gradeIn(t, dir, "reports", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[strings.TrimPrefix(h, "\ufeff")] = i
		if _, id, ok := strings.Cut(strings.TrimPrefix(h, "\ufeff"), "/"); ok {
			col[id] = i
		}
	}
	amyLine := 0
	for i, r := range rows[1:] {
		r[col["ussr"]] = "1"
		r[col["ussr:answer"]] = strings.TrimSpace(r[col["ussr:answer"]]) + " "
		switch r[col["student"]] {
		case "Paper Amy":
			amyLine = i + 2
		case "Paper Ben":
			r[col["ussr:answer"]] = "" // an older CSV: not checked
		}
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	w.WriteAll(rows)
	os.WriteFile(filepath.Join(dir, "marks.csv"), b.Bytes(), 0o644)
	amy := filepath.Join(dir, "reports", "amy.yaml")
	before, _ := os.ReadFile(amy)
	os.WriteFile(amy, bytes.Replace(before, []byte("a union: 1922 to 1991"), []byte("I do not know"), 1), 0o644)

	code, _, errOut := runMark(t, "", "reports", "--from", "marks.csv")
	want := "marks.csv:" + strconv.Itoa(amyLine) + `: question "loop/ussr": the answer in ` + filepath.Join("reports", "amy.yaml") + " changed after this CSV was written; grade again and mark it anew"
	if code != ExitInvalid || amyLine == 0 || !strings.Contains(errOut, want) || !strings.Contains(errOut, "3 marks read from marks.csv and saved") {
		t.Fatalf("exit %d, want line %d:\n%s", code, amyLine, errOut)
	}
	if got, _ := os.ReadFile(amy); bytes.Contains(got, []byte("marks:")) {
		t.Errorf("the changed answer was marked:\n%s", got)
	}
	for _, f := range []string{cy, filepath.Join(dir, "reports", "ben.json")} {
		if got, _ := os.ReadFile(f); !bytes.Contains(got, []byte("answer_sha256")) {
			t.Errorf("%s not marked:\n%s", f, got)
		}
	}
}

// A sheet too long for its marks section is refused once, not twice: mark
// says why it could not save the mark, and nothing else repeats it (attack5
// N7).
func TestMarkLineCapSaidOnce(t *testing.T) {
	dir, _ := oneReport(t)
	var b strings.Builder
	b.WriteString("student: Amy\nbanks: [../loop.yaml]\nanswers:\n  ussr: |\n")
	for range quiz.MaxYAMLItems - 8 {
		b.WriteString("    l\n")
	}
	file := filepath.Join(dir, "reports", "amy.yaml")
	os.WriteFile(file, []byte(b.String()), 0o644)
	code, _, errOut := runMark(t, "1\n", "reports", "--plain", "--student", "amy")
	if code != ExitInvalid || strings.Count(errOut, "lines and commas") != 1 || !strings.Contains(errOut, "could not save the mark") {
		t.Errorf("exit %d:\n%s", code, errOut)
	}
	if got, _ := os.ReadFile(file); string(got) != b.String() {
		t.Error("the sheet changed")
	}
}

// A marks CSV with a row that fails in its first cell (a bare quote, as a
// hand edit can leave it) names that row's line, saves the other rows and
// exits 2: it panicked.
func TestMarkFromRowFailingInItsFirstCell(t *testing.T) {
	dir, _, _ := paperClass(t)
	csv := "file,student,loop/ussr,loop/ussr:answer,loop/ussr:comment\nreports/x\"y.yaml,Amy,1,,\nreports/amy.yaml,Paper Amy,1,,ok\n"
	os.WriteFile(filepath.Join(dir, "marks.csv"), []byte(csv), 0o644)
	code, _, errOut := runMark(t, "", "reports", "--from", "marks.csv")
	if code != ExitInvalid || !strings.Contains(errOut, "marks.csv:2: parse error on line 2, column 10: bare \" in non-quoted-field") ||
		!strings.Contains(errOut, "1 mark read from marks.csv and saved in the sheets") || strings.Contains(errOut, "panic") {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
}
