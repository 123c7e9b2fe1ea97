package fileio

import (
	"slices"
	"testing"
)

func TestFormatOf(t *testing.T) {
	for path, want := range map[string]string{"r.JSON": "json", "a/b.md": "markdown", "x.markdown": "markdown", "s.csv": "csv", "b.yml": "yaml", "n.tsv": "anki", "x": "", "x.pdf": ""} {
		if got := FormatOf(path); got != want {
			t.Errorf("FormatOf(%q) = %q, want %q", path, got, want)
		}
	}
	if got := FormatOf("b.yaml", "json", "csv"); got != "" {
		t.Errorf("a format not allowed: %q", got)
	}
	for format, want := range map[string]string{"json": ".json", "markdown": ".md", "csv": ".csv", "anki": ".tsv", "nope": ""} {
		if got := Ext(format); got != want {
			t.Errorf("Ext(%q) = %q, want %q", format, got, want)
		}
	}
}

func TestFormatOfJSONLines(t *testing.T) {
	if got := FormatOf("class.JSONL"); got != "jsonl" {
		t.Errorf("FormatOf(class.JSONL) = %q, want jsonl", got)
	}
	if got := FormatOf("class.jsonl", "json"); got != "" {
		t.Errorf("JSON lines are not JSON: %q", got)
	}
	if got, want := Exts("yaml", "jsonl", "gift"), []string{".jsonl", ".yaml", ".yml", ".gift", ".txt"}; !slices.Equal(got, want) {
		t.Errorf("Exts = %q, want %q", got, want)
	}
}
