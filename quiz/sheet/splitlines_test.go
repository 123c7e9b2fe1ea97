package sheet

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// splitLinesByBytes is SplitLines a byte at a time, as breakLen counts
// breaks: the LF-only path must split every text as it does.
func splitLinesByBytes(data []byte) [][]byte {
	var out [][]byte
	from := 0
	for i := 0; i < len(data); {
		if n := breakLen(data, i); n > 0 {
			out = append(out, data[from:i+n])
			i += n
			from = i
			continue
		}
		i++
	}
	if from < len(data) {
		out = append(out, data[from:])
	}
	return out
}

func TestSplitLinesAsBreakLen(t *testing.T) {
	alphabet := []string{"a", " ", "\n", "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\xc2", "\xe2\x80", "é", "…"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			s := alphabet[rng.IntN(len(alphabet))]
			if rng.IntN(3) > 0 && strings.ContainsAny(s, "\r\u0085\u2028\u2029") {
				s = "a" // most texts have LF breaks alone
			}
			b.WriteString(s)
		}
		data := []byte(b.String())
		if got, want := SplitLines(data), splitLinesByBytes(data); !slices.EqualFunc(got, want, func(x, y []byte) bool { return string(x) == string(y) }) {
			t.Fatalf("SplitLines(%q) = %q, want %q", data, got, want)
		}
	}
}
