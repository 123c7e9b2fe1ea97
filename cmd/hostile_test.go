package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostile is text a file or a user might hold to take over a terminal: clear
// the screen, write the clipboard (OSC 52, ended by BEL), retitle the window,
// erase the line and return to its start.
const hostile = "\x1b[2J\x1b]52;c;ZXZpbA==\x07\x1b]0;T\x07\x1b[2K\r"

// TestNoTerminalCodesReachTheScreen runs every command with a hostile bank,
// sheet, student name, file name and settings, and checks that no ESC or BEL
// byte reaches standard output or standard error, nor a Markdown or CSV
// report: what a file or a user says is shown, never obeyed (issue 14, item 6).
func TestNoTerminalCodesReachTheScreen(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	name := "x" + hostile + "ok" // a file name that disguises its message
	write := func(path, data string) string {
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	// YAML's "\e" is ESC and "\a" BEL, once parsed.
	yamlHostile := `\e[2J\e]52;c;ZXZpbA==\a\e]0;T\a\e[2K\r`
	goodBank := write("good.yaml", `id: good
title: Good
questions:
  - {id: capital, type: single, prompt: "Capital?", choices: [Baku, Yerevan], answer: Baku, explanation: E, source: {section: Introduction, paragraph: 2, quote: q}}
  - {id: town, type: short, prompt: "Town?", accept: [Khojaly], explanation: E, source: {section: Introduction, paragraph: 3, quote: q}}
`)
	badBank := write(name+".yaml", `id: bad
title: "T`+yamlHostile+`"
questions:
  - id: capital
    type: single
    prompt: "Capital?`+yamlHostile+`"
    choices: ["Baku`+yamlHostile+`", Yerevan]
    answer: Baku
    explanation: "E`+yamlHostile+`"
    "unknown`+yamlHostile+`": 1
`)
	write(name+".gift", "::t::Q"+hostile+"{=a"+hostile+" ~b}\n")
	write(name+".aiken", "Q"+hostile+"\nA. a"+hostile+"\nB. b\nANSWER: A\n")
	sheetYAML := write(name+"-sheet.yaml", `student: "Ana`+yamlHostile+`"
banks: [good.yaml]
answers:
  capital: "Baku`+yamlHostile+`"
  town: "Khojaly`+yamlHostile+`"
  "nope`+yamlHostile+`": x
"field`+yamlHostile+`": 1
`)
	sheetJSON := write(name+"-sheet.json", `{"student": "Bo\u001b[2J\u0007", "banks": ["good.yaml"], "answers": {"capital": "\u001b]52;c;x\u0007", "town": "Khojaly"}}`)
	write(name+".jsonl", `{"student": "Cy\u001b[2J", "banks": ["good.yaml"], "answers": {"capital": "Baku"}}`+"\n"+`{"student": "\u001b]0;T\u0007", "answers": {"capital": "Baku"}}`+"\n{oops\u001b\n")
	write("=cfg.yaml", "student: \"Ana"+yamlHostile+"\"\n\"typo"+yamlHostile+"\": 1\n")
	os.Mkdir(name+"-dir", 0o755)
	write(filepath.Join(name+"-dir", name+".yaml"), "student: Dee\nbanks: [good.yaml]\nanswers: {capital: Baku}\n")
	write(filepath.Join(name+"-dir", "broken.yaml"), "student: [\x1b[2J\n")

	student := "Eve" + hostile
	runs := []struct {
		args  []string
		stdin string
	}{
		{args: []string{"quiz", "--plain", "--bank", goodBank, "--student", student, "-o", name + ".md"}, stdin: "1\nKhojaly" + hostile + "\n"},
		{args: []string{"quiz", "--plain", "--bank", goodBank, "--student", student, "--format", "csv", "--report-dir", name + "-reports"}, stdin: "1\nKhojaly" + hostile + "\n"},
		{args: []string{"quiz", "--plain", "--bank", goodBank, "--student", student}, stdin: "3" + hostile + "\n1\n"},
		{args: []string{"quiz", "--plain", "--bank", badBank}},
		{args: []string{"quiz", "--plain", "--bank", name + ".gift"}},
		{args: []string{"quiz", "--plain", "--bank", name + ".aiken"}},
		{args: []string{"quiz", "--plain", "--bank", name + ".missing.yaml"}},
		{args: []string{"quiz", "--answers", sheetYAML, "-o", name + "-ans.csv"}},
		{args: []string{"quiz", "--answers", sheetJSON, "-o", name + "-ans.md"}},
		{args: []string{"quiz", "--answers", sheetYAML, "--student", student}},
		{args: []string{"quiz", "--plain", "--config", "=cfg.yaml", "--bank", goodBank}, stdin: "1\n"},
		{args: []string{"quiz", "--plain", "--bank", goodBank, "--seed", "x" + hostile}},
		{args: []string{"sheet", "--bank", goodBank, "--student", student}},
		{args: []string{"sheet", "--bank", goodBank, "--student", student, "--format", "json"}},
		{args: []string{"sheet", "--bank", goodBank, "-o", name + "-new.yaml"}},
		{args: []string{"bank", "validate", badBank, name + ".gift", name + ".aiken", name + ".nope"}},
		{args: []string{"bank", "show", badBank}},
		{args: []string{"bank", "show", goodBank}},
		{args: []string{"bank", "list"}},
		{args: []string{"bank", "convert", name + ".gift"}},
		{args: []string{"define", "genocide" + hostile}},
		{args: []string{"glossary", "--search", "x" + hostile}},
		{args: []string{"summary", name + ".jsonl"}},
		{args: []string{"version"}},
		{args: []string{"nosuch" + hostile}},
	}
	for _, format := range []string{"text", "json", "csv", "junit", "gradescope", "markdown"} {
		runs = append(runs, struct {
			args  []string
			stdin string
		}{args: []string{"grade", sheetYAML, sheetJSON, name + ".jsonl", name + "-dir", name + ".nope", "--format", format, "--summary", name + "-stats-" + format + ".md"}})
	}
	runs = append(runs, struct {
		args  []string
		stdin string
	}{args: []string{"grade", "-", "--format", "csv", "--summary", name + "-stats.csv", "--sums", name + "-sums.json"}, stdin: `{"student": "Z\u001b[2J", "banks": ["good.yaml"], "answers": {"capital": "=HYPERLINK(\"x\")\u0007"}}` + "\n"})
	for _, export := range []string{"yaml", "gift", "aiken", "markdown", "anki"} {
		runs = append(runs, struct {
			args  []string
			stdin string
		}{args: []string{"bank", "export", goodBank, "--format", export}})
	}

	for _, r := range runs {
		f, in, out, errOut := testFactory(t)
		in.WriteString(r.stdin)
		Run(f, r.args)
		for stream, b := range map[string]*bytes.Buffer{"stdout": out, "stderr": errOut} {
			if i := bytes.IndexAny(b.Bytes(), "\x1b\x07"); i >= 0 {
				t.Errorf("conflictq %s: %s holds %q:\n%s", strings.Join(r.args, " "), stream, b.Bytes()[i], b)
			}
		}
	}
	// The reports and statistics written to files.
	files, _ := filepath.Glob("*")
	more, _ := filepath.Glob("*/*")
	for _, path := range append(files, more...) {
		ext := filepath.Ext(path)
		if ext != ".md" && ext != ".csv" && !strings.Contains(path, "-reports") {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		if bytes.ContainsAny(data, "\x1b\x07") {
			t.Errorf("%q holds terminal codes:\n%s", path, data)
		}
	}
}
