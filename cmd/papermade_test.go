package cmd

import (
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/worksheet"
)

// The sheet command printed on a paper's key can be pasted into a shell as
// it is, whatever the bank's path or the set's name (teacher3 P1), in sh,
// PowerShell or a school PC's cmd.exe (double quotes, as define's pointer
// to the full entry); the set and seed, for the test too, hold no command
// (teacher4 P6). A word with a character the shells read differently inside
// double quotes falls back to POSIX single quotes.
func TestPaperMadeQuotes(t *testing.T) {
	t.Parallel()
	p := worksheet.Paper{Filter: quiz.Filter{Count: 3, Set: "9c it's"}, Seed: 7, Shuffle: true}
	made, command := paperMade("my banks/x.yaml", p)
	if want := "Set 9c it's, seed 7"; made != want {
		t.Errorf("made: got  %s\nwant %s", made, want)
	}
	if want := `conflictq sheet --bank "my banks/x.yaml" -n 3 --set "9c it's" --seed 7`; command != want {
		t.Errorf("command: got  %s\nwant %s", command, want)
	}
	p.Filter.Set = "9c $HOME"
	if _, command := paperMade("x.yaml", p); command != `conflictq sheet --bank x.yaml -n 3 --set '9c $HOME' --seed 7` {
		t.Errorf("a $ in the set's name: %s", command)
	}
	if made, command := paperMade("comprehension", worksheet.Paper{}); made+command != "" {
		t.Errorf("a whole bank in its own order: %q, %q, want none", made, command)
	}
}
