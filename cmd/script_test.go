package cmd

import (
	"encoding/csv"
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the golden sections of testdata/script/*.txtar")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"conflictq": func() { os.Exit(Main()) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: the real command,
// its standard input from a file, its output compared with golden sections.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			work := env.WorkDir
			env.Setenv("XDG_CONFIG_HOME", work+"/.config")
			env.Setenv("XDG_STATE_HOME", work+"/.state")
			env.Setenv("NO_COLOR", "")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){"csvset": csvSet},
	})
}

// csvSet is the script command `csvset FILE STUDENT COLUMN VALUE`: it sets the
// cell in the row whose first field is STUDENT and the column headed COLUMN, as
// a teacher filling in grade's CSV in a spreadsheet would, and fails if either
// is missing. The file keeps grade's CRLF line ends.
func csvSet(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 4 {
		ts.Fatalf("usage: csvset FILE STUDENT COLUMN VALUE")
	}
	file := ts.MkAbs(args[0])
	data, err := os.ReadFile(file)
	ts.Check(err)
	rows, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	ts.Check(err)
	col := -1
	for i, h := range rows[0] {
		if h == args[2] {
			col = i
		}
	}
	if col < 0 {
		ts.Fatalf("%s: no column %q", args[0], args[2])
	}
	found := false
	for _, r := range rows[1:] {
		if len(r) > col && r[0] == args[1] {
			r[col], found = args[3], true
		}
	}
	if !found {
		ts.Fatalf("%s: no row for %q", args[0], args[1])
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	ts.Check(w.WriteAll(rows))
	ts.Check(os.WriteFile(file, []byte(b.String()), 0o644))
}

// The README's CI recipes run conflictq commands that ci_recipes.txtar runs
// too; this keeps the two from drifting apart.
func TestCIRecipesMatchREADME(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile("testdata/script/ci_recipes.txtar")
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, line := range strings.Split(string(readme), "\n") {
		// Recipe steps are YAML list items: "- run: conflictq ..." or "- conflictq ...".
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "- ") {
			continue
		}
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(line, "- "), "run:"))
		if !strings.HasPrefix(line, "conflictq ") {
			continue
		}
		found++
		if !strings.Contains(string(script), "exec "+line+"\n") {
			t.Errorf("the README's recipe runs %q, which ci_recipes.txtar does not", line)
		}
	}
	if found < 2 { // the GitHub and GitLab recipes each grade
		t.Errorf("found %d recipe commands in the README; want the GitHub and GitLab ones", found)
	}
}

// The README installs from a clone: the module is not on the proxy, so an
// `@latest` line would fail for everyone who copies it; and each CI recipe
// builds conflictq from a checkout before it grades.
func TestREADMEInstallsFromAClone(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(readme)
	for _, line := range strings.Split(s, "\n") {
		if strings.Contains(line, "go install") && strings.Contains(line, "@latest") && !strings.Contains(line, "does not work") {
			t.Errorf("the README installs from the module proxy, which cannot serve conflictq: %q", line)
		}
	}
	if n := strings.Count(s, "go install ./cmd/conflictq"); n < 3 { // the install section and both recipes
		t.Errorf("the README says `go install ./cmd/conflictq` %d times; want the install section and both CI recipes", n)
	}
	for _, want := range []string{"make install", "go env GOPATH", "PATH", "make dist", "SHA256SUMS"} {
		if !strings.Contains(s, want) {
			t.Errorf("the README's install section does not mention %q", want)
		}
	}
	if _, err := os.Stat("conflictq/main.go"); err != nil {
		t.Errorf("the README installs ./cmd/conflictq: %v", err)
	}
}

// The README's plain-mode example is the one plain_quiz.txtar runs.
func TestREADMEPlainExample(t *testing.T) {
	readme, _ := os.ReadFile("../README.md")
	script, _ := os.ReadFile("testdata/script/plain_quiz.txtar")
	const cmd = "conflictq quiz --plain --seed 16 -n 2"
	if !strings.Contains(string(readme), "printf 'c\\n3,4\\n' | "+cmd) {
		t.Errorf("the README's plain example is not %q fed c and 3,4", cmd)
	}
	if !strings.Contains(string(script), "exec "+cmd+"\n") || !strings.Contains(string(script), "-- readme-example.txt --\nc\n3,4\n") {
		t.Errorf("plain_quiz.txtar does not run the README's example")
	}
}

// A teacher starts at the quick start, near the top, and finds there and in
// "The article" which article conflictq is built on and how to get it (its
// text is not ours to ship). Every #link in the README goes to a heading.
func TestREADMETeacherStart(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(readme)
	quick, install := strings.Index(s, "\n## Quick start for teachers\n"), strings.Index(s, "\n## Install\n")
	if quick < 0 || install < 0 || quick > install {
		t.Errorf("the README's quick start for teachers is missing or after Install (at %d, Install at %d)", quick, install)
	}
	for _, want := range []string{"Massacre haunts divided Caucasus amid shaky ceasefire", "Rashad Mammadov", "February 2020", "not in this repository", "--report-dir", "--student", "conflictq grade"} {
		if !strings.Contains(s, want) {
			t.Errorf("the README does not say %q", want)
		}
	}
	anchors := map[string]bool{}
	for _, line := range strings.Split(s, "\n") {
		if h, ok := strings.CutPrefix(line, "#"); ok && !strings.HasPrefix(strings.TrimLeft(h, "#"), "!") && strings.HasPrefix(strings.TrimLeft(h, "#"), " ") {
			var b strings.Builder
			for _, r := range strings.ToLower(strings.TrimSpace(strings.TrimLeft(h, "#"))) {
				switch {
				case r == ' ':
					b.WriteByte('-')
				case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
					b.WriteRune(r)
				}
			}
			anchors[b.String()] = true
		}
	}
	for _, m := range regexp.MustCompile(`\]\(#([^)]+)\)`).FindAllStringSubmatch(s, -1) {
		if !anchors[m[1]] {
			t.Errorf("the README links to #%s, which no heading makes", m[1])
		}
	}
}
