package grade

import (
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
)

// inlineInputs writes a batch with every kind of input: a file, a folder
// (with a key and a sheet that cannot be read among its sheets), a missing
// file, JSON lines with a bad line and a blank one, and standard input.
func inlineInputs(t *testing.T) (inputs []string, stdin string) {
	t.Helper()
	dir := t.TempDir()
	write := func(name, data string) string { return writeUnder(t, dir, name, data) }
	var lines []string
	for i := range 40 {
		lines = append(lines, fmt.Sprintf(`{"student": "line%02d", "answers": {"capital": "%s"}}`, i, []string{"Baku", "Yerevan"}[i%2]))
	}
	lines[7] = `{"student": "broken", "answers": {`
	lines[9] = ""
	write("class/b.json", `{"student": "class-b", "answers": {"capital": "Baku"}}`)
	write("class/a.yaml", "student: class-a\nanswers: {}\n")
	write("class/c.yaml", "student: [not, a, name\n")
	write("class/key.yaml", "student: ANSWER KEY\nanswers: {capital: Baku}\n")
	return []string{
		write("first.yaml", "student: first\nanswers: {capital: Baku}\n"),
		filepath.Join(dir, "class"),
		filepath.Join(dir, "missing.yaml"),
		write("many.jsonl", strings.Join(lines, "\n")+"\n"),
		"-",
	}, `{"student": "piped", "answers": {"capital": "Baku"}}` + "\n" + `{"student": "piped2", "answers": {}}` + "\n"
}

// describe is what a batch handed over, one line an item.
func describe(it Item) string {
	switch {
	case it.Err != nil:
		return "error " + it.Where + ": " + it.Err.Error()
	case it.Key:
		return "key " + it.Where
	}
	r := it.Result
	return fmt.Sprintf("%s %s %g/%g %d problems", r.Where(), r.Student, r.Score, r.Max, len(r.Problems))
}

// A batch without Workers grades on the caller's goroutine first and starts
// workers once that has taken long enough; whenever it starts them (never,
// at once, after some sheets), and with workers from the start, every input
// is handed over in the same order with the same result, an input that
// cannot be opened at all and a line of JSON lines that is skipped in their
// places too (attack19 M2: the missing file came first inline and anywhere
// once workers ran).
func TestBatchInlineThenWorkers(t *testing.T) {
	inputs, stdin := inlineInputs(t)
	run := func(b *Batch) (items []string) {
		b.Grader, b.Inputs, b.Stdin = &Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}, inputs, strings.NewReader(stdin)
		b.Run(func(it Item) { items = append(items, describe(it)) })
		return items
	}
	always := func(int) bool { return true }
	want := run(&Batch{inline: always})
	if len(want) != 1+4+1+39+2 {
		t.Fatalf("graded inline: %d items:\n%s", len(want), strings.Join(want, "\n"))
	}
	for _, sub := range []string{"first.yaml first 1/", "class/c.yaml", "key " + filepath.Join(filepath.Dir(inputs[0]), "class", "key.yaml"), "many.jsonl:8", "many.jsonl:40 line39", "-:1 piped ", "-:2 piped2"} {
		if !slices.ContainsFunc(want, func(s string) bool { return strings.Contains(s, sub) }) {
			t.Errorf("graded inline: nothing says %q:\n%s", sub, strings.Join(want, "\n"))
		}
	}
	// The missing file comes in its place: after the folder, before the
	// JSON lines.
	if i := slices.IndexFunc(want, func(s string) bool { return strings.Contains(s, "missing.yaml") }); i != 5 {
		t.Errorf("graded inline, the missing file is item %d; want 5 (after first.yaml and the folder's four):\n%s", i, strings.Join(want, "\n"))
	}
	for _, tt := range []struct {
		name string
		b    func() *Batch
	}{
		{"workers at once", func() *Batch { return &Batch{inline: func(int) bool { return false }} }},
		{"workers after 3 sheets", func() *Batch { return &Batch{inline: countdown(3)} }},
		{"workers after 20 sheets", func() *Batch { return &Batch{inline: countdown(20)} }},
		{"two workers from the start", func() *Batch { return &Batch{Workers: 2, inline: always} }},
		{"by time", func() *Batch { return &Batch{} }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for range 20 { // the workers' timing differs from run to run
				if got := run(tt.b()); !slices.Equal(got, want) {
					t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
			}
		})
	}
}

// countdown keeps a batch inline for n sheets.
func countdown(n int) func(int) bool {
	return func(int) bool {
		n--
		return n >= 0
	}
}

// Graded inline, a batch starts no goroutine and reuses one result for every
// sheet: a class of 30 costs no threads and no fresh result a sheet.
func TestBatchInlineStartsNoWorkers(t *testing.T) {
	inputs, stdin := inlineInputs(t)
	before := runtime.NumGoroutine()
	results := map[*SheetResult]bool{}
	b := &Batch{Grader: &Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}, Inputs: inputs, Stdin: strings.NewReader(stdin), inline: func(int) bool { return true }}
	n := 0
	b.Run(func(it Item) {
		n++
		if now := runtime.NumGoroutine(); now > before { // fewer: an earlier test's goroutines ending
			t.Errorf("%d goroutines while grading inline; %d before", now, before)
		}
		if it.Result != nil {
			results[it.Result] = true
		}
	})
	if n < 40 {
		t.Fatalf("handed over %d items", n)
	}
	// One result, reused: a few more where sync.Pool drops one (the race
	// detector drops a quarter on purpose; a goroutine moved to another P
	// misses the one it put back).
	if len(results) > n/2 {
		t.Errorf("%d results for %d sheets; want one reused", len(results), n)
	}
}

// Each sheet says about how many follow, for the rule that starts workers:
// the files left of its folder and of the inputs, the lines left of a
// JSON-lines file by its size; on standard input nobody knows.
func TestBatchSheetsLeft(t *testing.T) {
	inputs, stdin := inlineInputs(t)
	var left []int
	b := &Batch{Grader: &Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}, Inputs: inputs, Stdin: strings.NewReader(stdin),
		inline: func(n int) bool { left = append(left, n); return true }}
	b.Run(func(Item) {})
	// first.yaml; the folder's a.yaml, b.json, c.yaml, key.yaml (missing.yaml
	// is no sheet); 39 lines of many.jsonl (one is blank); two on "-".
	if len(left) != 1+4+39+2 {
		t.Fatalf("%d sheets: %v", len(left), left)
	}
	if want := []int{4, 6, 5, 4, 3}; !slices.Equal(left[:5], want) {
		t.Errorf("a file and a folder's four: %v; want %v", left[:5], want)
	}
	lines := left[5 : 5+39]
	if lines[0] < 36 || lines[0] > 41 || lines[38] != 1 {
		t.Errorf("JSON lines: %v; want about 39 (38 lines and the input after) down to 1", lines)
	}
	for i := 1; i < len(lines); i++ {
		if lines[i] > lines[i-1]+1 { // a short line may raise the estimate by one
			t.Errorf("JSON lines: %v; want fewer left at each line", lines)
			break
		}
	}
	if got := left[44:]; !slices.Equal(got, []int{-1, -1}) {
		t.Errorf("standard input: %v; want -1, -1 (not known)", got)
	}
}

// The rule starts workers once what is left would take inlineCPU at the
// pace of the sheets so far, leaving out the first (which loads the banks)
// and the handing over of each (which workers do not share); when what is
// left is not known, after inlineCPU of grading in all.
func TestInlinePace(t *testing.T) {
	const hand = 300 * time.Microsecond // handing each sheet over: not counted
	for _, tt := range []struct {
		name     string
		first    time.Duration // grading the first sheet
		each     time.Duration // each after it
		left     func(graded int) int
		inlineTo int // the sheets graded inline
	}{
		{"a class of 30 at 50 µs a sheet", 3 * time.Millisecond, 50 * time.Microsecond, func(g int) int { return 30 - g }, 30},
		{"30 paper sheets at 400 µs a sheet", 3 * time.Millisecond, 400 * time.Microsecond, func(g int) int { return 30 - g }, 2},
		{"3000 sheets at 50 µs a sheet", 3 * time.Millisecond, 50 * time.Microsecond, func(g int) int { return 3000 - g }, 2},
		{"a class of 102 at 50 µs a sheet: 100 left would take 5 ms", 3 * time.Millisecond, 50 * time.Microsecond, func(g int) int { return 102 - g }, 2},
		{"a class of 101 at 50 µs a sheet", 3 * time.Millisecond, 50 * time.Microsecond, func(g int) int { return 101 - g }, 101},
		{"standard input at 50 µs a sheet", 100 * time.Microsecond, 50 * time.Microsecond, func(int) int { return -1 }, 99},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var now time.Duration
			p := &pace{clock: func() time.Duration { return now }}
			graded := 0
			for graded < 10000 && p.inline(tt.left(graded)) {
				p.time(func() {
					if graded == 0 {
						now += tt.first
					} else {
						now += tt.each
					}
				})
				now += hand
				graded++
				if tt.left(graded) == 0 {
					break
				}
			}
			if graded != tt.inlineTo {
				t.Errorf("graded %d inline; want %d", graded, tt.inlineTo)
			}
		})
	}
}

// On standard input the first sheet is held back until the next is read (is
// it alone?); text that cannot be read, met while it is held, is handed over
// after it, as it came, inline and on workers alike (recheck25 L2: it was
// handed over first).
func TestBatchStdinKeepsOrderAroundTheHeldSheet(t *testing.T) {
	sheet := func(student string) string {
		return "{\n  \"student\": \"" + student + "\",\n  \"answers\": {\"capital\": \"Baku\"}\n}\n"
	}
	for _, tt := range []struct {
		name, in string
		want     []string
	}{
		{"garbage after the first", sheet("Ann") + "garbage here\n" + sheet("Bo") + sheet("Cy"),
			[]string{"Ann@-:1", "bad@-:5", "Bo@-:6", "Cy@-:10"}},
		{"garbage after the only sheet", sheet("Ann") + "garbage here\n",
			[]string{"Ann@-:1", "bad@-:5"}},
	} {
		for _, workers := range []int{0, 2} {
			b := &Batch{Grader: &Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}, Inputs: []string{"-"}, Stdin: strings.NewReader(tt.in), Workers: workers}
			var got []string
			b.Run(func(it Item) {
				if it.Err != nil {
					got = append(got, "bad@"+it.Where)
					return
				}
				got = append(got, it.Result.Student+"@"+it.Result.Where())
			})
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s, %d workers: handed over %q, want %q", tt.name, workers, got, tt.want)
			}
		}
	}
}
