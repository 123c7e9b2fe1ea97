package marking

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/yamlnode"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// countParses counts, by file, the sheets the package reads (parses), until
// the test ends.
func countParses(t *testing.T) map[string]int {
	t.Helper()
	n := map[string]int{}
	parse := parseMarked
	parseMarked = func(file string, data []byte) (*sheet.Sheet, sheet.MarksSection, error) {
		n[file]++
		return parse(file, data)
	}
	t.Cleanup(func() { parseMarked = parse })
	return n
}

// mark --from reads a sheet given three marks twice: as it is, and with its
// marks, once (issue 13: it read it 7 times, twice a mark and once more).
func TestImportCSVReadsEachSheetTwice(t *testing.T) {
	ana, bo, _, load := batchFiles(t)
	from := batchCSV(t, ana,
		[]string{"ana.yaml", "Ana", "1", "", "clear", "0.5", "", "", "2", "", "", "", "", ""},
		[]string{"bo.json", "Bo", "0", "", "off the point", "1.5", "", "", "2", "", "good", "", "", ""},
	)
	parses := countParses(t)
	_, rows, err := importCSV(from, []string{ana, bo}, load, ImportOptions{Marker: "T", Now: func() time.Time { return batchAt }})
	if err != nil {
		t.Fatal(err)
	}
	if got := statusesOf(rows); got != "saved saved saved saved saved saved" {
		t.Fatalf("rows: %s (%+v)", got, rows)
	}
	for _, file := range []string{ana, bo} {
		if parses[file] != 2 {
			t.Errorf("%s read %d times, want twice", filepath.Base(file), parses[file])
		}
	}
}

// A mark that would make a sheet too long to read is refused, and only that
// row: the sheet with all its marks is read back once, found too long, and
// its rows are given again one by one, which refuses the row that crosses
// the cap, saying so, and saves the others in one write.
func TestImportCSVRowTooLongRefused(t *testing.T) {
	ana, _, _, load := batchFiles(t)
	sheetWith := func(pad int) string {
		return "student: Ana\nbanks: [b]\n" + strings.Repeat("# pad\n", pad) + "answers:\n  e1: One.\n  e2: Two.\n  e3: Three.\n"
	}
	// What marks 1 and 3 add to the sheet's lines and commas, and a pad
	// that brings the sheet with them to the cap exactly.
	os.WriteFile(ana, []byte(sheetWith(0)), 0o644)
	withTwo := oneByOne(t, ana, mark("b", "e1", 1, "", 2), mark("b", "e3", 2, "", 2))
	pad := yamlnode.MaxItems - yamlnode.Items(withTwo)
	os.WriteFile(ana, []byte(sheetWith(pad)), 0o644)
	want := oneByOne(t, ana, mark("b", "e1", 1, "", 2), mark("b", "e3", 2, "", 2))
	if n := yamlnode.Items(want); n != yamlnode.MaxItems {
		t.Fatalf("the sheet with marks 1 and 3 has %d lines and commas, want %d", n, yamlnode.MaxItems)
	}
	// Mark 2's comment has commas: with it the sheet is past the cap.
	from := batchCSV(t, ana, []string{"ana.yaml", "Ana", "1", "", "", "1", "", `"long, longer, longest"`, "2", "", "", "", "", ""})
	writes := countWrites(t, "")
	parses := countParses(t)
	_, rows, err := importCSV(from, []string{ana}, load, ImportOptions{Marker: "T", Now: func() time.Time { return batchAt }})
	if err != nil {
		t.Fatal(err)
	}
	if got := statusesOf(rows); got != "saved failed saved" {
		t.Fatalf("rows: %s (%+v)", got, rows)
	}
	if rows[1].ID != "b/e2" || rows[1].Err == nil || !strings.Contains(rows[1].Err.Error(), "more than the 100000 conflictq reads") {
		t.Errorf("the refused row: %+v", rows[1])
	}
	if got, _ := os.ReadFile(ana); writes[ana] != 1 || !bytes.Equal(got, want) {
		t.Errorf("written %d times, %d bytes; want once, as marks 1 and 3 one by one (%d bytes)", writes[ana], len(got), len(want))
	}
	if parses[ana] < 3 {
		t.Errorf("read %d times: the rows were not given again", parses[ana])
	}
}

// A sheet no marks section can be added to (it ends with a document marker)
// is found so when its marks are read back, once; its rows are given again
// one by one, and each is refused saying why, as before; nothing is written.
func TestImportCSVSheetThatTakesNoMarks(t *testing.T) {
	ana, _, _, load := batchFiles(t)
	data := anaSheet + "---\n"
	os.WriteFile(ana, []byte(data), 0o644)
	from := batchCSV(t, ana, []string{"ana.yaml", "Ana", "1", "", "", "1", "", "", "2", "", "", "", "", ""})
	writes := countWrites(t, "")
	_, rows, err := importCSV(from, []string{ana}, load, ImportOptions{Marker: "T"})
	if err != nil {
		t.Fatal(err)
	}
	if got := statusesOf(rows); got != "failed failed failed" {
		t.Fatalf("rows: %s (%+v)", got, rows)
	}
	for _, r := range rows {
		if r.Err == nil || !strings.Contains(r.Err.Error(), "the sheet ends with a --- line") {
			t.Errorf("line %d %s: %v", r.Line, r.ID, r.Err)
		}
	}
	if got, _ := os.ReadFile(ana); writes[ana] != 0 || string(got) != data {
		t.Errorf("written %d times:\n%s", writes[ana], got)
	}
}

// Marking at the keyboard reads a sheet twice to gather its answers (as it
// is, and with a marks section added, to name now a sheet that takes none)
// and once a mark: the sheet with the mark, read back before it is written.
// The file is read again before each mark, and compared byte for byte with
// what was written, but not parsed again: the reading is kept by its bytes.
func TestApplyReadsTheSheetOnceAMark(t *testing.T) {
	ana, _, _, load := batchFiles(t)
	parses := countParses(t)
	qs, errs, _, _ := Collect([]string{ana}, load, Filter{})
	if len(errs) > 0 || len(qs) != 3 {
		t.Fatalf("%v, %d questions", errs, len(qs))
	}
	if parses[ana] != 2 {
		t.Errorf("gathering the answers read the sheet %d times, want 2", parses[ana])
	}
	for i, q := range qs {
		a := q.Answers[0]
		m := quiz.Mark{Points: 1, Comment: "ok", Marker: "T", At: batchAt, Answer: quiz.AnswerDigest(a.Text)}
		if err := Apply(a.File, q.Bank, a.ID, m, q.Max); err != nil {
			t.Fatal(err)
		}
		if want := 3 + i; parses[ana] != want {
			t.Errorf("after mark %d the sheet was read %d times, want %d", i+1, parses[ana], want)
		}
	}
	// Changed on the disk between two marks: read (and parsed) anew.
	data, _ := os.ReadFile(ana)
	os.WriteFile(ana, append(data, "# a note\n"...), 0o644)
	a := qs[0].Answers[0]
	if err := Apply(a.File, qs[0].Bank, a.ID, quiz.Mark{Points: 2, Marker: "T", At: batchAt}, qs[0].Max); err != nil {
		t.Fatal(err)
	}
	if parses[ana] != 7 {
		t.Errorf("a sheet changed on the disk: read %d times in all, want 7", parses[ana])
	}
	if got, _ := os.ReadFile(ana); !bytes.Contains(got, []byte("# a note\n")) || !bytes.Contains(got, []byte("points: 2")) {
		t.Errorf("the sheet changed on the disk lost the change or the mark:\n%s", got)
	}
}
