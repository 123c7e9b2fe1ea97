package grade

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
)

// countingReader counts what the batch has read and says when it reached the
// end.
type countingReader struct {
	r    io.Reader
	n    atomic.Int64
	end  chan struct{}
	once sync.Once
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	if err == io.EOF {
		c.once.Do(func() { close(c.end) })
	}
	return n, err
}

// A batch reads no further ahead of the results it has handed over than its
// budget in bytes, plus the one sheet it is waiting to queue: a class's JSON
// lines of sheets of up to 10 MB each no longer pile up in memory (attack17
// F3). A sheet larger than the whole budget is read alone. The first result
// is held back until the reader waits for room (or, had it no bound, has
// read everything), so the reader is as far ahead as it can get; the results
// still come in input order, every sheet graded.
func TestBatchReadsAheadWithinItsBudget(t *testing.T) {
	const budget = 128 << 10
	const bufSize = 64 << 10 // what the reader's bufio.Reader may hold besides
	var in strings.Builder
	var ends []int // the input's length up to the end of each line
	maxLine := 0
	for i := range 150 {
		size := 3_000 + 100*i
		if i%10 == 3 {
			size = 300_000 // over the budget: read alone
		}
		line := fmt.Sprintf(`{"student": "s%03d", "answers": {"capital": "Baku", "ussr": "%s"}}`+"\n", i, strings.Repeat("x", size))
		in.WriteString(line)
		ends = append(ends, in.Len())
		maxLine = max(maxLine, len(line))
	}
	src := &countingReader{r: strings.NewReader(in.String()), end: make(chan struct{})}
	waited := make(chan struct{})
	var once sync.Once
	var mu sync.Mutex
	var overBudget []string
	b := &Batch{
		Grader:     &Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}},
		Inputs:     []string{"-"},
		Stdin:      src,
		Workers:    2,
		aheadBytes: budget,
		waiting: func(bytes, sheets int) {
			if bytes > budget && sheets != 1 {
				mu.Lock()
				overBudget = append(overBudget, fmt.Sprintf("%d bytes in %d sheets", bytes, sheets))
				mu.Unlock()
			}
			once.Do(func() { close(waited) })
		},
	}
	var got []string
	worst := int64(0)
	b.Run(func(it Item) {
		if it.Err != nil {
			t.Errorf("%s: %v", it.Where, it.Err)
			return
		}
		if len(got) == 0 {
			select {
			case <-waited:
			case <-src.end:
				t.Error("the reader read the whole input before the first result was handed over")
			}
		}
		handed := 0 // the sheets before this one, handed over and out of flight
		if n := it.Result.Line; n > 1 {
			handed = ends[n-2]
		}
		worst = max(worst, src.n.Load()-int64(handed))
		got = append(got, it.Result.Student)
	})
	if limit := int64(max(budget, maxLine) + maxLine + bufSize); worst > limit {
		t.Errorf("read %d bytes ahead of the results handed over; the most is %d (a budget of %d, lines of up to %d)", worst, limit, budget, maxLine)
	}
	if len(overBudget) > 0 {
		t.Errorf("more than the budget in flight, not one sheet alone: %v", overBudget)
	}
	want := make([]string, 150)
	for i := range want {
		want[i] = fmt.Sprintf("s%03d", i)
	}
	if !slices.Equal(got, want) {
		t.Errorf("graded %d sheets, %v ...; want s000 to s149 in order", len(got), got[:min(5, len(got))])
	}
}

// The sheets in flight are bounded in number too: with one slow sheet first,
// thousands of small ones after it would otherwise wait as results, however
// few bytes they came from. A folder's files are held to the bounds as JSON
// lines are.
func TestBatchReadAheadBounds(t *testing.T) {
	dir := t.TempDir()
	var lines strings.Builder
	for i := range 100 {
		fmt.Fprintf(&lines, `{"student": "s%03d", "answers": {"capital": "Baku"}}`+"\n", i)
		writeUnder(t, dir, fmt.Sprintf("class/s%03d.json", i), fmt.Sprintf(`{"student": "f%03d", "answers": {"ussr": "%s"}}`, i, strings.Repeat("y", 10_000+i)))
	}
	for _, tt := range []struct {
		name          string
		inputs        []string
		bytes, sheets int
		wantFirst     string
	}{
		{"sheets of JSON lines by count", []string{"-"}, 0, 8, "s000"},
		{"a folder's files by count", []string{filepath.Join(dir, "class")}, 0, 8, "f000"},
		{"a folder's files by bytes", []string{filepath.Join(dir, "class")}, 50_000, 0, "f000"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := &countingReader{r: strings.NewReader(lines.String()), end: make(chan struct{})}
			waited := make(chan struct{})
			var once sync.Once
			var mu sync.Mutex
			var worst []int
			b := &Batch{
				Grader:      &Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}},
				Inputs:      tt.inputs,
				Stdin:       src,
				Workers:     2,
				aheadBytes:  tt.bytes,
				aheadSheets: tt.sheets,
				waiting: func(bytes, sheets int) {
					mu.Lock()
					worst = append(worst, bytes, sheets)
					mu.Unlock()
					once.Do(func() { close(waited) })
				},
			}
			n := 0
			b.Run(func(it Item) {
				if it.Err != nil {
					t.Errorf("%s: %v", it.Where, it.Err)
					return
				}
				if n == 0 {
					if it.Result.Student != tt.wantFirst {
						t.Errorf("first result %s; want %s", it.Result.Student, tt.wantFirst)
					}
					// Until the reader reaches a bound. Without one, it
					// reads the whole input (JSON lines: said at once), or
					// never waits (a folder: said after a while).
					select {
					case <-waited:
					case <-src.end:
						t.Error("the reader read the whole input before the first result was handed over")
					case <-time.After(20 * time.Second):
						t.Error("the reader never waited for room before the first result was handed over")
					}
				}
				n++
			})
			if n != 100 {
				t.Errorf("graded %d sheets; want 100", n)
			}
			for i := 0; i < len(worst); i += 2 {
				bytes, sheets := worst[i], worst[i+1]
				switch {
				case tt.sheets > 0 && sheets > tt.sheets:
					t.Errorf("the reader waited with %d sheets in flight; the most is %d", sheets, tt.sheets)
				case tt.bytes > 0 && bytes > tt.bytes && sheets > 1:
					t.Errorf("the reader waited with %d bytes in %d sheets in flight; the most is %d", bytes, sheets, tt.bytes)
				}
			}
		})
	}
}
