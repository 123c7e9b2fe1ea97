package report

import (
	"slices"
	"strings"
	"testing"
)

// A hand-edited self-check is passed over, with a warning naming the file,
// the field and its line (attack7 G), not a reason to refuse the report
// (attack6 #4): mark reads it as grade does.
func TestReadPassesOverAHandEditedSelfCheck(t *testing.T) {
	for _, tt := range []struct {
		points, check string
		want          []int
		warn          string
	}{
		{`[1, 3]`, `false`, []int{1, 3}, ""},
		{`[]`, `false`, []int{}, ""},
		{`[3, 1, 1, 3]`, `false`, []int{1, 3}, "self_check_points"},
		{`[1, "x", "3", [1, [2]], {"a": "]"}, "a\"b", 2.5, null, true, -1, 0, 99999999999999999999]`, `false`, []int{1, 3}, "self_check_points"},
		{`"1,3"`, `false`, nil, "self_check_points"},
		{`{"a": 1}`, `false`, nil, "self_check_points"},
		{`null`, `"yes"`, nil, "self_check"},
	} {
		data := `{"schema_version": 2, "student": "Ana", "questions": [{"id": "ussr", "bank": "open", "type": "open", "given": "A union.",
			"self_check": ` + tt.check + `, "self_check_points": ` + tt.points + `}]}`
		rep, err := Read("ana.json", []byte(data))
		if err != nil {
			t.Errorf("%s: %v", tt.points, err)
			continue
		}
		got := rep.Questions[0].SelfCheckPoints
		if !slices.Equal(got, tt.want) || (got == nil) != (tt.want == nil) {
			t.Errorf("%s: points %v, want %v", tt.points, got, tt.want)
		}
		switch {
		case tt.warn == "" && len(rep.Warnings) > 0:
			t.Errorf("%s: warned %v", tt.points, rep.Warnings)
		case tt.warn != "" && (len(rep.Warnings) != 1 || !strings.HasPrefix(rep.Warnings[0].Error(), `ana.json:2: warning: question "ussr": questions[0].`+tt.warn+": ")):
			t.Errorf("%s: warnings %v", tt.points, rep.Warnings)
		}
	}
}
