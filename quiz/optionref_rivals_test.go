package quiz

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/conflictq/conflictq/quiz/text"
)

// optionRefAsBefore is OptionRef as it was, every option folded for each
// reference: foldLabelRivals must give the same references.
func optionRefAsBefore(shown []string, d int, numbered bool) string {
	if numbered {
		if f := strconv.Itoa(d + 1); readsAs(f, shown, foldAll(shown), d) {
			return f
		}
		return strconv.Itoa(d+1) + ")"
	}
	if f := text.Letter(d); readsAs(f, shown, foldAll(shown), d) {
		return f
	}
	return text.Letter(d) + ")"
}

// TestOptionRefFoldsOnlyRivals holds OptionRef to optionRefAsBefore on every
// option list of the built-in banks and on random lists of options that are,
// or fold to, letters and numbers ("A", "a.", "(b)", "Á", "10", "ı"), or are
// longer ASCII and other texts.
func TestOptionRefFoldsOnlyRivals(t *testing.T) {
	check := func(shown []string) {
		t.Helper()
		for d := range shown {
			for _, numbered := range []bool{false, true} {
				if got, want := OptionRef(shown, d, numbered), optionRefAsBefore(shown, d, numbered); got != want {
					t.Fatalf("OptionRef(%q, %d, %v) = %q, before %q", shown, d, numbered, got, want)
				}
			}
		}
	}
	for _, q := range embeddedQuestions(t) {
		p := &Presented{Question: q}
		check(p.Options())
		check(p.Lefts())
	}
	texts := []string{"a", "A", "b", "B", "c", "a.", "(a)", "a)", "A!", " a ", "Á", "á", "ı", "I", "1", "2", "10", "1.", "(2)", "1 0",
		"ab", "a b", "Baku", "Khojaly (Xocalı)", "c++", "C", "--", "", "\u00a0a", "ａ", "①", "Ⅰ", "ℌ", "ǅ", "ß", "ss"}
	r := rand.New(rand.NewPCG(13, 25))
	for range 20000 {
		shown := make([]string, 2+r.IntN(11))
		for i := range shown {
			shown[i] = texts[r.IntN(len(texts))]
		}
		check(shown)
	}
}

// TestChoiceFoldsReadAsBefore holds a single choice's answer read with
// choiceFolds to the same answer read with every choice folded: the
// option, the error and the notes, for letters, numbers, labels with a
// dot or a bracket, spaces round them and texts, on the built-in banks'
// single-choice questions (shuffled by a seed and not) and on random
// choice lists of texts that are or fold to letters and numbers.
func TestChoiceFoldsReadAsBefore(t *testing.T) {
	refs := []string{"a", "b", "c", "d", "e", "z", "A", "B", "aa", "1", "2", "3", "4", "5", "10", "0", " a", "b ", "\ta", "a\u00a0",
		"\u00a0b", "a.", "b)", "(c)", "1.", "2)", "Baku", "ı", "I", "Á", "a b", "", " "}
	check := func(q *Question) {
		t.Helper()
		all := append(slices.Clip(refs), q.Choices...) // an option's text as written: a quiz's report's answer
		for _, c := range q.Choices {
			all = append(all, " "+c, c+".", c+")")
		}
		for _, seed := range []*uint64{nil, new(uint64(7))} {
			for _, ref := range all {
				fresh := &Question{ID: q.ID, Type: Single, Choices: q.Choices, Correct: q.Correct}
				before := &refResolver{q: fresh, seed: seed}
				i, err := before.resolve(ref, fresh.Choices, foldAll(fresh.Choices), true)
				now := &refResolver{q: fresh, seed: seed}
				j, err2 := now.resolve(ref, fresh.Choices, fresh.choiceFolds(ref), true)
				if i != j || fmt.Sprint(err) != fmt.Sprint(err2) || fmt.Sprint(before.notes) != fmt.Sprint(now.notes) {
					t.Fatalf("%q among %q: read as %d, %v, %v with every choice folded; %d, %v, %v now", ref, fresh.Choices, i, err, before.notes, j, err2, now.notes)
				}
			}
		}
	}
	for _, q := range embeddedQuestions(t) {
		if q.Type == Single {
			check(q)
		}
	}
	texts := []string{"a", "A", "b", "B", "c", "a.", "(a)", "a)", "A!", " a ", "Á", "á", "ı", "I", "1", "2", "10", "1.", "(2)", "1 0",
		"ab", "a b", "Baku", "Khojaly (Xocalı)", "c++", "C", "--", "\u00a0a", "ａ", "①", "Ⅰ", "ß", "ss", "The a", "b and c"}
	r := rand.New(rand.NewPCG(25, 13))
	for range 3000 {
		choices := make([]string, 2+r.IntN(6))
		for i := range choices {
			choices[i] = texts[r.IntN(len(texts))]
		}
		check(&Question{ID: "q", Type: Single, Choices: choices, Correct: []int{0}})
	}
}

// TestLabelFoldsReadAsBefore holds a choose-all answer read with labelFolds
// to the same answer read with every choice folded (a question folded
// before it is read): the options, the error and the notes, for lists of
// letters and numbers, short and long, with spaces round them, with and
// without a label that is not a bare one among them, on the built-in banks'
// choose-all questions (shuffled by a seed and not) and on random choice
// lists of texts that are or fold to letters and numbers. It fails when no
// list is read without folding every choice.
func TestLabelFoldsReadAsBefore(t *testing.T) {
	refs := []string{"a", "b", "c", "d", "e", "z", "A", "B", "aa", "1", "2", "3", "4", "5", "10", "12", "0", " a", "b ", "\ta", "a\u00a0",
		"\u00a0b", "a.", "b)", "(c)", "1.", "2)", "Baku", "ı", "I", "Á", "a b", "", " "}
	labels := []string{"a", "b", "c", "d", "A", "1", "2", "3", "10", "12", " 1", "11 "}
	lazy := 0
	r := rand.New(rand.NewPCG(28, 13))
	check := func(q *Question) {
		t.Helper()
		for _, seed := range []*uint64{nil, new(uint64(7))} {
			for range 12 {
				list := make([]string, r.IntN(4))
				for i := range list {
					switch r.IntN(4) {
					case 0:
						list[i] = refs[r.IntN(len(refs))]
					case 1:
						list[i] = q.Choices[r.IntN(len(q.Choices))] // an option's text, as a quiz's report gives it
					default:
						list[i] = labels[r.IntN(len(labels))] // mostly bare labels
					}
				}
				v := Value{Kind: List, List: list}
				folded := &Question{ID: q.ID, Type: Multi, Choices: q.Choices, Correct: q.Correct}
				folded.folded()
				before := &refResolver{q: folded, seed: seed}
				i, err := choicesFromValue(before, v)
				fresh := &Question{ID: q.ID, Type: Multi, Choices: q.Choices, Correct: q.Correct}
				now := &refResolver{q: fresh, seed: seed}
				j, err2 := choicesFromValue(now, v)
				if fmt.Sprint(i) != fmt.Sprint(j) || fmt.Sprint(err) != fmt.Sprint(err2) || fmt.Sprint(before.notes) != fmt.Sprint(now.notes) {
					t.Fatalf("%q among %q: read as %v, %v, %v with every choice folded; %v, %v, %v now", list, q.Choices, i, err, before.notes, j, err2, now.notes)
				}
				if fresh.fold.Load() == nil {
					lazy++
				}
			}
		}
	}
	for _, q := range embeddedQuestions(t) {
		if q.Type == Multi {
			check(q)
		}
	}
	texts := []string{"a", "A", "b", "B", "c", "a.", "(a)", "a)", "A!", " a ", "Á", "á", "ı", "I", "1", "2", "10", "1.", "(2)", "1 0",
		"ab", "a b", "Baku", "Khojaly (Xocalı)", "c++", "C", "--", "\u00a0a", "ａ", "①", "Ⅰ", "ß", "ss", "The a", "b and c", "12", "1 2", "１０", "1２", "(10)", "10.", "Baku’s", "Xocalı report", "a\u0301", "1\u20e3", "ab\u0301c", "“a”", "1\u0338"}
	for range 700 {
		choices := make([]string, 2+r.IntN(12))
		for i := range choices {
			choices[i] = texts[r.IntN(len(texts))]
		}
		check(&Question{ID: "q", Type: Multi, Choices: choices, Correct: []int{0}})
	}
	if lazy == 0 {
		t.Fatal("every list folded every choice: labelFolds's own path is not reached")
	}
}

// TestKeptAlnumNormalizeKeeps: Normalize of a text keeps at least
// keptAlnum of its ASCII letters and digits, which foldLabelRivals relies
// on, on random texts of words, marks that combine with the letter before
// them, compatibility forms, symbols and invalid UTF-8.
func TestKeptAlnumNormalizeKeeps(t *testing.T) {
	pieces := append([]string{"\u20e3", "\u0338", "\u0301", "’", "“", "ı", "ﬁ", "ǅ", "Ⅻ", "\u200d", "\u0300", "a", "Z", "9", "10", " "}, joinPieces...)
	r := rand.New(rand.NewPCG(28, 21))
	for range 50000 {
		var b []byte
		for range 1 + r.IntN(6) {
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
		s := string(b)
		kept := 0
		for _, c := range []byte(text.Normalize(s)) {
			if '0' <= c && c <= '9' || 'a' <= c && c <= 'z' {
				kept++
			}
		}
		if kept < keptAlnum(s) {
			t.Fatalf("Normalize(%q) = %q keeps %d ASCII letters and digits; keptAlnum says %d", s, text.Normalize(s), kept, keptAlnum(s))
		}
	}
}

// TestFoldLazilyOnce: only a question's first answer is read without its
// options folded; the second (a class's next sheet) folds them once for
// all, so that a batch does not fold a label's rivals again for each
// student. Both read alike.
func TestFoldLazilyOnce(t *testing.T) {
	q := &Question{ID: "q", Type: Multi, Choices: []string{"Baku’s view", "Yerevan’s view", "A", "b."}, Correct: []int{0}}
	v := Value{Kind: List, List: []string{"a", "c"}}
	first, err := choicesFromValue(&refResolver{q: q}, v)
	if q.fold.Load() != nil {
		t.Fatal("the first answer folded every option")
	}
	second, err2 := choicesFromValue(&refResolver{q: q}, v)
	if q.fold.Load() == nil {
		t.Fatal("the second answer did not fold the options for the answers after it")
	}
	if fmt.Sprint(first, err) != fmt.Sprint(second, err2) {
		t.Errorf("read as %v, %v first and %v, %v after", first, err, second, err2)
	}
}
