package cmd

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// takeSetQuiz runs conflictq quiz --plain in exam mode for one student with
// --set and -n, the student's own seed coming from the factory (as a random
// one would), answering right or wrong in the order that seed asks.
func takeSetQuiz(t *testing.T, dir, bankFile, set string, n int, student string, seed uint64, right bool) {
	t.Helper()
	b, _, err := quiz.ParseBank(bankFile, []byte(loopBank))
	if err != nil {
		t.Fatal(err)
	}
	questions, err := quiz.Select([]*quiz.Bank{b}, quiz.Filter{Count: n, Set: set}, seed)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, p := range questions {
		switch p.ID {
		case "capital":
			lines = append(lines, map[bool]string{true: "Baku", false: "Yerevan"}[right])
		case "indep":
			lines = append(lines, map[bool]string{true: "true", false: "false"}[right])
		case "town":
			lines = append(lines, map[bool]string{true: "Xocali", false: "Shusha"}[right])
		case "year":
			lines = append(lines, map[bool]string{true: "1994", false: "1992"}[right])
		case "ussr":
			lines = append(lines, "A union, 1922 to 1991.")
		}
	}
	lines = append(lines, "y") // the self-assessment in the review
	f, in, _, errOut := loopFactory(t)
	f.NewSeed = func() uint64 { return seed }
	in.WriteString(strings.Join(lines, "\n") + "\n")
	args := []string{"quiz", "--plain", "--bank", bankFile, "--mode", "exam", "-n", fmt.Sprint(n), "--student", student,
		"--report-dir", filepath.Join(dir, "reports"), "--no-history"}
	if set != "" {
		args = append(args, "--set", set)
	}
	if code := Run(f, args); code != ExitOK {
		t.Fatalf("%s: exit %d\n%s", student, code, errOut)
	}
}

type setReport struct {
	Student   string `json:"student"`
	Set       string `json:"set"`
	Seed      uint64 `json:"seed"`
	Questions []struct {
		ID string `json:"id"`
	} `json:"questions"`
}

func readSetReports(t *testing.T, dir string) []setReport {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "reports", "*.json"))
	var out []setReport
	for _, file := range files {
		data, _ := os.ReadFile(file)
		var r setReport
		if err := json.Unmarshal(data, &r); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

// A class given one --set gets the same questions, each student in an order of
// their own, and is graded together: every student counted in every format,
// with no note about different sets (teacher B1, test10 B3).
func TestSetClassSameQuestionsOwnOrder(t *testing.T) {
	dir := t.TempDir()
	bankFile := writeTestFile(t, dir, "loop.yaml", loopBank)
	for i := range 6 {
		takeSetQuiz(t, dir, bankFile, "9c", 3, fmt.Sprintf("Student %d", i+1), uint64(100+i*7), i%2 == 0)
	}
	reports := readSetReports(t, dir)
	if len(reports) != 6 {
		t.Fatalf("%d reports, want 6", len(reports))
	}
	sets, orders := map[string]bool{}, map[string]bool{}
	for _, r := range reports {
		var ids []string
		for _, q := range r.Questions {
			ids = append(ids, q.ID)
		}
		orders[strings.Join(ids, " ")] = true
		slices.Sort(ids)
		sets[strings.Join(ids, " ")] = true
		if r.Set != "9c" {
			t.Errorf("%s: the report records set %q, want 9c", r.Student, r.Set)
		}
	}
	if len(sets) != 1 || len(orders) < 3 {
		t.Errorf("%d question sets (want 1) in %d orders (want several): %v", len(sets), len(orders), orders)
	}

	code, out, errOut := gradeIn(t, dir, "reports", "--format", "csv", "-o", "grades.csv",
		"--summary", "stats.json")
	if code != ExitOK || strings.Contains(errOut, "different question sets") || strings.Contains(errOut, "warning") {
		t.Fatalf("exit %d:\n%s%s", code, out, errOut)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "grades.csv"))
	rows, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 7 {
		t.Errorf("%d CSV rows, want a header and 6 students", len(rows))
	}
	var questionCols []string
	for _, h := range rows[0][8:] {
		if !strings.Contains(h, ":") {
			questionCols = append(questionCols, h)
		}
	}
	if len(questionCols) != 3 {
		t.Errorf("columns %v, want the set's 3 questions", rows[0][8:])
	}
	for _, r := range rows[1:] {
		for i, h := range rows[0] {
			if i >= 8 && !strings.Contains(h, ":") && r[i] == "" && !strings.HasSuffix(h, "/ussr") {
				t.Errorf("%s has no mark for %s", r[0], h)
			}
		}
	}
	var st struct {
		Count     int `json:"count"`
		Questions []struct {
			ID       string `json:"id"`
			Students int    `json:"students"`
		} `json:"questions"`
	}
	data, _ = os.ReadFile(filepath.Join(dir, "stats.json"))
	if err := json.Unmarshal(data, &st); err != nil {
		t.Fatal(err)
	}
	if st.Count != 6 {
		t.Errorf("the summary counts %d students, want 6", st.Count)
	}
	for _, q := range st.Questions {
		if q.Students != 6 {
			t.Errorf("%s: %d students, want 6", q.ID, q.Students)
		}
	}
	for _, format := range []string{"stats.md", "stats.csv", "class.html"} {
		code, _, errOut := gradeIn(t, dir, "reports", "--summary", format)
		if code != ExitOK {
			t.Fatalf("--summary %s: exit %d\n%s", format, code, errOut)
		}
		data, _ := os.ReadFile(filepath.Join(dir, format))
		switch format {
		case "stats.md":
			if !strings.Contains(string(data), "| Students | 6 |") || strings.Contains(string(data), "different question sets") {
				t.Errorf("%s:\n%s", format, data)
			}
		case "class.html":
			if !strings.Contains(string(data), "Student 6") {
				t.Errorf("%s does not list Student 6", format)
			}
		case "stats.csv":
			if n := strings.Count(string(data), "\n"); n < 2 {
				t.Errorf("%s:\n%s", format, data)
			}
		}
	}
}

// A class whose students had different sets (and one an older quiz with
// another -n and no set): the gradebook has a column for every question, in
// the bank's order, empty where a student did not get one, and the statistics
// count everyone, each question over those who got it.
func TestSetClassDifferentSets(t *testing.T) {
	dir := t.TempDir()
	bankFile := writeTestFile(t, dir, "loop.yaml", loopBank)
	takeSetQuiz(t, dir, bankFile, "9a", 2, "Ana", 1, true)
	takeSetQuiz(t, dir, bankFile, "9b", 2, "Bo", 2, false)
	takeSetQuiz(t, dir, bankFile, "9c", 3, "Cem", 3, true)
	takeSetQuiz(t, dir, bankFile, "", 5, "Dan", 4, false)
	code, _, errOut := gradeIn(t, dir, "reports", "--format", "csv", "-o", "grades.csv", "--summary", "stats.md")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	if !strings.Contains(errOut, "note: students had different question sets: 5 questions in all; each question's statistics cover those who got it") {
		t.Errorf("no note on the different sets:\n%s", errOut)
	}
	if strings.Contains(errOut, "warning") || strings.Contains(errOut, "left out") {
		t.Errorf("a warning about different questions:\n%s", errOut)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "grades.csv"))
	rows, _ := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	want := "loop/capital,loop/indep,loop/town,loop/year,loop/ussr,loop/ussr:answer,loop/ussr:comment"
	if got := strings.Join(rows[0][8:], ","); got != want {
		t.Errorf("columns %s, want %s", got, want)
	}
	got := 0 // students per question, counted from the CSV
	for _, r := range rows[1:] {
		for i := 8; i < len(r); i++ {
			if h := rows[0][i]; !strings.Contains(h, ":") && (r[i] != "" || strings.HasSuffix(h, "/ussr") && r[i+1] != "") {
				got++
			}
		}
	}
	if got != 2+2+3+5 {
		t.Errorf("the CSV has %d answers' cells, want 12", got)
	}
	md, _ := os.ReadFile(filepath.Join(dir, "stats.md"))
	if !strings.Contains(string(md), "| Students | 4 |") || !strings.Contains(string(md), "different question sets: 4 automatically marked questions in all") {
		t.Errorf("stats.md:\n%s", md)
	}
}

// Bad --set values are refused with exit 2 and say why, before any question.
func TestSetRefused(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile("s.yaml", []byte("student: A\nbanks: [comprehension]\nseed: 1\nanswers: {}\n"), 0o644)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"quiz", "--plain", "--set", ""}, `--set "": a set needs a name`},
		{[]string{"quiz", "--plain", "--set", "   "}, `a set needs a name`},
		{[]string{"quiz", "--plain", "--set", strings.Repeat("x", 65)}, `at most 64 characters`},
		{[]string{"quiz", "--plain", "--set", "9c\x1b[2J"}, `without control characters`},
		{[]string{"quiz", "--review", "--set", "9c"}, `--review asks the questions your history says are due; --set picks`},
		{[]string{"sheet", "--set", ""}, `a set needs a name`},
		{[]string{"sheet", "--key", "--from", "s.yaml", "--set", "9c"}, `--from s.yaml takes the banks, seed and selection from that sheet; leave out --set`},
		{[]string{"sheet", "--key", "--set", "9c", "-n", "5"}, `--key needs --from SHEET`},
		{[]string{"bank", "export", "comprehension", "--format", "markdown", "--set", ""}, `a set needs a name`},
		{[]string{"bank", "export", "comprehension", "--set", "9c"}, `--set is for worksheets`},
	}
	for _, tt := range tests {
		f, in, out, errOut := testFactory(t)
		in.WriteString("1\n")
		if code := Run(f, tt.args); code != ExitInvalid || !strings.Contains(errOut.String(), tt.want) {
			t.Errorf("%q: exit %d, want 2 saying %q:\n%s", tt.args, code, tt.want, errOut)
		}
		if strings.Contains(out.String(), "Question 1") || strings.Contains(out.String(), "1/") {
			t.Errorf("%q asked a question before refusing:\n%s", tt.args, out)
		}
	}
}

// Paper and screen share a set: sheets with one --set and their own seeds
// hold the same questions in their own orders, the key --from each is that
// sheet's, and bank export --set picks the same questions.
func TestSetSheetsAndWorksheet(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	var sets []string
	for i, seed := range []uint64{11, 12, 13} {
		f, _, _, errOut := testFactory(t)
		f.NewSeed = func() uint64 { return seed }
		name := fmt.Sprintf("s%d.yaml", i)
		if code := Run(f, []string{"sheet", "--bank", "comprehension", "-n", "6", "--set", "9c", "-o", name}); code != ExitOK {
			t.Fatalf("exit %d\n%s", code, errOut)
		}
		data, _ := os.ReadFile(name)
		if !strings.Contains(string(data), "set: \"9c\"") {
			t.Errorf("%s does not record its set:\n%.300s", name, data)
		}
		sh, err := sheet.Read(name, 0, data)
		if err != nil {
			t.Fatal(err)
		}
		if sh.Set != "9c" || sh.Seed == nil || *sh.Seed != seed {
			t.Errorf("%s reads back set %q seed %v", name, sh.Set, sh.Seed)
		}
		var ids []string
		for _, a := range sh.Answers {
			ids = append(ids, a.ID)
		}
		if len(ids) != 6 {
			t.Fatalf("%s: %d questions %v", name, len(ids), ids)
		}
		slices.Sort(ids)
		sets = append(sets, strings.Join(ids, " "))
		f, _, _, errOut = testFactory(t)
		if code := Run(f, []string{"sheet", "--key", "--from", name, "-o", "key-" + name}); code != ExitOK {
			t.Fatalf("key: exit %d\n%s", code, errOut)
		}
		f, _, out, _ := testFactory(t)
		Run(f, []string{"grade", "key-" + name, "--format", "json"})
		keyAllRight(t, "the key of "+name, out.String())
	}
	if sets[0] != sets[1] || sets[1] != sets[2] {
		t.Errorf("sheets of one set have other questions:\n%s", strings.Join(sets, "\n"))
	}
	f, _, out, errOut := testFactory(t)
	if code := Run(f, []string{"bank", "export", "comprehension", "--format", "markdown", "-n", "6", "--set", "9c", "--no-key"}); code != ExitOK {
		t.Fatalf("export: exit %d\n%s", code, errOut)
	}
	b, _, _ := f.Library().Load("comprehension")
	for _, id := range strings.Fields(sets[0]) {
		if q := b.Question(id); q == nil || !strings.Contains(out.String(), promptStart(q.Prompt)) {
			t.Errorf("the worksheet of set 9c lacks %s", id)
		}
	}
}

func promptStart(s string) string {
	w := strings.Fields(s)
	return strings.Join(w[:min(4, len(w))], " ")
}

// Two banks share an open question's id (comprehension and discussion do):
// the gradebook names each bank/id, and marks filled in a spreadsheet saved
// the European Excel way (BOM, quoted headers, ;, decimal comma, CRLF) reach
// the right answers. An older CSV naming the id alone is refused for the
// ambiguous id, by name (test10 W2, B4).
func TestMarkFromSharedIDsAndExcelCSV(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile("b.yaml", []byte(`id: mini
title: Mini
questions:
  - {id: capital, type: single, prompt: "Capital of Azerbaijan?", choices: [Baku, Yerevan, Tbilisi, Ganja], answer: Baku, explanation: Baku is the capital., source: {section: Introduction, paragraph: 2, quote: "Azeris around the world"}}
  - {id: ussr, type: open, points: 2, prompt: "What was the Soviet Union?", model_answer: "A union of 15 republics.", key_points: [1922, 1991], explanation: The article asks it., source: {section: Questions, paragraph: 1, quote: "What was the Soviet Union?"}}
`), 0o644)
	os.WriteFile("b2.yaml", []byte(`id: other
title: Other
questions:
  - {id: ussr, type: open, points: 2, prompt: "What was the USSR?", model_answer: "A union of 15 republics.", key_points: [1922, 1991], explanation: The article asks it., source: {section: Questions, paragraph: 1, quote: "What was the Soviet Union?"}}
`), 0o644)
	f, in, _, errOut := testFactory(t)
	b1, _, _ := quiz.ParseBank("b.yaml", mustRead(t, "b.yaml"))
	b2, _, _ := quiz.ParseBank("b2.yaml", mustRead(t, "b2.yaml"))
	asked, _ := quiz.Select([]*quiz.Bank{b1, b2}, quiz.Filter{}, 2)
	for _, p := range asked {
		switch p.Bank + "/" + p.ID {
		case "mini/capital":
			in.WriteString("Baku\n")
		case "mini/ussr":
			in.WriteString("mini answer\nnone\n") // then the self-check: no key point ticked
		case "other/ussr":
			in.WriteString("other answer\nnone\n")
		}
	}
	if code := Run(f, []string{"quiz", "--plain", "--bank", "./b.yaml", "--bank", "./b2.yaml", "--seed", "2", "--student", "Ana", "--report-dir", "d", "--no-history"}); code != ExitOK {
		t.Fatalf("quiz: exit %d\n%s", code, errOut)
	}
	_, out, _ := gradeIn(t, dir, "d", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := "mini/capital,mini/ussr,mini/ussr:answer,mini/ussr:comment,other/ussr,other/ussr:answer,other/ussr:comment"
	if got := strings.Join(rows[0][8:], ","); got != want {
		t.Fatalf("columns %s, want %s", got, want)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	r := rows[1]
	r[col["mini/ussr"]], r[col["mini/ussr:comment"]] = "1,5", "mini: good"
	r[col["other/ussr"]], r[col["other/ussr:comment"]] = "0", "other: empty; try again"
	var excel strings.Builder
	excel.WriteString("\ufeff")
	for _, row := range rows {
		for i, c := range row {
			if i > 0 {
				excel.WriteString(";")
			}
			excel.WriteString(`"` + strings.ReplaceAll(c, `"`, `""`) + `"`)
		}
		excel.WriteString("\r\n")
	}
	os.WriteFile("marks.csv", []byte(excel.String()), 0o644)
	f, _, _, errOut = testFactory(t)
	if code := Run(f, []string{"mark", "d", "--from", "marks.csv"}); code != ExitOK || !strings.Contains(errOut.String(), "2 marks read") {
		t.Fatalf("mark --from: exit %d\n%s", code, errOut)
	}
	reports, _ := filepath.Glob("d/*.json")
	var rep struct {
		Marks []struct {
			Bank, ID, Comment string
			Points            float64
		} `json:"marks"`
	}
	data, _ := os.ReadFile(reports[0])
	json.Unmarshal(data, &rep)
	got := map[string]string{}
	for _, m := range rep.Marks {
		got[m.Bank+"/"+m.ID] = fmt.Sprintf("%v %s", m.Points, m.Comment)
	}
	if got["mini/ussr"] != "1.5 mini: good" || got["other/ussr"] != "0 other: empty; try again" {
		t.Errorf("marks %v", got)
	}
	// An older gradebook: columns named by the id alone, twice.
	old := "student,file,ussr,ussr:answer,ussr:comment,ussr,ussr:answer,ussr:comment\r\nAna," + reports[0] + ",2,x,,1,y,\r\n"
	os.WriteFile("old.csv", []byte(old), 0o644)
	f, _, _, errOut = testFactory(t)
	if code := Run(f, []string{"mark", "d", "--from", "old.csv", "--remark"}); code != ExitInvalid || !strings.Contains(errOut.String(), "two columns are named ussr") {
		t.Errorf("old CSV: exit %d\n%s", code, errOut)
	}
	os.WriteFile("old1.csv", []byte("student,file,ussr,ussr:answer,ussr:comment\r\nAna,"+reports[0]+",2,x,\r\n"), 0o644)
	f, _, _, errOut = testFactory(t)
	if code := Run(f, []string{"mark", "d", "--from", "old1.csv", "--remark"}); code != ExitInvalid || !strings.Contains(errOut.String(), "question ussr is in banks") || !strings.Contains(errOut.String(), "/ussr (conflictq grade --format csv does)") {
		t.Errorf("old CSV, one ussr column: exit %d\n%s", code, errOut)
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
