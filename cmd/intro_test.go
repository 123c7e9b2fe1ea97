package cmd

import (
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
)

// The line under the title breaks between fields, never inside a word, and
// on a narrow screen between what the quiz is and what makes it the same
// for everyone (teacher15 P2: "… seed 923807332 · time lim" / "it 1m0s").
func TestIntroLineBreaksBetweenFields(t *testing.T) {
	timed := &QuizOptions{Selection: Selection{Seed: 923807332, Set: "9c", Types: []string{"closed"}}, TimeLimit: time.Minute}
	tests := []struct {
		name  string
		opts  *QuizOptions
		width int
		want  string
	}{
		{"timed set at 80", timed, 80,
			"10 questions · exam mode · closed questions\nset 9c · seed 923807332 · time limit 1m0s"},
		{"timed set in a pipe", timed, 0,
			"10 questions · exam mode · closed questions · set 9c · seed 923807332 · time limit 1m0s"},
		{"timed set at 100", timed, 100,
			"10 questions · exam mode · closed questions · set 9c · seed 923807332 · time limit 1m0s"},
		{"plain seed at 80", &QuizOptions{Selection: Selection{Seed: 7}}, 80, "10 questions · exam mode · seed 7"},
		{"very narrow", timed, 30,
			"10 questions · exam mode ·\nclosed questions\nset 9c · seed 923807332 · time\nlimit 1m0s"},
	}
	for _, tt := range tests {
		got := introLine(10, quiz.Exam, tt.opts, tt.width)
		if got != tt.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tt.name, got, tt.want)
		}
		// The same words in the same order, each whole; a break between
		// the two parts drops the "·" there.
		words := func(s string) string { return strings.Join(strings.Fields(strings.ReplaceAll(s, "·", "")), " ") }
		if words(got) != words(introLine(10, quiz.Exam, tt.opts, 0)) {
			t.Errorf("%s: a word was broken or lost:\n%s", tt.name, got)
		}
		for _, line := range strings.Split(got, "\n") {
			if tt.width > 0 && text.Width(line) > tt.width {
				t.Errorf("%s: a line of %d columns: %q", tt.name, text.Width(line), line)
			}
		}
	}
}
