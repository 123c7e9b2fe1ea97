package grade

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

// oldRereadSections is rereadSections as it was before it took each
// section's paragraphs from one slice (a map of sections, paragraphs grown
// by append): the oracle the new one is held to.
func oldRereadSections(r *SheetResult) []rereadSection {
	var out []rereadSection
	at := map[string]int{}
	for _, o := range r.Outcomes {
		q := o.Question
		if !q.Graded() || o.Correct() || o.Unseen || q.Source.IsZero() {
			continue
		}
		i, ok := at[q.Source.Section]
		if !ok {
			i = len(out)
			at[q.Source.Section] = i
			out = append(out, rereadSection{name: q.Source.Section})
		}
		out[i].missed++
		if !slices.Contains(out[i].paras, q.Source.Paragraph) {
			out[i].paras = append(out[i].paras, q.Source.Paragraph)
		}
	}
	for i := range out {
		slices.Sort(out[i].paras)
	}
	slices.SortStableFunc(out, func(a, b rereadSection) int {
		return quiz.CompareSources(quiz.Source{Section: a.name}, quiz.Source{Section: b.name})
	})
	return out
}

// The sections to reread, and every line that lists them, are what they
// were: on 20,000 random results (sections of the article and others, a
// section with no name, paragraphs repeated and missing, questions of
// every kind right, wrong, blank and not reached) rereadSections and
// rereadList give what the code they replaced gave.
func TestRereadSectionsAsBefore(t *testing.T) {
	rng := rand.New(rand.NewPCG(27, 1))
	sections := []string{"Introduction", "UN resolution", "Questions", "", "Aftermath", "introduction", "Zz"}
	types := []quiz.Type{quiz.Single, quiz.Multi, quiz.Short, quiz.Open, quiz.Info, quiz.Numeric}
	for n := range 20000 {
		r := &SheetResult{}
		for range rng.IntN(50) {
			q := &quiz.Question{Type: types[rng.IntN(len(types))]}
			if rng.IntN(8) > 0 {
				q.Source = quiz.Source{Section: sections[rng.IntN(len(sections))], Paragraph: rng.IntN(6)}
				if rng.IntN(5) == 0 {
					q.Source.Quote = "q"
				}
			}
			o := quiz.Outcome{Question: &quiz.Presented{Question: q}, Unseen: rng.IntN(10) == 0,
				Response: quiz.Response{Answered: rng.IntN(5) > 0}, Fraction: []float64{0, 0.5, 1}[rng.IntN(3)]}
			r.Outcomes = append(r.Outcomes, o)
		}
		got, want := rereadSections(r), oldRereadSections(r)
		same := len(got) == len(want)
		for i := 0; same && i < len(got); i++ {
			same = got[i].name == want[i].name && got[i].missed == want[i].missed && slices.Equal(got[i].paras, want[i].paras)
		}
		if !same {
			t.Fatalf("result %d: got %+v, want %+v", n, got, want)
		}
		for _, most := range []int{0, 1, 2, 3} {
			if g, w := rereadList(got, most), rereadList(want, most); g != w {
				t.Fatalf("result %d, at most %d: %q, want %q", n, most, g, w)
			}
		}
	}
}

// BenchmarkRereadSections times the sections of a student with 12 of 40
// answers wrong across five sections, with the code it replaced beside it.
func BenchmarkRereadSections(b *testing.B) {
	r := &SheetResult{}
	sections := []string{"Introduction", "UN resolution", "Questions", "Aftermath", "Sources"}
	for i := range 40 {
		q := &quiz.Question{Type: quiz.Single, Source: quiz.Source{Section: sections[i%5], Paragraph: 1 + i%4}}
		r.Outcomes = append(r.Outcomes, quiz.Outcome{Question: &quiz.Presented{Question: q},
			Response: quiz.Response{Answered: true}, Fraction: float64(min(1, i%10/3))})
	}
	for _, f := range []struct {
		name string
		fn   func(*SheetResult) []rereadSection
	}{{"new", rereadSections}, {"old", oldRereadSections}} {
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				f.fn(r)
			}
		})
	}
}
