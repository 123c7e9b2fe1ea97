package grade

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
)

// A batch hands results over in input order whatever order the workers
// finish in: files as given, a directory's sheets sorted, JSON lines by line;
// an input that cannot be read is handed over as an error, and the rest run.
func TestBatchOrderAndErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	sheet := func(student string) string {
		return fmt.Sprintf(`{"student": %q, "answers": {"capital": "Baku"}}`, student)
	}
	var lines []string
	for i := range 50 {
		lines = append(lines, sheet(fmt.Sprintf("line%02d", i)))
	}
	first := write("first.yaml", "student: first\nanswers: {capital: Baku}\n")
	write("class/b.json", sheet("class-b"))
	write("class/a.yaml", "student: class-a\nanswers: {}\n")
	write("class/notes.txt", "not a sheet")
	jsonl := write("many.jsonl", strings.Join(lines, "\n")+"\n\n")
	b := &Batch{
		Grader:  &Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}},
		Inputs:  []string{first, filepath.Join(dir, "class"), filepath.Join(dir, "missing.yaml"), jsonl},
		Workers: 4,
	}
	var got, errs []string
	b.Run(func(it Item) {
		if it.Err != nil {
			errs = append(errs, it.Err.Error())
			return
		}
		got = append(got, it.Result.Student)
	})
	want := []string{"first", "class-a", "class-b"}
	for i := range 50 {
		want = append(want, fmt.Sprintf("line%02d", i))
	}
	if !slices.Equal(got, want) {
		t.Errorf("order:\n got %v\nwant %v", got, want)
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "missing.yaml: no such file or directory") {
		t.Errorf("errors: %q", errs)
	}
}

// One JSON line over the size limit is named and skipped; the sheets after it
// are all graded, with their own line numbers (issue 14, item 4).
func TestBatchSkipsOversizedLine(t *testing.T) {
	var in strings.Builder
	in.WriteString(`{"student": "before", "answers": {}}` + "\r\n")
	in.WriteString(`{"student": "huge", "answers": {"capital": "` + strings.Repeat("a", fileio.MaxFileSize+10) + `"}}` + "\n")
	for i := range 100 {
		fmt.Fprintf(&in, `{"student": "after%d", "answers": {"capital": "Baku"}}`+"\n", i)
	}
	in.WriteString(`{"student": "last", "answers": {}}`) // no final newline
	b := &Batch{Grader: &Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}, Inputs: []string{"-"}, Stdin: strings.NewReader(in.String()), Workers: 2}
	var got, errs []string
	b.Run(func(it Item) {
		if it.Err != nil {
			errs = append(errs, it.Err.Error())
			return
		}
		got = append(got, it.Result.Student)
	})
	if len(got) != 102 || got[0] != "before" || got[1] != "after0" || got[101] != "last" {
		t.Errorf("graded %d sheets: %v ... ; want before, after0..after99, last", len(got), got[:min(3, len(got))])
	}
	if len(errs) != 1 || !strings.HasPrefix(errs[0], "-:2: sheet is larger than 10 MB") {
		t.Errorf("errors: %q; want one naming line 2", errs)
	}
}
