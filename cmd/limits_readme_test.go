package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/cmd/internal/prompt"
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/gift"
	"github.com/conflictq/conflictq/quiz/grade"
	"github.com/conflictq/conflictq/quiz/sheet"
	"github.com/conflictq/conflictq/quiz/text"
)

// thousands writes n as the README does: 10,000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// The README's limits table states the limits the code has: each row's Limit
// holds the text made from the constants, and no number that is not one of
// them, so that neither can change without the other (issue 14).
func TestReadmeLimitsMatchTheCode(t *testing.T) {
	t.Parallel()
	mb := func(n int) string { return fmt.Sprintf("%d MB", n>>20) }
	letter := func(n int) string { return string(rune('A' + n - 1)) }
	rows := map[string][]string{ // the row's first words → its Limit's text
		"Any file read":                  {mb(fileio.MaxFileSize)},
		"A Moodle XML bank":              {mb(fileio.MaxXMLFileSize), mb(fileio.MaxFileSize)},
		"A YAML file":                    {"one document", thousands(quiz.MaxYAMLItems) + " lines and commas"},
		"A bank":                         {thousands(quiz.MaxQuestions) + " questions"},
		"A question":                     {fmt.Sprintf("%d to %d choices", quiz.MinChoices, quiz.MaxChoices), fmt.Sprintf("%d to %d pairs", quiz.MinPairs, quiz.MaxPairs), fmt.Sprintf("%d to %d items", quiz.MinItems, quiz.MaxItems), fmt.Sprintf("%d words", quiz.MaxQuoteWords)},
		"A GIFT question":                {mb(gift.MaxQuestionSize), fmt.Sprintf("%d `~`/`=` answers", gift.MaxAnswers)},
		"An Aiken question":              {"options A to " + letter(quiz.MaxChoices)},
		"An answer sheet":                {thousands(sheet.MaxAnswers) + " answers", thousands(sheet.MaxAnswers) + " marks", fmt.Sprintf("at most %d fields", sheet.MaxMarkFields)},
		"A sheet that `conflictq sheet`": {thousands(quiz.MaxYAMLItems) + " lines and commas"},
		"A line of JSON lines":           {mb(fileio.MaxFileSize)},
		"Sheets `grade` has read":        {mb(grade.ReadAheadBytes) + " and " + fmt.Sprint(grade.ReadAheadSheets) + " sheets", "larger than " + mb(grade.ReadAheadBytes)},
		"A line typed at":                {fmt.Sprintf("%d KB", prompt.MaxLine>>10)},
		"Problems listed for one file":   {fmt.Sprint(quiz.MaxProblems)},
		"Unknown answer ids":             {fmt.Sprint(quiz.MaxProblems)},
		"`GITHUB_STEP_SUMMARY`":          {fmt.Sprintf("%d KB", maxStepSummary>>10), "a regular file that is not an input"},
		"File names, names and text in":  {"any length"},
	}
	beyond := map[string][]string{ // and its "Beyond it", where it counts
		"A bank":                        {"the " + thousands(quiz.MaxQuestions+1) + "st"},
		"An Aiken question":             {"the " + fmt.Sprint(quiz.MaxChoices+1) + "th"},
		"File names, names and text in": {fmt.Sprintf("%d characters", text.MaxPrintable)},
	}
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(data), "\n## Limits\n")
	if !ok {
		t.Fatal("README has no ## Limits section")
	}
	number := regexp.MustCompile(`(?:^|[\s(])(\d[\d,]*)`) // not UTF-8's or base64's
	seen := map[string]bool{}
	for _, line := range strings.Split(table, "\n") {
		if strings.HasPrefix(line, "## ") {
			break
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		if !strings.HasPrefix(line, "|") || len(cells) != 3 || strings.HasPrefix(cells[0], "---") || strings.TrimSpace(cells[0]) == "Input" {
			continue
		}
		input, limit, after := strings.TrimSpace(cells[0]), cells[1], cells[2]
		key := ""
		for k := range rows {
			if strings.HasPrefix(input, k+" ") || input == k {
				key = k
			}
		}
		if key == "" {
			t.Errorf("README limits row %q: no limit in the code is known for it; add it to this test", input)
			continue
		}
		seen[key] = true
		var allowed []string
		for _, want := range rows[key] {
			if !strings.Contains(limit, want) {
				t.Errorf("README limits row %q: the Limit %q should say %q, as the code does", input, strings.TrimSpace(limit), want)
			}
			for _, m := range number.FindAllStringSubmatch(" "+want, -1) {
				allowed = append(allowed, m[1])
			}
		}
		for _, m := range number.FindAllStringSubmatch(limit, -1) {
			if !slices.Contains(allowed, m[1]) {
				t.Errorf("README limits row %q: %s is no limit in the code", input, m[1])
			}
		}
		for _, want := range beyond[key] {
			if !strings.Contains(after, want) {
				t.Errorf("README limits row %q: %q should say %q", input, strings.TrimSpace(after), want)
			}
		}
	}
	for k := range rows {
		if !seen[k] {
			t.Errorf("README limits table has no row %q", k)
		}
	}
}

// sheet never writes a YAML sheet over the cap grade reads (issue 14's retest,
// B6): 3,800 GIFT questions of 26 choices each make one of over 100,000 lines.
//
// It is the slowest test of cmd (parsing the bank under -race): it runs beside
// the other parallel tests, in a directory of its own rather than t.Chdir,
// and its four commands share one library, so the bank is parsed once.
func TestSheetStaysUnderTheYAMLCap(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	var gift strings.Builder
	for i := range 3800 {
		fmt.Fprintf(&gift, "::q%d:: Q%d? {=a", i, i)
		for c := 'b'; c <= 'z'; c++ {
			fmt.Fprintf(&gift, " ~%c", c)
		}
		gift.WriteString("}\n\n")
	}
	if err := os.WriteFile(at("wide.gift"), []byte(gift.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	f, _, out, errOut := testFactory(t)
	library := f.Library
	if code := Run(f, []string{"sheet", "--bank", at("wide.gift"), "-o", at("w.yaml")}); code != ExitInvalid {
		t.Errorf("exit %d, want %d", code, ExitInvalid)
	}
	// The count depends on the sheet's header; any count over the cap will do.
	want := regexp.MustCompile(fmt.Sprintf(`w\.yaml would have (1\d{5}) lines and commas, and grade reads YAML files of at most %d`, quiz.MaxYAMLItems))
	if m := want.FindStringSubmatch(errOut.String()); m == nil {
		t.Errorf("stderr %q, want %v", errOut, want)
	} else if n, _ := strconv.Atoi(m[1]); n <= quiz.MaxYAMLItems {
		t.Errorf("refused at %d items, under the cap", n)
	}
	if _, err := os.Stat(at("w.yaml")); err == nil || out.Len() > 0 {
		t.Errorf("a sheet was written (stdout %d bytes)", out.Len())
	}
	for _, args := range [][]string{
		{"sheet", "--bank", at("wide.gift"), "--format", "json", "-o", at("w.json")},
		{"sheet", "--bank", at("wide.gift"), "-n", "3000", "-o", at("w3.yaml")},
		{"grade", at("w.json"), at("w3.yaml")},
	} {
		f, _, _, errOut := testFactory(t)
		f.Library = library
		if code := Run(f, args); code != 0 {
			t.Errorf("%v: exit %d: %s", args, code, errOut)
		}
	}
}
