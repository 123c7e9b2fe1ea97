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
		want int
	}{
		{&SheetResult{Student: "Ana"}, 0},
		{&SheetResult{Student: "Bo", Passed: &no}, 0},
		{&SheetResult{}, 0},
		{&SheetResult{}, 0},
		{&SheetResult{Student: "Ana"}, 1},
		{&SheetResult{Student: "Bo"}, 2},
	} {
		if got := tl.Add(c.r); got != c.want {
			t.Errorf("sheet %d: earlier %d, want %d", i+1, got, c.want)
		}
	}
	if tl.Graded != 6 || tl.Failed != 1 || tl.Unreadable != 1 || tl.BadAnswers != 0 {
		t.Errorf("tally %+v", tl)
	}
}
