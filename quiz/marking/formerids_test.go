package marking

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

// An old sheet names a renamed question by its former id: its answer is
// offered under the question's id now, and the one answer to an id no bank
// has is named, with its file and line, not passed over (attack11 #2).
func TestCollectFormerAndUnknownIDs(t *testing.T) {
	bank, _, err := quiz.ParseBank("b.yaml", []byte(`id: b
title: T
questions:
  - id: essay
    former_ids: [old-essay]
    type: open
    prompt: P
    model_answer: M
`))
	if err != nil {
		t.Fatal(err)
	}
	load := func([]string, string) ([]*quiz.Bank, error) { return []*quiz.Bank{bank}, nil }
	dir := t.TempDir()
	file := filepath.Join(dir, "ana.yaml")
	os.WriteFile(file, []byte("student: Ana\nbanks: [b]\nanswers:\n  old-essay: An answer.\n  gone: Another.\n  empty-gone:\n"), 0o644)
	qs, errs, _, unknown := Collect([]string{file}, load, Filter{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(qs) != 1 || qs[0].ID != "essay" || len(qs[0].Answers) != 1 || qs[0].Answers[0].ID != "old-essay" {
		t.Fatalf("collected %+v, want essay's answer, under old-essay in the file", qs)
	}
	if len(unknown) != 1 {
		t.Fatalf("unknown = %v, want the one answer to gone (an empty answer is no essay)", unknown)
	}
	want := file + `:5: warning: question "gone": no question of bank b has this id, now or as a former id; not offered for marking`
	if got := unknown[0].Error(); got != want {
		t.Errorf("unknown:\n got %s\nwant %s", got, want)
	}
	// The mark goes in under the id the sheet gives, beside the answer.
	if err := Apply(file, "b", qs[0].Answers[0].ID, quiz.Mark{Points: 1}, 1); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(file)
	if !strings.Contains(string(data), "marks:\n  old-essay:") {
		t.Errorf("marked sheet:\n%s", data)
	}
	if qs, _, _, _ := Collect([]string{file}, load, Filter{Question: "essay"}); len(qs) != 0 {
		t.Errorf("the marked answer is offered again: %+v", qs[0].Answers)
	}
}
