package quiz

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

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
				q.folded() // as grading leaves it: Expected starts from its folds
				if got, want := q.Expected(), expectedShortAsBefore(q); got != want {
					t.Errorf("%s: %s: after grading, Expected = %q, want %q", f, q.ID, got, want)
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
			q.folded()
			if got, want := q.Expected(), expectedShortAsBefore(q); got != want {
				t.Errorf("after grading, Expected of %q (exact %v) = %q, want %q", acc, exact, got, want)
			}
		}
	}
}

// joinPieces are the texts random accepted answers are made of: words,
// separators, stars and backslashes, marks that combine with what comes
// before them (and so with a space), letters Normalize folds by context
// (Armenian ե then ւ), compatibility forms, invalid UTF-8.
var joinPieces = []string{"a", "B", "hrw", "Human", "Watch", " ", "  ", "\t", "-", "(", ")", "+", "->", "*", `\*`, `\`, `\\*`, "é", "e\u0301", "\u0301", "\u0308",
	"ե", "ւ", "և", "ԵՎ", "Xocalı", "ə", "ß", "ﬁ", "①", "Ⅻ", "\u00ad", "\u055e", "ё", "й", "\u00a0", "\u3000", "\xff", "\xc3", "\x80", "K", "\u212a", "ǅ", "1", "２"}

func joinText(r *rand.Rand) string {
	var b strings.Builder
	for range r.IntN(4) {
		b.WriteString(joinPieces[r.IntN(len(joinPieces))])
	}
	return b.String()
}

// joinsTwo folds each answer once and compares the folds of a pair joined,
// rather than folding each pair joined: Normalize of two texts joined by a
// space must be their folds joined by one space, or the one not empty.
func TestNormalizeJoinsAtASpace(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 7))
	for range 50000 {
		b, c := joinText(r), joinText(r)
		if got := text.Normalize(b + " " + c); !foldsJoined(got, text.Normalize(b), text.Normalize(c)) {
			t.Fatalf("Normalize(%q + \" \" + %q) = %q; the parts fold to %q and %q", b, c, got, text.Normalize(b), text.Normalize(c))
		}
	}
}

// Expected lists the same answers as before on random lists of accepted
// answers, pairs of them joined among them (as written, and spaced, cased or
// starred otherwise).
func TestExpectedShortAsBeforeRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 8))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	joined := 0
	for range n {
		var acc []string
		for range 1 + r.IntN(6) {
			switch r.IntN(4) {
			case 0:
				if len(acc) >= 2 {
					a, b := acc[r.IntN(len(acc))], acc[r.IntN(len(acc))]
					acc = append(acc, []string{a + " " + b, strings.ToUpper(a) + "  " + b, a + "-" + b, a + b, a + " *" + b}[r.IntN(5)])
					joined++
					continue
				}
				fallthrough
			default:
				acc = append(acc, joinText(r))
			}
		}
		q := &Question{ID: "q", Type: Short, Accept: acc, Exact: r.IntN(8) == 0}
		if r.IntN(2) == 0 && !slices.ContainsFunc(acc, func(a string) bool { return !utf8.ValidString(a) }) {
			q.folded() // graded first (a bank's text is UTF-8): Expected starts from grading's folds
		}
		if got, want := q.Expected(), expectedShortAsBefore(q); got != want {
			t.Fatalf("Expected of %q (exact %v, folded %v) = %q, want %q", acc, q.Exact, q.fold.Load() != nil, got, want)
		}
	}
	if joined == 0 {
		t.Fatal("no joined answers: the test tests nothing of joinsTwo")
	}
}
