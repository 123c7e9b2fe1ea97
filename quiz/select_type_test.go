package quiz

import (
	"slices"
	"strings"
	"testing"
)

// TestSelectByType: --type closed leaves out the open questions and keeps
// every other type; a bank's own type names keep those types (teacher12 P1).
func TestSelectByType(t *testing.T) {
	b := loadSample(t)
	tests := []struct {
		types []string
		want  []string
	}{
		{[]string{Closed}, []string{"capital", "ceasefire-year", "independence", "names", "seas", "sequence", "town"}},
		{[]string{"open"}, []string{"ussr"}},
		{[]string{"single", "truefalse"}, []string{"capital", "independence"}},
		{[]string{"closed", "open"}, []string{"capital", "ceasefire-year", "independence", "names", "seas", "sequence", "town", "ussr"}},
	}
	for _, tt := range tests {
		got, err := Pick([]*Bank{b}, Filter{Types: tt.types}, 1)
		if err != nil {
			t.Fatalf("%v: %v", tt.types, err)
		}
		var ids []string
		for _, q := range got {
			ids = append(ids, q.ID)
		}
		slices.Sort(ids)
		if !slices.Equal(ids, tt.want) {
			t.Errorf("%v: got %v, want %v", tt.types, ids, tt.want)
		}
	}
	_, err := Pick([]*Bank{b}, Filter{Types: []string{"open"}, Difficulty: "hard"}, 1)
	if err == nil || err.Error() != "no questions match difficulty hard and type open" {
		t.Errorf("err = %v", err)
	}
}

// TestSetWithType: a set picked with a type filter is the same for every
// seed (each student's order) and holds no question of another type.
func TestSetWithType(t *testing.T) {
	b := loadSample(t)
	f := Filter{Types: []string{Closed}, Count: 4, Set: "9c"}
	first, err := Pick([]*Bank{b}, f, 1)
	if err != nil {
		t.Fatal(err)
	}
	ids := func(qs []*Question) []string {
		var out []string
		for _, q := range qs {
			if q.Type == Open {
				t.Errorf("--type closed picked the open question %s", q.ID)
			}
			out = append(out, q.ID)
		}
		slices.Sort(out)
		return out
	}
	want := ids(first)
	for seed := uint64(2); seed < 20; seed++ {
		got, _ := Pick([]*Bank{b}, f, seed)
		if g := ids(got); !slices.Equal(g, want) {
			t.Fatalf("seed %d: set 9c is %v, with seed 1 %v", seed, g, want)
		}
	}
}

func TestParseTypes(t *testing.T) {
	tests := []struct {
		given []string
		want  []string
		err   string
	}{
		{nil, nil, ""},
		{[]string{"closed"}, []string{"closed"}, ""},
		{[]string{" Single , MULTI", "single", "open"}, []string{"single", "multi", "open"}, ""},
		{[]string{"essay"}, nil, `"essay" is not a question type: give closed, single, multi, truefalse, short, numeric, order, match, open (closed is every type but open)`},
		{[]string{"single,essay"}, nil, `"essay" is not a question type`},
		{[]string{"info"}, nil, `"info" is not a question type`},
		{[]string{" , "}, nil, "no question type given: give closed, single"},
	}
	for _, tt := range tests {
		got, err := ParseTypes(tt.given)
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("%q: %v", tt.given, err)
		case tt.err != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.err)):
			t.Errorf("%q: err = %v, want %s", tt.given, err, tt.err)
		case !slices.Equal(got, tt.want):
			t.Errorf("%q: got %q, want %q", tt.given, got, tt.want)
		}
	}
}

// TestTypeNamesAreTypes checks the written-out TypeNames against Types:
// closed, then each type's name in Types' order.
func TestTypeNamesAreTypes(t *testing.T) {
	want := []string{Closed}
	for _, ty := range Types {
		want = append(want, string(ty))
	}
	if !slices.Equal(TypeNames, want) {
		t.Errorf("TypeNames = %q, want %q", TypeNames, want)
	}
}
