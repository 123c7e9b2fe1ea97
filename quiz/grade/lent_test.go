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
	loads := 0
	b := &Batch{Inputs: []string{writeUnder(t, t.TempDir(), "class.jsonl", strings.Join(lines, "\n")+"\n")}, inline: func(int) bool { return true }}
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
