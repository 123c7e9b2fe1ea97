package sheet

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

func TestParseSheetJSON(t *testing.T) {
	s, err := ParseJSON("s.jsonl", 7, []byte(`{"student": "Ana \u00e7\ud83d\ude00", "banks": ["sample"], "seed": 9, "count": 3, "tags": ["a"], "difficulty": "easy",
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
		{1, `[1, 2]`, "s.jsonl:1: an answer sheet is a JSON object"},
		{1, `{"answers": {}} {}`, "more than one JSON value"},
		{1, `{"student": 3, "answers": {}}`, "s.jsonl:1: student: expected text, found 3"},
		{1, `{"seed": -1, "answers": {}}`, "seed: expected a whole number, found -1"},
		{1, `{"seed": [1], "answers": {}}`, "seed: expected a whole number, found a list"},
		{1, `{"answers": [1]}`, "answers: expected question ids with answers"},
		{1, `{"studnet": "A", "answers": {}}`, `studnet: unknown field (did you mean "student"?)`},
		{1, `{"student": "A"}`, "answers: missing"},
		{1, "{\"student\": \"Jos\xe9\", \"answers\": {}}", "s.jsonl:1: not valid UTF-8"},
		{1, `{"answers": {"a": "x\qy"}}`, `invalid escape \q`},
		{1, `{"answers": {"a": 01}}`, "expected ',' or '}'"},
		{1, ``, "an answer sheet is a JSON object"},
	}
	for _, tt := range tests {
		_, err := ParseJSON("s.jsonl", tt.line, []byte(tt.src))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseJSON(%q) err = %v, want %q", tt.src, err, tt.want)
		}
	}
}

// FuzzParseSheetJSON holds the hand-written scanner to encoding/json: it must
// accept only valid JSON, and read every string as encoding/json does.
func FuzzParseSheetJSON(f *testing.F) {
	f.Add([]byte(`{"student": "Ana", "answers": {"a": [1, "b"], "c": {"x": "y"}, "d": null, "e": -1.5e3}}`))
	f.Add([]byte(`{"student": "\ud800\u0041\"\\\/\b\f\n\r\t", "answers": {}}`))
	f.Add([]byte(`{"answers": {"a": "\udc00\ud800"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseJSON("f.jsonl", 1, data)
		if err != nil {
			return
		}
		if !json.Valid(data) {
			t.Fatalf("accepted invalid JSON: %q", data)
		}
		var ref struct {
			Student *string `json:"student"`
		}
		if json.Unmarshal(data, &ref) == nil && ref.Student != nil && *ref.Student != s.Student {
			t.Fatalf("student %q, encoding/json reads %q", s.Student, *ref.Student)
		}
	})
}
