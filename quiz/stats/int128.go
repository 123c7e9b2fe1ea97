package stats

import (
	"math/bits"
	"strconv"
	"strings"
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

// addSafe is a+b, and false if it overflows 127 bits: a class would need
// some 18,000 students at a billion points each.
func (a int128) addSafe(b int128) (int128, bool) {
	c := a.add(b)
	return c, (a.hi < 0) != (b.hi < 0) || (c.hi < 0) == (a.hi < 0)
}

// float is a as the nearest float but for a rounding in its low half: the
// same a gives the same float.
func (a int128) float() float64 {
	return float64(a.hi)*(1<<64) + float64(a.lo)
}

// appendInt128 appends a in decimal, as strconv.AppendInt appends an int64.
func appendInt128(b []byte, a int128) []byte {
	if a.hi < 0 {
		b = append(b, '-')
		a = a.neg() // 2⁻¹²⁷ stays itself, read as unsigned: its magnitude
	}
	return appendUint128(b, uint64(a.hi), a.lo)
}

// appendUint128 appends hi·2⁶⁴+lo in decimal, 19 digits at a time.
func appendUint128(b []byte, hi, lo uint64) []byte {
	if hi == 0 {
		return strconv.AppendUint(b, lo, 10)
	}
	const e19 = 1e19
	qhi := hi / e19
	qlo, r := bits.Div64(hi%e19, lo, e19)
	b = appendUint128(b, qhi, qlo)
	var digits [19]byte
	for i := len(digits) - 1; i >= 0; i-- {
		digits[i] = byte('0' + r%10)
		r /= 10
	}
	return append(b, digits[:]...)
}

// parseInt128 reads a decimal integer as appendInt128 writes it; ok is false
// for anything else or a number out of range.
func parseInt128(s string) (int128, bool) {
	neg := strings.HasPrefix(s, "-")
	digits := strings.TrimPrefix(s, "-")
	if digits == "" || len(digits) > 1 && digits[0] == '0' {
		return int128{}, false
	}
	var hi, lo uint64
	for i := 0; i < len(digits); i++ {
		d := digits[i]
		if d < '0' || d > '9' {
			return int128{}, false
		}
		over, hi10 := bits.Mul64(hi, 10)
		carry, lo10 := bits.Mul64(lo, 10)
		var c uint64
		lo, c = bits.Add64(lo10, uint64(d-'0'), 0)
		var c2 uint64
		hi, c2 = bits.Add64(hi10, carry, c)
		if over != 0 || c2 != 0 || hi > 1<<63 || hi == 1<<63 && (lo != 0 || !neg) {
			return int128{}, false
		}
	}
	a := int128{int64(hi), lo}
	if neg {
		a = a.neg()
	}
	return a, true
}
