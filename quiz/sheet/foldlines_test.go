package sheet

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
)

// foldLinesAsBefore is foldLines as it was written first, over strings:
// the one over bytes must fold every key as it did.
func foldLinesAsBefore(out []byte, width int) []byte {
	lines := strings.SplitAfter(string(out), "\n")
	var b strings.Builder
	fold := -1
	for _, line := range lines {
		body := strings.TrimRight(line, "\n")
		at := len(body) - len(strings.TrimLeft(body, " "))
		switch {
		case strings.HasSuffix(body, ": >-") || strings.HasSuffix(body, ": >"):
			fold = at
		case fold >= 0 && (strings.TrimSpace(body) == "" || at <= fold):
			fold = -1
		case fold >= 0 && len(body) > width && !strings.Contains(body[at:], "  "):
			words := strings.Split(body[at:], " ")
			cur := body[:at] + words[0]
			for _, w := range words[1:] {
				if len(cur)+1+len(w) > width {
					b.WriteString(cur + "\n")
					cur = body[:at] + w
				} else {
					cur += " " + w
				}
			}
			b.WriteString(cur + line[len(body):])
			continue
		}
		b.WriteString(line)
	}
	return []byte(b.String())
}

func TestFoldLinesFoldsAsBefore(t *testing.T) {
	var texts [][]byte
	for _, name := range []string{"comprehension", "discussion", "perspectives", "timeline", "vocabulary"} {
		bank := assets.CompiledBank(name)
		var ps []*quiz.Presented
		for _, q := range bank.Questions {
			ps = append(ps, &quiz.Presented{Question: q})
		}
		for _, key := range []bool{false, true} {
			var b bytes.Buffer
			if err := WriteYAML(&b, ps, Layout{Student: KeyStudent, Banks: []string{name}, Seed: 1, Key: key}); err != nil {
				t.Fatal(err)
			}
			texts = append(texts, b.Bytes(), bytes.ReplaceAll(b.Bytes(), []byte("\n    "), []byte(" ")))
		}
	}
	words := []string{"a", "word", "longerword", " ", "  ", "\n", ": >-\n", ": >\n", "  k: >-\n", "    ", "x: y\n"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(60) {
			b.WriteString(words[rng.IntN(len(words))])
		}
		texts = append(texts, []byte(b.String()))
	}
	for _, s := range texts {
		for _, width := range []int{10, 40, 78} {
			if got, want := foldLines(nil, s, width), foldLinesAsBefore(s, width); !bytes.Equal(got, want) {
				t.Fatalf("foldLines(%q, %d)\n= %q\nwant %q", s, width, got, want)
			}
		}
	}
}
