package grade_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/grade"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/sheet"
	"github.com/conflictq/conflictq/quiz/text"
)

// While a sheet waits for a teacher's mark, the statistics leave the open
// questions out: the Markdown and text summaries say so, with the maximum
// they count, as the class page does, and agree with it (teacher4 P5:
// stats.md gave "Maximum score 8" with no word of why).
func TestSummarySaysWhyOpenQuestionsAreLeftOut(t *testing.T) {
	g := &grade.Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}
	var cs grade.ClassStats
	var page bytes.Buffer
	pw, err := grade.NewResultWriter("html", &page, grade.ResultOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range []string{
		`{"answers":{"capital":"Baku","ussr":"a union of republics"}}`, // to mark
		`{"answers":{"capital":"Yerevan"}}`,
	} {
		sh, err := sheet.Read("s.jsonl", i+1, []byte(s))
		if err != nil {
			t.Fatal(err)
		}
		r, err := g.Grade(sh)
		if err != nil {
			t.Fatal(err)
		}
		cs.Add(r)
		pw.Write(r)
	}
	if err := pw.Close(); err != nil {
		t.Fatal(err)
	}
	sum := cs.Summary(30)
	if sum.ToMark != 1 {
		t.Fatalf("summary counts %d sheets to mark, want 1", sum.ToMark)
	}
	pageMax := regexp.MustCompile(`count the automatically marked questions only, out of (\d+(?:\.\d+)?) points`).FindStringSubmatch(page.String())
	if pageMax == nil {
		t.Fatalf("the class page does not say what it leaves out:\n%s", page.String())
	}
	want := "Note: 1 sheet has open answers not yet marked: until every open answer is marked (conflictq mark), these statistics count the automatically marked questions only, out of " + pageMax[1] + " points, and leave the open questions out."
	var md, txt bytes.Buffer
	if err := sum.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if err := sum.WriteText(&txt); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"Markdown": md.String(), "text": txt.String()} {
		if !strings.Contains(out, want) {
			t.Errorf("the %s summary lacks the note the class page gives (%q):\n%s", name, want, out)
		}
	}
	if got := text.FormatNum(sum.MaxScore); got != pageMax[1] {
		t.Errorf("the summary's maximum score is %s, the class page's %s", got, pageMax[1])
	}
	// Once every open answer is marked there is nothing to explain.
	var marked grade.ClassStats
	sh, _ := sheet.Read("s.jsonl", 1, []byte(`{"answers":{"capital":"Baku"}}`))
	r, _ := g.Grade(sh)
	marked.Add(r)
	md.Reset()
	marked.Summary(30).WriteMarkdown(&md)
	if strings.Contains(md.String(), "not yet marked") {
		t.Errorf("a class with nothing to mark is told some answers wait:\n%s", md.String())
	}
}
