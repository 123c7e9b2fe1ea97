package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The printed worksheet and the YAML answer sheet made with the same set (8a:
// it holds an order question and mediators) and
// seed take answers alike: what the worksheet's key gives (a choice's
// letter, an order's item numbers first to last) copied onto the sheet as
// written grades as right (teacher2 A1, P10); the key's ranks, the old
// convention, do not.
func TestWorksheetKeyGradesOnTheSheet(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	run := func(args ...string) string {
		t.Helper()
		f, _, out, errOut := testFactory(t)
		if code := Run(f, args); code != ExitOK {
			t.Fatalf("%v: exit %d\n%s", args, code, errOut)
		}
		return out.String()
	}
	run("bank", "export", "comprehension", "-n", "10", "--set", "8a", "--seed", "42", "-o", "test.md", "--key", "key.md")
	run("sheet", "--bank", "comprehension", "-n", "10", "--set", "8a", "--seed", "42", "-o", "blank.yaml")
	test, _ := os.ReadFile("test.md")
	key, _ := os.ReadFile("key.md")
	blank, _ := os.ReadFile("blank.yaml")
	if strings.Contains(string(test), "Number these") || !strings.Contains(string(test), "Write the numbers of the items in order, first to last.") {
		t.Errorf("the worksheet's order question asks for ranks:\n%s", test)
	}
	if !strings.Contains(string(blank), "(the numbers of the items in order, first to last,") {
		t.Errorf("the sheet's order comment:\n%s", blank)
	}
	ids := regexp.MustCompile(`(?m)^  ([a-z0-9-]+):`).FindAllSubmatch(blank, -1)
	answers := map[string]string{} // id -> the key's answer as printed
	for _, m := range regexp.MustCompile(`(?m)^\*\*(\d+)\.\*\* (?:([a-z])\) [^;\n]*\\$|(\d+(?:, \d+)+): )`).FindAllSubmatch(key, -1) {
		n := 0
		for _, c := range m[1] {
			n = n*10 + int(c-'0')
		}
		id := string(ids[n-1][1])
		if len(m[2]) > 0 {
			answers[id] = string(m[2])
		} else {
			answers[id] = "[" + string(m[3]) + "]"
		}
	}
	if answers["article-order"] == "" || answers["mediators"] == "" {
		t.Fatalf("the key's answers were not found: %v\n%s", answers, key)
	}
	fill := func(name string, answers map[string]string) {
		s := strings.Replace(string(blank), "student: \"\"", "student: "+name, 1)
		for id, a := range answers {
			s = regexp.MustCompile(`(?m)^  `+regexp.QuoteMeta(id)+`:.*$`).ReplaceAllString(s, "  "+id+": "+a)
		}
		os.WriteFile(filepath.Join(dir, name+".yaml"), []byte(s), 0o644)
	}
	fill("sofia", answers)
	_, out, errOut := gradeIn(t, dir, "sofia.yaml", "--format", "json")
	var rows []struct {
		Questions []struct {
			ID, State string
		}
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != 1 {
		t.Fatalf("%v:\n%s\n%s", err, out, errOut)
	}
	for _, q := range rows[0].Questions {
		if answers[q.ID] != "" && q.State != "right" {
			t.Errorf("%s: the key's %s copied onto the sheet is %s", q.ID, answers[q.ID], q.State)
		}
	}

	// Ranks (the old worksheet's convention) are not the order.
	fill("davit", map[string]string{"article-order": "[3, 2, 5, 6, 4, 1]"})
	_, out, _ = gradeIn(t, dir, "davit.yaml", "--format", "json")
	if !strings.Contains(out, `"id":"article-order"`) || strings.Contains(out, `"id":"article-order","bank":"comprehension","correct":true`) {
		t.Errorf("ranks graded as right:\n%s", out)
	}
}
