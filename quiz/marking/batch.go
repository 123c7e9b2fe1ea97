package marking

import (
	"bytes"
	"fmt"
	"io/fs"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fileio"
)

// batch gives the marks of a CSV (ImportCSV) to each file in memory and
// writes the file once, after its last row: the same bytes as giving them
// one by one with Apply, with one wait for the disk (fsync) instead of one a
// mark. Marking a row at the keyboard still writes it at once (Apply), so
// that Ctrl-C loses nothing typed.
type batch struct {
	files map[string]*pending // by the file as ImportCSV names it
}

// pending is a file with marks given and not yet written.
type pending struct {
	base  []byte // the file as read from the disk before its first mark
	data  []byte // with the marks given so far
	perm  fs.FileMode
	marks []givenMark
}

// givenMark is a mark given to a pending file, to give again should the file
// change on the disk before it is written.
type givenMark struct {
	row      int // its Row in ImportCSV's rows
	bank, id string
	max      float64
	m        quiz.Mark // tied to the answer it was given for
}

// read returns a file's bytes with the marks given so far.
func (b *batch) read(file string) ([]byte, error) {
	if p := b.files[file]; p != nil {
		return p.data, nil
	}
	return fileio.ReadFileLimited(file)
}

// target is Target of the file with the marks given so far.
func (b *batch) target(file, id string, load BankLoader) (Found, error) {
	data, err := b.read(file)
	if err != nil {
		return Found{}, err
	}
	return target(file, data, id, load)
}

// apply gives t's question of file the mark m, as Apply does, in memory;
// row is the mark's Row, which save turns to Failed if the file cannot be
// written.
func (b *batch) apply(file string, row int, t Found, m quiz.Mark) error {
	data, err := b.read(file)
	if err != nil {
		return err
	}
	out, perm, err := marked(file, data, t.Bank, t.ID, m, t.Max)
	if err != nil {
		return err
	}
	p := b.files[file]
	if p == nil {
		p = &pending{base: data}
		b.files[file] = p
	}
	p.data, p.perm = out, perm
	if m.Answer == "" {
		m.Answer = quiz.AnswerDigest(t.Answer) // as marked tied it
	}
	p.marks = append(p.marks, givenMark{row: row, bank: t.Bank, id: t.ID, max: t.Max, m: m})
	return nil
}

// save writes a file's marks, once. A file changed on the disk since it was
// read (by hand: another mark run waits for the lock) is read again and
// given the marks anew, as Apply, reading the file for each mark, gave them
// to the file as it was then; a mark whose answer changed meanwhile is
// refused (ErrChanged). When the file cannot be written, each of its rows
// says so, naming it; the other files' marks are saved all the same.
func (b *batch) save(file string, rows []Row) {
	p := b.files[file]
	if p == nil {
		return
	}
	delete(b.files, file)
	now, err := fileio.ReadFileLimited(file)
	if err == nil && !bytes.Equal(now, p.base) {
		data, given := now, 0
		for _, g := range p.marks {
			out, perm, err := marked(file, data, g.bank, g.id, g.m, g.max)
			if err != nil {
				rows[g.row].Status, rows[g.row].Err = Failed, err
				continue
			}
			data, p.perm = out, perm
			given++
		}
		if given == 0 {
			return
		}
		p.data = data
	}
	if err == nil {
		if err = writeMarked(file, p.perm, p.data); err != nil {
			err = fmt.Errorf("%s could not be written, so its marks are not saved: %w", file, err)
		}
	}
	if err != nil {
		for _, g := range p.marks {
			if rows[g.row].Status == Saved {
				rows[g.row].Status, rows[g.row].Err = Failed, err
			}
		}
	}
}
