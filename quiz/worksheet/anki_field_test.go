package worksheet

import (
	"html"
	"math/rand/v2"
	"strings"
	"testing"
)

// fieldReplacer is how field wrote a field before it wrote one in a pass:
// html.EscapeString, then the breaks and tabs replaced. field must write
// what it wrote, byte for byte.
func fieldReplacer(s string) string {
	s = html.EscapeString(strings.TrimSpace(s))
	s = strings.NewReplacer("\r\n", "<br>", "\n", "<br>", "\r", "<br>", "\t", "&#9;").Replace(s)
	if strings.HasPrefix(s, "#") {
		s = "&#35;" + s[1:]
	}
	return s
}

func tagReplacer(t string) string {
	return strings.Join(strings.Fields(strings.NewReplacer(`"`, "", "\t", " ").Replace(t)), "_")
}

func TestFieldAsReplacer(t *testing.T) {
	cases := []string{
		"", " ", "#", "# x", " #x", "a#b", "\r\n", "\r\r\n\n", "a\rb", "\t\tx\t", "<b>&amp;'\"</b>",
		"x\r", "\r", "\n#", "Xocalı — “quoted” ‘single’", "\x00\x7f", "\u2028\u00a0x\u00a0", "##",
		"a\r\n\r\nb", "&#9;", "\xff\xfe", "  \r\n#x\r\n  ",
	}
	alphabet := []string{"a", "#", " ", "\t", "\r", "\n", "<", ">", "&", "'", "\"", "ı", "\u00a0", "\u2028", "\xff", "b"}
	r := rand.New(rand.NewPCG(25, 13))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		cases = append(cases, b.String())
	}
	for _, c := range cases {
		if got, want := field(c), fieldReplacer(c); got != want {
			t.Fatalf("field(%q) = %q, want %q", c, got, want)
		}
		if got, want := ankiTag(c), tagReplacer(c); got != want {
			t.Fatalf("tag %q = %q, want %q", c, got, want)
		}
	}
}
