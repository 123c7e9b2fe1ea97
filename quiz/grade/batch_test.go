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
	write := func(name, data string) string { return writeUnder(t, dir, name, data) }
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

// grade - reads quiz reports as files do: one report as quiz writes it
// (spanning lines), several one after another (cat r/*.json), and JSON lines
// of reports (jq -c); each is named by the line it begins on. A report cut
// short and text between reports are named by line, and the rest graded
// (test10 B1).
func TestBatchReadsReportsOnStdin(t *testing.T) {
	rep := func(student string) string {
		return `{
  "schema_version": 2,
  "student": "` + student + `",
  "banks": ["sample"],
  "status": "complete",
  "questions": [
    {"id": "capital", "bank": "sample", "given": "Baku", "answer": "Baku"},
    {"id": "town", "bank": "sample", "given": "a } in a string", "answer": "a } in a \"string\""}
  ]
}
`
	}
	compact := func(s string) string { return strings.ReplaceAll(s, "\n", "") + "\n" }
	run := func(in string) (got, errs []string) {
		b := &Batch{Grader: &Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}, Inputs: []string{"-"}, Stdin: strings.NewReader(in), Workers: 2}
		b.Run(func(it Item) {
			if it.Err != nil {
				errs = append(errs, it.Err.Error())
				return
			}
			got = append(got, fmt.Sprintf("%s@%s=%g/%g", it.Result.Student, it.Result.Where(), it.Result.Score, it.Result.Max))
		})
		return got, errs
	}
	for _, tt := range []struct {
		name, in string
		want     []string
		errs     []string
	}{
		{"one report", rep("Ana"), []string{"Ana@-:1=1/2"}, nil},
		{"reports one after another", "\ufeff" + rep("Ana") + "\n" + rep("Bo"), []string{"Ana@-:1=1/2", "Bo@-:12=1/2"}, nil},
		{"JSON lines of reports", compact(rep("Ana")) + compact(rep("Bo")), []string{"Ana@-:1=1/2", "Bo@-:2=1/2"}, nil},
		{"text between reports", rep("Ana") + "oops\n" + rep("Bo"), []string{"Ana@-:1=1/2", "Bo@-:12=1/2"}, []string{"-:11: expected a report or sheet beginning with '{'"}},
		{"a report cut short", rep("Ana") + rep("Bo")[:40], []string{"Ana@-:1=1/2"}, []string{"-:11: the input ends inside this report or sheet"}},
		{"a broken report", rep("Ana") + strings.Replace(rep("Bo"), `"banks"`, `"banks" "x"`, 1), []string{"Ana@-:1=1/2"}, []string{"-:14: not a conflictq quiz report"}},
	} {
		got, errs := run(tt.in)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: graded %q, want %q", tt.name, got, tt.want)
		}
		if len(errs) != len(tt.errs) {
			t.Errorf("%s: errors %q, want %q", tt.name, errs, tt.errs)
			continue
		}
		for i := range errs {
			if !strings.Contains(errs[i], tt.errs[i]) {
				t.Errorf("%s: error %q, want %q", tt.name, errs[i], tt.errs[i])
			}
		}
	}
}

// A YAML sheet that mentions "schema_version" in a comment is a sheet, not a
// report (test10 B6).
func TestYAMLSheetMentioningSchemaVersionIsASheet(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ana.yaml")
	if err := os.WriteFile(path, []byte("student: Ana\n# my \"schema_version\" note\nanswers:\n  capital: Baku\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b := &Batch{Grader: &Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}, Inputs: []string{path}}
	var got []string
	b.Run(func(it Item) {
		if it.Err != nil {
			t.Errorf("the sheet is refused: %v", it.Err)
			return
		}
		got = append(got, it.Result.Student)
	})
	if !slices.Equal(got, []string{"Ana"}) {
		t.Errorf("graded %q", got)
	}
}

// A folder's sheets come in name order whatever the case: paper sheets a
// teacher named in lower case sit among the quiz's reports (teacher3 P11).
func TestSheetsInSortsByNameWhateverTheCase(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"Nigar-Huseynova.json", "aysel.yaml", "Ana-Petrosyan.json", "tigran.yaml", "Leyla-Eliyeva.json", "ana.yaml"} {
		os.WriteFile(filepath.Join(dir, name), []byte("{}"), 0o644)
	}
	var got []string
	for _, p := range SheetsIn(dir, nil, nil, nil) {
		got = append(got, filepath.Base(p))
	}
	want := []string{"Ana-Petrosyan.json", "ana.yaml", "aysel.yaml", "Leyla-Eliyeva.json", "Nigar-Huseynova.json", "tigran.yaml"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

// Hidden files and folders under a graded folder are no student's sheet: the
// folder's own settings, an editor's swap file, macOS's "._" copies on a USB
// stick. A hidden folder given by name is still read.
func TestSheetsInLeavesOutHiddenFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), ".class")
	for _, name := range []string{"ana.yaml", ".conflictq.yaml", "._ana.yaml", ".git/x.json", "sub/tigran.json", "sub/.swp.yaml"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	for _, p := range SheetsIn(dir, nil, nil, nil) {
		rel, _ := filepath.Rel(dir, p)
		got = append(got, filepath.ToSlash(rel))
	}
	if want := []string{"ana.yaml", "sub/tigran.json"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// writeUnder writes data to name under dir, making its folders, and returns
// its path; the test fails at any error.
func writeUnder(t *testing.T, dir, name, data string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
