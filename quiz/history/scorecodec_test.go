package history

import (
	"cmp"
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestScoresRoundTrip: the state's scores read back the same, bit for bit,
// in their compact form (whole numbers of halves) and in full (a third, a
// -0, 200 points, sessions out of order or long ago), whether decoded into
// the memories or handed out by each; damage is refused, never a panic.
func TestScoresRoundTrip(t *testing.T) {
	third := float32(1) / 3
	mems := []savedMemory{
		{memory: memory{Scores: []score{{1000, 1, 1}, {2000, 0, 1}, {3000, 1.5, 2}, {5000, 127.5, 127.5}}}},
		{},
		{memory: memory{Scores: []score{{5000, third, 1}, {-86400000, float32(math.Copysign(0, -1)), 1}, {3000, 200, 300}, {1000, 2, 1}, {2000, 0.25, 0.5}}}},
		{memory: memory{Scores: []score{{4000, 3, 6}, {1000, 1, 1}, {4000, 1, 2}}}},
	}
	b, latest := encodeScores(mems, 2)
	room := []int{0, 2, 1, 0}
	got, ok := decodeScores(b, room)
	if !ok {
		t.Fatal("not decoded")
	}
	bits := func(xs []score) (out [][3]int64) {
		for _, x := range xs {
			out = append(out, [3]int64{x.session, int64(math.Float32bits(x.points)), int64(math.Float32bits(x.maxPt))})
		}
		return out
	}
	// Newest first, a session's scores in their order.
	newest := func(xs []score) []score {
		xs = slices.Clone(xs)
		slices.SortStableFunc(xs, func(a, b score) int { return cmp.Compare(b.session, a.session) })
		return xs
	}
	for i, m := range mems {
		if !reflect.DeepEqual(bits(got[i]), bits(newest(m.Scores))) || cap(got[i])-len(got[i]) < room[i] {
			t.Errorf("memory %d: %v (room %d), want %v", i, got[i], cap(got[i])-len(got[i]), newest(m.Scores))
		}
	}
	s, ok := parseScores(b, len(mems))
	if !ok {
		t.Fatal("not parsed")
	}
	for i, m := range mems {
		var each []score
		if !s.each(s.spans[i], func(at int, p, mx float32) bool { each = append(each, score{s.starts[at], p, mx}); return true }) ||
			!reflect.DeepEqual(bits(each), bits(newest(m.Scores))) {
			t.Errorf("memory %d by each: %v, want %v", i, each, m.Scores)
		}
	}
	// latest: each memory's scores in its two latest sessions, the same
	// way.
	l, ok := parseScores(latest, len(mems))
	if !ok || !slices.Equal(l.starts, s.starts) {
		t.Fatalf("latest not parsed (%v), or other sessions: %v, want %v", ok, l.starts, s.starts)
	}
	for i, m := range mems {
		var want []score
		seen := map[int64]bool{}
		for _, x := range newest(m.Scores) {
			if !seen[x.session] && len(seen) == 2 {
				break
			}
			seen[x.session] = true
			want = append(want, x)
		}
		var each []score
		if !l.each(l.spans[i], func(at int, p, mx float32) bool { each = append(each, score{l.starts[at], p, mx}); return true }) ||
			!reflect.DeepEqual(bits(each), bits(want)) {
			t.Errorf("memory %d's latest: %v, want %v", i, each, want)
		}
	}
	if _, ok := parseScores(b, len(mems)+1); ok {
		t.Error("read as the scores of one memory more")
	}
	for n := range len(b) {
		if _, ok := decodeScores(b[:n], room); ok {
			t.Errorf("scores cut to %d of %d bytes were read", n, len(b))
		}
	}
	for i := range len(b) * 8 {
		d := append([]byte(nil), b...)
		d[i/8] ^= 1 << (i % 8)
		decodeScores(d, room) // refused or read as other numbers, never a panic
	}
}

// TestHeaderLine: the state's header is the JSON encoding/json would write,
// and parseHeader reads only that: spaces, another order of fields, a
// missing newline or a negative length mean a stale state.
func TestHeaderLine(t *testing.T) {
	h := stateHeader{Version: stateVersion, Head: strings.Repeat("ab", 32), At: position{Offset: 1 << 40, Line: 12},
		Memories: section{46632, 1346228259}, Scores: section{190722, 4294967295}}
	want, _ := json.Marshal(h)
	if line := h.line(); string(line) != string(want)+"\n" {
		t.Fatalf("header\n%s\nwant\n%s", line, want)
	}
	if got, ok := parseHeader(h.line()); !ok || got != h {
		t.Fatalf("read back %+v, %v", got, ok)
	}
	good := string(h.line())
	for _, bad := range []string{
		strings.TrimSuffix(good, "\n"),
		strings.Replace(good, `"version":`, `"version": `, 1),
		strings.Replace(good, `"len":46632`, `"len":-46632`, 1),
		strings.Replace(good, `{"len":190722,"crc32":4294967295}`, `{"crc32":4294967295,"len":190722}`, 1),
		strings.Replace(good, `"line":12`, `"line":012`, 1),
		strings.Replace(good, `"crc32":4294967295`, `"crc32":4294967296`, 1),
		"",
		"{}\n",
	} {
		if h, ok := parseHeader([]byte(bad)); ok && h.Memories.Len >= 0 {
			t.Errorf("read %q", bad)
		}
	}
}
