package text

import (
	"slices"
	"testing"
)

// Tags T0 … T11 sort as people count, not T0, T1, T10, T11, T2 (attack6
// finding 8).
func TestNaturalCompare(t *testing.T) {
	got := []string{"t10", "t2", "t11", "t0", "t1", "since-2020", "since-1994", "a", "t02"}
	slices.SortStableFunc(got, NaturalCompare)
	want := []string{"a", "since-1994", "since-2020", "t0", "t1", "t2", "t02", "t10", "t11"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if NaturalCompare("x", "x") != 0 || NaturalCompare("x", "x1") != -1 || NaturalCompare("b", "a9") != 1 {
		t.Error("NaturalCompare basics")
	}
}
