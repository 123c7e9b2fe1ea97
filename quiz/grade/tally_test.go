package grade

import "testing"

// The tally counts graded, failed and unreadable sheets, and names the
// earlier sheet of a student seen twice.
func TestTally(t *testing.T) {
	no := false
	var tl Tally
	tl.AddUnreadable()
	for i, c := range []struct {
		r    *SheetResult
		want string
	}{
		{&SheetResult{Student: "Ana", File: "ana.yaml"}, ""},
		{&SheetResult{Student: "Bo", File: "b.jsonl", Line: 3, Passed: &no}, ""},
		{&SheetResult{}, ""},
		{&SheetResult{}, ""},
		{&SheetResult{Student: "Ana", File: "ana2.yaml"}, "ana.yaml"},
		{&SheetResult{Student: "Bo", File: "bo.yaml"}, "b.jsonl:3"},
	} {
		if got := tl.Add(c.r); got != c.want {
			t.Errorf("sheet %d: earlier %q, want %q", i+1, got, c.want)
		}
	}
	if tl.Graded != 6 || tl.Failed != 1 || tl.Unreadable != 1 || tl.BadAnswers != 0 {
		t.Errorf("tally %+v", tl)
	}
}
