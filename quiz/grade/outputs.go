package grade

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// CheckOutput refuses out, an existing file a batch would write its results
// (or statistics) to, when it is a sheet being graded: writing it would
// destroy a student's sheet, and a rerun would grade the last run's results.
// A previous run's results in a graded directory are not sheets and may be
// replaced.
func CheckOutput(out string, inputs []string) error {
	if fileio.SameFileAs(out, inputs) != "" {
		return fmt.Errorf("%s is a sheet being graded; write the results to another file", out)
	}
	if in := sheetInGradedDir(out, inputs); in != "" {
		return fmt.Errorf("%s is a sheet being graded (in %s); write the results to another file", out, in)
	}
	return nil
}

// sheetInGradedDir returns the input directory that holds out when out reads
// as an answer sheet, or "".
func sheetInGradedDir(out string, inputs []string) string {
	in := InGradedDir(out, inputs)
	if in == "" {
		return ""
	}
	data, err := fileio.ReadFileLimited(out)
	if err != nil {
		return in // unreadable: better refused than replaced
	}
	// JSON lines: a sheet on its first line makes the file sheets.
	if _, _, err := sheet.First(out, data); err != nil {
		return ""
	}
	return in
}

// InGradedDir returns the input directory under which the existing file path
// would be graded as a sheet, or "".
func InGradedDir(path string, inputs []string) string {
	if !IsSheetFile(path) {
		return ""
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return ""
	}
	real, _ = filepath.Abs(real)
	for _, in := range inputs {
		dir, err := filepath.EvalSymlinks(in)
		if err != nil {
			continue
		}
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			continue
		}
		dir, _ = filepath.Abs(dir)
		if rel, err := filepath.Rel(dir, real); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return in
		}
	}
	return ""
}
