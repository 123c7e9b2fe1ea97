package cmd

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/marking"
	"github.com/conflictq/conflictq/quiz/report"
)

// The classroom loop end to end: a class takes a quiz into reports/, the
// teacher grades the reports with a few paper sheets in every format, marks
// the open answers, and grades again.

const loopBank = `id: loop
title: Classroom loop
questions:
  - {id: capital, type: single, prompt: "Capital of Azerbaijan?", choices: [Baku, Yerevan, Tbilisi, Ganja], answer: Baku, explanation: Baku is the capital., source: {section: Introduction, paragraph: 2, quote: "Azeris around the world"}}
  - {id: indep, type: truefalse, prompt: "Both became independent in 1991.", answer: true, explanation: Both left the USSR in 1991., source: {section: UN resolution, paragraph: 3, quote: "won independence from the Soviet Union in 1991"}}
  - {id: town, type: short, prompt: "Which town?", accept: [Khojaly, Xocalı], explanation: Khojaly (Xocalı)., source: {section: Introduction, paragraph: 3, quote: "in the town of Khojaly"}}
  - {id: year, type: numeric, prompt: "Ceasefire year?", answer: 1994, explanation: May 1994., source: {section: UN resolution, paragraph: 1, quote: "Since a 1994 ceasefire"}}
  - {id: ussr, type: open, points: 2, prompt: "What was the Soviet Union?", model_answer: "A union of 15 republics.", key_points: [1922, 1991], explanation: The article asks it., source: {section: Questions, paragraph: 1, quote: "What was the Soviet Union?"}}
`

const loopSeed = 3

// loopFactory is a test factory whose clock moves on a second a call, so that
// every report gets a name of its own.
func loopFactory(t *testing.T) (*Factory, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	f, in, out, errOut := testFactory(t)
	var mu sync.Mutex
	now := time.Date(2026, 2, 26, 9, 0, 0, 0, time.UTC)
	f.Now = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(time.Second)
		return now
	}
	return f, in, out, errOut
}

// takeQuiz runs conflictq quiz --plain in exam mode for one student, feeding
// the answers in the order the seed asks the questions; stopAfter > 0 ends the
// input after that many answers.
func takeQuiz(t *testing.T, dir, bankFile, student string, right bool, openAnswer string, stopAfter int) int {
	t.Helper()
	b, _, err := quiz.ParseBank(bankFile, []byte(loopBank))
	if err != nil {
		t.Fatal(err)
	}
	questions, _ := quiz.Select([]*quiz.Bank{b}, quiz.Filter{}, loopSeed)
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
			lines = append(lines, map[bool]string{true: "1,994", false: "1992"}[right])
		case "ussr":
			lines = append(lines, openAnswer)
		}
	}
	if stopAfter > 0 {
		lines = lines[:stopAfter]
	} else {
		lines = append(lines, "y") // the self-assessment in the review
	}
	f, in, _, _ := loopFactory(t)
	in.WriteString(strings.Join(lines, "\n") + "\n")
	return Run(f, []string{"quiz", "--plain", "--bank", bankFile, "--mode", "exam", "--seed", fmt.Sprint(loopSeed),
		"--student", student, "--report-dir", filepath.Join(dir, "reports")})
}

// makeClass writes 30 quiz reports (one stopped on the second question) and 5
// sheets (two with an unreadable answer, one that cannot be read at all).
func makeClass(t *testing.T) (dir, bankFile string) {
	t.Helper()
	dir = t.TempDir()
	bankFile = filepath.Join(dir, "loop.yaml")
	if err := os.WriteFile(bankFile, []byte(loopBank), 0o644); err != nil {
		t.Fatal(err)
	}
	for i := range 30 {
		stop := 0
		if i == 2 {
			stop = 2
		}
		code := takeQuiz(t, dir, bankFile, fmt.Sprintf("Student %02d", i+1), i%3 != 0, fmt.Sprintf("Answer %d: a union, 1922 to 1991.", i+1), stop)
		if want := map[bool]int{true: ExitInvalid, false: ExitOK}[stop > 0]; code != want {
			t.Fatalf("student %d: exit %d, want %d", i+1, code, want)
		}
	}
	sheets := map[string]string{
		"paper-ana.yaml": "student: Paper Ana\nbanks: [../loop.yaml]\nanswers:\n  capital: Baku\n  indep: true\n  town: Khojaly\n  year: 1994\n  ussr: A union of republics.\n",
		"paper-bo.yaml":  "student: Paper Bo\nbanks: [../loop.yaml]\nanswers:\n  capital: 2\n  indep: false\n",
		"paper-cem.yaml": "student: Paper Cem\nbanks: [../loop.yaml]\nanswers:\n  capital: Baku\n  indep: ture\n  year: twenty\n",
		"paper-dan.yaml": "student: Paper Dan\nbanks: [../loop.yaml]\nanswers:\n  capital: 613 civillians\n  indep: true\n",
		"paper-eve.yaml": "student: Paper Eve\nanswers: [broken\n",
	}
	for name, s := range sheets {
		if err := os.WriteFile(filepath.Join(dir, "reports", name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, bankFile
}

// grade runs conflictq grade in dir and returns its exit code, output and errors.
func gradeIn(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	f, _, out, errOut := testFactory(t)
	t.Chdir(dir)
	code := Run(f, append([]string{"grade"}, args...))
	return code, out.String(), errOut.String()
}

func TestClassLoop(t *testing.T) {
	schemas, _ := filepath.Abs(filepath.Join("..", "quiz", "grade", "testdata", "junit"))
	dir, _ := makeClass(t)
	reports, _ := filepath.Glob(filepath.Join(dir, "reports", "*.json"))
	if len(reports) != 30 {
		t.Fatalf("%d reports, want 30", len(reports))
	}

	t.Run("an exam stopped on question 2 shows nothing of the rest", func(t *testing.T) {
		files, _ := filepath.Glob(filepath.Join(dir, "reports", "Student-03-*.json"))
		if len(files) != 1 {
			t.Fatalf("Student 03's reports: %v", files)
		}
		data, _ := os.ReadFile(files[0])
		rep, err := report.Read("s3", data)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Status != quiz.Incomplete {
			t.Fatalf("status %s", rep.Status)
		}
		for i, q := range rep.Questions {
			shown := i < 3 // two answered, and the third on screen when input ended
			if shown != (q.Expected != "") || shown == q.Unseen {
				t.Errorf("question %d (%s): expected %q, unseen %v", i+1, q.ID, q.Expected, q.Unseen)
			}
		}
		if !strings.Contains(string(data), `"bank_digests"`) || rep.SchemaVersion != 2 {
			t.Error("a report without its bank's digest")
		}
	})

	for _, format := range []string{"text", "json", "csv", "junit", "markdown", "html"} {
		t.Run("every format: "+format, func(t *testing.T) {
			code, out, errOut := gradeIn(t, dir, "reports", "--format", format, "--summary", "stats-"+format+".json", "--force")
			if code != ExitInvalid {
				t.Errorf("exit %d, want 2 (a sheet could not be read)", code)
			}
			for _, want := range []string{"reports/paper-cem.yaml:5: question \"indep\"", "reports/paper-eve.yaml", "1 of 35 sheets could not be read"} {
				if !strings.Contains(errOut, want) {
					t.Errorf("stderr lacks %q:\n%s", want, errOut)
				}
			}
			for _, want := range []string{"unreadable", "incomplete", "Student 30", "Paper Ana"} {
				if !strings.Contains(out, want) {
					t.Errorf("%s output lacks %q", format, want)
				}
			}
			if format == "json" {
				var results []struct {
					Student, Status, File string
					Questions             []struct{ ID, State, Unreadable string }
				}
				if err := json.Unmarshal([]byte(out), &results); err != nil {
					t.Fatal(err)
				}
				if len(results) != 35 {
					t.Errorf("%d results, want 35 (one for the unreadable sheet)", len(results))
				}
				for _, r := range results {
					if r.Student == "Paper Cem" && (r.Status != "unreadable" || r.Questions[1].Unreadable != "ture") {
						t.Errorf("Paper Cem: %+v", r)
					}
				}
			}
			var stats struct{ Count int }
			data, _ := os.ReadFile(filepath.Join(dir, "stats-"+format+".json"))
			if json.Unmarshal(data, &stats); stats.Count != 34 {
				t.Errorf("--summary counts %d sheets, want 34", stats.Count)
			}
		})
	}

	t.Run("csv: question order, open answers, CRLF", func(t *testing.T) {
		_, out, _ := gradeIn(t, dir, "reports", "--format", "csv")
		if strings.Count(out, "\r\n") != 36 || strings.Count(out, "\n") != 36 {
			t.Errorf("want 36 CRLF lines, got %d CRLF in %d lines", strings.Count(out, "\r\n"), strings.Count(out, "\n"))
		}
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		b, _, _ := quiz.ParseBank("loop.yaml", []byte(loopBank))
		var want []string
		for _, q := range b.Questions { // the bank's order, whatever order each student was asked in
			want = append(want, "loop/"+q.ID)
			if q.Type == quiz.Open {
				want = append(want, "loop/"+q.ID+":answer", "loop/"+q.ID+":comment")
			}
		}
		if got := strings.Join(rows[0][8:], ","); got != strings.Join(want, ",") {
			t.Errorf("columns %s, want the bank's order: %s", got, strings.Join(want, ","))
		}
		if !strings.Contains(out, "Answer 7: a union, 1922 to 1991.") {
			t.Error("the open answers' text is not in the CSV")
		}
	})

	t.Run("junit validates against both schemas", func(t *testing.T) {
		xmllint, err := exec.LookPath("xmllint")
		if err != nil {
			if os.Getenv("CI") != "" {
				t.Fatal("xmllint (Debian's libxml2-utils) is missing under CI; .ci/run installs it")
			}
			t.Skip("xmllint (Debian's libxml2-utils) is not installed; .ci/run installs it under CI")
		}
		_, out, _ := gradeIn(t, dir, "reports", "--format", "junit")
		file := filepath.Join(t.TempDir(), "junit.xml")
		os.WriteFile(file, []byte(out), 0o644)
		for _, xsd := range []string{"jenkins-junit-10.xsd", "windyroad-JUnit.xsd"} {
			schema := filepath.Join(schemas, xsd)
			if msg, err := exec.Command(xmllint, "--noout", "--schema", schema, file).CombinedOutput(); err != nil {
				t.Errorf("%s: %v\n%s", xsd, err, msg)
			}
		}
		if !strings.Contains(out, `type="unreadable-sheet"`) || !strings.Contains(out, `errors="1"`) {
			t.Error("the unreadable sheet is not a suite in error")
		}
	})

	t.Run("gradescope: an unreadable sheet still gives results.json", func(t *testing.T) {
		code, out, _ := gradeIn(t, dir, "reports/paper-eve.yaml", "--format", "gradescope")
		var res struct {
			Score  float64
			Output string
			Tests  []any
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil || code != ExitInvalid {
			t.Fatalf("exit %d, %v:\n%s", code, err, out)
		}
		if res.Score != 0 || !strings.Contains(res.Output, "could not be read") || !strings.Contains(res.Output, "paper-eve.yaml") || res.Tests == nil {
			t.Errorf("results.json %+v", res)
		}
	})

	t.Run("mark --plain, then again: marked answers are skipped", func(t *testing.T) {
		f, in, out, errOut := testFactory(t)
		t.Chdir(dir)
		in.WriteString("2 clear\n\n1.5\n3\n0.5 dates wrong\n")
		if code := Run(f, []string{"mark", "reports", "--plain", "--marker", "T"}); code != ExitInvalid {
			t.Fatalf("exit %d, want 2 (input ended):\n%s", code, errOut)
		}
		if !strings.Contains(out.String(), `  "3": give 0 to 2 points, in halves (such as 1.5).`) || !strings.Contains(errOut.String(), "3 marks given") {
			t.Errorf("out:\n%s\nerr:\n%s", out, errOut)
		}
		_, js, _ := gradeIn(t, dir, "reports", "--format", "json")
		if strings.Count(js, `"state":"marked"`) != 3 || !strings.Contains(js, `"comment":"dates wrong"`) {
			t.Errorf("the grade does not show the 3 marks")
		}
		f, in, out, _ = testFactory(t)
		in.WriteString("1\n")
		Run(f, []string{"mark", "reports", "--plain"})
		// In grade's order: Paper Ana (marked 2), Student 01 (left
		// unmarked), Student 02 (1.5), Student 03 (0.5, after 3 was refused).
		if !strings.Contains(out.String(), "Answer 1 of 27: Student 01") {
			t.Errorf("a rerun should start at the first answer not marked (Student 01, left unmarked):\n%.600s", out)
		}
	})

	t.Run("mark --from the grade's CSV", func(t *testing.T) {
		_, out, _ := gradeIn(t, dir, "reports", "--format", "csv")
		rows, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		for _, r := range rows[1:] {
			if r[col["student"]] == "Student 10" {
				r[col["loop/ussr"]], r[col["loop/ussr:comment"]] = "1,5", "=good; dates missing"
			}
			if r[col["student"]] == "Student 11" {
				r[col["loop/ussr"]] = "7"
			}
		}
		var b bytes.Buffer
		csv.NewWriter(&b).WriteAll(rows)
		os.WriteFile(filepath.Join(dir, "marks.csv"), b.Bytes(), 0o644)
		f, _, _, errOut := testFactory(t)
		code := Run(f, []string{"mark", "reports", "--from", "marks.csv"})
		if code != ExitInvalid || !strings.Contains(errOut.String(), "marks.csv:17: question \"loop/ussr\"") || !strings.Contains(errOut.String(), "give 0 to 2 points") {
			t.Errorf("exit %d:\n%s", code, errOut)
		}
		// One of each, in the singular (teacher3 P9: "1 marks read").
		for _, want := range []string{"1 mark read from marks.csv and saved", "1 mark could not be used"} {
			if !strings.Contains(errOut.String(), want) {
				t.Errorf("want %q in:\n%s", want, errOut)
			}
		}
		_, js, _ := gradeIn(t, dir, "reports", "--format", "json")
		if !strings.Contains(js, `"points":1.5,"comment":"=good; dates missing"`) {
			t.Error("the spreadsheet's mark is not in the report")
		}
	})

	t.Run("two mark runs never lose a mark", func(t *testing.T) {
		listed, _ := marking.List([]string{filepath.Join(dir, "reports")})
		unlock, err := marking.Lock(listed.Files, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		f, in, _, errOut := testFactory(t)
		in.WriteString("1\n")
		if code := Run(f, []string{"mark", filepath.Join(dir, "reports"), "--plain"}); code != ExitInvalid || !strings.Contains(errOut.String(), "another conflictq mark is marking these reports") {
			t.Errorf("a second run: exit %d\n%s", code, errOut)
		}
		unlock()
		// Two runs at once: one marks, the other refuses or finds nothing
		// left; every mark given is in the reports.
		var wg sync.WaitGroup
		codes := make([]int, 2)
		for i := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				f, in, _, _ := testFactory(t)
				in.WriteString(strings.Repeat("1\n", 40))
				codes[i] = Run(f, []string{"mark", filepath.Join(dir, "reports"), "--plain"})
			}()
		}
		wg.Wait()
		_, js, _ := gradeIn(t, dir, "reports", "--format", "json")
		var results []struct{ File, Status string }
		json.Unmarshal([]byte(js), &results)
		for _, r := range results {
			if strings.HasSuffix(r.File, ".json") && r.Status == "to mark" { // a paper sheet has nowhere to keep a mark
				t.Errorf("%s left unmarked after two runs (exit %v)", r.File, codes)
			}
		}
	})
}
