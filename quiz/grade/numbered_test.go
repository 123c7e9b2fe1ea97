package grade

import (
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// A student's paper numbers its answers: "1 a", "2a, b", "3 T" are read as
// the answers of questions 1, 2 and 3, the numbers the sheet's comments and
// the paper test give them; a number that is another question's is refused
// with the sheet's file and line (teacher4 A1).
func TestGradeReadsTheQuestionsOwnNumber(t *testing.T) {
	b := testfiles.Sample(t)
	s, err := sheet.Read("paper.yaml", 0, []byte(`student: Elvin
banks: [sample]
answers:
  capital: 1 a
  seas: 2a, b
  independence: 3 T
  town: xocali
  ceasefire-year: ~1994
  sequence: 1, 2, 3, 4
  names: 1=a 2=b 3=c
  ussr: 8 a
`))
	if err != nil {
		t.Fatal(err)
	}
	res, err := (&Grader{Banks: []*quiz.Bank{b}}).Grade(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range res.Outcomes {
		switch o.Question.ID {
		case "capital", "seas", "independence", "ceasefire-year":
			if o.Fraction != 1 {
				t.Errorf("%s: %v, %+v", o.Question.ID, o.Fraction, o.Response)
			}
		}
	}
	bad, err := sheet.Read("paper.yaml", 0, []byte(`student: Elvin
banks: [sample]
answers:
  capital: 2 a
  seas: 9 a
  independence: 1 true
`))
	if err != nil {
		t.Fatal(err)
	}
	res, err = (&Grader{Banks: []*quiz.Bank{b}}).Grade(bad)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range res.Problems {
		got = append(got, p.Error())
	}
	want := []string{
		`paper.yaml:4: question "capital": "2 a" begins with 2, but this is question 1; write the answer alone (a), under its own question's id`,
		`paper.yaml:5: question "seas": "9 a" begins with 9, but this is question 2`,
		`paper.yaml:6: question "independence": "1 true" begins with 1, but this is question 3`,
	}
	for i, w := range want {
		if i >= len(got) || !strings.Contains(got[i], w) {
			t.Errorf("problems %q, want %q", got, w)
		}
	}
}
