package marking

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// What mark says of a student's self-check: the key points ticked, by
// number, out of the question's; a yes or no from an older report.
func TestSelfCheckSays(t *testing.T) {
	yes, no := true, false
	for _, tt := range []struct {
		a    Answer
		keys int
		want string
	}{
		{Answer{}, 3, "not asked"},
		{Answer{SelfCheck: &yes}, 3, "yes"},
		{Answer{SelfCheck: &no}, 3, "no"},
		{Answer{SelfCheck: &no, SelfCheckPoints: []int{1, 3}}, 3, "2 of 3 key points (1, 3)"},
		{Answer{SelfCheck: &no, SelfCheckPoints: []int{}}, 3, "0 of 3 key points"},
		{Answer{SelfCheck: &yes, SelfCheckPoints: []int{1, 2, 3}}, 3, "3 of 3 key points (1, 2, 3)"},
		{Answer{SelfCheck: &yes, SelfCheckPoints: []int{1}}, 1, "1 of 1 key point (1)"},
		// No bank has the question: the count alone.
		{Answer{SelfCheck: &no, SelfCheckPoints: []int{2}}, 0, "1 key point (2)"},
		// The bank cut its key points since the quiz.
		{Answer{SelfCheck: &no, SelfCheckPoints: []int{1, 6}}, 4, "key points (1, 6), as the question was then (it has 4 now)"},
	} {
		if got := tt.a.SelfCheckSays(tt.keys); got != tt.want {
			t.Errorf("%v %v of %d: %q, want %q", tt.a.SelfCheck, tt.a.SelfCheckPoints, tt.keys, got, tt.want)
		}
	}
}

// Collect hands mark the points a report's self-check ticked; a report
// that has only self_check gives none.
func TestCollectCarriesSelfCheckPoints(t *testing.T) {
	dir := t.TempDir()
	ana := writeReport(t, dir, "Ana", nil)
	data, _ := os.ReadFile(ana)
	src := `"source": "Questions, ¶1: “What was the Soviet Union?”"`
	if !strings.Contains(string(data), src) {
		t.Fatalf("no %s in the report:\n%s", src, data)
	}
	data = []byte(strings.Replace(string(data), src, src+`, "self_check": false, "self_check_points": [1, 3]`, 1))
	if err := os.WriteFile(ana, data, 0o644); err != nil {
		t.Fatal(err)
	}
	writeReport(t, dir, "Bo", nil)
	files, _ := Reports([]string{dir})
	qs, errs := Collect(files, nil, Filter{})
	if len(errs) != 0 || len(qs) != 1 || len(qs[0].Answers) != 2 {
		t.Fatalf("%v %+v", errs, qs)
	}
	for _, a := range qs[0].Answers {
		switch a.Student {
		case "Ana":
			if !slices.Equal(a.SelfCheckPoints, []int{1, 3}) || a.SelfCheck == nil || *a.SelfCheck {
				t.Errorf("Ana: %v %v", a.SelfCheck, a.SelfCheckPoints)
			}
		case "Bo":
			if a.SelfCheckPoints != nil || a.SelfCheck != nil {
				t.Errorf("Bo: %v %v", a.SelfCheck, a.SelfCheckPoints)
			}
		}
	}
}
