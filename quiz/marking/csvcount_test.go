package marking

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// countHeader is grade's CSV of two open questions, each mark beside its
// answer and comment.
const countHeader = "student,file,d/a,d/a:answer,d/a:comment,d/b,d/b:answer,d/b:comment\n"

// countRow is a row of countHeader's CSV giving both marks, its first
// answer over two lines.
func countRow(i int) string {
	return fmt.Sprintf("s%d,r/s%d.yaml,1,\"answer %d\nline2\",ca-s%d,0.5,answer,cb-s%d\n", i, i, i, i, i)
}

// attack24 L1: a row with one or three cells too many gives two marks,
// and lost both but counted one. Its problem counts one; the other is named
// at its line, by its question.
func TestReadCSVLongRowCountsEachMark(t *testing.T) {
	for _, extra := range []string{",x", ",x,y,z"} {
		row := strings.TrimSuffix(countRow(2), "\n") + extra + "\n"
		got, probs := ReadCSV("m.csv", strings.NewReader(countHeader+countRow(1)+row+countRow(3)))
		var lost []string
		read := 0
		for _, e := range got {
			if e.Lost != "" {
				lost = append(lost, fmt.Sprintf("%d %s", e.Line, e.ID))
			} else {
				read++
			}
		}
		if read != 4 || len(probs) != 1 || probs[0].Line != 4 || fmt.Sprint(lost) != "[4 d/b]" {
			t.Errorf("%q: %d read, lost %v, problems %v; want 4 read, d/b lost at line 4 and one problem there", extra, read, lost, probs)
		}
	}
}

// attack24 L1: a quote opened at the start of a cell in the middle of a
// row ("ca-s2, in the comment on the row's second line) was closed by the
// next row's answer: the reader read the two rows as one, lost their four
// marks, and counted two. The quote is read as the cell's text: the
// problem names the cell, the row's two marks are counted, and the next
// row is read (recheck29 R1).
func TestReadCSVQuoteOpenedMidRow(t *testing.T) {
	broken := strings.Replace(countRow(2), ",ca-s2", ",\"ca-s2", 1)
	got, probs := ReadCSV("m.csv", strings.NewReader(countHeader+countRow(1)+broken+countRow(3)+countRow(4)))
	var lost []string
	read := 0
	for _, e := range got {
		if e.Lost != "" {
			lost = append(lost, fmt.Sprintf("%d %s", e.Line, e.ID))
		} else {
			read++
		}
	}
	if len(probs) != 1 || probs[0].Line != 4 || !strings.Contains(probs[0].Msg, "the quote that opens the d/a:comment cell on line 5") {
		t.Errorf("problems %v, want one at line 4 naming the quote that opens the d/a:comment cell on line 5", probs)
	}
	if want := "[4 d/b]"; fmt.Sprint(lost) != want || read != 6 {
		t.Errorf("lost %v and %d read, want %s and 6 (rows 2, 6 and 8)", lost, read, want)
	}
}

// attack24 L1: in a CSV with rows broken at random, the marks read, those
// lost (counted as could not be used) and the problems add up to the marks
// in the file: none is lost without being counted, none counted twice.
func TestReadCSVBrokenRowsAddUp(t *testing.T) {
	breaks := []func(r *rand.Rand, row string) string{
		func(r *rand.Rand, row string) string {
			return strings.TrimSuffix(row, "\n") + strings.Repeat(",x", 1+r.IntN(3)) + "\n"
		},
		func(r *rand.Rand, row string) string { return strings.Replace(row, ",ca-", ",\"ca-", 1) },
		func(r *rand.Rand, row string) string { return strings.Replace(row, ",cb-", ",\"cb-", 1) },
		func(r *rand.Rand, row string) string { return strings.Replace(row, ",answer,", ",ans\"wer,", 1) },
		func(r *rand.Rand, row string) string { return "\"" + row },
		func(r *rand.Rand, row string) string { return strings.Replace(row, "s", "s\x00", 1) },
		func(r *rand.Rand, row string) string { return "\n" + row },
		func(r *rand.Rand, row string) string { return strings.Replace(row, "\n", "\r\n", -1) },
	}
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, 29))
		var b strings.Builder
		b.WriteString(countHeader)
		const rows = 12
		var how []int
		for i := range rows {
			row := countRow(i)
			if k := r.IntN(len(breaks) * 2); k < len(breaks) {
				row = breaks[k](r, row)
				how = append(how, i, k)
			}
			b.WriteString(row)
		}
		got, probs := ReadCSV("m.csv", strings.NewReader(b.String()))
		n := len(got)
		for _, p := range probs {
			if !p.Warning {
				n++
			}
		}
		if n != 2*rows {
			t.Errorf("seed %d (row, break: %v): %d marks counted, want %d; problems %v", seed, how, n, 2*rows, probs)
		}
	}
}

// attack24 L3: one row ending in CR alone in a CRLF (or LF) file refused
// the whole file as a spreadsheet's "CSV (Macintosh)", naming no line. The
// file is still refused (the two lines would be read as one), at that line,
// as a file whose line ends are mixed.
func TestReadCSVOneLineEndedByCR(t *testing.T) {
	for end, others := range map[string]string{"\r\n": "CRLF", "\n": "LF"} {
		rows := []string{"student,file,d/q:answer,d/q", "ana,a.yaml,x,1", "ben,b.yaml,y,1", "cem,c.yaml,z,1", "dan,d.yaml,w,1"}
		text := strings.Join(rows[:3], end) + "\r" + strings.Join(rows[3:], end) + end
		got, probs := ReadCSV("m.csv", strings.NewReader(text))
		if len(got) != 0 || len(probs) != 1 || probs[0].Line != 3 || !strings.Contains(probs[0].Msg, "other lines end in "+others) ||
			!strings.Contains(probs[0].Msg, "mixed") || strings.Contains(probs[0].Msg, "Macintosh") {
			t.Errorf("%q: read %+v, problems %v; want the file refused at line 3, naming its line ends mixed with %s", end, got, probs, others)
		}
	}
}

// attack24 L2: a row cut short after its last mark column (its answer and
// comment cells gone) saved the mark and dropped the comment without a
// word; so cut, the mark itself may be cut (0.5 to 0, in attack24's fuzz).
// The mark is not read (Lost, Cut: counted when the file holds an answer),
// named at its line; a mark whose row ends past it, but before its comment
// column, is read with a warning naming the comment column.
func TestReadCSVRowCutAfterItsMark(t *testing.T) {
	got, probs := ReadCSV("m.csv", strings.NewReader(countHeader+"s2,r/s2.yaml,1,answer,ca,0.5\n"))
	if len(got) != 2 || got[0].Lost != "" || got[1].ID != "d/b" || !got[1].Cut || !strings.Contains(got[1].Lost, "ends in the column d/b") || len(probs) != 0 {
		t.Errorf("read %+v, problems %v; want d/a read, d/b lost as cut", got, probs)
	}
	header := "student,file,d/a,d/a:answer,d/a:comment,d/b,note,d/b:answer,d/b:comment\n"
	got, probs = ReadCSV("m.csv", strings.NewReader(header+"s2,r/s2.yaml,1,answer,ca,0.5,n\ns3,r/s3.yaml,1,answer,ca,0.5,n,answer\n"))
	if len(got) != 4 || got[1].ID != "d/b" || got[1].Points != 0.5 || got[1].Lost != "" {
		t.Errorf("read %+v, want both rows' marks", got)
	}
	if len(probs) != 2 || !probs[0].Warning || probs[0].Line != 2 || probs[0].Question != "d/b" || !strings.Contains(probs[0].Msg, "d/b:comment") {
		t.Errorf("problems %v, want warnings at lines 2 and 3 naming d/b:comment", probs)
	}
}

// recheck29 R2: a row cut to 13 of its 14 cells, its answer whole and its
// last comment gone, saved the mark without the comment and said nothing.
// The mark is saved (its cell and answer are whole), with a warning at its
// line naming the comment column, as for a row ending before its answer.
func TestReadCSVRowCutBeforeItsLastComment(t *testing.T) {
	row := strings.TrimSuffix(countRow(2), ",cb-s2\n") + "\n"
	got, probs := ReadCSV("m.csv", strings.NewReader(countHeader+countRow(1)+row+countRow(3)))
	read := 0
	for _, e := range got {
		if e.Lost == "" {
			read++
		}
	}
	if read != 6 || len(got) != 6 {
		t.Errorf("read %d of %+v, want the 6 marks", read, got)
	}
	if len(probs) != 1 || !probs[0].Warning || probs[0].Line != 4 || probs[0].Question != "d/b" ||
		!strings.Contains(probs[0].Msg, "ends before the column d/b:comment: the mark is saved with no comment") {
		t.Errorf("problems %v, want one warning at line 4 naming d/b:comment", probs)
	}
}

// attack24 L3 and its fuzz: a line ended in CR alone past the start of the
// file csvReader looks at (after a comment of 70 KiB) joins two rows into
// one long one. Its problem names the line ends, and the marks of both rows
// are counted.
func TestReadCSVRowsJoinedByCR(t *testing.T) {
	huge := strings.Replace(countRow(1), "ca-s1", strings.Repeat("P", 70<<10), 1)
	joined := strings.TrimSuffix(countRow(2), "\n") + "\r" + countRow(3)
	got, probs := ReadCSV("m.csv", strings.NewReader(countHeader+huge+joined+countRow(4)))
	lost := 0
	for _, e := range got {
		if e.Lost != "" {
			lost++
		}
	}
	if len(probs) != 1 || probs[0].Line != 4 || !strings.Contains(probs[0].Msg, "carriage return alone") || lost != 3 || len(got) != 7 {
		t.Errorf("read %d, %d lost, problems %v; want rows 1 and 4 read, one problem at line 4 naming the CR and 3 marks lost", len(got)-lost, lost, probs)
	}
}

// recheck29 R1: a row cut inside its quoted answer (s2's, after "ans),
// then a row whose answer is quoted over two lines. The CSV reader closed
// the cut quote with the next row's, and lost both rows' four marks,
// counting two. The cut quote is read as the cell's text: s2's marks are
// counted (the problem one, the mark past the cut one), and s3's row is
// read, in LF and CRLF files.
func TestReadCSVRowCutInsideItsAnswer(t *testing.T) {
	for _, eol := range []string{"\n", "\r\n"} {
		lf := func(s string) string { return strings.ReplaceAll(s, "\n", eol) }
		cut := "s2,r/s2.yaml,1,\"ans\n"
		got, probs := ReadCSV("m.csv", strings.NewReader(lf(countHeader+countRow(1)+cut+countRow(3)+countRow(4))))
		var lost, read []string
		for _, e := range got {
			if e.Lost != "" {
				lost = append(lost, fmt.Sprintf("%d %s", e.Line, e.ID))
			} else {
				read = append(read, e.File+" "+e.ID)
			}
		}
		if len(probs) != 1 || probs[0].Line != 4 || probs[0].Warning || !strings.Contains(probs[0].Msg, "the quote that opens the d/a:answer cell on line 4 is not closed where the cell ends") {
			t.Errorf("%q: problems %v, want one at line 4 naming the d/a:answer cell's quote", eol, probs)
		}
		if fmt.Sprint(lost) != "[4 d/b]" || fmt.Sprint(read) != "[r/s1.yaml d/a r/s1.yaml d/b r/s3.yaml d/a r/s3.yaml d/b r/s4.yaml d/a r/s4.yaml d/b]" {
			t.Errorf("%q: lost %v, read %v; want s2's d/b lost (cut) and the rows of s1, s3 and s4 read", eol, lost, read)
		}
		if e := got[3]; e.File != "r/s3.yaml" || e.Answer != "answer 3\nline2" || e.Points != 1 {
			t.Errorf("%q: s3's first mark %+v", eol, e)
		}
	}
}
