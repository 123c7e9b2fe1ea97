package history

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A history deleted while a quiz runs (its folder removed, or progress
// --forget in another terminal) is made again at the next answer, which is
// kept there, and Remade says so once; a history put in its place (moved
// back in) is the one appended to, without a word (attack19 L5: the answers
// went to a file nobody could open).
func TestAppendFollowsThePath(t *testing.T) {
	state := t.TempDir()
	path := filepath.Join(state, "history", "Ana.jsonl")
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	remade := 0
	l.Remade = func() { remade++ }
	b := testBank(4)
	r := func(i int) Record { return rec(b, i, t0.Add(time.Duration(i)*time.Second), 1, 2) }
	if err := l.Append(r(0)); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(state, "history")); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 2; i++ {
		if err := l.Append(r(i)); err != nil {
			t.Fatal(err)
		}
	}
	got, warns, err := load(path)
	if err != nil || len(warns) > 0 || !reflect.DeepEqual(got, []Record{r(1), r(2)}) || remade != 1 {
		t.Fatalf("after the folder went: %d records %+v, %v %v, Remade called %d times; want the 2 later answers, once", len(got), got, err, warns, remade)
	}
	if st, err := os.Stat(filepath.Dir(path)); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("the folder made again: %v %v, want 0700", st, err)
	}

	// Another file moved in at the path is appended to.
	other := filepath.Join(state, "other.jsonl")
	if err := os.WriteFile(other, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(other, path); err != nil {
		t.Fatal(err)
	}
	if err := l.Append(r(3)); err != nil {
		t.Fatal(err)
	}
	got, _, err = load(path)
	if err != nil || !reflect.DeepEqual(got, []Record{r(3)}) || remade != 1 {
		t.Errorf("after a file was moved in: %+v %v, Remade %d times; want the answer in it, no second call", got, err, remade)
	}
}

// A history Forget deletes while a quiz has it open stays deleted: the next
// answers are not kept, Forgotten says so once, and the history is not made
// again (attack21 M1: it was, by the check above). An answer that got in
// after Forget's mark, as it waited for the lock, changes nothing.
func TestAppendAfterForgetKeepsNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history", "Ana.jsonl")
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	forgotten, remade := 0, 0
	l.Forgotten, l.Remade = func() { forgotten++ }, func() { remade++ }
	b := testBank(3)
	r := func(i int) Record { return rec(b, i, t0.Add(time.Duration(i)*time.Second), 1, 2) }
	if err := l.Append(r(0)); err != nil {
		t.Fatal(err)
	}
	if err := Forget(path); err != nil {
		t.Fatal(err)
	}
	if _, err := l.f.Write([]byte("{\"late\":1}\n")); err != nil { // as an answer waiting on the lock would
		t.Fatal(err)
	}
	for i := 1; i <= 2; i++ {
		if err := l.Append(r(i)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) || forgotten != 1 || remade != 0 {
		t.Errorf("after Forget: stat %v, Forgotten %d times, Remade %d; want no history, Forgotten once, never Remade", err, forgotten, remade)
	}
}

// A forget leaves a note, named by a hash and not the name, that a quiz
// started before it finds (recheck26b L2); one started after does not, and
// the next forget removes notes older than noteDays.
func TestForgetLeavesANote(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Ana-0123456789.jsonl")
	if err := os.WriteFile(path, []byte("{}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := time.Now()
	if err := Forget(path); err != nil {
		t.Fatal(err)
	}
	if !ForgottenSince(path, before) || ForgottenSince(path, time.Now()) {
		t.Errorf("ForgottenSince: started before %v, after %v; want true, false", ForgottenSince(path, before), ForgottenSince(path, time.Now()))
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || strings.Contains(entries[0].Name(), "Ana") {
		t.Errorf("left %v, want one note not named after the student", entries)
	}
	old := filepath.Join(dir, notePrefix+"00")
	if err := os.WriteFile(old, []byte(strconv.FormatInt(before.Add(-(noteDays+1)*24*time.Hour).UnixNano(), 10)), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Forget(filepath.Join(dir, "Bo-0123456789.jsonl")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) || !ForgottenSince(path, before) {
		t.Errorf("an old note: %v, want removed; the recent one kept: %v", err, ForgottenSince(path, before))
	}
}

// A note is written over the one before and cut to its length, not emptied
// first (recheck28c L1: a write that failed left an empty note): a longer
// note before leaves no digits behind.
func TestLeaveNoteOverALongerOne(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Ana-0123456789.jsonl")
	if err := os.WriteFile(forgottenNote(path), []byte("99999999999999999999999"), 0o600); err != nil {
		t.Fatal(err)
	}
	now := time.Unix(0, 1_700_000_000_000_000_000)
	if err := leaveNote(path, now); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(forgottenNote(path)); string(data) != "1700000000000000000" {
		t.Errorf("note %q, want %q", data, "1700000000000000000")
	}
}
