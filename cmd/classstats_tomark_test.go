package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every file of class statistics says when sheets wait for a teacher's mark,
// the class page too (which keeps the statistics itself): the class of 30
// has three students who answered the open questions, none marked yet.
func TestClassStatisticsSayWhatWaitsForAMark(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("class.jsonl", classSheets(t, 30, 1), 0o644); err != nil {
		t.Fatal(err)
	}
	const note = "3 sheets have open answers not yet marked (conflictq mark)"
	for _, args := range [][]string{
		{"--summary", "s.csv"},
		{"--summary", "s.md"},
		{"--summary", "s.html"},
		{"--sums", "sums.json"},
		{"--summary", "s.html", "--sums", "sums.json", "--format", "html"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			f, _, _, errOut := testFactory(t)
			if code := Run(f, append([]string{"grade", "class.jsonl", "--force"}, args...)); code != ExitOK {
				t.Fatalf("exit %d\n%s", code, errOut)
			}
			if strings.Count(errOut.String(), note) != 1 {
				t.Errorf("stderr does not say once %q:\n%s", note, errOut)
			}
			for i, a := range args {
				if a == "--summary" || a == "--sums" {
					if st, err := os.Stat(filepath.Join(dir, args[i+1])); err != nil || st.Size() == 0 {
						t.Errorf("%s %s not written: %v", a, args[i+1], err)
					}
				}
			}
		})
	}
}
