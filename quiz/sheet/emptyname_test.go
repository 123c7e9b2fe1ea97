package sheet_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz/sheet"
)

// A quoted name of spaces alone is a bank's name, in a list or alone, in
// both syntaxes (attack24 L6: sheet wrote banks: [' '] and refused it on
// reading as empty); an empty name or a missing entry is still refused.
func TestSheetBankNamedSpaces(t *testing.T) {
	for _, c := range []struct {
		file, text string
		want       []string
		err        string
	}{
		{"s.yaml", "student: Ana\nbanks: [' ']\nanswers: {}\n", []string{" "}, ""},
		{"s.yaml", "student: Ana\nbanks:\n  - \"  \"\n  - x.yaml\nanswers: {}\n", []string{"  ", "x.yaml"}, ""},
		{"s.yaml", "student: Ana\nbanks: ' '\nanswers: {}\n", []string{" "}, ""},
		{"s.json", "{\"student\": \"Ana\", \"banks\": [\" \"], \"answers\": {}}\n", []string{" "}, ""},
		{"s.yaml", "student: Ana\nbanks: ['', x.yaml]\nanswers: {}\n", nil, "s.yaml:2: banks: empty entry"},
		{"s.yaml", "student: Ana\nbanks:\n  -\n  - x.yaml\nanswers: {}\n", nil, "s.yaml:2: banks: empty entry"},
		{"s.json", "{\"student\": \"Ana\", \"banks\": [\"\"], \"answers\": {}}\n", nil, "s.json:1: banks: empty entry"},
	} {
		s, err := sheet.Read(c.file, 0, []byte(c.text))
		switch {
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%q: error %v, want %q", c.text, err, c.err)
		case c.err == "" && err != nil:
			t.Errorf("%q: %v", c.text, err)
		case c.err == "" && !slices.Equal(s.Banks, c.want):
			t.Errorf("%q: banks %q, want %q", c.text, s.Banks, c.want)
		}
	}
}
