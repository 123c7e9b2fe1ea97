package cmd

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// paperClass writes loop.yaml, one student's report and two paper sheets
// with open answers (YAML and JSON, the JSON one private) under dir/reports,
// and changes into dir.
func paperClass(t *testing.T) (dir string, yamlSheet, jsonSheet []byte) {
	t.Helper()
	dir, _ = oneReport(t)
	yamlSheet = []byte("student: Paper Amy\nbanks: [../loop.yaml]\nanswers:\n  # her own words, colon and all\n  capital: Baku\n  ussr: \"a union: 1922 to 1991\"")
	jsonSheet = []byte("{\n  \"student\": \"Paper Ben\",\n  \"banks\": [\"../loop.yaml\"],\n  \"answers\": {\"capital\": \"Yerevan\", \"ussr\": \"a big country\"}\n}\n")
	os.WriteFile(filepath.Join(dir, "reports", "amy.yaml"), yamlSheet, 0o644)
	os.WriteFile(filepath.Join(dir, "reports", "ben.json"), jsonSheet, 0o600)
	return dir, yamlSheet, jsonSheet
}

func runMark(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	f, in, out, errOut := testFactory(t)
	in.WriteString(stdin)
	code := Run(f, append([]string{"mark"}, args...))
	return code, out.String(), errOut.String()
}

// Open answers on paper sheets are marked beside reports: the marks go in a
// section appended to the sheet, every byte the student wrote stays, the mode
// stays, and grade counts them as it counts a report's (test10 B2, teacher A4).
func TestMarkPaperSheets(t *testing.T) {
	dir, amy, ben := paperClass(t)
	_, out, _ := gradeIn(t, dir, "reports")
	if strings.Count(out, "to mark") != 3 {
		t.Fatalf("before marking:\n%s", out)
	}
	code, shown, errOut := runMark(t, "1.5 dates: right\n2 good\n0.5\n", "reports", "--plain", "--marker", "T") // Amy, Ana, Ben: grade's order
	if code != ExitOK || !strings.Contains(errOut, "3 marks given; 0 answers left") {
		t.Fatalf("exit %d:\n%s\n%s", code, shown, errOut)
	}
	if !strings.Contains(shown, "Mark: 2 good") || !strings.Contains(shown, `| a union: 1922 to 1991`) || !strings.Contains(shown, "Paper Ben (reports/ben.json)") {
		t.Errorf("the sheets' answers are not shown:\n%s", shown)
	}
	gotAmy, _ := os.ReadFile(filepath.Join(dir, "reports", "amy.yaml"))
	gotBen, _ := os.ReadFile(filepath.Join(dir, "reports", "ben.json"))
	if !bytes.HasPrefix(gotAmy, amy) || !strings.Contains(string(gotAmy), "marks:\n  ussr:\n    points: 1.5\n    comment: 'dates: right'\n    marker: T\n") {
		t.Errorf("amy.yaml:\n%s", gotAmy)
	}
	if !bytes.HasPrefix(gotBen, ben[:bytes.LastIndexByte(ben, '}')-1]) || !strings.Contains(string(gotBen), `"marks": {`) {
		t.Errorf("ben.json:\n%s", gotBen)
	}
	if st, _ := os.Stat(filepath.Join(dir, "reports", "ben.json")); st.Mode().Perm() != 0o600 {
		t.Errorf("ben.json's mode became %v", st.Mode().Perm())
	}
	_, out, _ = gradeIn(t, dir, "reports")
	if strings.Contains(out, "to mark") || !strings.Contains(out, "Paper Amy") {
		t.Errorf("after marking, grade still has answers to mark:\n%s", out)
	}
	_, js, _ := gradeIn(t, dir, "reports", "--format", "json")
	if strings.Count(js, `"state":"marked"`) != 3 || !strings.Contains(js, `"comment":"dates: right"`) {
		t.Errorf("grade --format json:\n%s", js)
	}

	// Re-marking replaces the mark; the section is not repeated.
	code, _, errOut = runMark(t, "1 revised\n0 revised\n", "reports", "--plain", "--remark", "--student", "paper amy")
	if code != ExitInvalid || !strings.Contains(errOut, "1 mark given") { // input ended on the second line: nothing left
		if code != ExitOK {
			t.Fatalf("exit %d:\n%s", code, errOut)
		}
	}
	gotAmy, _ = os.ReadFile(filepath.Join(dir, "reports", "amy.yaml"))
	if strings.Count(string(gotAmy), "marks:") != 1 || strings.Count(string(gotAmy), "ussr:") != 2 || !strings.Contains(string(gotAmy), "comment: revised") || !bytes.HasPrefix(gotAmy, amy) {
		t.Errorf("after --remark:\n%s", gotAmy)
	}
	code, _, _ = runMark(t, "0.5 again\n", "reports", "--plain", "--remark", "--student", "paper ben")
	gotBen, _ = os.ReadFile(filepath.Join(dir, "reports", "ben.json"))
	if code != ExitOK || strings.Count(string(gotBen), `"marks"`) != 1 || !strings.Contains(string(gotBen), `"comment":"again"`) {
		t.Errorf("exit %d; ben.json after --remark:\n%s", code, gotBen)
	}
	_, out, _ = gradeIn(t, dir, "reports")
	if !strings.Contains(out, "Paper Amy") || !strings.Contains(out, "2/6") {
		t.Errorf("grade after --remark:\n%s", out)
	}

	// Everything is marked: said truly, exit 0.
	code, _, errOut = runMark(t, "", "reports", "--plain")
	if code != ExitOK || !strings.Contains(errOut, "all 3 open answers are marked") {
		t.Errorf("exit %d:\n%s", code, errOut)
	}
}

// A filter that matches nothing is named as such, exit 2, so that a script
// notices the typo (test10 P5).
func TestMarkFilterMatchesNothing(t *testing.T) {
	paperClass(t)
	for _, tc := range []struct {
		args []string
		want string
		code int
	}{
		{[]string{"--student", "Nobody"}, `No student named "Nobody"`, ExitInvalid},
		{[]string{"--question", "nosuch"}, `No open answer to a question "nosuch"`, ExitInvalid},
		{[]string{"--question", "loop/capital"}, `No open answer to a question "loop/capital"`, ExitInvalid},
		{[]string{"--student", "paper amy", "--question", "ussr"}, "", ExitInvalid}, // one to mark; input ends
	} {
		code, _, errOut := runMark(t, "", append([]string{"reports", "--plain"}, tc.args...)...)
		if code != tc.code || !strings.Contains(errOut, tc.want) || strings.Contains(errOut, "every open answer") {
			t.Errorf("%v: exit %d:\n%s", tc.args, code, errOut)
		}
	}
	empty := t.TempDir()
	code, _, errOut := runMark(t, "", empty, "--plain")
	if code != ExitOK || !strings.Contains(errOut, "no open answers in the 0 reports and sheets") {
		t.Errorf("empty folder: exit %d:\n%s", code, errOut)
	}
}

// Sheets a marks section cannot be added to safely are refused unchanged:
// a JSON-lines file, a sheet written as one flow mapping.
func TestMarkSheetsRefused(t *testing.T) {
	dir, _ := oneReport(t)
	os.Remove(filepath.Join(dir, "reports", filepath.Base(mustGlob(t, filepath.Join(dir, "reports", "*.json")))))
	flow := []byte(`{student: Flo, banks: [../loop.yaml], answers: {ussr: "a union"}}` + "\n")
	lines := []byte(`{"student": "Li", "banks": ["../loop.yaml"], "answers": {"ussr": "a union"}}` + "\n")
	os.WriteFile(filepath.Join(dir, "reports", "flo.yaml"), flow, 0o644)
	os.WriteFile(filepath.Join(dir, "reports", "li.jsonl"), lines, 0o644)
	os.WriteFile(filepath.Join(dir, "reports", "zoe.yaml"), []byte("student: Zoe\nbanks: [../loop.yaml]\nanswers:\n  ussr: a union\n"), 0o644)
	code, _, errOut := runMark(t, "1\n", "reports", "--plain")
	if !strings.Contains(errOut, "1 mark given; 0 answers left") || !strings.Contains(sheetMarks(t, filepath.Join(dir, "reports"), "zoe.yaml"), "points: 1") {
		t.Errorf("the other sheets are not marked:\n%s", errOut)
	}
	if code != ExitInvalid || !strings.Contains(errOut, "li.jsonl:1: its open answers cannot be marked in a JSON-lines file") ||
		!strings.Contains(errOut, "flo.yaml: a marks section cannot be added to this sheet") {
		t.Errorf("exit %d:\n%s", code, errOut)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "reports", "flo.yaml")); !bytes.Equal(got, flow) {
		t.Errorf("flo.yaml changed:\n%s", got)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "reports", "li.jsonl")); !bytes.Equal(got, lines) {
		t.Errorf("li.jsonl changed:\n%s", got)
	}
}

func mustGlob(t *testing.T, pattern string) string {
	t.Helper()
	m, _ := filepath.Glob(pattern)
	if len(m) != 1 {
		t.Fatalf("%s: %d files", pattern, len(m))
	}
	return m[0]
}

// A marks section a hand got wrong is named with its file, line and field,
// by grade as by mark.
func TestSheetBadMarksNamed(t *testing.T) {
	dir, _ := oneReport(t)
	bad := "student: Amy\nbanks: [../loop.yaml]\nanswers:\n  ussr: a union\nmarks:\n  ussr: {points: 2.3, colour: red}\n"
	os.WriteFile(filepath.Join(dir, "reports", "amy.yaml"), []byte(bad), 0o644)
	code, _, errOut := gradeIn(t, dir, "reports")
	if code != ExitInvalid || !strings.Contains(errOut, `amy.yaml:6: question "ussr": marks.points: "2.3": give 0 to 1000 points, in halves (such as 1.5)`) ||
		!strings.Contains(errOut, `amy.yaml:6: question "ussr": marks.colour: unknown field`) {
		t.Errorf("grade: exit %d:\n%s", code, errOut)
	}
	code, _, errOut = runMark(t, "", "reports", "--plain")
	if code != ExitInvalid || !strings.Contains(errOut, "amy.yaml:6") {
		t.Errorf("mark: exit %d:\n%s", code, errOut)
	}
}

// A mark above what the question is worth in the bank graded with is
// counted as its points, with a warning where it is cut (test10 W4).
func TestGradeWarnsWhereAMarkIsCapped(t *testing.T) {
	dir, _ := oneReport(t)
	os.WriteFile(filepath.Join(dir, "reports", "amy.yaml"), []byte("student: Amy\nbanks: [../loop.yaml]\nanswers:\n  ussr: a union\nmarks:\n  ussr: {points: 3, answer_sha256: e50afdfac2669f82}\n"), 0o644)
	_, out, errOut := gradeIn(t, dir, "reports")
	if !strings.Contains(errOut, `amy.yaml:6: warning: question "ussr": marked 3 points, but the question is worth 2`) || !strings.Contains(out, "2/6") {
		t.Errorf("out:\n%s\nerr:\n%s", out, errOut)
	}
}

// mark --from: the student column must be the file's student (test10 W5),
// and a file cell is found from the CSV's folder as from the current one
// (test10 B5); sheets are marked from a CSV too.
func TestMarkFromChecksStudentAndPaths(t *testing.T) {
	dir, _, _ := paperClass(t)
	_, out, _ := gradeIn(t, dir, "reports", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		h = strings.TrimPrefix(h, "\ufeff")
		col[h] = i
		if _, id, ok := strings.Cut(h, "/"); ok {
			col[id] = i // bank/id: the id is enough in this one-bank class
		}
	}
	var amyLine int
	for i, r := range rows[1:] {
		switch r[col["student"]] {
		case "Ana":
			r[col["student"]] = "Paper Ben" // a column sorted on its own
			r[col["ussr"]] = "1"
		case "Paper Amy":
			r[col["ussr"]], r[col["ussr:comment"]] = "1.5", "from the sheet"
			amyLine = i + 2
		}
	}
	var b bytes.Buffer
	csv.NewWriter(&b).WriteAll(rows)
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "marks.csv"), b.Bytes(), 0o644)

	// Run from reports/: the cells (reports/...) resolve from the CSV's folder.
	t.Chdir(filepath.Join(dir, "reports"))
	code, _, errOut := runMark(t, "", ".", "--from", "../marks.csv")
	// The one mark saved went into a sheet, and the summary says so, not
	// "saved in the reports" (teacher11 P9).
	if code != ExitInvalid || !strings.Contains(errOut, `the row names "Paper Ben" but`) || !strings.Contains(errOut, "\n1 mark read from ../marks.csv and saved in the sheets (") {
		t.Errorf("exit %d:\n%s", code, errOut)
	}
	if amyLine == 0 {
		t.Fatal("no row for Paper Amy")
	}
	got, _ := os.ReadFile("amy.yaml")
	if !strings.Contains(string(got), "comment: from the sheet") {
		t.Errorf("amy.yaml:\n%s", got)
	}
	rep, _ := os.ReadFile(mustGlob(t, "Ana-*.json"))
	if strings.Contains(string(rep), `"marks"`) && strings.Contains(string(rep), `"points": 1,`) {
		t.Errorf("Ana was marked through a row naming Paper Ben:\n%s", rep)
	}
}

// "-0" is stored as 0; a comment with control characters, which grade's CSV
// shows escaped, is not turned into its escapes when the CSV is read back
// with --remark (test10 P6, P10).
func TestMarkFromKeepsAnEscapedComment(t *testing.T) {
	dir, _, _ := paperClass(t)
	code, _, errOut := runMark(t, "-0 \x1b[31mred\x1b[0m\n", "reports", "--plain", "--student", "paper amy")
	if code != ExitOK {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "reports", "amy.yaml"))
	if !strings.Contains(string(before), "points: 0\n") || !strings.Contains(string(before), `comment: "\e[31mred\e[0m"`) {
		t.Fatalf("amy.yaml:\n%s", before)
	}
	_, out, _ := gradeIn(t, dir, "reports", "--format", "csv")
	os.WriteFile("marks.csv", []byte(out), 0o644)
	code, _, errOut = runMark(t, "", "reports", "--from", "marks.csv", "--remark")
	after, _ := os.ReadFile(filepath.Join(dir, "reports", "amy.yaml"))
	if code != ExitOK || !bytes.Equal(before, after) {
		t.Errorf("exit %d:\n%s\namy.yaml:\n%s", code, errOut, after)
	}
}

// A hostile file name reaches the terminal escaped in mark's messages.
func TestMarkEscapesFileNames(t *testing.T) {
	dir, _ := oneReport(t)
	name := filepath.Join(dir, "reports", "x\x1b]0;T\a\x1b[2K.yaml")
	os.WriteFile(name, []byte(`{student: Flo, banks: [../loop.yaml], answers: {ussr: "a union"}}`+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "reports", "y\x1b[31m.jsonl"), []byte(`{"student": "Li", "banks": ["../loop.yaml"], "answers": {"ussr": "a union"}}`+"\n"), 0o644)
	code, out, errOut := runMark(t, "1\n1\n", "reports", "--plain")
	if code != ExitInvalid || !strings.Contains(errOut, `x\x1b]0;T\x07\x1b[2K.yaml`) {
		t.Errorf("exit %d:\n%s", code, errOut)
	}
	if strings.ContainsAny(out+errOut, "\x1b\a") {
		t.Errorf("an escape reached the terminal:\n%q\n%q", out, errOut)
	}
}

// sheetMarks returns what follows "marks:" in a sheet.
func sheetMarks(t *testing.T, dir, name string) string {
	t.Helper()
	data, _ := os.ReadFile(filepath.Join(dir, name))
	_, marks, _ := strings.Cut(string(data), "marks:")
	return marks
}

// A sheet that grade reads leniently (an open answer with an unquoted colon
// and a # on the id's line) is read the same way by mark, mark --from and
// sheet --key --from: the answer is offered, the mark appended, and every
// byte the student wrote kept (teacher2 B1).
func TestMarkReadsAColonSheetAsGradeDoes(t *testing.T) {
	dir, _, _ := paperClass(t)
	os.Remove(filepath.Join(dir, "reports", "ben.json"))
	davit := []byte("student: Davit\nbanks: [../loop.yaml]\nseed: 3\nanswers:\n  capital: Baku\n  ussr: a union: 1922 # it ended: 1991\n")
	file := filepath.Join(dir, "reports", "davit.yaml")
	os.WriteFile(file, davit, 0o644)

	code, _, errOut := gradeIn(t, dir, "reports")
	if code != ExitOK || !strings.Contains(errOut, "davit.yaml:6: warning") {
		t.Fatalf("grade: exit %d:\n%s", code, errOut)
	}
	code, shown, errOut := runMark(t, "1 ok\n", "reports", "--plain", "--student", "davit", "--marker", "T")
	if code != ExitOK || strings.Contains(errOut, "mapping values") || !strings.Contains(shown, "a union: 1922 # it ended: 1991") {
		t.Fatalf("mark: exit %d:\n%s\n%s", code, shown, errOut)
	}
	got, _ := os.ReadFile(file)
	if !bytes.HasPrefix(got, davit) || !strings.Contains(string(got), "marks:\n  ussr:\n    points: 1\n    comment: ok\n") {
		t.Fatalf("davit.yaml:\n%s", got)
	}

	// mark --from reads it too, and replaces the section in place.
	_, out, _ := gradeIn(t, dir, "reports", "--format", "csv")
	rows, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
	col := map[string]int{}
	for i, h := range rows[0] {
		col[strings.TrimPrefix(h, "\ufeff")] = i
	}
	for _, r := range rows[1:] {
		if r[col["student"]] == "Davit" {
			r[col["loop/ussr"]], r[col["loop/ussr:comment"]] = "0.5", "from the CSV"
		}
	}
	var b bytes.Buffer
	csv.NewWriter(&b).WriteAll(rows)
	os.WriteFile("marks.csv", b.Bytes(), 0o644)
	code, _, errOut = runMark(t, "", "reports", "--from", "marks.csv", "--remark")
	got, _ = os.ReadFile(file)
	if code != ExitOK || !bytes.HasPrefix(got, davit) || strings.Count(string(got), "marks:") != 1 || !strings.Contains(string(got), "comment: from the CSV") {
		t.Fatalf("mark --from: exit %d:\n%s\ndavit.yaml:\n%s", code, errOut, got)
	}

	// sheet --key --from reads the same sheet.
	f, _, kout, kerr := testFactory(t)
	if code := Run(f, []string{"sheet", "--key", "--from", file}); code != ExitOK || !strings.Contains(kout.String(), "capital") {
		t.Errorf("sheet --key --from: exit %d:\n%s\n%s", code, kout, kerr)
	}

	// A line YAML refuses for another reason is still named, in plain words,
	// and nothing is written.
	bad := []byte("student: Eve\nbanks: [../loop.yaml]\nanswers:\n  capital:\n    1: [Baku\n  ussr: a union: 1922\n")
	os.WriteFile(filepath.Join(dir, "reports", "eve.yaml"), bad, 0o644)
	code, _, errOut = runMark(t, "1\n", "reports", "--plain", "--student", "eve")
	got, _ = os.ReadFile(filepath.Join(dir, "reports", "eve.yaml"))
	if code != ExitInvalid || !strings.Contains(errOut, "eve.yaml:5") || strings.Contains(errOut, "mapping values") || !bytes.Equal(got, bad) {
		t.Errorf("a broken sheet: exit %d:\n%s\n%s", code, errOut, got)
	}
}

// A multi-line open answer (under a | on a paper sheet) is shown in mark as
// lines, not as \x0a; other control characters are still escaped
// (teacher2 P3).
func TestMarkShowsAnAnswersLines(t *testing.T) {
	dir, _, _ := paperClass(t)
	os.Remove(filepath.Join(dir, "reports", "ben.json"))
	os.WriteFile(filepath.Join(dir, "reports", "amy.yaml"), []byte("student: Paper Amy\nbanks: [../loop.yaml]\nanswers:\n  ussr: |\n    A union.\n    Status: \"dissolved\\e[2J\" 1991\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "reports", "cy.yaml"), []byte("student: Cy\nbanks: [../loop.yaml]\nanswers:\n  ussr: \"one\\r\\ntwo\\e[31m\"\n"), 0o644)
	code, shown, errOut := runMark(t, "1\n1\n1\n", "reports", "--plain", "--question", "ussr")
	if code != ExitOK {
		t.Fatalf("exit %d:\n%s\n%s", code, shown, errOut)
	}
	for _, want := range []string{"  | A union.\n  | Status: \"dissolved\\e[2J\" 1991\n", "  | one\n  | two\\x1b[31m\n"} {
		if !strings.Contains(shown, want) {
			t.Errorf("mark does not show %q:\n%s", want, shown)
		}
	}
	if strings.Contains(shown, `\x0a`) || strings.Contains(shown, `\x0d`) || strings.Contains(shown, "\x1b") {
		t.Errorf("a line break shown escaped, or a raw escape sent:\n%s", shown)
	}
}

// Without --marker and $USER, a mark records the operating system's user
// name, else "teacher": never no marker (teacher2 P13).
func TestMarkerFallsBack(t *testing.T) {
	defer func(f func() string) { osUserName = f }(osUserName)
	for _, c := range []struct{ env, os, want string }{{"ana", "root", "ana"}, {" ", "lab-pc", "lab-pc"}, {"", "", "teacher"},
		// $USER trimmed and checked as --marker is (lows28).
		{"\u200bana\u200b", "root", "ana"}, {"\u200b", "lab-pc", "lab-pc"}, {"a\x1b[2Jb", "lab-pc", "lab-pc"}, {"\u3164", "\u2060", "teacher"}} {
		osUserName = func() string { return c.os }
		if got := markerName(func(string) string { return c.env }); got != c.want {
			t.Errorf("USER %q, OS user %q: marker %q, want %q", c.env, c.os, got, c.want)
		}
	}
	dir, _, _ := paperClass(t)
	osUserName = func() string { return "" }
	if code, _, errOut := runMark(t, "1\n", "reports", "--plain", "--student", "paper amy"); code != ExitOK {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "reports", "amy.yaml"))
	if !strings.Contains(string(got), "    marker: teacher\n") {
		t.Errorf("amy.yaml:\n%s", got)
	}
}

// With $USER set, the operating system is not asked for the user's name: the
// lookup reads and parses /etc/passwd, in every run of mark.
func TestMarkerNameAsksTheSystemOnlyWithoutUSER(t *testing.T) {
	defer func(f func() string) { osUserName = f }(osUserName)
	asked := 0
	osUserName = func() string { asked++; return "root" }
	if got := markerName(func(string) string { return "ana" }); got != "ana" || asked != 0 {
		t.Errorf("USER ana: marker %q, the system asked %d times, want ana and 0", got, asked)
	}
	if got := markerName(func(string) string { return "" }); got != "root" || asked != 1 {
		t.Errorf("no USER: marker %q, the system asked %d times, want root and 1", got, asked)
	}
}

// Stopping a --remark run before revising anything does not call the marked
// answers "left to mark" (teacher2 P6).
func TestRemarkStoppedSaysMarksStand(t *testing.T) {
	paperClass(t)
	if code, _, errOut := runMark(t, "1\n", "reports", "--plain", "--student", "paper amy", "--marker", "T"); code != ExitOK {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	code, _, errOut := runMark(t, "", "reports", "--plain", "--remark", "--student", "paper amy")
	if code != ExitInvalid || !strings.Contains(errOut, "0 marks given; 0 answers left to mark; 1 earlier mark kept as it was.") {
		t.Errorf("exit %d:\n%s", code, errOut)
	}
}
