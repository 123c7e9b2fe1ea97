package stats

import (
	"bytes"
	"cmp"
	"encoding/json"
	"math"
	"slices"
	"strconv"

	"github.com/conflictq/conflictq/quiz/internal/jsonw"
)

// appendSums appends the running sums as encoding/json wrote statsJSON (the
// same bytes: fields in its order, its omitempty, map keys sorted as strings,
// floats and strings formatted as it formats them), without its reflection:
// grade --sums spent about half a millisecond there for a class of 30, most
// of it walking the marks and rest-of-test maps of every question.
func (s *Stats) appendSums(b []byte) ([]byte, error) {
	var keys countKeys // reused for every map
	for _, v := range s.floats() {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			_, err := json.Marshal(v) // its error, word for word
			return nil, err
		}
	}
	b = append(b, `{"conflictq_stats":1,"n":`...)
	b = strconv.AppendInt(b, int64(s.n), 10)
	b = append(b, `,"mean_total":`...)
	b = jsonw.AppendFloat(b, s.meanT)
	b = append(b, `,"m2_total":`...)
	b = jsonw.AppendFloat(b, s.m2T)
	b = append(b, `,"totals":`...)
	if s.totals == nil {
		b = append(b, "{}"...)
	} else {
		b = appendCounts(b, s.totals, &keys)
	}
	if len(s.maxes) > 0 {
		b = append(b, `,"maxes":`...)
		b = appendCounts(b, s.maxes, &keys)
	}
	b = append(b, `,"histogram":[`...)
	for i, c := range s.hist {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(c), 10)
	}
	b = append(b, `],"questions":[`...)
	for i := range s.items {
		it := &s.items[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"id":`...)
		b = jsonw.AppendString(b, it.id, jsonw.EscapeHTML)
		if it.pos != 0 {
			b = append(b, `,"pos":`...)
			b = strconv.AppendInt(b, int64(it.pos), 10)
		}
		b = append(b, `,"n":`...)
		b = strconv.AppendInt(b, int64(it.n), 10)
		for _, f := range []struct {
			name string
			v    float64
		}{{`,"max_mark":`, it.maxMark}, {`,"mean_x":`, it.meanX}, {`,"mean_y":`, it.meanY}, {`,"m2_x":`, it.m2X}, {`,"m2_y":`, it.m2Y}, {`,"c_xy":`, it.cXY}} {
			b = append(b, f.name...)
			b = jsonw.AppendFloat(b, f.v)
		}
		b = append(b, `,"marks":`...)
		b = appendItemCounts(b, &it.marks, &keys)
		b = append(b, `,"rest":`...)
		b = appendItemCounts(b, &it.rest, &keys)
		if it.notReached != 0 {
			b = append(b, `,"not_reached":`...)
			b = strconv.AppendInt(b, int64(it.notReached), 10)
		}
		if !it.noSxy {
			b = append(b, `,"sum_xy":"`...)
			b = appendInt128(b, it.sxy)
			b = append(b, '"')
		}
		b = append(b, '}')
	}
	b = append(b, ']')
	if s.stopped != 0 {
		b = append(b, `,"stopped":`...)
		b = strconv.AppendInt(b, int64(s.stopped), 10)
	}
	// Written when 0 too: sums without it are an older conflictq's, whose
	// sheets may wait or not (attack24 L8).
	b = append(b, `,"sheets_to_mark":`...)
	b = strconv.AppendInt(b, int64(s.toMark), 10)
	if s.unknown != 0 {
		b = append(b, `,"sheets_to_mark_unknown":`...)
		b = strconv.AppendInt(b, int64(s.unknown), 10)
	}
	if s.auto != nil {
		var err error
		if b, err = s.auto.appendSums(append(b, `,"auto":`...)); err != nil {
			return nil, err
		}
	}
	return append(b, '}'), nil
}

// floats are the sums' numbers that JSON cannot hold when they are not finite.
func (s *Stats) floats() []float64 {
	vs := []float64{s.meanT, s.m2T}
	for _, it := range s.items {
		vs = append(vs, it.maxMark, it.meanX, it.meanY, it.m2X, it.m2Y, it.cXY)
	}
	return vs
}

// sumsSize is about how long the sums are written: room for them at once.
func (s *Stats) sumsSize() int {
	n := 256 + 24*(len(s.totals)+len(s.maxes))
	for _, it := range s.items {
		n += 256 + len(it.id) + 24*(it.marks.len()+it.rest.len())
	}
	if s.auto != nil {
		n += s.auto.sumsSize()
	}
	return n
}

// countKey is a count's key, its count, and where its decimal text, the
// string encoding/json orders it by, lies in the shared digits (no string of
// its own for each of a class's thousand keys).
type countKey struct {
	count  int
	key    int64
	lo, hi int
	// aligned is a key of 0 or more as its digits left-aligned in 19
	// places (n × 10^(19-digits)): two keys' texts are in the order of
	// their aligned values, and where those are equal (one text is the
	// other and zeros) the shorter first. Negative keys are compared as
	// text.
	aligned uint64
}

// countKeys is room to sort a map's keys, reused for every map.
type countKeys struct {
	keys   []countKey
	digits []byte
}

// pow10 are the powers of ten an aligned key is scaled by.
var pow10 = [20]uint64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19}

// appendCounts appends a map of counts as encoding/json writes one: null
// for nil, keys as strings in the strings' order.
func appendCounts(b []byte, m map[int64]int, ck *countKeys) []byte {
	if m == nil {
		return append(b, "null"...)
	}
	c := counts{m: m}
	return appendItemCounts(b, &c, ck)
}

// appendItemCounts appends a question's counts as appendCounts appends them
// as a map: keys as strings in the strings' order.
func appendItemCounts(b []byte, c *counts, ck *countKeys) []byte {
	ck.keys, ck.digits = ck.keys[:0], ck.digits[:0]
	negative := false
	for k, n := range c.all() {
		lo := len(ck.digits)
		ck.digits = strconv.AppendInt(ck.digits, k, 10)
		ckey := countKey{key: k, count: n, lo: lo, hi: len(ck.digits)}
		if k >= 0 {
			ckey.aligned = uint64(k) * pow10[19-(ckey.hi-lo)]
		} else {
			negative = true
		}
		ck.keys = append(ck.keys, ckey)
	}
	digits := ck.digits
	if negative {
		slices.SortFunc(ck.keys, func(a, b countKey) int { return bytes.Compare(digits[a.lo:a.hi], digits[b.lo:b.hi]) })
	} else {
		slices.SortFunc(ck.keys, func(a, b countKey) int {
			if c := cmp.Compare(a.aligned, b.aligned); c != 0 {
				return c
			}
			return cmp.Compare(a.hi-a.lo, b.hi-b.lo)
		})
	}
	b = append(b, '{')
	for i, k := range ck.keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, digits[k.lo:k.hi]...)
		b = append(b, `":`...)
		b = strconv.AppendInt(b, int64(k.count), 10)
	}
	return append(b, '}')
}
