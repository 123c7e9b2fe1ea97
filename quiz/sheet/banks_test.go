package sheet

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// A bank path written by BankPath from a sheet's directory is found again by
// ResolveBanks, from wherever the sheet is graded.
func TestBankPathRoundTrip(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.MkdirAll("class/ana", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("mine.yaml", []byte("id: mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rec := BankPath("mine.yaml", "class/ana")
	if rec != "../../mine.yaml" {
		t.Fatalf("BankPath = %q", rec)
	}
	t.Chdir("class")
	got := ResolveBanks([]string{rec, "comprehension", "/abs/x.yaml"}, filepath.Join("ana", "s.yaml"))
	if want := []string{filepath.Join("..", "mine.yaml"), "comprehension", "/abs/x.yaml"}; !slices.Equal(got, want) {
		t.Errorf("ResolveBanks = %q, want %q", got, want)
	}
	if got := ResolveBanks([]string{"nowhere.yaml"}, "-"); got[0] != "nowhere.yaml" {
		t.Errorf("from standard input: %q", got)
	}
}
