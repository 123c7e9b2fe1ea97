package grade

import (
	"fmt"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
)

// A batch grades a line of JSON lines inline in the reader's own buffer,
// which the next line overwrites: nothing a result, the grader's caches
// or an error keeps may point into it. Every string a result carries is
// kept as it was handed over, and after the last line it must still read
// as a copy taken then did; the banks are loaded once (their cache key is
// the sheet's banks' text). Lines of different lengths and contents put
// other bytes under every string of the line before: a student, banks, an
// answer of each type (escaped, numbers, pairs), a line that cannot be read.
func TestBatchKeepsNoLentBytes(t *testing.T) {
	lines := lentSheets()
	checkKeepsNoLentBytes(t, writeUnder(t, t.TempDir(), "class.jsonl", strings.Join(lines, "\n")+"\n"))
}

// lentSheets are 25 JSON sheets of different lengths and contents, as
// TestBatchKeepsNoLentBytes's lines, and one that cannot be read.
func lentSheets() []string {
	var lines []string
	for i := range 25 {
		pad := strings.Repeat("x", i%7)
		lines = append(lines, fmt.Sprintf(`{"student": "Student %02d %s\u00e9", "banks": ["sample"], "answers": {`+
			`"capital": %s, "seas": ["Black Sea", "%s"], "independence": %v, "town": "Khojaly %s", `+
			`"ceasefire-year": %d, "sequence": ["USSR founded", "%s", "Independence", "Ceasefire"], `+
			`"names": {"Khojaly": "Xocal\u0131", "Shusha": "%s", "Stepanakert": "Khankendi"}, `+
			`"ussr": "A federation \"%d\" of %s republics", "no-such-%d": "x"}}`,
			i, pad, []string{`"Baku"`, `"b"`, `2`, `"Yerevan"`}[i%4], []string{"Caspian Sea", "c", "Aral Sea"}[i%3],
			i%2 == 0, pad, 1990+i%5, []string{"Oblast created", "b", "Oblast"}[i%3], []string{"Shushi", "Khankendi", "b"}[i%3],
			i, pad, i))
	}
	lines[11] = `{"student": "broken", "answers": {`
	return lines
}

// A folder's files are read one after another into the same storage, lent
// to the grading as a line of JSON lines is: the same holds for them, JSON
// and YAML sheets (the YAML as sheet writes it, read by yamlnode's own
// reader, and with a tab, which only yaml.v3 reads), and one of each that
// cannot be read.
func TestBatchKeepsNoLentFileBytes(t *testing.T) {
	dir := t.TempDir()
	for i, line := range lentSheets() {
		writeUnder(t, dir, fmt.Sprintf("j%02d.json", i), line)
	}
	for i := range 25 {
		pad := strings.Repeat("y", i%5)
		ws := []string{" ", "\t"}[i%2]
		writeUnder(t, dir, fmt.Sprintf("y%02d.yaml", i), fmt.Sprintf("student: Student %02d %s\u00e9\nbanks: [sample]\nanswers:\n"+
			"  capital: %s\n  seas: [Black Sea, %s]\n  independence: %v\n  town:%sKhojaly %s\n  ceasefire-year: %d\n"+
			"  names: {Khojaly: Xocalı, Shusha: %s}\n  ussr: 'A federation of %s republics'\n  no-such-%d: x\n",
			i, pad, []string{"Baku", "b", "2", "Yerevan"}[i%4], []string{"Caspian Sea", "c", "Aral Sea"}[i%3], i%2 == 0, ws, pad,
			1990+i%5, []string{"Shushi", "Khankendi", "b"}[i%3], pad, i))
	}
	writeUnder(t, dir, "y99.yaml", "student: [unclosed\n")
	checkKeepsNoLentBytes(t, dir)
}

// checkKeepsNoLentBytes grades input inline and checks that every string
// handed over still reads at the end as it did when it was handed over,
// and that the banks were loaded once.
func checkKeepsNoLentBytes(t *testing.T, input string) {
	t.Helper()
	loads := 0
	b := &Batch{Inputs: []string{input}, inline: func(int) bool { return true }}
	b.Grader = &Grader{Load: func(refs []string, _ string) ([]*quiz.Bank, error) {
		loads++
		return []*quiz.Bank{testfiles.Sample(t)}, nil
	}}
	var kept, copies []string
	keep := func(s string) {
		kept = append(kept, s)
		copies = append(copies, strings.Clone(s))
	}
	b.Run(func(it Item) {
		keep(it.Where)
		if it.Err != nil {
			keep(it.Err.Error())
			return
		}
		r := it.Result
		keep(r.File)
		keep(r.Student)
		for _, bank := range r.Banks {
			keep(bank)
		}
		for _, o := range r.Outcomes {
			keep(o.Response.Text)
			keep(o.Response.Unreadable)
		}
		for _, p := range r.Problems {
			keep(p.Question)
			keep(p.Msg)
		}
	})
	if loads != 1 {
		t.Errorf("the banks were loaded %d times, want once", loads)
	}
	if len(kept) < 25*10 {
		t.Fatalf("only %d strings handed over", len(kept))
	}
	for i := range kept {
		if kept[i] != copies[i] {
			t.Errorf("a string handed over changed as later lines were read: %q, now %q", copies[i], kept[i])
		}
	}
}
