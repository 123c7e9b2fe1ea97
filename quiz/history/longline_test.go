package history

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
)

// appendLong appends n records for banks' questions, each with a field from
// a later version that makes its line 70 KB: more than MaxLine, less than
// the largest read buffer (scanBuffer) and more than the smallest
// (tailBuffer).
func appendLong(t *testing.T, path string, banks []*quiz.Bank, at time.Time, n int) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i := range n {
		line, _ := json.Marshal(rec(banks[0], i%len(banks[0].Questions), at.Add(time.Duration(i)*time.Minute), 1, 5))
		line = append(line[:len(line)-1], `,"later_field":"`+strings.Repeat("z", 70_000)+"\"}\n"...)
		if len(line) <= MaxLine || len(line) >= scanBuffer || len(line) <= tailBuffer {
			t.Fatalf("a line of %d bytes", len(line))
		}
		if _, err := f.Write(line); err != nil {
			t.Fatal(err)
		}
	}
}

// F2 (attack17): a line longer than MaxLine is skipped however the history
// is read: after a saved state (the smallest buffer), or whole (the largest,
// in two goroutines), so the schedule and progress from the state are the
// rebuilt ones, with such lines in the lines the state holds and after it.
func TestLongLineSkippedOnEveryPath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Ana.jsonl")
	banks := []*quiz.Bank{testBank(50)}
	end := writeYear(t, path, banks, 3650)
	appendLong(t, path, banks, end, 6) // in the body
	if st, _ := os.Stat(path); st.Size() < pipelineAfter {
		t.Fatalf("the history is %d bytes, read in one goroutine", st.Size())
	}
	sc, warns, err := Replay(path)
	if err != nil || len(warns) != 6 {
		t.Fatalf("whole history: %d warnings, want 6: %v %v", len(warns), warns, err)
	}
	if err := sc.SaveState(); err != nil {
		t.Fatal(err)
	}
	appendDay(t, path, banks, 30)
	appendLong(t, path, banks, end.Add(400*24*time.Hour), 6) // in the tail
	appendDay(t, path, banks, 5)

	got, gotWarns, err := Replay(path)
	if err != nil || got.stored == nil || got.read != 41 {
		t.Fatalf("from the state: read %d lines (want 41), %v", got.read, err)
	}
	if err := os.Remove(StatePath(path)); err != nil {
		t.Fatal(err)
	}
	want, wantWarns, err := Replay(path)
	if err != nil || want.stored != nil {
		t.Fatalf("rebuilt: %v, state %v", err, want.stored != nil)
	}
	if len(gotWarns) != 6 || len(wantWarns) != 12 || fmt.Sprint(gotWarns) != fmt.Sprint(wantWarns[6:]) {
		t.Errorf("warnings from the state (%d):\n%v\nrebuilt (%d):\n%v", len(gotWarns), gotWarns, len(wantWarns), wantWarns)
	}
	for _, w := range gotWarns {
		if !strings.Contains(w.Error(), "warning: a line of 70") {
			t.Errorf("warning %v", w)
		}
	}
	now := end.Add(500 * 24 * time.Hour)
	a, b := want.For(banks), got.For(banks)
	if !reflect.DeepEqual(ids(a.Due(now)), ids(b.Due(now))) || len(a.Items) != len(b.Items) {
		t.Errorf("due from the state %v, rebuilt %v", ids(b.Due(now)), ids(a.Due(now)))
	}
	for k, it := range a.Items {
		if g := b.Items[k]; g == nil || g.Card != it.Card || g.Answers != it.Answers {
			t.Fatalf("%v: from the state %+v, rebuilt %+v", k, g, it)
		}
	}
	if pa, pb := a.Summarize("Ana", now), b.Summarize("Ana", now); !reflect.DeepEqual(pa, pb) {
		t.Errorf("progress from the state differs from the rebuilt one:\n%+v\n%+v", pb.Banks[0], pa.Banks[0])
	}
}

// F2: the bound is the same for any buffer: a line of MaxLine bytes with its
// newline is read, one byte more is skipped, with the smallest buffer and
// the largest.
func TestMaxLineSameForEveryBuffer(t *testing.T) {
	b := testBank(1)
	good, _ := json.Marshal(rec(b, 0, t0, 1, 3))
	pad := func(n int) string { // a record of n bytes with its newline
		l := string(good[:len(good)-1]) + `,"later_field":"`
		return l + strings.Repeat("z", n-len(l)-3) + "\"}\n"
	}
	data := []byte(pad(MaxLine) + pad(MaxLine+1) + pad(200<<10))
	for _, size := range []int{4096, tailBuffer, scanBuffer} {
		var rs []Record
		warns, end, err := scan("h.jsonl", strings.NewReader(string(data)), position{}, func(r *Record) { rs = append(rs, *r) }, size)
		if err != nil || len(rs) != 1 || end.Line != 3 || len(warns) != 2 ||
			!strings.Contains(warns[0].Error(), fmt.Sprintf("h.jsonl:2: warning: a line of %d bytes", MaxLine+1)) ||
			!strings.Contains(warns[1].Error(), fmt.Sprintf("h.jsonl:3: warning: a line of %d bytes", 200<<10)) {
			t.Errorf("buffer %d: %d records, end %v, %v, warnings %v", size, len(rs), end, err, warns)
		}
	}
}
