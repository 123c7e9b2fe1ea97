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

// A class given one set gets the same questions, each student in an order of
// their own (questions and options), whatever seed each student has.
func TestSelectSetSameQuestionsOwnOrder(t *testing.T) {
	b := loadSample(t)
	if len(b.Questions) < 4 {
		t.Fatalf("the sample bank has %d questions; the test needs 4", len(b.Questions))
	}
	n := len(b.Questions) / 2
	sorted := func(ps []*Presented) string {
		out := make([]string, len(ps))
		for i, p := range ps {
			out[i] = p.ID
		}
		slices.Sort(out)
		return strings.Join(out, " ")
	}
	first, err := Select([]*Bank{b}, Filter{Count: n, Set: "9c"}, 1)
	if err != nil {
		t.Fatal(err)
	}
	orders := map[string]bool{ids(first): true}
	for seed := uint64(2); seed < 30; seed++ {
		got, _ := Select([]*Bank{b}, Filter{Count: n, Set: " 9C "}, seed) // trimmed and case-folded: the same set
		if sorted(got) != sorted(first) {
			t.Fatalf("seed %d: set 9c gave other questions:\n%s\n%s", seed, sorted(got), sorted(first))
		}
		orders[ids(got)] = true
	}
	if len(orders) < 10 {
		t.Errorf("29 students of one set had only %d orders between them", len(orders))
	}
	differ := false
	for _, name := range []string{"9a", "9b", "10c", "2026-12-03", "other"} {
		got, _ := Select([]*Bank{b}, Filter{Count: n, Set: name}, 1)
		differ = differ || sorted(got) != sorted(first)
	}
	if !differ {
		t.Error("five other set names all gave set 9c's questions")
	}
	// Without a set nothing changes: the seed picks and orders.
	plain, _ := Select([]*Bank{b}, Filter{Count: n}, 1)
	again, _ := Pick([]*Bank{b}, Filter{Count: n}, 1)
	for i := range plain {
		if plain[i].Question != again[i] {
			t.Fatal("Pick and Select disagree without a set")
		}
	}
}

func TestCheckSetName(t *testing.T) {
	for _, bad := range []string{"", "   ", "\t", "a\x1bb", strings.Repeat("x", MaxSetName+1), "\xff"} {
		if err := CheckSetName(bad); err == nil {
			t.Errorf("set name %q accepted", bad)
		}
	}
	for _, good := range []string{"9c", "Ms Aliyeva 9C, Tuesday", "Хоҹалы", strings.Repeat("x", MaxSetName)} {
		if err := CheckSetName(good); err != nil {
			t.Errorf("set name %q refused: %v", good, err)
		}
	}
}

func TestTagCounts(t *testing.T) {
	a := &Bank{Questions: []*Question{{Tags: []string{"x", "y"}}, {Tags: []string{"x"}}, {}}}
	b := &Bank{Questions: []*Question{{Tags: []string{"y"}}}}
	if got, want := TagCounts(a, b), map[string]int{"x": 2, "y": 2}; !maps.Equal(got, want) {
		t.Errorf("TagCounts = %v, want %v", got, want)
	}
}

// BanksOf keeps the banks questions come from, in the banks' order; BankIDs
// names them; OpenAnswered counts the open answers given.
func TestBanksOfAndOpenAnswered(t *testing.T) {
	a, b, c := &Bank{ID: "a"}, &Bank{ID: "b"}, &Bank{ID: "c"}
	open, single := &Question{ID: "o", Type: Open, Bank: "c"}, &Question{ID: "s", Type: Single, Bank: "a"}
	qs := []*Presented{{Question: open}, {Question: single}}
	if got := BankIDs(BanksOf([]*Bank{a, b, c}, qs)); !slices.Equal(got, []string{"a", "c"}) {
		t.Errorf("BanksOf = %v, want [a c]", got)
	}
	outcomes := []Outcome{
		{Question: qs[0], Response: Response{Answered: true}},
		{Question: qs[1], Response: Response{Answered: true}},
		{Question: &Presented{Question: open}},
	}
	if n := OpenAnswered(outcomes); n != 1 {
		t.Errorf("OpenAnswered = %d, want 1", n)
	}
}

// Reselect gives back what Select picked, saying so; another choice of
// questions comes back in its own order, shuffled alike; a question gone is
// an error.
func TestReselect(t *testing.T) {
	b := loadSample(t)
	banks := []*Bank{b}
	picked, _ := Select(banks, Filter{Count: 3}, 7)
	refs := func(ps []*Presented) []Ref {
		var out []Ref
		for _, p := range ps {
			out = append(out, Ref{p.Bank, p.ID})
		}
		return out
	}
	got, selected, err := Reselect(banks, refs(picked), Filter{}, 7)
	if err != nil || !selected || ids(got) != ids(picked) {
		t.Errorf("Select's own pick: selected %v, %s, %v; want %s", selected, ids(got), err, ids(picked))
	}
	reversed := slices.Clone(picked)
	slices.Reverse(reversed)
	got, selected, err = Reselect(banks, refs(reversed), Filter{}, 7)
	if err != nil || selected || ids(got) != ids(reversed) {
		t.Errorf("another order: selected %v, %s, %v; want %s", selected, ids(got), err, ids(reversed))
	}
	if _, _, err := Reselect(banks, []Ref{{b.ID, "gone"}}, Filter{}, 7); err == nil {
		t.Error("a question the bank no longer has: no error")
	}
}

// A set picks the same questions whatever order its banks are named in
// (attack4 #12): --bank a --bank b and --bank b --bank a.
func TestSelectSetIgnoresBankOrder(t *testing.T) {
	a, b := loadSample(t), loadSample(t)
	b.ID = a.ID + "-2"
	for _, q := range b.Questions {
		q.Bank = b.ID
	}
	ids := func(banks ...*Bank) []string {
		qs, err := Pick(banks, Filter{Count: 5, Set: "9c"}, 1)
		if err != nil {
			t.Fatal(err)
		}
		out := make([]string, len(qs))
		for i, q := range qs {
			out[i] = q.Bank + "/" + q.ID
		}
		slices.Sort(out)
		return out
	}
	if ab, ba := ids(a, b), ids(b, a); !slices.Equal(ab, ba) {
		t.Errorf("set 9c: %v with the banks in one order, %v in the other", ab, ba)
	}
}
