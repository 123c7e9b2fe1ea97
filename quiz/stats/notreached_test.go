package stats

import (
	"encoding/json"
	"testing"
)

// A question a stopped quiz never showed is left out of that question's
// statistics but counts 0 in the student's total; the running sums keep the
// count through JSON (grade --sums) and Merge (conflictq summary).
func TestNotReachedSurvivesSumsAndMerge(t *testing.T) {
	shard := func() *Stats {
		s := New([]string{"a", "b"}, []float64{1, 1})
		s.AddReached([]int{0, 1}, []float64{1, 1}, nil)
		s.AddReached([]int{0, 1}, []float64{0, 0.5}, nil)
		s.AddReached([]int{0, 1}, []float64{1, 0}, []bool{true, false})
		return s
	}
	data, err := json.Marshal(shard())
	if err != nil {
		t.Fatal(err)
	}
	var back Stats
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if err := back.Merge(shard()); err != nil {
		t.Fatal(err)
	}
	sum := back.Summary(30)
	b := sum.Items[1]
	if b.Students != 4 || b.NotReached != 2 || b.Facility != 75 {
		t.Errorf("b: %d students, %d not reached, facility %v; want 4, 2, 75", b.Students, b.NotReached, b.Facility)
	}
	if sum.Count != 6 || sum.Stopped != 2 || sum.Alpha != nil || sum.MaxScore != 2 || sum.MixedSets() {
		t.Errorf("count %d, stopped %d, alpha %v, max %v, mixed %v; want 6, 2, nil, 2, false", sum.Count, sum.Stopped, sum.Alpha, sum.MaxScore, sum.MixedSets())
	}
	bad := []byte(`{"conflictq_stats":1,"n":1,"totals":{"0":1},"questions":[{"id":"a","max_mark":1,"n":1,"not_reached":1,"marks":{"0":1},"rest":{"0":1}}]}`)
	if err := json.Unmarshal(bad, &back); err == nil {
		t.Error("sums with more students than there are accepted")
	}
}
