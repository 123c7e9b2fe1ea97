package cmd

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// threeOpen is a bank of three open questions, answered on one paper sheet:
// marking at the keyboard writes the sheet three times, once a mark.
const threeOpen = `id: three
title: Three open questions
questions:
  - {id: q1, type: open, points: 2, prompt: "First?", model_answer: "One.", explanation: E, source: {section: Questions, paragraph: 1, quote: "q"}}
  - {id: q2, type: open, points: 2, prompt: "Second?", model_answer: "Two.", explanation: E, source: {section: Questions, paragraph: 1, quote: "q"}}
  - {id: q3, type: open, points: 2, prompt: "Third?", model_answer: "Three.", explanation: E, source: {section: Questions, paragraph: 1, quote: "q"}}
`

// threeOpenSheet writes the bank and Amy's sheet in a folder and returns the
// sheet's path.
func threeOpenSheet(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "three.yaml"), []byte(threeOpen), 0o644)
	os.Mkdir(filepath.Join(dir, "sheets"), 0o755)
	file := filepath.Join(dir, "sheets", "amy.yaml")
	os.WriteFile(file, []byte("student: Amy\nbanks: [../three.yaml]\nanswers:\n  q1: first answer\n  q2: second answer\n  q3: third answer\n"), 0o644)
	return file
}

// linesWithEdits gives mark --plain one line a read, and before the line
// whose index has an edit, runs it: someone else editing the sheet between
// two marks. After its lines it runs atEnd, if set, and waits for stop.
type linesWithEdits struct {
	lines []string
	edits map[int]func()
	atEnd func()
	stop  chan struct{}
	n     int
}

func (r *linesWithEdits) Read(p []byte) (int, error) {
	if r.n == len(r.lines) {
		if r.atEnd == nil {
			return 0, io.EOF
		}
		r.atEnd()
		r.atEnd = nil
		<-r.stop
		return 0, io.EOF
	}
	if edit := r.edits[r.n]; edit != nil {
		edit()
	}
	r.n++
	return copy(p, r.lines[r.n-1]+"\n"), nil
}

// A sheet edited by someone else between two marks at the keyboard: the
// edit is found (the file is read again before each mark and compared with
// what mark wrote) and kept, and the next mark goes into the sheet as edited;
// an edit of an answer shown for marking refuses that answer's mark, which
// stops the run with the marks given before it kept. Marking reads the file
// again rather than trusting what it last wrote.
func TestMarkPlainSeesASheetEditedBetweenTwoMarks(t *testing.T) {
	t.Run("a note", func(t *testing.T) {
		file := threeOpenSheet(t)
		note := func() {
			data, _ := os.ReadFile(file)
			os.WriteFile(file, append([]byte("# checked by the head of year\n"), data...), 0o644)
		}
		code, _, errOut := runMarkReading(t, &linesWithEdits{lines: []string{"1 one", "1.5 two", "2 three"}, edits: map[int]func(){1: note}}, filepath.Dir(file), "--plain", "--marker", "T")
		if code != ExitOK || !strings.Contains(errOut, "3 marks given; 0 answers left") {
			t.Fatalf("exit %d:\n%s", code, errOut)
		}
		got, _ := os.ReadFile(file)
		if !strings.HasPrefix(string(got), "# checked by the head of year\nstudent: Amy\n") {
			t.Errorf("the edit made between two marks is lost:\n%s", got)
		}
		for _, m := range []string{"q1:\n    points: 1\n    comment: one\n", "q2:\n    points: 1.5\n    comment: two\n", "q3:\n    points: 2\n    comment: three\n"} {
			if !strings.Contains(string(got), m) {
				t.Errorf("no %q in the sheet:\n%s", m, got)
			}
		}
	})
	t.Run("the answer", func(t *testing.T) {
		file := threeOpenSheet(t)
		edit := func() {
			data, _ := os.ReadFile(file)
			os.WriteFile(file, []byte(strings.Replace(string(data), "second answer", "a second answer, rewritten", 1)), 0o644)
		}
		code, _, errOut := runMarkReading(t, &linesWithEdits{lines: []string{"1 one", "1.5 two", "2 three"}, edits: map[int]func(){1: edit}}, filepath.Dir(file), "--plain", "--marker", "T")
		if code != ExitInvalid || !strings.Contains(errOut, "could not save the mark") || !strings.Contains(errOut, "the answer changed since it was shown for marking") {
			t.Fatalf("exit %d, want %d, the mark refused:\n%s", code, ExitInvalid, errOut)
		}
		got, _ := os.ReadFile(file)
		if !strings.Contains(string(got), "q2: a second answer, rewritten\n") || !strings.Contains(string(got), "q1:\n    points: 1\n") || strings.Contains(string(got), "points: 1.5") {
			t.Errorf("want the edit and the first mark, and not the second:\n%s", got)
		}
	})
}

// runMarkReading runs mark with in as its standard input.
func runMarkReading(t *testing.T, in io.Reader, args ...string) (int, string, string) {
	t.Helper()
	f, _, out, errOut := testFactory(t)
	f.IOStreams.In = in
	code := Run(f, append([]string{"mark"}, args...))
	return code, out.String(), errOut.String()
}
