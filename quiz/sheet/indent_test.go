package sheet

import (
	"strings"
	"testing"
)

// An open answer written under "id: |" at the id's own indent, not two
// spaces more, is read as that answer with a warning naming file and line,
// up to the next id, comment or dedent (teacher 7, A1). A truly empty | stays
// unanswered, and a line that is an id stays an id.
func TestUnindentedBlockIsTheAnswer(t *testing.T) {
	const head = "student: Aysel\nbanks: [comprehension]\nanswers:\n  hrw-rejected: HRW\n  what-is-genocide: |\n"
	for _, tt := range []struct {
		name, body, want string
		next             string // the answer to the question after, by id
	}{
		{"teacher's case", "  Killing a people. The UN said so in 1948: \"genocide convention\"\n  author-note: a\n",
			"Killing a people. The UN said so in 1948: \"genocide convention\"", "a"},
		{"several lines", "  Killing a people\n  on purpose: all of them.\n  author-note: a\n",
			"Killing a people\non purpose: all of them.", "a"},
		{"a blank line inside", "  Killing a people.\n\n  In 1948 the UN said so.\n\n  author-note: a\n",
			"Killing a people.\n\nIn 1948 the UN said so.", "a"},
		{"the sheet's comments after it", "  Killing a people.\n  # 7. The note after the article…\n  author-note: a\n",
			"Killing a people.", "a"},
		{"last on the sheet", "  Killing a people.\n", "Killing a people.", ""},
		{"more-indented lines after", "  Killing a people\n    of a nation.\n  author-note: a\n", "Killing a people\n  of a nation.", "a"},
		{"the top level after", "  Killing a people.\nmarks: {}\n", "Killing a people.", ""},
	} {
		for _, eol := range []string{"\n", "\r\n", "\r"} { // the line ends a sheet is saved with
			s, err := Read("aysel.yaml", 0, []byte(strings.ReplaceAll(head+tt.body, "\n", eol)))
			if err != nil {
				t.Errorf("%s, %q: %v", tt.name, eol, err)
				continue
			}
			v, _ := s.Answer("what-is-genocide")
			n, _ := s.Answer("author-note")
			h, _ := s.Answer("hrw-rejected")
			if strings.TrimSpace(v.Text) != tt.want || n.Text != tt.next || h.Text != "HRW" || len(s.Answers) != 2+min(len(tt.next), 1) {
				t.Errorf("%s, %q: read %q, next %q, hrw %q, answers %v", tt.name, eol, v.Text, n.Text, h.Text, s.Answers)
			}
			if len(s.Problems) != 1 || !s.Problems[0].Warning || s.Problems[0].Question != "what-is-genocide" ||
				s.Problems[0].Error() != `aysel.yaml:6: warning: question "what-is-genocide": read as the answer to what-is-genocide; indent answer lines under the id, two spaces more than what-is-genocide` {
				t.Errorf("%s, %q: problems %v", tt.name, eol, s.Problems)
			}
		}
	}
	// A truly empty |, then the next id (or a comment and the next id),
	// stays unanswered, without a word.
	for _, body := range []string{"  author-note: a\n", "\n  # 7. The note\n  author-note: a\n", "  author-note:\n"} {
		s, err := Read("aysel.yaml", 0, []byte(head+body))
		if err != nil || len(s.Problems) != 0 {
			t.Errorf("%q: %v %v", body, err, s)
			continue
		}
		if v, _ := s.Answer("what-is-genocide"); strings.TrimSpace(v.Verbatim()) != "" {
			t.Errorf("%q: read %q", body, v.Verbatim())
		}
	}
	// A block indented as it should be is read as YAML reads it.
	s, err := Read("aysel.yaml", 0, []byte(head+"    Killing a people.\n  author-note: a\n"))
	if v, _ := s.Answer("what-is-genocide"); err != nil || v.Text != "Killing a people." || len(s.Problems) != 0 {
		t.Errorf("indented block: %v %q %v", err, v.Text, s.Problems)
	}
	// A JSON sheet is not YAML's lines: an empty answer stays empty.
	s, err = Read("aysel.json", 0, []byte(`{"student": "Aysel", "banks": ["comprehension"], "answers": {"what-is-genocide": "|", "Killing a people": "x"}}`))
	if err != nil || len(s.Problems) != 0 {
		t.Fatalf("json: %v %v", err, s)
	}
	if v, _ := s.Answer("what-is-genocide"); v.Text != "|" || len(s.Answers) != 2 {
		t.Errorf("json: read %q, answers %v", v.Text, s.Answers)
	}
}
