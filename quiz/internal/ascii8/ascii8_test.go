package ascii8

import (
	"math/bits"
	"math/rand/v2"
	"testing"
)

// first is the index of the first byte of b below n, equal to c, or not
// ASCII, or 8: what Flags(Below(x, n)|Is(x, c)|x) must find.
func first(b []byte, n, c byte) int {
	for i, v := range b {
		if v < n || v == c || v >= 0x80 {
			return i
		}
	}
	return 8
}

func found(b []byte, n, c byte) int {
	x := LoadBytes(b)
	if x != Load(string(b)) {
		panic("Load and LoadBytes differ")
	}
	m := Flags(Below(x, n) | Is(x, c) | x)
	if m == 0 {
		return 8
	}
	return bits.TrailingZeros64(m) >> 3
}

// Every byte value at every position among plain bytes, and random words
// full of the bytes near the edges, for the classes the scanners test.
func TestFirstFlagIsTheFirstByte(t *testing.T) {
	classes := []struct{ n, c byte }{{0x20, 0x7f}, {0x20, '"'}, {0x20, '\\'}, {0, 0x80}, {0x20, 0x80}}
	edge := []byte{0, 1, 0x1f, 0x20, 0x21, '"', '\\', 'a', 0x7e, 0x7f, 0x80, 0x81, 0xc3, 0xff}
	rng := rand.New(rand.NewPCG(8, 8))
	for _, k := range classes {
		for pos := range 8 {
			for v := range 256 {
				b := []byte("abcdefgh")
				b[pos] = byte(v)
				if got, want := found(b, k.n, k.c), first(b, k.n, k.c); got != want {
					t.Fatalf("below %#x or %#x in %q: first at %d, want %d", k.n, k.c, b, got, want)
				}
			}
		}
		for range 200000 {
			var b [8]byte
			for i := range b {
				b[i] = edge[rng.IntN(len(edge))]
			}
			if got, want := found(b[:], k.n, k.c), first(b[:], k.n, k.c); got != want {
				t.Fatalf("below %#x or %#x in %q: first at %d, want %d", k.n, k.c, b, got, want)
			}
		}
	}
}

// Below alone flags a byte exactly when it is below n, whatever follows
// the plain bytes before it, a byte over 0x7f included (review13-s29 L8: a
// Below without its &^ x flagged 0x80+n and over, and passed the test
// above, which flags such bytes anyway).
func TestBelowAlone(t *testing.T) {
	for _, n := range []byte{0x01, 0x20, 0x30, 0x61} { // none above the plain bytes
		for pos := range 8 {
			for v := range 256 {
				b := []byte("abcdefgh")
				b[pos] = byte(v)
				got := Flags(Below(LoadBytes(b), n)) != 0
				if want := byte(v) < n; got != want {
					t.Fatalf("Below(%q, %#x) flags: %v, want %v", b, n, got, want)
				}
			}
		}
	}
}
