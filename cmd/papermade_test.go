package cmd

import (
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/worksheet"
)

// The sheet command printed on a paper test can be pasted into a shell as it
// is, whatever the bank's path or the set's name (teacher3 P1).
func TestPaperMadeQuotes(t *testing.T) {
	t.Parallel()
	p := worksheet.Paper{Filter: quiz.Filter{Count: 3, Set: "9c it's"}, Seed: 7, Shuffle: true}
	want := `Set 9c it's, seed 7; make the matching answer sheet with: conflictq sheet --bank 'my banks/x.yaml' -n 3 --set '9c it'\''s' --seed 7`
	if got := paperMade("my banks/x.yaml", p); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := paperMade("comprehension", worksheet.Paper{}); got != "" {
		t.Errorf("a whole bank in its own order: %q, want none", got)
	}
}
