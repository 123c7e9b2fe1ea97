package grade

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// Inputs walks a graded directory only when an output exists, and leaves
// out last run's results (an output there that is no sheet), never a sheet.
func TestInputs(t *testing.T) {
	dir := t.TempDir()
	class := filepath.Join(dir, "class")
	files := map[string]string{
		"class/ana.yaml":    "student: Ana\nbanks: [sample]\nanswers: {}\n",
		"class/bo.json":     `{"student": "Bo", "banks": ["sample"], "answers": {}}`,
		"class/result.json": `[{"file": "class/ana.yaml", "score": 1}]`,
		"given.yaml":        "student: Cy\nbanks: [sample]\nanswers: {}\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	given := []string{class, filepath.Join(dir, "given.yaml")}
	at := func(names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, filepath.Join(dir, n))
		}
		return out
	}

	got, existing := Inputs(given, []string{filepath.Join(dir, "new.csv"), "", "-"})
	if want := at("given.yaml"); !slices.Equal(got, want) || len(existing) != 0 {
		t.Errorf("no output exists: inputs %q (%d existing), want %q", got, len(existing), want)
	}
	got, existing = Inputs(given, []string{filepath.Join(class, "result.json")})
	if want := at("class/ana.yaml", "class/bo.json", "given.yaml"); !slices.Equal(got, want) || len(existing) != 1 {
		t.Errorf("last run's results in the directory: inputs %q (%d existing), want %q and 1", got, len(existing), want)
	}
	got, _ = Inputs(given, []string{filepath.Join(class, "bo.json")})
	if want := at("class/ana.yaml", "class/bo.json", "class/result.json", "given.yaml"); !slices.Equal(got, want) {
		t.Errorf("an output that is a sheet: inputs %q, want %q", got, want)
	}
	got, _ = Inputs(given, nil, filepath.Join(class, "result.json"))
	if want := at("class/ana.yaml", "class/bo.json", "class/result.json", "given.yaml"); !slices.Equal(got, want) {
		t.Errorf("a step summary in the directory: inputs %q, want %q", got, want)
	}
}
