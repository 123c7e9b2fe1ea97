package marking

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/text"
)

// ImportOptions choose which rows of a marks CSV ImportCSV applies, and how.
type ImportOptions struct {
	Question string // only the marks of this question (SameQuestion), when set
	Remark   bool   // revise a mark already given; without it the old one is kept
	Marker   string // who marks, recorded with each mark
	// Now stamps each mark (time.Now when nil); marks keep whole seconds.
	Now func() time.Time
}

// RowStatus is what became of a mark read from a CSV.
type RowStatus int

// What became of a mark.
const (
	Saved     RowStatus = iota // written into its report
	Kept                       // the report has this mark already
	Unchanged                  // the report has another mark, kept without Remark
	Unmatched                  // the row's file is not among the files given (Err)
	Failed                     // the mark could not be used (Err)
)

// Row is what became of one mark read from a CSV.
type Row struct {
	Line   int    // the row's line in the CSV
	ID     string // the question, as the column names it
	File   string // the report or sheet the row names, as given ("" when Unmatched)
	Sheet  bool   // File is an answer sheet, not a quiz report
	Status RowStatus
	Old    *quiz.Mark // the mark the report had (Kept, Unchanged)
	Err    error      // why not (Unmatched, Failed)
}

// ImportCSV applies the marks a teacher filled in from, a CSV as ReadCSV
// reads it, to the reports and sheets files. A row's file must be one of
// files (a relative path taken from the CSV's folder or the current one): only
// those are locked, so a mark another run gives at the same time is never
// lost, and a CSV cannot write into a folder the teacher did not name. A row
// whose student is not the file's is refused (a column sorted on its own). A
// comment read back as grade's CSV shows it (control characters escaped) is
// the comment already given. It returns the CSV's problems (and, as
// warnings, what a report holds that was passed over: a hand-edited
// self-check), then what became of each row; the error is the CSV's that
// cannot be opened.
//
// The marks of one file are given to it in memory, in the rows' order, and
// the file is written once, after its last row (see batch); files must name
// distinct files, as List gives them, or one name's write would undo the
// other's marks.
func ImportCSV(from string, files []string, load BankLoader, opts ImportOptions) ([]quiz.Problem, []Row, error) {
	fh, err := os.Open(from)
	if err != nil {
		return nil, nil, err
	}
	defer fh.Close()
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	entries, probs := ReadCSV(from, fh)
	given := map[string]string{}
	for _, file := range files {
		given[fileio.Canonical(file)] = file
	}
	var rows []Row
	clash := clashes(from, entries, given)
	// Each file is written once, after its last row: a sheet with three
	// open answers was written, and synced to the disk, three times.
	targets := make([]string, len(entries))
	targetErrs := make([]error, len(entries))
	last := map[string]int{}
	for i, e := range entries {
		if opts.Question != "" && !SameQuestion(opts.Question, e.ID) {
			continue
		}
		targets[i], targetErrs[i] = csvTarget(from, e.File, given)
		if targetErrs[i] == nil {
			last[targets[i]] = i
		}
	}
	b := &batch{files: map[string]*pending{}}
	// What each row found passed over in its file (warnings), said once
	// each in the rows' order when all are given; the time each mark was
	// given. A row given again (batch.redo) replaces its warnings and keeps
	// its time.
	// A row given again keeps the answer its mark was first given for:
	// a file changed on the disk meanwhile (batch.save) has its marks of
	// answers changed since refused (ErrChanged).
	warns := map[int][]quiz.Problem{}
	stamps := map[int]time.Time{}
	tied := map[int]string{}
	stamp := func(ri int) time.Time {
		at, ok := stamps[ri]
		if !ok {
			at = now().UTC().Truncate(time.Second)
			stamps[ri] = at
		}
		return at
	}
	one := func(ri int, e Entry, file string, err error) Row {
		row := Row{Line: e.Line, ID: e.ID}
		if err != nil {
			row.Status, row.Err = Unmatched, err
			return row
		}
		row.File = file
		if lines := clash[rowKey{e.Line, e.ID}]; lines != nil {
			row.Status, row.Err = Failed, fmt.Errorf("lines %s of the CSV give it different marks in %s, so none is saved; keep one row", strings.Join(lines, " and "), text.EscapeControl(file))
			return row
		}
		t, err := b.target(file, e.ID, load)
		row.Sheet = t.Sheet
		warns[ri] = t.Warnings
		if err == nil && e.Student != "" && !sameStudent(e.Student, t.Student) {
			// A column sorted on its own shifts marks to other students:
			// the row's student must be the one the file is.
			err = fmt.Errorf("the row names %q but %s is %q's; not marked (was a column sorted on its own?)", text.EscapeControl(e.Student), text.EscapeControl(file), text.EscapeControl(t.Student))
		}
		if err == nil && e.Answer != "" && !SameAnswer(e.Answer, t.Answer) {
			// The teacher marked the answer the CSV shows: a student who
			// changed it since must not get the mark for the new text.
			err = fmt.Errorf("the answer in %s changed after this CSV was written; grade again and mark it anew", text.EscapeControl(file))
		}
		old := t.Mark
		if old != nil && e.Comment != old.Comment && e.Comment == strings.TrimSpace(text.EscapeLines(old.Comment)) {
			// grade's CSV shows control characters escaped: read back, the
			// comment is the one already given, not new text (test10 P10).
			e.Comment = old.Comment
		}
		if err == nil && old != nil && (old.Points == e.Points && old.Comment == e.Comment || !opts.Remark) {
			row.Old, row.Status = old, Kept
			if old.Points != e.Points || old.Comment != e.Comment {
				row.Status = Unchanged
			}
			return row
		}
		if err == nil {
			err = quiz.CheckPoints(e.Points, t.Max)
		}
		if err == nil {
			if _, ok := tied[ri]; !ok {
				tied[ri] = quiz.AnswerDigest(t.Answer) // as marked ties it
			}
			m := quiz.Mark{Points: e.Points, Comment: e.Comment, Marker: opts.Marker, At: stamp(ri), Answer: tied[ri]}
			err = b.apply(file, ri, t, m)
		}
		if err != nil {
			row.Status, row.Err = Failed, err
		}
		return row
	}
	ofFile := map[string][]int{} // the entries of each file, by index
	rowOf := make([]int, len(entries))
	for i, e := range entries {
		if opts.Question != "" && !SameQuestion(opts.Question, e.ID) {
			continue
		}
		rowOf[i] = len(rows)
		rows = append(rows, one(len(rows), e, targets[i], targetErrs[i]))
		file := targets[i]
		if targetErrs[i] != nil {
			continue
		}
		ofFile[file] = append(ofFile[file], i)
		if last[file] != i {
			continue
		}
		giveAgain := func() {
			for _, j := range ofFile[file] {
				rows[rowOf[j]] = one(rowOf[j], entries[j], file, nil)
			}
		}
		for tries := 1; ; tries++ {
			if !b.check(file) {
				b.redo(file)
				giveAgain()
			}
			if b.save(file, rows) {
				break
			}
			if tries == maxTries {
				err := fmt.Errorf("%s kept changing on the disk while its marks were given, so they are not saved; run conflictq mark again when nothing else writes it", text.EscapeControl(file))
				for _, j := range ofFile[file] {
					if r := &rows[rowOf[j]]; r.Status == Saved {
						r.Status, r.Err = Failed, err
					}
				}
				break
			}
			// Changed on the disk since it was read: its rows are given
			// again to the file as it is now.
			giveAgain()
		}
	}
	warned := map[string]bool{}
	for ri := range rows {
		for _, w := range warns[ri] {
			if key := w.Error(); !warned[key] { // once, not once per column
				warned[key] = true
				probs = append(probs, w)
			}
		}
	}
	return probs, rows, nil
}

// maxTries bounds the times ImportCSV gives a file's rows, the file
// having changed on the disk each time before it was written.
const maxTries = 3

// rowKey is one cell of marks: a CSV row's line and the question's column.
type rowKey struct {
	line int
	id   string
}

// clashes finds the rows that give one question of one file different marks
// (points or comment): the first was saved and the next refused as marked
// already, and the command said nothing was wrong (attack10 #9). It returns,
// for each such row's line and question, the lines of all the rows of it.
func clashes(from string, entries []Entry, given map[string]string) map[rowKey][]string {
	type key struct{ file, id string }
	byKey := map[key][]int{} // indices into entries
	for i, e := range entries {
		file, err := csvTarget(from, e.File, given)
		if err != nil {
			continue
		}
		k := key{fileio.Canonical(file), e.ID}
		byKey[k] = append(byKey[k], i)
	}
	out := map[rowKey][]string{}
	for _, idx := range byKey {
		differ := false
		for _, i := range idx[1:] {
			a, b := entries[idx[0]], entries[i]
			differ = differ || a.Points != b.Points || a.Comment != b.Comment
		}
		if !differ {
			continue
		}
		var lines []string
		for _, i := range idx {
			lines = append(lines, strconv.Itoa(entries[i].Line))
		}
		for _, i := range idx {
			out[rowKey{entries[i].Line, entries[i].ID}] = lines
		}
	}
	return out
}

// csvTarget finds the report or sheet a CSV row's file cell names. A
// relative path is taken from the CSV's folder or from the current folder
// (where grade and mark usually both run); it must be one of the files given,
// keyed by fileio.Canonical. Two different files that way is refused as
// ambiguous.
func csvTarget(csvFile, cell string, given map[string]string) (string, error) {
	cands := []string{cell}
	if !filepath.IsAbs(cell) {
		cands = []string{filepath.Join(filepath.Dir(csvFile), cell), cell}
	}
	var hit []string
	for _, c := range cands {
		if f, ok := given[fileio.Canonical(c)]; ok && !slices.Contains(hit, f) {
			hit = append(hit, f)
		}
	}
	switch len(hit) {
	case 1:
		return hit[0], nil
	case 0:
		return "", fmt.Errorf("%s is not among the reports and sheets named on the command line (a relative path is taken from the CSV's folder or the current one), so it is not locked for marking; name its folder", text.EscapeControl(cell))
	}
	return "", fmt.Errorf("%s names two files (%s from the CSV's folder, %s from the current one); run mark from the CSV's folder", text.EscapeControl(cell), text.EscapeControl(hit[0]), text.EscapeControl(hit[1]))
}

// sameStudent compares a CSV's student cell with a report's student, in any
// case, as grade's CSV wrote it (control characters escaped) or not.
func sameStudent(cell, student string) bool {
	cell = strings.TrimSpace(cell)
	return strings.EqualFold(cell, strings.TrimSpace(student)) || strings.EqualFold(cell, strings.TrimSpace(text.EscapeLines(student)))
}
