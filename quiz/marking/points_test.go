package marking

import (
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

// A marks CSV reads points as mark's prompt and a sheet do (quiz.ParsePoints,
// in its words, with the line); an empty cell is a mark not given.
func TestReadCSVPoints(t *testing.T) {
	for _, tc := range []struct {
		cell string
		want float64 // -1: refused
	}{
		{`"1,5"`, 1.5}, {"1.5", 1.5}, {"2", 2}, {"-1", -1}, {"0.3", -1}, {"NaN", -1}, {"1e3", -1}, {"1001", -1}, {"1000", 1000},
	} {
		got, probs := ReadCSV("m.csv", strings.NewReader("file,ussr,ussr:answer\na.json,"+tc.cell+",text\n"))
		if tc.want >= 0 {
			if len(probs) != 0 || len(got) != 1 || got[0].Points != tc.want {
				t.Errorf("%s: %+v %v", tc.cell, got, probs)
			}
			continue
		}
		_, perr := quiz.ParsePoints(strings.Trim(tc.cell, `"`), quiz.MaxPoints)
		if want := `m.csv:2: question "ussr": ` + perr.Error(); len(got) != 0 || len(probs) != 1 || probs[0].Error() != want {
			t.Errorf("%s: %+v %v, want %s", tc.cell, got, probs, want)
		}
	}
	if got, probs := ReadCSV("m.csv", strings.NewReader("file,ussr,ussr:answer\na.json,,text\n")); len(got) != 0 || len(probs) != 0 {
		t.Errorf("empty cell: %+v %v", got, probs)
	}
}
