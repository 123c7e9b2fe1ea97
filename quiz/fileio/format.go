package fileio

import (
	"path/filepath"
	"slices"
	"strings"
)

// extensions is the one table from a file's extension to the format it holds,
// for every file conflictq writes or reads by name: banks, sheets, reports,
// class summaries, bank exports. A format's first extension is the one it is
// written with. An extension may name two formats that no one command
// writes both of (.xml: a bank export's Moodle XML, grade's JUnit): the
// command's allowed formats choose. Nothing else decides a format by
// extension.
var extensions = []struct{ ext, format string }{
	{".json", "json"},
	{".jsonl", "jsonl"},
	{".md", "markdown"},
	{".markdown", "markdown"},
	{".csv", "csv"},
	{".yaml", "yaml"},
	{".yml", "yaml"},
	{".gift", "gift"},
	{".txt", "gift"},
	{".xml", "moodlexml"},
	{".xml", "junit"}, // grade's results: a CI's test report
	{".zip", "qti"},
	{".aiken", "aiken"},
	{".tsv", "anki"},
	{".html", "html"},
	{".htm", "html"},
}

// FormatOf returns the format that path's extension names, when it is one of
// allowed (any format when allowed is empty); "" otherwise.
func FormatOf(path string, allowed ...string) string {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range extensions {
		if e.ext == ext && (len(allowed) == 0 || slices.Contains(allowed, e.format)) {
			return e.format
		}
	}
	return ""
}

// FormatNamed returns the format that name names, when it is one of allowed
// (any format when allowed is empty): the format's own name ("markdown"), or
// an extension that names it, without its dot ("md", as -o test.md does).
// "" otherwise. Case is folded.
func FormatNamed(name string, allowed ...string) string {
	name = strings.ToLower(name)
	if slices.Contains(allowed, name) {
		return name
	}
	for _, e := range extensions {
		if (e.format == name || e.ext == "."+name) && (len(allowed) == 0 || slices.Contains(allowed, e.format)) {
			return e.format
		}
	}
	return ""
}

// Exts returns every extension, with its dot, that names one of formats.
func Exts(formats ...string) []string {
	var out []string
	for _, e := range extensions {
		if slices.Contains(formats, e.format) {
			out = append(out, e.ext)
		}
	}
	return out
}

// ExtList names every extension of formats, in their order, for a message:
// ".yaml, .yml, .json or .jsonl".
func ExtList(formats ...string) string {
	var exts []string
	for _, f := range formats {
		exts = append(exts, Exts(f)...)
	}
	if len(exts) < 2 {
		return strings.Join(exts, "")
	}
	return strings.Join(exts[:len(exts)-1], ", ") + " or " + exts[len(exts)-1]
}

// NameList names formats for a message, in their order, each with the other
// names FormatNamed takes for it among them: "json, markdown (or md), csv,
// html (or htm)". A name that is no format of the table stands alone.
func NameList(formats ...string) string {
	out := make([]string, len(formats))
	for i, f := range formats {
		var also []string
		for _, e := range extensions {
			if name := e.ext[1:]; name != f && !slices.Contains(also, name) && !slices.Contains(formats, name) && FormatNamed(name, formats...) == f {
				also = append(also, name)
			}
		}
		out[i] = f
		if len(also) > 0 {
			out[i] += " (or " + strings.Join(also, ", ") + ")"
		}
	}
	return strings.Join(out, ", ")
}

// Ext returns the extension a file in format is written with, or "".
func Ext(format string) string {
	for _, e := range extensions {
		if e.format == format {
			return e.ext
		}
	}
	return ""
}
