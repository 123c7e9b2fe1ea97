package marking

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// threeOpen is a bank of three open questions, 2 points each.
const threeOpen = `id: b
title: T
questions:
  - {id: e1, type: open, prompt: P1, model_answer: M1, points: 2}
  - {id: e2, type: open, prompt: P2, model_answer: M2, points: 2}
  - {id: e3, type: open, prompt: P3, model_answer: M3, points: 2}
`

// The sheets batchFiles writes: a YAML sheet and a JSON one, each with three
// open answers.
const (
	anaSheet = "student: Ana\nbanks: [b]\n# Ana's own note\nanswers:\n  e1: |\n    First answer,\n    on two lines.\n  e2: Second answer.\n  e3: Third answer.\n"
	boSheet  = "{\"student\": \"Bo\", \"banks\": [\"b\"], \"answers\": {\"e1\": \"One.\", \"e2\": \"Two.\", \"e3\": \"Three.\"}}\n"
)

// batchFiles writes Ana's and Bo's sheets and Cy's report (the sample bank,
// one open question) in a new folder, and returns their paths and a loader
// of both banks.
func batchFiles(t *testing.T) (ana, bo, cy string, load BankLoader) {
	t.Helper()
	bank, _, err := quiz.ParseBank("b.yaml", []byte(threeOpen))
	if err != nil {
		t.Fatal(err)
	}
	banks := []*quiz.Bank{bank, testfiles.Sample(t)}
	dir := t.TempDir()
	ana, bo = filepath.Join(dir, "ana.yaml"), filepath.Join(dir, "bo.json")
	for file, data := range map[string]string{ana: anaSheet, bo: boSheet} {
		if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return ana, bo, writeReport(t, dir, "Cy", nil), func([]string, string) ([]*quiz.Bank, error) { return banks, nil }
}

// batchCSV writes marks.csv beside file: a marks CSV for the three
// questions of b and sample/ussr, rows of file, student, then for each
// question its points, answer and comment.
func batchCSV(t *testing.T, file string, rows ...[]string) string {
	t.Helper()
	head := []string{"file", "student"}
	for _, id := range []string{"b/e1", "b/e2", "b/e3", "sample/ussr"} {
		head = append(head, id, id+":answer", id+":comment")
	}
	lines := []string{strings.Join(head, ",")}
	for _, r := range rows {
		lines = append(lines, strings.Join(r, ","))
	}
	from := filepath.Join(filepath.Dir(file), "marks.csv")
	if err := os.WriteFile(from, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return from
}

// countWrites counts, by file, the files the package writes, until the test
// ends; fail makes the writes of that file fail.
func countWrites(t *testing.T, fail string) map[string]int {
	t.Helper()
	n := map[string]int{}
	write := writeMarked
	writeMarked = func(file string, perm fs.FileMode, out []byte) error {
		n[file]++
		if file == fail {
			return errors.New("no space left on device")
		}
		return write(file, perm, out)
	}
	t.Cleanup(func() { writeMarked = write })
	return n
}

// oneByOne copies file into a new folder and gives it marks with Apply, one
// at a time, as mark --from did: the bytes to expect.
func oneByOne(t *testing.T, file string, marks ...func(string) error) []byte {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cp := filepath.Join(t.TempDir(), filepath.Base(file))
	if err := os.WriteFile(cp, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, m := range marks {
		if err := m(cp); err != nil {
			t.Fatal(err)
		}
	}
	out, _ := os.ReadFile(cp)
	// Cy's report names itself by its path nowhere; a sheet neither.
	return out
}

var batchAt = time.Date(2026, 12, 4, 9, 30, 0, 0, time.UTC)

// mark is Apply of one mark as ImportCSV gives it (marker T at batchAt).
func mark(bank, id string, points float64, comment string, max float64) func(string) error {
	return func(file string) error {
		return Apply(file, bank, id, quiz.Mark{Points: points, Comment: comment, Marker: "T", At: batchAt}, max)
	}
}

func statusesOf(rows []Row) string {
	var s []string
	for _, r := range rows {
		s = append(s, [...]string{"saved", "kept", "unchanged", "unmatched", "failed"}[r.Status])
	}
	return strings.Join(s, " ")
}

// mark --from writes each file once, after its last mark, and the file is
// what giving the marks one by one made it, byte for byte: a YAML sheet, a
// JSON sheet, a report (issue 13). Marks already there are not written again.
func TestImportCSVWritesEachFileOnce(t *testing.T) {
	ana, bo, cy, load := batchFiles(t)
	want := map[string][]byte{
		ana: oneByOne(t, ana, mark("b", "e1", 1, "clear", 2), mark("b", "e2", 0.5, "", 2), mark("b", "e3", 2, "complete, and short", 2)),
		bo:  oneByOne(t, bo, mark("b", "e1", 0, "off the point", 2), mark("b", "e2", 1.5, "", 2), mark("b", "e3", 2, "good", 2)),
		cy:  oneByOne(t, cy, mark("sample", "ussr", 1, "fine", 1)),
	}
	from := batchCSV(t, ana,
		[]string{"ana.yaml", "Ana", "1", "", "clear", "0.5", "", "", "2", "", `"complete, and short"`, "", "", ""},
		[]string{"bo.json", "Bo", "0", "", "off the point", "1.5", "", "", "2", "", "good", "", "", ""},
		[]string{"Cy.json", "Cy", "", "", "", "", "", "", "", "", "", "1", "", "fine"},
	)
	writes := countWrites(t, "")
	opts := ImportOptions{Marker: "T", Now: func() time.Time { return batchAt }}
	probs, rows, err := importCSV(from, []string{ana, bo, cy}, load, opts)
	if err != nil || len(probs) > 0 {
		t.Fatal(err, probs)
	}
	if got := statusesOf(rows); got != "saved saved saved saved saved saved saved" {
		t.Fatalf("rows: %s (%+v)", got, rows)
	}
	for file, w := range want {
		if writes[file] != 1 {
			t.Errorf("%s written %d times, want once", filepath.Base(file), writes[file])
		}
		if got, _ := os.ReadFile(file); !bytes.Equal(got, w) {
			t.Errorf("%s:\n%s\nwant, as marked one by one:\n%s", filepath.Base(file), got, w)
		}
	}
	// Again: every mark is there already, and no file is written.
	clear(writes)
	_, rows, _ = importCSV(from, []string{ana, bo, cy}, load, opts)
	if got := statusesOf(rows); got != "kept kept kept kept kept kept kept" || len(writes) > 0 {
		t.Errorf("the same marks again: %s, writes %v", got, writes)
	}
}

// One mark of a file refused (points over the question's most) and the
// others given: the others are saved, in one write, as giving them alone
// one by one saves them; the refused row says why.
func TestImportCSVOneOfSeveralRefused(t *testing.T) {
	ana, _, _, load := batchFiles(t)
	want := oneByOne(t, ana, mark("b", "e1", 1, "", 2), mark("b", "e3", 2, "", 2))
	from := batchCSV(t, ana, []string{"ana.yaml", "Ana", "1", "", "", "3", "", "", "2", "", "", "", "", ""})
	writes := countWrites(t, "")
	_, rows, err := importCSV(from, []string{ana}, load, ImportOptions{Marker: "T", Now: func() time.Time { return batchAt }})
	if err != nil {
		t.Fatal(err)
	}
	if got := statusesOf(rows); got != "saved failed saved" {
		t.Fatalf("rows: %s (%+v)", got, rows)
	}
	if rows[1].ID != "b/e2" || rows[1].Err == nil || !strings.Contains(rows[1].Err.Error(), "give 0 to 2 points") {
		t.Errorf("the refused row: %+v", rows[1])
	}
	if got, _ := os.ReadFile(ana); writes[ana] != 1 || !bytes.Equal(got, want) {
		t.Errorf("written %d times:\n%s\nwant once:\n%s", writes[ana], got, want)
	}
}

// A file that cannot be written: each of its rows says so, naming it, and
// the file is as it was; the next file's marks are saved all the same.
func TestImportCSVWriteFails(t *testing.T) {
	ana, bo, _, load := batchFiles(t)
	from := batchCSV(t, ana,
		[]string{"ana.yaml", "Ana", "1", "", "", "1", "", "", "", "", "", "", "", ""},
		[]string{"bo.json", "Bo", "2", "", "", "", "", "", "", "", "", "", "", ""},
	)
	countWrites(t, ana)
	_, rows, err := importCSV(from, []string{ana, bo}, load, ImportOptions{Marker: "T"})
	if err != nil {
		t.Fatal(err)
	}
	if got := statusesOf(rows); got != "failed failed saved" {
		t.Fatalf("rows: %s (%+v)", got, rows)
	}
	for _, r := range rows[:2] {
		if want := ana + " could not be written, so its marks are not saved: no space left on device"; r.Err.Error() != want {
			t.Errorf("line %d %s: %v, want %s", r.Line, r.ID, r.Err, want)
		}
	}
	if got, _ := os.ReadFile(ana); string(got) != anaSheet {
		t.Errorf("ana.yaml changed:\n%s", got)
	}
	if s := readSheetFile(t, bo); len(s.Marks) != 1 || s.Marks[0].ID != "e1" || s.Marks[0].Points != 2 {
		t.Errorf("Bo's marks: %+v", s.Marks)
	}
}

// A sheet changed on the disk while its marks are given (by hand: another
// mark run waits for the lock) gets them on what it holds when it is
// written, as giving them one by one did; a mark whose answer changed
// meanwhile is refused, as Apply refuses a mark shown with another answer.
func TestImportCSVSheetChangedMeanwhile(t *testing.T) {
	for _, c := range []struct {
		name, from, to string
		statuses       string
	}{
		{"a note added", "# Ana's own note\n", "# Ana's own note, and a second\n", "saved saved saved"},
		{"an answer changed", "e3: Third answer.", "e3: A third answer, rewritten.", "saved saved failed"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ana, _, _, load := batchFiles(t)
			calls := 0
			edit := func(refs []string, file string) ([]*quiz.Bank, error) {
				if calls++; calls == 2 { // reading the second row's question: the first is given
					edited := strings.Replace(anaSheet, c.from, c.to, 1)
					if err := os.WriteFile(ana, []byte(edited), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return load(refs, file)
			}
			from := batchCSV(t, ana, []string{"ana.yaml", "Ana", "1", "", "", "1", "", "", "2", "", "", "", "", ""})
			writes := countWrites(t, "")
			_, rows, err := importCSV(from, []string{ana}, edit, ImportOptions{Marker: "T"})
			if err != nil {
				t.Fatal(err)
			}
			if got := statusesOf(rows); got != c.statuses {
				t.Fatalf("rows: %s (%+v)", got, rows)
			}
			got, _ := os.ReadFile(ana)
			if writes[ana] != 1 || !bytes.Contains(got, []byte(c.to)) {
				t.Errorf("written %d times, without the change:\n%s", writes[ana], got)
			}
			s := readSheetFile(t, ana)
			saved := strings.Count(c.statuses, "saved")
			if len(s.Marks) != saved {
				t.Errorf("%d marks, want %d:\n%s", len(s.Marks), saved, got)
			}
			if c.statuses == "saved saved failed" && !errors.Is(rows[2].Err, ErrChanged) {
				t.Errorf("the changed answer's row: %v, want ErrChanged", rows[2].Err)
			}
		})
	}
}

func readSheetFile(t *testing.T, file string) *sheet.Sheet {
	t.Helper()
	data, _ := os.ReadFile(file)
	s, err := sheet.Read(file, 0, data)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
