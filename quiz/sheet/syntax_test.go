package sheet

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

// The same sheet reads alike in YAML, JSON and JSON lines: the same fields,
// answers and problems, with the same messages. Each source below is JSON,
// which YAML includes, so it is read three ways: as a YAML file, as a JSON
// file (both give the same lines) and as line 5 of a JSON-lines file.
func TestSameSheetInEverySyntax(t *testing.T) {
	sources := []string{
		`{"student": 42, "answers": {"capital": "b"}}`,
		`{"student": true, "difficulty": 3, "answers": {}}`,
		`{"count": "3", "answers": {}}`,
		`{"count": 3, "seed": "7", "answers": {}}`,
		"{\"student\": \"A\",\n \"student\": \"B\",\n \"answers\": {}}",
		"{\"answers\": {\"a\": 1,\n \"b\": 2,\n \"a\": 3}}",
		`{"tags": "history", "banks": "sample", "answers": {}}`,
		`{"tags": ["a", "b"], "banks": ["sample", "vocabulary"], "answers": {}}`,
		`{"seed": null, "count": null, "student": null, "answers": null}`,
		"{\"seed\": 7,\n \"answers\": {\"x\": [1, 2],\n \"y\": {\"l\": \"r\"},\n \"z\": null,\n \"w\": [[1]],\n \"v\": \" b \",\n \"u\": \"\"}}",
		// A null inside a list or as a match's right side is an empty item.
		"{\"answers\": {\"x\": [\"a\", null],\n \"y\": {\"l\": null, \"m\": \"r\"},\n \"z\": [null]}}",
		`{"count": 2.5, "answers": {}}`,
		`{"count": 2000000, "answers": {}}`,
		`{"count": -1, "answers": {}}`,
		`{"count": [1], "answers": {}}`,
		`{"seed": -1, "answers": {}}`,
		`{"seed": 1.5, "answers": {}}`,
		`{"seed": {"a": 1}, "answers": {}}`,
		`{"banks": ["", "x"], "answers": {}}`,
		`{"banks": [["x"]], "answers": {}}`,
		`{"banks": {"a": "b"}, "answers": {}}`,
		`{"student": {"a": 1}, "answers": {}}`,
		`{"student": ["A"], "answers": {}}`,
		"{\"studnet\": \"A\",\n \"answers\": {}}",
		`{"student": "A"}`,
		`{"answers": [1]}`,
		`{"answers": "all of them"}`,
		`[1, 2]`,
		`"a sheet"`,
	}
	for _, src := range sources {
		y, yerr := Read("s.yaml", 0, []byte(src))
		j, jerr := Read("s.json", 0, []byte(src))
		l, lerr := Read("s.jsonl", 5, []byte(strings.ReplaceAll(src, "\n", "")))
		if got, want := describe(j, jerr, false), describe(y, yerr, false); got != want {
			t.Errorf("%s\nJSON:\n%s\nYAML:\n%s", src, got, want)
		}
		if got, want := describe(l, lerr, true), describe(y, yerr, true); got != want {
			t.Errorf("%s\nJSON lines:\n%s\nYAML:\n%s", src, got, want)
		}
	}
}

var lineRef = regexp.MustCompile(`line \d+`)

// describe renders what a sheet read to: its fields and answers, or its
// problems, without the file name; without lines when noLines.
func describe(s *Sheet, err error, noLines bool) string {
	var b strings.Builder
	line := func(l int) string {
		if noLines {
			return ""
		}
		return fmt.Sprintf("%d: ", l)
	}
	problem := func(p quiz.Problem) {
		msg := p.Msg
		if noLines { // "the first answer (line 2)": in JSON lines, the sheet's line
			msg = lineRef.ReplaceAllString(msg, "line N")
		}
		fmt.Fprintf(&b, "%sproblem %q %q %q warning=%v\n", line(p.Line), p.Question, p.Field, msg, p.Warning)
	}
	var inv *quiz.InvalidError
	if errors.As(err, &inv) {
		for _, p := range inv.Problems {
			problem(p)
		}
		return b.String()
	}
	if err != nil {
		return "error " + err.Error()
	}
	seed := "none"
	if s.Seed != nil {
		seed = fmt.Sprint(*s.Seed)
	}
	fmt.Fprintf(&b, "student %q banks %q seed %s count %d tags %q difficulty %q\n", s.Student, s.Banks, seed, s.Count, s.Tags, s.Difficulty)
	for _, a := range s.Answers {
		v := a.Value
		fmt.Fprintf(&b, "%sanswer %q kind %d text %q list %q pairs %q\n", line(v.Line), a.ID, v.Kind, v.Text, v.List, v.Pairs)
	}
	for _, p := range s.Problems {
		problem(p)
	}
	return b.String()
}

// The examples the issue names read as they should.
func TestSheetFieldRules(t *testing.T) {
	s, err := Read("s.json", 0, []byte(`{"student": 42, "count": "3", "tags": "history", "answers": {}}`))
	if err != nil {
		t.Fatal(err)
	}
	if s.Student != "42" || s.Count != 3 || !reflect.DeepEqual(s.Tags, []string{"history"}) {
		t.Errorf("student %q count %d tags %q", s.Student, s.Count, s.Tags)
	}
	_, err = Read("s.json", 0, []byte("{\"student\": \"A\",\n\"student\": \"B\", \"answers\": {}}"))
	if err == nil || err.Error() != "s.json:2: student: given twice (first at line 1)" {
		t.Errorf("duplicate field: %v", err)
	}
}

// YAML's other spellings of null (~ and nothing) read as the empty item JSON's
// null does.
func TestNullItemIsEmptyInYAML(t *testing.T) {
	src := "answers:\n  x: [a, ~, null]\n  y:\n    l: ~\n    m:\n    n: null\n"
	s, err := Read("s.yaml", 0, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Answers[0].Value.List; fmt.Sprint(got) != fmt.Sprint([]string{"a", "", ""}) {
		t.Errorf("list = %q, want a and two empty items", got)
	}
	for _, p := range s.Answers[1].Value.Pairs {
		if p[1] != "" {
			t.Errorf("pair %q = %q, want empty", p[0], p[1])
		}
	}
}
