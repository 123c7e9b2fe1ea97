package marking

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// What mark says of a student's self-check: the key points ticked, by
// number, out of the question's; a yes or no from an older report.
func TestSelfCheckSays(t *testing.T) {
	yes, no := true, false
	for _, tt := range []struct {
		a    Answer
		keys int
		want string
	}{
		{Answer{}, 3, "not asked"},
		{Answer{SelfCheck: &yes}, 3, "yes"},
		{Answer{SelfCheck: &no}, 3, "no"},
		{Answer{SelfCheck: &no, SelfCheckPoints: []int{1, 3}}, 3, "2 of 3 key points (1, 3)"},
		{Answer{SelfCheck: &no, SelfCheckPoints: []int{}}, 3, "0 of 3 key points"},
		{Answer{SelfCheck: &yes, SelfCheckPoints: []int{1, 2, 3}}, 3, "3 of 3 key points (1, 2, 3)"},
		{Answer{SelfCheck: &yes, SelfCheckPoints: []int{1}}, 1, "1 of 1 key point (1)"},
		// No bank has the question: the count alone.
		{Answer{SelfCheck: &no, SelfCheckPoints: []int{2}}, 0, "1 key point (2)"},
		// The bank cut its key points since the quiz.
		{Answer{SelfCheck: &no, SelfCheckPoints: []int{1, 6}}, 4, "key points (1, 6), as the question was then (it has changed since; it has 4 now)"},
		// The question changed since the quiz (attack6 #3): the numbers
		// are not shown against today's key points as if they matched.
		{Answer{SelfCheck: &no, SelfCheckPoints: []int{1, 3}, BankChanged: true, QuestionChanged: true}, 4, "key points (1, 3), as the question was then (it has changed since; it has 4 now)"},
		{Answer{SelfCheck: &no, SelfCheckPoints: []int{1, 3}, BankChanged: true, QuestionChanged: true}, 0, "key points (1, 3), as the question was then (it has changed since)"},
		// Its bank changed, and a report too old to hold the question's
		// digest cannot say whether the question did: the bank is named,
		// not the question (attack7 G).
		{Answer{SelfCheck: &no, SelfCheckPoints: []int{1, 3}, BankChanged: true}, 4, "key points (1, 3), as the question was then (its bank has changed since; it has 4 now)"},
		{Answer{SelfCheck: &no, SelfCheckPoints: []int{1, 3}, BankChanged: true}, 0, "key points (1, 3), as the question was then (its bank has changed since)"},
		// Its bank changed, but not the question: as if nothing had.
		{Answer{SelfCheck: &no, SelfCheckPoints: []int{1, 3}, Unchanged: true}, 3, "2 of 3 key points (1, 3)"},
		// A list edited by hand (attack6 #5): each number once, sorted,
		// and a number that is no key point of an unchanged bank counted.
		{Answer{SelfCheck: &no, SelfCheckPoints: []int{1, 1, 1}}, 3, "1 of 3 key points (1)"},
		{Answer{SelfCheck: &no, SelfCheckPoints: []int{3, 1, 2, 3, 1, 2}}, 3, "3 of 3 key points (1, 2, 3)"},
		{Answer{SelfCheck: &no, SelfCheckPoints: []int{-1, -5, 0}}, 3, "0 of 3 key points"},
		{Answer{SelfCheck: &no, SelfCheckPoints: []int{4, 7, 1}, Unchanged: true}, 3, "1 of 3 key points (1); 2 numbers that are no key point"},
	} {
		if got := tt.a.SelfCheckSays(tt.keys); got != tt.want {
			t.Errorf("%v %v of %d: %q, want %q", tt.a.SelfCheck, tt.a.SelfCheckPoints, tt.keys, got, tt.want)
		}
	}
}

// Collect hands mark the points a report's self-check ticked; a report
// that has only self_check gives none.
func TestCollectCarriesSelfCheckPoints(t *testing.T) {
	dir := t.TempDir()
	ana := writeReport(t, dir, "Ana", nil)
	data, _ := os.ReadFile(ana)
	src := `"source": "Questions, ¶1: “What was the Soviet Union?”"`
	if !strings.Contains(string(data), src) {
		t.Fatalf("no %s in the report:\n%s", src, data)
	}
	data = []byte(strings.Replace(string(data), src, src+`, "self_check": false, "self_check_points": [1, 3]`, 1))
	if err := os.WriteFile(ana, data, 0o644); err != nil {
		t.Fatal(err)
	}
	writeReport(t, dir, "Bo", nil)
	l, _ := List([]string{dir})
	qs, errs, _, _ := Collect(l.Files, nil, Filter{})
	if len(errs) != 0 || len(qs) != 1 || len(qs[0].Answers) != 2 {
		t.Fatalf("%v %+v", errs, qs)
	}
	for _, a := range qs[0].Answers {
		switch a.Student {
		case "Ana":
			if !slices.Equal(a.SelfCheckPoints, []int{1, 3}) || a.SelfCheck == nil || *a.SelfCheck {
				t.Errorf("Ana: %v %v", a.SelfCheck, a.SelfCheckPoints)
			}
		case "Bo":
			if a.SelfCheckPoints != nil || a.SelfCheck != nil {
				t.Errorf("Bo: %v %v", a.SelfCheck, a.SelfCheckPoints)
			}
		}
	}
}

// A list of millions of numbers (a report edited by hand) never makes a line
// longer than the key, nor one of millions of characters (attack6 #5).
func TestSelfCheckSaysLongList(t *testing.T) {
	no := false
	many := make([]int, 3_000_000)
	for i := range many {
		many[i] = 1 + i%3
	}
	if got, want := (Answer{SelfCheck: &no, SelfCheckPoints: many}).SelfCheckSays(3), "3 of 3 key points (1, 2, 3)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	for i := range many {
		many[i] = i + 1
	}
	got := Answer{SelfCheck: &no, SelfCheckPoints: many}.SelfCheckSays(0)
	if len(got) > 200 || !strings.Contains(got, "and 2999980 more") {
		t.Errorf("%d bytes: %.200q", len(got), got)
	}
}
