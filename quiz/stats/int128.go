package stats

import (
	"math/big"
	"math/bits"
)

// int128 is a signed 128-bit integer, two's complement: a question's Σ x·y of
// marks and rest scores in millionths of a point (10⁻¹² square points), which
// an int64 cannot hold for a large class. Kept whole, it adds up the same in
// any order and over any shards, as the running co-moment does not.
type int128 struct {
	hi int64
	lo uint64
}

// mul128 is a·b.
func mul128(a, b int64) int128 {
	ua, ub := uint64(a), uint64(b)
	if a < 0 {
		ua = -ua
	}
	if b < 0 {
		ub = -ub
	}
	hi, lo := bits.Mul64(ua, ub)
	p := int128{int64(hi), lo}
	if (a < 0) != (b < 0) {
		p = p.neg()
	}
	return p
}

func (a int128) neg() int128 {
	lo, c := bits.Add64(^a.lo, 1, 0)
	return int128{^a.hi + int64(c), lo}
}

func (a int128) add(b int128) int128 {
	lo, c := bits.Add64(a.lo, b.lo, 0)
	return int128{a.hi + b.hi + int64(c), lo}
}

// float is a as the nearest float but for a rounding in its low half: the
// same a gives the same float.
func (a int128) float() float64 {
	return float64(a.hi)*(1<<64) + float64(a.lo)
}

// big is a as a big.Int.
func (a int128) big() *big.Int {
	x := new(big.Int).SetInt64(a.hi)
	x.Lsh(x, 64)
	return x.Add(x, new(big.Int).SetUint64(a.lo))
}

// String is a in decimal.
func (a int128) String() string { return a.big().String() }

// parseInt128 reads a decimal integer; ok is false for anything else or a
// number out of range.
func parseInt128(s string) (int128, bool) {
	x, ok := new(big.Int).SetString(s, 10)
	if !ok || x.BitLen() > 127 || s == "" || s[0] == '+' {
		return int128{}, false
	}
	lo := new(big.Int).And(x, new(big.Int).SetUint64(^uint64(0))).Uint64()
	return int128{x.Rsh(x, 64).Int64(), lo}, true
}
