package htmlreport

import (
	"math/rand/v2"
	"testing"
)

// appendEscapedSwitch is appendEscaped as it was before its table.
func appendEscapedSwitch(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case 0:
			r = "\uFFFD"
		case '"':
			r = "&#34;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '+':
			r = "&#43;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		default:
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, r...)
		last = i + 1
	}
	return append(b, s[last:]...)
}

// The table escapes every byte as the switch it replaced did: each of the
// 256 bytes alone and among others, and random texts.
func TestEscapedAsSwitch(t *testing.T) {
	var texts []string
	for c := range 256 {
		texts = append(texts, string([]byte{byte(c)}), "a"+string([]byte{byte(c)})+"b")
	}
	r := rand.New(rand.NewPCG(27, 41))
	for range 20000 {
		n := r.IntN(12)
		bs := make([]byte, n)
		for i := range bs {
			if r.IntN(3) == 0 {
				bs[i] = "\x00\"&'+<>é"[r.IntN(9)]
			} else {
				bs[i] = byte(r.IntN(256))
			}
		}
		texts = append(texts, string(bs))
	}
	for _, s := range texts {
		if got, want := appendEscaped([]byte("x"), s), appendEscapedSwitch([]byte("x"), s); string(got) != string(want) {
			t.Fatalf("appendEscaped(%q) = %q, want %q", s, got, want)
		}
	}
}
