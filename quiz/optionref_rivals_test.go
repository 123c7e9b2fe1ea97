package quiz

import (
	"math/rand/v2"
	"os"
	"path/filepath"
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
	for _, name := range []string{"comprehension", "discussion", "perspectives", "timeline"} {
		data, err := os.ReadFile(filepath.Join("..", "assets", "banks", name+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		bank, _, err := ParseBank(name+".yaml", data)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range bank.Questions {
			p := &Presented{Question: q}
			check(p.Options())
			check(p.Lefts())
		}
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
