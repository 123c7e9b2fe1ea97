package text

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// oldMarkdownEscaper is the replacer MarkdownEscape used before
// markdownEscape: the oracle it is held to.
var oldMarkdownEscaper = strings.NewReplacer("\r\n", " ", "\n", " ", `\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", "#", `\#`, "[", `\[`)

func TestMarkdownEscapeAsBefore(t *testing.T) {
	pieces := []string{"", "a", "plain text", "\r", "\n", "\r\n", "\n\r", "\r\r\n", "\\", "|", "*", "_", "`", "<", ">", "#", "[", "]", "&lt;",
		"é", "\xff", "\x00", "\x1b[31m", "\u202e", "\u2028", "Xocalı", "💥", "**bold**", "| a | b |"}
	strs := []string{"", "nothing to escape", "a\r\nb", "a\rb", "x\r", "\r\n\r\n", strings.Repeat("_*", 100)}
	rng := rand.New(rand.NewPCG(26, 6))
	for range 20000 {
		var s strings.Builder
		for n := rng.IntN(10); n > 0; n-- {
			s.WriteString(pieces[rng.IntN(len(pieces))])
		}
		strs = append(strs, s.String())
	}
	for _, s := range strs {
		if got, want := markdownEscape(s), oldMarkdownEscaper.Replace(s); got != want {
			t.Fatalf("markdownEscape(%q) = %q, want %q", s, got, want)
		}
	}
}
