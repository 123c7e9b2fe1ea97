package quiz

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// ValidID accepts what ^[a-z0-9][a-z0-9_-]*$ matches, and only that.
func TestValidIDAsPattern(t *testing.T) {
	pattern := regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	cases := []string{"", "a", "-", "_", "a-", "-a", "_a", "a_b-c9", "A", "a\n", "\na", "é", "a b", "0", "9x", "a\x00"}
	const alphabet = "az09_-AZ \n\x00é."
	r := rand.New(rand.NewPCG(25, 3))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(5) {
			b.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		cases = append(cases, b.String())
	}
	for _, c := range cases {
		if got, want := ValidID(c), pattern.MatchString(c); got != want {
			t.Fatalf("ValidID(%q) = %v, want %v", c, got, want)
		}
	}
}
