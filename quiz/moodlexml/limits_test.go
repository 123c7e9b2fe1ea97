package moodlexml

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

func tfQuestions(n int, name func(i int) string) []byte {
	var b strings.Builder
	b.WriteString("<quiz>\n")
	for i := range n {
		fmt.Fprintf(&b, `<question type="truefalse"><name><text>%s</text></name><questiontext><text>S%d.</text></questiontext><answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>
`, name(i), i)
	}
	b.WriteString("</quiz>\n")
	return []byte(b.String())
}

// A Moodle XML bank holds at most quiz.MaxQuestions, as a GIFT or YAML one.
func TestParseTooManyQuestions(t *testing.T) {
	var b strings.Builder
	b.WriteString("<quiz>\n")
	for range quiz.MaxQuestions + 1 {
		b.WriteString("<question type=\"description\"><questiontext><text>S</text></questiontext></question>\n")
	}
	b.WriteString("</quiz>\n")
	data := []byte(b.String())
	_, _, err := Parse("big.xml", data)
	var inv *quiz.InvalidError
	if !errors.As(err, &inv) || !strings.Contains(err.Error(), "more than 10000 questions; a bank holds at most 10000") {
		t.Fatalf("err = %v", err)
	}
}

// Problems are capped as every format caps them (quiz.Problems), with a
// count of the rest; ids given again are numbered as GIFT numbers them.
func TestParseProblemsAndDuplicateIDs(t *testing.T) {
	n := quiz.MaxProblems + 50
	b, warnings, err := Parse("dup.xml", tfQuestions(n, func(int) string { return "same" }))
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != quiz.MaxProblems+1 || !strings.Contains(warnings[quiz.MaxProblems].Msg, "and 49 more") {
		t.Errorf("%d warnings, last %v", len(warnings), warnings[len(warnings)-1])
	}
	if got := []string{b.Questions[0].ID, b.Questions[1].ID, b.Questions[2].ID, b.Questions[n-1].ID}; strings.Join(got, " ") != fmt.Sprintf("same same-2 same-3 same-%d", n) {
		t.Errorf("ids %q", got)
	}
}
