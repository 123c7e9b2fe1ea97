package history

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fsrs"
)

var t0 = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

func testBank(n int) *quiz.Bank {
	b := &quiz.Bank{ID: "b", Title: "A bank"}
	for i := range n {
		tags := []string{"all"}
		if i%2 == 0 {
			tags = append(tags, "even")
		}
		b.Questions = append(b.Questions, &quiz.Question{ID: fmt.Sprintf("q%d", i), Bank: "b", Type: quiz.Single,
			Prompt: fmt.Sprintf("Question %d?", i), Choices: []string{"a", "b"}, Correct: []int{0}, Points: 1, Tags: tags})
	}
	return b
}

func rec(b *quiz.Bank, i int, at time.Time, points, secs float64) Record {
	q := b.Questions[i]
	return Record{Time: at, Session: at, Student: "Ana", Mode: "practice", Bank: b.ID, Question: q.ID,
		Digest: quiz.Digest(q), Points: points, MaxPoints: 1, Seconds: secs}
}

func TestAppendLoadRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history", "Ana.jsonl")
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	b := testBank(2)
	want := []Record{rec(b, 0, t0, 1, 3.5), rec(b, 1, t0.Add(1500*time.Millisecond), 0.5, 12)}
	want[1].Student = `Ana "A" <x> \ é` // escapes: read by the slow path
	for _, r := range want {
		if err := l.Append(r); err != nil {
			t.Fatal(err)
		}
	}
	l.Close()
	got, warns, err := load(path)
	if err != nil || len(warns) > 0 {
		t.Fatalf("load: %v %v", err, warns)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("load = %+v\nwant %+v", got, want)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("history file mode %v, want 0600 (private)", st.Mode().Perm())
	}
}

// The fast decoder and encoding/json agree on what Log writes.
func TestFastDecoderMatchesJSON(t *testing.T) {
	b := testBank(1)
	r := rec(b, 0, t0.Add(123*time.Millisecond), 2.0/3, 41.7)
	r.MaxPoints = 2
	line, _ := json.Marshal(r)
	var fast, slow Record
	d := decoder{strs: map[string]string{}}
	if !d.decode(line, &fast) {
		t.Fatalf("fast decoder refused %s", line)
	}
	if err := json.Unmarshal(line, &slow); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fast, slow) {
		t.Errorf("fast %+v\nslow %+v", fast, slow)
	}
	for _, bad := range []string{`{}`, `{"time":"x"}`, `{"time":"2026-12-01T09:00:00Z","bank":"b"}`, `{"time":"2026-13-01T09:00:00Z","bank":"b","question":"q"}`, `[1]`, `{"time":"2026-12-01T09:00:00Z","bank":"b","question":"q","x":{}}`} {
		var r Record
		if d.decode([]byte(bad), &r) {
			t.Errorf("fast decoder took %s", bad)
		}
	}
}

func TestTornLastLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Ana.jsonl")
	b := testBank(3)
	var buf bytes.Buffer
	for i := range 3 {
		line, _ := json.Marshal(rec(b, i, t0.Add(time.Duration(i)*time.Minute), 1, 5))
		buf.Write(line)
		buf.WriteByte('\n')
	}
	whole := buf.Len()
	line, _ := json.Marshal(rec(b, 0, t0.Add(time.Hour), 1, 5))
	buf.Write(line[:len(line)/2]) // a crash in the middle of a write
	os.WriteFile(path, buf.Bytes(), 0o600)

	got, warns, err := load(path)
	if err != nil || len(got) != 3 || len(warns) != 1 || !strings.Contains(warns[0].Error(), "Ana.jsonl:4: warning: the last line is cut short") {
		t.Fatalf("load = %d records, %v, %v; want 3 and a warning for line 4", len(got), warns, err)
	}
	// The next append starts a new line: the torn one stays apart, and is
	// never rewritten.
	l, _ := Open(path)
	if err := l.Append(rec(b, 1, t0.Add(2*time.Hour), 0, 5)); err != nil {
		t.Fatal(err)
	}
	l.Close()
	// The warning was given while the line was the last: the append says
	// on the next line that it was torn, and readers skip both quietly (P1).
	for range 2 {
		got, warns, _ = load(path)
		if len(got) != 4 || len(warns) != 0 {
			t.Fatalf("after an append: %d records, %v; want 4 and no warning", len(got), warns)
		}
	}
	data, _ := os.ReadFile(path)
	if !bytes.Equal(data[:whole], buf.Bytes()[:whole]) {
		t.Error("the lines before the torn one changed")
	}
}

// Two processes append 1,000 answers each to one file at once: no line is
// lost, interleaved or torn.
func TestConcurrentWriters(t *testing.T) {
	if path := os.Getenv("HISTORY_TEST_WRITER"); path != "" {
		return // the child's work is done in TestMain
	}
	path := filepath.Join(t.TempDir(), "shared.jsonl")
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for p := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "HISTORY_TEST_WRITER="+path, "HISTORY_TEST_WRITER_ID="+strconv.Itoa(p))
			out, err := cmd.CombinedOutput()
			if err != nil {
				errs[p] = fmt.Errorf("writer %d: %v\n%s", p, err, out)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	got, warns, err := load(path)
	if err != nil || len(warns) > 0 {
		t.Fatalf("load: %v %v", err, warns)
	}
	next := map[string]int{}
	for _, r := range got {
		n, _ := strconv.Atoi(strings.TrimPrefix(r.Question, "q"))
		if n != next[r.Student] {
			t.Fatalf("%s: answer %d after %d: lost or out of order", r.Student, n, next[r.Student]-1)
		}
		next[r.Student]++
	}
	if len(got) != 2000 || next["writer0"] != 1000 || next["writer1"] != 1000 {
		t.Errorf("%d records (%v), want 2 × 1,000", len(got), next)
	}
}

func TestMain(m *testing.M) {
	if path := os.Getenv("HISTORY_TEST_WRITER"); path != "" {
		id := os.Getenv("HISTORY_TEST_WRITER_ID")
		l, err := Open(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		for i := range 1000 {
			// A long student name makes lines longer than a pipe's atomic
			// write, so that only the lock keeps them whole.
			r := Record{Time: t0.Add(time.Duration(i) * time.Second), Student: "writer" + id, Bank: "b", Question: "q" + strconv.Itoa(i),
				Mode: strings.Repeat("m", 5000), Points: 1, MaxPoints: 1}
			if err := l.Append(r); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestGrade(t *testing.T) {
	for _, c := range []struct {
		points, max, secs float64
		want              fsrs.Grade
	}{
		{0, 1, 3, fsrs.Again},
		{0.5, 1, 3, fsrs.Hard},
		{1, 1, 3, fsrs.Easy},
		{1, 1, 20, fsrs.Good},
		{1, 1, 90, fsrs.Hard},
		{2, 2, 20, fsrs.Good},
		{0, 0, 20, fsrs.Again},
	} {
		r := Record{Points: c.points, MaxPoints: c.max, Seconds: c.secs}
		if g := r.Grade(); g != c.want {
			t.Errorf("%v/%v in %vs: %s, want %s", c.points, c.max, c.secs, g, c.want)
		}
	}
}

func ids(items []*Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Question.ID)
	}
	return out
}

// Missed questions come first, then the ones most likely forgotten; those
// not yet due and those never answered are not asked.
func TestReviewOrder(t *testing.T) {
	b := testBank(6)
	var rs []Record
	// q0..q2 learnt (Easy) on day 0, q3 too but slower (Good: a shorter
	// interval, so more forgotten by day 21); q4 answered once, wrong, on
	// day 0; q5 never.
	for i := range 3 {
		rs = append(rs, rec(b, i, t0, 1, 3))
	}
	rs = append(rs, rec(b, 3, t0, 1, 20))
	rs = append(rs, rec(b, 4, t0, 0, 3))
	// q1 reviewed right on day 20: not due on day 21. q2 missed on day 20.
	rs = append(rs, rec(b, 1, t0.Add(20*24*time.Hour), 1, 3))
	rs = append(rs, rec(b, 2, t0.Add(20*24*time.Hour), 0, 3))
	sc := build(rs, nil).For([]*quiz.Bank{b})
	got := ids(sc.Due(t0.Add(21 * 24 * time.Hour)))
	want := []string{"q4", "q2", "q3", "q0"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("due = %v, want %v", got, want)
	}
	next, ok := sc.NextDue(t0.Add(21 * 24 * time.Hour))
	if !ok || next != sc.Items[Key{"b", "q1"}].Card.Due {
		t.Errorf("next due = %v, want q1's", next)
	}
}

// Review keeps Due's order, counts what the filter leaves out, cuts to the
// count, and with nothing due says when the next matching question is.
func TestReviewPicks(t *testing.T) {
	b := testBank(6)
	var rs []Record
	for i := range 3 {
		rs = append(rs, rec(b, i, t0, 1, 3))
	}
	rs = append(rs, rec(b, 3, t0, 1, 20), rec(b, 4, t0, 0, 3))
	rs = append(rs, rec(b, 1, t0.Add(20*24*time.Hour), 1, 3), rec(b, 2, t0.Add(20*24*time.Hour), 0, 3))
	v := build(rs, nil).For([]*quiz.Bank{b})
	day21 := t0.Add(21 * 24 * time.Hour)
	notQ2 := func(q *quiz.Question) bool { return q.ID != "q2" }
	r := v.Review(day21, notQ2, 2)
	if got := qids(r.Questions); !reflect.DeepEqual(got, []string{"q4", "q3"}) || r.Elsewhere != 1 || !r.Next.IsZero() {
		t.Errorf("Review = %v, %d elsewhere, next %v; want [q4 q3], 1, none", got, r.Elsewhere, r.Next)
	}
	onlyQ1 := func(q *quiz.Question) bool { return q.ID == "q1" }
	r = v.Review(day21, onlyQ1, 0)
	if len(r.Questions) != 0 || r.Elsewhere != 4 || r.Next != v.Items[Key{"b", "q1"}].Card.Due {
		t.Errorf("Review(q1) = %v, %d elsewhere, next %v; want none, 4, q1's due", qids(r.Questions), r.Elsewhere, r.Next)
	}
}

func qids(qs []*quiz.Question) []string {
	var out []string
	for _, q := range qs {
		out = append(out, q.ID)
	}
	return out
}

func TestChangedQuestionStartsOver(t *testing.T) {
	b := testBank(2)
	rs := []Record{rec(b, 0, t0, 1, 3), rec(b, 1, t0, 1, 3), rec(b, 1, t0.Add(time.Minute), 0, 3)}
	b.Questions[1].Prompt = "Reworded?"
	sc := build(rs, nil).For([]*quiz.Bank{b})
	if sc.Answers() != 1 {
		t.Errorf("q1 changed since its answers, but they count: %d answers", sc.Answers())
	}
	// It comes back as a new question, due now (P4), and counts as due but
	// not seen.
	now := t0.Add(2 * time.Minute)
	if it := sc.Items[Key{"b", "q1"}]; it == nil || !it.Changed || it.Answers != 0 {
		t.Errorf("q1 changed: %+v, want a new card", it)
	}
	if got := ids(sc.Due(now)); !slices.Contains(got, "q1") {
		t.Errorf("due = %v, want q1 (changed) among them", got)
	}
	if l := sc.Summarize("", now).Banks[0]; l.Seen != 1 || l.DueNow < 1 {
		t.Errorf("summary %+v: want 1 seen and q1 due", l)
	}
	rs = append(rs, rec(b, 1, t0.Add(time.Hour), 1, 3))
	sc = build(rs, nil).For([]*quiz.Bank{b})
	if it := sc.Items[Key{"b", "q1"}]; it == nil || it.Answers != 1 || it.Card.Reviews != 1 {
		t.Errorf("q1's new version: %+v, want one answer", it)
	}
}

func TestSummarize(t *testing.T) {
	b := testBank(4)
	s1, s2 := t0, t0.Add(48*time.Hour)
	rs := []Record{rec(b, 0, s1, 1, 3), rec(b, 1, s1, 0, 3), rec(b, 0, s2, 1, 3), rec(b, 1, s2, 1, 3), rec(b, 2, s2, 0, 3)}
	for i := range rs {
		rs[i].Session = rs[i].Time
	}
	p := build(rs, nil).For([]*quiz.Bank{b}).Summarize("Ana", s2.Add(time.Hour))
	bl := p.Banks[0]
	if bl.Questions != 4 || bl.Seen != 3 || bl.Right != 2 || bl.DueNow != 1 || len(bl.Sessions) != 2 ||
		bl.Sessions[0].Percent != 50 || bl.Sessions[1].Percent < 66 || bl.Sessions[1].Percent > 67 {
		t.Errorf("bank line %+v", bl)
	}
	if p.Tags[0].Name != "all" || p.Tags[0].Seen != 3 || p.Tags[1].Name != "even" || p.Tags[1].Seen != 2 || p.Tags[1].Right != 1 {
		t.Errorf("tags %+v", p.Tags)
	}
}

// A review starts from the saved state and reads only the lines after it;
// the schedule is the same as reading everything.
func TestStateFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Ana.jsonl")
	banks := []*quiz.Bank{testBank(50)}
	end := writeYear(t, path, banks, 3650)
	sc, _, err := Replay(path)
	if err != nil {
		t.Fatal(err)
	}
	if sc.read != 3650 {
		t.Fatalf("read %d lines, want 3650", sc.read)
	}
	if err := sc.SaveState(); err != nil {
		t.Fatal(err)
	}
	l, _ := Open(path)
	l.Append(rec(banks[0], 3, end.Add(time.Hour), 0, 5))
	l.Close()
	all, _, _ := load(path)
	full := build(all, nil)
	sc, warns, err := Replay(path)
	if err != nil || len(warns) > 0 || sc.read != 1 {
		t.Fatalf("from the state: read %d lines (want 1), %v %v", sc.read, warns, err)
	}
	now := end.Add(2 * time.Hour)
	a, b := full.For(banks), sc.For(banks)
	if !reflect.DeepEqual(ids(a.Due(now)), ids(b.Due(now))) || len(a.Items) != len(b.Items) {
		t.Errorf("due from the state %v, from the whole history %v", ids(b.Due(now)), ids(a.Due(now)))
	}
	for k, it := range a.Items {
		if got := b.Items[k]; got == nil || got.Card != it.Card || got.Answers != it.Answers {
			t.Fatalf("%v: from the state %+v, want %+v", k, got, it)
		}
	}
	// Progress too (F7): the state keeps the session scores.
	if pa, pb := a.Summarize("Ana", now), b.Summarize("Ana", now); !reflect.DeepEqual(pa, pb) || len(pa.Banks[0].Sessions) < 300 {
		t.Errorf("progress from the state differs from the whole history's:\n%+v\n%+v", pb.Banks[0], pa.Banks[0])
	}
	// A history begun again (forgotten, then a new quiz) does not use the
	// old state, even once it has grown past it.
	if err := Forget(path); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(StatePath(path), []byte("stale"), 0o600)
	writeYear(t, path, banks, 3650*2)
	sc, _, _ = Replay(path)
	if sc.read != 7300 {
		t.Errorf("a new history read from line %d, want the start", 7300-sc.read)
	}
	// Refresh saves a state when the history has grown well beyond it.
	if err := Refresh(path); err != nil {
		t.Fatal(err)
	}
	if sc, _, _ = Replay(path); sc.read != 0 {
		t.Errorf("after Refresh a review reads %d lines, want 0", sc.read)
	}
	l, _ = Open(path)
	l.Append(rec(banks[0], 3, end.Add(time.Hour), 0, 5))
	l.Close()
	st, _ := os.Stat(StatePath(path))
	if err := Refresh(path); err != nil {
		t.Fatal(err)
	}
	if st2, _ := os.Stat(StatePath(path)); !st2.ModTime().Equal(st.ModTime()) {
		t.Error("Refresh rewrote the state for one line")
	}
}

// TestSummarizeTagTwice: a tag given twice to a question, in two spellings,
// is one line that counts the question and its answers once, under the
// first spelling.
func TestSummarizeTagTwice(t *testing.T) {
	b := testBank(2)
	b.Questions[0].Tags = []string{"Recall", "all", "recall"}
	rs := []Record{rec(b, 0, t0, 1, 3), rec(b, 1, t0, 0, 3)}
	p := build(rs, nil).For([]*quiz.Bank{b}).Summarize("Ana", t0.Add(time.Hour))
	var recall *Line
	for i := range p.Tags {
		if quiz.TagKey(p.Tags[i].Name) == "recall" {
			if recall != nil {
				t.Fatalf("two recall lines: %+v", p.Tags)
			}
			recall = &p.Tags[i]
		}
	}
	if recall == nil || recall.Name != "Recall" || recall.Questions != 1 || recall.Seen != 1 || len(recall.Sessions) != 1 || recall.Sessions[0].Percent != 100 {
		t.Errorf("recall line %+v", recall)
	}
	if all := p.Tags[0]; all.Name != "all" || all.Questions != 2 || all.Sessions[0].Percent != 50 {
		t.Errorf("all line %+v", all)
	}
}

// A question renamed since it was answered (its old id in FormerIDs) is
// that question, changed: it starts over, due now, as any changed one does,
// not as one never answered.
func TestRenamedQuestionStartsOver(t *testing.T) {
	b := testBank(2)
	rs := []Record{rec(b, 0, t0, 1, 3), rec(b, 1, t0, 1, 3)}
	b.Questions[1].FormerIDs = []string{b.Questions[1].ID}
	b.Questions[1].ID = "q1-renamed"
	sc := build(rs, nil).For([]*quiz.Bank{b})
	if it := sc.Items[Key{"b", "q1-renamed"}]; it == nil || !it.Changed || it.Answers != 0 {
		t.Errorf("q1, renamed: %+v, want it changed, with a new card", it)
	}
}

// TestStateWithManyLinesSince: the lines after a state lend their question
// and digest to the replay (scanLending), from a buffer the next lines
// overwrite; what the schedule keeps of them is its own. Some 200 KB of
// lines, more than the buffer holds, replay as the whole history does.
func TestStateWithManyLinesSince(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Ana.jsonl")
	banks := []*quiz.Bank{testBank(50)}
	writeYear(t, path, banks, 3650)
	sc, _, _ := Replay(path)
	if err := sc.SaveState(); err != nil {
		t.Fatal(err)
	}
	// New questions too, which the state has no memory of.
	more := []*quiz.Bank{testBank(60)}
	for _, q := range more[0].Questions {
		q.Bank = "other"
	}
	// Their last answers first, then many more to the others: the lines
	// of the first are long overwritten when the replay ends.
	before, _ := os.Stat(path)
	appendDay(t, path, more, 100)
	appendDay(t, path, banks, 800)
	after, _ := os.Stat(path)
	if since := after.Size() - before.Size(); since < 4*tailBuffer {
		t.Fatalf("the lines since the state are %d bytes, not more than the buffer holds", since)
	}
	all, _, _ := load(path)
	want := build(all, nil)
	got, warns, err := Replay(path)
	if err != nil || len(warns) > 0 || got.read != 900 || got.stored == nil {
		t.Fatalf("from the state: read %d lines (want 900), %v %v", got.read, warns, err)
	}
	if len(got.mem) != len(want.mem) {
		t.Fatalf("%d memories, want %d", len(got.mem), len(want.mem))
	}
	for v, w := range want.mem {
		g := got.mem[v]
		if g == nil || g.Card != w.Card || g.Answers != w.Answers || g.Last != w.Last {
			t.Fatalf("%v: from the state %+v, want %+v", v, g, w)
		}
	}
	for v := range got.mem { // the keys themselves, not only lookups by them
		if want.mem[v] == nil {
			t.Fatalf("a memory under %v, which the history does not have", v)
		}
	}
}
