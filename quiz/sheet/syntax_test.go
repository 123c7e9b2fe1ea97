package sheet

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

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
		// Keys given twice, at every level: the field checks refuse them,
		// whatever the syntax (YAML's parser is not asked to). A match
		// answer's left side given twice is kept, each pair at its line,
		// for reading against its question to refuse that answer alone
		// (attack18 F1); a question answered twice, the first counts.
		"{\"answers\": {\"q\": {\"l\": \"a\",\n \"m\": \"b\",\n \"l\": \"c\"}}}",
		"{\"answers\": {\"q\": {\"l\": \"a\",\n \"l\": \"b\"},\n \"q\": {\"m\": \"a\",\n \"m\": \"b\"}}}",
		"{\"student\": \"A\", \"answers\": {\"q\": {\"1\": \"a\", \"2\": \"b\", \"1\": \"c\"},\n \"r\": \"x\"}}",
		"{\"answers\": {}, \"marks\": {\"q\": {\"points\": 1},\n \"q\": {\"points\": 2}}}",
		"{\"answers\": {}, \"marks\": {\"q\": {\"points\": 1,\n \"points\": 2}}}",
		"{\"answers\": {}, \"marks\": {\"q\": {\"points\": 1, \"comment\": \"a\",\n \"comment\": \"b\"}}}",
		"{\"answers\": {},\n \"answers\": {}}",
		// A duplicate inside what is refused or not read anyway changes nothing.
		"{\"answers\": {},\n \"student\": {\"a\": 1,\n \"a\": 2}}",
		"{\"answers\": {\"q\": [{\"l\": \"a\", \"l\": \"b\"}]}}",
		"{\"answers\": {}, \"x\": {\"a\": 1,\n \"a\": 2}}",
		// The top level as null, a number, true, an empty object.
		`null`, `3`, `true`, `{}`,
		// What a sheet's marks, set and types read to.
		"{\"set\": \"b\", \"types\": [\"single\", \"open\"], \"answers\": {},\n \"marks\": {\"q\": {\"points\": 1.5, \"comment\": \" kept \", \"marker\": \"ana\",\n \"time\": \"2026-12-03T10:00:00Z\", \"answer_sha256\": \"ab\"}}}",
		`{"types": "closed", "answers": {}}`,
		`{"set": "a b/c", "answers": {}}`,
		// Nested far deeper than any sheet, well within both parsers' bound.
		`{"answers": {"q": ` + strings.Repeat("[", 300) + strings.Repeat("]", 300) + `}, "x": ` + strings.Repeat(`{"a": `, 300) + "1" + strings.Repeat("}", 300) + `}`,
		// More answers or marks than a sheet holds, more fields than a mark has.
		"{\"answers\": {" + strings.Repeat("\"q\": 1,\n", MaxAnswers) + "\"z\": 1}}",
		"{\"answers\": {},\n \"marks\": {" + strings.Repeat("\"q\": {\"points\": 1},\n", MaxAnswers) + "\"z\": {\"points\": 1}}}",
		"{\"answers\": {},\n \"marks\": {\"q\":\n {" + strings.Repeat("\"x\": 1,\n", 100) + "\"points\": 1}}}",
	}
	sources = append(sources, fieldMatrix()...)
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

// fieldMatrix is a sheet for each field given each kind of value, right or
// wrong: numbers for text, text for numbers, lists, objects, null, true,
// empty, huge, a key given twice inside; and the same for the answers, the
// marks and each field of a mark.
func fieldMatrix() []string {
	values := []string{`3`, `"x"`, `["a"]`, `{"a": "b"}`, `null`, `true`, `""`, `"  "`, `[]`, `{}`,
		"1" + strings.Repeat("0", 40), `-5`, `2.5`, "{\"a\": \"1\",\n \"a\": \"2\"}", `[["a"]]`, `[{"a": 1}]`, `["a", null]`}
	var out []string
	for _, v := range values {
		for _, f := range append(sheetFields, "studnet") {
			switch f {
			case "answers":
				out = append(out, "{\"answers\":\n "+v+"}", "{\"answers\": {\"q\":\n "+v+"}}")
			case "marks":
				out = append(out, "{\"answers\": {}, \"marks\":\n "+v+"}", "{\"answers\": {}, \"marks\": {\"q\":\n "+v+"}}")
				for _, m := range append(markFields, "pionts") {
					out = append(out, "{\"answers\": {}, \"marks\": {\"q\": {\""+m+"\":\n "+v+"}}}")
					if m != "points" {
						out = append(out, "{\"answers\": {}, \"marks\": {\"q\": {\"points\": 1, \""+m+"\":\n "+v+"}}}")
					}
				}
			default:
				out = append(out, "{\"answers\": {},\n \""+f+"\":\n "+v+"}")
			}
		}
	}
	return out
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
	fmt.Fprintf(&b, "student %q banks %q seed %s set %q count %d tags %q difficulty %q types %q\n", s.Student, s.Banks, seed, s.Set, s.Count, s.Tags, s.Difficulty, s.Types)
	for _, a := range s.Answers {
		v := a.Value
		pairLines := v.PairLines
		if noLines {
			pairLines = nil
		}
		fmt.Fprintf(&b, "%sanswer %q kind %d text %q list %q pairs %q pair lines %v\n", line(v.Line), a.ID, v.Kind, v.Text, v.List, v.Pairs, pairLines)
	}
	for _, m := range s.Marks {
		fmt.Fprintf(&b, "%smark %q points %v comment %q marker %q time %s answer %q\n", line(m.Line), m.ID, m.Points, m.Comment, m.Marker, m.At.Format(time.RFC3339), m.Answer)
	}
	for _, c := range s.Comments {
		fmt.Fprintf(&b, "%scomment %q %q blank=%v\n", line(c.Line), c.ID, c.Text, c.Blank)
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

// A key given twice is refused at every level, in the words of the field
// checks that YAML and JSON share (issue 13: JSON read the marks' and a
// mark's last value silently, where YAML refused them), except a match
// answer's left side, which costs only that answer (the next test);
// a sheet that is not a mapping says what it is, grammatically; an unknown
// field names every field there is.
func TestKeysGivenTwiceAndTopLevel(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"{\"answers\": {}, \"marks\": {\"q\": {\"points\": 1},\n \"q\": {\"points\": 2}}}", `2: question "q": marks: marked twice (first at line 1)`},
		{"{\"answers\": {}, \"marks\": {\"q\": {\"points\": 1,\n \"points\": 2}}}", `2: question "q": marks.points: given twice (first at line 1)`},
		{"{\"answers\": {},\n \"student\": \"A\",\n \"student\": \"B\"}", `3: student: given twice (first at line 2)`},
		{"null", "1: an answer sheet is a mapping with student, banks and answers, not an empty value"},
		{"3", "1: an answer sheet is a mapping with student, banks and answers, not a single value"},
		{"[]", "1: an answer sheet is a mapping with student, banks and answers, not a list"},
		{"{\"answers\": {}, \"marks\": {\"q\": null}}", `1: question "q": marks: expected points, comment, marker and time, found an empty value`},
		{"{\"studnet\": 1, \"answers\": {}}", `1: studnet: unknown field (did you mean "student"?); a sheet has student, banks, seed, set, count, tags, difficulty, types, answers, marks`},
		{"{\"answers\": {}, \"marks\": {\"q\": {\"pionts\": 1}}}", `1: question "q": marks.pionts: unknown field (did you mean "points"?); a mark has points, comment, marker, time, answer_sha256`},
	} {
		for _, file := range []string{"s.yaml", "s.json"} {
			if _, err := Read(file, 0, []byte(tc.src)); err == nil || err.Error() != file+":"+tc.want {
				t.Errorf("%s %q: %v, want %s:%s", file, tc.src, err, file, tc.want)
			}
		}
		_, err := Read("s.jsonl", 5, []byte(strings.ReplaceAll(tc.src, "\n", "")))
		want := "s.jsonl:5:" + lineRef.ReplaceAllString(tc.want[strings.Index(tc.want, ":")+1:], "line 5")
		if err == nil || err.Error() != want {
			t.Errorf("jsonl %q: %v, want %s", tc.src, err, want)
		}
	}
}

// A match answer that names one left side twice, written alike or in two
// ways ("1" and "01", a number and the item's text, another case, no
// diacritics), is refused when it is read against the question, in YAML,
// JSON and JSON lines alike: on the second pair's line, in a key given
// twice's words (review13-s24: the last pair silently won). The rest of the
// sheet reads: the same key typed twice costs no more than two spellings
// of it (attack18 F1: it made the whole sheet unreadable).
func TestMatchLeftSideTwiceInEverySyntax(t *testing.T) {
	q := &quiz.Question{ID: "places", Type: quiz.Match, Pairs: []quiz.Pair{{Left: "Khojaly", Right: "Xocalı"}, {Left: "Şuşa", Right: "Shushi"}}}
	for _, tc := range []struct{ first, second, want string }{
		{"1", "1", `left side "1" given twice (first at line 1)`},
		{"Khojaly", "Khojaly", `left side "Khojaly" given twice (first at line 1)`},
		{"1", "01", `left side "01" given twice (first at line 1, as "1")`},
		{"1", "Khojaly", `left side "Khojaly" given twice (first at line 1, as "1")`},
		{"Khojaly", "KHOJALY", `left side "KHOJALY" given twice (first at line 1, as "Khojaly")`},
		{"Şuşa", "susa", `left side "susa" given twice (first at line 1, as "Şuşa")`},
	} {
		src := fmt.Sprintf("{\"answers\": {\"places\": {\"%s\": \"a\",\n \"%s\": \"b\"},\n \"other\": \"x\"}}", tc.first, tc.second)
		for _, file := range []string{"s.yaml", "s.json", "s.jsonl"} {
			in, at, want := src, 0, file+":2: question \"places\": "+tc.want
			if file == "s.jsonl" {
				in, at = strings.ReplaceAll(src, "\n", ""), 5
				want = "s.jsonl:5: question \"places\": " + lineRef.ReplaceAllString(tc.want, "line 5")
			}
			s, err := Read(file, at, []byte(in))
			if err != nil {
				t.Fatalf("%s %q: %v", file, in, err)
			}
			v, _ := s.Answer("places")
			r, probs := s.ReadAnswer(q, v, 1)
			if len(probs) != 1 || probs[0].Warning || probs[0].Error() != want || r.Answered || r.Unreadable == "" {
				t.Errorf("%s %q: %+v, %v; want the answer unreadable and %s", file, in, r, probs, want)
			}
			if o, _ := s.Answer("other"); o.Text != "x" {
				t.Errorf("%s %q: the other answer is %+v", file, in, o)
			}
		}
	}
	// YAML written block-style, as sheets are: each pair on its own line.
	s, err := Read("s.yaml", 0, []byte("student: A\nanswers:\n  places:\n    1: a\n    2: b\n    01: b\n"))
	if err != nil {
		t.Fatal(err)
	}
	v, _ := s.Answer("places")
	if _, probs := s.ReadAnswer(q, v, 1); len(probs) != 1 || probs[0].Error() != `s.yaml:6: question "places": left side "01" given twice (first at line 4, as "1")` {
		t.Errorf("block-style: %v", probs)
	}
	s, err = Read("s.yaml", 0, []byte("student: A\nanswers:\n  places:\n    1: a\n    2: b\n    1: b\n  other: x\n"))
	if err != nil {
		t.Fatalf("block-style, the same key twice: %v", err)
	}
	v, _ = s.Answer("places")
	if _, probs := s.ReadAnswer(q, v, 1); len(probs) != 1 || probs[0].Error() != `s.yaml:6: question "places": left side "1" given twice (first at line 4)` {
		t.Errorf("block-style, the same key twice: %v", probs)
	}
	if o, _ := s.Answer("other"); s.Student != "A" || o.Text != "x" {
		t.Errorf("block-style, the same key twice: student %q, other answer %+v", s.Student, o)
	}
}

// A match pair that names no item or no option is refused on its own line,
// as a left side given twice is, not on its question's (recheck13): in YAML,
// JSON and JSON lines (where the record's line is every pair's).
func TestMatchPairAtFaultOnItsLine(t *testing.T) {
	q := &quiz.Question{ID: "places", Type: quiz.Match, Pairs: []quiz.Pair{{Left: "Khojaly", Right: "Xocalı"}, {Left: "Şuşa", Right: "Shushi"}}}
	for _, tc := range []struct{ left, right, want string }{
		{"9", "a", `left side "9": not one of the items`},
		{"+1", "a", `left side "+1": not one of the items`},
		{"1.0", "a", `left side "1.0": not one of the items`},
		{"0x1", "a", `left side "0x1": not one of the items`},
		{"2", "z", `right side of "2": "z" is not one of the options`},
	} {
		src := fmt.Sprintf("{\"answers\": {\"places\": {\"1\": \"a\",\n \"%s\": \"%s\"},\n \"other\": \"x\"}}", tc.left, tc.right)
		for _, file := range []string{"s.yaml", "s.json", "s.jsonl"} {
			in, at, want := src, 0, file+":2: question \"places\": "+tc.want
			if file == "s.jsonl" {
				in, at, want = strings.ReplaceAll(src, "\n", ""), 5, "s.jsonl:5: question \"places\": "+tc.want
			}
			s, err := Read(file, at, []byte(in))
			if err != nil {
				t.Fatalf("%s %q: %v", file, in, err)
			}
			v, _ := s.Answer("places")
			r, probs := s.ReadAnswer(q, v, 1)
			if len(probs) != 1 || probs[0].Warning || probs[0].Error() != want || r.Answered {
				t.Errorf("%s %q: %+v, %v; want the answer unreadable and %s", file, in, r, probs, want)
			}
		}
	}
	// Block-style YAML: the third pair's line, not the question's (3).
	s, err := Read("s.yaml", 0, []byte("student: A\nanswers:\n  places:\n    1: a\n    2: b\n    9: b\n"))
	if err != nil {
		t.Fatal(err)
	}
	v, _ := s.Answer("places")
	if _, probs := s.ReadAnswer(q, v, 1); len(probs) != 1 || probs[0].Error() != `s.yaml:6: question "places": left side "9": not one of the items` {
		t.Errorf("block-style: %v", probs)
	}
}
