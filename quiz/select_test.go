package quiz

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

func ids(ps []*Presented) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = fmt.Sprintf("%s%v", p.ID, p.Perm)
	}
	return strings.Join(out, " ")
}

func TestSelectIsSeeded(t *testing.T) {
	b := loadSample(t)
	a1, _ := Select([]*Bank{b}, Filter{}, 42)
	a2, _ := Select([]*Bank{b}, Filter{}, 42)
	if ids(a1) != ids(a2) {
		t.Fatalf("same seed, different quizzes:\n%s\n%s", ids(a1), ids(a2))
	}
	differ := false
	for seed := uint64(1); seed < 20 && !differ; seed++ {
		other, _ := Select([]*Bank{b}, Filter{}, seed)
		differ = ids(other) != ids(a1)
	}
	if !differ {
		t.Error("twenty seeds all gave the same quiz")
	}
}

func TestSelectOptionOrderBelongsToTheQuestion(t *testing.T) {
	b := loadSample(t)
	all, _ := Select([]*Bank{b}, Filter{}, 7)
	some, _ := Select([]*Bank{b}, Filter{Tags: []string{"places"}}, 7)
	perm := map[string][]int{}
	for _, p := range all {
		perm[p.ID] = p.Perm
	}
	for _, p := range some {
		if !slices.Equal(perm[p.ID], p.Perm) {
			t.Errorf("%s: options %v in one selection, %v in another", p.ID, perm[p.ID], p.Perm)
		}
	}
}

func TestSelectFilters(t *testing.T) {
	b := loadSample(t)
	tests := []struct {
		f    Filter
		want []string
	}{
		{Filter{Tags: []string{"chronology"}}, []string{"ceasefire-year", "independence", "sequence"}},
		{Filter{Tags: []string{"CHRONOLOGY"}}, []string{"ceasefire-year", "independence", "sequence"}},
		{Filter{Tags: []string{"vocabulary", "recall"}}, []string{"capital", "names", "town", "ussr"}},
		{Filter{Difficulty: "hard"}, []string{"sequence"}},
		{Filter{Tags: []string{"places"}, Difficulty: "easy"}, []string{"capital", "town"}},
	}
	for _, tt := range tests {
		got, err := Select([]*Bank{b}, tt.f, 1)
		if err != nil {
			t.Fatalf("%+v: %v", tt.f, err)
		}
		var names []string
		for _, p := range got {
			names = append(names, p.ID)
		}
		slices.Sort(names)
		if !slices.Equal(names, tt.want) {
			t.Errorf("%+v: got %v, want %v", tt.f, names, tt.want)
		}
	}
	if got, _ := Select([]*Bank{b}, Filter{Count: 3}, 1); len(got) != 3 {
		t.Errorf("Count 3 gave %d questions", len(got))
	}
	if got, _ := Select([]*Bank{b}, Filter{Count: 99}, 1); len(got) != 8 {
		t.Errorf("Count 99 gave %d questions, want all 8", len(got))
	}
	_, err := Select([]*Bank{b}, Filter{Tags: []string{"nope"}, Difficulty: "hard"}, 1)
	if err == nil || err.Error() != "no questions match tag nope and difficulty hard" {
		t.Errorf("err = %v", err)
	}
}

func TestOrderAndMatchNeverStartSolved(t *testing.T) {
	b := loadSample(t)
	for seed := uint64(0); seed < 200; seed++ {
		for _, p := range []*Presented{{Question: question(t, b, "sequence")}, {Question: question(t, b, "names")}} {
			perm := optionOrder(p.Question, seed)
			if isIdentity(perm) {
				t.Fatalf("seed %d: %s shown already solved", seed, p.ID)
			}
		}
	}
}

func TestPresentedMapsDisplayToBank(t *testing.T) {
	b := loadSample(t)
	p := &Presented{Question: question(t, b, "capital"), Perm: []int{2, 0, 3, 1}}
	if got := p.Options(); !slices.Equal(got, []string{"Tbilisi", "Baku", "Ganja", "Yerevan"}) {
		t.Fatalf("Options = %v", got)
	}
	// The student picks "Baku", shown second.
	if got := p.FromDisplay([]int{1}); !slices.Equal(got, []int{0}) {
		t.Errorf("FromDisplay = %v, want [0]", got)
	}
	tf := &Presented{Question: question(t, b, "independence")}
	if got := tf.Options(); !slices.Equal(got, []string{"True", "False"}) {
		t.Errorf("true/false options are %v; their order must never be shuffled", got)
	}
}

func TestTagCounts(t *testing.T) {
	a := &Bank{Questions: []*Question{{Tags: []string{"x", "y"}}, {Tags: []string{"x"}}, {}}}
	b := &Bank{Questions: []*Question{{Tags: []string{"y"}}}}
	if got, want := TagCounts(a, b), map[string]int{"x": 2, "y": 2}; !maps.Equal(got, want) {
		t.Errorf("TagCounts = %v, want %v", got, want)
	}
}
