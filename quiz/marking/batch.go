package marking

import (
	"bytes"
	"fmt"
	"io/fs"
	"strings"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// batch gives the marks of a CSV (Import) to each file in memory and
// writes the file once, after its last row: the same bytes as giving them
// one by one with Apply, with one wait for the disk (fsync) instead of one a
// mark. Marking a row at the keyboard still writes it at once (Apply), so
// that Ctrl-C loses nothing typed.
//
// An answer sheet (YAML or JSON) is read once: its marks are set in its
// marks section in memory, and what they make of it is read back once, at
// its last row (check), not twice a mark (to see that a section can be
// added, and to read the mark back): a 12 KB sheet with three marks was
// read 7 times, now twice. Should that one reading back find anything
// amiss, the sheet's rows are given again as Apply gives them, a reading
// each (redo), so that only the rows that make the sheet unreadable, too
// long or not read back as meant are refused, each saying why as it did.
type batch struct {
	files map[string]*pending // by the file as Import names it
}

// pending is a file with marks given and not yet written.
type pending struct {
	base  []byte // the file as read from the disk before its first mark
	data  []byte // with the marks given so far
	perm  fs.FileMode
	given []int     // the Rows given a mark, in Import's rows
	sheet *inMemory // an answer sheet whose marks are given in memory, nil for one read for each mark
}

// inMemory is a sheet read once, with the marks given so far.
type inMemory struct {
	read  *sheet.Sheet       // as read from base (shared: never changed)
	now   sheet.Sheet        // read, with the marks given so far
	span  sheet.MarksSection // data's marks section (YAML)
	first string             // the id of its first open answer, once a row has found them
}

// file returns a file's pending marks, reading it from the disk when it has
// none yet.
func (b *batch) file(file string) (*pending, error) {
	if p := b.files[file]; p != nil {
		return p, nil
	}
	data, err := fileio.ReadFileLimited(file)
	if err != nil {
		return nil, err
	}
	p := &pending{base: data, data: data}
	if !isLines(file) && isSheet(file, data) {
		if s, span, err := readMarked(file, data); err == nil {
			p.sheet = &inMemory{read: s, now: *s, span: span}
		}
	}
	b.files[file] = p
	return p, nil
}

// target is target of the file with the marks given so far.
func (b *batch) target(file, id string, load BankLoader) (Found, error) {
	p, err := b.file(file)
	if err != nil {
		return Found{}, err
	}
	if p.sheet == nil {
		return target(file, p.data, id, load)
	}
	// openAnswers of the sheet read once, but that whether it can take a
	// marks section is seen at its last row (check).
	student, answers, unknown, err := sheetAnswers(&p.sheet.now, nil, load)
	if p.sheet.first == "" && len(answers) > 0 {
		p.sheet.first = answers[0].asked
	}
	return pick(file, p.base, id, student, answers, unknown, err)
}

// apply gives t's question of file the mark m, as Apply does, in memory;
// row is the mark's Row, which save turns to Failed if the file cannot be
// written.
func (b *batch) apply(file string, row int, t Found, m quiz.Mark) error {
	p, err := b.file(file)
	if err != nil {
		return err
	}
	var out []byte
	var perm fs.FileMode
	if p.sheet == nil {
		out, perm, err = marked(file, p.data, t.Bank, t.ID, m, t.Max)
	} else {
		out, perm, err = p.sheet.marked(file, p.data, t.Bank, t.ID, m, t.Max)
	}
	if err != nil {
		return err
	}
	p.data, p.perm = out, perm
	p.given = append(p.given, row)
	return nil
}

// marked is marked (markedSheet) of the sheet in memory, data, but for
// reading the result back, which check does once for all its marks.
func (s *inMemory) marked(file string, data []byte, bank, id string, m quiz.Mark, most float64) ([]byte, fs.FileMode, error) {
	id = strings.TrimPrefix(id, bank+"/")
	m.Points += 0
	m, err := sheetMark(file, &s.now, id, m, most)
	if err != nil {
		return nil, 0, err
	}
	marks := setMark(s.now.Marks, id, m)
	var out []byte
	span := s.span
	if fileio.FormatOf(file, "json") != "" {
		out, err = jsonWithMarks(data, marks)
	} else {
		out, span, err = spliceMarks(data, s.span, marks)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", file, err)
	}
	perm, err := writablePerm(file)
	if err != nil {
		return nil, 0, err
	}
	s.now.Marks, s.span = marks, span
	return out, perm, nil
}

// check reads a sheet given its marks in memory back, once: it must read
// as withMark makes sure each mark's sheet reads (the student's answers as
// before, the marks as meant, the marks section where it was set). A sheet
// given no mark is checked to take a marks section, as openAnswers checks
// it. It returns false when the sheet's rows are to be given again, one
// reading each (redo), to find the rows at fault.
func (b *batch) check(file string) bool {
	p := b.files[file]
	if p == nil || p.sheet == nil {
		return true
	}
	s := p.sheet
	if len(p.given) == 0 {
		if s.first == "" {
			return true
		}
		_, err := withMark(file, p.base, s.read, s.first, quiz.Mark{})
		return err == nil
	}
	if err := sameAnswers(file, s.read, p.data, s.now.Marks); err != nil {
		return false
	}
	if fileio.FormatOf(file, "json") != "" {
		return true
	}
	_, span, _ := readMarked(file, p.data) // as sameAnswers read it
	return span == s.span
}

// redo forgets the marks given to a file in memory: its rows are to be given
// again, as Apply gives them, reading the sheet for each.
func (b *batch) redo(file string) {
	if p := b.files[file]; p != nil {
		b.files[file] = &pending{base: p.base, data: p.base}
	}
}

// notWritten drops from rows those given a mark in memory to a file not
// written: a run stopped before the file's last row saved none of them.
func (b *batch) notWritten(rows []Row) []Row {
	drop := map[int]bool{}
	for _, p := range b.files {
		for _, ri := range p.given {
			drop[ri] = true
		}
	}
	out := rows[:0]
	for ri, r := range rows {
		if !drop[ri] {
			out = append(out, r)
		}
	}
	return out
}

// save writes a file's marks, once, and reports whether it is done with
// the file. A file changed on the disk since it was read (by hand: another
// mark run waits for the lock) is not written, and save returns false: its
// rows are to be given again to the file as it is now (Import), each
// checked as giving them one by one checked it, against the student the file
// now names and the marks it now holds, not only the answer (attack18 F4).
// When the file cannot be written, each of its rows says so, naming it; the
// other files' marks are saved all the same.
func (b *batch) save(file string, rows []Row) bool {
	p := b.files[file]
	delete(b.files, file) // read again should its rows be given again
	if p == nil || len(p.given) == 0 {
		return true
	}
	now, err := fileio.ReadFileLimited(file)
	if err == nil && !bytes.Equal(now, p.base) {
		return false
	}
	if err == nil {
		if err = writeMarked(file, p.perm, p.data); err != nil {
			err = fmt.Errorf("%s could not be written, so its marks are not saved: %w", file, err)
		}
	}
	if err != nil {
		for _, ri := range p.given {
			if rows[ri].Status == Saved {
				rows[ri].Status, rows[ri].Err = Failed, err
			}
		}
	}
	return true
}
