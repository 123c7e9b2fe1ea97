package stats

import (
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// counts does what the map[int64]int it replaced did, on either side of
// maxListed: random adds (new keys, old keys, zero counts, extreme keys),
// merges, clones and counts read back from sums, checked against a map
// after every step.
func TestCountsAsMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(28, 1))
	key := func(spread int) int64 {
		switch rng.IntN(20) {
		case 0:
			return math.MaxInt64
		case 1:
			return math.MinInt64
		case 2:
			return -int64(rng.IntN(spread))
		}
		return int64(rng.IntN(spread)) * 250000
	}
	check := func(round int, c *counts, m map[int64]int) {
		t.Helper()
		if c.len() != len(m) {
			t.Fatalf("round %d: %d keys, want %d", round, c.len(), len(m))
		}
		var room []keyCount
		got := c.ordered(&room)
		keys := make([]int64, len(got))
		for i, e := range got {
			keys[i] = e.k
			if e.n != m[e.k] {
				t.Fatalf("round %d: ordered gives %d students at %d, want %d", round, e.n, e.k, m[e.k])
			}
		}
		if !slices.Equal(keys, slices.Sorted(maps.Keys(m))) {
			t.Fatalf("round %d: keys in order %v, want %v", round, keys, slices.Sorted(maps.Keys(m)))
		}
		seen := map[int64]int{}
		for k, n := range c.all() {
			if _, twice := seen[k]; twice {
				t.Fatalf("round %d: key %d given twice", round, k)
			}
			seen[k] = n
		}
		if !maps.Equal(seen, m) || !maps.Equal(c.asMap(), m) {
			t.Fatalf("round %d: counts %v, want %v", round, seen, m)
		}
		for k, n := range m {
			if c.at(k) != n {
				t.Fatalf("round %d: at(%d) = %d, want %d", round, k, c.at(k), n)
			}
		}
		if k := key(1 << 20); c.at(k) != m[k] {
			t.Fatalf("round %d: at(%d) = %d, want %d", round, k, c.at(k), m[k])
		}
	}
	for round := range 160 {
		spread := []int{1, 3, 40, 64, 65, 70, 200, 5000}[round%8]
		var c counts
		m := map[int64]int{}
		for range rng.IntN(200) {
			switch rng.IntN(10) {
			case 0: // a clone grows apart
				d := c.clone()
				d.add(key(spread), 1)
				check(round, &c, m)
			case 1: // merged with other counts
				var o counts
				om := map[int64]int{}
				for range rng.IntN(100) {
					k, n := key(spread), rng.IntN(3)
					o.add(k, n)
					om[k] += n
				}
				c.merge(&o)
				for k, n := range om {
					m[k] += n
				}
			case 2: // read back from sums
				c = countsOf(maps.Clone(m))
			default:
				k, n := key(spread), 1
				if rng.IntN(10) == 0 {
					n = 0
				}
				c.add(k, n)
				m[k] += n
			}
			check(round, &c, m)
		}
	}
	if c := countsOf(nil); c.len() != 0 || c.at(0) != 0 {
		t.Fatal("counts of no map hold a key")
	}
}

// asMap is c as a map, for encoding/json and the tests' comparisons.
func (c *counts) asMap() map[int64]int {
	m := make(map[int64]int, c.len())
	for k, n := range c.all() {
		m[k] = n
	}
	return m
}

// Ranging over all allocates nothing, writing the counts or merging them,
// from a list or a map (recheck28 L3).
func TestCountsAllAllocatesNothing(t *testing.T) {
	var list, m, into counts
	for k := range int64(10) {
		list.add(k*250000, 1)
	}
	m = countsOf(map[int64]int{0: 1, 1_000_000: 2, -500_000: 3})
	var ck countKeys
	buf := make([]byte, 0, 1024)
	into.merge(&list) // its room grown once
	into.merge(&m)
	for _, c := range []*counts{&list, &m} {
		if a := testing.AllocsPerRun(100, func() { buf = appendItemCounts(buf[:0], c, &ck) }); a != 0 {
			t.Errorf("appendItemCounts allocates %v times", a)
		}
		if a := testing.AllocsPerRun(100, func() { into.merge(c) }); a != 0 {
			t.Errorf("merge allocates %v times", a)
		}
		n := 0
		if a := testing.AllocsPerRun(100, func() {
			for _, c := range c.all() {
				n += c
			}
		}); a != 0 {
			t.Errorf("ranging over all allocates %v times", a)
		}
	}
}

// Counts read back from sums keep the reader's map rather than list its keys
// one insert at a time, which cost summary 42 KB and 149 allocations a run
// (review13-s28 M1, recheck28 L2).
func TestCountsOfKeepsTheMap(t *testing.T) {
	m := map[int64]int{0: 3, 1_000_000: 5}
	c := countsOf(m)
	if c.m == nil || c.list != nil {
		t.Fatalf("countsOf listed the map: %+v", c)
	}
	m[2_000_000] = 1
	if c.at(2_000_000) != 1 {
		t.Error("countsOf copied the map")
	}
	if allocs := testing.AllocsPerRun(100, func() { countsOf(m) }); allocs != 0 {
		t.Errorf("countsOf allocates %v times", allocs)
	}
	if c := countsOf(nil); c.m != nil || c.list != nil || c.len() != 0 {
		t.Errorf("countsOf(nil) = %+v, want empty", c)
	}
}

// at is how many students had k: the tests' look-up of one count (the
// statistics read them in order: counts.ordered).
func (c *counts) at(k int64) int {
	if c.m != nil {
		return c.m[k]
	}
	if i, found := c.search(k); found {
		return c.list[i].n
	}
	return 0
}
