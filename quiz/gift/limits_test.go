package gift

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
)

// Issue 14, items 10 and 11: duplicate titles are numbered in linear time; a
// question with a million answers is refused by its count, a huge question by
// its size; and a million problems are listed as 200 and a count.
func TestParseLimits(t *testing.T) {
	t.Run("duplicate titles", func(t *testing.T) {
		data := strings.Repeat("::same:: Q? {=a ~b}\n\n", 9000)
		start := time.Now()
		b, warnings, err := Parse("dup.gift", []byte(data))
		if err != nil {
			t.Fatal(err)
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("9,000 copies of a title took %v", took)
		}
		if b.Questions[8999].ID != "same-9000" {
			t.Errorf("last id %q", b.Questions[8999].ID)
		}
		if last := warnings[len(warnings)-1]; last.Msg != "... and 8,799 more" {
			t.Errorf("last warning %q; want the count of those not listed", last.Msg)
		}
	})
	t.Run("many questions", func(t *testing.T) {
		_, _, err := Parse("many.gift", []byte(strings.Repeat("Q? {=a ~b}\n\n", quiz.MaxQuestions+1)))
		if err == nil || !strings.Contains(err.Error(), "more than 10000 questions") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("many answers", func(t *testing.T) {
		_, _, err := Parse("many.gift", []byte("Q{"+strings.Repeat("~a", 100000)+"}\n"))
		if err == nil || !strings.Contains(err.Error(), "100000 answers; a question has at most 100") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("huge question", func(t *testing.T) {
		_, _, err := Parse("huge.gift", []byte("Q "+strings.Repeat("x", MaxQuestionSize)+" {=a ~b}\n"))
		if err == nil || !strings.Contains(err.Error(), "huge.gift:1: this question is 1024 KB long") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("many problems", func(t *testing.T) {
		q := "Q{" + strings.Repeat("=a->b ", 50) + "}\n\n"
		_, _, err := Parse("pairs.gift", []byte(strings.Repeat(q, 1000)))
		inv, ok := err.(*quiz.InvalidError)
		if !ok || len(inv.Problems) != quiz.MaxProblems || inv.More < 40000 {
			t.Fatalf("err = %T with %d listed", err, len(inv.Problems))
		}
		if !regexp.MustCompile(`\npairs\.gift: \.\.\. and [0-9]{2},[0-9]{3} more$`).MatchString(err.Error()) {
			t.Errorf("error ends %q", err.Error()[len(err.Error())-60:])
		}
	})
}
