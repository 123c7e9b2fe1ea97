package prompt

import (
	"bytes"
	"testing"
)

func TestRewriteKeys(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"abc", "abc"},
		{"\x1c", "\x03"},                 // Ctrl-\ stops the prompt as Ctrl-C
		{"19\x1bb23", "19\x00\x0023"},    // Alt+b is nothing, not the end of the quiz
		{"\x1b[D\x1bOH", "\x1b[D\x1bOH"}, // arrows and Home pass
		{"x\x1b", "x\x1b"},               // an ESC alone at the end waits for survey
		{"\x1b\x1b[A", "\x00\x1b[A"},     // Escape, then the up arrow
	} {
		p := []byte(tc.in)
		rewriteKeys(p)
		if !bytes.Equal(p, []byte(tc.want)) {
			t.Errorf("rewriteKeys(%q) = %q, want %q", tc.in, p, tc.want)
		}
	}
}
