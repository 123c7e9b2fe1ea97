package quiz

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz/text"
)

// expectedShortAsBefore is Expected of a short question as it was written
// before it folded each text once (foldOnce): each pair folded again for
// each accepted answer. The two must list the same answers.
func expectedShortAsBefore(q *Question) string {
	joins := func(a string, listed []string) bool {
		if q.Exact || HasWildcard(a) {
			return false
		}
		for _, b := range listed {
			for _, c := range listed {
				if b != c && !HasWildcard(b) && !HasWildcard(c) && q.sameAnswer(a, b+" "+c, text.Normalize) {
					return true
				}
			}
		}
		return false
	}
	var full, shown []string
	for i, a := range q.Accept {
		if q.AcceptCredit(i) < 1 || slices.ContainsFunc(full, func(b string) bool { return q.sameAnswer(a, b, text.Normalize) }) || joins(a, full) {
			continue
		}
		full = append(full, a)
		if !HasWildcard(a) {
			a = LiteralAnswer(a)
		}
		shown = append(shown, a)
	}
	return strings.Join(shown, " / ")
}

func TestExpectedShortAsBefore(t *testing.T) {
	accepts := [][]string{
		{"Human Rights Watch", "HRW", "Human Rights Watch (HRW)", "Human Rights Watch HRW", "HRW Human Rights Watch"},
		{"Khojaly", "Xocalı", "Khojaly Xocalı", "khojaly xocali", "Xocali Khojaly", "Khojaly / Xocalı"},
		{"C++", "C", "C C++", "c++ c", "+", "->", "+ ->"},
		{"a*", `a\*`, `a\* b`, "b", "a* b", `b a\*`},
		{"", " ", "x", " x", "x x"},
		{"Nagorno-Karabakh", "Artsakh", "Nagorno-Karabakh Artsakh", "Artsakh Nagorno-Karabakh", "Karabakh"},
	}
	files, _ := filepath.Glob(filepath.Join("..", "assets", "banks", "*.yaml"))
	shorts := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		bank, _, err := ParseBank(filepath.Base(f), data)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range bank.Questions {
			if q.Type == Short {
				shorts++
				if got, want := q.Expected(), expectedShortAsBefore(q); got != want {
					t.Errorf("%s: %s: Expected = %q, want %q", f, q.ID, got, want)
				}
			}
		}
	}
	if shorts == 0 {
		t.Fatal("no short question in the built-in banks")
	}
	for _, acc := range accepts {
		for _, exact := range []bool{false, true} {
			q := &Question{ID: "q", Type: Short, Accept: acc, Exact: exact}
			if got, want := q.Expected(), expectedShortAsBefore(q); got != want {
				t.Errorf("Expected of %q (exact %v) = %q, want %q", acc, exact, got, want)
			}
		}
	}
}
