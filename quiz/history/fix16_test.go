package history

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
)

// F1: names that fold alike get files of their own, none the nameless
// student's, and the name stays stable from one version to the next.
func TestFileKeyDistinct(t *testing.T) {
	names := []string{"", "李明", "王芳", "Ana María", "Ana Maria", "Ana.Maria", ".", "..", "student",
		"Maria Fernanda de los Angeles Gutierrez Villanueva Lopez", "Maria Fernanda de los Angeles Gutierrez Villanueva Perez", "CON"}
	seen := map[string]string{}
	for _, n := range names {
		k := FileKey(n)
		if other, ok := seen[k]; ok {
			t.Errorf("FileKey(%q) = FileKey(%q) = %q", n, other, k)
		}
		seen[k] = n
		if n != "" && k == "student" {
			t.Errorf("FileKey(%q) is the nameless student's", n)
		}
		if len(k) > 48 || strings.ContainsAny(k, `/\.`) {
			t.Errorf("FileKey(%q) = %q: not a short, plain file name", n, k)
		}
	}
	// Stable: histories on disk are found by it.
	if got := FileKey("Ana"); got != "Ana-dea210f058" {
		t.Errorf("FileKey(Ana) = %q; it must never change", got)
	}
}

// F1: histories kept under the old names, shared by names that folded
// alike, are split into each student's own file; nothing is lost.
func TestMigrateSplitsSharedFiles(t *testing.T) {
	dir := t.TempDir()
	b := testBank(2)
	line := func(student string, i int) string {
		r := rec(b, i, t0, 1, 3)
		r.Student = student
		data, _ := json.Marshal(r)
		return string(data) + "\n"
	}
	long := `{"student":"李明","x":"` + strings.Repeat("A", 300<<10) + "\"}\n" // past the reader's buffer: stays whole
	os.WriteFile(filepath.Join(dir, "student.jsonl"), []byte(line("", 0)+line("李明", 0)+"damaged\n"+long+line("", 1)+line("李明", 1)), 0o600)
	os.WriteFile(filepath.Join(dir, "Ana-Maria.jsonl"), []byte(line("Ana María", 0)+line("Ana.Maria", 1)), 0o600)
	os.WriteFile(filepath.Join(dir, "Ana-Maria.jsonl.state"), []byte("stale"), 0o600)
	if err := Migrate(dir); err != nil {
		t.Fatal(err)
	}
	count := func(student string) (n int, others int) {
		rs, _, _ := load(Path(dir, student))
		for _, r := range rs {
			if r.Student == student {
				n++
			} else {
				others++
			}
		}
		return n, others
	}
	for student, want := range map[string]int{"": 2, "李明": 2, "Ana María": 1, "Ana.Maria": 1} {
		if n, others := count(student); n != want || others != 0 {
			t.Errorf("%q: %d own records and %d others', want %d and 0", student, n, others, want)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "student.jsonl")); !strings.Contains(string(data), "damaged\n"+long) {
		t.Error("the damaged lines are lost")
	}
	for _, gone := range []string{"Ana-Maria.jsonl", "Ana-Maria.jsonl.state"} {
		if _, err := os.Stat(filepath.Join(dir, gone)); err == nil {
			t.Errorf("%s is left after its lines moved", gone)
		}
	}
	if st, _ := os.Stat(Path(dir, "李明")); st == nil || st.Mode().Perm() != 0o600 {
		t.Errorf("李明's new history: %v, want mode 0600", st)
	}
	// Once done, never again: a later shared line stays where it is.
	os.WriteFile(filepath.Join(dir, "x.jsonl"), []byte(line("Bo", 0)), 0o600)
	Migrate(dir)
	if _, err := os.Stat(filepath.Join(dir, "x.jsonl")); err != nil {
		t.Error("Migrate ran twice")
	}
}

// F5, F6: numbers no quiz writes are damage: the line is skipped with a
// warning, and the rest is drawn without a panic.
func TestDamagedNumbersSkipped(t *testing.T) {
	b := testBank(2)
	good, _ := json.Marshal(rec(b, 0, t0, 1, 3))
	bad := []string{
		`"points":-1,"max_points":1`, `"points":NaN,"max_points":1`, `"points":1e39,"max_points":1e39`,
		`"points":1,"max_points":Infinity`, `"points":0x1p0,"max_points":1`, `"points":1,"max_points":1,"seconds":-5`,
		`"points":2,"max_points":1`, `"points":+1,"max_points":1`,
	}
	var buf bytes.Buffer
	buf.Write(good)
	buf.WriteByte('\n')
	for _, f := range bad {
		fmt.Fprintf(&buf, `{"time":"2026-12-01T09:00:00Z","session":"2026-12-01T09:00:00Z","bank":"b","question":"q1","digest":%q,%s}`+"\n", quiz.Digest(b.Questions[1]), f)
	}
	rs, warns := parse("h.jsonl", buf.Bytes())
	if len(rs) != 1 || len(warns) != len(bad) {
		t.Fatalf("%d records, %d warnings (%v); want 1 and %d", len(rs), len(warns), warns, len(bad))
	}
	for i, w := range warns {
		if !strings.Contains(w.Error(), fmt.Sprintf("h.jsonl:%d: warning", i+2)) {
			t.Errorf("warning %q does not name line %d", w, i+2)
		}
	}
	// Even a bad score given to Summarize draws.
	rs = append(rs, Record{Time: t0, Session: t0.Add(time.Hour), Bank: "b", Question: "q0", Digest: rs[0].Digest, Points: -1, MaxPoints: 1})
	p := build(rs, nil).For([]*quiz.Bank{b}).Summarize("Ana", t0.Add(24*time.Hour))
	var out bytes.Buffer
	if err := p.WriteText(&out, TextOptions{Bars: true}); err != nil {
		t.Fatal(err)
	}
	if err := p.WriteJSON(&out); err != nil {
		t.Fatal(err)
	}
}

// F4: the cache holds what the history does: readable by its owner alone,
// even in a directory others can read.
func TestStateIsPrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "history")
	os.Mkdir(dir, 0o755)
	path := filepath.Join(dir, "Ana.jsonl")
	writeLines(t, path, saveAfter+10)
	sc, _, err := Replay(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := sc.SaveState(); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(StatePath(path))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("state: %v %v, want mode 0600", st, err)
	}
}

func writeLines(t *testing.T, path string, n int) {
	t.Helper()
	b := testBank(5)
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for i := range n {
		if err := l.Append(rec(b, i%5, t0.Add(time.Duration(i)*time.Hour), float64(i%2), 5)); err != nil {
			t.Fatal(err)
		}
	}
}

// P2: a huge line costs no memory to skip, and a flood of damaged lines is
// a few warnings and a count.
func TestLongLineAndWarningCap(t *testing.T) {
	b := testBank(1)
	good, _ := json.Marshal(rec(b, 0, t0, 1, 3))
	var buf bytes.Buffer
	buf.WriteString(`{"time":"2026-12-01T09:00:00Z","bank":"b","question":"q0","student":"` + strings.Repeat("A", 4<<20) + "\"}\n")
	for range 500 {
		buf.WriteString("junk\n")
	}
	buf.Write(good)
	buf.WriteByte('\n')
	rs, warns := parse("h.jsonl", buf.Bytes())
	if len(rs) != 1 {
		t.Fatalf("%d records, want 1", len(rs))
	}
	if len(warns) != MaxWarnings+1 || !strings.Contains(warns[0].Error(), "h.jsonl:1: warning: a line of") ||
		!strings.Contains(warns[MaxWarnings].Error(), "and 481 more damaged lines") {
		t.Errorf("warnings: %d, first %v, last %v", len(warns), warns[0], warns[len(warns)-1])
	}
}

// P5: two quizzes started in the same second are two sessions.
func TestSessionsWithinASecond(t *testing.T) {
	b := testBank(1)
	rc1 := &Recorder{Student: "Ana", Mode: "practice", Session: t0.Add(100 * time.Millisecond)}
	rc2 := &Recorder{Student: "Ana", Mode: "practice", Session: t0.Add(600 * time.Millisecond)}
	q := &quiz.Presented{Question: b.Questions[0]}
	r1, _ := rc1.Record(quiz.Outcome{Question: q}, t0.Add(time.Second))
	r2, _ := rc2.Record(quiz.Outcome{Question: q}, t0.Add(2*time.Second))
	if r1.Session.Equal(r2.Session) {
		t.Fatalf("sessions %v and %v are one", r1.Session, r2.Session)
	}
	p := build([]Record{r1, r2}, nil).For([]*quiz.Bank{b}).Summarize("Ana", t0.Add(time.Hour))
	if n := len(p.Banks[0].Sessions); n != 2 {
		t.Errorf("%d sessions, want 2", n)
	}
}

// Two quizzes started in the same millisecond, in two processes, are two
// sessions (SessionID: the tag, a random number, in the microseconds), through
// a history file written and read back and through the state's cache; ids
// written before, to the millisecond, still read as one session each.
func TestSessionsWithinAMillisecond(t *testing.T) {
	b := testBank(1)
	q := &quiz.Presented{Question: b.Questions[0]}
	start := t0.Add(123*time.Millisecond + 456*time.Microsecond)
	path := filepath.Join(t.TempDir(), "Ana.jsonl")
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i, tag := range []int{4242, 4243, 4243} { // the third answer is the second quiz's
		rc := &Recorder{Student: "Ana", Mode: "practice", Session: start, Tag: tag}
		r, _ := rc.Record(quiz.Outcome{Question: q}, t0.Add(time.Duration(i+1)*time.Second))
		if err := l.Append(r); err != nil {
			t.Fatal(err)
		}
	}
	// Written by hand as before: ms ids, two answers of one quiz.
	if _, err := l.f.WriteString(`{"time":"2026-03-01T10:00:05Z","session":"2026-03-01T10:00:04.5Z","student":"Ana","mode":"practice","bank":"b","question":"q0","digest":"` + quiz.Digest(b.Questions[0]) + `","points":1,"max_points":1,"seconds":3}` + "\n" +
		`{"time":"2026-03-01T10:00:06Z","session":"2026-03-01T10:00:04.5Z","student":"Ana","mode":"practice","bank":"b","question":"q0","digest":"` + quiz.Digest(b.Questions[0]) + `","points":1,"max_points":1,"seconds":3}` + "\n"); err != nil {
		t.Fatal(err)
	}
	l.Close()
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), `"session":"`+t0.Format("2006-01-02T15:04:05")+`.123242Z"`) {
		t.Errorf("history:\n%s\nwant the first session as ...:05.123242Z", data)
	}
	want := []time.Time{time.Date(2026, 3, 1, 10, 0, 4, 500e6, time.UTC), t0.Add(123 * time.Millisecond), t0.Add(123 * time.Millisecond)}
	check := func(what string) {
		t.Helper()
		sc, warns, err := Replay(path)
		if err != nil || len(warns) > 0 {
			t.Fatalf("%s: %v %v", what, err, warns)
		}
		p := sc.For([]*quiz.Bank{b}).Summarize("Ana", t0.Add(24*time.Hour))
		var got []time.Time
		for _, s := range p.Banks[0].Sessions {
			got = append(got, s.Started)
		}
		if !slices.EqualFunc(got, want, time.Time.Equal) {
			t.Errorf("%s: sessions started %v, want %v: one of two old lines, then two in the same millisecond", what, got, want)
		}
	}
	check("read")
}

// P7: a line edited by hand before the state's place makes the state stale.
func TestStateStaleAfterEditNearItsEnd(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Ana.jsonl")
	writeLines(t, path, saveAfter+10)
	sc, _, _ := Replay(path)
	if err := sc.SaveState(); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	i := bytes.LastIndex(data[:len(data)-1], []byte("\n"))
	edited := append(append([]byte{}, data[:i+1]...), []byte(strings.Replace(string(data[i+1:]), `"points":1`, `"points":0`, 1))...)
	os.WriteFile(path, edited, 0o600)
	if sc, _, _ = Replay(path); sc.read != saveAfter+10 {
		t.Errorf("read %d lines, want all %d: the state is stale", sc.read, saveAfter+10)
	}
}

// F2: a student's name and a bank file's tags reach a terminal escaped,
// and the table's columns stay aligned; CSV too.
func TestTextEscapesNamesAndTags(t *testing.T) {
	b := testBank(2)
	b.Questions[0].Tags = []string{"t\x1b]0;TAG\a"}
	r := rec(b, 0, t0, 1, 3)
	r.Student = "Ev\x1b[31mil"
	p := build([]Record{r}, nil).For([]*quiz.Bank{b}).Summarize(r.Student, t0.Add(time.Hour))
	for _, bars := range []bool{false, true} {
		var out bytes.Buffer
		p.WriteText(&out, TextOptions{Bars: bars})
		if strings.ContainsAny(out.String(), "\x1b\a") || !strings.Contains(out.String(), `t\x1b]0;TAG\x07`) || !strings.Contains(out.String(), `Ev\x1b[31mil`) {
			t.Errorf("bars %v:\n%s", bars, out.String())
		}
	}
	var out bytes.Buffer
	WriteCSV(&out, []Record{r})
	if strings.Contains(out.String(), "\x1b") {
		t.Errorf("csv:\n%q", out.String())
	}
}
