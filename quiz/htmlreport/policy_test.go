package htmlreport

import (
	"crypto/sha256"
	"encoding/base64"
	"testing"
)

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// The policies' hashes are those of the assets the pages carry: change an
// asset and this says what its hash is now.
func TestPolicyHashesAreFresh(t *testing.T) {
	for _, a := range []struct{ name, asset, hash string }{
		{"styleHash (assets/style.css)", styleCSS, styleHash},
		{"sortHash (assets/sort.js)", sortJS, sortHash},
		{"paperHash (assets/paper.css)", paperCSS, paperHash},
	} {
		if got := hash(a.asset); got != a.hash {
			t.Errorf("%s is %q; the asset's hash is %q", a.name, a.hash, got)
		}
	}
}
