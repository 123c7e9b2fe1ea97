package quiz

import (
	"os"
	"path/filepath"
	"testing"
)

func embeddedBank(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("..", "assets", "banks", name+".yaml"))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// embeddedQuestions are the questions of the written banks (not the
// vocabulary bank, which the glossary makes), parsed.
func embeddedQuestions(tb testing.TB) []*Question {
	tb.Helper()
	var out []*Question
	for _, name := range []string{"comprehension", "discussion", "perspectives", "timeline"} {
		bank, _, err := ParseBank(name+".yaml", embeddedBank(tb, name))
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, bank.Questions...)
	}
	return out
}

// BenchmarkParseBank parses the largest embedded bank: the work done once per
// run before the first prompt.
func BenchmarkParseBank(b *testing.B) {
	data := embeddedBank(b, "comprehension")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for range b.N {
		if _, _, err := ParseBank("comprehension.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSelect(b *testing.B) {
	bank, _, err := ParseBank("comprehension.yaml", embeddedBank(b, "comprehension"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := range b.N {
		if _, err := Select([]*Bank{bank}, Filter{Count: 10}, uint64(i)); err != nil {
			b.Fatal(err)
		}
	}
}
