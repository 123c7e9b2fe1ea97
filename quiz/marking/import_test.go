package marking

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// ImportCSV saves a row's mark in the file it names, refuses a row whose
// student is not the file's or whose file was not given, and keeps a mark
// already there unless told to revise it.
func TestImportCSV(t *testing.T) {
	dir := t.TempDir()
	ana := writeReport(t, dir, "Ana", nil)
	bo := writeReport(t, dir, "Bo", nil)
	from := filepath.Join(dir, "marks.csv")
	csv := func(points string) {
		t.Helper()
		body := "file,student,sample/ussr:answer,sample/ussr,sample/ussr:comment\n" +
			"Ana.json,Ana,A union of republics.\\x1b[2J  ," + points + ",good\n" +
			"Bo.json,Ana,,1,\n" +
			"Cy.json,Cy,,1,\n"
		if err := os.WriteFile(from, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	at := time.Date(2026, 2, 26, 9, 0, 0, 5, time.UTC)
	opts := ImportOptions{Marker: "T", Now: func() time.Time { return at }}
	statuses := func(rows []Row) []RowStatus {
		var out []RowStatus
		for _, r := range rows {
			out = append(out, r.Status)
		}
		return out
	}
	csv("1")
	probs, rows, err := importCSV(from, []string{ana, bo}, nil, opts)
	if err != nil || len(probs) != 0 {
		t.Fatal(err, probs)
	}
	if got, want := statuses(rows), []RowStatus{Saved, Failed, Unmatched}; len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Fatalf("statuses %v, want %v (%+v)", got, want, rows)
	}
	if rows[0].File != ana || rows[1].Err == nil || rows[2].Err == nil {
		t.Errorf("rows %+v", rows)
	}
	if m := read(t, ana).Marks; len(m) != 1 || m[0].Points != 1 || m[0].Comment != "good" || m[0].Marker != "T" || !m[0].At.Equal(at.Truncate(time.Second)) {
		t.Errorf("Ana's marks %+v", m)
	}
	if m := read(t, bo).Marks; len(m) != 0 {
		t.Errorf("Bo marked from Ana's row: %+v", m)
	}

	_, rows, _ = importCSV(from, []string{ana, bo}, nil, opts)
	if rows[0].Status != Kept {
		t.Errorf("the same mark again: %v, want Kept", rows[0].Status)
	}
	csv("0")
	_, rows, _ = importCSV(from, []string{ana, bo}, nil, opts)
	if rows[0].Status != Unchanged || rows[0].Old == nil || rows[0].Old.Points != 1 {
		t.Errorf("another mark without Remark: %+v, want Unchanged with the old mark", rows[0])
	}
	opts.Remark = true
	_, rows, _ = importCSV(from, []string{ana, bo}, nil, opts)
	if rows[0].Status != Saved || read(t, ana).Marks[0].Points != 0 {
		t.Errorf("another mark with Remark: %+v", rows[0])
	}
	opts.Question = "capital"
	if _, rows, _ = importCSV(from, []string{ana, bo}, nil, opts); len(rows) != 0 {
		t.Errorf("rows of another question: %+v", rows)
	}
	if _, _, err := importCSV(filepath.Join(dir, "none.csv"), nil, nil, opts); err == nil {
		t.Error("a CSV that does not exist: no error")
	}
}

// Two rows that give one report's question different marks: neither is
// saved, and each row's error names both lines; the first used to be saved
// and the second refused as marked already, and mark exited 0 (attack10
// #9). The same mark twice is no clash.
func TestImportCSVClash(t *testing.T) {
	dir := t.TempDir()
	ana := writeReport(t, dir, "Ana", nil)
	from := filepath.Join(dir, "marks.csv")
	body := "file,student,sample/ussr:answer,sample/ussr,sample/ussr:comment\n" +
		"Ana.json,Ana,,0.5,\n" +
		"Ana.json,Ana,,1,\n"
	if err := os.WriteFile(from, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	_, rows, err := importCSV(from, []string{ana}, nil, ImportOptions{Marker: "T"})
	if err != nil || len(rows) != 2 {
		t.Fatalf("%v, %+v", err, rows)
	}
	for _, r := range rows {
		if r.Status != Failed || r.Err == nil || !strings.Contains(r.Err.Error(), "lines 2 and 3 of the CSV give it different marks in ") || !strings.Contains(r.Err.Error(), ", so none is saved; keep one row") {
			t.Errorf("line %d: %v %v, want a clash naming lines 2 and 3", r.Line, r.Status, r.Err)
		}
	}
	if m := read(t, ana).Marks; len(m) != 0 {
		t.Errorf("a clashing mark was saved: %+v", m)
	}
	body = "file,student,sample/ussr:answer,sample/ussr,sample/ussr:comment\n" +
		"Ana.json,Ana,,1,ok\n" +
		"Ana.json,Ana,,1,ok\n"
	os.WriteFile(from, []byte(body), 0o644)
	if _, rows, _ := importCSV(from, []string{ana}, nil, ImportOptions{Marker: "T"}); len(rows) != 2 || rows[0].Status != Saved || rows[1].Status != Kept {
		t.Errorf("the same mark twice: %+v", rows)
	}
}

// Rows that name one file in two ways (relative, absolute, through a link)
// clash as rows naming it alike do: each name's cell is found once, and
// one file is one name of the files given.
func TestImportCSVClashNamedTwoWays(t *testing.T) {
	dir := t.TempDir()
	ana := writeReport(t, dir, "Ana", nil)
	if err := os.Symlink("Ana.json", filepath.Join(dir, "link.json")); err != nil {
		t.Skip(err)
	}
	from := filepath.Join(dir, "marks.csv")
	body := "file,student,sample/ussr:answer,sample/ussr,sample/ussr:comment\n" +
		"Ana.json,Ana,,0.5,\n" +
		ana + ",Ana,,1,\n" +
		"link.json,Ana,,1.5,\n" +
		"Ana.json,Ana,,0.5,\n"
	if err := os.WriteFile(from, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	_, rows, err := importCSV(from, []string{ana}, nil, ImportOptions{Marker: "T"})
	if err != nil || len(rows) != 4 {
		t.Fatalf("%v, %+v", err, rows)
	}
	for _, r := range rows {
		if r.Status != Failed || r.Err == nil || !strings.Contains(r.Err.Error(), "lines 2 and 3 and 4 and 5 of the CSV give it different marks in "+ana) {
			t.Errorf("line %d: %v %v, want a clash naming lines 2 to 5", r.Line, r.Status, r.Err)
		}
	}
	if m := read(t, ana).Marks; len(m) != 0 {
		t.Errorf("a clashing mark was saved: %+v", m)
	}
}

// attack23 L2: a row with fewer cells than the header, ending before a
// question's mark column, lost its mark with no message. It is a mark that
// could not be used, named at its line with its cells and the header's,
// when the file holds an answer to the question; when it holds none, the
// cells were empty (a spreadsheet drops a row's empty cells at its end),
// and nothing is said.
func TestImportCSVRowCutShort(t *testing.T) {
	dir := t.TempDir()
	ana := writeReport(t, dir, "Ana", nil)
	bo := writeReport(t, dir, "Bo", nil)
	from := filepath.Join(dir, "marks.csv")
	body := "file,student,sample/ussr,sample/ussr:answer,sample/ussr:comment,sample/gone,sample/gone:answer,sample/gone:comment\n" +
		"Ana.json,Ana\n" + // cut before the mark of a question Ana answered
		"Bo.json,Bo,1,A union of republics.\\x1b[2J,good\n" // ends before a question Bo has no answer to
	if err := os.WriteFile(from, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	probs, rows, err := importCSV(from, []string{ana, bo}, nil, ImportOptions{Marker: "T"})
	if err != nil || len(probs) != 0 {
		t.Fatal(err, probs)
	}
	if len(rows) != 2 || rows[0].Status != Failed || rows[0].Line != 2 || rows[0].ID != "sample/ussr" || rows[1].Status != Saved || rows[1].Line != 3 {
		t.Fatalf("rows %+v, want Ana's line 2 failed and Bo's line 3 saved", rows)
	}
	if msg := rows[0].Err.Error(); !strings.Contains(msg, "this row has 2 cells but the header has 8") || !strings.Contains(msg, "sample/ussr") {
		t.Errorf("the cut row's error: %s", msg)
	}
	if m := read(t, ana).Marks; len(m) != 0 {
		t.Errorf("Ana marked from a cut row: %+v", m)
	}
}

// ImportCSV stopped (its Context ended) writes no file more: a file written
// keeps its marks, and one whose last row was not reached is left as it was,
// its rows given in memory dropped rather than counted as saved; the error
// is the stop's cause. Ana's rows come before and after Bo's, and the stop
// comes as Bo's mark is given.
func TestImportCSVStoppedWritesNoFileMore(t *testing.T) {
	dir := t.TempDir()
	ana := writeReport(t, dir, "Ana", nil)
	bo := writeReport(t, dir, "Bo", nil)
	from := filepath.Join(dir, "marks.csv")
	body := "file,student,sample/ussr:answer,sample/ussr,sample/ussr:comment\n" +
		"Ana.json,Ana,,1,good\n" +
		"Bo.json,Bo,,0.5,fine\n" +
		"Ana.json,Ana,,1,good\n"
	if err := os.WriteFile(from, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(ana)
	stop := errors.New("a signal")
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	calls := 0
	at := time.Date(2026, 2, 26, 9, 0, 0, 0, time.UTC)
	opts := ImportOptions{Marker: "T", Context: ctx, Now: func() time.Time {
		if calls++; calls == 2 {
			cancel(stop)
		}
		return at
	}}
	_, rows, err := importCSV(from, []string{ana, bo}, nil, opts)
	if !errors.Is(err, stop) {
		t.Fatalf("error %v, want the stop's cause (rows %+v)", err, rows)
	}
	if len(rows) != 1 || rows[0].File != bo || rows[0].Status != Saved {
		t.Errorf("rows %+v, want Bo's alone, saved", rows)
	}
	if m := read(t, bo).Marks; len(m) != 1 || m[0].Points != 0.5 {
		t.Errorf("Bo's marks %+v", m)
	}
	if after, _ := os.ReadFile(ana); string(after) != string(before) {
		t.Errorf("Ana's report written after the stop:\n%s", after)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
		t.Errorf("left %q", left)
	}
}
