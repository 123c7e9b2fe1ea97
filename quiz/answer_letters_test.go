package quiz

import (
	"slices"
	"strings"
	"testing"
)

// Options whose texts are themselves letters (c, b, a; the vitamins A, C, D,
// K): a bare letter, in either case, that is one option's label and another
// option's text could mean either and is refused, as a number is; a letter
// with its bracket, "c)", is always the label, as the sheet prints it
// (attack6 finding 1).
func TestResolveLetterVersusLetterText(t *testing.T) {
	abc := &Question{Type: Single, Choices: []string{"c", "b", "a"}, Correct: []int{2}}
	vit := &Question{Type: Single, Choices: []string{"A", "C", "D", "K"}, Correct: []int{2}}
	brk := &Question{Type: Single, Choices: []string{"x", "a)", "y"}, Correct: []int{1}}
	tests := []struct {
		q       *Question
		in      string
		want    int
		wantErr string
	}{
		{abc, "c", 0, `"c" could be the option with that letter, c) a, or the option whose text is c, a) c; write c) for the first or a) for the second`},
		{abc, "C", 0, `"C" could be the option with that letter, c) a, or the option whose text is c, a) c`},
		{abc, "a", 0, `"a" could be the option with that letter, a) c, or the option whose text is a, c) a`},
		{abc, "c)", 2, ""},
		{abc, "C)", 2, ""},
		{abc, "a)", 0, ""},
		{abc, "b", 1, ""}, // its own text: one reading
		{abc, "3", 2, ""},
		{vit, "D", 0, `"D" could be the option with that letter, d) K, or the option whose text is D, c) D`},
		{vit, "d", 0, `could be the option with that letter, d) K, or the option whose text is D, c) D`},
		{vit, "C", 0, `could be the option with that letter, c) D, or the option whose text is C, b) C`},
		{vit, "C)", 2, ""},
		{vit, "d)", 3, ""},
		{vit, "A", 0, ""}, // label a is the text A
		{vit, "k", 3, ""}, // no option k: the text K
		{vit, "3", 2, ""},
		{brk, "a)", 0, ""}, // the label, never the text "a)"
		{brk, "b", 1, ""},
		{brk, "b)", 1, ""},
		{brk, "2", 1, ""},
	}
	for _, tt := range tests {
		r, err := typed(tt.q, tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%v %q: err = %v, want %q", tt.q.Choices, tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !slices.Equal(r.Choices, []int{tt.want}) {
			t.Errorf("%v %q = %v, %v; want %d", tt.q.Choices, tt.in, r.Choices, err, tt.want)
		}
	}
	// Shuffled: the letters are the display's, and so is the message's.
	seed := uint64(6)
	shown := permute(vit.Choices, vit.OptionOrder(seed))
	for d, o := range shown {
		other := slices.Index(shown, strings.ToUpper(letterOf(d)))
		r, err := vit.Resolve(Typed(letterOf(d)+")"), &seed)
		if err != nil || vit.Choices[r.Choices[0]] != o {
			t.Errorf("seed 6 %v: %s) = %v, %v; want %s", shown, letterOf(d), r.Choices, err, o)
		}
		_, err = vit.Resolve(Typed(strings.ToUpper(letterOf(d))), &seed)
		if (other >= 0 && other != d) != (err != nil) {
			t.Errorf("seed 6 %v: %s: err = %v", shown, strings.ToUpper(letterOf(d)), err)
		}
	}
}

func letterOf(d int) string { return string(rune('a' + d)) }

// "none" is no option of a choose-all question, unless an option's text is
// none: then it is refused, as an ambiguous letter is; [] is no option.
func TestResolveNoneVersusNoneText(t *testing.T) {
	q := &Question{Type: Multi, Choices: []string{"all", "None", "some"}, Correct: []int{1}}
	if _, err := typed(q, "none"); err == nil || !strings.Contains(err.Error(), `"none" could mean no option or the option whose text is None, b); write [] for no option or b) for that option`) {
		t.Errorf("none: %v", err)
	}
	if r, err := q.Resolve(Value{Kind: List}, nil); err != nil || !r.Answered || len(r.Choices) != 0 {
		t.Errorf("[]: %v %v", r, err)
	}
	if r, err := typed(q, "b)"); err != nil || !slices.Equal(r.Choices, []int{1}) {
		t.Errorf("b): %v %v", r.Choices, err)
	}
	q = &Question{Type: Multi, Choices: []string{"all", "neither", "some"}, Correct: []int{1}}
	if r, err := typed(q, "none"); err != nil || !r.Answered || len(r.Choices) != 0 {
		t.Errorf("none without a None option: %v %v", r, err)
	}
}

// OptionRef gives every option in a form that reads back as it, whatever
// the texts: letters, numbers, bracketed letters, none.
func TestOptionRefReadsBack(t *testing.T) {
	lists := [][]string{
		{"c", "b", "a"}, {"A", "C", "D", "K"}, {"3", "2", "4", "1"}, {"b", "a)", "a", "1"},
		{"2", "1", "b)", "a"}, {"a)", "b)", "c)"}, {"none", "a", "1"}, {"B", "A"}, {"x", "y"},
	}
	for _, shown := range lists {
		for _, numbered := range []bool{false, true} {
			q := &Question{Type: Single, Choices: shown}
			for d := range shown {
				ref := OptionRef(shown, d, numbered)
				r, err := typed(q, ref)
				if err != nil || !slices.Equal(r.Choices, []int{d}) {
					t.Errorf("%q option %d (numbered %v) as %q reads %v, %v", shown, d, numbered, ref, r.Choices, err)
				}
			}
		}
	}
	if got := OptionRef([]string{"c", "b", "a"}, 0, false); got != "a)" {
		t.Errorf("choices c, b, a: option a as %q, want a)", got)
	}
	if got := OptionRef([]string{"x", "y"}, 1, false); got != "b" {
		t.Errorf("plain options: %q, want the bare letter", got)
	}
}
