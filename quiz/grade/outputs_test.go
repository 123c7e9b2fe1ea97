package grade

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An output that is an input, or a sheet in a graded directory, is refused;
// last run's results in that directory are not sheets and may be replaced.
func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	s := write("ana.yaml", "student: Ana\nbanks: [mine]\nanswers: {q1: a}\n")
	results := write("results.json", `[{"student": "Ana", "score": 1}]`+"\n")
	if err := CheckOutput(s, []string{s}); err == nil || !strings.Contains(err.Error(), "is a sheet being graded;") {
		t.Errorf("the input itself: %v", err)
	}
	if err := CheckOutput(s, []string{dir}); err == nil || !strings.Contains(err.Error(), "(in "+dir+")") {
		t.Errorf("a sheet in the graded directory: %v", err)
	}
	if err := CheckOutput(results, []string{dir}); err != nil {
		t.Errorf("last run's results: %v", err)
	}
	if InGradedDir(filepath.Join(t.TempDir(), "x.yaml"), []string{dir}) != "" {
		t.Error("a file elsewhere is in the graded directory")
	}
}
