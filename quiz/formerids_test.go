package quiz

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// formerBank is a bank whose question "new" was called "old" before.
const formerBank = `id: b
title: T
questions:
  - id: new
    former_ids: [old, older]
    type: truefalse
    prompt: P
    answer: true
  - id: other
    type: truefalse
    prompt: Q
    answer: false
`

func TestFormerIDsFindTheQuestion(t *testing.T) {
	b, _, err := ParseBank("x.yaml", []byte(formerBank))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"new", "old", "older"} {
		if q := b.Question(id); q == nil || q.ID != "new" {
			t.Errorf("Question(%q) = %v, want the question new", id, q)
		}
	}
	if q := b.Question("gone"); q != nil {
		t.Errorf("Question(gone) = %s, want nil", q.ID)
	}
	// Across banks a current id wins over a former one, whatever the
	// banks' order: "old" is a question of its own in the other bank.
	a := &Bank{ID: "a", Questions: []*Question{{ID: "old", Bank: "a"}}}
	for _, banks := range [][]*Bank{{b, a}, {a, b}} {
		if bank, q := FindQuestion(banks, "old"); bank != a || q != a.Questions[0] {
			t.Errorf("FindQuestion(old) in %v = %v, want bank a's question", BankIDs(banks), q)
		}
		if bank, q := FindQuestion(banks, "older"); bank != b || q.ID != "new" {
			t.Errorf("FindQuestion(older) = %v, want bank b's new", q)
		}
	}
	if bank, q := FindQuestion([]*Bank{a, b}, "none"); bank != nil || q != nil {
		t.Errorf("FindQuestion(none) = %v", q)
	}
}

// Every former id the loader or Validate refuses, with its line and field.
func TestFormerIDsRefused(t *testing.T) {
	head := "id: b\ntitle: T\nquestions:\n"
	tf := func(id, former string) string {
		return "  - id: " + id + "\n    former_ids: " + former + "\n    type: truefalse\n    prompt: P\n    answer: true\n"
	}
	tests := []struct {
		name, yaml, want string
	}{
		{"a current id of the bank", head + tf("a", "[b]") + tf("b", "[]"),
			`x.yaml:5: question "a": former_ids: "b" is the id of the question at line 9 of this bank`},
		{"claimed by two questions", head + tf("a", "[old]") + tf("b", "[old]"),
			`x.yaml:10: question "b": former_ids: "old" is already a former id of question "a"`},
		{"twice in one question", head + tf("a", "[old, old]"),
			`x.yaml:5: question "a": former_ids: "old" appears twice`},
		{"not an id", head + tf("a", "[Old Id]"),
			`x.yaml:5: question "a": former_ids: "Old Id" must be lower-case letters, digits, hyphens or underscores`},
		{"empty", head + tf("a", `[""]`),
			`x.yaml:5: question "a": former_ids: empty entry`},
		{"its own id", head + tf("a", "[a]"),
			`x.yaml:5: question "a": former_ids: "a" is the question's own id`},
		{"not a list", head + tf("a", "{x: y}"),
			`x.yaml:5: question "a": former_ids: expected a list`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ParseBank("x.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatalf("no error, want %s", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error:\n%s\nwant it to contain:\n%s", err, tt.want)
			}
			if n := strings.Count(err.Error(), "former_ids"); n != 1 {
				t.Errorf("%d problems name former_ids, want 1:\n%s", n, err)
			}
		})
	}
}

// Validate holds a question built in Go (or by an importer) to the same
// rules.
func TestValidateFormerIDs(t *testing.T) {
	q := &Question{ID: "q", Type: TrueFalse, Prompt: "P", Points: 1, FormerIDs: []string{"ok", "Not OK", "ok", "q"}}
	var got []string
	for _, p := range q.Validate() {
		if p.Field == "former_ids" {
			got = append(got, p.Msg)
		}
	}
	if len(got) != 3 || !strings.Contains(got[0], `"Not OK" must be`) || !strings.Contains(got[1], `"ok" appears twice`) || !strings.Contains(got[2], "own id") {
		t.Errorf("Validate's former_ids problems = %q", got)
	}
}

// A bank exported as YAML keeps its former ids: loaded again, it still
// reads the old sheets.
func TestFormerIDsExported(t *testing.T) {
	b, _, err := ParseBank("x.yaml", []byte(formerBank))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := b.WriteYAML(&out); err != nil {
		t.Fatal(err)
	}
	again, _, err := ParseBank("y.yaml", out.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if q := again.Question("older"); q == nil || q.ID != "new" {
		t.Errorf("exported and read again, older finds %v:\n%s", q, out.String())
	}
}

// Renaming a question keeps everyone's paper (attack12 #1, #3): under any
// seed, the renamed question shows its options in the order it showed them
// under its first id, and a set picks the same questions in the same order.
func TestRenameKeepsPapers(t *testing.T) {
	var before, after strings.Builder
	before.WriteString("id: b\ntitle: T\nquestions:\n")
	after.WriteString("id: b\ntitle: T\nquestions:\n")
	for i, id := range []string{"alpha", "mid", "omega", "kilo", "delta"} {
		q := "    type: single\n    prompt: P\n    choices: [w, x, y, z, v]\n    answer: w\n"
		before.WriteString("  - id: " + id + "\n" + q)
		if i%2 == 0 { // renamed to ids that sort elsewhere: zza-alpha, za-omega, a-delta
			after.WriteString("  - id: " + strings.Repeat("z", 2-i/2) + "a-" + id + "\n    former_ids: [" + id + ", " + id + "-later]\n" + q)
		} else {
			after.WriteString("  - id: " + id + "\n" + q)
		}
	}
	old, _, err := ParseBank("old.yaml", []byte(before.String()))
	if err != nil {
		t.Fatal(err)
	}
	renamed, _, err := ParseBank("new.yaml", []byte(after.String()))
	if err != nil {
		t.Fatal(err)
	}
	seedIDs := func(qs []*Question) string {
		var out []string
		for _, q := range qs {
			out = append(out, q.SeedID())
		}
		return strings.Join(out, " ")
	}
	if got, want := seedIDs(renamed.Questions), seedIDs(old.Questions); got != want {
		t.Fatalf("SeedIDs %q, want the first ids %q", got, want)
	}
	for seed := uint64(0); seed < 40; seed++ {
		for i, q := range renamed.Questions {
			if got, want := q.OptionOrder(seed), old.Questions[i].OptionOrder(seed); !slices.Equal(got, want) {
				t.Errorf("seed %d: %s (was %s) shows options %v, want %v as before the rename", seed, q.ID, q.SeedID(), got, want)
			}
		}
		for _, set := range []string{"9a", "9b", "10c", "2026-12-03"} {
			f := Filter{Set: set, Count: 3}
			a, err := Pick([]*Bank{old}, f, seed)
			if err != nil {
				t.Fatal(err)
			}
			b, err := Pick([]*Bank{renamed}, f, seed)
			if err != nil {
				t.Fatal(err)
			}
			if seedIDs(a) != seedIDs(b) {
				t.Errorf("set %s seed %d picks %q after the rename, %q before", set, seed, seedIDs(b), seedIDs(a))
			}
		}
	}
	// A report made before the rename names the set's questions by their
	// old ids: Reselect still finds the selection, under the ids now.
	f := Filter{Set: "9a"}
	asked, err := Select([]*Bank{old}, Filter{Set: "9a", Count: 3}, 5)
	if err != nil {
		t.Fatal(err)
	}
	var refs []Ref
	for _, p := range asked {
		refs = append(refs, Ref{p.Bank, p.ID})
	}
	got, selected, err := Reselect([]*Bank{renamed}, refs, f, 5)
	renamedAsked := 0
	for i, q := range got {
		if q.SeedID() != refs[i].ID {
			t.Errorf("Reselect of an old report: question %d is %s, want the one once called %s", i+1, q.ID, refs[i].ID)
		}
		if q.ID != refs[i].ID {
			renamedAsked++
		}
	}
	if err != nil || !selected || len(got) != 3 || renamedAsked == 0 {
		t.Errorf("Reselect of an old report: selected %v, %d questions, %d renamed, %v", selected, len(got), renamedAsked, err)
	}
	// Display, reports and lookups keep the current id.
	if q := renamed.Question("alpha"); q == nil || q.ID != "zza-alpha" || q.SeedID() != "alpha" {
		t.Errorf("Question(alpha) = %v, want zza-alpha seeded as alpha", q)
	}
}
