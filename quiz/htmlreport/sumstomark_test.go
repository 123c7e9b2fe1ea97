package htmlreport_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz/htmlreport"
	"github.com/conflictq/conflictq/quiz/stats"
)

// The page of merged sums (summary -o class.html) says how many sheets wait
// for a mark, as the text, Markdown and JSON summaries do, and "at least"
// when sums from an older conflictq could not say how many of theirs wait
// (attack24 L8); it said nothing of sheets waiting.
func TestSumsPageSaysSheetsToMark(t *testing.T) {
	for _, c := range []struct {
		toMark, unknown int
		want            string
	}{
		{2, 0, `<p class="note" id="to-mark-note">2 sheets have open answers not yet marked: until`},
		{2, 1234, `<p class="note" id="to-mark-note">At least 2 sheets have open answers not yet marked (sums from an older conflictq, of 1,234 sheets, do not say how many of theirs do): until`},
		// Older sums alone: no note read as none waiting (recheck29 N4).
		{0, 1234, `<p class="note" id="to-mark-note">Sums from an older conflictq, of 1234 sheets, do not say whether any has open answers not yet marked`},
	} {
		s := stats.New([]string{"b/q1"}, []float64{1})
		s.Add([]float64{1})
		s.Add([]float64{0})
		s.SetToMark(c.toMark, nil)
		sum := s.Summary(30)
		sum.ToMarkUnknown = c.unknown
		var b bytes.Buffer
		if err := htmlreport.NewClass(nil, time.Time{}).Write(&b, sum); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), c.want) {
			t.Errorf("unknown %d: the page does not say %q:\n%s", c.unknown, c.want, b.String())
		}
	}
}
