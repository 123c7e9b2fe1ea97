package quiz

import (
	"slices"
	"testing"
)

// A label written with its bracket is always the label, a number's "3)" as
// a letter's "c)": the plain prompt numbers every list "1) … 2) …" and the
// sheet numbers an order's items so. A bare number where another item's
// text is that number stays refused, and the message offers "3)", the form
// the screen shows, as well as the letter (attack7 A).
func TestResolveNumberWithBracketIsTheLabel(t *testing.T) {
	// As the plain prompt showed om.yaml's order: 1) 2  2) 4  3) 1  4) 3.
	order := &Question{Type: Order, Items: []string{"2", "4", "1", "3"}}
	right := []int{2, 0, 3, 1} // 1, 2, 3, 4
	checkResolved(t, order, 0, []resolveCase{
		{"3),1),4),2)", right, ""},
		{"3) 1) 4) 2)", right, ""},
		{"3), 1), 4), 2)", right, ""},
		{"(3) (1) (4) (2)", right, ""},
		{"3. 1. 4. 2.", right, ""},
		{"3.,1.,4.,2.", right, ""},
		{"c) a) d) b)", right, ""},
		{"3) → 1) → 4) → 2)", right, ""},
		{"3,1,4,2", nil, `"3" could be the option with that number, 3) 1, or the option whose text is 3, 4) 3; write 3) or c) for the first, 4) or d) for the second`},
		{"3 1 4 2", nil, `write 3) or c) for the first, 4) or d) for the second`},
	})
	r, err := order.Resolve(Value{Kind: List, List: []string{"3)", "1)", "4)", "2)"}}, nil)
	if err != nil || !slices.Equal(r.Sequence, right) {
		t.Errorf("[3), 1), 4), 2)] = %v, %v; want %v", r.Sequence, err, right)
	}

	// amb.yaml's choose-all question as the plain prompt showed it.
	multi := &Question{Type: Multi, Choices: []string{"2", "3", "4", "1"}, Correct: []int{0, 2}}
	checkResolved(t, multi, 0, []resolveCase{
		{"1),3)", []int{0, 2}, ""},
		{"1) 3)", []int{0, 2}, ""},
		{"(1), (3)", []int{0, 2}, ""},
		{"1. 3.", []int{0, 2}, ""},
		{"1,3", nil, `"1" could be the option with that number, 1) 2, or the option whose text is 1, 4) 1; write 1) or a) for the first, 4) or d) for the second`},
		{"b,c", []int{1, 2}, ""},
		{"a), c)", []int{0, 2}, ""}, // two labels, not a) with the text c
	})
	single := &Question{Type: Single, Choices: []string{"3", "6", "4", "1"}, Correct: []int{0}}
	checkResolved(t, single, 0, []resolveCase{
		{"3)", []int{2}, ""},
		{"(3)", []int{2}, ""},
		{"3.", []int{2}, ""},
		{"1)", []int{0}, ""},
		{"3", nil, `write 3) or c) for the first, 1) or a) for the second`},
	})
}

// "(c)" and "c." are the label c, as "c)" is, and never silently another
// option's text: "c." is refused as ambiguous only where another option's
// text is written with that dot (attack7 B).
func TestResolveLabelWithDotOrBrackets(t *testing.T) {
	abc := &Question{Type: Single, Choices: []string{"c", "b", "a"}, Correct: []int{2}}
	checkResolved(t, abc, 0, []resolveCase{
		{"(c)", []int{2}, ""},
		{"(C)", []int{2}, ""},
		{"c.", []int{2}, ""},
		{"C.", []int{2}, ""},
		{"a.", []int{0}, ""},
		{"c", nil, `write c) for the first or a) for the second`},
	})
	edge := &Question{Type: Single, Choices: []string{"a)", "1.", "none", "A"}, Correct: []int{2}}
	checkResolved(t, edge, 0, []resolveCase{
		{"(a)", []int{0}, ""},
		{"a.", []int{0}, ""},
		{"a)", []int{0}, ""},
		{"2.", []int{1}, ""}, // the label 2 is the text 1.
		{"1.", nil, `"1." could be the option with that number, 1) a), or the option whose text is 1., 2) 1.; write 1) or a) for the first, 2) or b) for the second`},
		{"c.", []int{2}, ""},
		{"d.", []int{3}, ""},
	})
	dotted := &Question{Type: Single, Choices: []string{"x", "c.", "y"}, Correct: []int{1}}
	checkResolved(t, dotted, 0, []resolveCase{
		{"c.", nil, `"c." could be the option with that letter, c) y, or the option whose text is c., b) c.; write c) for the first or b) for the second`},
		{"C.", nil, `write c) for the first or b) for the second`},
		{"c)", []int{2}, ""},
		{"b.", []int{1}, ""},
		{"b", []int{1}, ""},
	})
	plain := &Question{Type: Single, Choices: []string{"Georgia", "Iran", "Russia", "Turkey"}, Correct: []int{1}}
	checkResolved(t, plain, 0, []resolveCase{
		{"(d)", []int{3}, ""},
		{"d.", []int{3}, ""},
		{"D.", []int{3}, ""},
		{"4.", []int{3}, ""},
		{"e.", nil, `"e." is not one of the options`},
	})
	multi := &Question{Type: Multi, Choices: []string{"c", "b", "a"}, Correct: []int{0, 2}}
	checkResolved(t, multi, 0, []resolveCase{
		{"a., c.", []int{0, 2}, ""},
		{"(a) (c)", []int{0, 2}, ""},
		{"a. c.", []int{0, 2}, ""},   // two labels, not a. with the text c
		{"a), c)", []int{0, 2}, ""},  // likewise
		{"a c", nil, `"a" could be`}, // bare letters that are also texts
	})
}

// A match's right side follows the rule of choices: "2=b" is the option
// labelled b unless another option's text is b; then the message names the
// pairs to write ("2=b)"), and every form the prompt and the message name
// reads (attack7 D).
func TestResolveMatchSideThatIsAlsoALabel(t *testing.T) {
	// om.yaml's match: 1) a 2) b 3) c with a) c b) a c) b.
	q := &Question{Type: Match, Pairs: []Pair{{Left: "a", Right: "c"}, {Left: "b", Right: "a"}, {Left: "c", Right: "b"}}}
	right := []int{0, 1, 2}
	checkResolved(t, q, 0, []resolveCase{
		{"1=a) 2=b) 3=c)", right, ""},
		{"1 a), 2 b), 3 c)", right, ""},
		{"1a) 2b) 3c)", right, ""},
		{"1-a) 2-b) 3-c)", right, ""},
		{"1: a), 2: b), 3: c)", right, ""},
		{"1=(a) 2=(b) 3=(c)", right, ""},
		{"1 (a) 2 (b) 3 (c)", right, ""},
		{"1=a. 2=b. 3=c.", right, ""},
		{"1 a. 2 b. 3 c.", right, ""},
		{"1=b 2=a 3=c", nil, `right side of "1": "b" could be the option with that letter, b) a, or the option whose text is b, c) b; write 1=b) for the first or 1=c) for the second`},
		{"1=a) 2=b 3=c)", nil, `right side of "2": "b" could be the option with that letter, b) a, or the option whose text is b, c) b; write 2=b) for the first or 2=c) for the second`},
		{"1=z", nil, `right side of "1": "z" is not one of the options`},
	})
	r, err := q.Resolve(Value{Kind: Mapping, Pairs: [][2]string{{"1", "a)"}, {"2", "b)"}, {"3", "c)"}}}, nil)
	if err != nil || !slices.Equal(r.Matches, right) {
		t.Errorf("{1: a), 2: b), 3: c)} = %v, %v", r.Matches, err)
	}
	_, err = q.Resolve(Value{Kind: Mapping, Pairs: [][2]string{{"1", "a)"}, {"2", "b"}, {"3", "c)"}}}, nil)
	if err == nil || err.Error() != `right side of "2": "b" could be the option with that letter, b) a, or the option whose text is b, c) b; write 2=b) for the first or 2=c) for the second` {
		t.Errorf("{2: b}: %v", err)
	}

	// A left side whose items' texts are numbers: "1=" is the item
	// numbered 1 unless another item's text is 1; "1)=" always is.
	nums := &Question{Type: Match, Pairs: []Pair{{Left: "2", Right: "x"}, {Left: "1", Right: "y"}}}
	checkResolved(t, nums, 0, []resolveCase{
		{"1)=a 2)=b", []int{0, 1}, ""},
		{"1=a 2=b", nil, `left side "1" could be the option with that number, 1) 2, or the option whose text is 1, 2) 1; write 1)=a for the first or 2)=a for the second`},
	})
}

// Words with a dot are texts, not labels: a list of them is not split at
// its spaces.
func TestResolveAbbreviationIsNoLabel(t *testing.T) {
	q := &Question{Type: Multi, Choices: []string{"No. 5", "Dr. X", "St. Louis"}, Correct: []int{0, 1}}
	checkResolved(t, q, 0, []resolveCase{
		{"No. 5", []int{0}, ""},
		{"Dr. X", []int{1}, ""},
		{"No. 5, Dr. X", []int{0, 1}, ""},
		{"a. b.", []int{0, 1}, ""},
	})
}
