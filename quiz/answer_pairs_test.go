package quiz

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// joinAtSeparatorsByReplace is how the words were joined before: one
// slices.Replace and one longer string a join, quadratic in a line of
// separators. It is the reference the one pass must agree with.
func joinAtSeparatorsByReplace(toks []string) []string {
	for i := 0; i+1 < len(toks); i++ {
		if strings.ContainsAny(toks[i][len(toks[i])-1:], "=:-") || strings.ContainsAny(toks[i+1][:1], "=:-") {
			toks = slices.Replace(toks, i, i+2, toks[i]+toks[i+1])
			i--
		}
	}
	return toks
}

func TestJoinAtSeparators(t *testing.T) {
	for in, want := range map[string][]string{
		"1 = c":         {"1=c"},
		"1 =c 2= a":     {"1=c", "2=a"},
		"1: c 2 - a":    {"1:c", "2-a"},
		"1 c 2 a":       {"1", "c", "2", "a"},
		"a = = b c":     {"a==b", "c"},
		"= 1 c":         {"=1", "c"},
		"1 c =":         {"1", "c="},
		"Şuşa = Xocalı": {"Şuşa=Xocalı"},
	} {
		if got := joinAtSeparators(strings.Fields(in)); !slices.Equal(got, want) {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
	words := []string{"1", "c", "=", ":", "-", "1=", "=c", "1-", "a:", "Khojaly", "-b", "é"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		var in []string
		for range r.IntN(9) {
			in = append(in, words[r.IntN(len(words))])
		}
		want := joinAtSeparatorsByReplace(slices.Clone(in))
		if got := joinAtSeparators(in); !slices.Equal(got, want) && len(in) > 0 {
			t.Fatalf("%q: got %q, the join before gave %q", in, got, want)
		}
	}
}

// pathologicalPairs are 90 KB lines of match "pairs" that took the reader
// seconds when joining words at separators was quadratic.
var pathologicalPairs = map[string]string{
	"equals":  strings.Repeat("= ", 45000),
	"colons":  strings.Repeat(": ", 45000),
	"hyphens": strings.Repeat("- ", 45000),
}

// TestPathologicalPairsRefused: such a line is refused with the one message
// for input that is not pairs (BenchmarkPathologicalPairs times it).
func TestPathologicalPairsRefused(t *testing.T) {
	q := &Question{Type: Match, Pairs: []Pair{{"Khojaly", "Xocalı"}, {"Shusha", "Şuşa"}}}
	for name, line := range pathologicalPairs {
		if _, err := q.Resolve(Typed(line), nil); !errors.Is(err, errPairs) {
			t.Errorf("%s: %v, want %v", name, err, errPairs)
		}
	}
}

func BenchmarkPathologicalPairs(b *testing.B) {
	q := &Question{Type: Match, Pairs: []Pair{{"Khojaly", "Xocalı"}, {"Shusha", "Şuşa"}}}
	line := pathologicalPairs["equals"]
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		q.Resolve(Typed(line), nil)
	}
}
