package grade

import (
	"os"
	"slices"

	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// Inputs lists the files a batch of given inputs reads, for keeping a run's
// outputs off them: the files given, and the sheets in the directories given.
// A directory is walked only when one of outputs or appended exists, since
// only a file that exists can be an input.
//
// outputs are the files the run replaces (results, class statistics): one
// that a graded directory holds and that does not read as a sheet or a quiz's
// report is last run's results, left out of the inputs. existing are the
// outputs that exist, which the batch's walk leaves out (Batch.Skip).
// appended (a CI step summary) is only added to, so it stays an input when a
// directory holds it. "" and "-" are no file.
func Inputs(given, outputs []string, appended ...string) (files []string, existing []os.FileInfo) {
	exists := func(p string) bool {
		if p == "" || p == "-" {
			return false // no output, or standard output: nothing to look up
		}
		_, err := os.Stat(p)
		return err == nil
	}
	// Each output looked up once, here and for the loop below.
	outInfos := make([]os.FileInfo, len(outputs))
	walk := false
	for i, out := range outputs {
		if out != "" && out != "-" {
			if st, err := os.Stat(out); err == nil {
				outInfos[i], walk = st, true
			}
		}
	}
	walk = walk || slices.ContainsFunc(appended, exists)
	walked := false // a file given is never left out: no need to find the outputs among them
	for _, in := range given {
		if st, err := os.Stat(in); err == nil && st.IsDir() {
			if walk {
				files = append(files, SheetsIn(in, nil, nil, nil)...)
				walked = true
			}
		} else {
			files = append(files, in)
		}
	}
	for i, out := range outputs {
		st := outInfos[i]
		if st == nil {
			continue
		}
		if !walked {
			existing = append(existing, st)
			continue
		}
		if in := fileio.SameFileAs(out, files); in != "" && !slices.Contains(given, in) && !readsAsSheet(in) {
			files = slices.DeleteFunc(files, func(p string) bool { return p == in })
		}
		existing = append(existing, st)
	}
	return files, existing
}

// readsAsSheet reports whether a file in a graded directory is a sheet (on
// its first line, for JSON lines) or a quiz's report; unreadable counts as
// one: better refused than replaced.
func readsAsSheet(path string) bool {
	data, err := fileio.ReadFileLimited(path)
	if err != nil || sheet.IsReport(data) {
		return true
	}
	_, _, err = sheet.First(path, data)
	return err == nil
}
