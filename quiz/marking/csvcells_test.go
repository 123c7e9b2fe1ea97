package marking

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// attack16 #1: an unquoted decimal comma in a comma-separated CSV splits the
// mark cell, so the row has more cells than the header. Read by name, the
// row's marks were saved shifted (0 for 0,5, the 5 taken as the comment) or
// refused as an answer that "changed". The row is refused at its line.
func TestReadCSVRowLongerThanHeader(t *testing.T) {
	for _, in := range []string{
		// grade's column order: the 5 lands in :answer
		"student,file,d/q,d/q:answer,d/q:comment\nana,a.yaml,0,5,the answer,good\n",
		// another order: the 0 is read as the mark, silently
		"student,file,d/q:answer,d/q:comment,d/q\nana,a.yaml,the answer,good,0,5\n",
		// mark before comment: the 5 becomes the comment, "good" is lost
		"student,file,d/q:answer,d/q,d/q:comment\nana,a.yaml,the answer,0,5,good\n",
	} {
		got, probs := ReadCSV("m.csv", strings.NewReader(in))
		if len(got) != 0 {
			t.Errorf("%q: read %+v, want the row refused", in, got)
		}
		if len(probs) != 1 || probs[0].Line != 2 || !strings.Contains(probs[0].Error(), "m.csv:2:") ||
			!strings.Contains(probs[0].Error(), "decimal comma") || !strings.Contains(probs[0].Error(), "0.5") {
			t.Errorf("%q: problems %v, want one at line 2 naming a decimal comma", in, probs)
		}
	}
	// A quoted decimal comma, and a row shorter than the header (a
	// spreadsheet dropping empty cells at the end), are still read; the
	// row ending before its comment column is named, as its comment, if
	// any, was lost (recheck29 R2).
	got, probs := ReadCSV("m.csv", strings.NewReader("student,file,d/q:answer,d/q,d/q:comment\nana,a.yaml,the answer,\"0,5\",good\nben,b.yaml,his answer,1\n"))
	if len(probs) != 1 || !probs[0].Warning || probs[0].Line != 3 || len(got) != 2 || got[0].Points != 0.5 || got[0].Comment != "good" || got[1].Points != 1 {
		t.Errorf("got %+v %v", got, probs)
	}
}

// review-code25 #1: with the empty comment cell dropped at the end of the
// row, an unquoted "0,5" leaves the row as long as the header, and was
// saved as 0 with the comment "5". It is refused at its line as a decimal
// comma. (In grade's order the "5" lands in the answer column, where an
// answer may be digits alone: ImportCSV refuses it as a changed answer.)
func TestReadCSVDecimalCommaInShortRow(t *testing.T) {
	for _, in := range []string{
		"student,file,open/essay:answer,open/essay,open/essay:comment\nAna,r/ana.yaml,\"A union of republics, 1922 to 1991.\",0,5\n",
		// the comment column before the answer's
		"student,file,open/essay,open/essay:comment,open/essay:answer\nAna,r/ana.yaml,0,5,\"A union of republics, 1922 to 1991.\"\n",
	} {
		got, probs := ReadCSV("m.csv", strings.NewReader(in))
		if len(got) != 0 {
			t.Errorf("%q: read %+v, want the row refused", in, got)
		}
		if len(probs) != 1 || probs[0].Line != 2 || !strings.Contains(probs[0].Error(), "decimal comma") ||
			strings.Contains(probs[0].Error(), "changed") {
			t.Errorf("%q: problems %v, want one at line 2 naming a decimal comma", in, probs)
		}
	}
	// Not a split: a comment that only starts with a digit under a ;
	// header, an answer starting with a year after a whole mark, and a
	// half written with a point.
	for _, in := range []string{
		"student;file;d/q:answer;d/q;d/q:comment\nana;a.yaml;the answer;1;5 stars\n",
		"student,file,d/q,d/q:answer,d/q:comment\nana,a.yaml,1,\"1991, when it ended\",ok\n",
		"student,file,d/q:answer,d/q,d/q:comment\nana,a.yaml,the answer,1,5 stars\n",
		"student,file,d/q:answer,d/q,d/q:comment\nana,a.yaml,the answer,0.5,5\n",
		// grade's order: an answer of digits alone after a whole mark (a
		// fraction shifted there is refused by ImportCSV as a changed answer)
		"student,file,d/q,d/q:answer,d/q:comment\nana,a.yaml,1,2\n",
	} {
		got, probs := ReadCSV("m.csv", strings.NewReader(in))
		if len(probs) != 0 && (len(probs) != 1 || !probs[0].Warning || !strings.Contains(probs[0].Msg, "d/q:comment")) || len(got) != 1 {
			t.Errorf("%q: got %+v %v, want it read", in, got, probs)
		}
	}
}

func TestMoreNumber(t *testing.T) {
	for s, want := range map[string]bool{",5": true, ".5": true, "5": true, "5 stars": true, "good": false, "": false} {
		if MoreNumber(s) != want {
			t.Errorf("MoreNumber(%q) = %v", s, !want)
		}
	}
}

// In grade's CSV the column after an open question's mark may be another
// question's number: a whole mark there is read, not taken for a split.
func TestReadCSVWholeMarkBeforeAnotherNumber(t *testing.T) {
	in := "student,file,d/q,d/r,d/q:answer,d/r:answer\nana,a.yaml,1,2,an answer,another\n"
	got, probs := ReadCSV("m.csv", strings.NewReader(in))
	if len(probs) != 0 || len(got) != 2 || got[0].Points != 1 || got[1].Points != 2 {
		t.Errorf("got %+v %v", got, probs)
	}
}

// A row that fails in its first cell (a bare quote: x"y) is a problem at its
// line, and the others are read: it panicked (FieldPos of a row with no
// field). Lines are the file's, also past Excel's "sep=;" first line, which
// the lines of rows and of CSV errors missed by one.
func TestReadCSVRowFailingInItsFirstCell(t *testing.T) {
	for _, c := range []struct {
		name, in string
		first    int // the file's line of the header
	}{
		{"plain", "file;b/e1;b/e1:answer\nx\"y;1;z\na.yaml;abc;z\nb.yaml;1;z\n", 1},
		{"sep= line", "sep=;\nfile;b/e1;b/e1:answer\nx\"y;1;z\na.yaml;abc;z\nb.yaml;1;z\n", 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, probs := ReadCSV("m.csv", strings.NewReader(c.in))
			if len(got) != 1 || got[0].File != "b.yaml" || got[0].Line != c.first+3 {
				t.Errorf("entries %+v, want b.yaml's at line %d", got, c.first+3)
			}
			want := []string{
				fmt.Sprintf("m.csv:%d: parse error on line %d, column 2: bare \" in non-quoted-field", c.first+1, c.first+1),
				fmt.Sprintf("m.csv:%d: question \"b/e1\": \"abc\" is not a number of points", c.first+2),
			}
			if len(probs) != 2 || probs[0].Error() != want[0] || !strings.HasPrefix(probs[1].Error(), want[1]) {
				t.Errorf("problems %q, want %q", probs, want)
			}
		})
	}
	// The header's own error and a CSV with no file column name the header's line.
	for in, want := range map[string]string{
		"sep=;\nfi\"le;b/e1\n":              "m.csv:2: not a CSV with a header row: parse error on line 2, column 3: bare \" in non-quoted-field",
		"sep=;\nstudent;b/e1;b/e1:answer\n": "m.csv:2: file: no file column",
	} {
		if _, probs := ReadCSV("m.csv", strings.NewReader(in)); len(probs) != 1 || !strings.HasPrefix(probs[0].Error(), want) {
			t.Errorf("%q: %q, want %q", in, probs, want)
		}
	}
}

// A row that breaks in its first cell while a later cell of it is quoted
// over two lines: the reader goes on at the next line, the rest of that
// cell, and fails there too. That is one row that could not be read, one
// problem naming both lines, and the rows after it are read (attack19 L2:
// two problems, "2 marks could not be used" for one row).
func TestReadCSVRowBrokenOverTwoLines(t *testing.T) {
	in := "file,b/e1,b/e1:answer,b/e1:comment\n" +
		"a.yaml,1,z,ok\n" +
		"\"b\"x.yaml,1,z,\"two\n" +
		"lines\"\n" +
		"c.yaml,0.5,z,fine\n"
	got, probs := ReadCSV("m.csv", strings.NewReader(in))
	if len(got) != 2 || got[0].File != "a.yaml" || got[1].File != "c.yaml" || got[1].Line != 5 {
		t.Errorf("entries %+v, want a.yaml's and c.yaml's (line 5)", got)
	}
	want := "m.csv:3: parse error on line 3, column 3: extraneous or missing \" in quoted-field; line 4, after it, could not be read either"
	if len(probs) != 1 || probs[0].Error() != want {
		t.Errorf("problems %q, want one: %q", probs, want)
	}
	// Two broken rows apart are two problems, and so are two rows side by
	// side that each break on a bare quote (recheck26 L3).
	in = "file,b/e1,b/e1:answer\n\"a\"x,1,z\nb.yaml,1,z\n\"c\"x,1,z\n"
	if _, probs := ReadCSV("m.csv", strings.NewReader(in)); len(probs) != 2 || probs[0].Line != 2 || probs[1].Line != 4 {
		t.Errorf("two broken rows apart: %q, want two problems, lines 2 and 4", probs)
	}
	// A bare quote in a row's first cell, then a quoted cell over two lines:
	// one problem (recheck26b: the rest of the cell came back as a second).
	in = "file,b/e1,b/e1:answer,b/e1:comment\ns2\"x,1,z,\"broken\nover two\"\nc.yaml,1,z,ok\n"
	if got, probs := ReadCSV("m.csv", strings.NewReader(in)); len(probs) != 1 || probs[0].Line != 2 || !strings.HasSuffix(probs[0].Msg, "line 3, after it, could not be read either") || len(got) != 1 {
		t.Errorf("a bare quote, then a cell over two lines: %q (%d read), want one problem at line 2 naming line 3, and c.yaml read", probs, len(got))
	}
	in = "file,b/e1,b/e1:answer\ns4\"y,1,z\ns5\"z,1,z\nc.yaml,1,z\n"
	if got, probs := ReadCSV("m.csv", strings.NewReader(in)); len(probs) != 2 || probs[0].Line != 2 || probs[1].Line != 3 || len(got) != 1 {
		t.Errorf("two bare-quote rows side by side: %q (%d read), want two problems, lines 2 and 3, and c.yaml read", probs, len(got))
	}
	// A quoted cell closed by a quote with text after it ("r/s3"x.yaml),
	// then a row of its own with a bare quote: two rows, two problems; the
	// first leaves no quote open at its line's end (recheck26b L1: the
	// second was taken for the rest of the first, and its mark not counted).
	// The same closed cell before a cell really left open is one row.
	for _, c := range []struct {
		in    string
		lines []int
	}{
		{"s3,\"r/s3\"x.yaml,a,1,bad\ns4\"z,r/s4.yaml,a,1,bad too\nc,c.yaml,a,1,ok\n", []int{2, 3}},
		{"s3,\"r/s3\"x.yaml,a,1,\"open\nrest\"\ns4\"z,r/s4.yaml,a,1,bad too\nc,c.yaml,a,1,ok\n", []int{2, 4}},
		{"s3,\"say \"\"hi\"\"\"x,a,1,\"a,\nb\"\nc,c.yaml,a,1,ok\n", []int{2}},
		{"s3;\"r/s3\"x.yaml;a;1;bad\ns4\"z;r/s4.yaml;a;1;bad too\nc;c.yaml;a;1;ok\n", []int{2, 3}},
	} {
		head := "student,file,b/e1:answer,b/e1,b/e1:comment\n"
		if strings.Contains(c.in, ";") {
			head = strings.ReplaceAll(head, ",", ";")
		}
		got, probs := ReadCSV("m.csv", strings.NewReader(head+c.in))
		var lines []int
		for _, p := range probs {
			lines = append(lines, p.Line)
		}
		if !slices.Equal(lines, c.lines) || len(got) != 1 || got[0].File != "c.yaml" {
			t.Errorf("%q: problems %q at lines %v, want lines %v; read %+v, want c.yaml's", c.in, probs, lines, c.lines, got)
		}
	}
}

// recheck26b L4: a CSV saved as a spreadsheet's plain "CSV" on Windows is
// Windows-1252. A row with an accented letter was refused in yaml's words
// ("cannot marshal invalid UTF-8") when the letter was in a comment, and
// read as an answer changed since grading when it was in an answer. The
// row is refused at its line and column, naming the encoding; a row of
// plain ASCII in the same file is still read.
func TestReadCSVRowNotUTF8(t *testing.T) {
	in := "student,file,d/q:answer,d/q,d/q:comment\n" +
		"ana,a.yaml,the answer,1,Tr\xe8s bien\n" + // è in Windows-1252
		"ben,b.yaml,his answer,0.5,ok\n" +
		"cem,c.yaml,caf\xe9,1,\n" // an answer with é
	got, probs := ReadCSV("m.csv", strings.NewReader(in))
	if len(got) != 1 || got[0].Points != 0.5 || got[0].Comment != "ok" {
		t.Errorf("read %+v, want only ben's row", got)
	}
	if len(probs) != 2 {
		t.Fatalf("problems %v, want two", probs)
	}
	for i, want := range []string{`m.csv:2: d/q:comment: not UTF-8 text`, `m.csv:4: d/q:answer: not UTF-8 text`} {
		if msg := probs[i].Error(); !strings.HasPrefix(msg, want) || !strings.Contains(msg, `save it as "CSV UTF-8"`) {
			t.Errorf("problem %d: %q, want it to start %q and say how to save it", i, msg, want)
		}
	}
	// A column of the teacher's own is not read: its text costs the row
	// nothing (recheck27 L1).
	got, probs = ReadCSV("m.csv", strings.NewReader("student,file,note,d/q:answer,d/q\nana,a.yaml,d\xe9j\xe0 vu,the answer,1\n"))
	if len(probs) != 0 || len(got) != 1 || got[0].Points != 1 {
		t.Errorf("a note not in UTF-8: read %+v, problems %v; want the mark read", got, probs)
	}
}

// An older CSV's column essay beside a newer one's ob/essay: both would be
// the one question of a sheet of bank ob, given two marks. The id-alone
// column is not read, with a problem at the header naming both; an id alone
// with no bank/id beside it is read as before.
func TestReadCSVOldAndNewColumnOfOneQuestion(t *testing.T) {
	in := "student,file,essay:answer,essay,ob/essay:answer,ob/essay,other:answer,other\n" +
		"ana,a.yaml,the answer,1,the answer,0.5,x,2\n"
	got, probs := ReadCSV("m.csv", strings.NewReader(in))
	if len(probs) != 1 || probs[0].Line != 1 || !strings.Contains(probs[0].Msg, "the columns essay (an older CSV's) and ob/essay may name one question") {
		t.Errorf("problems %v, want one at the header naming essay and ob/essay", probs)
	}
	var ids []string
	for _, e := range got {
		ids = append(ids, fmt.Sprintf("%s=%g", e.ID, e.Points))
	}
	if strings.Join(ids, " ") != "ob/essay=0.5 other=2" {
		t.Errorf("read %v, want ob/essay=0.5 other=2", ids)
	}
}

// A CSV saved as UTF-16 (Excel's "Unicode Text") was "no file column": it
// is named as UTF-16, with what to do, in either byte order (recheck27).
func TestReadCSVInUTF16(t *testing.T) {
	utf16 := func(s string, big bool) string {
		var b strings.Builder
		for _, r := range "\ufeff" + s { // ASCII and the mark: one unit each
			if big {
				b.WriteByte(byte(r >> 8))
				b.WriteByte(byte(r))
			} else {
				b.WriteByte(byte(r))
				b.WriteByte(byte(r >> 8))
			}
		}
		return b.String()
	}
	for _, big := range []bool{false, true} {
		got, probs := ReadCSV("m.csv", strings.NewReader(utf16("student,file,d/q:answer,d/q\nana,a.yaml,the answer,1\n", big)))
		if len(got) != 0 || len(probs) != 1 || !strings.HasPrefix(probs[0].Error(), `m.csv:1: the file is UTF-16 text`) || !strings.Contains(probs[0].Error(), `save it as "CSV UTF-8"`) {
			t.Errorf("big-endian %v: read %+v, problems %v", big, got, probs)
		}
	}
}

// A CSV whose lines end in CR alone (Mac Excel's "CSV (Macintosh)") was read
// as one line: no mark saved, and none said to be missing, exit 0 (attack23
// L2). It is named, with what to do; CRLF and a CR inside a quoted cell of
// an LF file still read.
func TestReadCSVLinesEndedByCR(t *testing.T) {
	rows := "student,file,d/q:answer,d/q\nana,a.yaml,the answer,1\n"
	for name, text := range map[string]string{
		"CR alone": strings.ReplaceAll(rows, "\n", "\r"),
		// Rows ended by CR, a line break inside a cell by LF (recheck28d M1).
		"CR rows, LF in a cell": "student,file,d/q:answer,d/q\rana,a.yaml,\"two\nlines\",1\r",
		"CRLF header, CR rows":  "student,file,d/q:answer,d/q\r\nana,a.yaml,the answer,1\rbo,b.yaml,x,1\r",
	} {
		got, probs := ReadCSV("m.csv", strings.NewReader(text))
		if len(got) != 0 || len(probs) != 1 || !strings.HasPrefix(probs[0].Error(), `m.csv:1: the file's lines end in a carriage return alone`) || !strings.Contains(probs[0].Error(), `save it as "CSV UTF-8"`) {
			t.Errorf("%s: read %+v, problems %v", name, got, probs)
		}
	}
	for name, text := range map[string]string{
		"CRLF":           strings.ReplaceAll(rows, "\n", "\r\n"),
		"a CR in a cell": "student,file,d/q:answer,d/q\nana,a.yaml,\"the\ranswer\",1\n",
		"CRLF in a cell": "student,file,d/q:answer,d/q\r\nbo,b.yaml,\"two\r\nlines\",1\r\n",
	} {
		if got, probs := ReadCSV("m.csv", strings.NewReader(text)); len(got) != 1 || len(probs) != 0 {
			t.Errorf("%s: read %+v, problems %v", name, got, probs)
		}
	}
}

// With two banks' columns of the id beside the older one, the problem
// names both, not only the first (recheck27 L2).
func TestReadCSVOldColumnBesideTwoBanks(t *testing.T) {
	in := "student,file,essay:answer,essay,ob/essay:answer,ob/essay,open/essay:answer,open/essay\nana,a.yaml,a,1,a,0.5,a,1\n"
	_, probs := ReadCSV("m.csv", strings.NewReader(in))
	if len(probs) != 1 || !strings.Contains(probs[0].Msg, "the columns essay (an older CSV's) and ob/essay or open/essay may name one question") {
		t.Errorf("problems %v, want one naming ob/essay or open/essay", probs)
	}
}

// recheck28d L1: a spreadsheet may write a cell's line breaks as CR alone
// (or CRLF) in a file whose rows end in LF or CRLF. grade's CSV never holds
// a CR as it is (CSVSafe shows it as \r), so such a cell is the answer
// with other line ends, not an answer "changed after this CSV was written".
func TestSameAnswerAcrossLineEnds(t *testing.T) {
	for _, c := range []struct {
		cell, answer string
		same         bool
	}{
		{"two,\nlines.", "two,\nlines.", true},
		{"two,\rlines.", "two,\nlines.", true},
		{"two,\r\nlines.", "two,\nlines.", true},
		{"two,\rlines.", "two,\r\nlines.", true},
		{"one\r\rtwo", "one\n\ntwo", true},
		// an answer written with CRLF, shown by grade as \x0d then LF,
		// its LF turned into a CR by the spreadsheet
		{`two,\x0d` + "\rlines.", "two,\r\nlines.", true},
		{"two,\rlines.", "two, lines.", false},
		{"two,\rlines.", "two,\n\nlines.", false},
		{"two lines.", "two,\nlines.", false},
	} {
		if got := SameAnswer(c.cell, c.answer); got != c.same {
			t.Errorf("SameAnswer(%q, %q) = %v, want %v", c.cell, c.answer, got, c.same)
		}
	}
}

// attack23 L2: a quote left open (never closed, or closed only by a later
// row's quoted cell) makes the CSV reader take the rows after it into its
// cell. The broken row is one problem, naming the cell whose quote is open
// and how to fix it; its quote is read as the cell's text, so the rows the
// reader took in are told apart and read (recheck29 R1: they were lost,
// each counted).
func TestReadCSVQuoteLeftOpen(t *testing.T) {
	head := "student,file,d/q,d/q:answer,d/q:comment\n"
	for _, c := range []struct {
		name, rows string
		probs      []string // the problems' beginnings
		lost       []int    // the lines of the marks taken in
		read       []int    // the lines of the marks read
	}{
		{"never closed", "a,a.yaml,1,ok,\nb,b.yaml,1,\"open,\nc,c.yaml,1,fine,\nd,d.yaml,,not marked,\ne,e.yaml,0.5,fine,\n",
			[]string{"m.csv:3: the quote that opens the d/q:answer cell on line 3 is not closed where the cell ends (the file ends before it is closed)"}, nil, []int{2, 4, 6}},
		{"closed by a later cell", "a,a.yaml,1,ok,\nb,b.yaml,1,\"open,\nc,c.yaml,1,fine,\nd,d.yaml,1,\"a, b\",\ne,e.yaml,0.5,fine,\n",
			[]string{"m.csv:3: the quote that opens the d/q:answer cell on line 3 is not closed where the cell ends (the next quote, on line 5, is not at a cell's end)"}, nil, []int{2, 4, 5, 6}},
		{"a CRLF file", "a,a.yaml,1,ok,\r\nb,b.yaml,1,\"open,\r\nc,c.yaml,1,fine,\r\n",
			[]string{"m.csv:3: the quote that opens the d/q:answer cell on line 3"}, nil, []int{2, 4}},
		// The next row has a cell over two lines, whose quote closed the
		// open one: it is read whole; line 6 breaks on its own (its mark
		// lost, counted by its problem); line 7 is read.
		{"a row over two lines taken in", "a,a.yaml,1,ok,\nb,b.yaml,1,\"open,\nc,c.yaml,1,\"two\nlines\",\nd,d.yaml,1,\"a\"x,\ne,e.yaml,0.5,fine,\n",
			[]string{"m.csv:3: the quote that opens the d/q:answer cell on line 3 is not closed where the cell ends (the next quote, on line 4,", "m.csv:6: parse error on line 6, column 14: extraneous or missing \" in quoted-field"}, nil, []int{2, 4, 7}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, probs := ReadCSV("m.csv", strings.NewReader(head+c.rows))
			var lost, read []int
			for _, e := range got {
				if e.Lost != "" {
					lost = append(lost, e.Line)
					if !strings.Contains(e.Lost, "the row on line 3") || e.Points != 0 || e.ID != "d/q" {
						t.Errorf("lost entry %+v", e)
					}
				} else {
					read = append(read, e.Line)
				}
			}
			ok := len(probs) == len(c.probs) && strings.Contains(probs[0].Msg, "close the quote")
			for i := range probs {
				ok = ok && i < len(c.probs) && strings.HasPrefix(probs[i].Error(), c.probs[i])
			}
			if !ok {
				t.Errorf("problems %q, want %q", probs, c.probs)
			}
			if !slices.Equal(lost, c.lost) || !slices.Equal(read, c.read) {
				t.Errorf("lost at lines %v, read at %v; want %v and %v (%+v)", lost, read, c.lost, c.read, got)
			}
		})
	}
}

// recheck28d L3: a CSV of its header alone reads alike whatever ends its
// line: a CR last in the file ends nothing after it, so it is no sign of
// a "CSV (Macintosh)" file (it was refused, exit 2, while LF gave exit 0).
// A CR followed by a line is still refused (TestReadCSVLinesEndedByCR).
func TestReadCSVHeaderAloneAnyLineEnd(t *testing.T) {
	for _, end := range []string{"", "\n", "\r\n", "\r"} {
		if got, probs := ReadCSV("m.csv", strings.NewReader("student,file,d/q:answer,d/q"+end)); len(got) != 0 || len(probs) != 0 {
			t.Errorf("header ended by %q: read %+v, problems %v", end, got, probs)
		}
	}
}
