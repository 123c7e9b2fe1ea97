package sheet

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/cost"
)

func TestParseSheetJSON(t *testing.T) {
	s, err := Read("s.jsonl", 7, []byte(`{"student": "Ana \u00e7\ud83d\ude00", "banks": ["sample"], "seed": 9, "count": 3, "tags": ["a"], "difficulty": "easy",
		"answers": {"capital": "b", "seas": [1, 2], "independence": true, "year": 1994, "names": {"Khojaly": "Xocal\u0131"}, "town": null, "deep": [[1]], "tab": "a\tb"}}`))
	if err != nil {
		t.Fatal(err)
	}
	if s.Student != "Ana ç😀" || s.Banks[0] != "sample" || *s.Seed != 9 || s.Count != 3 || s.Tags[0] != "a" || s.Difficulty != "easy" || s.Line != 7 {
		t.Errorf("sheet %+v", s)
	}
	want := map[string]quiz.Value{
		"capital":      {Kind: quiz.Scalar, Text: "b", Line: 7},
		"independence": {Kind: quiz.Scalar, Text: "true", Line: 7},
		"year":         {Kind: quiz.Scalar, Text: "1994", Line: 7},
		"town":         {Kind: quiz.Empty, Line: 7},
		"deep":         {Kind: quiz.Nested, Line: 7},
		"tab":          {Kind: quiz.Scalar, Text: "a\tb", Line: 7},
	}
	for id, w := range want {
		if got, _ := s.Answer(id); got.Kind != w.Kind || got.Text != w.Text {
			t.Errorf("%s = %+v, want %+v", id, got, w)
		}
	}
	if v, _ := s.Answer("seas"); v.Kind != quiz.List || strings.Join(v.List, ",") != "1,2" {
		t.Errorf("seas = %+v", v)
	}
	if v, _ := s.Answer("names"); v.Kind != quiz.Mapping || v.Pairs[0] != [2]string{"Khojaly", "Xocalı"} {
		t.Errorf("names = %+v", v)
	}
}

func TestParseSheetJSONErrors(t *testing.T) {
	tests := []struct {
		line int
		src  string
		want string
	}{
		{3, `{"answers": {"a": }}`, "s.jsonl:3: invalid JSON at column 19: expected a value, found '}'"},
		{0, "{\n\"answers\": {\n\"a\": 1,\n}}", "s.jsonl:4: invalid JSON: expected '\"', found '}'"},
		{1, `[1, 2]`, "s.jsonl:1: an answer sheet is a mapping with student, banks and answers, not a list"},
		{1, `{"answers": {}} {}`, "more than one JSON value"},
		{1, `{"student": [3], "answers": {}}`, "s.jsonl:1: student: expected text, found a list"},
		{1, `{"seed": -1, "answers": {}}`, `seed: expected a whole number, found "-1"`},
		{1, `{"seed": [1], "answers": {}}`, "seed: expected a whole number, found a list"},
		{1, `{"answers": [1]}`, "answers: expected question ids with answers, found a list"},
		{1, `{"studnet": "A", "answers": {}}`, `studnet: unknown field (did you mean "student"?)`},
		{1, `{"student": "A"}`, "answers: missing"},
		{1, "{\"student\": \"Jos\xe9\", \"answers\": {}}", "s.jsonl:1: not valid UTF-8"},
		{1, `{"answers": {"a": "x\qy"}}`, `invalid escape \q`},
		{1, `{"answers": {"a": 01}}`, "expected ',' or '}'"},
		{0, ``, "s.jsonl: file is empty"},
	}
	for _, tt := range tests {
		_, err := Read("s.jsonl", tt.line, []byte(tt.src))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Read(%q) err = %v, want %q", tt.src, err, tt.want)
		}
	}
}

// The scanner decodes \u escapes of UTF-16 surrogates as encoding/json
// does: a lone surrogate is U+FFFD, and an escape that does not complete a
// pair is read afresh, so a lone high surrogate before a pair is U+FFFD and
// the pair's character (attack17 F4).
func TestParseSheetJSONSurrogates(t *testing.T) {
	for _, esc := range []string{
		`a\ud800\ud800\udc00b`, // a lone high surrogate, then a pair
		`a\ud800\ud800\ud800\udc00b`,
		`a\ud83d\ude00b`,         // a pair
		`a\ud800b`,               // lone high
		`a\udc00b`,               // lone low
		`a\udc00\ud800b`,         // low before high
		`a\ud800\u0041b`,         // high before an ordinary escape
		`a\ud800\udc00\udc00b`,   // a pair, then a lone low
		`a\ud800\n\udc00b`,       // high before another escape
		`\ud800`, `\ud800\ud800`, // at the end of the string
	} {
		src := `{"student": "` + esc + `", "answers": {}}`
		var want struct{ Student string }
		if err := json.Unmarshal([]byte(src), &want); err != nil {
			t.Fatal(err)
		}
		s, err := Read("s.jsonl", 1, []byte(src))
		if err != nil {
			t.Errorf("%s: %v", esc, err)
			continue
		}
		if s.Student != strings.TrimSpace(want.Student) {
			t.Errorf("%s: read %+q, encoding/json reads %+q", esc, s.Student, want.Student)
		}
	}
}

// FuzzParseSheetJSON holds the hand-written scanner to encoding/json: it must
// accept only valid JSON, and read every string as encoding/json does.
func FuzzParseSheetJSON(f *testing.F) {
	f.Add([]byte(`{"student": "Ana", "answers": {"a": [1, "b"], "c": {"x": "y"}, "d": null, "e": -1.5e3}}`))
	f.Add([]byte(`{"student": "\ud800\u0041\"\\\/\b\f\n\r\t", "answers": {}}`))
	f.Add([]byte(`{"answers": {"a": "\udc00\ud800"}}`))
	f.Add([]byte(`{"student": "a\ud800\ud800\udc00b", "answers": {}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s *Sheet
		var err error
		cost.Bounded(t, len(data), func() { s, err = Read("f.jsonl", 1, data) }) // linear, bounded
		if err != nil {
			return
		}
		if !json.Valid(data) {
			t.Fatalf("accepted invalid JSON: %q", data)
		}
		var ref struct {
			Student *string `json:"student"`
		}
		// Text fields are trimmed, as in YAML sheets.
		if json.Unmarshal(data, &ref) == nil && ref.Student != nil && strings.TrimSpace(*ref.Student) != s.Student {
			t.Fatalf("student %q, encoding/json reads %q", s.Student, *ref.Student)
		}
	})
}

// benchSheet is a sheet as a class's batch holds them: a few fields and
// thirty answers of every shape.
func benchSheet() []byte {
	var b strings.Builder
	b.WriteString(`{"student": "Student 123", "banks": ["comprehension"], "seed": 42, "answers": {`)
	for i := range 30 {
		if i > 0 {
			b.WriteString(", ")
		}
		switch i % 3 {
		case 0:
			fmt.Fprintf(&b, `"question-%d": "b"`, i)
		case 1:
			fmt.Fprintf(&b, `"question-%d": [1, 3]`, i)
		default:
			fmt.Fprintf(&b, `"question-%d": "Nagorno-Karabakh"`, i)
		}
	}
	b.WriteString("}}")
	return []byte(b.String())
}

// BenchmarkReadJSON measures why the JSON scanner is hand-written: against
// encoding/json decoding the same line into the structure it would need
// (answers of any shape), before any field is checked.
func BenchmarkReadJSON(b *testing.B) {
	data := benchSheet()
	b.Run("scanner", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for range b.N {
			if _, err := Read("s.jsonl", 1, data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for range b.N {
			var v struct {
				Student string
				Banks   []string
				Seed    *uint64
				Answers map[string]json.RawMessage
			}
			if err := json.Unmarshal(data, &v); err != nil {
				b.Fatal(err)
			}
			for _, a := range v.Answers {
				var x any
				if err := json.Unmarshal(a, &x); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// Lines skips blank lines, numbers the others from 1 and keeps line ends.
func TestLines(t *testing.T) {
	var got []string
	for line, row := range Lines([]byte("{\"a\":1}\n\n  \n{\"b\":2}\r\n{\"c\":3}")) {
		got = append(got, fmt.Sprintf("%d:%q", line, row))
	}
	want := []string{`1:"{\"a\":1}\n"`, `4:"{\"b\":2}\r\n"`, `5:"{\"c\":3}"`}
	if !slices.Equal(got, want) {
		t.Errorf("Lines = %v, want %v", got, want)
	}
}
