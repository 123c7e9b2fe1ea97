package marking

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
)

// Entry is one mark read from a spreadsheet.
type Entry struct {
	File    string
	Student string // the student column, checked against the report's
	ID      string // the question as the mark column names it: bank/id, or an id alone (older CSVs)
	Points  float64
	Comment string
	// Answer is the answer cell as grade's CSV wrote it (escaped, CSVSafe),
	// "" when the CSV has none (an older CSV, or a blanked cell): the mark is
	// for that answer, so Import refuses it when the file's answer is
	// another now (attack5 N1).
	Answer string
	Line   int // the row's line in the CSV
	// Lost, when set, says why this mark was not read, and the entry has
	// no Points: its row was taken into a broken row above it (an open
	// quote ran over it), or ends before the mark's cell (Cut). Import
	// counts it among the marks that could not be used.
	Lost string
	// Cut is set for a row with fewer cells than the header, ending
	// before the mark's cell. A spreadsheet may drop a row's empty cells
	// at its end, so Import counts it only when the file holds an
	// answer to the question (which grade's CSV would have shown).
	Cut bool
}

// The columns beside an open question's mark column in conflictq grade's CSV
// (quiz/grade's CSVAnswerSuffix and CSVCommentSuffix).
const (
	answerSuffix  = ":answer"
	commentSuffix = ":comment"
)

// ReadCSV reads marks from conflictq grade --format csv, filled in by a
// teacher: for each row, the report (file column) and, for each open question
// (a column X beside an X:answer column, X being bank/id, or an id alone in
// older CSVs), the points in X and the comment in X:comment. Empty mark cells
// are left unmarked. Cells that are not points are problems naming the line
// and column; the rest are still read.
//
// The file may come back from a spreadsheet: with a UTF-8 byte order mark,
// quoted headers, CRLF line ends, and ; (European Excel) or tabs between
// cells instead of commas, the separator found in the header row (or named
// by Excel's "sep=;" first line).
func ReadCSV(name string, r io.Reader) ([]Entry, []quiz.Problem) {
	cr, skipped, seen, refused, at := csvReader(r)
	if refused != "" {
		return nil, []quiz.Problem{{File: name, Line: at, Msg: refused}}
	}
	header, err := cr.Read()
	if err != nil {
		fileLines(err, skipped)
		return nil, []quiz.Problem{{File: name, Line: 1 + skipped, Msg: "not a CSV with a header row: " + err.Error()}}
	}
	col, dup := columns(header)
	if _, ok := col["file"]; !ok {
		return nil, []quiz.Problem{{File: name, Line: 1 + skipped, Field: "file", Msg: "no file column: give conflictq grade --format csv's output, with the marks filled in"}}
	}
	var open []string // the open questions: a column X beside X:answer
	for h := range col {
		if id, ok := strings.CutSuffix(h, answerSuffix); ok {
			if _, has := col[id]; has {
				open = append(open, id)
			}
		}
	}
	if len(open) == 0 {
		return nil, []quiz.Problem{{File: name, Line: 1 + skipped, Msg: "no open questions' mark columns (a column X beside X:answer)"}}
	}
	sort.Strings(open)
	var out []Entry
	var probs []quiz.Problem
	open = slices.DeleteFunc(open, func(id string) bool {
		if dup[id] {
			// Two banks' questions with one id, from an older conflictq.
			probs = append(probs, quiz.Problem{File: name, Line: 1 + skipped, Question: id,
				Msg: "two columns are named " + id + " (two banks share the id), so their marks cannot be told apart; grade again with --format csv for bank/id columns"})
		}
		return dup[id]
	})
	probs = append(probs, twoNames(&open, name, 1+skipped)...)
	rows := &rowReader{name: name, header: header, col: col, open: open, read: readColumns(col, open), comma: cr.Comma}
	short := 0 // the line of the last row read, when it has fewer cells than the header
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			// From the row the reader could not read on, the file is
			// read as a person reads it (readRows): the rows after a
			// broken one are told apart and read, and a row the reader
			// took into the broken one's cell loses no mark (recheck29
			// R1). The reader goes on past its error at no row's start.
			seen.ReadFrom(r) // the rest of the file
			out, probs = rows.lenient(out, probs, fileLines(err, skipped), short, seen.Bytes())
			break
		}
		if err != nil {
			probs = append(probs, quiz.Problem{File: name, Msg: err.Error()})
			break
		}
		line, _ := cr.FieldPos(0)
		line += skipped // the file's line, past a "sep=" line
		out, probs = rows.row(out, probs, line, rec)
		short = 0
		if len(rec) < len(header) {
			short = line
		}
	}
	return out, probs
}

// rowReader reads the marks of a CSV's rows, by its header.
type rowReader struct {
	name   string
	header []string
	col    map[string]int
	open   []string // the open questions' mark columns
	read   []int    // readColumns
	comma  rune
}

// row appends to out the marks of the row rec on line, and to probs its
// problems.
func (rr *rowReader) row(out []Entry, probs []quiz.Problem, line int, rec []string) ([]Entry, []quiz.Problem) {
	name, header, col, open := rr.name, rr.header, rr.col, rr.open
	if len(rec) > len(header) {
		// Read by name, a row with a cell too many would give its
		// marks from the wrong columns (attack16 #1).
		if parts := crJoined(rec, len(header)); parts != nil {
			// Rows joined by a line ended in CR alone, past the
			// start csvReader looked at (attack24 L3): the marks of
			// each are lost.
			out, carried := lostRows(out, line, parts, col, open, len(header))
			return out, append(probs, quiz.Problem{File: name, Line: line, Msg: crJoinedMsg, Warning: !carried})
		}
		out, carried := lostRow(out, line, rec, col, open, len(rec)-len(header), "")
		return out, append(probs, quiz.Problem{File: name, Line: line, Msg: longRow(len(rec), len(header), rr.comma), Warning: !carried})
	}
	if i := notUTF8(rec, rr.read); i >= 0 {
		// A file saved in another encoding (a spreadsheet's plain
		// "CSV" on Windows is Windows-1252): its accented letters are
		// not the sheet's, so a comment would be refused as it is
		// written and an answer read as changed since grading.
		out, carried := lostRow(out, line, rec, col, open, 0, "")
		return out, append(probs, quiz.Problem{File: name, Line: line, Field: header[i], Msg: notUTF8Msg, Warning: !carried})
	}
	out, probs = rowEntries(out, probs, name, line, rec, col, open, rr.comma)
	if len(rec) < len(header) {
		cutMark(out[len(out)-countLine(out, line):], rec, len(header), col)
		probs = append(probs, noComment(out[len(out)-countLine(out, line):], name, rec, len(header), col)...)
		out = cutRow(out, line, rec, len(header), col, open)
	}
	return out, probs
}

// lenient reads the rows of data, the whole file, from the line start on,
// as a person reads them (readRows), where the CSV reader could not read
// the row on that line: a row read whole is read as the reader reads one
// (row), and one with a quote out of place is a problem at its line, each
// of its marks lost and counted (broken). The rest of a row cut short on
// its line is named with it, not read as a row that ends before every
// mark column, whose marks the row counted already: the lines up to where
// a quote read as its cell's text closes, but a row of their own among them
// (inside), and a line right after a row of fewer cells than the header,
// with a quote in its first cell that closes none there, whose cells and the
// row's make one row of the header's (after: "answer 4 two" closed at its
// line's end, then line2",...). short is the line of the row the CSV reader read before
// start when it has fewer cells than the header (0 if not).
func (rr *rowReader) lenient(out []Entry, probs []quiz.Problem, start, short int, data []byte) ([]Entry, []quiz.Problem) {
	t := &csvText{data: data}
	// The lines inside and after a row cut short, and its problem (-1: a
	// row read, whose marks cut are named each).
	inside, after, cells, prob := 0, 0, 0, -1 // cells: the row cut short's
	if short > 0 {
		readQuotes(t, short, rr.comma, readStrict, func(r lenientRow) bool { after, cells = r.end+1, len(r.cells); return false })
	}
	readRows(t, start, len(rr.header), rr.comma, func(row lenientRow) {
		whole := len(row.cells) == len(rr.header)
		switch {
		case row.line < inside && (row.flaw.kind != flawNone || !whole),
			row.line == after && row.flaw.kind == flawBare && row.flaw.cell == 0 && cells+len(row.cells)-1 == len(rr.header):
			rest := lines(row.line, row.end)
			if prob >= 0 {
				probs[prob].Msg += fmt.Sprintf(" (%s, the rest of it, not read either)", rest)
			} else {
				probs = append(probs, quiz.Problem{File: rr.name, Line: row.line, Warning: true,
					Msg: row.flaw.msg(row, rr.header) + fmt.Sprintf("; %s taken for the rest of the row above, which ends before its columns", rest)})
			}
			after, cells = 0, 0
		case row.flaw.kind != flawNone:
			out, probs = rr.broken(out, probs, row)
			inside, after, cells, prob = 0, 0, 0, len(probs)-1
			if row.flaw.kind == flawOpen && row.flaw.close > row.end {
				inside = row.flaw.close
			} else if row.flaw.kind == flawOpen && row.flaw.close == 0 {
				inside = math.MaxInt // never closed: no line after it holds a quote
			}
			n := len(row.cells)
			if parts := crJoined(row.cells, len(rr.header)); parts != nil {
				n = len(parts[len(parts)-1]) // the row of the last line
			}
			if n < len(rr.header) {
				after, cells = row.end+1, n
			}
		default:
			out, probs = rr.row(out, probs, row.line, row.cells)
			after, cells, prob = 0, 0, -1
			if len(row.cells) < len(rr.header) {
				after, cells = row.end+1, len(row.cells)
			}
		}
	})
	return out, probs
}

// lines names the lines from to to.
func lines(from, to int) string {
	if from == to {
		return fmt.Sprintf("line %d", from)
	}
	return fmt.Sprintf("lines %d to %d", from, to)
}

// broken appends the problem of a row with a quote out of place, of which
// nothing is read, and an entry (Lost) for each of its marks but the one
// the problem counts (lostRow), so that each mark lost is counted and named
// at its line (attack24 L1): a mark whose column the row ends before is
// Cut, lost when the file holds an answer there. A row of more cells than
// the header may be two joined by a line ended in CR alone (crJoined),
// whose marks are lost both. A row that gives no mark costs none: its
// problem is a warning.
func (rr *rowReader) broken(out []Entry, probs []quiz.Problem, row lenientRow) ([]Entry, []quiz.Problem) {
	parts := crJoined(row.cells, len(rr.header))
	if parts == nil {
		parts = [][]string{row.cells}
	}
	out, carried := lostRows(out, row.line, parts, rr.col, rr.open, len(rr.header))
	return out, append(probs, quiz.Problem{File: rr.name, Line: row.line, Msg: row.flaw.msg(row, rr.header), Warning: !carried})
}

// lostRows is lostRow of each of rows, read from the one on line: the
// problem counts one mark of them all. A mark whose column a row ends
// before is Cut, lost when the file holds an answer there (as cutRow).
func lostRows(out []Entry, line int, rows [][]string, col map[string]int, open []string, headers int) (_ []Entry, carried bool) {
	for _, cells := range rows {
		skip := ""
		if carried {
			skip = "\x00" // no id: the problem counts none of these
		}
		var c bool
		out, c = lostRow(out, line, cells, col, open, max(0, len(cells)-headers), skip)
		carried = carried || c
		file, student := rowNames(cells, col)
		for _, id := range open {
			if col[id] >= len(cells) {
				out = append(out, Entry{File: file, Student: student, ID: id, Line: line, Cut: true, Lost: withRow(line)})
			}
		}
	}
	return out, carried
}

// flawKind is what a quote out of place did to a row read as a person
// reads it.
type flawKind int

const (
	flawNone   flawKind = iota
	flawBare            // a quote in a cell that does not start with one (x"y)
	flawClosed          // a cell's quote closed with text after it on its line ("b"x)
	flawOpen            // a cell's quote closed only on a later line, inside a cell, or never
	flawLazy            // a quote in a quoted cell read as its text, making the row whole
)

// flaw is the first quote out of place in a row: where it is (line, and col
// a byte's, from 1, as csv.ParseError counts; the row's cell) and, for
// flawOpen, the line its quote was closed on (0: never).
type flaw struct {
	kind                   flawKind
	line, col, cell, close int
	at                     int // its offset in the file
}

// msg says why a row of flaw f was not read. A quote the CSV reader too
// names at its place is named in its words (csv.ParseError); a quote left
// open by its cell, at the cell's column (header).
func (f flaw) msg(row lenientRow, header []string) string {
	var msg string
	switch f.kind {
	case flawOpen:
		cell := "cell " + strconv.Itoa(f.cell+1)
		if f.cell < len(header) {
			cell = "the " + strings.TrimSpace(text.CSVUnsafe(header[f.cell])) + " cell"
		}
		closed := "the file ends before it is closed"
		if f.close > 0 {
			closed = fmt.Sprintf("the next quote, on line %d, is not at a cell's end", f.close)
		}
		return fmt.Sprintf("the quote that opens %s on line %d is not closed where the cell ends (%s), so it was read as the cell's text and the row as ending on its line; nothing of this row was read: close the quote and run again", cell, f.line, closed)
	case flawBare:
		msg = (&csv.ParseError{StartLine: row.line, Line: f.line, Column: f.col, Err: csv.ErrBareQuote}).Error()
	default:
		msg = (&csv.ParseError{StartLine: row.line, Line: f.line, Column: f.col, Err: csv.ErrQuote}).Error()
	}
	if row.end > row.line {
		msg += fmt.Sprintf("; %s, after it, could not be read either", lines(row.line+1, row.end))
	}
	return msg
}

// crJoinedMsg says why a row holding two, joined by a line ended in CR
// alone, was not read.
const crJoinedMsg = "this line ends in a carriage return alone in the middle, where the file's other lines end in CRLF or LF: its line ends are mixed, so two rows were read as one, and nothing of them was read; end it as the others (or save the file again as \"CSV UTF-8\") and run again"

// crJoined splits rec, a row of more cells than the header (headers), in
// the rows lines ended in CR alone joined: at the cell of the header's last
// column holding a CR not before an LF, each row but the last whole. It is
// nil when there is no such cell.
func crJoined(rec []string, headers int) [][]string {
	var rows [][]string
	for len(rec) > headers {
		c := rec[headers-1]
		i := strings.IndexByte(c, '\r')
		if i < 0 || strings.HasPrefix(c[i:], "\r\n") {
			break
		}
		rows = append(rows, append(slices.Clone(rec[:headers-1]), c[:i]))
		rec = append([]string{c[i+1:]}, rec[headers:]...)
	}
	if rows == nil {
		return nil
	}
	return append(rows, rec)
}

// withRow says why a mark of a row refused whole, beside the one its
// problem counts, was not read.
func withRow(line int) string {
	return fmt.Sprintf("not read with the rest of its row (see the problem at line %d)", line)
}

// lostRow appends to out an entry (Lost) for each mark in rec, a row of
// which nothing was read, but the first, which the row's problem counts
// (not given to skip, when that problem names one): each mark lost is
// counted, and named at its line (attack24 L1). carried says whether the
// problem counts a mark: a row that gives none costs none, and its problem
// is a warning. A row with extra cells (more than the header: extra) may
// have its marks shifted right, so a number in the cells up to extra past
// a mark's column is one too.
func lostRow(out []Entry, line int, rec []string, col map[string]int, open []string, extra int, skip string) (_ []Entry, carried bool) {
	file, student := rowNames(rec, col)
	first := skip == "" // the mark the row's problem counts is yet to be found
	for _, id := range open {
		if id == skip {
			continue
		}
		marked := cellAt(rec, col[id]) != ""
		for k := 1; k <= extra && !marked; k++ {
			_, err := quiz.ParsePoints(cellAt(rec, col[id]+k), quiz.MaxPoints)
			marked = err == nil && cellAt(rec, col[id]+k) != ""
		}
		if marked && first {
			first = false
		} else if marked {
			out = append(out, Entry{File: file, Student: student, ID: id, Line: line, Lost: withRow(line)})
		}
	}
	return out, skip != "" && skip != "\x00" || skip == "" && !first
}

// cutRow appends to out an entry (Cut) for each open question whose mark
// column a row of fewer cells than the header (rec) ends before: a mark
// written there was lost, and no message said so (attack23 L2). So too for
// a mark column the row ends in, empty, before the mark's answer column,
// which grade's CSV fills in: the row was cut just before its mark (a
// spreadsheet that drops empty cells at a row's end leaves no empty one).
func cutRow(out []Entry, line int, rec []string, headers int, col map[string]int, open []string) []Entry {
	for _, id := range open {
		ai, hasA := col[id+answerSuffix]
		endsIn := col[id] == len(rec)-1 && cellAt(rec, col[id]) == "" && hasA && ai >= len(rec)
		if col[id] < len(rec) && !endsIn {
			continue
		}
		file, student := rowNames(rec, col)
		msg := fmt.Sprintf("this row has %d cells but the header has %d, so it ends before the column %s, and a mark written there was lost (was the row cut short?); fill in the row and run again", len(rec), headers, id)
		if endsIn {
			msg = fmt.Sprintf("this row has %d cells but the header has %d, so it ends in the column %s, empty, before its answer's: the row was cut short, maybe in the mark itself; fill in the row and run again", len(rec), headers, id)
		}
		out = append(out, Entry{File: file, Student: student, ID: id, Line: line, Cut: true, Lost: msg})
	}
	return out
}

// cutMark makes Lost (Cut) the mark of row (rec's entries) in rec's last
// cell when the row, of fewer cells than the header, ends there, before the
// mark's answer column, which grade's CSV fills in: the row was cut short,
// maybe in the mark itself (0.5 cut to 0), which was saved as cut
// (attack24's fuzz). Import counts it when the file holds an answer.
func cutMark(row []Entry, rec []string, headers int, col map[string]int) {
	for i, e := range row {
		ai, hasA := col[e.ID+answerSuffix]
		if e.Lost != "" || col[e.ID] != len(rec)-1 || !hasA || ai < len(rec) {
			continue
		}
		row[i].Cut = true
		row[i].Lost = fmt.Sprintf("this row has %d cells but the header has %d, so it ends in the column %s, before its answer's: the row was cut short, maybe in the mark itself, which was not read; fill in the row and run again", len(rec), headers, e.ID)
	}
}

// noComment warns of each mark of a row of fewer cells than the header
// (rec: its entries, row) saved with no comment because the row ends
// before its comment column: the row was cut short, and a comment written
// there was lost without a word (attack24 L2), also when the row ends just
// after the answer, the cut a truncated file most often ends on (recheck29
// R2). The mark itself is whole, a cell after it, and its answer is checked
// as the sheet's, so it is saved, as a mark with no comment can be given a
// comment later (--remark); a row cut in its mark's own cell loses the mark
// (cutMark). A spreadsheet that leaves out a row's empty cells at its end
// gives the same row with no comment written: so the warning says "if
// any", and does not refuse the mark, nor change the exit code.
func noComment(row []Entry, name string, rec []string, headers int, col map[string]int) []quiz.Problem {
	var probs []quiz.Problem
	for _, e := range row {
		ci, hasC := col[e.ID+commentSuffix]
		if e.Lost != "" || !hasC || ci < len(rec) {
			continue
		}
		probs = append(probs, quiz.Problem{File: name, Line: e.Line, Question: e.ID, Warning: true,
			Msg: fmt.Sprintf("this row has %d cells but the header has %d, so it ends before the column %s: the mark is saved with no comment, and a comment written there, if any, was lost (was the row cut short?); fill in the row and run again with --remark", len(rec), headers, e.ID+commentSuffix)})
	}
	return probs
}

// lookAhead is how many lines a row read lazily (readRows) may go on for,
// a quoted cell over them, before it is given up.
const lookAhead = 100

// readRows gives fn each row of t (readQuotes) from the line from to the
// end, whole, as a person reads it. A row with a quote out of place is read
// as it is most likely meant, among the readings of readQuotes' ways, but
// never over a row of its own: one whose cells are the header's, read
// strictly or lazily (a row cut inside its quoted answer took the next row
// in: recheck29 R1). Read strictly, the quote of a cell closed only on
// a later line, with text after it, was text; read loosely, it closes the
// cell over those lines ("two<LF>lines"x: the CSV reader's own row), and
// read lazily, with the row's cells not the header's, a quote inside a
// quoted cell ("a"b c" over lines) is the cell's text (attack24 L1).
func readRows(t *csvText, from, headers int, comma rune, fn func(lenientRow)) {
	// first is the first row from line on: an empty line is no row, as
	// the CSV reader skips it.
	first := func(line int, how readWay) (row lenientRow, got bool) {
		readQuotes(t, line, comma, how, func(r lenientRow) bool {
			row, got = r, true
			return empty(r)
		})
		return row, got && !empty(row)
	}
	// swallows says whether row, read other than strictly, runs over a row
	// of its own: one that starts past the strict reading's end (to).
	swallows := func(row lenientRow, to int) bool {
		own := false
		readQuotes(t, to+1, comma, readStrict, func(r lenientRow) bool {
			if r.line > row.end {
				return false
			}
			own = len(r.cells) == headers
			if !own {
				lazy, _ := first(r.line, readLazy)
				own = len(lazy.cells) == headers
			}
			return !own
		})
		return own
	}
	for line := from; ; {
		row, got := first(line, readStrict)
		if !got {
			return
		}
		if row.flaw.kind != flawNone {
			strict := row
			if loose, _ := first(line, readLoose); loose.end > strict.end && (len(loose.cells) == headers || len(strict.cells) != headers) && !swallows(loose, strict.end) {
				row = loose
			} else if lazy, _ := first(line, readLazy); len(strict.cells) != headers && len(lazy.cells) == headers && !swallows(lazy, strict.end) {
				row = lazy
			}
		}
		fn(row)
		line = row.end + 1
	}
}

// empty reports whether row is an empty line.
func empty(row lenientRow) bool {
	return len(row.cells) == 1 && row.cells[0] == "" && row.flaw.kind == flawNone
}

// readWay is how readQuotes reads a quote out of place in a quoted cell.
type readWay int

const (
	readStrict readWay = iota
	readLoose
	readLazy
)

// lenientRow is a row as a person reads it (readQuotes): the lines it
// starts and ends on, its cells, and its first quote out of place.
type lenientRow struct {
	line, end int
	cells     []string
	flaw      flaw
}

// cellEnds reports whether rest, what follows a closing quote, ends the
// cell there: a separator, a line end (CR LF or LF) or the end of the text.
func cellEnds(rest []byte, comma rune) bool {
	if len(rest) == 0 || rest[0] == '\n' || rest[0] == '\r' && (len(rest) == 1 || rest[1] == '\n') {
		return true
	}
	r, _ := utf8.DecodeRune(rest)
	return r == comma
}

// readQuotes reads the lines of t from the line from on as rows, as a
// person reads them, and gives each to fn until it returns false: a cell
// that starts with a quote runs to the quote that closes it ("" inside is
// a quote), over as many lines as it takes, as the CSV reader reads it. A
// quote out of place, where the CSV reader stops, is read as text, and is
// the row's flaw: a quote inside a cell that does not start with one (s2"x);
// the quote of a quoted cell that is not closed where the cell ends
// ("b"x.yaml, or closed only in the middle of a later row's cell: "ca-st05,
// a row cut inside its quoted answer), or not closed at all, is read from
// there as its cell's text. Read loosely (how), a quote after text that is
// not followed by the cell's end closes the cell on any line, the text after
// it the cell's; read lazily, a quote in a quoted cell not followed by the
// cell's end is the cell's text (a"b in "a"b c"), not the end of its quote,
// and a cell still open lookAhead lines on gives no row.
func readQuotes(t *csvText, from int, comma rune, how readWay, fn func(lenientRow) bool) {
	off := t.lineStart(from)
	if off < 0 {
		return
	}
	data := t.data
	var cells []string
	var cur []byte
	line, start, lineOff := from, from, off
	opened, openedAt, openedOff := 0, 0, 0 // the open quote's line, offset and line's offset
	var first flaw
	cellStart, quoted := true, false
	mark := func(kind flawKind, at int) {
		if first.kind == flawNone {
			first = flaw{kind: kind, line: line, col: at - lineOff + 1, cell: len(cells), at: at}
		}
	}
	endRow := func() bool {
		row := lenientRow{line: start, end: line, cells: append(cells, string(cur)), flaw: first}
		cells, cur, cellStart, quoted, first = nil, nil, true, false, flaw{}
		return !fn(row)
	}
	// asText reads the cell's opening quote, closed on line close (0:
	// never), as text, and gives the offset to go on at.
	asText := func(close int) int {
		if first.kind == flawNone {
			first = flaw{kind: flawOpen, line: opened, col: openedAt - openedOff + 1, cell: len(cells), close: close, at: openedAt}
		}
		cur, quoted, line, lineOff, cellStart = append(cur[:0], '"'), false, opened, openedOff, false
		return openedAt + 1
	}
	i := off
again:
	for i < len(data) {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case quoted && r == '"' && i+1 < len(data) && data[i+1] == '"':
			cur, size = append(cur, '"'), 2
		case quoted && r == '"' && !cellEnds(data[i+1:], comma) && how == readLazy:
			mark(flawLazy, i)
			cur = append(cur, '"')
		case quoted && r == '"' && !cellEnds(data[i+1:], comma) && (line == opened || how == readLoose) && !cellStarts(data[:i], comma):
			// "b"x.yaml: the CSV reader stops here; the cell goes on.
			mark(flawClosed, i)
			quoted = false
		case quoted && r == '"' && !cellEnds(data[i+1:], comma):
			// The opening quote was text ("ca-st05, "st05, "ans cut,
			// then the next row's "answer: attack24 L1, recheck29 R1).
			i = asText(line)
			continue
		case quoted && r == '"':
			quoted = false
		case quoted && r == '\n' && how == readLazy && line-opened >= lookAhead:
			return
		case r == '\n' && !quoted:
			cur = bytes.TrimSuffix(cur, []byte{'\r'})
			if endRow() {
				return
			}
			i += size
			line++
			start, lineOff = line, i
			continue
		case r == '\n':
			// A line break in a quoted cell: CR LF is read as LF, as
			// the CSV reader reads it.
			cur = append(bytes.TrimSuffix(cur, []byte{'\r'}), '\n')
			line++
			lineOff = i + 1
		case quoted:
			cur = append(cur, data[i:i+size]...)
		case r == comma:
			cells = append(cells, string(cur))
			cur, cellStart = cur[:0], true
			i += size
			continue
		case cellStart && r == '"':
			quoted, opened, openedAt, openedOff = true, line, i, lineOff
		case r == '"':
			mark(flawBare, i)
			cur = append(cur, '"')
		default:
			cur = append(cur, data[i:i+size]...)
		}
		cellStart = false
		i += size
	}
	if quoted && how == readLazy {
		return
	}
	if quoted {
		i = asText(0)
		goto again
	}
	if len(cells) > 0 || len(cur) > 0 {
		cur = bytes.TrimSuffix(cur, []byte{'\r'}) // as the CSV reader drops a CR last in the file
		endRow()
	}
}

// cellStarts reports whether a cell starts after before, the text before
// it: at a line's start or after a separator.
func cellStarts(before []byte, comma rune) bool {
	if len(before) == 0 || before[len(before)-1] == '\n' {
		return true
	}
	r, _ := utf8.DecodeLastRune(before)
	return r == comma
}

// csvText is a CSV as read so far (data), and the offset of the last line
// lineStart found.
type csvText struct {
	data      []byte
	line, off int
}

// lineStart is the offset in t.data of the file's line n, or -1. It goes
// from the line it found last, back or on: the broken rows of a file are
// asked for in order, and a search from the file's start for each made a
// file of many broken rows slow (quadratic).
func (t *csvText) lineStart(n int) int {
	if t.line == 0 || n < 1 {
		t.line, t.off = 1, 0
	}
	for ; t.line > n; t.line-- {
		t.off = bytes.LastIndexByte(t.data[:t.off-1], '\n') + 1
	}
	for ; t.line < n; t.line++ {
		i := bytes.IndexByte(t.data[t.off:], '\n')
		if i < 0 {
			return -1
		}
		t.off += i + 1
	}
	return t.off
}

// twoNames drops from open each column named by a question's id alone (an
// older conflictq's CSV) when a column bank/id of the same id is there too
// (a newer one's): both would be the one question of a sheet of that bank,
// given two marks, and the second refused as marked already or, with
// --remark, put over the first (older leftover: essay beside ob/essay). It
// returns a problem for each, at the header's line.
func twoNames(open *[]string, name string, line int) []quiz.Problem {
	qualified := map[string][]string{} // id: its bank/id columns, in open's (sorted) order
	for _, o := range *open {
		if _, id, ok := strings.Cut(o, "/"); ok {
			qualified[id] = append(qualified[id], o)
		}
	}
	var probs []quiz.Problem
	*open = slices.DeleteFunc(*open, func(id string) bool {
		others, clash := qualified[id]
		if clash && !strings.Contains(id, "/") {
			probs = append(probs, quiz.Problem{File: name, Line: line, Question: id,
				Msg: fmt.Sprintf("the columns %s (an older CSV's) and %s may name one question, so its answer would get two marks; the marks under %s were not read: keep one of the two columns", id, strings.Join(others, " or "), id)})
			return true
		}
		return false
	})
	return probs
}

// notUTF8Msg says why a row with text that is not UTF-8 gives no marks.
const notUTF8Msg = `not UTF-8 text, so nothing of this row was read: the CSV was saved in another encoding (a spreadsheet's plain "CSV" on Windows); save it as "CSV UTF-8" and run again`

// readColumns are the indices of the columns a row's marks are read from,
// in order: the file and the student, then each open question's mark,
// answer and comment. A column of the teacher's own (a note) is not read,
// so text in it that is not UTF-8 costs the row nothing (recheck27 L1).
func readColumns(col map[string]int, open []string) []int {
	var read []int
	for _, name := range []string{"file", "student"} {
		if i, ok := col[name]; ok {
			read = append(read, i)
		}
	}
	for _, id := range open {
		for _, name := range []string{id, id + answerSuffix, id + commentSuffix} {
			if i, ok := col[name]; ok {
				read = append(read, i)
			}
		}
	}
	slices.Sort(read)
	return read
}

// notUTF8 is the index of the first of rec's cells read that is not UTF-8,
// or -1.
func notUTF8(rec []string, read []int) int {
	for _, i := range read {
		if i < len(rec) && !utf8.ValidString(rec[i]) {
			return i
		}
	}
	return -1
}

// fileLines makes the lines a CSV parse error names the file's, past the
// "sep=" line (skipped) the reader never saw, and returns the line its row
// starts on.
func fileLines(err error, skipped int) int {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return 0
	}
	pe.StartLine += skipped
	pe.Line += skipped
	return pe.StartLine
}

// decimalComma is the half of longRow's message that says what an unquoted
// decimal comma does in a comma-separated file.
const decimalComma = `a decimal comma splits a cell in a comma-separated file (0,5 is read as 0 and 5): write 0.5, or put the cell in quotes ("0,5")`

// longRow says why a row with more cells than the header is refused.
func longRow(cells, headers int, comma rune) string {
	msg := fmt.Sprintf("this row has %d cells but the header has %d, so its cells would be read under the wrong columns; nothing of it was read: ", cells, headers)
	if comma == ',' {
		return msg + decimalComma
	}
	sep := "the separator"
	if comma == ';' {
		sep = "a ;"
	} else if comma == '\t' {
		sep = "a tab"
	}
	return msg + "a cell holding " + sep + " splits in two: put that cell in quotes"
}

// csvReader reads a CSV by the separator a spreadsheet wrote: the one its
// "sep=" line names (skipped: 1), else the one its first lines use; a
// byte-order mark is dropped. A file it cannot read as a CSV in UTF-8 with
// line ends of LF or CRLF is not read: refused says why, and how to save it,
// and at is the line it names.
func csvReader(r io.Reader) (cr *csv.Reader, skipped int, seen *bytes.Buffer, refused string, at int) {
	at = 1
	seen = &bytes.Buffer{} // what was read, for rowEnd
	br := bufio.NewReaderSize(io.TeeReader(r, seen), sniffSize(r))
	if bom, _ := br.Peek(3); string(bom) == "\ufeff" {
		br.Discard(3)
	} else if bytes.HasPrefix(bom, []byte{0xff, 0xfe}) || bytes.HasPrefix(bom, []byte{0xfe, 0xff}) {
		// Excel's "Unicode Text" and some "CSV" exports: every other byte
		// a NUL, read as one column with no name (recheck27).
		return nil, 0, seen, `the file is UTF-16 text (a spreadsheet's "Unicode Text"), not a CSV in UTF-8; save it as "CSV UTF-8" and run again`, at
	}
	head, _ := br.Peek(br.Size())
	if line, cr, crlf, lf := lineEnds(head); cr > 0 {
		if cr >= crlf+lf {
			// Mac Excel's "CSV (Macintosh)": lines ended by CR alone, which
			// the CSV reader takes for one line, so that no mark was found
			// and none was said to be missing (attack23 L2).
			return nil, 0, seen, `the file's lines end in a carriage return alone (a spreadsheet's "CSV (Macintosh)"), which is read as one line; save it as "CSV UTF-8" and run again`, at
		}
		// One line so ended among lines ended as usual: the file is
		// not a Mac one, and that line is named (attack24 L3).
		others := "LF"
		if crlf > lf {
			others = "CRLF"
		}
		return nil, 0, seen, fmt.Sprintf("this line ends in a carriage return alone, where the file's other lines end in %s: its line ends are mixed, so nothing of the file was read (this line and the next would be read as one); end it as the others (or save the file again as \"CSV UTF-8\") and run again", others), line
	}
	comma := ','
	if first, _ := br.Peek(8); len(first) >= 5 && strings.EqualFold(string(first[:4]), "sep=") {
		line, _ := br.ReadString('\n')
		if sep := []rune(strings.TrimRight(line[4:], "\r\n")); len(sep) == 1 {
			comma = sep[0]
		}
		skipped = 1
	} else {
		head, _ := br.Peek(br.Size()) // as much as there is, up to maxSniff
		comma = separator(head)
	}
	cr = csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.Comma = comma
	return cr, skipped, seen, "", at
}

// lineEnds finds how head, a CSV's start, ends its lines outside quotes:
// first is the line (counted by LF) of the first line it ends with a
// carriage return alone, 0 if none; cr counts those, crlf and lf the lines
// ended so. Rows may end in CR with line breaks inside cells written as LF
// or not (recheck28d M1), or a header by CRLF and rows by CR. A CR last in
// head, whose next byte is not known, is passed over; a quote toggles being
// inside a quoted cell ("" twice).
func lineEnds(head []byte) (first, cr, crlf, lf int) {
	quoted := false
	line := 1
	for i, c := range head {
		switch {
		case c == '"':
			quoted = !quoted
		case c == '\n' && !quoted && i > 0 && head[i-1] == '\r':
			crlf++
		case c == '\n' && !quoted:
			lf++
		case c == '\r' && !quoted && i+1 < len(head) && head[i+1] != '\n':
			if cr++; first == 0 {
				first = line
			}
		}
		if c == '\n' {
			line++
		}
	}
	return first, cr, crlf, lf
}

// maxSniff is the most of a CSV read to find its separator.
const maxSniff = 64 << 10

// sniffSize is the buffer csvReader reads r through: maxSniff, or a regular
// file's size when that is less. Its separator is found in the same bytes
// (the whole file, up to maxSniff), and a class's marks CSV of a few
// kilobytes is not read through 64 KiB of fresh memory.
func sniffSize(r io.Reader) int {
	f, ok := r.(interface{ Stat() (fs.FileInfo, error) })
	if !ok {
		return maxSniff
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() == 0 || st.Size() >= maxSniff {
		return maxSniff // a stream, or a file whose size says nothing (/proc's)
	}
	return int(st.Size()) // bufio makes it at least 16 bytes
}

// columns maps each column's name to its place (the last, when two share
// a name, which dup holds).
func columns(header []string) (col map[string]int, dup map[string]bool) {
	col, dup = map[string]int{}, map[string]bool{}
	for i, h := range header {
		h = text.CSVUnsafe(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if _, seen := col[h]; seen {
			dup[h] = true
		}
		col[h] = i
	}
	return col, dup
}

// rowEntries appends a row's marks to out, one for each open question with
// a mark, and its problems to probs: a mark that is no number, a row that
// names no report.
//
// In a comma-separated file, a whole-number mark followed by its own
// comment cell holding digits alone is refused as an unquoted decimal comma ("0,5" read as 0 and 5): a
// row whose empty last cell a spreadsheet dropped is then no longer than the
// header, so longRow does not catch it (review-code25 #1).
func rowEntries(out []Entry, probs []quiz.Problem, name string, line int, rec []string, col map[string]int, open []string, comma rune) ([]Entry, []quiz.Problem) {
	cell := func(i int) string { return cellAt(rec, i) }
	file, student := rowNames(rec, col)
	for _, id := range open {
		v := cell(col[id])
		if v == "" {
			continue
		}
		if next := col[id] + 1; comma == ',' && digitsOnly(v) && ownColumn(col, id, next) && splitFraction(cell(next)) {
			probs = append(probs, quiz.Problem{File: name, Line: line, Question: id,
				Msg: fmt.Sprintf("read %s as the mark and %q, the next cell, as more of it; nothing of this row was read: %s", v, cell(col[id]+1), decimalComma)})
			out, _ = lostRow(out[:len(out)-countLine(out, line)], line, rec, col, open, 0, id)
			return out, probs
		}
		p, err := quiz.ParsePoints(v, quiz.MaxPoints) // the question's own most is checked as the mark is saved
		if err != nil {
			probs = append(probs, quiz.Problem{File: name, Line: line, Question: id, Msg: err.Error()})
			continue
		}
		if file == "" {
			probs = append(probs, quiz.Problem{File: name, Line: line, Field: "file", Msg: "no report named in the file column"})
			break
		}
		c := ""
		if ci, ok := col[id+commentSuffix]; ok {
			c = cell(ci)
		}
		out = append(out, Entry{File: file, Student: student, ID: id, Points: p, Comment: c, Answer: cell(col[id+answerSuffix]), Line: line})
	}
	return out, probs
}

// SameAnswer reports whether a CSV's answer cell (as ReadCSV reads it) shows
// answer: the cell as grade's CSV writes the answer (text.CSVSafe, control
// characters escaped), allowing what a spreadsheet does to it: line breaks
// written as CRLF or as CR alone, and whitespace trimmed at the ends of the
// cell and of its lines. grade's CSV never holds a CR as it is (CSVSafe
// shows it as \x0d), so a cell's CR is a spreadsheet's line break: read
// as LF, it is not an answer "changed after this CSV was written"
// (recheck28d L1).
func SameAnswer(cell, answer string) bool {
	norm := func(s string) string {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
		s = strings.ReplaceAll(s, `\r\n`, `\n`)
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight(l, " \t")
		}
		return strings.TrimSpace(strings.Join(lines, "\n"))
	}
	c := norm(text.CSVUnsafe(cell))
	return c == norm(text.CSVUnsafe(text.CSVSafe(answer))) || c == norm(text.CSVUnsafe(text.CSVSafe(strings.ReplaceAll(answer, "\r\n", "\n"))))
}

// separator finds the cell separator in a CSV's first line: the most common of
// comma, semicolon and tab outside quotes; a comma when there is none.
func separator(data []byte) rune {
	counts := map[byte]int{}
	quoted := false
	for _, c := range data {
		if c == '"' {
			quoted = !quoted
			continue
		}
		if !quoted && (c == '\n' || c == '\r') {
			break
		}
		if !quoted {
			counts[c]++
		}
	}
	best := byte(',')
	for _, c := range []byte{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return rune(best)
}

// SameQuestion reports whether two names of a question agree: equal, or one
// the other's id with its bank (bank/id and id). A --question filter given as
// an id then matches a bank/id column, and the other way round.
func SameQuestion(a, b string) bool {
	return a == b || strings.HasSuffix(a, "/"+b) || strings.HasSuffix(b, "/"+a)
}

// MoreNumber reports whether text written after a mark starts as the number
// would go on: a digit, a decimal comma or point. mark --plain asks again
// for "0 ,5"; ReadCSV refuses a row whose mark is followed by such a cell.
func MoreNumber(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == ',' || r == '.' || unicode.IsNumber(r)
}

// splitFraction reports whether a cell is what an unquoted decimal comma
// leaves of a mark's fraction: digits alone ("5" of "0,5"). An answer or
// comment that only starts with a digit ("1991, when ...") is not.
func splitFraction(cell string) bool {
	return MoreNumber(cell) && digitsOnly(cell)
}

// ownColumn reports whether column i is the question id's own comment
// column. A decimal comma's fraction is looked for there only: the next
// column in grade's CSV may be another question's number, and an answer may
// be digits alone ("1"); a fraction shifted into the answer column is
// refused already, as an answer that changed.
func ownColumn(col map[string]int, id string, i int) bool {
	c, has := col[id+commentSuffix]
	return has && c == i
}

func digitsOnly(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// cellAt is a row's cell i as a mark, comment or name is read from it:
// CSVUnsafe, trimmed; "" past the row's end.
func cellAt(rec []string, i int) string {
	if i < len(rec) {
		return strings.TrimSpace(text.CSVUnsafe(rec[i]))
	}
	return ""
}

// rowNames are the report a row names (its file cell) and its student.
func rowNames(rec []string, col map[string]int) (file, student string) {
	if i, ok := col["student"]; ok {
		student = cellAt(rec, i)
	}
	return cellAt(rec, col["file"]), student
}

// countLine counts the entries at the end of out read from line.
func countLine(out []Entry, line int) int {
	n := 0
	for i := len(out) - 1; i >= 0 && out[i].Line == line; i-- {
		n++
	}
	return n
}
