package marking

import (
	"os"
	"strings"
	"testing"
	"time"
)

// A sheet whose match answer pairs one left side twice, typed alike (YAML
// block style, JSON), still takes the marks of its open answers, from a
// CSV as one by one: that answer alone is unreadable, when graded
// (attack18 F1: the whole sheet was refused, and no mark could be given).
func TestMarkSheetWithMatchLeftSideTwice(t *testing.T) {
	ana, bo, _, load := batchFiles(t)
	for file, data := range map[string]string{
		ana: anaSheet + "  x:\n    1: a\n    2: b\n    1: c\n",
		bo:  strings.Replace(boSheet, `"e3": "Three."`, `"e3": "Three.", "x": {"1": "a", "2": "b", "1": "c"}`, 1),
	} {
		if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	from := batchCSV(t, ana,
		[]string{"ana.yaml", "Ana", "1", "", "", "", "", "", "", "", "", "", "", ""},
		[]string{"bo.json", "Bo", "0.5", "", "", "", "", "", "", "", "", "", "", ""},
	)
	probs, rows, err := importCSV(from, []string{ana, bo}, load, ImportOptions{Marker: "T", Now: func() time.Time { return batchAt }})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs { // x is no question of bank b: a warning, as for any answer to none
		if !p.Warning || !strings.Contains(p.Msg, "no question of bank b") {
			t.Errorf("problem: %v", p)
		}
	}
	if got := statusesOf(rows); got != "saved saved" {
		t.Fatalf("rows: %s (%+v)", got, rows)
	}
	for _, file := range []string{ana, bo} {
		if got, _ := os.ReadFile(file); !strings.Contains(string(got), "marks") {
			t.Errorf("%s holds no marks:\n%s", file, got)
		}
	}
	if err := mark("b", "e2", 2, "", 2)(ana); err != nil {
		t.Errorf("one by one: %v", err)
	}
}
