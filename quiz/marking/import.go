package marking

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/text"
)

// ImportOptions choose which rows of a marks CSV Import applies, and how.
type ImportOptions struct {
	Question string // only the marks of this question (SameQuestion), when set
	Remark   bool   // revise a mark already given; without it the old one is kept
	Marker   string // who marks, recorded with each mark
	// Now stamps each mark (time.Now when nil); marks keep whole seconds.
	Now func() time.Time
	// Context, when it ends (a signal), stops the run between two files:
	// the files written keep their marks, the file being written is
	// written whole, and the rest are left as they were (nil: never).
	Context context.Context
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

// Marks are the marks a CSV gives (ReadCSV), read before they are given.
type Marks struct {
	From     string // the CSV
	entries  []Entry
	problems []quiz.Problem
	used     bool // given by Import
}

// ErrImported is Import's error for marks it has given already.
var ErrImported = errors.New("these marks were imported already: read the CSV again (ReadMarks)")

// ReadMarks reads the marks CSV from (ReadCSV); the error is the file's that
// cannot be opened. mark --from reads it before it takes the lock, so that
// a signal while a large or piped CSV is read ends the run at once, holding
// nothing (the signal waited for the read's end, the lock held, and for a
// pipe's writer: marks30).
func ReadMarks(from string) (*Marks, error) {
	fh, err := fileio.Open(from)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	entries, probs := ReadCSV(from, fh)
	return &Marks{From: from, entries: entries, problems: probs}, nil
}

// Import applies the marks a teacher filled in (read by ReadMarks) to the
// reports and sheets files. A row's file must be one of
// files (a relative path taken from the CSV's folder or the current one): only
// those are locked, so a mark another run gives at the same time is never
// lost, and a CSV cannot write into a folder the teacher did not name. A row
// whose student is not the file's is refused (a column sorted on its own). A
// comment read back as grade's CSV shows it (control characters escaped) is
// the comment already given. It returns the CSV's problems (and, as
// warnings, what a report holds that was passed over: a hand-edited
// self-check), then what became of each row; the error is the CSV's that
// gives twice (ErrImported), or the cause of opts.Context ended before the last file
// was written, with the rows given before (none of a file not written).
//
// The marks of one file are given to it in memory, in the rows' order, and
// the file is written once, after its last row (see batch); files must name
// distinct files, as List gives them, or one name's write would undo the
// other's marks.
//
// It uses the marks up, so that a CSV of 400,000 rows is not held twice: a
// second Import of the same Marks is refused (ErrImported), not run on
// nothing.
func (m *Marks) Import(files []string, load BankLoader, opts ImportOptions) ([]quiz.Problem, []Row, error) {
	if m.used {
		return nil, nil, ErrImported
	}
	entries, probs := m.entries, m.problems
	m.entries, m.problems, m.used = nil, nil, true
	im := newImporter(m.From, files, load, opts, entries)
	entries = slices.DeleteFunc(entries, im.dropped)
	rows, err := im.markAll(entries)
	return im.warnings(probs, rows), rows, err
}

// importer is one Import run: the files it may write, the rows that give
// one cell different marks, the marks given in memory, and what each row
// found.
type importer struct {
	from  string
	given map[string]string // the files named, by fileio.Canonical
	load  BankLoader
	opts  ImportOptions
	now   func() time.Time
	clash map[rowKey][]string
	// cells is the file each file cell names (csvTarget), found once:
	// each finding walks the path's links, twice for a relative path, and
	// a row's cell was found for each of its columns, twice.
	cells map[string]cellTarget
	b     *batch
	// What each row found passed over in its file (warnings), said once
	// each in the rows' order when all are given; the time each mark was
	// given. A row given again (batch.redo) replaces its warnings and keeps
	// its time.
	warns  map[int][]quiz.Problem
	stamps map[int]time.Time
	// tied is the digest of the answer each row's mark was first given
	// for: given again to a file changed on the disk meanwhile
	// (batch.save), a mark of an answer changed since is refused
	// (ErrChanged).
	tied map[int]string
}

func newImporter(from string, files []string, load BankLoader, opts ImportOptions, entries []Entry) *importer {
	im := &importer{
		from: from, given: map[string]string{}, load: load, opts: opts, now: opts.Now,
		cells: map[string]cellTarget{},
		b:     &batch{files: map[string]*pending{}},
		warns: map[int][]quiz.Problem{}, stamps: map[int]time.Time{}, tied: map[int]string{},
	}
	if im.now == nil {
		im.now = time.Now
	}
	for _, file := range files {
		im.given[fileio.Canonical(file)] = file
	}
	im.clash = clashes(entries, im.target)
	return im
}

// cellTarget is what csvTarget found for a file cell.
type cellTarget struct {
	file string
	err  error
}

// target is csvTarget of a file cell, found once a run.
func (im *importer) target(cell string) (string, error) {
	t, ok := im.cells[cell]
	if !ok {
		t.file, t.err = csvTarget(im.from, cell, im.given)
		im.cells[cell] = t
	}
	return t.file, t.err
}

// dropped says whether a row cut short (Entry.Cut) lost nothing: the file
// it names holds no answer to the question, so the cell a spreadsheet
// dropped at the row's end was empty.
func (im *importer) dropped(e Entry) bool {
	if !e.Cut {
		return false
	}
	file, err := im.target(e.File)
	if err != nil {
		return false
	}
	_, err = im.b.target(file, e.ID, im.load)
	return errors.Is(err, ErrNotFound)
}

// wanted says whether a row is one to apply (of the question asked for).
func (im *importer) wanted(e Entry) bool {
	return im.opts.Question == "" || SameQuestion(im.opts.Question, e.ID)
}

// targets finds the file each wanted row names (or why none), and the last
// row of each file: each file is written once, after its last row (a sheet
// with three open answers was written, and synced to the disk, three times).
func (im *importer) targets(entries []Entry) (files []string, errs []error, last map[string]int) {
	files = make([]string, len(entries))
	errs = make([]error, len(entries))
	last = map[string]int{}
	for i, e := range entries {
		if !im.wanted(e) || e.Lost != "" {
			continue
		}
		files[i], errs[i] = im.target(e.File)
		if errs[i] == nil {
			last[files[i]] = i
		}
	}
	return files, errs, last
}

// markAll gives each wanted row its mark in memory, in the rows' order, and
// writes each file after its last row; a sheet that does not read back as
// meant has its rows given again, one reading each (batch.check, redo), and
// a file changed on the disk since it was read has them given again to the
// file as it is now (batch.save), each checked anew as the first time.
// Stopped (ImportOptions.Context), it writes no file more: the rows given
// to a file not written are dropped, and the error is the stop's cause.
func (im *importer) markAll(entries []Entry) ([]Row, error) {
	files, errs, last := im.targets(entries)
	var rows []Row
	ofFile := map[string][]int{} // the entries of each file, by index
	rowOf := make([]int, len(entries))
	for i, e := range entries {
		if err := im.stopped(); err != nil {
			return im.b.notWritten(rows), err
		}
		if !im.wanted(e) {
			continue
		}
		rowOf[i] = len(rows)
		if e.Lost != "" {
			// A mark the CSV lost (ReadCSV): counted, never given.
			rows = append(rows, Row{Line: e.Line, ID: e.ID, Status: Failed, Err: errors.New(e.Lost)})
			continue
		}
		rows = append(rows, im.row(len(rows), e, files[i], errs[i]))
		file := files[i]
		if errs[i] != nil {
			continue
		}
		ofFile[file] = append(ofFile[file], i)
		if last[file] != i {
			continue
		}
		im.write(file, rows, func() {
			for _, j := range ofFile[file] {
				rows[rowOf[j]] = im.row(rowOf[j], entries[j], file, nil)
			}
		})
	}
	return rows, nil
}

// stopped is the cause of ImportOptions.Context's end, nil while it runs.
func (im *importer) stopped() error {
	if im.opts.Context == nil {
		return nil
	}
	return context.Cause(im.opts.Context)
}

// maxTries bounds the times write gives a file's rows, the file having
// changed on the disk each time before it was written.
const maxTries = 3

// write writes a file after its last row, giving its rows again
// (giveAgain) when it does not read back as meant, one reading each
// (batch.check, redo), or when it changed on the disk since it was read, to
// the file as it is now (batch.save: attack18 F4). A file that changed every
// time is not written: its marks are refused.
func (im *importer) write(file string, rows []Row, giveAgain func()) {
	for tries := 1; ; tries++ {
		if !im.b.check(file) {
			im.b.redo(file)
			giveAgain()
		}
		if im.b.save(file, rows) {
			return
		}
		if tries == maxTries {
			break
		}
		giveAgain()
	}
	err := fmt.Errorf("%s kept changing on the disk while its marks were given, so they are not saved; run conflictq mark again when nothing else writes it", text.EscapeControl(file))
	for i := range rows {
		if rows[i].File == file && rows[i].Status == Saved {
			rows[i].Status, rows[i].Err = Failed, err
		}
	}
}

// stamp is the time row ri's mark was given, the same when it is given again.
func (im *importer) stamp(ri int) time.Time {
	at, ok := im.stamps[ri]
	if !ok {
		at = im.now().UTC().Truncate(time.Second)
		im.stamps[ri] = at
	}
	return at
}

// row gives row ri (entry e) its mark in file, in memory; err is why the
// row names no file it may write.
func (im *importer) row(ri int, e Entry, file string, err error) Row {
	row := Row{Line: e.Line, ID: e.ID}
	if err != nil {
		row.Status, row.Err = Unmatched, err
		return row
	}
	row.File = file
	if lines := im.clash[rowKey{e.Line, e.ID}]; lines != nil {
		row.Status, row.Err = Failed, fmt.Errorf("lines %s of the CSV give it different marks in %s, so none is saved; keep one row", strings.Join(lines, " and "), text.EscapeControl(file))
		return row
	}
	t, err := im.b.target(file, e.ID, im.load)
	row.Sheet = t.Sheet
	im.warns[ri] = t.Warnings
	if err == nil {
		err = rowMatches(e, file, t)
	}
	old := t.Mark
	if old != nil && e.Comment != old.Comment && e.Comment == strings.TrimSpace(text.EscapeLines(old.Comment)) {
		// grade's CSV shows control characters escaped: read back, the
		// comment is the one already given, not new text (test10 P10).
		e.Comment = old.Comment
	}
	if err == nil && old != nil && (old.Points == e.Points && old.Comment == e.Comment || !im.opts.Remark) {
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
		if _, ok := im.tied[ri]; !ok {
			im.tied[ri] = quiz.AnswerDigest(t.Answer) // as marked ties it
		}
		m := quiz.Mark{Points: e.Points, Comment: e.Comment, Marker: im.opts.Marker, At: im.stamp(ri), Answer: im.tied[ri]}
		err = im.b.apply(file, ri, t, m)
	}
	if err != nil {
		row.Status, row.Err = Failed, err
	}
	return row
}

// rowMatches checks that a row's student and answer, when it gives them,
// are the ones file holds (t).
func rowMatches(e Entry, file string, t Found) error {
	if e.Student != "" && !sameStudent(e.Student, t.Student) {
		// A column sorted on its own shifts marks to other students:
		// the row's student must be the one the file is.
		return fmt.Errorf("the row names %q but %s is %q's; not marked (was a column sorted on its own?)", text.EscapeControl(e.Student), text.EscapeControl(file), text.EscapeControl(t.Student))
	}
	if e.Answer != "" && !SameAnswer(e.Answer, t.Answer) {
		// The teacher marked the answer the CSV shows: a student who
		// changed it since must not get the mark for the new text.
		return fmt.Errorf("the answer in %s changed after this CSV was written; grade again and mark it anew", text.EscapeControl(file))
	}
	return nil
}

// warnings adds to probs what the rows found passed over in their files,
// each once (not once per column), in the rows' order.
func (im *importer) warnings(probs []quiz.Problem, rows []Row) []quiz.Problem {
	warned := map[string]bool{}
	for ri := range rows {
		for _, w := range im.warns[ri] {
			if key := w.Error(); !warned[key] {
				warned[key] = true
				probs = append(probs, w)
			}
		}
	}
	return probs
}

// rowKey is one cell of marks: a CSV row's line and the question's column.
type rowKey struct {
	line int
	id   string
}

// clashes finds the rows that give one question of one file different marks
// (points or comment): the first was saved and the next refused as marked
// already, and the command said nothing was wrong (attack10 #9). It returns,
// for each such row's line and question, the lines of all the rows of it.
// target finds the file a row's cell names (csvTarget): one name for each
// file given, as one file is one fileio.Canonical key of them.
func clashes(entries []Entry, target func(cell string) (string, error)) map[rowKey][]string {
	type key struct{ file, id string }
	byKey := map[key][]int{} // indices into entries
	for i, e := range entries {
		if e.Lost != "" {
			continue
		}
		file, err := target(e.File)
		if err != nil {
			continue
		}
		k := key{file, e.ID}
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
