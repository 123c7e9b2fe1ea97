package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A bank file named one space: sheet -o writes it as banks: [' '], and its
// key (sheet --key --from) and grade read that name back, in both syntaxes
// (attack24 L6: both refused it as "banks: empty entry").
func TestSheetOfABankNamedASpace(t *testing.T) {
	dir := t.TempDir()
	writeTestFile(t, dir, " ", loopBank)
	t.Chdir(dir)
	for _, ext := range []string{".yaml", ".json"} {
		run := func(args ...string) (int, string) {
			f, _, out, errOut := testFactory(t)
			code := Run(f, args)
			return code, out.String() + errOut.String()
		}
		if code, out := run("sheet", "--bank", "./ ", "--seed", "1", "-o", "s"+ext); code != ExitOK {
			t.Fatalf("sheet: exit %d:\n%s", code, out)
		}
		data, _ := os.ReadFile(filepath.Join(dir, "s"+ext))
		if !strings.Contains(string(data), `[' ']`) && !strings.Contains(string(data), `[" "]`) {
			t.Errorf("s%s names the bank otherwise than as ' ':\n%s", ext, data)
		}
		if code, out := run("sheet", "--key", "--from", "s"+ext, "-o", "key"+ext); code != ExitOK {
			t.Fatalf("sheet --key --from s%s: exit %d:\n%s", ext, code, out)
		}
		if code, out := run("grade", "key"+ext); code != ExitOK || !strings.Contains(out, "ANSWER KEY") {
			t.Errorf("grade key%s: exit %d:\n%s", ext, code, out)
		}
	}
}
