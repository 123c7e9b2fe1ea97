package sheet

import (
	"fmt"
	"strings"
	"testing"
	"time"
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
