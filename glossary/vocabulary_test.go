package glossary

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

// vocabularyFixture builds the bank from testdata/vocabulary, whose files are
// topics as assets/glossary's are.
func vocabularyFixture(t *testing.T) (*Glossary, map[string]*quiz.Question) {
	t.Helper()
	files, _ := filepath.Glob("testdata/vocabulary/*.yaml")
	var all []Entry
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		entries, err := Parse(f, data)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, entries...)
	}
	g, err := New(all)
	if err != nil {
		t.Fatal(err)
	}
	qs := map[string]*quiz.Question{}
	for _, q := range VocabularyBank(g).Questions {
		qs[q.ID] = q
	}
	return g, qs
}

func TestVocabularyNoPeopleForCategories(t *testing.T) {
	g, qs := vocabularyFixture(t)
	people := map[string]bool{}
	for _, e := range g.Entries() {
		if e.Topic == "people" {
			people[e.Term], people[e.Short] = true, true
		}
	}
	for _, id := range []string{"define-refugee", "term-refugee", "define-internally-displaced-person", "term-internally-displaced-person"} {
		if qs[id] == nil {
			t.Fatalf("no question %s", id)
		}
	}
	for id, q := range qs {
		for _, c := range q.Choices {
			if people[c] {
				t.Errorf("%s offers a people as an answer: %q", id, c)
			}
		}
		if strings.HasSuffix(id, "-armenians") || strings.HasSuffix(id, "-azerbaijanis") {
			t.Errorf("%s: a question about a people", id)
		}
	}
	refugee, _ := g.Lookup("refugee")
	armenians, _ := g.Lookup("Armenians")
	idp, _ := g.Lookup("IDP")
	if kind(refugee) == kind(armenians) || kind(refugee) != kind(idp) {
		t.Errorf("kinds: refugee %s, Armenians %s, IDP %s", kind(refugee), kind(armenians), kind(idp))
	}
}

func TestVocabularyMasksOnlyTheAnswer(t *testing.T) {
	_, qs := vocabularyFixture(t)
	// The answer's own names are hidden in the description it is asked from.
	q := qs["term-shusha"]
	if q == nil {
		t.Fatal("no term-shusha")
	}
	if !strings.Contains(q.Prompt, "called _____ by Azerbaijanis and _____ by Armenians") || strings.Contains(q.Prompt, "Shush") {
		t.Errorf("term-shusha prompt: %q", q.Prompt)
	}
	// A definition that names its own term is never an option: as the answer it
	// would need a blank that gives it away, as a wrong one it names itself.
	if q := qs["define-shusha"]; q != nil {
		t.Errorf("define-shusha asked with its own name in the answer: %q", q.Choices)
	}
	for id, q := range qs {
		for i, c := range q.Choices {
			if strings.Contains(c, "_____") {
				t.Errorf("%s: option %d shows a blank: %q", id, i, c)
			}
			if strings.Count(c, "_____") > 1 {
				t.Errorf("%s: option %d shows two blanks: %q", id, i, c)
			}
			if strings.Contains(c, "called Shusha") || strings.Contains(c, "called Stepanakert") {
				t.Errorf("%s: option %d names its own term: %q", id, i, c)
			}
		}
	}
	// Shusha's and Stepanakert's definitions name themselves: Khojaly's
	// definition question draws a less related place, Lachin, in their stead.
	if q := qs["define-khojaly"]; q == nil || len(q.Choices) != 3 || !strings.Contains(q.Choices[2], "road between Armenia") {
		t.Errorf("define-khojaly: %+v", q)
	}
	// Masking is of whole words only, in any script and case.
	e := &Entry{Term: "Shusha", Aliases: []string{"Shushi"}, Names: Names{"ru": {"Шуша"}}}
	for in, want := range map[string]string{
		"Shusha and SHUSHI, not Shushanik": "_____ and _____, not Shushanik",
		"Шуша (ШУША)":                      "_____ (_____)",
	} {
		if got := mask(in, e); got != want {
			t.Errorf("mask(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVocabularyExplanationsTeachAContrast(t *testing.T) {
	g, qs := vocabularyFixture(t)
	for id, q := range qs {
		if strings.Contains(q.Explanation, "The other options describe") {
			t.Errorf("%s: the old formula: %q", id, q.Explanation)
		}
		if !strings.Contains(q.Explanation, "conflictq define") {
			t.Errorf("%s: no pointer to the entry: %q", id, q.Explanation)
		}
	}
	for id, want := range map[string]string{
		// The answer's own contrast.
		"term-refugee": "A refugee has crossed an international border; an internally displaced person has not.",
		"term-agdam":   "Agdam lay outside the oblast",
		// None of its own: a wrong option's contrast that names it.
		"term-internally-displaced-person": "A refugee has crossed an international border; an internally displaced person has not.",
		"term-khojaly":                     "Agdam lay outside the oblast, in Azerbaijani hands in 1992; Khojaly lay inside it.",
		"term-ceasefire":                   "A truce is a short pause; a ceasefire is meant to last.",
		// A citation of the article's error carries the correction.
		"term-referendum": "Where the article is wrong: The independence referendum was held on 10 December 1991",
	} {
		if q := qs[id]; q == nil || !strings.Contains(q.Explanation, want) {
			t.Errorf("%s: explanation lacks %q: %+v", id, want, q)
		}
	}
	// With no contrast anywhere, the closest wrong option's definition beside the answer's.
	lachin, _ := g.Lookup("Lachin")
	agdam, _ := g.Lookup("Agdam")
	bare := *agdam
	bare.Contrast = ""
	got := explanation(&bare, []*Entry{lachin})
	if want := "Agdam: " + agdam.Short + " Compare Lachin: " + lachin.Short; !strings.HasPrefix(got, want) {
		t.Errorf("fallback explanation = %q", got)
	}
	if got := explanation(&bare, nil); got != "Agdam: "+agdam.Short+` For the full entry, run: conflictq define "Agdam"` {
		t.Errorf("explanation with no wrong options = %q", got)
	}
	if !slices.ContainsFunc(g.Entries(), func(e Entry) bool { return e.Contrast == "" && e.InArticle != nil }) {
		t.Error("the fixture needs an asked entry without a contrast")
	}
}
