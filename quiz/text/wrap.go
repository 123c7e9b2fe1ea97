package text

import (
	"strings"
	"unicode/utf8"
)

// Wrap breaks text into lines of at most width columns (counting runes) at
// spaces, each line prefixed with indent. A word longer than a line stays whole.
// Width 0 or less only adds the indent. Paragraph breaks (newlines) are kept.
func Wrap(text string, width int, indent string) string {
	var out []string
	for _, para := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		if width <= 0 {
			out = append(out, indent+para)
			continue
		}
		line := indent
		n := utf8.RuneCountInString(indent)
		empty := true
		for _, word := range strings.Fields(para) {
			w := utf8.RuneCountInString(word)
			if !empty && n+1+w > width {
				out = append(out, line)
				line, n, empty = indent, utf8.RuneCountInString(indent), true
			}
			if !empty {
				line += " "
				n++
			}
			line += word
			n += w
			empty = false
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// Hang wraps s as text that follows a label of n columns: the lines after the
// first are indented to line up under the first.
func Hang(s string, width, n int) string {
	pad := strings.Repeat(" ", n)
	return strings.TrimPrefix(Wrap(s, width, pad), pad)
}

// FirstWords is s cut to its first n words, with "…" when words were left
// out; s as it is when it has no more than n.
func FirstWords(s string, n int) string {
	words := strings.Fields(s)
	if len(words) <= n {
		return s
	}
	return strings.Join(words[:n], " ") + "…"
}
