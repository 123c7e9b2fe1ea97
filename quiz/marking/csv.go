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
	// for that answer, so ImportCSV refuses it when the file's answer is
	// another now (attack5 N1).
	Answer string
	Line   int // the row's line in the CSV
	// Lost, when set, says why this mark was not read, and the entry has
	// no Points: its row was taken into a broken row above it (an open
	// quote ran over it), or ends before the mark's cell (Cut). ImportCSV
	// counts it among the marks that could not be used.
	Lost string
	// Cut is set for a row with fewer cells than the header, ending
	// before the mark's cell. A spreadsheet may drop a row's empty cells
	// at its end, so ImportCSV counts it only when the file holds an
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
	read := readColumns(col, open)
	bad := &brokenRows{name: name, header: header, col: col, open: open, comma: cr.Comma, prob: -1}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			out, probs = bad.add(out, probs, err, skipped, seen.Bytes())
			continue
		}
		bad.broken = 0 // a row the reader could read: the broken one ended before it
		line, _ := cr.FieldPos(0)
		line += skipped // the file's line, past a "sep=" line
		if len(rec) > len(header) {
			// Read by name, a row with a cell too many would give its
			// marks from the wrong columns (attack16 #1).
			if first, rest, ok := crJoined(rec, len(header)); ok {
				// Two rows joined by a line ended in CR alone, past
				// the start csvReader looked at (attack24 L3): the
				// marks of both are lost.
				probs = append(probs, quiz.Problem{File: name, Line: line, Msg: crJoinedMsg})
				out = lostRow(out, line, first, col, open, 0, "")
				out = lostRow(out, line, rest, col, open, 0, "\x00") // no id: the problem counts none of these
				continue
			}
			probs = append(probs, quiz.Problem{File: name, Line: line, Msg: longRow(len(rec), len(header), cr.Comma)})
			out = lostRow(out, line, rec, col, open, len(rec)-len(header), "")
			continue
		}
		if i := notUTF8(rec, read); i >= 0 {
			// A file saved in another encoding (a spreadsheet's plain
			// "CSV" on Windows is Windows-1252): its accented letters are
			// not the sheet's, so a comment would be refused as it is
			// written and an answer read as changed since grading.
			probs = append(probs, quiz.Problem{File: name, Line: line, Field: header[i], Msg: notUTF8Msg})
			out = lostRow(out, line, rec, col, open, 0, "")
			continue
		}
		out, probs = rowEntries(out, probs, name, line, rec, col, open, cr.Comma)
		if len(rec) < len(header) {
			cutMark(out[len(out)-countLine(out, line):], rec, len(header), col)
			probs = append(probs, noComment(out[len(out)-countLine(out, line):], name, rec, len(header), col)...)
			out = cutRow(out, line, rec, len(header), col, open)
		}
	}
	return out, probs
}

// brokenRows follows, through a CSV, the rows the reader could not read.
type brokenRows struct {
	name   string
	header []string
	col    map[string]int
	open   []string
	comma  rune
	broken int // the last line of a row that could not be read, as a lenient reader reads it
	lostTo int // the last line whose marks a broken row took in are counted
	first  int // the line the last broken row starts on
	prob   int // the index of its problem in probs, -1 when its marks carry its message
	src    csvText
}

// add gives the problem of a row the reader could not read (err), or adds
// its lines to the problem of the broken row they are the rest of, and
// appends to out an entry (Lost) for each mark of that row and of the rows
// it took in (takenIn), so each mark lost is counted and named at its line
// (attack24 L1). The problem itself is given only for a row with no mark to
// carry its message. data is the file as read so far; skipped, the lines
// before the reader's first.
func (b *brokenRows) add(out []Entry, probs []quiz.Problem, err error, skipped int, data []byte) ([]Entry, []quiz.Problem) {
	// The line the row starts on, as FieldPos gives it: a row that
	// fails in its first cell (x"y: a bare quote) has no field
	// to ask FieldPos about, which panicked (mark25).
	b.src.data = data
	t := &b.src
	start := fileLines(err, skipped)
	end := start
	if pe := (*csv.ParseError)(nil); errors.As(err, &pe) {
		end = pe.Line // the reader took in every line to here
	}
	if start <= b.broken {
		// The reader goes on at the line after the error, which may
		// be the rest of the broken row (a quoted cell it never
		// reached, over two lines): one problem, not a second
		// (attack19 L2, recheck26 L3, recheck26b).
		if b.prob >= 0 {
			p := &probs[b.prob]
			p.Msg += fmt.Sprintf("; line %d, after it, could not be read either", start)
		}
		// Only lines past the broken row, as a person reads it,
		// are rows of their own.
		var to int
		out, _, to = takenIn(out, t, max(b.broken, b.lostTo)+1, end, len(b.header), b.comma, b.col, b.open, b.first)
		b.lostTo = max(b.lostTo, end, to)
		b.broken = max(b.broken, to)
		return out, probs
	}
	before := len(out)
	// The broken row itself is read to its end as a person reads it: its
	// marks on the lines past the reader's error are lost as well.
	out, _, to := takenIn(out, t, start, end, len(b.header), b.comma, b.col, b.open, start)
	to = max(to, end)
	b.lostTo, b.first = to, start
	msg := err.Error()
	own := before // the broken row's own entries are out[before:own]
	for own < len(out) && out[own].Line == start {
		own++
	}
	if own < len(out) {
		msg = openQuote(t, start, out[own].Line, end, b.comma, b.header)
	}
	probs = append(probs, quiz.Problem{File: b.name, Line: start, Msg: msg})
	b.prob = len(probs) - 1
	if own > before {
		// The problem counts the row's first mark; its others are
		// named at the row's line, each counted (attack24 L1).
		for k := before + 1; k < own; k++ {
			out[k].Lost = withRow(start)
		}
		out = slices.Delete(out, before, before+1)
	}
	// The last row taken in may go on past the reader's error, a cell of
	// it over more lines: the rest of it is no row of its own.
	b.broken = to
	return out, probs
}

// crJoinedMsg says why a row holding two, joined by a line ended in CR
// alone, was not read.
const crJoinedMsg = "this line ends in a carriage return alone in the middle, where the file's other lines end in CRLF or LF: its line ends are mixed, so two rows were read as one, and nothing of them was read; end it as the others (or save the file again as \"CSV UTF-8\") and run again"

// crJoined splits rec, a row of more cells than the header (headers), in
// the two rows a line ended in CR alone joined: at the first cell holding
// a CR not before an LF, the first a whole row. ok is false when there is
// no such cell.
func crJoined(rec []string, headers int) (first, rest []string, ok bool) {
	for k, c := range rec {
		i := strings.IndexByte(c, '\r')
		if i < 0 || strings.HasPrefix(c[i:], "\r\n") || k+1 != headers || len(rec)-k > headers {
			continue
		}
		first = append(slices.Clone(rec[:k]), c[:i])
		rest = append([]string{c[i+1:]}, rec[k+1:]...)
		return first, rest, true
	}
	return nil, nil, false
}

// withRow says why a mark of a row refused whole, beside the one its
// problem counts, was not read.
func withRow(line int) string {
	return fmt.Sprintf("not read with the rest of its row (see the problem at line %d)", line)
}

// lostRow appends to out an entry (Lost) for each mark in rec, a row of
// which nothing was read, but the first, which the row's problem counts
// (not given to skip, when that problem names one): each mark lost is
// counted, and named at its line (attack24 L1). A row with extra cells
// (more than the header: extra) may have its marks shifted right, so a
// number in the cells up to extra past a mark's column is one too.
func lostRow(out []Entry, line int, rec []string, col map[string]int, open []string, extra int, skip string) []Entry {
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
	return out
}

// cutRow appends to out an entry (Cut) for each open question whose mark
// column a row of fewer cells than the header (rec) ends before: a mark
// written there was lost, and no message said so (attack23 L2).
func cutRow(out []Entry, line int, rec []string, headers int, col map[string]int, open []string) []Entry {
	for _, id := range open {
		if col[id] < len(rec) {
			continue
		}
		file, student := rowNames(rec, col)
		out = append(out, Entry{File: file, Student: student, ID: id, Line: line, Cut: true,
			Lost: fmt.Sprintf("this row has %d cells but the header has %d, so it ends before the column %s, and a mark written there was lost (was the row cut short?); fill in the row and run again", len(rec), headers, id)})
	}
	return out
}

// cutMark makes Lost (Cut) the mark of row (rec's entries) in rec's last
// cell when the row, of fewer cells than the header, ends there, before the
// mark's answer column, which grade's CSV fills in: the row was cut short,
// maybe in the mark itself (0.5 cut to 0), which was saved as cut
// (attack24's fuzz). ImportCSV counts it when the file holds an answer.
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
// (rec: its entries, row) saved with no comment because the row ends before
// its comment column, and before its answer's, which grade's CSV fills in:
// the row was cut short, and a comment written there was lost without a
// word (attack24 L2). A row ending after the answer may have had an empty
// comment dropped by a spreadsheet, and is not warned of.
func noComment(row []Entry, name string, rec []string, headers int, col map[string]int) []quiz.Problem {
	var probs []quiz.Problem
	for _, e := range row {
		ci, hasC := col[e.ID+commentSuffix]
		ai, hasA := col[e.ID+answerSuffix]
		if e.Lost != "" || !hasC || ci < len(rec) || hasA && ai < len(rec) {
			continue
		}
		probs = append(probs, quiz.Problem{File: name, Line: e.Line, Question: e.ID, Warning: true,
			Msg: fmt.Sprintf("this row has %d cells but the header has %d, so it ends before the column %s: the mark is saved with no comment, and a comment written there was lost (was the row cut short?); fill in the row and run again with --remark", len(rec), headers, e.ID+commentSuffix)})
	}
	return probs
}

// takenIn appends to out an entry (Lost) for each mark in the rows that
// start on the lines from to last of t, which the CSV reader took in as
// part of the broken row on line broken: an open quote ran over them. Those
// lines are read as a person reads them, as rows of their own (readRows);
// the rows that give a mark are the marks lost, which the broken row's one
// problem did not count (attack23 L2). It returns the lines the last of
// those rows starts and ends on (0 when there is none).
func takenIn(out []Entry, t *csvText, from, last, headers int, comma rune, col map[string]int, open []string, broken int) ([]Entry, int, int) {
	lastRow, lastEnd := 0, 0
	msg := fmt.Sprintf("not read: the row on line %d, a quote left open, took this row in (see line %d)", broken, broken)
	readRows(t, from, last, headers, comma, func(row lenientRow) {
		lastRow, lastEnd = row.line, row.end
		if len(row.cells) == 1 && row.cells[0] == "" && row.stray < 0 {
			return // an empty line, no row (as the CSV reader skips it)
		}
		for _, id := range open {
			// A row cut short (a quote left open at its line's end)
			// loses the marks past its end too, when the file holds
			// an answer (Cut, as cutRow).
			cut := col[id] >= len(row.cells) || row.open >= 0 && col[id] >= row.open
			if cellAt(row.cells, col[id]) != "" || cut {
				file, student := rowNames(row.cells, col)
				out = append(out, Entry{File: file, Student: student, ID: id, Line: row.line, Lost: msg, Cut: cut && cellAt(row.cells, col[id]) == ""})
			}
		}
	})
	return out, lastRow, lastEnd
}

// lookAhead is how many lines past the last a row read by readRows may
// go on for, a quoted cell over them, before it is taken for a quote left
// open.
const lookAhead = 100

// readRows gives fn each row of t (eachRow) that starts on the lines from
// to last, whole: a row goes on past last while a quoted cell of it does,
// and a quote not closed within lookAhead lines past last is read as its
// cell's text (readLenient).
func readRows(t *csvText, from, last, headers int, comma rune, fn func(lenientRow)) {
	for line := from; line <= last; {
		var row lenientRow
		got := false
		readLenient(t, line, last+lookAhead, comma, true, func(r lenientRow) bool { row, got = r, true; return false })
		if got && len(row.cells) != headers {
			// A quote inside a quoted cell ("a"b c" over lines) may be
			// the cell's text: so read, the row may be whole.
			var lazy lenientRow
			readQuotes(t, line, last+lookAhead, comma, true, true, func(r lenientRow) bool { lazy = r; return false })
			if len(lazy.cells) == headers {
				row = lazy
			}
		}
		if !got {
			return
		}
		fn(row)
		line = row.end + 1
	}
}

// lenientRow is a row as a person reads it (eachRow): the lines it starts
// and ends on, its cells (valid until the next row), and the cell whose
// quote is still open where the row was cut (-1 if none) with the line
// that quote opens on.
type lenientRow struct {
	line, end    int
	cells        []string
	open, opened int
	// stray is the cell whose opening quote was read as text, closed
	// only lines further in the middle of a cell (-1 if none), and
	// strayLine the line of that quote.
	stray, strayLine int
}

// cellEnds reports whether rest, what follows a closing quote, ends the
// cell there: a separator, a line end or the end of the text.
func cellEnds(rest []byte, comma rune) bool {
	if len(rest) == 0 || rest[0] == '\n' || rest[0] == '\r' {
		return true
	}
	r, _ := utf8.DecodeRune(rest)
	return r == comma
}

// eachRow reads the lines from to last of t as rows, as a person reads
// them, and gives each to fn until it returns false: a cell that starts
// with a quote runs to the quote that closes it ("" inside is a quote),
// over as many lines as it takes, and a closing quote followed by more
// text ("b"x.yaml) closes it all the same; a quote inside a cell that does
// not start with one is text (s2"x). A row still open at the end of line
// last ends there.
func eachRow(t *csvText, from, last int, comma rune, fn func(lenientRow) bool) {
	readLenient(t, from, last, comma, false, fn)
}

// readLenient is eachRow; with unclosed, a quote not closed by the end of
// line last (or of t) is read as text of its cell, as a quote opened in the
// middle of a cell is (stray).
func readLenient(t *csvText, from, last int, comma rune, unclosed bool, fn func(lenientRow) bool) {
	readQuotes(t, from, last, comma, unclosed, false, fn)
}

// readQuotes is readLenient; with lazy, a quote in a quoted cell not
// followed by the cell's end is the cell's text (a"b in "a"b c"), not the
// end of its quote.
func readQuotes(t *csvText, from, last int, comma rune, unclosed, lazy bool, fn func(lenientRow) bool) {
	off := t.lineStart(from)
	if off < 0 {
		return
	}
	data := t.data
	var cells []string
	var cur []byte
	line, start, opened, openedAt := from, from, 0, 0
	stray, strayLine := -1, 0
	cellStart, quoted := true, false
	endRow := func() bool {
		row := lenientRow{line: start, end: line, cells: append(cells, string(cur)), open: -1, stray: stray, strayLine: strayLine}
		if quoted {
			row.open, row.opened = len(cells), opened
		}
		cells, cur, cellStart, quoted, stray = row.cells[:0], cur[:0], true, false, -1
		return !fn(row) || line >= last
	}
	// asText reads the quote that opened the cell as its text, going on
	// from it, and gives the offset to go on at.
	asText := func() int {
		stray, strayLine = len(cells), opened
		cur, quoted, line, cellStart = append(cur[:0], '"'), false, opened, false
		return openedAt + 1
	}
	i := off
again:
	for i < len(data) {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case quoted && r == '"' && i+1 < len(data) && data[i+1] == '"':
			cur, size = append(cur, '"'), 2
		case quoted && r == '"' && !cellEnds(data[i+1:], comma) && lazy:
			cur = append(cur, '"')
		case quoted && r == '"' && !cellEnds(data[i+1:], comma):
			// A quote opened at a cell's start and closed in the
			// middle of a cell: the opening quote was the cell's text
			// ("ca-st05 in a comment, "st05 a row's first), not a
			// quoted cell; read on from it as a person does
			// (attack24 L1).
			i = asText()
			continue
		case quoted && r == '"':
			quoted = false
		case r == '\n' && quoted && line >= last && unclosed:
			i = asText()
			continue
		case r == '\n' && (!quoted || line >= last):
			cur = bytes.TrimSuffix(cur, []byte{'\r'})
			if endRow() {
				return
			}
			line++
			start = line
			i += size
			continue
		case r == '\n':
			cur = append(cur, '\n')
			line++
		case quoted:
			cur = append(cur, data[i:i+size]...)
		case r == comma:
			cells = append(cells, string(cur))
			cur, cellStart = cur[:0], true
			i += size
			continue
		case cellStart && r == '"':
			quoted, opened, openedAt = true, line, i
		default:
			cur = append(cur, data[i:i+size]...)
		}
		cellStart = false
		i += size
	}
	if quoted && unclosed {
		i = asText()
		goto again
	}
	if len(cells) > 0 || len(cur) > 0 || quoted {
		endRow()
	}
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

// openQuote says why the CSV reader read lines start to end as one row,
// taking in rows with marks from line taken on: a quoted cell left open at
// the end of line taken-1, named by its column and line.
func openQuote(t *csvText, start, taken, end int, comma rune, header []string) string {
	what := "a quoted cell"
	eachRow(t, start, taken-1, comma, func(row lenientRow) bool {
		cell := row.open
		if cell < 0 {
			cell, row.opened = row.stray, row.strayLine
		}
		switch {
		case cell < 0:
		case cell < len(header):
			what = fmt.Sprintf("the quote that opens the %s cell on line %d", strings.TrimSpace(text.CSVUnsafe(header[cell])), row.opened)
		default:
			what = fmt.Sprintf("the quote that opens cell %d on line %d", cell+1, row.opened)
		}
		return false
	})
	return fmt.Sprintf("lines %d to %d were read as one row: %s is not closed where the cell ends, so the rows after it were taken into the cell, and nothing of these lines was read; close the quote and run again", start, end, what)
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

// rowEnd is the last line of the row that starts on the file's line start
// in t, the file as read so far (0 when it has no such line): where a
// row the strict reader refused ends, read as a person reads it
// (eachRow). So the row goes on past its line only when a quoted cell
// is really left open at the line's end. (csv.Reader's LazyQuotes kept
// "r/s3"x.yaml open at its quote, and took the next row, broken too, for
// the rest of it: recheck26b L1.)
func rowEnd(t *csvText, start int, comma rune) int {
	if t.lineStart(start) < 0 {
		return 0
	}
	end := start
	eachRow(t, start, math.MaxInt, comma, func(row lenientRow) bool {
		end = row.end
		return false
	})
	return end
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
			return lostRow(out[:len(out)-countLine(out, line)], line, rec, col, open, 0, id), probs
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
