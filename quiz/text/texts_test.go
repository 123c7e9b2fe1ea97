package text

import (
	"math/rand/v2"
	"strings"
)

// eachText calls check with each of pieces alone, then with 20,000 random
// strings of up to most-1 of them (the same strings for the same seed): the
// input of the tests that hold a text reader's fast path to the code it
// replaced.
func eachText(seed uint64, pieces []string, most int, check func(s string)) {
	for _, p := range pieces {
		check(p)
	}
	r := rand.New(rand.NewPCG(27, seed))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(most) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		check(b.String())
	}
}
