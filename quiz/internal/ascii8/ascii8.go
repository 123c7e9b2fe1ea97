// Package ascii8 tests eight bytes of text in one machine word, the one way
// conflictq's scanners pass over runs of plain ASCII (a bank's, a report's
// and a sheet's text are mostly such runs, and a byte at a time was the
// largest part of writing them): the JSON writer's quoting, the check for
// control characters, the YAML writer's columns and the Moodle XML reader's
// check of its input.
//
// A word's flags are the high bit of each byte. Flags(Below(x, n)|Is(x, c)|x)
// is not zero exactly when a byte of x is below n, is c, or is not ASCII
// (its own high bit), and the lowest flag is the first such byte: a borrow
// that may set a false flag runs only from a flagged byte to the bytes
// above it. Each function is small enough to be inlined.
package ascii8

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// Load is the eight bytes s[0:8] as one word, s[0] its lowest byte (s must
// hold eight; the compiler makes it one load).
func Load(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// LoadBytes is Load of b[0:8].
func LoadBytes(b []byte) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// Below flags the bytes of x below n (n at most 0x80), where no byte before
// them is flagged or over 0x7f.
func Below(x uint64, n byte) uint64 {
	return (x - ones*uint64(n)) &^ x
}

// Is flags the bytes of x that are c, where no byte before them is flagged.
func Is(x uint64, c byte) uint64 {
	y := x ^ ones*uint64(c)
	return (y - ones) &^ y
}

// Flags keeps the flag bits of m: not zero exactly when a byte is flagged,
// its lowest set bit in the first one (bits.TrailingZeros64(m)>>3 is that
// byte's index).
func Flags(m uint64) uint64 {
	return m & highs
}
