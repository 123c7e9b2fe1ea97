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

// BankRefs names banks as a report or sheet in dir records them, so that
// grade and mark find them again: an embedded bank by its id, a bank file
// (given[i], as the user named it) by its path from dir (the class folder can
// move as a whole), or by its absolute path when dir is "" (the report's place
// is not known yet). When given does not name each of banks, the ids.
func BankRefs(given []string, banks []*quiz.Bank, dir string) []string {
	refs := quiz.BankIDs(banks)
	if len(given) != len(banks) {
		return refs
	}
	for i, ref := range given {
		if !quiz.IsPath(ref) {
			continue
		}
		abs, err := filepath.Abs(ref)
		if err != nil {
			continue
		}
		refs[i] = abs
		if dir != "" {
			refs[i] = BankPath(abs, dir)
		}
	}
	return refs
}
