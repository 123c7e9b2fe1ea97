package fileio

import (
	"slices"
	"strings"
	"testing"
)

func TestFormatOf(t *testing.T) {
	for path, want := range map[string]string{"r.JSON": "json", "a/b.md": "markdown", "x.markdown": "markdown", "s.csv": "csv", "b.yml": "yaml", "n.tsv": "anki", "x": "", "x.pdf": ""} {
		if got := FormatOf(path); got != want {
			t.Errorf("FormatOf(%q) = %q, want %q", path, got, want)
		}
	}
	// .xml is Moodle XML for a bank export, JUnit for grade's results.
	if got := FormatOf("q.xml", "gift", "moodlexml", "qti"); got != "moodlexml" {
		t.Errorf("FormatOf(q.xml) for an export = %q, want moodlexml", got)
	}
	if got := FormatOf("r.XML", "text", "json", "junit"); got != "junit" {
		t.Errorf("FormatOf(r.XML) for grade = %q, want junit", got)
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

// A format is named by its name or by its extension, as -o's extension
// names it (teacher11 P9: --format md), among the allowed formats only.
func TestFormatNamed(t *testing.T) {
	for _, tt := range []struct {
		name    string
		allowed []string
		want    string
	}{
		{"md", []string{"json", "markdown"}, "markdown"},
		{"MD", []string{"json", "markdown"}, "markdown"},
		{"markdown", []string{"json", "markdown"}, "markdown"},
		{"yml", []string{"yaml", "json"}, "yaml"},
		{"htm", nil, "html"},
		{"text", []string{"text", "json"}, "text"}, // a format with no extension
		{"md", []string{"json", "csv"}, ""},
		{".md", []string{"markdown"}, ""},
		{"pdf", nil, ""},
		{"", nil, ""},
	} {
		if got := FormatNamed(tt.name, tt.allowed...); got != tt.want {
			t.Errorf("FormatNamed(%q, %q) = %q, want %q", tt.name, tt.allowed, got, tt.want)
		}
	}
}

// NameList names every other name a --format takes, so that a refused value's
// message lists md, which is taken (recheck13: "json, markdown, csv, html"
// left it out); each name it lists is one FormatNamed takes for its format.
func TestNameList(t *testing.T) {
	for _, tc := range []struct {
		formats []string
		want    string
	}{
		{[]string{"json", "markdown", "csv", "html"}, "json, markdown (or md), csv, html (or htm)"},
		{[]string{"text", "json", "csv", "junit"}, "text, json, csv, junit (or xml)"},
		{[]string{"yaml", "json"}, "yaml (or yml), json"},
		{[]string{"json", "moodlexml", "qti", "anki"}, "json, moodlexml (or xml), qti (or zip), anki (or tsv)"},
	} {
		got := NameList(tc.formats...)
		if got != tc.want {
			t.Errorf("NameList(%q) = %q, want %q", tc.formats, got, tc.want)
		}
		for _, f := range tc.formats {
			_, rest, _ := strings.Cut(got, f+" (or ")
			if rest == "" {
				continue
			}
			alias, _, _ := strings.Cut(rest, ")")
			if FormatNamed(alias, tc.formats...) != f {
				t.Errorf("%s: alias %q is not taken for it", f, alias)
			}
		}
	}
}
