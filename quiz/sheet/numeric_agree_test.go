package sheet_test

import (
	"fmt"
	"testing"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// A number with a word after it reads the same typed at the screen or the
// plain prompt (which resolve quiz.Typed, as the session does) and written
// on a paper sheet (teacher11 P9: "613 people" refused on the screen, "350
// soldiers" read on paper, for two questions whose units differ). Each
// embedded numeric question is given its own number with its unit, with the
// nouns its prompt asks about and with others; both readings must agree.
func TestNumbersReadAlikeOnScreenAndPaper(t *testing.T) {
	lib := &quiz.Library{Embedded: assets.Banks(), Compiled: assets.CompiledBank, Generated: assets.GeneratedBanks}
	read := map[string]bool{}
	for _, name := range lib.Names() {
		b, _, err := lib.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range b.Questions {
			if q.Type != quiz.Numeric {
				continue
			}
			n := fmt.Sprint(q.Value)
			for _, word := range []string{"", q.Unit, "people", "soldiers", "civilians", "dead", "days", "year", "thousand"} {
				answer := n
				if word != "" {
					answer += " " + word
				}
				_, screenErr := q.Resolve(quiz.Typed(answer), nil)
				src := fmt.Sprintf("student: A\nanswers:\n  %s: %s\n", q.ID, answer)
				s, err := sheet.Read("a.yaml", 0, []byte(src))
				if err != nil {
					t.Fatalf("%s: %v", src, err)
				}
				v, _ := s.Answer(q.ID)
				_, problems := s.ReadAnswer(q, v, 0)
				if paper := quiz.CountErrors(problems) == 0; paper != (screenErr == nil) {
					t.Errorf("%s %q: on paper read=%v, on the screen err=%v", q.ID, answer, paper, screenErr)
				}
				read[q.ID+": "+answer] = screenErr == nil
			}
		}
	}
	// The two the teacher met: one rule, the unit or a noun the question
	// asks about.
	for answer, want := range map[string]bool{
		"clashes-2016: 350 soldiers": true, "clashes-2016: 350 civilians": true, "clashes-2016: 350 dead": false,
		"azerbaijan-toll: 613 civilians": true, "azerbaijan-toll: 613 people": false,
	} {
		if got, ok := read[answer]; !ok || got != want {
			t.Errorf("%s: read %v (tried %v), want %v", answer, got, ok, want)
		}
	}
}
