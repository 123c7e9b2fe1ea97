package sheet

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/cost"
)

// Issue 14, items 5 and 10: a YAML file of several documents is refused at
// the second one, and one with more lines and commas than a person writes is
// refused before its node tree is built.
func TestReadYAMLLimits(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"two.yaml", "student: A\nanswers: {}\n---\nstudent: B\nanswers: {}\n", "two.yaml:3: a second YAML document starts here"},
		{"lines.yaml", `{"student": "A", "answers": {}}` + "\n" + `{"student": "B", "answers": {}}` + "\n", "lines.yaml:2: a second YAML document starts here"},
		{"big.yaml", "student: A\nanswers:\n" + strings.Repeat("  q: x\n", 100_000), "big.yaml: 100003 lines and commas: conflictq reads YAML files of at most 100000"},
		{"flow.yaml", "answers: {" + strings.Repeat("q: x, ", 100_000) + "}\n", "lines and commas"},
	} {
		_, err := Read(tc.name, 0, []byte(tc.data))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v; want %q", tc.name, err, tc.want)
		}
	}
	// A trailing --- holds no second sheet.
	if _, err := Read("end.yaml", 0, []byte("student: A\nanswers: {}\n---\n")); err != nil {
		t.Errorf("end.yaml: %v", err)
	}
	// MaxAnswers answers are read; one more is refused, in YAML and JSON.
	for _, n := range []int{MaxAnswers, MaxAnswers + 1} {
		var y, j strings.Builder
		y.WriteString("student: A\nanswers:\n")
		j.WriteString(`{"answers": {`)
		for i := range n {
			fmt.Fprintf(&y, "  q%d: x\n", i)
			fmt.Fprintf(&j, `"q%d": "x", `, i)
		}
		j.WriteString(`"z": "x"}}`)
		_, yerr := Read("n.yaml", 0, []byte(y.String()))
		_, jerr := Read("n.json", 0, []byte(j.String()))
		if n == MaxAnswers && yerr != nil {
			t.Errorf("%d answers: %v", n, yerr)
		}
		if n > MaxAnswers && (yerr == nil || jerr == nil || jerr.Error() != "n.json:1: answers: 10002 answers; a sheet holds at most 10000" || !strings.Contains(yerr.Error(), "answers: 10001 answers; a sheet holds at most 10000")) {
			t.Errorf("%d answers: %v; %v", n, yerr, jerr)
		}
	}
}

// test14 item 1: an alias bomb (aliases of aliases, 900 bytes) is refused at
// once, wherever it sits, instead of expanding to gigabytes; a bank's reader
// and a sheet's share the check in yamlnode.Parse.
func TestReadYAMLAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString(`a0: &a0 ["xxxxxxxxxxxxxxxx","xxxxxxxxxxxxxxxx"]` + "\n")
	for i := 1; i < 40; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [*a%d,*a%d]\n", i, i, i-1, i-1)
	}
	b.WriteString("student: bomb\nbanks: [comprehension]\nanswers:\n  q: 1\n")
	start := time.Now()
	_, err := Read("bomb.yaml", 0, []byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "bomb.yaml: aliases expand this file") {
		t.Errorf("bomb: %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("bomb took %v", d)
	}
	// An alias inside the node it names.
	if _, err := Read("self.yaml", 0, []byte("a: &x [1, *x]\nstudent: s\nanswers: {}\n")); err == nil {
		t.Error("self.yaml: read")
	}
	// Ordinary aliases are read.
	if _, err := Read("ok.yaml", 0, []byte("x: &x [a, b]\ny: *x\nstudent: s\nanswers:\n  q: *x\n")); err != nil && strings.Contains(err.Error(), "alias") {
		t.Errorf("ok.yaml: %v", err)
	}
}

// A quote or list left open, then thousands of lines (comments, text at
// column 0 or indented) before the next answer and a colon answer: the
// repair pass reads the lines once, not once per line (30,000 lines took
// 20 to 30 s when each line joined and scanned all those above it).
func TestOpenQuoteOverManyLinesIsLinear(t *testing.T) {
	for name, body := range map[string]string{
		"comments": strings.Repeat("  # a comment line here\n", 30_000),
		"indented": strings.Repeat("    more text here\n", 30_000),
		"column 0": strings.Repeat("more text here\n", 30_000),
	} {
		for _, open := range []string{`"x`, `[x,`} {
			start := time.Now()
			_, _ = Read("p.yaml", 0, []byte("student: A\nanswers:\n  a: "+open+"\n"+body+"  b: c: d\n"))
			if d := time.Since(start); d > 10*time.Second { // under 1 s each, with -race on a busy machine
				t.Errorf("%s, %s: %v", name, open, d)
			}
		}
	}
}

// attack17 F3: marks within the limits whose fields are all unknown make a
// problem each, of which the first MaxProblems are listed and the rest
// counted, alike in YAML, JSON and JSON lines; reading them costs a few
// times the input, not a message and a field tree a hundred times its size
// (10,000 marks of 100 fields took 583 MB and 4 s).
func TestReadMarksOfUnknownFields(t *testing.T) {
	const marks = 900 // YAML's lines and commas stay under quiz.MaxYAMLItems
	var y, j strings.Builder
	y.WriteString("student: A\nanswers: {}\nmarks:\n")
	j.WriteString(`{"student": "A", "answers": {}, "marks": {`)
	for i := range marks {
		sep := ", "
		if i == 0 {
			sep = ""
		}
		fmt.Fprintf(&y, "  q%d: {", i)
		fmt.Fprintf(&j, `%s"q%d": {`, sep, i)
		for f := range MaxMarkFields {
			sep := ", "
			if f == 0 {
				sep = ""
			}
			fmt.Fprintf(&y, "%spoints%d: 1", sep, f)
			fmt.Fprintf(&j, `%s"points%d": 1`, sep, f)
		}
		y.WriteString("}\n")
		j.WriteString("}")
	}
	j.WriteString("}}")
	want := func(file string, line int) (first, last string) {
		return fmt.Sprintf(`%s:%d: question "q0": marks.points0: unknown field (did you mean "points"?); a mark has points, comment, marker, time, answer_sha256`, file, line),
			fmt.Sprintf("%s: ... and %s more", file, "89,800")
	}
	for _, tc := range []struct {
		file       string
		line, at   int
		data       string
		allocLimit int // bytes
	}{
		{"s.yaml", 0, 4, y.String(), 0}, // YAML's node tree costs what it costs
		{"s.json", 0, 1, j.String(), 10 * j.Len()},
		{"s.jsonl", 3, 3, j.String(), 10 * j.Len()},
	} {
		var err error
		alloc := cost.Allocated(func() { _, err = Read(tc.file, tc.line, []byte(tc.data)) })
		if err == nil {
			t.Fatalf("%s: read", tc.file)
		}
		lines := strings.Split(err.Error(), "\n")
		first, last := want(tc.file, tc.at)
		if len(lines) != quiz.MaxProblems+1 || lines[0] != first || lines[len(lines)-1] != last {
			t.Errorf("%s: %d lines, first %q, last %q; want %d, %q, %q", tc.file, len(lines), lines[0], lines[len(lines)-1], quiz.MaxProblems+1, first, last)
		}
		if tc.allocLimit > 0 && alloc > uint64(tc.allocLimit) {
			t.Errorf("%s: %d bytes allocated %d MB, more than %d MB", tc.file, len(tc.data), alloc>>20, tc.allocLimit>>20)
		}
	}
}
