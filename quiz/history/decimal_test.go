package history

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestParseDecimalMatchesStrconv: the decoder's own number reading gives the
// very float64 strconv does, for the numbers Log writes and for random ones
// up to its 15 digits; longer numbers, exponents and signs are left to
// strconv.
func TestParseDecimalMatchesStrconv(t *testing.T) {
	cases := []string{"0", "1", "2", "0.5", "12.5", "41.7", "0.1", "0.3", "0.6666666666666", "999999999999999",
		"123456789012.345", "1e3", "-1", "1.", ".5", "1.2.3", "1234567890123456", "0.1234567890123456", "00012.50"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		n := r.Uint64N(1_000_000_000_000_000)
		s := strconv.FormatUint(n, 10)
		if k := r.IntN(len(s) + 1); k < len(s) {
			s = s[:k] + "." + s[k:]
		}
		cases = append(cases, s, strconv.FormatFloat(r.Float64()*1e4, 'f', -1, 64))
	}
	for _, s := range cases {
		got, ok := parseDecimal([]byte(s))
		want, err := strconv.ParseFloat(s, 64)
		if ok && (err != nil || got != want) {
			t.Errorf("parseDecimal(%q) = %v, strconv %v (%v)", s, got, want, err)
		}
		if !ok && len(s) <= 15 && err == nil && s[0] != '-' && s[0] != '.' && s[len(s)-1] != '.' && !containsAny(s, "eE") {
			t.Errorf("parseDecimal(%q) refused a number it should read", s)
		}
	}
}

func containsAny(s, chars string) bool {
	for i := range len(s) {
		for j := range len(chars) {
			if s[i] == chars[j] {
				return true
			}
		}
	}
	return false
}
