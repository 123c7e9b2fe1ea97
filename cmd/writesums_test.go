package cmd

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/conflictq/conflictq/quiz/stats"
)

// writeSums writes what json.NewEncoder(w).Encode(sums), which grade --sums
// and summary --sums used before, wrote: the same bytes, and the same error
// (Add refuses marks that would make sums no float holds, so the Encoder's
// error, which writeSums words alike, is not reached here).
func TestWriteSumsAsTheEncoder(t *testing.T) {
	var none, want bytes.Buffer
	json.NewEncoder(&want).Encode((*stats.Stats)(nil))
	if err := writeSums(nil)(&none); err != nil || none.String() != want.String() {
		t.Errorf("nil sums: %q, %v; want %q", none.String(), err, want.String())
	}
	rng := rand.New(rand.NewPCG(26, 3))
	ids := []string{"b/a", `b/<script>&"x"`, "b/\u2028é", "b/bad\xff"}
	for range 300 {
		s := stats.New(ids, []float64{1, 2, 0.5, 1.0 / 3})
		for range rng.IntN(40) {
			marks := make([]float64, len(ids))
			for j := range marks {
				marks[j] = float64(rng.IntN(4)) / 3
			}
			s.Add(marks)
		}
		var want, got bytes.Buffer
		werr := json.NewEncoder(&want).Encode(s)
		gerr := writeSums(s)(&got)
		if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
			t.Fatalf("error %v; want %v", gerr, werr)
		}
		if werr == nil && !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("got\n%s\nwant\n%s", got.Bytes(), want.Bytes())
		}
	}
}
