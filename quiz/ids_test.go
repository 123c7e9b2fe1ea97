package quiz

import (
	"errors"
	"strings"
	"testing"
)

func TestIDsNumberCopies(t *testing.T) {
	var ids IDs
	var got []string
	for i, id := range []string{"a", "a", "a-2", "a", "b", "a"} {
		u, _, _ := ids.Unique(id)
		ids.Take(u, i+1)
		got = append(got, u)
	}
	if s := strings.Join(got, " "); s != "a a-2 a-2-2 a-3 b a-4" {
		t.Errorf("ids = %s", s)
	}
	if _, first, dup := ids.Unique("b"); !dup || first != 5 {
		t.Errorf("b: first %d, dup %v", first, dup)
	}
	// An id never taken (a question skipped) stays free.
	if u, _, dup := ids.Unique("c"); dup || u != "c" {
		t.Errorf("c = %q, %v", u, dup)
	}
}

// Two banks' questions that share an id are refused with both banks, their
// files and lines named, in the same words whatever order the questions
// were shuffled into; questions of distinct ids pass.
func TestCheckDistinctIDs(t *testing.T) {
	one := &Bank{ID: "one", File: "one.yaml", Questions: []*Question{{ID: "capital", Bank: "one", Line: 4}, {ID: "river", Bank: "one", Line: 9}}}
	two := &Bank{ID: "two", File: "two.yaml", Questions: []*Question{{ID: "capital", Bank: "two", Line: 7}}}
	banks := []*Bank{one, two}
	const want = `banks one (one.yaml:4) and two (two.yaml:7) both have a question "capital", and a sheet names each answer by its question's id; choose one of the banks, or give one of the questions another id`
	for _, qs := range [][]*Question{
		{one.Questions[0], one.Questions[1], two.Questions[0]},
		{two.Questions[0], one.Questions[1], one.Questions[0]},
	} {
		err := CheckDistinctIDs(banks, qs)
		var same *SameIDError
		if !errors.As(err, &same) || err.Error() != want {
			t.Errorf("got %v\nwant %s", err, want)
		}
	}
	if err := CheckDistinctIDs(banks, []*Question{one.Questions[0], one.Questions[1]}); err != nil {
		t.Errorf("distinct ids refused: %v", err)
	}
}
