package session

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
)

// matchPrompter pairs each left item with the right one given.
type matchPrompter struct {
	openPrompter
	pairs []int
}

func (p *matchPrompter) Match(string, []string, []string) ([]int, error) { return p.pairs, nil }

// matchQuestions are the embedded banks' match questions.
func matchQuestions(t *testing.T) []*quiz.Question {
	t.Helper()
	return embeddedQuestions(t, "match", 3, func(q *quiz.Question) bool { return q.Type == quiz.Match })
}

// teacher9 P2: at 80x24 in practice, a match question's verdict ("◐ Partly
// right: 0.75 of 1 point.") had scrolled off above the ✓/✗ pair lines at
// the pause. For every embedded match question, with one pair swapped and
// with every pair wrong, the verdict comes after the pair lines, and from
// it to the pause the feedback fits the rows left above the pause; each
// wrong pair says where it goes, and the pairs are not listed again under
// "Answer:". With one pair swapped (the teacher's case), the pair lines
// fit too, the right ones cut to a row ending in "…" where need be.
func TestMatchFeedbackKeepsTheVerdictOnScreen(t *testing.T) {
	worst := 0
	for _, q := range matchQuestions(t) {
		n := len(q.Pairs)
		swapped := make([]int, n) // the first two pairs swapped
		rotated := make([]int, n) // every pair wrong
		for i := range n {
			swapped[i], rotated[i] = i, (i+1)%n
		}
		swapped[0], swapped[1] = 1, 0
		for _, pairs := range [][]int{swapped, rotated} {
			perm := make([]int, n)
			for i := range perm {
				perm[i] = i
			}
			var out bytes.Buffer
			s := &Session{Questions: []*quiz.Presented{{Question: q, Perm: perm}}, Mode: quiz.Practice,
				Prompter: &matchPrompter{pairs: pairs}, Out: &out, Width: 80, Height: 24}
			if _, err := s.Run(context.Background()); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
			i := slices.IndexFunc(lines, func(l string) bool {
				return strings.HasPrefix(l, "◐ Partly right") || strings.HasPrefix(l, "✗ Not right")
			})
			if i < 0 {
				t.Fatalf("%s: no verdict:\n%s", q.ID, out.String())
			}
			first := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "✓ ") || strings.HasPrefix(l, "✗ ") })
			if first < 0 || first >= i || slices.ContainsFunc(lines[first:i], func(l string) bool {
				return !strings.HasPrefix(l, "✓ ") && !strings.HasPrefix(l, "✗ ") && !strings.HasPrefix(l, "  ")
			}) {
				t.Errorf("%s: the verdict is not right after the pair lines:\n%s", q.ID, out.String())
			}
			room := 24 - pauseRows
			if len(lines)-i > room {
				t.Errorf("%s: %d rows from the verdict to the pause, room for %d:\n%s", q.ID, len(lines)-i, room, strings.Join(lines[i:], "\n"))
			}
			worst = max(worst, len(lines)-first)
			if pairs[0] == 1 && pairs[1] == 0 && len(lines)-first > room {
				t.Errorf("%s: one pair swapped, and the pair lines do not fit:\n%s", q.ID, strings.Join(lines[first:], "\n"))
			}
			if strings.Contains(out.String(), "Answer:") {
				t.Errorf("%s: the pairs listed again:\n%s", q.ID, out.String())
			}
			for _, l := range lines {
				if w := text.Width(l); w > 80 {
					t.Errorf("%s: a line of %d columns: %q", q.ID, w, l)
				}
			}
			screen := strings.Join(lines[first:], "\n")
			for k, p := range q.Pairs {
				if pairs[k] != k && !strings.Contains(strings.Join(strings.Fields(screen), " "), "it goes with "+strings.Join(strings.Fields(p.Right), " ")) {
					t.Errorf("%s: the screen does not say where %q goes:\n%s", q.ID, p.Left, screen)
				}
			}
		}
	}
	t.Logf("at most %d rows from the first pair line to the pause", worst)
}
