package marking

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// randomMarks is one student's row of a marks CSV of two open questions,
// each answer over two lines, as grade writes it and a teacher fills it in.
type randomMarks struct {
	file, student string
	points        [2]float64
	answers       [2]string
}

// row is the CSV row of m, lines ended by eol (the answer's own line break
// too, sometimes, as a spreadsheet on Windows writes it).
func (m randomMarks) row(eol string, r *rand.Rand) string {
	inCell := "\n"
	if eol == "\r\n" && r.IntN(2) == 0 {
		inCell = "\r\n"
	}
	return fmt.Sprintf("%s,%s,0,%s,\"%s\",ca-%s,%s,%s,cb-%s%s", m.student, m.file,
		points(m.points[0]), strings.ReplaceAll(m.answers[0], "\n", inCell), m.student,
		points(m.points[1]), m.answers[1], m.student, eol)
}

func points(p float64) string { return fmt.Sprint(p) }

// recheck29 R1 and attack24 L1: a marks CSV of 12 rows, each giving two
// marks, with rows broken at random: cut at any byte, a quote put in at any
// byte or before the row, the row ended by a CR alone (past the first
// 64 KiB, after a long comment, and within them), a cell too many, an empty
// line before it, a NUL; in LF and CRLF files. Every mark the file holds is
// read or counted as lost: the entries ReadCSV gives (each is saved, or
// could not be used and is named) and its problems that are not warnings
// (each counts one mark) add up to the file's 24. And no mark is saved
// with a wrong value: an entry read whose file, student and answer are the
// row's own, as ImportCSV checks them, has the row's points. A file
// refused whole (a CR alone within the part csvReader looks at) is one
// problem, with nothing read. It was 19 of recheck29's 200 files: a row cut
// inside its quoted answer lost the next row's marks, and counted two.
func TestReadCSVBrokenAtRandomAddsUp(t *testing.T) {
	const rows = 12
	header := "student,file,score,d/a,d/a:answer,d/a:comment,d/b,d/b:answer,d/b:comment"
	breaks := []struct {
		name string
		do   func(r *rand.Rand, row, eol string) string
	}{
		{"cut", func(r *rand.Rand, row, eol string) string { return row[:1+r.IntN(len(row)-1)] + eol }},
		{"quote", func(r *rand.Rand, row, eol string) string { i := r.IntN(len(row)); return row[:i] + `"` + row[i:] }},
		{"quote first", func(r *rand.Rand, row, eol string) string { return `"` + row }},
		{"CR alone", func(r *rand.Rand, row, eol string) string { return strings.TrimSuffix(row, eol) + "\r" }},
		{"extra cell", func(r *rand.Rand, row, eol string) string { return strings.TrimSuffix(row, eol) + ",x" + eol }},
		{"empty line", func(r *rand.Rand, row, eol string) string { return eol + row }},
		{"NUL", func(r *rand.Rand, row, eol string) string { i := r.IntN(len(row)); return row[:i] + "\x00" + row[i:] }},
	}
	refused := 0
	for seed := range uint64(400) {
		r := rand.New(rand.NewPCG(seed, 30))
		eol := []string{"\n", "\r\n"}[r.IntN(2)]
		var b strings.Builder
		b.WriteString(header + eol)
		want := map[string]randomMarks{}
		var how []string
		for i := range rows {
			m := randomMarks{file: fmt.Sprintf("r/s%02d.yaml", i), student: fmt.Sprintf("s%02d", i),
				points:  [2]float64{float64(r.IntN(5)) / 2, float64(r.IntN(5)) / 2},
				answers: [2]string{fmt.Sprintf("answer %d\nline two", i), fmt.Sprintf("answer %d one", i)}}
			want[m.file] = m
			row := m.row(eol, r)
			if i == 0 && seed%2 == 0 {
				// A long comment: the rows after it are past the part
				// of the file csvReader looks at for line ends.
				row = strings.Replace(row, ",cb-", ","+strings.Repeat("P", 70<<10)+"cb-", 1)
			}
			if k := r.IntN(len(breaks) * 3); k < len(breaks) && (i > 0 || seed%2 == 1) {
				row = breaks[k].do(r, row, eol)
				how = append(how, fmt.Sprintf("%d %s", i, breaks[k].name))
			}
			b.WriteString(row)
		}
		got, probs := ReadCSV("m.csv", strings.NewReader(b.String()))
		if len(got) == 0 && len(probs) == 1 && strings.Contains(probs[0].Msg, "carriage return alone") {
			refused++
			continue
		}
		n := len(got)
		for _, p := range probs {
			if !p.Warning {
				n++
			}
		}
		if n != 2*rows {
			t.Errorf("seed %d (%s, %v): %d marks read or counted, want %d; problems %v", seed, eolName(eol), how, n, 2*rows, probs)
		}
		for _, e := range got {
			m, ok := want[e.File]
			if e.Lost != "" || !ok || e.Student != m.student {
				continue
			}
			q := map[string]int{"d/a": 0, "d/b": 1}[e.ID]
			if (e.Answer == "" || SameAnswer(e.Answer, m.answers[q])) && e.Points != m.points[q] {
				t.Errorf("seed %d (%s, %v): line %d gives %s %s %v points, want %v", seed, eolName(eol), how, e.Line, e.File, e.ID, e.Points, m.points[q])
			}
		}
	}
	if refused > 100 {
		t.Errorf("%d of 400 files refused whole: too few read to test", refused)
	}
}

func eolName(eol string) string {
	if eol == "\n" {
		return "LF"
	}
	return "CRLF"
}
