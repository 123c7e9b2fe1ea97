package history

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
)

// The progress table's columns line up on a terminal with a tag in Chinese
// (two columns a character): cells are padded by the columns they take.
func TestTextTableAlignsWideTags(t *testing.T) {
	b := testBank(2)
	b.Questions[0].Tags = []string{"历史"}
	b.Questions[1].Tags = []string{"chronology"}
	rs := []Record{rec(b, 0, t0, 1, 3), rec(b, 1, t0, 1, 3)}
	p := build(rs, nil).For([]*quiz.Bank{b}).Summarize("Ana", t0.Add(time.Hour))
	for _, bars := range []bool{false, true} {
		var out bytes.Buffer
		if err := p.WriteText(&out, TextOptions{Bars: bars}); err != nil {
			t.Fatal(err)
		}
		_, table, ok := strings.Cut(out.String(), "\nTag ")
		if !ok {
			t.Fatalf("no tag table:\n%s", out.String())
		}
		lines := strings.Split("Tag "+table, "\n")
		seen := text.Width(lines[0][:strings.Index(lines[0], "Seen")+len("Seen")])
		rows := 0
		for _, l := range lines[1:] {
			if i := strings.Index(l, "1/1"); i >= 0 {
				rows++
				if got := text.Width(l[:i+len("1/1")]); got != seen {
					t.Errorf("bars %v: Seen ends at column %d, not %d:\n%s", bars, got, seen, out.String())
				}
			}
		}
		if rows != 2 {
			t.Errorf("bars %v: %d tag rows:\n%s", bars, rows, out.String())
		}
	}
}
