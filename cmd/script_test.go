package cmd

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/export"
	"github.com/conflictq/conflictq/quiz/worksheet"
	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the golden sections of testdata/script/*.txtar")

// scriptCommands are the commands the test binary also is, put on PATH by
// TestMain: conflictq itself, and helpers a platform's tests add (jobshell).
var scriptCommands = map[string]func(){
	"conflictq": func() { os.Exit(Main()) },
}

func TestMain(m *testing.M) {
	testscript.Main(waitingTests{m}, scriptCommands)
}

// waitingTests runs the package's tests with more of them in parallel than
// -parallel's default (GOMAXPROCS): most of their time is spent waiting, on a
// terminal going quiet, a time limit, chromium or a conflictq process, not
// computing; the survey terminal tests hold theirs while they wait for a
// process of their own (ownProcess). A -parallel given on the command line
// wins. The processes ownProcess starts come through here too, each running
// one test.
type waitingTests struct{ m *testing.M }

func (w waitingTests) Run() int {
	flag.Parse()
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "test.parallel" })
	if !set {
		flag.Set("test.parallel", strconv.Itoa(max(32, runtime.GOMAXPROCS(0))))
	}
	code := w.m.Run()
	if code == 0 {
		if err := compiledUnchanged(); err != nil {
			fmt.Fprintln(os.Stderr, "FAIL:", err)
			return 1
		}
	}
	return code
}

// compiledUnchanged checks, after every in-process command test ran, that
// none changed the built-in banks' questions, which every caller in the
// process shares: a write to one would corrupt every later caller, and
// Bank.Digest would return the stale build-time digest (review-code25 #5).
func compiledUnchanged() error {
	lib := &quiz.Library{Embedded: assets.Banks()}
	for _, name := range append(lib.Names(), assets.GeneratedBanks...) {
		b := assets.CompiledBank(name)
		if b == nil {
			continue
		}
		if d := assets.CompiledDigests(name); len(d) == 0 || quiz.Digest(b.Questions...) != d[0] {
			return fmt.Errorf("a test changed the built-in bank %s's shared questions (their digest differs from the build's)", name)
		}
		var got bytes.Buffer
		if _, err := export.For("json")(&got, b, worksheet.Paper{}); err != nil {
			return err
		}
		if !bytes.Equal(got.Bytes(), assets.CompiledJSON(name)) {
			return fmt.Errorf("a test changed the built-in bank %s's shared questions (their JSON export differs from the build's)", name)
		}
	}
	return nil
}

// scriptSlots bounds how many scripts run at once.
var scriptSlots = make(chan struct{}, max(2, runtime.GOMAXPROCS(0)))

// TestScripts runs the end-to-end scripts in testdata/script: the real command,
// its standard input from a file, its output compared with golden sections.
func TestScripts(t *testing.T) {
	t.Parallel()
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			// Two scripts at a time: each starts a conflictq process per
			// line, and more at once starve the terminal tests running
			// beside them on a small machine (see waitingTests).
			scriptSlots <- struct{}{}
			env.Defer(func() { <-scriptSlots })
			work := env.WorkDir
			env.Setenv("XDG_CONFIG_HOME", work+"/.config")
			env.Setenv("XDG_STATE_HOME", work+"/.state")
			env.Setenv("NO_COLOR", "")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){"csvset": csvSet, "edit": edit},
	})
}

// edit is the script command `edit FILE OLD NEW`: it replaces the one
// occurrence of OLD in FILE with NEW, both read as Go string escapes
// (\xe9 is a byte, as a hand edit in Latin-1 leaves it), as a teacher
// editing a report by hand would.
func edit(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 || neg {
		ts.Fatalf("usage: edit FILE OLD NEW")
	}
	unquote := func(s string) string {
		u, err := strconv.Unquote(`"` + strings.ReplaceAll(s, `"`, `\"`) + `"`)
		ts.Check(err)
		return u
	}
	file := ts.MkAbs(args[0])
	data, err := os.ReadFile(file)
	ts.Check(err)
	old, repl := unquote(args[1]), unquote(args[2])
	if n := strings.Count(string(data), old); n != 1 {
		ts.Fatalf("%s holds %q %d times, want once", args[0], old, n)
	}
	ts.Check(os.WriteFile(file, []byte(strings.Replace(string(data), old, repl, 1)), 0o644))
}

// csvSet is the script command `csvset FILE STUDENT COLUMN VALUE`: it sets the
// cell in the row whose first field is STUDENT and the column headed COLUMN, as
// a teacher filling in grade's CSV in a spreadsheet would. With ! it must fail.
func csvSet(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 4 {
		ts.Fatalf("usage: csvset FILE STUDENT COLUMN VALUE")
	}
	file := ts.MkAbs(args[0])
	data, err := os.ReadFile(file)
	ts.Check(err)
	out, err := setCSVCell(data, args[1], args[2], args[3])
	switch {
	case err != nil && !neg:
		ts.Fatalf("%s: %v", args[0], err)
	case err == nil && neg:
		ts.Fatalf("%s: csvset set %s's %s, want a failure", args[0], args[1], args[2])
	case err == nil:
		ts.Check(os.WriteFile(file, out, 0o644))
	}
}

// setCSVCell returns the CSV data with the cell of STUDENT's row (by its first
// field) and the column headed col set to value, keeping grade's CRLF line
// ends; a missing row or column is an error.
func setCSVCell(data []byte, student, col, value string) ([]byte, error) {
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("no header row")
	}
	c := slices.Index(rows[0], col)
	if c < 0 {
		return nil, fmt.Errorf("no column %q", col)
	}
	found := false
	for _, r := range rows[1:] {
		if len(r) > c && r[0] == student {
			r[c], found = value, true
		}
	}
	if !found {
		return nil, fmt.Errorf("no row for %q", student)
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	if err := w.WriteAll(rows); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func TestSetCSVCell(t *testing.T) {
	t.Parallel()
	in := "student,file,b/q,b/q:comment\r\nAna,a.json,,\r\nBo,\"b, 2.json\",,\r\n"
	out, err := setCSVCell([]byte(in), "Bo", "b/q:comment", "names \"both\", dates")
	if want := "student,file,b/q,b/q:comment\r\nAna,a.json,,\r\nBo,\"b, 2.json\",,\"names \"\"both\"\", dates\"\r\n"; err != nil || string(out) != want {
		t.Errorf("got %q, %v; want %q", out, err, want)
	}
	for _, bad := range []struct{ data, student, col, want string }{
		{in, "Cy", "b/q", `no row for "Cy"`},
		{in, "Ana", "b/x", `no column "b/x"`},
		{"", "Ana", "b/q", "no header row"},
		{"a,b\n\"open", "Ana", "b", "extraneous or missing"},
	} {
		if _, err := setCSVCell([]byte(bad.data), bad.student, bad.col, "1"); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("setCSVCell(%q, %q, %q): %v, want %q", bad.data, bad.student, bad.col, err, bad.want)
		}
	}
}

// The README's CI recipes run conflictq commands that ci_recipes.txtar runs
// too; this keeps the two from drifting apart.
func TestCIRecipesMatchREADME(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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
