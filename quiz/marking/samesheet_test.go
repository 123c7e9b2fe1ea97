package marking

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// stripEqual is how sameAnswers compared two readings of a sheet before
// sameSheet: reflect.DeepEqual of copies with the marks, problems and lines
// cleared.
func stripEqual(a, b *sheet.Sheet) bool {
	strip := func(s *sheet.Sheet) sheet.Sheet {
		c := *s
		c.Marks, c.Problems, c.Line = nil, nil, 0
		c.Answers = slices.Clone(c.Answers)
		for i := range c.Answers {
			c.Answers[i].Value.Line, c.Answers[i].Value.PairLines = 0, nil
		}
		c.Comments = slices.Clone(c.Comments)
		for i := range c.Comments {
			c.Comments[i].Line = 0
		}
		return c
	}
	return reflect.DeepEqual(strip(a), strip(b))
}

// sameSheet says what stripEqual says, for sheets read from YAML and changed
// at random in every field, lines, nil and empty slices included.
func TestSameSheetAsStripEqual(t *testing.T) {
	var read []*sheet.Sheet
	for _, src := range []string{
		anaSheet,
		"student: Bo\nbanks: [b, c]\nseed: 7\ncount: 3\ntags: [x]\ntypes: [open]\nanswers:\n  m: {1: b, 2: a}\n  l: [a, b]\n  e1: I think #2 is\n  e2: #3\n",
		"student: Cy\nbanks: [b]\nanswers:\n  p:\n    1: a\n    2: b\n  e1: x\nmarks:\n  e1:\n    points: 1\n",
		"student: Di\nanswers: {}\n",
	} {
		s, _, err := sheet.ReadMarked("s.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		read = append(read, s)
	}
	rng := rand.New(rand.NewPCG(25, 13))
	change := func(s *sheet.Sheet) *sheet.Sheet {
		c := *s
		c.Answers = slices.Clone(c.Answers)
		c.Comments = slices.Clone(c.Comments)
		for range 1 + rng.IntN(2) {
			switch rng.IntN(16) {
			case 0:
				c.Line++
			case 1:
				c.Marks = append(slices.Clone(c.Marks), sheet.Mark{ID: "e1"})
			case 2:
				c.Problems = append(slices.Clone(c.Problems), quiz.Problem{Msg: "x"})
			case 3:
				c.Student += "!"
			case 4:
				c.Banks = append(slices.Clone(c.Banks), "z")
			case 5:
				if c.Answers == nil {
					c.Answers = []sheet.Answer{}
				} else if len(c.Answers) == 0 {
					c.Answers = nil
				}
			case 6:
				if c.Comments == nil {
					c.Comments = []sheet.Comment{}
				} else if len(c.Comments) == 0 {
					c.Comments = nil
				}
			case 7, 8, 9, 10, 11:
				if len(c.Answers) == 0 {
					continue
				}
				i := rng.IntN(len(c.Answers))
				a := &c.Answers[i]
				switch rng.IntN(7) {
				case 0:
					a.Value.Line += 1 + rng.IntN(3)
				case 1:
					a.Value.PairLines = append(slices.Clone(a.Value.PairLines), 9)
				case 2:
					a.Value.Text += "."
				case 3:
					a.ID += "x"
				case 4:
					a.Value.List = append(slices.Clone(a.Value.List), "c")
				case 5:
					a.Value.Pairs = append(slices.Clone(a.Value.Pairs), [2]string{"3", "c"})
				case 6:
					c.Answers = c.Answers[:i]
				}
			case 12, 13:
				if len(c.Comments) == 0 {
					continue
				}
				i := rng.IntN(len(c.Comments))
				switch rng.IntN(3) {
				case 0:
					c.Comments[i].Line++
				case 1:
					c.Comments[i].Text += "!"
				case 2:
					c.Comments[i].Blank = !c.Comments[i].Blank
				}
			case 14:
				c.Count++
			case 15:
				c.Tags = []string{}
			}
		}
		return &c
	}
	same, differ := 0, 0
	for range 20000 {
		a := read[rng.IntN(len(read))]
		b := a
		for range rng.IntN(3) {
			b = change(b)
		}
		if rng.IntN(2) == 0 {
			a = change(a)
		}
		want := stripEqual(a, b)
		if got := sameSheet(a, b); got != want {
			t.Fatalf("sameSheet %v, stripEqual %v:\n%+v\n%+v", got, want, a, b)
		}
		if want {
			same++
		} else {
			differ++
		}
	}
	if same < 2000 || differ < 2000 {
		t.Errorf("%d pairs the same, %d not: the changes do not test both answers", same, differ)
	}
}
