package stats

import (
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// The moments, the co-moment bound and the median as they were before each
// count was put in order once (counts.ordered): the keys sorted for each,
// and each key's students looked up (at) every time they were read. Kept
// as the oracle of TestOrderedStatisticsAsBefore.

func oldMoments(c *counts, n int) (mean, m2 float64, ok bool) {
	keys := slices.Sorted(maps.Keys(c.asMap()))
	var sum float64
	seen := 0
	for _, k := range keys {
		at := c.at(k)
		seen += at
		sum += float64(k) * float64(at)
	}
	if seen != n || n == 0 {
		return 0, 0, false
	}
	mean = sum / (float64(n) * markUnits)
	for _, k := range keys {
		d := float64(k)/markUnits - mean
		m2 += float64(c.at(k)) * d * d
	}
	return mean, m2, true
}

func oldMaxCoMoment(xs, ys *counts, mx, my float64) float64 {
	kx, ky := slices.Sorted(maps.Keys(xs.asMap())), slices.Sorted(maps.Keys(ys.asMap()))
	if len(kx) == 0 || len(ky) == 0 {
		return 0
	}
	var sum float64
	i, j := 0, 0
	ri, rj := xs.at(kx[0]), ys.at(ky[0])
	for i < len(kx) && j < len(ky) {
		m := min(ri, rj)
		sum += float64(m) * (float64(kx[i])/markUnits - mx) * (float64(ky[j])/markUnits - my)
		ri -= m
		rj -= m
		if ri == 0 {
			if i++; i < len(kx) {
				ri = xs.at(kx[i])
			}
		}
		if rj == 0 {
			if j++; j < len(ky) {
				rj = ys.at(ky[j])
			}
		}
	}
	return sum
}

func oldMedian(totals map[int64]int, n int) float64 {
	lo, hi := (n-1)/2, n/2
	var vlo, vhi float64
	seen := 0
	for _, k := range slices.Sorted(maps.Keys(totals)) {
		next := seen + totals[k]
		if lo >= seen && lo < next {
			vlo = float64(k) / markUnits
		}
		if hi >= seen && hi < next {
			vhi = float64(k) / markUnits
			break
		}
		seen = next
	}
	return (vlo + vhi) / 2
}

// sameFloat is equality to the bit (NaN equal to NaN).
func sameFloat(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }

// The moments, the co-moment bound and the median read from counts put in
// order once are the old ones to the bit, on random counts held as a list
// and as a map (sums read back), with zero counts, keys of both signs, a
// wrong n, and the room reused from one pair of counts to the next.
func TestOrderedStatisticsAsBefore(t *testing.T) {
	rng := rand.New(rand.NewPCG(30, 13))
	random := func() (counts, int) {
		var c counts
		n := 0
		spread := []int{1, 2, 5, 40, 70, 300}[rng.IntN(6)]
		for range rng.IntN(120) {
			k := int64(rng.IntN(spread)-spread/3) * []int64{1, 250000, 333333, 1000000}[rng.IntN(4)]
			add := rng.IntN(4)
			if rng.IntN(15) == 0 {
				add = 0 // listed with no student, as m[k] += 0
			}
			c.add(k, add)
			n += add
		}
		if rng.IntN(3) == 0 { // as sums read back keep it
			c = countsOf(c.asMap())
		}
		if rng.IntN(10) == 0 {
			n++ // counts that do not hold the n students
		}
		return c, n
	}
	var room [2][]keyCount
	for round := range 3000 {
		xs, nx := random()
		ys, _ := random()
		ox, oy := xs.ordered(&room[0]), ys.ordered(&room[1])
		m, m2, ok := moments(ox, nx)
		om, om2, ook := oldMoments(&xs, nx)
		if ok != ook || !sameFloat(m, om) || !sameFloat(m2, om2) {
			t.Fatalf("round %d: moments %v %v %v, want %v %v %v", round, m, m2, ok, om, om2, ook)
		}
		mx, my := rng.NormFloat64()*3, rng.NormFloat64()*3
		if got, want := maxCoMoment(ox, oy, mx, my), oldMaxCoMoment(&xs, &ys, mx, my); !sameFloat(got, want) {
			t.Fatalf("round %d: maxCoMoment %v, want %v", round, got, want)
		}
		if got, want := median(ox, nx), oldMedian(xs.asMap(), nx); !sameFloat(got, want) {
			t.Fatalf("round %d: median %v, want %v", round, got, want)
		}
	}
}
