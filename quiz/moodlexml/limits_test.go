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

// Choices that differ only in accents or case (attack18 F3) are warned of,
// as Validate words it, and the question is kept, not skipped.
func TestFoldAlikeWarnedNotSkipped(t *testing.T) {
	src := `<quiz><question type="multichoice"><name><text>city</text></name><questiontext><text>Which city?</text></questiontext><single>true</single><answer fraction="100"><text>Şuşa</text></answer><answer fraction="0"><text>Susa</text></answer></question></quiz>`
	b, warnings, err := Parse("c.xml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Questions) != 1 || len(warnings) != 1 || !strings.Contains(warnings[0].Error(), `choices: "Şuşa" and "Susa" differ only in accents or case`) || strings.Contains(warnings[0].Error(), "skipped") {
		t.Errorf("questions %d, warnings %v", len(b.Questions), warnings)
	}
}
