package marking

import (
	"os"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

// A sheet replaced during the run gets its rows checked against what it
// holds when it is written, as giving them one by one checked each: another
// student's sheet with the same answers is refused as a row naming another
// student, and a mark written into it by hand meanwhile is kept without
// --remark (attack18 F4).
func TestImportCSVSheetReplacedMeanwhile(t *testing.T) {
	handMark := anaSheet + "marks:\n  e1: {points: 0, comment: by hand}\n"
	for _, c := range []struct {
		name, to string
		remark   bool
		statuses string
		says     string // in every failed row's error
		keeps    string // in the file afterwards
	}{
		{"another student", strings.Replace(anaSheet, "student: Ana", "student: Zed", 1), false, "failed failed failed", `the row names "Ana" but`, "student: Zed"},
		{"a mark by hand", handMark, false, "unchanged saved saved", "", "comment: by hand"},
		{"a mark by hand, --remark", handMark, true, "saved saved saved", "", "comment: first"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ana, _, _, load := batchFiles(t)
			calls := 0
			edit := func(refs []string, file string) ([]*quiz.Bank, error) {
				if calls++; calls == 2 { // reading the second row's question: the first is given
					if err := os.WriteFile(ana, []byte(c.to), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return load(refs, file)
			}
			from := batchCSV(t, ana, []string{"ana.yaml", "Ana", "1", "", "first", "1", "", "", "2", "", "", "", "", ""})
			_, rows, err := importCSV(from, []string{ana}, edit, ImportOptions{Marker: "T", Remark: c.remark})
			if err != nil {
				t.Fatal(err)
			}
			if got := statusesOf(rows); got != c.statuses {
				t.Fatalf("rows: %s (%+v)", got, rows)
			}
			for _, r := range rows {
				if r.Status == Failed && !strings.Contains(r.Err.Error(), c.says) {
					t.Errorf("row %d: %v, want %q", r.Line, r.Err, c.says)
				}
			}
			got, _ := os.ReadFile(ana)
			if !strings.Contains(string(got), c.keeps) {
				t.Errorf("the file lacks %q:\n%s", c.keeps, got)
			}
			if c.statuses == "failed failed failed" && string(got) != c.to {
				t.Errorf("the other student's sheet was changed:\n%s", got)
			}
		})
	}
}

// A sheet that changes on the disk every time its rows are given is not
// written: its marks are refused, saying why.
func TestImportCSVSheetKeepsChanging(t *testing.T) {
	ana, _, _, load := batchFiles(t)
	calls := 0
	edit := func(refs []string, file string) ([]*quiz.Bank, error) {
		calls++
		note := strings.Replace(anaSheet, "own note", "own note "+strings.Repeat("!", calls), 1)
		if err := os.WriteFile(ana, []byte(note), 0o644); err != nil {
			t.Fatal(err)
		}
		return load(refs, file)
	}
	from := batchCSV(t, ana, []string{"ana.yaml", "Ana", "1", "", "", "1", "", "", "", "", "", "", "", ""})
	writes := countWrites(t, "")
	_, rows, err := importCSV(from, []string{ana}, edit, ImportOptions{Marker: "T"})
	if err != nil {
		t.Fatal(err)
	}
	if got := statusesOf(rows); got != "failed failed" {
		t.Fatalf("rows: %s (%+v)", got, rows)
	}
	for _, r := range rows {
		if !strings.Contains(r.Err.Error(), "kept changing on the disk") {
			t.Errorf("row %s: %v", r.ID, r.Err)
		}
	}
	if writes[ana] != 0 || calls != 2*maxTries {
		t.Errorf("written %d times, the rows given %d times", writes[ana], calls/2)
	}
}
