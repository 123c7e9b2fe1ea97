package sheet

import (
	"os"
	"path/filepath"

	"github.com/conflictq/conflictq/quiz"
)

// BankPath is a bank file's path as a sheet or report in dir records it:
// from dir, with forward slashes, so that grading finds the bank wherever the
// class folder is graded from (ResolveBanks reads it back). When that cannot
// be worked out, ref is returned as given.
func BankPath(ref, dir string) string {
	abs, err := filepath.Abs(ref)
	if err != nil {
		return ref
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return ref
	}
	rel, err := filepath.Rel(absDir, abs)
	if err != nil {
		return ref
	}
	return filepath.ToSlash(rel)
}

// ResolveBanks finds the bank files a sheet names (refs) from the sheet's own
// directory when they are not where the command runs; embedded banks' names,
// absolute paths and paths that exist as given are kept.
func ResolveBanks(refs []string, sheetFile string) []string {
	out := make([]string, len(refs))
	for i, ref := range refs {
		out[i] = ref
		if !quiz.IsPath(ref) || filepath.IsAbs(ref) || sheetFile == "" || sheetFile == "-" {
			continue
		}
		if _, err := os.Stat(ref); err == nil {
			continue
		}
		alt := filepath.Join(filepath.Dir(sheetFile), ref)
		if _, err := os.Stat(alt); err == nil {
			out[i] = alt
		}
	}
	return out
}
