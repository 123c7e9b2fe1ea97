package gift

import (
	"strings"
	"testing"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
)

// Every embedded bank survives export and import: same ids, types, prompts,
// choices, answers, explanations and metadata. Only the notes' approximations
// and the $CATEGORY tag differ, and sameQuestions allows for exactly those.
func TestRoundTripEmbedded(t *testing.T) {
	for _, name := range []string{"comprehension", "perspectives", "timeline", "discussion", "vocabulary"} {
		t.Run(name, func(t *testing.T) {
			b := assets.CompiledBank(name)
			if b == nil {
				t.Fatalf("no embedded bank %q", name)
			}
			back, notes, _ := roundTrip(t, b)
			if back.ID != name {
				t.Errorf("bank id %q, want %q", back.ID, name)
			}
			sameQuestions(t, b, back, notes, false)
			// One note for each question GIFT cannot say as it is, and no other.
			noted := map[string]bool{}
			for _, n := range notes {
				id, _, _ := strings.Cut(n, ": ")
				noted[id] = true
			}
			for _, q := range b.Questions {
				approx := q.Type == quiz.Order || q.Unit != "" ||
					q.Type == quiz.Open && (len(q.Key) > 0 || q.Explanation != "") ||
					q.Type == quiz.Info && q.Explanation != ""
				if noted[q.ID] != approx {
					t.Errorf("%s (%s): noted %v, want %v", q.ID, q.Type, noted[q.ID], approx)
				}
			}
			loadsAsYAML(t, back)
		})
	}
}
