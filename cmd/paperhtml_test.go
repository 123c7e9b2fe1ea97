package cmd

import (
	"os"
	"strings"
	"testing"
)

// bank export writes the printable HTML test from -o's extension or
// --format html, takes the worksheet flags, and writes the key in its own
// file's format (teacher3 P2).
func TestBankExportPaperHTML(t *testing.T) {
	gradeFixture(t, nil)
	run := func(args ...string) (int, string) {
		t.Helper()
		f, _, _, errOut := testFactory(t)
		return Run(f, args), errOut.String()
	}
	if code, errOut := run("bank", "export", "comprehension", "-n", "6", "--set", "9c", "--seed", "42", "-o", "t.html", "--key", "k.html"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	test, _ := os.ReadFile("t.html")
	key, _ := os.ReadFile("k.html")
	for _, want := range []string{"<!DOCTYPE html>", "@page", "Set 9c, seed 42"} {
		if !strings.Contains(string(test), want) {
			t.Errorf("t.html lacks %q", want)
		}
	}
	// The sheet command is for the teacher: on the key, not the test (teacher4 P6).
	if strings.Contains(string(test), "conflictq sheet") || !strings.Contains(string(key), "<code>conflictq sheet --bank comprehension -n 6 --set 9c --seed 42</code>") {
		t.Error("the sheet command is on the test handed out, or missing from the key")
	}
	if strings.Contains(string(test), "Answer key") || !strings.Contains(string(key), "Answer key") || !strings.HasPrefix(string(key), "<!DOCTYPE html>") {
		t.Errorf("the key is not apart from the test, or not HTML")
	}
	if strings.Count(string(key), `class="k"`) != 6 {
		t.Errorf("k.html holds %d answers, want 6", strings.Count(string(key), `class="k"`))
	}
	// A key named .md is the Markdown key of the same questions.
	if code, errOut := run("bank", "export", "comprehension", "-n", "6", "--set", "9c", "--seed", "42", "--format", "html", "-o", "t2.html", "--key", "k.md"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if md, _ := os.ReadFile("k.md"); !strings.HasPrefix(string(md), "# Reading the article: answer key\n") {
		t.Errorf("k.md is not the Markdown key:\n%.200s", md)
	}
	// Without --no-key or --key, the key follows on its own page.
	if code, errOut := run("bank", "export", "b.yaml", "--format", "html", "-o", "w.html"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if w, _ := os.ReadFile("w.html"); !strings.Contains(string(w), `<section class="key after"`) {
		t.Error("w.html has no key after its questions")
	}
	if code, errOut := run("bank", "export", "b.yaml", "--format", "gift", "-n", "1"); code != ExitInvalid || !strings.Contains(errOut, "--format html") {
		t.Errorf("-n with gift: exit %d: %s", code, errOut)
	}
}
