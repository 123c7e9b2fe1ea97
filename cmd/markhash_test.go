package cmd

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every lenient reading grade makes of a paper sheet's open answer (the text
// after a # kept, a colon read as text, an answer under a | at its id's
// indent) is mark's reading too: grade's CSV, mark --plain's screen and the
// mark's digest all hold the same text, so mark --plain and mark --from save
// the mark, grade counts it, and the student's lines stay as written
// (teacher10 P1: a # in an inline answer was cut by mark, and mark --from
// refused its mark as "changed").
func TestMarkReadsASheetsAnswerAsGradeDoes(t *testing.T) {
	dir, _ := oneReport(t)
	cases := []struct{ student, ussr, want string }{
		{"Hash Inline", "  ussr: a union of republics. # like Khojaly\n", "a union of republics. # like Khojaly"},
		{"Hash Alone", "  ussr: # it ended in 1991\n", "# it ended in 1991"},
		{"Hash Twice", "  ussr: a union #1 of #2 republics\n", "a union #1 of #2 republics"},
		{"Colon Plain", "  ussr: a union: 1922 to 1991\n", "a union: 1922 to 1991"},
		{"Colon Hash", "  ussr: a union: 1922 # it ended: 1991\n", "a union: 1922 # it ended: 1991"},
		{"Block Unindented", "  ussr: |\n  a union\n  of republics # 15\n", "a union\nof republics # 15"},
	}
	sheets := map[string][]byte{}
	for _, c := range cases {
		data := []byte("student: " + c.student + "\nbanks: [../loop.yaml]\nanswers:\n  capital: Baku\n" + c.ussr)
		file := filepath.Join(dir, "reports", strings.ReplaceAll(strings.ToLower(c.student), " ", "-")+".yaml")
		os.WriteFile(file, data, 0o644)
		sheets[c.student] = data
	}
	// grade's CSV: its answer cells, and its mark cells once marked.
	csvRows := func() (map[string][]string, map[string]int, [][]string, string) {
		t.Helper()
		_, out, errOut := gradeIn(t, dir, "reports", "--format", "csv")
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col, by := map[string]int{}, map[string][]string{}
		for i, h := range rows[0] {
			col[strings.TrimPrefix(h, "\ufeff")] = i
		}
		for _, r := range rows[1:] {
			by[r[col["student"]]] = r
		}
		return by, col, rows, errOut
	}
	check := func(stage, points string) {
		t.Helper()
		by, col, _, errOut := csvRows()
		if strings.Contains(errOut, "changed") {
			t.Errorf("%s: grade says an answer changed:\n%s", stage, errOut)
		}
		for _, c := range cases {
			r := by[c.student]
			if r == nil || r[col["loop/ussr:answer"]] != c.want || r[col["loop/ussr"]] != points {
				t.Errorf("%s: %s: grade's CSV row %q, want the answer %q marked %s", stage, c.student, r, c.want, points)
			}
			data, _ := os.ReadFile(filepath.Join(dir, "reports", strings.ReplaceAll(strings.ToLower(c.student), " ", "-")+".yaml"))
			if !bytes.HasPrefix(data, sheets[c.student]) {
				t.Errorf("%s: %s: the student's lines changed:\n%s", stage, c.student, data)
			}
		}
	}

	code, shown, errOut := runMark(t, strings.Repeat("1 seen\n", len(cases)+1), "reports", "--plain", "--marker", "T")
	if code != ExitOK {
		t.Fatalf("mark --plain: exit %d:\n%s", code, errOut)
	}
	for _, c := range cases {
		if box := "  | " + strings.ReplaceAll(c.want, "\n", "\n  | ") + "\n"; !strings.Contains(shown, box) {
			t.Errorf("mark --plain: %s's answer not shown as %q:\n%s", c.student, box, shown)
		}
	}
	check("after mark --plain", "1")

	by, col, rows, _ := csvRows()
	for _, c := range cases {
		by[c.student][col["loop/ussr"]] = "0.5"
	}
	var b bytes.Buffer
	csv.NewWriter(&b).WriteAll(rows)
	os.WriteFile("marks.csv", b.Bytes(), 0o644)
	if code, _, errOut := runMark(t, "", "reports", "--from", "marks.csv", "--remark"); code != ExitOK || strings.Contains(errOut, "changed") {
		t.Fatalf("mark --from: exit %d:\n%s", code, errOut)
	}
	check("after mark --from", "0.5")
}
