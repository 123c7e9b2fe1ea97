package cmd

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// selfCheckBank is the two-question open bank of self_check.txtar.
const selfCheckBank = `id: open
title: Open questions
questions:
  - id: ussr
    type: open
    prompt: What was the Soviet Union?
    model_answer: A federation of 15 republics, 1922-1991.
    key_points: [founded 1922, 15 republics, dissolved 1991]
    explanation: The article's own first question.
    source: {section: Questions, paragraph: 1, quote: "What was the Soviet Union?"}
    tags: [vocabulary]
`

// selfCheckReport takes the quiz in dir as Ana, ticking key points 1 and 3,
// and returns the report's path; the bank is dir/open.yaml.
func selfCheckReport(t *testing.T) (dir, file string) {
	t.Helper()
	dir = t.TempDir()
	t.Chdir(dir)
	os.WriteFile("open.yaml", []byte(selfCheckBank), 0o644)
	os.Mkdir("r", 0o755)
	f, in, _, errOut := testFactory(t)
	in.WriteString("A union.\n1,3\n")
	if code := Run(f, []string{"quiz", "--plain", "--bank", "open.yaml", "--seed", "2", "--student", "Ana", "-o", "r/ana.json"}); code != 0 {
		t.Fatalf("quiz: exit %d: %s", code, errOut)
	}
	return dir, filepath.Join(dir, "r", "ana.json")
}

var selfCheckPoints = regexp.MustCompile(`"self_check_points": \[[^\]]*\]`)

// mark reads a report whose self_check_points was edited by hand as grade
// does: what is not a key point's number is passed over, with a warning
// naming the file and the field, and the answer is still marked, in the
// terminal and from a CSV (attack6 #4). The line it shows lists each key
// point once, never more than the key has, and never the numbers that are
// no key point (attack6 #5).
func TestMarkReadsAHandEditedSelfCheck(t *testing.T) {
	for _, tt := range []struct {
		value, says string
		warns       bool
	}{
		{`[1.5, 2.0]`, "0 of 3 key points", true},
		{`[99999999999999999999]`, "0 of 3 key points", true},
		{`[true]`, "0 of 3 key points", true},
		{`[[1], [2, 3]]`, "0 of 3 key points", true},
		{`[1, "x", 2.5, null, 3]`, "2 of 3 key points (1, 3)", true},
		{`{"a": 1}`, "!no", true},
		{`"1,3"`, "!no", true},
		{`[1, 1, 1]`, "1 of 3 key points (1)", true},
		{`[-1, -5]`, "0 of 3 key points", true},
		{`[4, 7, 1]`, "1 of 3 key points (1); 2 numbers that are no key point", false},
		{`null`, "!no", false},
	} {
		t.Run(tt.value, func(t *testing.T) {
			_, file := selfCheckReport(t)
			data, _ := os.ReadFile(file)
			if !selfCheckPoints.Match(data) {
				t.Fatalf("no self_check_points in\n%s", data)
			}
			os.WriteFile(file, selfCheckPoints.ReplaceAll(data, []byte(`"self_check_points": `+tt.value)), 0o644)

			f, in, out, errOut := testFactory(t)
			in.WriteString("1 fair\n")
			if code := Run(f, []string{"mark", "--plain", "--question", "ussr", "r"}); code != 0 {
				t.Fatalf("mark: exit %d\n%s", code, errOut)
			}
			want := "Covered, says the student: " + tt.says + "   | "
			if yesNo, ok := strings.CutPrefix(tt.says, "!"); ok { // only the yes or no is left
				want = "Covered the key points, says the student: " + yesNo + "   | "
			}
			if !strings.Contains(strings.ReplaceAll(out.String(), "\n", " "), want) { // wrapped at 80 columns
				t.Errorf("want %q in\n%s", want, out)
			}
			// The warning names the field's own line, not line 1 (attack7 G).
			edited, _ := os.ReadFile(file)
			line := 1 + bytes.Count(edited[:bytes.Index(edited, []byte(`"self_check_points"`))], []byte("\n"))
			if line < 10 {
				t.Fatalf("self_check_points on line %d: the report's layout changed", line)
			}
			warned := strings.Contains(errOut.String(), fmt.Sprintf("r/ana.json:%d: warning: question \"ussr\": questions[0].self_check_points: ", line))
			if warned != tt.warns {
				t.Errorf("warned %v, want %v:\n%s", warned, tt.warns, errOut)
			}
			if !strings.Contains(errOut.String(), "1 mark given") {
				t.Errorf("not marked:\n%s", errOut)
			}

			// The same report marked from a CSV: the mark is saved.
			f, _, out, errOut = testFactory(t)
			if code := Run(f, []string{"grade", "r", "--format", "csv"}); code != 0 {
				t.Fatalf("grade: exit %d\n%s", code, errOut)
			}
			rows, _ := csv.NewReader(strings.NewReader(out.String())).ReadAll()
			col := map[string]int{}
			for i, h := range rows[0] {
				col[h] = i
			}
			rows[1][col["open/ussr"]] = "0.5"
			var b bytes.Buffer
			csv.NewWriter(&b).WriteAll(rows)
			os.WriteFile("marks.csv", b.Bytes(), 0o644)
			f, _, _, errOut = testFactory(t)
			if code := Run(f, []string{"mark", "r", "--from", "marks.csv", "--remark"}); code != 0 || !strings.Contains(errOut.String(), "1 mark read from marks.csv") {
				t.Errorf("mark --from: exit %d\n%s", code, errOut)
			}
			if after, _ := os.ReadFile(file); !bytes.Contains(after, []byte(`"points": 0.5`)) {
				t.Errorf("the mark is not in the report:\n%s", after)
			}
		})
	}
}

// When the bank changed since the quiz, mark says so, once per bank, as
// grade does, and shows the student's ticks as the key points were then,
// not against today's as if they matched (attack6 #3).
func TestMarkSaysTheBankChanged(t *testing.T) {
	_, file := selfCheckReport(t)
	writeReportCopy := func(name string) {
		data, _ := os.ReadFile(file)
		os.WriteFile(filepath.Join("r", name), bytes.ReplaceAll(data, []byte(`"Ana"`), []byte(`"Bo"`)), 0o644)
	}
	writeReportCopy("bo.json")
	os.WriteFile("open.yaml", []byte(strings.Replace(selfCheckBank, "[founded 1922,", "[a capital in Moscow, founded 1922,", 1)), 0o644)

	f, in, out, errOut := testFactory(t)
	in.WriteString("\n\n")
	if code := Run(f, []string{"mark", "--plain", "--question", "ussr", "r"}); code != 0 {
		t.Fatalf("mark: exit %d\n%s", code, errOut)
	}
	if n := strings.Count(errOut.String(), "warning: bank open changed since this quiz was taken"); n != 1 {
		t.Errorf("said %d times that the bank changed:\n%s", n, errOut)
	}
	flat := strings.ReplaceAll(out.String(), "\n", " ") // wrapped at 80 columns
	if want := "Covered, says the student: key points (1, 3), as the question was then (it has changed since; it has 4 now) "; strings.Count(flat, want) != 2 {
		t.Errorf("want %q twice in\n%s", want, out)
	}
	if strings.Contains(out.String(), "2 of 4 key points") {
		t.Errorf("the ticks are shown against the new key points:\n%s", out)
	}
}

// When another question of the bank changed, this one's ticks are shown
// against its key points as they are: they did not move (attack7 G). The
// bank's change is still said, once. A report from before questions had
// their digests says the bank changed, unless the prompt or model answer it
// kept shows the question did.
func TestMarkJudgesEachQuestionWhenItsBankChanged(t *testing.T) {
	two := selfCheckBank + `  - id: other
    type: open
    prompt: What did you make of the article?
    model_answer: Any view, argued from the text.
    key_points: [a view, a reason, a quote]
    explanation: The article's own last question.
    source: {section: Questions, paragraph: 1, quote: "What was the Soviet Union?"}
    tags: [vocabulary]
`
	for _, tt := range []struct {
		name, from, to string
		old            bool // the report's question digests taken out
		want           string
	}{
		{"another question changed", "What did you make of", "What did you think of", false, "Covered, says the student: 2 of 3 key points (1, 3) "},
		{"an old report, another question changed", "What did you make of", "What did you think of", true, "Covered, says the student: key points (1, 3), as the question was then (its bank has changed since; it has 3 now) "},
		{"an old report, this prompt changed", "What was the Soviet Union?\n", "What was the USSR?\n", true, "Covered, says the student: key points (1, 3), as the question was then (it has changed since; it has 3 now) "},
		{"this question's key points changed", "[founded 1922,", "[founded in 1922,", false, "Covered, says the student: key points (1, 3), as the question was then (it has changed since; it has 3 now) "},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			os.WriteFile("open.yaml", []byte(two), 0o644)
			os.Mkdir("r", 0o755)
			f, in, _, errOut := testFactory(t)
			in.WriteString("A union.\n1,3\nA union.\n1,3\n")
			if code := Run(f, []string{"quiz", "--plain", "--bank", "open.yaml", "--seed", "2", "--student", "Ana", "-o", "r/ana.json"}); code != 0 {
				t.Fatalf("quiz: exit %d: %s", code, errOut)
			}
			data, _ := os.ReadFile("r/ana.json")
			if n := bytes.Count(data, []byte(`"digest": "`)); n != 2 {
				t.Fatalf("%d question digests in the report:\n%s", n, data)
			}
			if tt.old {
				data = regexp.MustCompile(`\s*"digest": "[0-9a-f]+",`).ReplaceAll(data, nil)
				os.WriteFile("r/ana.json", data, 0o644)
			}
			edited := strings.Replace(two, tt.from, tt.to, 1)
			if edited == two {
				t.Fatalf("%q is not in the bank", tt.from)
			}
			os.WriteFile("open.yaml", []byte(edited), 0o644)

			f, in, out, errOut := testFactory(t)
			in.WriteString("\n")
			if code := Run(f, []string{"mark", "--plain", "--question", "ussr", "r"}); code != 0 {
				t.Fatalf("mark: exit %d\n%s", code, errOut)
			}
			if n := strings.Count(errOut.String(), "warning: bank open changed since this quiz was taken"); n != 1 {
				t.Errorf("said %d times that the bank changed:\n%s", n, errOut)
			}
			if flat := strings.ReplaceAll(out.String(), "\n", " "); !strings.Contains(flat, tt.want) {
				t.Errorf("want %q in\n%s", tt.want, out)
			}
		})
	}
}
