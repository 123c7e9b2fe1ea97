package history

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
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

// TestDamagedState: a state file damaged by a disk, sync or backup tool
// (bytes added or cut, a bit flipped anywhere, a newline in the binary
// scores) is never read as real data: progress is the whole history's, and
// a quiz that saves a new state afterwards saves the whole history's too,
// so the damage is never made permanent. Damage in the header or the
// memories means reading the whole history; damage in the scores alone
// means reading their part again when progress needs them.
func TestDamagedState(t *testing.T) {
	// Where each part starts in a state file: the memories after the
	// header's newline, the scores after theirs (the memories, binary,
	// may hold newlines of their own).
	parts := func(data []byte) (mem, scores int) {
		mem = bytes.IndexByte(data, '\n') + 1
		h, ok := parseHeader(data[:mem])
		if !ok {
			panic("no header")
		}
		return mem, mem + int(h.Memories.Len) + 1
	}
	flip := func(at func(data []byte) int) func([]byte) []byte {
		return func(data []byte) []byte {
			data = bytes.Clone(data)
			data[at(data)] ^= 1
			return data
		}
	}
	for _, tc := range []struct {
		name   string
		damage func([]byte) []byte
		used   bool // the state's memories are still used (only the scores damaged)
	}{
		{"three bytes added", func(d []byte) []byte { return append(bytes.Clone(d), 0, 0, 0) }, false},
		{"a newline added", func(d []byte) []byte { return append(bytes.Clone(d), '\n') }, false},
		{"cut short", func(d []byte) []byte { return d[:len(d)-100] }, false},
		{"cut in the memories", func(d []byte) []byte { m, _ := parts(d); return d[:m+10] }, false},
		{"header only", func(d []byte) []byte { m, _ := parts(d); return d[:m] }, false},
		{"a bit flipped in the memories", flip(func(d []byte) int { m, _ := parts(d); return m + 14 }), false},
		{"a bit flipped in the header's line count", flip(func(d []byte) int {
			return bytes.Index(d, []byte(`"line":`)) + len(`"line":`)
		}), false},
		{"a bit flipped in the header's checksum", flip(func(d []byte) int {
			return bytes.Index(d, []byte(`"crc32":`)) + len(`"crc32":`)
		}), false},
		{"a bit flipped in the scores", flip(func(d []byte) int { _, s := parts(d); return s + 40 }), true},
		{"a bit flipped in the last score", flip(func(d []byte) int { return len(d) - 1 }), true},
		{"a newline in the scores", func(d []byte) []byte {
			d = bytes.Clone(d)
			_, s := parts(d)
			d[s+20] = '\n'
			return d
		}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "Ana.jsonl")
			banks := []*quiz.Bank{testBank(50)}
			end := writeYear(t, path, banks, 3650)
			sc, _, _ := Replay(path)
			if err := sc.SaveState(); err != nil {
				t.Fatal(err)
			}
			saved, err := os.ReadFile(StatePath(path))
			if err != nil || len(saved) < 400 {
				t.Fatalf("state: %d bytes, %v", len(saved), err)
			}
			damage := func() {
				t.Helper()
				if err := os.WriteFile(StatePath(path), tc.damage(saved), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			at := end.Add(48 * time.Hour)
			whole := func() *Progress {
				all, _, _ := load(path)
				return build(all, nil).For(banks).Summarize("Ana", at)
			}
			damage()
			review, _, _ := Replay(path)
			if used := review.stored != nil; used != tc.used {
				t.Errorf("the damaged state's memories used: %v, want %v", used, tc.used)
			}
			if got, want := review.For(banks).Summarize("Ana", at), whole(); !reflect.DeepEqual(got, want) {
				t.Errorf("progress from a damaged state: %d answers, %d sessions; want the history's %d, %d",
					got.Answers, len(got.Banks[0].Sessions), want.Answers, len(want.Banks[0].Sessions))
			}

			// A quiz ends after the damage: its new state carries the whole history.
			damage()
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
			if got, want := again.For(banks).Summarize("Ana", at), whole(); !reflect.DeepEqual(got, want) {
				t.Errorf("progress after saving over a damaged state: %d answers, %d sessions; want the history's %d, %d",
					got.Answers, len(got.Banks[0].Sessions), want.Answers, len(want.Banks[0].Sessions))
			}
		})
	}
}

// TestNoStateFromPartialScores: when the state's scores are damaged and
// the history can no longer be read up to where the replay stopped (cut
// meanwhile), SaveState refuses to save: the state it would write would
// hold part of the scores and look whole.
func TestNoStateFromPartialScores(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Ana.jsonl")
	banks := []*quiz.Bank{testBank(50)}
	end := writeYear(t, path, banks, 3650)
	sc, _, _ := Replay(path)
	if err := sc.SaveState(); err != nil {
		t.Fatal(err)
	}
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range saveAfter + 5 {
		l.Append(rec(banks[0], i%50, end.Add(time.Hour+time.Duration(i)*time.Minute), 1, 5))
	}
	l.Close()
	quizEnd, _, _ := Replay(path)
	if quizEnd.stored == nil {
		t.Fatal("the state was not used")
	}
	data, _ := os.ReadFile(StatePath(path))
	data[len(data)-1] ^= 1 // the last score
	os.WriteFile(StatePath(path), data, 0o600)
	st, _ := os.Stat(StatePath(path))
	hist, _ := os.ReadFile(path)
	os.WriteFile(path, hist[:len(hist)/2], 0o600)
	if err := quizEnd.SaveState(); err == nil || !strings.Contains(err.Error(), "cannot be read again") {
		t.Errorf("SaveState over partial scores: %v, want a refusal", err)
	}
	if st2, _ := os.Stat(StatePath(path)); !os.SameFile(st, st2) || !st2.ModTime().Equal(st.ModTime()) {
		t.Error("the state file was replaced")
	}
}

// TestDamagedScoresWithTheirChecksum: scores that are not what the encoder
// writes, though their checksum matches (written by another program, or a
// bug), are never added up as they are: progress reads the history again
// and is the whole history's.
//
// The same for the scores of the latest sessions, which the text reads.
func TestDamagedScoresWithTheirChecksum(t *testing.T) {
	for name, damage := range map[string]func([]byte) []byte{
		"cut short": func(b []byte) []byte { return b[:len(b)-1] },
		// The last score's maximum marks floats, which are not there.
		"a score's floats missing": func(b []byte) []byte { b[len(b)-2] = 255; return b },
	} {
		for _, latest := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/latest=%v", name, latest), func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "Ana.jsonl")
				banks := []*quiz.Bank{testBank(50)}
				end := writeYear(t, path, banks, 3650)
				sc, _, _ := Replay(path)
				if err := sc.SaveState(); err != nil {
					t.Fatal(err)
				}
				data, _ := os.ReadFile(StatePath(path))
				first := bytes.IndexByte(data, '\n') + 1
				var h stateHeader
				if err := json.Unmarshal(data[:first], &h); err != nil {
					t.Fatal(err)
				}
				scoresAt := len(data) - int(h.Scores.Len+h.Latest.Len)
				mems := data[first:scoresAt]
				scores, last := data[scoresAt:len(data)-int(h.Latest.Len)], data[len(data)-int(h.Latest.Len):]
				if latest {
					last = damage(bytes.Clone(last))
				} else {
					scores = damage(bytes.Clone(scores))
				}
				h.Scores = section{int64(len(scores)), checksum(scores)}
				h.Latest = section{int64(len(last)), checksum(last)}
				state := append(append(append(h.line(), mems...), scores...), last...)
				if err := os.WriteFile(StatePath(path), state, 0o600); err != nil {
					t.Fatal(err)
				}
				at := end.Add(48 * time.Hour)
				n := 0 // Summarize
				if latest {
					n = TextSessions
				}
				all, _, _ := load(path)
				want := build(all, nil).For(banks).SummarizeLatest("Ana", at, n)
				review, _, _ := Replay(path)
				if review.stored == nil {
					t.Fatal("the state's memories were not used")
				}
				part := review.scores
				if latest {
					part = review.latest
				}
				if _, ok := review.readSection(part); !ok {
					t.Fatal("the damaged scores' checksum does not match")
				}
				got := review.For(banks).SummarizeLatest("Ana", at, n)
				if n > 0 { // the sessions the text shows
					for _, p := range []*Progress{got, want} {
						for _, ls := range [][]Line{p.Banks, p.Tags} {
							for i := range ls {
								ls[i].Sessions = ls[i].Sessions[max(0, len(ls[i].Sessions)-n):]
							}
						}
					}
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("progress from damaged scores: %d sessions, want the history's %d", len(got.Banks[0].Sessions), len(want.Banks[0].Sessions))
				}
			})
		}
	}
}

// TestSummarizeLatest: progress with each line's latest sessions only (what
// the text shows) has the same scores for them as the whole summary, from
// a state and the answers since: with a tag answered in a few sessions
// only, answers a third right, and a quiz's answers kept after another's
// (two quizzes at once), in sessions before the state's last.
func TestSummarizeLatest(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Ana.jsonl")
	b := testBank(20)
	b.Questions[19].Tags = append(b.Questions[19].Tags, "rare")
	banks := []*quiz.Bank{b}
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	day := func(d int) time.Time { return t0.Add(time.Duration(d) * 24 * time.Hour) }
	add := func(d, q, i int, session time.Time, points float64) {
		r := rec(b, q, day(d).Add(time.Duration(i)*time.Second), points, 5)
		r.Session = session
		if err := l.Append(r); err != nil {
			t.Fatal(err)
		}
	}
	answerDay := func(d int) {
		for q := range 18 {
			add(d, q, q, day(d), float64((d+q)%3)/2)
		}
		if d%40 == 3 {
			add(d, 19, 30, day(d), 1.0/3)
		}
		if d%25 == 7 { // a quiz begun days before ends now
			add(d, 18, 40, day(d-5), 1)
			add(d, 3, 41, day(d-5), 0.5)
		}
	}
	for d := range 150 {
		answerDay(d)
	}
	sc, _, _ := Replay(path)
	if err := sc.SaveState(); err != nil || sc.read < saveAfter {
		t.Fatalf("no state: read %d, %v", sc.read, err)
	}
	for d := 150; d < 160; d++ {
		answerDay(d)
	}
	add(160, 19, 1, day(140), 1) // since the state, in a session before its last
	l.Close()
	at := day(161)
	all, _, _ := load(path)
	whole := build(all, nil).For(banks).Summarize("Ana", at)
	for _, n := range []int{1, 2, 5, 12, 1000} {
		sc, _, _ := Replay(path)
		if sc.stored == nil || sc.read == 0 {
			t.Fatal("the state was not used")
		}
		got := sc.For(banks).SummarizeLatest("Ana", at, n)
		want := *whole
		want.Banks, want.Tags = slices.Clone(whole.Banks), slices.Clone(whole.Tags)
		for _, ls := range [][]Line{want.Banks, want.Tags} {
			for i := range ls {
				ls[i].Sessions = ls[i].Sessions[max(0, len(ls[i].Sessions)-n):]
			}
		}
		if !reflect.DeepEqual(got, &want) {
			for i := range want.Tags {
				if !reflect.DeepEqual(got.Tags[i], want.Tags[i]) {
					t.Errorf("n=%d: tag %s:\n%+v\nwant\n%+v", n, want.Tags[i].Name, got.Tags[i], want.Tags[i])
				}
			}
			t.Fatalf("n=%d: bank\n%+v\nwant\n%+v", n, got.Banks[0], want.Banks[0])
		}
	}
	if rare := whole.Tags[len(whole.Tags)-1]; rare.Name != "rare" || len(rare.Sessions) != 5 {
		t.Errorf("the rare tag: %+v", rare)
	}
}

// TestUndecodableMemoriesWithTheirChecksum: memories that match their
// checksum but cannot be decoded (written by another program, or a bug)
// mean reading the whole history, as a stale state does.
func TestUndecodableMemoriesWithTheirChecksum(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Ana.jsonl")
	banks := []*quiz.Bank{testBank(50)}
	end := writeYear(t, path, banks, 3650)
	sc, _, _ := Replay(path)
	if err := sc.SaveState(); err != nil {
		t.Fatal(err)
	}
	appendDay(t, path, banks, 20)
	data, _ := os.ReadFile(StatePath(path))
	first := bytes.IndexByte(data, '\n') + 1
	var h stateHeader
	if err := json.Unmarshal(data[:first], &h); err != nil {
		t.Fatal(err)
	}
	mems := []byte("AQ==")                                    // one memory, and nothing of it
	scores := data[len(data)-int(h.Scores.Len+h.Latest.Len):] // and the latest
	h.Memories = section{int64(len(mems)), memSum(h.At, mems)}
	state := append(append(append(h.line(), mems...), '\n'), scores...)
	if err := os.WriteFile(StatePath(path), state, 0o600); err != nil {
		t.Fatal(err)
	}
	at := end.Add(48 * time.Hour)
	all, _, _ := load(path)
	want := build(all, nil).For(banks).Summarize("Ana", at)
	got, warns, err := Replay(path)
	if err != nil || len(warns) > 0 {
		t.Fatal(err, warns)
	}
	if got.stored != nil || got.read != len(all) {
		t.Fatalf("the undecodable memories were used (read %d lines of %d)", got.read, len(all))
	}
	if p := got.For(banks).Summarize("Ana", at); !reflect.DeepEqual(p, want) {
		t.Errorf("progress: %d answers, want the history's %d", p.Answers, want.Answers)
	}
}

// TestStateVersion7Rebuilt: a state written before the latest sessions'
// scores were kept apart (version 7: header, memories, scores) is never
// read as this version's: the whole history is read, and the next state
// saved is this version's, which the review after uses.
func TestStateVersion7Rebuilt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Ana.jsonl")
	banks := []*quiz.Bank{testBank(50)}
	end := writeYear(t, path, banks, 3650)
	sc, _, _ := Replay(path)
	if err := sc.SaveState(); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(StatePath(path))
	first := bytes.IndexByte(data, '\n') + 1
	h, ok := parseHeader(data[:first])
	if !ok {
		t.Fatal("no header")
	}
	// As version 7 wrote it: its memories in base64 on a line of their
	// own, their length and checksum the base64 text's; then the scores,
	// and no latest sessions (review-code24 #11: the raw memories under a
	// version 7 header were no file version 7 wrote).
	mems := data[first : first+int(h.Memories.Len)]
	b64 := []byte(base64.StdEncoding.EncodeToString(mems))
	scores := data[first+int(h.Memories.Len)+1 : len(data)-int(h.Latest.Len)]
	if int64(len(scores)) != h.Scores.Len {
		t.Fatalf("scores: %d bytes, the header says %d", len(scores), h.Scores.Len)
	}
	const v7 = `{"version":%d,"head":%q,"at":{"offset":%d,"line":%d},"memories":{"len":%d,"crc32":%d},"scores":{"len":%d,"crc32":%d}}` + "\n"
	old := fmt.Appendf(nil, v7, 7, h.Head, h.At.Offset, h.At.Line, len(b64), memSum(h.At, b64), h.Scores.Len, h.Scores.Sum)
	old = append(append(append(old, b64...), '\n'), scores...)
	if err := os.WriteFile(StatePath(path), old, 0o600); err != nil {
		t.Fatal(err)
	}
	all, _, _ := load(path)
	at := end.Add(48 * time.Hour)
	want := build(all, nil).For(banks).Summarize("Ana", at)
	review, warns, err := Replay(path)
	if err != nil || len(warns) > 0 || review.stored != nil || review.read != len(all) {
		t.Fatalf("a version 7 state was used: read %d lines of %d, %v %v", review.read, len(all), warns, err)
	}
	if got := review.For(banks).Summarize("Ana", at); !reflect.DeepEqual(got, want) {
		t.Error("progress over a version 7 state differs from the history's")
	}
	if err := review.SaveState(); err != nil {
		t.Fatal(err)
	}
	again, _, _ := Replay(path)
	if again.stored == nil || again.read != 0 {
		t.Fatalf("the state saved over a version 7 one was not used (read %d lines)", again.read)
	}
	if got := again.For(banks).Summarize("Ana", at); !reflect.DeepEqual(got, want) {
		t.Error("progress from the new state differs from the history's")
	}
}
