package glossary

import (
	"bytes"
	"strings"
	"testing"
)

// The "Since the article" section is drawn by one function for the full and
// the plain view: a leading "Since the article:" is left to the heading in
// both, so the heading never shows twice (review s21 FIX 4).
func TestSinceSectionOnce(t *testing.T) {
	e := &Entry{Term: "Zed", Kind: "town", Short: "s", Definition: "d",
		SinceArticle: "Since the article: in 2023 it changed, fully.", PlainSince: "Since the article: in 2023 it changed."}
	var full, plain bytes.Buffer
	Layout{Width: 80}.Render(&full, e)
	Layout{Width: 80}.RenderPlain(&plain, e, "")
	for view, out := range map[string]string{"full": full.String(), "plain": plain.String()} {
		if n := strings.Count(out, "Since the article"); n != 1 {
			t.Errorf("%s: %q shown %d times:\n%s", view, "Since the article", n, out)
		}
	}
	if !strings.Contains(plain.String(), "In 2023 it changed.") || strings.Contains(plain.String(), "fully") {
		t.Errorf("plain view:\n%s", plain.String())
	}
	if !strings.Contains(full.String(), "In 2023 it changed, fully.") {
		t.Errorf("full view:\n%s", full.String())
	}
}

// plain_since says a since_article note in plain words: one without the
// note it says is refused with file, line and field, as a glossary of a
// teacher's own can hold one (review s21 FIX 4).
func TestPlainSinceNeedsSinceArticle(t *testing.T) {
	src := "entries:\n  - term: Zed\n    kind: town\n    short: s\n    definition: d\n    plain_since: in 2023 it changed\n"
	_, err := Parse("g.yaml", []byte(src))
	if err == nil || !strings.Contains(err.Error(), `g.yaml:6: term "Zed": plain_since: needs since_article`) {
		t.Errorf("err = %v", err)
	}
	if _, err := Parse("g.yaml", []byte(src+"    since_article: In 2023 it changed.\n")); err != nil {
		t.Errorf("with since_article: %v", err)
	}
}

// Search finds words of the plain view too: a student searches the words
// the screen showed them.
func TestSearchCoversPlainWords(t *testing.T) {
	g, err := New([]Entry{{Term: "Zed", Kind: "town", Short: "s", Definition: "d", Plain: "a quiet hamlet",
		SinceArticle: "It changed.", PlainSince: "The villagers went away."}})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"hamlet", "villagers"} {
		if hits := g.Search(q); len(hits) != 1 || hits[0].Entry.Term != "Zed" {
			t.Errorf("Search(%q) = %v", q, hits)
		}
	}
}
