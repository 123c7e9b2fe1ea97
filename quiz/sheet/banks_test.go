package sheet

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/conflictq/conflictq/quiz"
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

// BankRefs records an embedded bank by its id and a bank file by its path
// from the report's folder, or absolute when the folder is not known.
func TestBankRefs(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	banks := []*quiz.Bank{{ID: "comprehension"}, {ID: "mine"}}
	given := []string{"comprehension", "mine.yaml"}
	if got, want := BankRefs(given, banks, "class/ana"), []string{"comprehension", "../../mine.yaml"}; !slices.Equal(got, want) {
		t.Errorf("from a folder: %q, want %q", got, want)
	}
	if got, want := BankRefs(given, banks, ""), []string{"comprehension", filepath.Join(dir, "mine.yaml")}; !slices.Equal(got, want) {
		t.Errorf("no folder: %q, want %q", got, want)
	}
	if got, want := BankRefs(given[:1], banks, "class"), []string{"comprehension", "mine"}; !slices.Equal(got, want) {
		t.Errorf("not one given a bank: %q, want %q", got, want)
	}
}
