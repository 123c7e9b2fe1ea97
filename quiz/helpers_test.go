package quiz

import (
	"os"
	"testing"
)

// loadSample parses testdata/all-types.yaml, which has one question of each type.
func loadSample(t testing.TB) *Bank {
	t.Helper()
	data, err := os.ReadFile("testdata/all-types.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, warnings, err := ParseBank("all-types.yaml", data)
	if err != nil {
		t.Fatalf("sample bank: %v", err)
	}
	if len(warnings) > 0 {
		t.Fatalf("sample bank warnings: %v", warnings)
	}
	return b
}

func question(t testing.TB, b *Bank, id string) *Question {
	t.Helper()
	q := b.Question(id)
	if q == nil {
		t.Fatalf("no question %q", id)
	}
	return q
}
