package stats

import (
	"cmp"
	"iter"
	"slices"
)

// counts counts students by a mark in millionths of a point: a question's
// marks, or the rest-of-test scores beside it. While it holds few keys they
// are a sorted list, past maxListed a map: a class's questions have a few
// marks and about as many rest scores as students, and each question's two
// maps, grown a key at a time, were most of what the statistics of a class
// of 30 allocated (about 8 allocations and 1.3 KB a question's rest scores,
// and the maps' inserts about a tenth of the statistics' time). Counts read
// back from sums keep the map the sums reader made, of any size (countsOf).
type counts struct {
	list []keyCount // sorted by key; nil once m is made
	m    map[int64]int
}

// keyCount is n students at key k.
type keyCount struct {
	k int64
	n int
}

// maxListed is the most keys counts keeps as a list: an insert moves the
// keys after it, and a search halves the list, so a long list is a map.
const maxListed = 64

// firstListed is the room a list starts with: a question's marks, most
// often right or wrong, fit in it.
const firstListed = 8

// countsOf is counts of m (sums read back), kept as the map it is: the
// sums reader has made it already, and listing its keys one insert at a time
// only cost summary (42 KB and 149 allocations a run, review13-s28 M1).
func countsOf(m map[int64]int) counts {
	if m == nil {
		return counts{}
	}
	return counts{m: m}
}

// search is where k is in the list, or would be.
func (c *counts) search(k int64) (int, bool) {
	return slices.BinarySearchFunc(c.list, k, func(e keyCount, k int64) int {
		switch {
		case e.k < k:
			return -1
		case e.k > k:
			return 1
		}
		return 0
	})
}

// add counts n students more at k (0 lists k, as a map's m[k] += 0 does).
func (c *counts) add(k int64, n int) {
	if c.m != nil {
		c.m[k] += n
		return
	}
	i, found := c.search(k)
	switch {
	case found:
		c.list[i].n += n
	case len(c.list) == maxListed:
		c.m = make(map[int64]int, 2*maxListed)
		for _, e := range c.list {
			c.m[e.k] = e.n
		}
		c.list = nil
		c.m[k] += n
	case c.list == nil:
		c.list = append(make([]keyCount, 0, firstListed), keyCount{k, n})
	default:
		c.list = slices.Insert(c.list, i, keyCount{k, n})
	}
}

// len is how many keys are counted.
func (c *counts) len() int {
	if c.m != nil {
		return len(c.m)
	}
	return len(c.list)
}

// ordered returns every key and its count, smallest key first: the list
// itself (not to be changed), or the map's in room, which is kept for the
// next call.
func (c *counts) ordered(room *[]keyCount) []keyCount {
	if c.m == nil {
		return c.list
	}
	kc := slices.Grow((*room)[:0], len(c.m))
	for k, n := range c.m {
		kc = append(kc, keyCount{k, n})
	}
	slices.SortFunc(kc, func(a, b keyCount) int { return cmp.Compare(a.k, b.k) })
	*room = kc
	return kc
}

// all is every key and its count, in no set order: the one loop over the
// list or the map. It inlines where it is ranged over, so that neither it nor
// the loop's body is made on the heap (the callback of the each it replaces
// was, for every question's two counts: review13-s28 M1, recheck28 L3).
func (c *counts) all() iter.Seq2[int64, int] {
	return func(yield func(int64, int) bool) {
		if c.m != nil {
			for k, n := range c.m {
				if !yield(k, n) {
					return
				}
			}
			return
		}
		for _, e := range c.list {
			if !yield(e.k, e.n) {
				return
			}
		}
	}
}

// merge adds o's counts to c.
func (c *counts) merge(o *counts) {
	for k, n := range o.all() {
		c.add(k, n)
	}
}

// clone copies c.
func (c *counts) clone() counts {
	if c.m != nil {
		m := make(map[int64]int, len(c.m))
		for k, n := range c.m {
			m[k] = n
		}
		return counts{m: m}
	}
	return counts{list: slices.Clone(c.list)}
}
