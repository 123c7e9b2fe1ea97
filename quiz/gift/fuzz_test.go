package gift

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/cost"
)

// FuzzParse feeds the parser arbitrary text, seeded with every construct and
// error case of the tests and the golden exports. It must never panic; a bank
// it accepts must hold the loader's guarantees, load as YAML, and come back
// from Export and Parse with the same questions.
func FuzzParse(f *testing.F) {
	for _, tc := range constructs {
		f.Add([]byte(tc.src))
	}
	files, _ := filepath.Glob("testdata/*.gift")
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"Q {=a ~b", "}{", "::", "::a::", "{#", "{#1..}", "{=a -> b =c -> d ~e}", "$CATEGORY:", "A {T}\nB {F}",
		"Q {~%-100%a ~%100%b}", "Q {#=%50%1 =%50%2}", "\\", "Q {1:SA:=x}", "[html]<b>", "Q {=%5%a =b}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var b *quiz.Bank
		var err error
		cost.Bounded(t, len(data), func() { b, _, err = Parse("fuzz.gift", data) }) // linear, bounded
		if err != nil {
			return
		}
		for _, q := range b.Questions {
			if msgs := check(q); len(msgs) > 0 {
				t.Fatalf("%s: %v", q.ID, msgs)
			}
		}
		loadsAsYAML(t, b)
		back, notes, _ := roundTrip(t, b)
		sameQuestions(t, b, back, notes, true)
	})
}
