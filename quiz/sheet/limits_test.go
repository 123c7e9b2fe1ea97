package sheet

import (
	"fmt"
	"strings"
	"testing"
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
	// Just under the limit is read, in linear time.
	var b strings.Builder
	b.WriteString("student: A\nanswers:\n")
	for i := range 99_000 {
		fmt.Fprintf(&b, "  q%d: x\n", i)
	}
	if s, err := Read("ok.yaml", 0, []byte(b.String())); err != nil || len(s.Answers) != 99_000 {
		t.Errorf("ok.yaml: %v", err)
	}
}
