package text

import (
	"encoding/xml"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestXMLEscape(t *testing.T) {
	if got, want := XMLEscape(`<a href="x">Tom & Jerry's</a>`+"\n"), "&lt;a href=&#34;x&#34;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;&#xA;"; got != want {
		t.Errorf("XMLEscape = %q, want %q", got, want)
	}
}

// XMLEscape writes what xml.EscapeText writes, also where it returns its
// input as it is.
func TestXMLEscapeAsEncodingXML(t *testing.T) {
	pieces := []string{"a", " ", "é", "Xocalı", "&", "<", ">", "'", "\"", "\t", "\n", "\r", "\x00", "\x1f", "\x7f",
		"\u0085", "\u2028", "\ud7ff", "\ue000", "\ufffd", "\ufffe", "\uffff", "\U00010000", "\U0010ffff", "\xff", "\xed\xa0\x80", "\xc3", "—"}
	r := rand.New(rand.NewPCG(25, 2))
	for range 50000 {
		var b strings.Builder
		for range r.IntN(6) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		var want strings.Builder
		_ = xml.EscapeText(&want, []byte(s))
		if got := XMLEscape(s); got != want.String() {
			t.Fatalf("XMLEscape(%q) = %q, want %q", s, got, want.String())
		}
	}
}
