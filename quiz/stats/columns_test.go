package stats

import (
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz/text"
)

// The statistics table's columns line up on a terminal with a cell in
// Chinese (two columns a character): widths are columns, not characters.
func TestColumnsAlignWideCells(t *testing.T) {
	var b strings.Builder
	writeColumns(&b, [][]string{{"Question", "Max", ""}, {"历史", "1", "!"}, {"chronology-question", "10", ""}})
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("%q", b.String())
	}
	end := text.Width(lines[0][:strings.Index(lines[0], "Max")+3])
	for _, l := range lines[1:] {
		i := strings.IndexAny(l, "0123456789")
		if j := strings.IndexByte(l[i:], ' '); j > 0 {
			i += j
		} else {
			i = len(l)
		}
		if got := text.Width(l[:i]); got != end {
			t.Errorf("Max ends at column %d, not %d:\n%s", got, end, b.String())
		}
	}
}
