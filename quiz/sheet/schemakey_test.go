package sheet

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// holdsSchemaKey answers as bytes.Contains(data, `"schema_version"`) did:
// on random texts of the key's pieces, near misses and JSON around them.
func TestHoldsSchemaKeyAsContains(t *testing.T) {
	pieces := []string{`"`, `schema`, `_version`, `_version"`, `"schema`, `"schema_version"`, `schema_version"`,
		`"schema_versio`, `"Schema_version"`, `"schema_version`, `,`, `:`, `{`, `}`, `a`, `ə`, `\"`, `_`, "\n"}
	r := rand.New(rand.NewPCG(30, 8))
	yes, no := 0, 0
	check := func(data []byte) {
		got, want := holdsSchemaKey(data), bytes.Contains(data, []byte(`"schema_version"`))
		if got != want {
			t.Fatalf("holdsSchemaKey(%q) = %v, bytes.Contains %v", data, got, want)
		}
		if got {
			yes++
		} else {
			no++
		}
	}
	for range 100_000 {
		var b []byte
		for n := r.IntN(10); n > 0; n-- {
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
		check(b)
	}
	check(nil)
	if yes < 20_000 || no < 20_000 {
		t.Fatalf("%d texts hold the key and %d do not: the check proves little", yes, no)
	}
}
