package stats

import (
	"encoding/json"
	"reflect"
	"strconv"
	"testing"
)

// Shards' sums written as JSON, read back and merged, give the statistics of
// the whole class.
// roundAll turns a summary into generic JSON with every number rounded to
// nine significant digits: merging adds in another order, which moves the
// last bits.
func roundAll(t *testing.T, s StatsSummary) any {
	data, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	json.Unmarshal(data, &v)
	var walk func(any) any
	walk = func(v any) any {
		switch x := v.(type) {
		case float64:
			r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 9, 64), 64)
			return r
		case []any:
			for i := range x {
				x[i] = walk(x[i])
			}
		case map[string]any:
			for k := range x {
				x[k] = walk(x[k])
			}
		}
		return v
	}
	return walk(v)
}

func TestStatsSumsTravel(t *testing.T) {
	ids, max := []string{"a", "b", "c"}, []float64{1, 2, 1}
	rows := [][]float64{{1, 2, 0}, {0, 1, 1}, {1, 0, 0}, {0.5, 2, 1}, {1, 1.5, 1}}
	whole := New(ids, max)
	for _, r := range rows {
		whole.Add(r)
	}
	var shards []*Stats
	for _, part := range [][][]float64{rows[:2], rows[2:]} {
		s := New(ids, max)
		for _, r := range part {
			s.Add(r)
		}
		data, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var back Stats
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatal(err)
		}
		shards = append(shards, &back)
	}
	if err := shards[0].Merge(shards[1]); err != nil {
		t.Fatal(err)
	}
	got, want := roundAll(t, shards[0].Summary(30)), roundAll(t, whole.Summary(30))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("merged shards:\n%v\nwhole class:\n%v", got, want)
	}
	var bad Stats
	if err := json.Unmarshal([]byte(`{"n": 3}`), &bad); err == nil {
		t.Error("sums without a version accepted")
	}
}
