package history

import (
	"testing"
	"unicode/utf8"
)

// special, written out, marks what it marked when computed.
func TestSpecialBytes(t *testing.T) {
	for c := range 256 {
		if want := c == '\\' || c < 0x20 || c >= utf8.RuneSelf; special[c] != want {
			t.Errorf("special[%#x] = %v, want %v", c, special[c], want)
		}
	}
}
