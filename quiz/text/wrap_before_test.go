package text

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// wrapBefore is Wrap as it was before it was written into one buffer
// (line strings joined), kept to hold the rewrite to the same output.
func wrapBefore(text string, width int, indent string) string {
	var out []string
	in := Width(indent)
	for _, para := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		if width <= 0 {
			out = append(out, indent+para)
			continue
		}
		var line strings.Builder
		line.WriteString(indent)
		n, empty := in, true
		newLine := func() {
			out = append(out, line.String())
			line.Reset()
			line.WriteString(indent)
			n, empty = in, true
		}
		alone := false // the last word is a web address that must have its line to itself
		for _, word := range strings.Fields(para) {
			w := Width(word)
			if alone {
				newLine()
				alone = false
			}
			if isURL(word) && in+w > width {
				if !empty {
					newLine()
				}
				line.Reset()
				line.WriteString(word)
				n, empty, alone = w, false, true
				continue
			}
			space := 0
			if !empty {
				space = 1
			}
			if n+space+w > width && hasWide(word) && !isURL(word) {
				// Chinese and Japanese fill the line, breaking between
				// characters (clusters, since widths30).
				first, _, _, _ := nextCluster(word, -1)
				if !empty && n+1+Width(first) > width {
					newLine()
				} else if !empty {
					line.WriteByte(' ')
					n++
				}
				for rest, state := word, -1; rest != ""; {
					var c string
					c, rest, _, state = nextCluster(rest, state)
					cw := Width(c)
					if n+cw > width && n > in {
						newLine()
					}
					for _, r := range c {
						line.WriteRune(r)
					}
					n += cw
				}
				empty = false
				continue
			}
			if !empty && n+1+w > width {
				newLine()
			}
			if !empty {
				line.WriteByte(' ')
				n++
			}
			line.WriteString(word)
			n += w
			empty = false
		}
		out = append(out, line.String())
	}
	return strings.Join(out, "\n")
}

// TestWrapAsBefore holds Wrap to wrapBefore on random and hostile texts:
// wide and combining characters, web addresses, Unicode spaces (NBSP,
// U+0085, U+2028), invalid UTF-8, blank paragraphs, every width and indent.
func TestWrapAsBefore(t *testing.T) {
	pieces := []string{"a", "word", "Xocalı", "Xocal\u0131", "e\u0301", "漢字", "テストです", "ｶ", " ", "  ", "\t", "\n", "\n\n",
		"\u00a0", "\u0085", "\u2028", "\u3000", "\xff", "\xe2\x80", "https://example.org/a/b", "(https://x.org)", "http://例え.jp/パス",
		"\"https://q.org/\"", "verylongwordthatdoesnotfitanywhere", "-", ",", "\u200b", "\ufeff", "\r", "\v", "\f"}
	indents := []string{"", " ", "  ", "> ", "    ", "漢", "\t"}
	r := rand.New(rand.NewPCG(13, 25))
	for i := range 40000 {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		text, width, indent := b.String(), r.IntN(34)-2, indents[r.IntN(len(indents))]
		if i%7 == 0 {
			text += "\n\n"
		}
		if got, want := Wrap(text, width, indent), wrapBefore(text, width, indent); got != want {
			t.Fatalf("Wrap(%q, %d, %q) = %q, before %q", text, width, indent, got, want)
		}
	}
}

// FuzzWrapAsBefore is TestWrapAsBefore on the fuzzer's texts.
func FuzzWrapAsBefore(f *testing.F) {
	f.Add("see https://example.org/a/b now 漢字テストです", 20, "  ")
	f.Fuzz(func(t *testing.T, text string, width int, indent string) {
		width %= 200
		if got, want := Wrap(text, width, indent), wrapBefore(text, width, indent); got != want {
			t.Fatalf("Wrap(%q, %d, %q) = %q, before %q", text, width, indent, got, want)
		}
	})
}
