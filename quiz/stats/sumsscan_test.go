package stats

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

// scanSums takes what appendSums writes, and whatever it takes it reads as
// encoding/json reads it: for random classes' sums, and for those sums
// edited at random (bytes changed, dropped, doubled; whitespace; numbers
// that are no int; keys out of order, twice, or unknown), where it either
// passes the bytes to encoding/json or reads the same values.
func TestScanSumsAsEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(26, 55))
	same := func(t *testing.T, data []byte, mustTake bool) bool {
		t.Helper()
		var want statsJSON
		werr := json.Unmarshal(data, &want)
		got, ok := scanSums(data)
		if mustTake && !ok {
			t.Fatalf("scanSums passed over sums appendSums wrote:\n%s", data)
		}
		if ok && (werr != nil || !reflect.DeepEqual(got, want)) {
			t.Fatalf("scanSums read\n%s\nas %+v\nencoding/json: %+v, %v", data, got, want, werr)
		}
		return ok
	}
	edits := []string{" ", "\n", "0", "9", "-", "+", ".", "e", "E", "1e400", "\"", "\\", ",", ":", "{", "}", "[", "]", "null", "1.0", "-0", "007",
		`"x":1,`, `,"n":3`, `"+5"`, `"\u0031"`, "\xff", "é"}
	taken := 0
	for n := range 3000 {
		s := withMarking(rng, randomStats(rng))
		if n%7 == 0 {
			s = New(nil, nil)
		}
		data, err := s.MarshalJSON()
		if err != nil {
			continue
		}
		plain := !containsEscape(data)
		same(t, data, plain)
		same(t, append(append([]byte{}, data...), " \n\t"...), plain)
		for range 10 {
			mut := append([]byte{}, data...)
			at := rng.IntN(len(mut))
			switch rng.IntN(4) {
			case 0: // replace
				e := edits[rng.IntN(len(edits))]
				end := min(len(mut), at+rng.IntN(3))
				mut = append(mut[:at:at], append([]byte(e), mut[end:]...)...)
			case 1: // drop
				mut = append(mut[:at:at], mut[min(len(mut), at+1+rng.IntN(8)):]...)
			case 2: // double
				end := min(len(mut), at+1+rng.IntN(20))
				mut = append(mut[:end:end], mut[at:]...)
			default: // insert
				mut = append(mut[:at:at], append([]byte(edits[rng.IntN(len(edits))]), mut[at:]...)...)
			}
			if same(t, mut, false) {
				taken++
			}
		}
	}
	t.Logf("%d edited sums read by scanSums, the rest by encoding/json", taken)
	if taken == 0 {
		t.Error("no edited sums were read by scanSums: the edits test nothing of it")
	}
	// Sums written before n, maxes and the histogram were: read as before.
	for _, old := range []string{
		`{"conflictq_stats":1,"n":2,"mean_total":1.5,"m2_total":0.5,"totals":{"1000000":1,"2000000":1},"questions":[{"id":"b/q","max_mark":2,"mean_x":1.5,"mean_y":0,"m2_x":0.5,"m2_y":0,"c_xy":0,"marks":{"1000000":1,"2000000":1},"rest":{"0":2}}]}`,
		`{"conflictq_stats":1,"n":0,"mean_total":0,"m2_total":0,"totals":{},"questions":[]}`,
		`{"conflictq_stats":2,"n":0,"mean_total":0,"m2_total":0,"totals":{},"questions":[{"id":"x","max_mark":1,"mean_x":0,"mean_y":0,"m2_x":0,"m2_y":0,"c_xy":0,"marks":null,"rest":null}]}`,
		`{"conflictq_stats":1,"n":1,"mean_total":0,"m2_total":0,"totals":{"+5":1,"05":2},"questions":[]}`,
	} {
		same(t, []byte(old), true)
	}
}

// containsEscape reports whether data has a backslash: sums whose ids
// appendSums escaped, which scanSums leaves to encoding/json.
func containsEscape(data []byte) bool {
	for _, c := range data {
		if c == '\\' || c >= 0x80 {
			return true
		}
	}
	return false
}

// BenchmarkScanSums measures why scanSums is hand-written: a class of 30's
// sums for a twenty-question quiz, read by scanSums and by encoding/json into
// the same statsJSON.
func BenchmarkScanSums(b *testing.B) {
	ids := make([]string, 20)
	maxMarks := make([]float64, 20)
	for i := range ids {
		ids[i], maxMarks[i] = fmt.Sprintf("khojaly/q%d", i+1), 2
	}
	rng := rand.New(rand.NewPCG(30, 20))
	s := New(ids, maxMarks)
	for range 30 {
		row := make([]float64, len(ids))
		for q := range row {
			row[q] = float64(rng.IntN(5)) / 2
		}
		s.Add(row)
	}
	data, err := s.MarshalJSON()
	if err != nil {
		b.Fatal(err)
	}
	if _, ok := scanSums(data); !ok {
		b.Fatalf("scanSums passed over:\n%s", data)
	}
	b.Run("scanSums", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for range b.N {
			if _, ok := scanSums(data); !ok {
				b.Fatal("passed over")
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for range b.N {
			var in statsJSON
			if err := json.Unmarshal(data, &in); err != nil {
				b.Fatal(err)
			}
		}
	})
}
