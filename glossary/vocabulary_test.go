package glossary

import (
	"fmt"
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
	for _, k := range WrongAnswerKinds("status") {
		if k == "people" {
			t.Errorf("a people may stand in for a category of people: %v", WrongAnswerKinds("status"))
		}
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
		"term-referendum": "Checked against the record: The independence referendum was held on 10 December 1991",
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
	if got := explanation(&bare, nil); got != "Agdam: "+agdam.Short+` More: conflictq define Agdam` {
		t.Errorf("explanation with no wrong options = %q", got)
	}
	if !slices.ContainsFunc(g.Entries(), func(e Entry) bool { return e.Contrast == "" && e.InArticle != nil }) {
		t.Error("the fixture needs an asked entry without a contrast")
	}
}

// A people's losses are never a wrong answer: not filler for an unrelated term
// (the 2023 flight for "referendum", Black January for "Soviet Union"), and
// not the distractor for another loss (Sumgait for Khojaly, Black January for
// the pogroms); the losses of both communities are still asked about.
func TestVocabularyNoLossAsAWrongAnswer(t *testing.T) {
	g, qs := vocabularyFixture(t)
	byText := map[string]*Entry{} // term or short → entry
	for _, e := range g.Entries() {
		byText[e.Term], byText[e.Short] = &e, &e
	}
	for _, id := range []string{"define-pogroms-of-1988-1990", "term-pogroms-of-1988-1990", "term-expulsions-of-1988-1990", "term-black-january", "term-soviet-union", "term-refugee"} {
		if qs[id] == nil {
			t.Errorf("no question %s", id)
		}
	}
	for _, id := range []string{"term-khojaly", "define-khojaly"} {
		if qs[id] == nil {
			t.Errorf("no question %s", id)
		}
	}
	for id, q := range qs {
		answer := byText[q.Choices[q.Correct[0]]]
		if answer == nil {
			// a term question's answer is the term; a define question's the short
			t.Fatalf("%s: answer %q is no entry's", id, q.Choices[q.Correct[0]])
		}
		for i, c := range q.Choices {
			o := byText[c]
			if i == q.Correct[0] {
				continue
			}
			if o.Kind == "loss-event" {
				t.Errorf("%s (answer %q): a loss-event offered as a wrong answer: %q", id, answer.Term, c)
			}
			if o.Loss() && answer.Loss() {
				t.Errorf("%s (answer %q): one loss offered as the wrong answer for another: %q", id, answer.Term, c)
			}
		}
	}
}

// The kinds are a closed set whose fallbacks name kinds of the set, and no
// kind falls back to a people, a person or a people's losses.
func TestKinds(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range Kinds {
		if seen[k.Name] {
			t.Errorf("kind %q: given twice", k.Name)
		}
		seen[k.Name] = true
	}
	for _, k := range Kinds {
		for _, f := range k.Fallback {
			if !seen[f] || f == k.Name {
				t.Errorf("kind %q: fallback %q is no other kind", k.Name, f)
			}
			if f == "people" || f == "person" || f == "loss-event" {
				t.Errorf("kind %q falls back to %q", k.Name, f)
			}
		}
	}
	// A loss is never a wrong answer, not even for another loss, so a
	// loss-event is asked with wars beside it.
	if got := WrongAnswerKinds("loss-event"); !slices.Equal(got, []string{"loss-event", "war"}) {
		t.Errorf("WrongAnswerKinds(loss-event) = %v", got)
	}
	for _, name := range []string{"people", "person"} {
		if k, _ := LookupKind(name); len(k.Fallback) > 0 {
			t.Errorf("kind %q falls back to %v", name, k.Fallback)
		}
	}
	if got := WrongAnswerKinds("status"); !slices.Equal(got, []string{"status", "crime"}) {
		t.Errorf("WrongAnswerKinds(status) = %v", got)
	}
	if got := WrongAnswerKinds("nope"); got != nil {
		t.Errorf("WrongAnswerKinds(nope) = %v", got)
	}
}

// The picker tries the entry's own kind first and falls back only to the
// kinds its kind lists.
func TestDistractorsFallBackInOrder(t *testing.T) {
	g, _ := vocabularyFixture(t)
	for term, want := range map[string][]string{
		// status → crime: a category of people, never a people.
		"refugee": {"internally displaced person", "ethnic cleansing"},
		// agreement-type → political-term: never a named agreement, a war or a crime.
		"ceasefire": {"truce", "referendum", "self-determination"},
		// political-term → geo-term.
		"referendum": {"self-determination", "enclave"},
		// state → region: none here, so only states.
		"Soviet Union": {"Armenia", "Azerbaijan"},
		// loss-event → war: no loss is the wrong answer for another.
		"Black January": {"First Nagorno-Karabakh War", "Four-Day War"},
		// a place of loss → places where no loss is described, never Sumgait.
		"Khojaly": {"Agdam", "Shusha", "Stepanakert", "Lachin"},
	} {
		e, _ := g.Lookup(term)
		var got []string
		for _, o := range g.distractors(e, 6) {
			got = append(got, o.Term)
		}
		if !slices.Equal(got, want) {
			t.Errorf("distractors(%s) = %q, want %q", term, got, want)
		}
	}
}

// docs/glossary-format.md lists every kind with its fallback, as Kinds has them.
func TestKindsDocumented(t *testing.T) {
	data, err := os.ReadFile("../docs/glossary-format.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "| `") {
			rows++
		}
	}
	if rows != len(Kinds) {
		t.Errorf("the docs list %d kinds; Kinds has %d", rows, len(Kinds))
	}
	for _, k := range Kinds {
		fallback := strings.Join(k.Fallback, ", ")
		if fallback == "" {
			fallback = "none"
		}
		i := strings.Index(string(data), "| `"+k.Name+"` |")
		if i < 0 {
			t.Errorf("kind %q is not in the docs' table", k.Name)
			continue
		}
		row, _, _ := strings.Cut(string(data[i:]), "\n")
		if !strings.HasSuffix(row, "| "+fallback+" |") {
			t.Errorf("kind %q: the docs' row %q should end with its fallback %q", k.Name, row, fallback)
		}
	}
}

// The wrong definitions are filtered from the whole ranked pool, not from a
// cut of it: when the nearest candidates all name the term asked about (as
// Armenia's neighbours do), the next ones still fill the options.
func TestDefineFiltersBeforeCutting(t *testing.T) {
	var b strings.Builder
	b.WriteString("entries:\n")
	entry := func(term, short string, inArticle bool) {
		fmt.Fprintf(&b, "  - term: %s\n    kind: state\n    short: %s\n    definition: d\n    contrast: c\n", term, short)
		if inArticle {
			b.WriteString("    in_article:\n      section: Introduction\n      paragraph: 1\n      quote: q\n")
		}
	}
	entry("Xland", "A state.", true)
	for _, n := range []string{"Aland", "Bland", "Cland", "Dland", "Eland", "Fland", "Gland"} {
		entry(n, "A state that borders Xland.", false)
	}
	entry("Yland", "A state far away.", false)
	entry("Zland", "A state across the sea.", false)
	entries, err := Parse("x.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	g, err := New(entries)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range VocabularyBank(g).Questions {
		if q.ID == "define-xland" {
			if len(q.Choices) != 3 || slices.Contains(q.Choices, "A state that borders Xland.") {
				t.Errorf("define-xland choices = %q, want Xland's and the two that do not name it", q.Choices)
			}
			return
		}
	}
	t.Error("no define-xland: the pool was cut before the filter")
}

// An explanation is read once by a 15-year-old: it does not repeat the
// definition already on screen when there is a contrast to teach, and of a
// correction it gives the first sentence, which states the record; the rest
// is detail for define.
func TestVocabularyExplanationIsShort(t *testing.T) {
	g, _ := vocabularyFixture(t)
	ref, ok := g.Lookup("referendum")
	if !ok {
		t.Fatal("no referendum in the fixture")
	}
	e := *ref
	e.Correction = "There was no vote in 2008; the independence referendum was held on 10 December 1991. Constitutional referendums followed in 2006 and 2017."
	got := explanation(&e, nil)
	want := e.Contrast + " " + CorrectionLabel + ": There was no vote in 2008; the independence referendum was held on 10 December 1991. " + `More: conflictq define referendum`
	if got != want {
		t.Errorf("explanation =\n%q\nwant\n%q", got, want)
	}
	if strings.Contains(got, e.Short) || strings.Contains(got, "2006") {
		t.Errorf("explanation repeats the definition or the correction's detail: %q", got)
	}
	// A correction of one sentence is given whole.
	e.Correction = "There was no vote in 2008."
	if got := explanation(&e, nil); !strings.Contains(got, CorrectionLabel+": There was no vote in 2008. More:") {
		t.Errorf("one-sentence correction: %q", got)
	}
	// A correction of another passage than the cited one is left out: under
	// the cited quote it would read as that quote's error.
	e.Corrects = "10 countries and 21 U.S. states"
	if got := explanation(&e, nil); strings.Contains(got, CorrectionLabel) || strings.Contains(got, "2008") {
		t.Errorf("correction of another passage shown with the cited one: %q", got)
	}
}

// corrects without a correction, or longer than a quote, is a mistake in the
// file, reported with its line.
func TestParseRejectsBadCorrects(t *testing.T) {
	base := "entries:\n  - term: X\n    kind: concept\n    short: s\n    definition: d\n"
	for _, tc := range []struct{ yaml, want string }{
		{base + "    corrects: some words\n", "corrects: quotes what the correction is about, but there is no correction"},
		{base + "    correction: c\n    corrects: " + strings.Repeat("w ", 26) + "\n", "corrects: 26 words; at most 25"},
	} {
		_, err := Parse("t.yaml", []byte(tc.yaml))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "t.yaml:2") {
			t.Errorf("Parse(%q) error = %v, want %q at t.yaml:2", tc.yaml, err, tc.want)
		}
	}
}

// The command an explanation ends with is quoted as every printed command
// is (text.CommandWord): a term with an apostrophe, a space or a $ still
// runs when copied (review-s20 FIX 7).
func TestVocabularyExplanationCommandRuns(t *testing.T) {
	for term, want := range map[string]string{
		"Agdam":              "More: conflictq define Agdam",
		"Khojaly's massacre": `More: conflictq define "Khojaly's massacre"`,
		"a $5 word":          `More: conflictq define 'a $5 word'`,
	} {
		e := Entry{Term: term, Short: "Short."}
		if got := explanation(&e, nil); !strings.HasSuffix(got, " "+want) {
			t.Errorf("%q: %s, want it to end with %s", term, got, want)
		}
	}
}
