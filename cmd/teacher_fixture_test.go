package cmd

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// teacherFixture is what the teacher's commands of BenchmarkStartup and
// BenchmarkCommandsInProcess work on, written by writeTeacherFixture into a
// folder: a class's real paper sheet of the comprehension bank's 40
// questions, answered, and the files of marking its open answers.
type teacherFixture struct {
	Blank  string // blank40.yaml: the blank sheet (seed 1), as handed out
	Sheet  string // ana40.yaml: Ana's answers in it, a fifth of them wrong, three open answers
	Marked string // mark/ana40.yaml: a copy of Ana's sheet, to mark (restore it with Reset)
	CSV    string // marks.csv: grade --format csv of mark/, with the three marks and comments filled in
	// Plain is what a teacher types to mark Ana's three open answers with
	// mark --plain: the points, then a comment.
	Plain string
}

// writeTeacherFixture writes a teacherFixture in dir; run runs conflictq
// there (the binary or in-process), and must succeed.
func writeTeacherFixture(tb testing.TB, dir string, run func(args ...string)) teacherFixture {
	tb.Helper()
	fx := teacherFixture{Blank: "blank40.yaml", Sheet: "ana40.yaml", Marked: filepath.Join("mark", "ana40.yaml"), CSV: "marks.csv",
		Plain: "1 clear and complete\n0.5 names the intent, not the groups\n1\n"}
	run("sheet", "--bank", "comprehension", "--seed", "1", "-o", fx.Blank)
	run("sheet", "--key", "--from", fx.Blank, "-o", "key40.yaml")
	key, err := os.ReadFile(filepath.Join(dir, "key40.yaml"))
	if err != nil {
		tb.Fatal(err)
	}
	sheet := answeredSheet(tb, key, "Ana Mammadova")
	if err := os.WriteFile(filepath.Join(dir, fx.Sheet), sheet, 0o644); err != nil {
		tb.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "mark"), 0o755); err != nil {
		tb.Fatal(err)
	}
	fx.Reset(tb, dir)
	run("grade", "mark", "--format", "csv", "-o", "blank-marks.csv")
	fillMarks(tb, filepath.Join(dir, "blank-marks.csv"), filepath.Join(dir, fx.CSV))
	return fx
}

// Reset puts Ana's unmarked sheet back in mark/, so that every run of mark
// gives the same three marks.
func (fx teacherFixture) Reset(tb testing.TB, dir string) {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(dir, fx.Sheet))
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, fx.Marked), data, 0o644)
	}
	if err != nil {
		tb.Fatal(err)
	}
}

// keyAnswer is an answer line of a key: its id and what follows the colon.
var keyAnswer = regexp.MustCompile(`^  ([a-z0-9-]+):(?: (.*))?$`)

// keyPair is a pair of a match question's key, on a line of its own.
var keyPair = regexp.MustCompile(`^    ([0-9]+): ([a-z])(?: #.*)?$`)

// answeredSheet turns a key as sheet --key writes it into a student's sheet
// as an editor leaves it: the student's name, the answers without the key's
// comments, every fifth answer wrong (another letter, the number after, the
// other truth value, a list reversed, a text the student did not know), and
// each open answer in the student's own lines under its |, shorter than the
// model answer; a match question's pairs as the sheet asks for them (1=b 2=a).
func answeredSheet(tb testing.TB, key []byte, student string) []byte {
	tb.Helper()
	lines := strings.Split(string(key), "\n")
	var out []string
	n, open := 0, 0
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.HasPrefix(l, "student:") {
			out = append(out, "student: "+strconv.Quote(student))
			continue
		}
		m := keyAnswer.FindStringSubmatch(l)
		if m == nil {
			out = append(out, l)
			continue
		}
		id, val := m[1], m[2]
		n++
		if val == ">-" || val == "|" {
			var words []string
			for i+1 < len(lines) && strings.HasPrefix(lines[i+1], "    ") {
				i++
				words = append(words, strings.Fields(lines[i])...)
			}
			open++
			words = words[:max(10, len(words)*(open+1)/4)]
			out = append(out, "  "+id+": |")
			line := "   "
			for _, w := range words {
				if len(line)+1+len(w) > 76 {
					out = append(out, line)
					line = "   "
				}
				line += " " + w
			}
			out = append(out, line)
			continue
		}
		if val == "" { // a match question: its pairs as the sheet asks for them, 1=b 2=a
			var pairs []string
			for i+1 < len(lines) && keyPair.MatchString(lines[i+1]) {
				i++
				p := keyPair.FindStringSubmatch(lines[i])
				pairs = append(pairs, p[1]+"="+p[2])
			}
			if n%5 == 0 { // the first two swapped
				pairs[0], pairs[1] = pairs[0][:len(pairs[0])-1]+pairs[1][len(pairs[1])-1:], pairs[1][:len(pairs[1])-1]+pairs[0][len(pairs[0])-1:]
			}
			out = append(out, "  "+id+": "+strings.Join(pairs, " "))
			continue
		}
		val, _, _ = strings.Cut(val, " # ")
		if n%5 == 0 {
			val = wrongAnswer(val)
		}
		out = append(out, "  "+id+": "+val)
	}
	if n != 40 || open != 3 {
		tb.Fatalf("the key has %d answers, %d open; want 40, 3", n, open)
	}
	return []byte(strings.Join(out, "\n"))
}

// wrongAnswer is an answer a student gets wrong instead of val.
func wrongAnswer(val string) string {
	switch {
	case len(val) == 1 && val >= "a" && val <= "e":
		return string("bcdab"[val[0]-'a'])
	case val == "true":
		return "false"
	case val == "false":
		return "true"
	case strings.HasPrefix(val, "["):
		items := strings.Split(strings.Trim(val, "[]"), ", ")
		for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
			items[i], items[j] = items[j], items[i]
		}
		return "[" + strings.Join(items, ", ") + "]"
	}
	if v, err := strconv.Atoi(val); err == nil {
		return strconv.Itoa(v + 1)
	}
	return "I do not know"
}

// fillMarks fills in the mark and comment of each open question in a CSV
// that grade --format csv wrote, as a teacher does in a spreadsheet, and
// saves it as from, with CRLF line ends as grade writes them.
func fillMarks(tb testing.TB, blank, from string) {
	tb.Helper()
	data, err := os.ReadFile(blank)
	if err != nil {
		tb.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	head := rows[0]
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	marks := []string{"1", "0.5", "1"}
	comments := []string{"clear and complete", "names the intent, not the groups", ""}
	filled := 0
	for _, h := range head {
		if _, ok := col[h+":answer"]; !ok {
			continue
		}
		for _, r := range rows[1:] {
			r[col[h]], r[col[h+":comment"]] = marks[filled%3], comments[filled%3]
		}
		filled++
	}
	if filled != 3 || len(rows) != 2 {
		tb.Fatalf("%s: %d open questions, %d rows; want 3 and a student's", blank, filled, len(rows)-1)
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	w.WriteAll(rows)
	if err := os.WriteFile(from, b.Bytes(), 0o644); err != nil {
		tb.Fatal(fmt.Errorf("%s: %w", from, err))
	}
}

// writeClassFolder writes a class's folder of n paper sheets, class/NN.yaml,
// in dir, each as answeredSheet makes Ana's from the key writeTeacherFixture
// wrote (key40.yaml), under a name of its own: what a teacher grades as a
// folder. It returns the folder's name.
func writeClassFolder(tb testing.TB, dir string, n int) string {
	tb.Helper()
	key, err := os.ReadFile(filepath.Join(dir, "key40.yaml"))
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "class"), 0o755); err != nil {
		tb.Fatal(err)
	}
	for i := range n {
		sheet := answeredSheet(tb, key, fmt.Sprintf("Student %02d", i+1))
		if err := os.WriteFile(filepath.Join(dir, "class", fmt.Sprintf("%02d.yaml", i+1)), sheet, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return "class"
}
