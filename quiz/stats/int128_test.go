package stats

import (
	"math/big"
	"math/rand/v2"
	"testing"
)

// bigOf is a as a big.Int, the reference.
func bigOf(a int128) *big.Int {
	x := new(big.Int).SetInt64(a.hi)
	x.Lsh(x, 64)
	return x.Add(x, new(big.Int).SetUint64(a.lo))
}

// int128's products, sums and decimal text agree with big.Int's, and its
// reader refuses what it does not write.
func TestInt128(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 8))
	edge := []int64{0, 1, -1, 9, 10, -10, 1e18, -1e18, 1<<62 + 12345, -(1 << 62), markLimit * markUnits, -markLimit * markUnits}
	pick := func() int64 {
		if r.IntN(3) == 0 {
			return edge[r.IntN(len(edge))]
		}
		return r.Int64N(2*markLimit*markUnits) - markLimit*markUnits
	}
	var sum int128
	want := new(big.Int)
	for range 20000 {
		a, b := pick(), pick()
		p := mul128(a, b)
		wp := new(big.Int).Mul(big.NewInt(a), big.NewInt(b))
		if bigOf(p).Cmp(wp) != 0 {
			t.Fatalf("%d·%d = %v, want %v", a, b, bigOf(p), wp)
		}
		if max(a, -a, b, -b) <= markLimit*markUnits { // as a mark and a rest score can be
			sum = sum.add(p)
			want.Add(want, wp)
		}
		if bigOf(sum).Cmp(want) != 0 {
			t.Fatalf("sum %v, want %v", bigOf(sum), want)
		}
		for _, v := range []int128{p, sum, p.neg()} {
			text := string(appendInt128(nil, v))
			if text != bigOf(v).String() {
				t.Fatalf("%v written %s", bigOf(v), text)
			}
			if back, ok := parseInt128(text); !ok || back != v {
				t.Fatalf("%s read back as %v, %v", text, bigOf(back), ok)
			}
		}
	}
	top := int128{1<<63 - 1, ^uint64(0)}
	if _, ok := top.addSafe(int128{0, 1}); ok {
		t.Error("2¹²⁷-1 + 1 did not overflow")
	}
	if _, ok := top.neg().addSafe(int128{-1, ^uint64(0)}.add(int128{-1, ^uint64(0)})); ok {
		t.Error("-2¹²⁷+1 - 2 did not overflow")
	}
	if v, ok := top.addSafe(top.neg()); !ok || v != (int128{}) {
		t.Errorf("2¹²⁷-1 less itself: %v, %v", bigOf(v), ok)
	}
	limits := []string{"170141183460469231731687303715884105727", "-170141183460469231731687303715884105728"}
	for _, s := range limits {
		if v, ok := parseInt128(s); !ok || bigOf(v).String() != s || string(appendInt128(nil, v)) != s {
			t.Errorf("%s: read %v, %v", s, bigOf(v), ok)
		}
	}
	for _, s := range []string{"", "-", "+1", "01", "-0x1", "1e3", "1.5", " 1", "170141183460469231731687303715884105728", "-170141183460469231731687303715884105729", "999999999999999999999999999999999999999999"} {
		if v, ok := parseInt128(s); ok {
			t.Errorf("%q read as %v", s, bigOf(v))
		}
	}
}
