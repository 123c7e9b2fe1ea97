package sheet_test

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/sheet"
	"github.com/conflictq/conflictq/quiz/worksheet"
)

// The answer sheet letters a question's options as the paper test made with
// the same set and seed letters them, so that a student's paper copies across
// letter for letter; its key gives choices by those letters (grading the key:
// grade.txtar, sheet_key.txtar) (teacher3 P10).
func TestSheetLettersOptionsAsThePaper(t *testing.T) {
	b := assets.CompiledBank("comprehension")
	filter := quiz.Filter{Count: 12, Set: "9c"}
	questions, err := quiz.Select([]*quiz.Bank{b}, filter, 42)
	if err != nil {
		t.Fatal(err)
	}
	var blank, key, paper bytes.Buffer
	layout := sheet.Layout{Banks: []string{"comprehension"}, Seed: 42, Set: "9c", Count: 12}
	if err := sheet.WriteYAML(&blank, questions, layout); err != nil {
		t.Fatal(err)
	}
	layout.Key = true
	if err := sheet.WriteYAML(&key, questions, layout); err != nil {
		t.Fatal(err)
	}
	if err := worksheet.Write(&paper, b, worksheet.Paper{Filter: filter, Seed: 42, Shuffle: true, Key: worksheet.NoKey}); err != nil {
		t.Fatal(err)
	}
	sheetOptions := regexp.MustCompile(`(?m)^  #    ([a-z])\) (.*)$`).FindAllStringSubmatch(blank.String(), -1)
	paperOptions := regexp.MustCompile(`(?m)^- ([a-z])\) (.*)$`).FindAllStringSubmatch(paper.String(), -1)
	pairs := func(ms [][]string) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m[1]+") "+strings.ReplaceAll(m[2], `\`, ""))
		}
		return out
	}
	got, want := pairs(sheetOptions), pairs(paperOptions)
	if len(want) < 20 || !slices.Equal(got, want) {
		t.Errorf("the sheet's options\n%q\nthe paper's\n%q", got, want)
	}
	for _, q := range questions {
		if q.Type != quiz.Single && q.Type != quiz.Multi {
			continue
		}
		line := regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(q.ID) + `: ([^#\n]*[^#\s])`).FindStringSubmatch(key.String())
		if line == nil || !regexp.MustCompile(`^(\[[a-z](, [a-z])*\]|[a-z])$`).MatchString(line[1]) {
			t.Errorf("%s: the key gives %q, not the letters", q.ID, line)
		}
	}
}
