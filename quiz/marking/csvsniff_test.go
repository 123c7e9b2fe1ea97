package marking

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/cost"
)

// A marks CSV read from its file, through a buffer of the file's size,
// reads as it does through the 64 KiB one a stream gets (a reader with no
// size): the same separator, entries and problems, for CSVs of every
// dialect, hostile ones (a header quoted across lines, no newline, a quote
// never closed, a separator only past the first line) and sizes about the
// buffer's (under 16 bytes, 64 KiB and a byte either side, more).
func TestReadCSVFromAFileAsFromAStream(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(13, 25))
	cells := []string{"", "1", "0,5", "1.5", "\"0,5\"", "text", "\"a, b\"", "\"two\nlines\"", "\"say \"\"hi\"\"\"", "a;b", "x\ty", "\"", "é", "\ufeff", "sep=;", "2,5", "-1", "\r"}
	heads := []string{"file", "student", "b/e1", "b/e1:answer", "b/e1:comment", "e2", "e2:answer", "e2:comment", "\"b/e3\"", "b/e3:answer", "\"two\nline head\""}
	var inputs []string
	for range 400 {
		sep := []string{",", ";", "\t", ", "}[rng.IntN(4)]
		nl := []string{"\n", "\r\n", "\r"}[rng.IntN(3)]
		var b strings.Builder
		if rng.IntN(6) == 0 {
			b.WriteString("\ufeff")
		}
		if rng.IntN(6) == 0 {
			b.WriteString("sep=" + sep + nl)
		}
		var hs []string
		for range 1 + rng.IntN(9) {
			hs = append(hs, heads[rng.IntN(len(heads))])
		}
		b.WriteString(strings.Join(hs, sep) + nl)
		for range rng.IntN(6) {
			var cs []string
			for range 1 + rng.IntN(len(hs)+2) {
				cs = append(cs, cells[rng.IntN(len(cells))])
			}
			b.WriteString(strings.Join(cs, sep) + nl)
		}
		s := b.String()
		if rng.IntN(4) == 0 {
			s = s[:rng.IntN(len(s)+1)] // cut anywhere
		}
		inputs = append(inputs, s)
	}
	row := "Ana;a.json;1;0,5;\"a long answer; " + strings.Repeat("x", 90) + "\";good\r\n"
	head := "student;file;score;b/e1;b/e1:answer;b/e1:comment\r\n"
	for _, n := range []int{64<<10 - 1, 64 << 10, 64<<10 + 1, 200 << 10} {
		s := head + strings.Repeat(row, n/len(row)+1)
		inputs = append(inputs, s[:n])
	}
	// A header line longer than the buffer, its separator only after it.
	inputs = append(inputs, "file"+strings.Repeat(",", 70<<10)+"\nx;y;z\n", "\"file\n"+strings.Repeat("a", 70<<10)+"\";b/e1;b/e1:answer\n")
	inputs = append(inputs, "", "f", "file,b/e1,b/e1:answer", "file;b/e1;b/e1:answer\na;1;x")
	for i, in := range inputs {
		name := filepath.Join(dir, "marks.csv")
		if err := os.WriteFile(name, []byte(in), 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		got, gotProbs := ReadCSV("marks.csv", f)
		f.Close()
		want, wantProbs := ReadCSV("marks.csv", bytes.NewReader([]byte(in)))
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotProbs, wantProbs) {
			t.Errorf("input %d (%d bytes, %.60q): from the file %+v %v, from a stream %+v %v", i, len(in), in, got, gotProbs, want, wantProbs)
		}
	}
}

// FuzzReadCSV: any bytes read as a marks CSV give problems and entries, never
// a panic (a row refused in its first cell panicked), with lines in the
// file, and read the same from a regular file of their size (sniffSize's
// buffer) as from a stream.
func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{
		"file,student,b/e1,b/e1:answer,b/e1:comment\na.yaml,Ana,1,x,ok\n",
		"sep=;\r\nfile;b/e1;b/e1:answer\r\nx\"y;1;z\r\n",
		"\ufefffile\tb/e1\tb/e1:answer\n\"a\nb\"\t0,5\t\"",
		"file,e1,e1:answer,e1\n,1,,2\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		want, wantProbs := ReadCSV("m.csv", bytes.NewReader(data))
		lines := bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) + 1
		for _, p := range wantProbs {
			if p.Line < 0 || p.Line > lines+1 { // +1: the header a "sep=" line promised, missing
				t.Errorf("problem at line %d of %d: %v", p.Line, lines, p)
			}
		}
		for _, e := range want {
			if e.Line < 2 || e.Line > lines {
				t.Errorf("entry at line %d of %d: %+v", e.Line, lines, e)
			}
		}
		got, gotProbs := ReadCSV("m.csv", regularFile{bytes.NewReader(data), int64(len(data))})
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotProbs, wantProbs) {
			t.Errorf("from a file %+v %v, from a stream %+v %v", got, gotProbs, want, wantProbs)
		}
	})
}

// regularFile reads as an open regular file of size bytes does, without
// the disk: its Stat is what sniffSize asks.
type regularFile struct {
	*bytes.Reader
	size int64
}

func (f regularFile) Stat() (fs.FileInfo, error) { return regularInfo(f.size), nil }

type regularInfo int64

func (i regularInfo) Name() string       { return "m.csv" }
func (i regularInfo) Size() int64        { return int64(i) }
func (i regularInfo) Mode() fs.FileMode  { return 0o644 }
func (i regularInfo) ModTime() time.Time { return time.Time{} }
func (i regularInfo) IsDir() bool        { return false }
func (i regularInfo) Sys() any           { return nil }

// A CSV of many broken rows is read in time linear in its size: each
// broken row's lines were found by a search from the file's start
// (csvText.lineStart), so 20000 rows of a bare quote took seconds. So
// are the marks of many rows a quote left open took in (attack23 L2).
func TestReadCSVManyBrokenRowsBounded(t *testing.T) {
	head := "student,file,d/q,d/q:answer,d/q:comment\n"
	var bare, open strings.Builder
	bare.WriteString(head)
	open.WriteString(head + "a,a.yaml,1,\"open,\n")
	for i := range 20000 {
		fmt.Fprintf(&bare, "s%d\"x,a.yaml,1,an answer,\n", i)
		fmt.Fprintf(&open, "s%d,a.yaml,1,an answer,\n", i)
	}
	for _, c := range []struct {
		name, in      string
		probs, losses int
	}{{"bare quotes", bare.String(), 20000, 0}, {"a quote left open", open.String(), 1, 20000}} {
		var got []Entry
		var probs []quiz.Problem
		cost.Bounded(t, len(c.in), func() { got, probs = ReadCSV("m.csv", strings.NewReader(c.in)) })
		if len(probs) != c.probs || len(got) != c.losses {
			t.Errorf("%s: %d problems and %d marks lost, want %d and %d", c.name, len(probs), len(got), c.probs, c.losses)
		}
	}
}
