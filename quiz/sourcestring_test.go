package quiz

import (
	"fmt"
	"strings"
	"testing"
)

// Source.String writes what it wrote through fmt: the section, ", ¶n" for a
// paragraph, ": “quote”" for a quote.
func TestSourceStringAsBefore(t *testing.T) {
	old := func(s Source) string {
		if s.IsZero() {
			return ""
		}
		var b strings.Builder
		b.WriteString(s.Section)
		if s.Paragraph > 0 {
			fmt.Fprintf(&b, ", ¶%d", s.Paragraph)
		}
		if s.Quote != "" {
			fmt.Fprintf(&b, ": “%s”", s.Quote)
		}
		return b.String()
	}
	for _, sec := range []string{"", "Introduction", "a%d<b>\n\xff"} {
		for _, p := range []int{-3, 0, 1, 12, 1 << 40} {
			for _, q := range []string{"", "q", "“quoted” %s\t\x00"} {
				s := Source{Section: sec, Paragraph: p, Quote: q}
				if got, want := s.String(), old(s); got != want {
					t.Errorf("%#v: %q, want %q", s, got, want)
				}
			}
		}
	}
}
