package stats

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// oldSums is how MarshalJSON wrote the sums before appendSums: statsJSON
// through encoding/json. The sums written now must be the same bytes.
func oldSums(s *Stats) ([]byte, error) {
	return json.Marshal(oldSumsJSON(s))
}

func oldSumsJSON(s *Stats) *statsJSON {
	hist := s.hist
	out := statsJSON{Version: 1, N: s.n, MeanT: s.meanT, M2T: s.m2T, Totals: s.totals, Maxes: s.maxes, Histogram: &hist, Items: make([]itemSumsJSON, len(s.items)), Stopped: s.stopped}
	if out.Totals == nil {
		out.Totals = map[int64]int{}
	}
	for i, it := range s.items {
		n := it.n
		out.Items[i] = itemSumsJSON{ID: it.id, Pos: it.pos, N: &n, MaxMark: it.maxMark, MeanX: it.meanX, MeanY: it.meanY, M2X: it.m2X, M2Y: it.m2Y, CXY: it.cXY, Marks: it.marks.asMap(), Rest: it.rest.asMap(), NotReached: it.notReached}
		if !it.noSxy {
			out.Items[i].SumXY = string(appendInt128(nil, it.sxy))
		}
	}
	toMark := s.toMark
	out.ToMark, out.ToMarkUnknown = &toMark, s.unknown
	if s.auto != nil {
		out.Auto = oldSumsJSON(s.auto)
	}
	return &out
}

// withMarking makes some of randomStats' classes wait for a teacher's mark,
// and others keep the automatically marked questions' sums (SetToMark).
func withMarking(rng *rand.Rand, s *Stats) *Stats {
	switch rng.IntN(3) {
	case 0:
		if s.n > 0 {
			s.SetToMark(1+rng.IntN(s.n), nil)
		}
	case 1:
		auto := s.Clone()
		if len(auto.items) > 0 {
			auto.items, auto.index = auto.items[:len(auto.items)-1], nil
		}
		s.SetToMark(0, auto)
	}
	return s
}

// hostileIDs are question ids no bank of ours has, for the quoting.
var hostileIDs = []string{`b/<script>&"x"\y`, "b/tab\there\nline\x00\x1f\x7f", "b/\u2028\u2029 é 日本 😀", "b/bad\xff\xfeutf8", "b/\b\f\r", "", "b/" + strings.Repeat("long-", 40)}

// randomStats grades a random class: questions worth whole, half and third
// points (and more), marks and partial marks, students who skip questions or
// stop early, sometimes merged from shards or read back from sums.
func randomStats(rng *rand.Rand) *Stats {
	s := New(nil, nil)
	nq := rng.IntN(12)
	var places []int
	var maxes []float64
	for q := range nq {
		id := "bank/q" + string(rune('a'+q))
		if rng.IntN(4) == 0 {
			id = hostileIDs[rng.IntN(len(hostileIDs))] + string(rune('a'+q))
		}
		max := []float64{1, 2, 0.5, 1.0 / 3, 10, 0, 1e-7, 3e8}[rng.IntN(8)]
		places = append(places, s.Item(id, rng.IntN(3)*rng.IntN(50), max))
		maxes = append(maxes, max)
	}
	for range rng.IntN(60) {
		var idx []int
		var marks []float64
		var reached []bool
		for j, p := range places {
			if rng.IntN(6) == 0 {
				continue // not given this question
			}
			idx = append(idx, p)
			m := maxes[j] * float64(rng.IntN(4)) / 3
			if rng.IntN(10) == 0 {
				m = -m // a penalty
			}
			marks = append(marks, m)
			reached = append(reached, rng.IntN(15) != 0)
		}
		if rng.IntN(2) == 0 {
			reached = nil
		}
		s.AddReached(idx, marks, reached)
	}
	return s
}

func TestSumsAreWrittenAsBefore(t *testing.T) {
	rng := rand.New(rand.NewPCG(25, 13))
	check := func(t *testing.T, s *Stats) {
		t.Helper()
		want, werr := oldSums(s)
		got, gerr := s.MarshalJSON()
		if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
			t.Fatalf("error %v; want %v", gerr, werr)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("sums differ:\n got %s\nwant %s", got, want)
		}
		if werr != nil {
			return
		}
		// As grade --sums writes them: through an Encoder, which compacts
		// and checks what MarshalJSON gives.
		var a, b bytes.Buffer
		if err := json.NewEncoder(&a).Encode(s); err != nil {
			t.Fatal(err)
		}
		b.Write(want)
		b.WriteByte('\n')
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatalf("encoded sums differ:\n got %s\nwant %s", a.Bytes(), b.Bytes())
		}
	}
	check(t, New(nil, nil))
	check(t, &Stats{})
	for i := range 1000 {
		s := withMarking(rng, randomStats(rng))
		check(t, s)
		switch i % 3 {
		case 0: // numbers JSON writes with an exponent, a negative zero
			if len(s.items) > 0 {
				s.items[0].m2Y, s.m2T, s.meanT = 1.5e25, 2e-7, math.Copysign(0, -1)
				check(t, s)
			}
		case 1: // merged shards
			o := randomStats(rng)
			for k := range o.items {
				if j, ok := s.lookup(o.items[k].id); ok {
					o.items[k].maxMark = s.items[j].maxMark
				}
			}
			withMarking(rng, o)
			if err := s.Merge(o); err != nil {
				t.Fatal(err)
			}
			check(t, s)
		case 2: // read back, as summary reads sums
			data, _ := s.MarshalJSON()
			var r Stats
			if err := json.Unmarshal(data, &r); err != nil {
				continue // refused as damaged: points in the hundreds of millions
			}
			check(t, &r)
		}
	}
	// Sums encoding/json refuses: the same error.
	s := randomStats(rng)
	s.meanT = math.NaN()
	check(t, s)
	s.meanT, s.m2T = 1, math.Inf(-1)
	check(t, s)
	// Nil maps, which no grading leaves, as encoding/json wrote them (a
	// question's counts are no map since session 28, and never nil).
	s = New([]string{"a/b"}, []float64{1})
	s.totals, s.maxes = nil, nil
	check(t, s)
}

// appendCounts orders keys as encoding/json orders a map[int64]int's: by
// their decimal text. Keys of every length, shared prefixes, zeros at the
// end, negative keys and the extremes.
func TestCountsInJSONOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(27, 3))
	var ck countKeys
	for i := range 3000 {
		m := map[int64]int{}
		for range rng.IntN(40) {
			var k int64
			switch rng.IntN(6) {
			case 0:
				k = rng.Int64N(100)
			case 1:
				k = rng.Int64N(10) * []int64{1, 10, 100, 1000, 1e6, 1e9, 1e18}[rng.IntN(7)]
			case 2:
				k = []int64{0, 1, 9, 10, 100, math.MaxInt64, math.MaxInt64 - 1, 999999999999999999, 1e18}[rng.IntN(9)]
			case 3:
				if i%2 == 0 {
					k = -rng.Int64N(1e7)
				}
			case 4:
				if i%3 == 0 {
					k = []int64{math.MinInt64, -1, -10, -9}[rng.IntN(4)]
				}
			default:
				k = rng.Int64N(math.MaxInt64)
			}
			m[k] = rng.IntN(50)
		}
		want, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendCounts(nil, m, &ck); !bytes.Equal(got, want) {
			t.Fatalf("appendCounts = %s\nwant %s", got, want)
		}
	}
}
