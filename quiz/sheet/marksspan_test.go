package sheet

import (
	"strings"
	"testing"
)

// ReadMarked finds the marks section as Read reads the sheet: an answer
// with a colon on its id's line does not hide it (teacher2 B1); a sheet YAML
// refuses for another reason is an error naming its line; a flow mapping's
// section cannot be replaced, nor can a sheet that is no mapping have one.
func TestReadMarkedFindsTheMarksSection(t *testing.T) {
	head := "student: D\nanswers:\n  q: a union: 1922\n"
	marks := "marks:\n  q:\n    points: 1\n"
	for _, c := range []struct {
		name, data   string
		start, end   int
		errSubstring string
	}{
		{"none", head, -1, -1, ""},
		{"at the end", head + marks, len(head), len(head + marks), ""},
		{"in the middle", head + marks + "seed: 3\n", len(head), len(head + marks), ""},
		{"broken", "student: D\nanswers:\n  q:\n    - [a\n", 0, 0, "s.yaml:4"},
		{"flow", "{student: D, answers: {q: a}, marks: {q: {points: 1}}}\n", 0, 0, "not a block"},
		{"not a mapping", "- a\n", 0, 0, "is a mapping"},
	} {
		_, m, err := ReadMarked("s.yaml", []byte(c.data))
		if err == nil {
			err = m.Err
		}
		start, end := m.Start, m.End
		if c.errSubstring != "" {
			if err == nil || !strings.Contains(err.Error(), c.errSubstring) {
				t.Errorf("%s: err %v", c.name, err)
			}
			continue
		}
		if err != nil || start != c.start || end != c.end {
			t.Errorf("%s: %d, %d, %v; want %d, %d", c.name, start, end, err, c.start, c.end)
		}
	}
}
