package history

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
)

// TestScoresWhenStateReplaced: a review reads the state's scores only when
// progress or SaveState needs them. When another quiz has replaced the
// state file meanwhile, they come from the history itself, up to where the
// replay stopped, so progress is the same as from the whole history.
func TestScoresWhenStateReplaced(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Ana.jsonl")
	banks := []*quiz.Bank{testBank(50)}
	end := writeYear(t, path, banks, 3650)
	sc, _, _ := Replay(path)
	if err := sc.SaveState(); err != nil {
		t.Fatal(err)
	}
	appendAnswers := func(n int, from time.Time) {
		l, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		for i := range n {
			l.Append(rec(banks[0], i%50, from.Add(time.Duration(i)*time.Minute), float64(i%2), 5))
		}
		l.Close()
	}
	appendAnswers(10, end.Add(time.Hour))
	all, _, _ := load(path)
	want := build(all, nil).For(banks).Summarize("Ana", end.Add(48*time.Hour))

	review, _, _ := Replay(path) // from the state; its scores not read yet
	if review.stored == nil || review.read != 10 {
		t.Fatalf("the review did not start from the state (read %d lines)", review.read)
	}
	// Another quiz ends: more answers, and a new state in the file's place.
	appendAnswers(2500, end.Add(24*time.Hour))
	other, _, _ := Replay(path)
	if err := other.SaveState(); err != nil || other.read < saveAfter {
		t.Fatalf("no new state: read %d, %v", other.read, err)
	}
	got := review.For(banks).Summarize("Ana", end.Add(48*time.Hour))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("progress after the state was replaced:\n%+v\nwant\n%+v", got.Banks[0], want.Banks[0])
	}
	if len(got.Banks[0].Sessions) < 300 {
		t.Errorf("%d sessions, want a year's", len(got.Banks[0].Sessions))
	}

	// Unreplaced, the state's own scores are read.
	all, _, _ = load(path)
	want = build(all, nil).For(banks).Summarize("Ana", end.Add(48*time.Hour))
	if got := other.For(banks).Summarize("Ana", end.Add(48*time.Hour)); !reflect.DeepEqual(got, want) {
		t.Errorf("progress from the saved schedule differs from the whole history's")
	}
	again, _, _ := Replay(path)
	if again.stored == nil {
		t.Fatal("the new state was not used")
	}
	if got := again.For(banks).Summarize("Ana", end.Add(48*time.Hour)); !reflect.DeepEqual(got, want) {
		t.Errorf("progress from the new state differs from the whole history's")
	}
}

// TestScoresWhenStateCut: the scores run raw to the end of the state file,
// so a cut copy or sync damages only them. Progress then takes them from
// the history, and the next SaveState writes them back whole: a damaged
// cache never loses a year of progress for good.
func TestScoresWhenStateCut(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Ana.jsonl")
	banks := []*quiz.Bank{testBank(50)}
	end := writeYear(t, path, banks, 3650)
	sc, _, _ := Replay(path)
	if err := sc.SaveState(); err != nil {
		t.Fatal(err)
	}
	cut := func() {
		t.Helper()
		data, err := os.ReadFile(StatePath(path))
		if err != nil || len(data) < 200 {
			t.Fatalf("state: %d bytes, %v", len(data), err)
		}
		if err := os.WriteFile(StatePath(path), data[:len(data)-100], 0o600); err != nil {
			t.Fatal(err)
		}
	}
	whole := func() *Progress {
		all, _, _ := load(path)
		return build(all, nil).For(banks).Summarize("Ana", end.Add(48*time.Hour))
	}
	cut()
	review, _, _ := Replay(path)
	if review.stored == nil {
		t.Fatal("the cut state was not used: the test does not reach the scores")
	}
	got := review.For(banks).Summarize("Ana", end.Add(48*time.Hour))
	if want := whole(); !reflect.DeepEqual(got, want) {
		t.Errorf("progress from a cut state: %d sessions, want the history's %d", len(got.Banks[0].Sessions), len(want.Banks[0].Sessions))
	}

	// A quiz ends after the cut: its new state carries the whole year.
	cut()
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range saveAfter + 5 {
		l.Append(rec(banks[0], i%50, end.Add(time.Hour+time.Duration(i)*time.Minute), float64(i%2), 5))
	}
	l.Close()
	quizEnd, _, _ := Replay(path)
	if err := quizEnd.SaveState(); err != nil {
		t.Fatal(err)
	}
	again, _, _ := Replay(path)
	if again.stored == nil || again.read != 0 {
		t.Fatalf("the new state was not used (read %d lines)", again.read)
	}
	got = again.For(banks).Summarize("Ana", end.Add(48*time.Hour))
	if want := whole(); !reflect.DeepEqual(got, want) {
		t.Errorf("progress after saving over a cut state: %d sessions, want the history's %d", len(got.Banks[0].Sessions), len(want.Banks[0].Sessions))
	}
}
