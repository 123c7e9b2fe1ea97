package worksheet

import (
	"bytes"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

const spellingsBank = `id: spellings
title: Spellings
questions:
  - {id: hrw, type: short, prompt: "Which organisation?", accept: [Human Rights Watch, HRW, Human Rights Watch (HRW), Human Rights Watch HRW, human-rights watch], explanation: HRW., source: {section: Introduction, paragraph: 1, quote: "x"}}
  - {id: town, type: short, prompt: "Which town?", accept: [Khojaly, Xocalı, Xocali, KHOJALY], explanation: Both names., source: {section: Introduction, paragraph: 1, quote: "x"}}
  - {id: lang, type: short, typos: 0, prompt: "Which language?", accept: [C++, c++, C, Café, Cafe], explanation: Exact., source: {section: Introduction, paragraph: 1, quote: "x"}}
`

// The key lists each accepted answer once: spellings the marking takes as
// one (folded as answers are compared: case, punctuation, spaces) are shown
// as the first of them,
// in the Markdown key and the HTML one alike (teacher4 P6: "Human Rights
// Watch / HRW / Human Rights Watch (HRW) / Human Rights Watch HRW"), and an
// answer that is two listed ones side by side is not listed again. An exact
// question's marking minds accents and punctuation, so only case is folded.
func TestKeyListsEachSpellingOnce(t *testing.T) {
	b, _, err := quiz.ParseBank("spellings.yaml", []byte(spellingsBank))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"hrw":  "Human Rights Watch / HRW", // "Human Rights Watch (HRW)" is the two of them, one after the other (teacher7 P10)
		"town": "Khojaly / Xocalı",
		"lang": "C++ / C / Café / Cafe",
	}
	var md bytes.Buffer
	if err := Write(&md, b, Paper{Key: KeyAfter}); err != nil {
		t.Fatal(err)
	}
	_, key, _ := strings.Cut(md.String(), "## Answer key")
	s, err := Layout(b, Paper{Key: KeyAfter})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range s.Items {
		if it.Answer != want[it.ID] {
			t.Errorf("%s: the HTML key gives %q, want %q", it.ID, it.Answer, want[it.ID])
		}
		if !strings.Contains(key, "** "+want[it.ID]+"\\\n") {
			t.Errorf("%s: the Markdown key lacks %q:\n%s", it.ID, want[it.ID], key)
		}
	}
}
