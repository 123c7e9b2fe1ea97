package cmd

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

const gradeBank = `id: b
title: B
questions:
  - {id: capital, type: single, prompt: "Capital?", choices: [Baku, Yerevan, Tbilisi], answer: Baku, explanation: E, source: {section: Introduction, paragraph: 2, quote: q}}
  - {id: year, type: numeric, prompt: "Year?", answer: 1994, explanation: E, source: {section: Introduction, paragraph: 3, quote: q}}
  - {id: essay, type: open, prompt: "Why?", model_answer: M, explanation: E, source: {section: Questions, paragraph: 1, quote: q}}
`

func gradeFixture(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "b.yaml"), []byte(gradeBank), 0o644)
	for name, body := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
	}
	t.Chdir(dir)
	return dir
}

// JUnit output must be well-formed XML in the shape CI systems read.
func TestGradeJUnitIsWellFormed(t *testing.T) {
	gradeFixture(t, map[string]string{
		"a.yaml":       "student: \"<Ana & \\\"co\\\">\"\nbanks: [b.yaml]\nanswers: {capital: Yerevan, year: 1994, essay: text}\n",
		"b.yaml2.yaml": "student: Bo\nbanks: [b.yaml]\nanswers: {capital: Baku}\n",
	})
	f, _, out, errOut := testFactory(t)
	if code := Run(f, []string{"grade", "a.yaml", "b.yaml2.yaml", "--format", "junit"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		XMLName xml.Name `xml:"testsuites"`
		Suites  []struct {
			Name     string `xml:"name,attr"`
			Tests    int    `xml:"tests,attr"`
			Failures int    `xml:"failures,attr"`
			Skipped  int    `xml:"skipped,attr"`
			Cases    []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Message string `xml:"message,attr"`
					Body    string `xml:",chardata"`
				} `xml:"failure"`
				Skipped *struct{} `xml:"skipped"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, out)
	}
	if len(doc.Suites) != 2 {
		t.Fatalf("%d suites", len(doc.Suites))
	}
	s := doc.Suites[0]
	if s.Name != `<Ana & "co">` || s.Tests != 3 || s.Failures != 1 || s.Skipped != 1 {
		t.Errorf("suite %+v", s)
	}
	if s.Cases[0].Name != "capital" || s.Cases[0].Failure == nil || !strings.Contains(s.Cases[0].Failure.Message, "reread Introduction, ¶2") {
		t.Errorf("first case %+v", s.Cases[0])
	}
	if strings.Contains(out.String(), "Baku") {
		t.Error("the right answer shows without --reveal")
	}
	// The prompt and the feedback are two lines, not one with a literal
	// \x0a a CI viewer would show (issue 10, P3).
	if f := s.Cases[0].Failure; f == nil || !strings.HasPrefix(f.Body, "Capital?\nnot right") {
		t.Errorf("failure body %q, want the prompt, a line break, the feedback", f)
	}
	if strings.Contains(out.String(), `\x0a`) {
		t.Errorf("an escaped line break in the JUnit output:\n%s", out)
	}
}

// Gradescope's results.json: score, and tests with name, score, max_score, status, output.
func TestGradeGradescopeShape(t *testing.T) {
	sheet := `{"student": "Ana", "banks": ["b.yaml"], "answers": {"capital": "c", "year": 1994}}`
	gradeFixture(t, map[string]string{"a.json": sheet, "a2.json": sheet})
	f, _, out, errOut := testFactory(t)
	if code := Run(f, []string{"grade", "a.json", "--format", "gradescope"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res struct {
		Score *float64 `json:"score"`
		Tests []struct {
			Name     string   `json:"name"`
			Score    *float64 `json:"score"`
			MaxScore *float64 `json:"max_score"`
			Status   string   `json:"status"`
		} `json:"tests"`
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	// The open question left blank is a test too: it counts 0 of its
	// point, as in the maximum (1 / 3).
	if res.Score == nil || *res.Score != 1 || len(res.Tests) != 3 {
		t.Fatalf("results.json = %s", out)
	}
	for _, tc := range res.Tests {
		if tc.Name == "" || tc.Score == nil || tc.MaxScore == nil || (tc.Status != "passed" && tc.Status != "failed") {
			t.Errorf("test entry %+v", tc)
		}
	}
	// One submission per results.json.
	f2, _, _, errOut2 := testFactory(t)
	if code := Run(f2, []string{"grade", "a.json", "a2.json", "--format", "gradescope"}); code != ExitInvalid || !strings.Contains(errOut2.String(), "one submission") {
		t.Errorf("two sheets for gradescope: exit %d, %s", code, errOut2)
	}
}

// A huge sheet is refused by its size, without being read.
func TestGradeRefusesHugeSheet(t *testing.T) {
	dir := gradeFixture(t, nil)
	huge := filepath.Join(dir, "huge.yaml")
	fh, _ := os.Create(huge)
	fh.Truncate(100 << 20) // sparse: costs no disk
	fh.Close()
	f, _, _, errOut := testFactory(t)
	if code := Run(f, []string{"grade", "huge.yaml"}); code != ExitInvalid {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(errOut.String(), "huge.yaml: file is 100.0 MB; conflictq reads files of at most 10 MB") {
		t.Errorf("stderr = %q", errOut)
	}
}

func TestSheetKeyScoresFullMarksForEveryBank(t *testing.T) {
	t.Parallel()
	for _, bank := range []string{"comprehension", "perspectives", "timeline", "discussion", "vocabulary"} {
		dir := t.TempDir()
		key := filepath.Join(dir, "key.yaml")
		f, _, _, errOut := testFactory(t)
		if code := Run(f, []string{"sheet", "--bank", bank, "--seed", "4", "--key", "-o", key}); code != 0 {
			t.Fatalf("%s: sheet exit %d: %s", bank, code, errOut)
		}
		f2, _, out, errOut2 := testFactory(t)
		if code := Run(f2, []string{"grade", key, "--format", "json"}); code != 0 {
			t.Errorf("%s: grade exit %d\n%s\n%s", bank, code, errOut2, out)
		}
		keyAllRight(t, bank, out.String())
	}
}

// Text from sheets reaches the teacher's screen escaped; JSON with a byte-order
// mark is read; Gradescope with several sheets writes nothing.
func TestGradeHostileSheets(t *testing.T) {
	gradeFixture(t, map[string]string{
		"esc.yaml":  "student: \"\\e[31mRED\\e]0;x\\a\"\nbanks: [b.yaml]\nanswers: {capital: Baku}\n",
		"bom.json":  "\ufeff{\"student\": \"Bom\", \"banks\": [\"b.yaml\"], \"answers\": {\"capital\": \"Baku\"}}",
		"back.yaml": "student: 'Ana\\Bo'\nbanks: [b.yaml]\nanswers: {capital: Baku}\n",
	})
	for _, format := range []string{"text", "markdown"} {
		f, _, out, errOut := testFactory(t)
		if code := Run(f, []string{"grade", "esc.yaml", "bom.json", "--format", format}); code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, errOut)
		}
		if strings.ContainsRune(out.String(), 0x1b) || strings.ContainsRune(out.String(), 0x07) {
			t.Errorf("%s: raw control characters reach the output: %q", format, out)
		}
		if !strings.Contains(out.String(), `x1b`) || !strings.Contains(out.String(), "Bom") {
			t.Errorf("%s: output %q", format, out)
		}
	}
	f, _, out, _ := testFactory(t)
	Run(f, []string{"grade", "back.yaml", "--format", "junit"})
	if !strings.Contains(out.String(), `<testsuite name="Ana\Bo"`) {
		t.Errorf("JUnit escaped a backslash twice: %s", out)
	}
	f, _, out, _ = testFactory(t)
	if code := Run(f, []string{"grade", "bom.json", "back.yaml", "--format", "gradescope"}); code != ExitInvalid || out.Len() != 0 {
		t.Errorf("gradescope with two sheets: exit %d, wrote %q", code, out)
	}
}

// --summary and --sums never replace a file unasked, like -o (test10 D3).
func TestGradeSummaryAndSumsRefuseToReplace(t *testing.T) {
	gradeFixture(t, map[string]string{
		"s/a.yaml":  "student: Ana\nbanks: [../b.yaml]\nanswers: {capital: Baku}\n",
		"notes.md":  "my notes\n",
		"sums.json": "keep\n",
	})
	for _, args := range [][]string{{"--summary", "notes.md"}, {"--sums", "sums.json"}} {
		f, _, _, errOut := testFactory(t)
		if code := Run(f, append([]string{"grade", "s"}, args...)); code != 2 || !strings.Contains(errOut.String(), "--force") {
			t.Errorf("%v: exit %d: %s", args, code, errOut)
		}
	}
	if b, _ := os.ReadFile("notes.md"); string(b) != "my notes\n" {
		t.Errorf("notes.md replaced: %q", b)
	}
	if b, _ := os.ReadFile("sums.json"); string(b) != "keep\n" {
		t.Errorf("sums.json replaced: %q", b)
	}
	f, _, _, errOut := testFactory(t)
	if code := Run(f, []string{"grade", "s", "--summary", "notes.md", "--force"}); code != 0 {
		t.Errorf("--force: exit %d: %s", code, errOut)
	}
}

// keyAllRight checks that a key graded as JSON has every question right but
// the open ones, which wait for a teacher's mark (and count 0 until then, in
// a maximum that counts every question: teacher2 A4).
func keyAllRight(t *testing.T, name, out string) {
	t.Helper()
	var rows []struct {
		Questions []struct{ ID, State string }
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != 1 {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
	for _, q := range rows[0].Questions {
		if q.State != "right" && q.State != "to mark" {
			t.Errorf("%s: the key's %s is %s", name, q.ID, q.State)
		}
	}
}

// attack11 #10: without --format, -o's extension names the format from the
// one table: r.xml is JUnit (what a CI reads under that name), r.csv CSV;
// another extension is the text table; --format wins over the extension.
func TestGradeOutputExtensionNamesTheFormat(t *testing.T) {
	gradeFixture(t, map[string]string{
		"a.yaml": "student: Ana\nbanks: [b.yaml]\nanswers: {capital: Baku, year: 1994}\n",
	})
	for _, tc := range []struct {
		args []string
		file string
		want string
	}{
		{[]string{"-o", "r.xml"}, "r.xml", "<testsuites"},
		{[]string{"-o", "r.CSV"}, "r.CSV", "student,"},
		{[]string{"-o", "r.out"}, "r.out", "Ana"},
		{[]string{"-o", "t.xml", "--format", "text"}, "t.xml", "Ana"},
		{[]string{"-o", "x.xml", "--format", "xml"}, "x.xml", "<testsuites"},
	} {
		f, _, _, errOut := testFactory(t)
		if code := Run(f, append([]string{"grade", "a.yaml"}, tc.args...)); code != 0 {
			t.Fatalf("%v: exit %d: %s", tc.args, code, errOut)
		}
		data, _ := os.ReadFile(tc.file)
		if !strings.Contains(string(data), tc.want) {
			t.Errorf("%v wrote:\n%s\nwant %q in it", tc.args, data, tc.want)
		}
		if tc.want == "Ana" && strings.Contains(string(data), "<") {
			t.Errorf("%v wrote XML, want the text table:\n%s", tc.args, data)
		}
	}
}

// Only the real program's grade holds the heap near a fixed size: the
// collector's settings are the process's, and a test or benchmark that ran
// grade in-process had them during its run (and any test running beside
// it), so BenchmarkCommandsInProcess/grade measured another program.
func TestGradeSetsTheCollectorOnlyInTheRealProgram(t *testing.T) {
	gradeFixture(t, map[string]string{"a.yaml": "student: Ana\nbanks: [b.yaml]\nanswers: {capital: Yerevan}\n"})
	for _, real := range []bool{false, true} {
		f, _, _, errOut := testFactory(t)
		f.BatchMemory = real
		var during int
		library := f.Library
		f.Library = func() *quiz.Library {
			during = debug.SetGCPercent(-1) // what grade set, read and put back
			debug.SetGCPercent(during)
			return library()
		}
		before := debug.SetGCPercent(100)
		debug.SetGCPercent(before)
		if code := Run(f, []string{"grade", "a.yaml"}); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		after := debug.SetGCPercent(100)
		debug.SetGCPercent(after)
		if want := map[bool]int{false: before, true: -1}[real]; during != want || after != before {
			t.Errorf("BatchMemory %v: GC percent %d during grade (want %d), %d after (want %d)", real, during, want, after, before)
		}
	}
	if !NewFactory().BatchMemory {
		t.Error("the real program's factory does not set BatchMemory")
	}
}
