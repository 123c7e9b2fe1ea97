package assets_test

import (
	"bytes"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/glossary"
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
)

// sourceEntries reads the glossary's YAML sources (the program loads them
// compiled; tests run in the package's folder).
func sourceEntries(t *testing.T) []glossary.Entry {
	t.Helper()
	sources := os.DirFS("glossary")
	files, _ := fs.Glob(sources, "*.yaml")
	if len(files) == 0 {
		t.Fatal("no glossary/*.yaml")
	}
	var all []glossary.Entry
	for _, name := range files {
		data, err := fs.ReadFile(sources, name)
		if err != nil {
			t.Fatal(err)
		}
		entries, err := glossary.Parse("glossary/"+name, data)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, entries...)
	}
	return all
}

func TestGlossaryContent(t *testing.T) {
	g := assets.Glossary()
	entries := g.Entries()
	if len(entries) < 40 {
		t.Errorf("%d entries; the glossary needs at least 40", len(entries))
	}
	required := []string{"Soviet Union", "Nagorno-Karabakh", "genocide", "massacre", "Khojaly", "South Caucasus",
		"ceasefire", "truce", "armistice", "referendum", "enclave", "exclave", "refugee", "internally displaced person",
		"self-proclaimed state", "Nagorno-Karabakh Republic", "Nagorno-Karabakh Autonomous Oblast",
		"First Nagorno-Karabakh War", "Second Nagorno-Karabakh War", "Bishkek Protocol",
		"UN General Assembly resolution 62/243", "UN Security Council resolutions of 1993", "OSCE Minsk Group",
		"Human Rights Watch", "Memorial", "Genocide Convention", "Raphael Lemkin", "war crime", "crime against humanity",
		"Armenia", "Azerbaijan", "Nakhchivan", "Lachin corridor", "Shusha", "Stepanakert", "Agdam", "Black Sea",
		"Caspian Sea", "dissolution of the Soviet Union", "2023 Azerbaijani offensive", "2025 Washington declaration"}
	for _, term := range required {
		if e, ok := g.Lookup(term); !ok || e.Term != term {
			t.Errorf("no entry %q", term)
		}
	}
	// Both names, and the spellings students type.
	for alias, term := range map[string]string{"USSR": "Soviet Union", "Soviet": "Soviet Union", "Artsakh": "Nagorno-Karabakh",
		"Karabakh": "Nagorno-Karabakh", "Qarabağ": "Nagorno-Karabakh", "Xocalı": "Khojaly", "xocali": "Khojaly",
		"Khojali": "Khojaly", "Khodjaly": "Khojaly", "IDP": "internally displaced person", "Minsk Group": "OSCE Minsk Group",
		"Shushi": "Shusha", "Khankendi": "Stepanakert", "Xankəndi": "Stepanakert"} {
		if e, ok := g.Lookup(alias); !ok || e.Term != term {
			t.Errorf("%q does not find %q", alias, term)
		}
	}
	for _, e := range entries {
		if e.Short == "" || e.Definition == "" || len(e.Related) == 0 {
			t.Errorf("%s:%d: %q needs short, definition and related terms", e.File, e.Line, e.Term)
		}
		if e.SinceArticle != "" && !strings.HasPrefix(e.SinceArticle, "Since the article:") {
			t.Errorf("%q: since_article should open with \"Since the article:\"", e.Term)
		}
	}
	// The genocide entry gives the Convention's definition and the disagreement.
	e, _ := g.Lookup("genocide")
	for _, want := range []string{"intent", "national, ethnical, racial or religious", "political", "Azerbaijan", "Armenia", "no international court"} {
		if !strings.Contains(e.Short+" "+e.Definition, want) {
			t.Errorf("genocide's definition lacks %q", want)
		}
	}
}

func TestGlossaryQuotesStandInTheArticle(t *testing.T) {
	sections := article(t)
	g := assets.Glossary()
	for _, e := range g.Entries() {
		c := e.InArticle
		if c == nil {
			continue
		}
		paras := sections[c.Section]
		if c.Paragraph < 1 || c.Paragraph > len(paras) {
			t.Errorf("%q: no paragraph %d in %q", e.Term, c.Paragraph, c.Section)
			continue
		}
		if !strings.Contains(fold(paras[c.Paragraph-1]), fold(c.Quote)) {
			t.Errorf("%q: %q is not in %s ¶%d", e.Term, c.Quote, c.Section, c.Paragraph)
		}
	}
}

// A correction of another passage than the one an entry cites names that
// passage, verbatim, so that the vocabulary quiz (which cites the entry's
// quote) can leave it out; Khojaly's recognition count is such a correction.
func TestGlossaryCorrectsStandInTheArticle(t *testing.T) {
	sections := article(t)
	var all []string
	for _, paras := range sections {
		for _, p := range paras {
			all = append(all, fold(p))
		}
	}
	whole := strings.Join(all, "\n")
	g := assets.Glossary()
	for _, e := range g.Entries() {
		if e.Corrects != "" && !strings.Contains(whole, fold(e.Corrects)) {
			t.Errorf("%q: corrects %q is not in the article", e.Term, e.Corrects)
		}
	}
	k, ok := g.Lookup("Khojaly")
	if !ok || k.Corrects == "" || k.CorrectsCitation() {
		t.Error("Khojaly's correction (the recognition count) must name what it corrects, not its airfield quote")
	}
}

// When this fails, run: go generate ./assets
func TestCompiledGlossaryIsFresh(t *testing.T) {
	g := assets.Glossary()
	want := sourceEntries(t)
	if !reflect.DeepEqual(g.Entries(), want) {
		t.Error("the compiled glossary is stale: run go generate ./assets")
	}
	checked, err := glossary.New(want)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g.Index(), checked.Index()) {
		t.Error("the compiled glossary's index is stale: run go generate ./assets")
	}
	if !reflect.DeepEqual(g.SearchText(), checked.SearchText()) {
		t.Error("the compiled glossary's search text is stale: run go generate ./assets")
	}
	// Search reads the stored folding as it would fold the entries itself.
	for _, q := range []string{"specific intent", "Xocalı", "Карабах", "refugee border", "1992", "nothing-like-this"} {
		if got, want := g.Search(q), checked.Search(q); !reflect.DeepEqual(got, want) {
			t.Errorf("Search(%q): compiled %v, folded now %v", q, got, want)
		}
	}
}

// The vocabulary bank is compiled too: it must be what the glossary makes now,
// from the YAML sources. When this fails, run: go generate ./assets
func TestCompiledVocabularyIsFresh(t *testing.T) {
	fromYAML, err := glossary.New(sourceEntries(t))
	if err != nil {
		t.Fatal(err)
	}
	if !sameContent(assets.CompiledBank(glossary.VocabularyID), glossary.VocabularyBank(fromYAML)) {
		t.Error("the compiled vocabulary bank is stale: run go generate ./assets")
	}
}

// The vocabulary bank is made from the glossary; it must be a bank like any
// other: valid when written out as YAML and read back, with every quote in place.
func TestVocabularyBank(t *testing.T) {
	b := assets.CompiledBank("vocabulary")
	if b == nil || len(b.Questions) < 20 {
		t.Fatalf("vocabulary bank: %v", b)
	}
	out, err := yaml.Marshal(b.Doc())
	if err != nil {
		t.Fatal(err)
	}
	back, warnings, err := quiz.ParseBank("vocabulary.yaml", out)
	if err != nil || len(warnings) > 0 {
		t.Fatalf("the vocabulary bank does not validate: %v %v", err, warnings)
	}
	if len(back.Questions) != len(b.Questions) {
		t.Errorf("round trip lost questions")
	}
	for _, q := range b.Questions {
		if len(q.Choices) < 3 {
			t.Errorf("%s: only %d choices", q.ID, len(q.Choices))
		}
		term := strings.TrimSuffix(strings.TrimPrefix(q.Prompt, "Which best describes “"), "”?")
		if strings.HasPrefix(q.ID, "define-") && strings.Contains(q.Choices[q.Correct[0]], term) {
			t.Errorf("%s: the right choice names the term it defines: %q", q.ID, q.Choices[q.Correct[0]])
		}
	}
}

// BenchmarkDefine is what `conflictq define` does before printing: build the
// compiled glossary's index and look a term up.
func BenchmarkDefine(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		if _, ok := assets.Glossary().Lookup("genocide"); !ok {
			b.Fatal("miss")
		}
	}
}

// What a mixed class types finds its entry: the Turkish spelling, the name
// the self-proclaimed republic gave Khojaly (attributed in the definition),
// and Russian for Karabakh (teacher3 P8).
func TestGlossaryFindsClassroomSpellings(t *testing.T) {
	g := assets.Glossary()
	for in, want := range map[string]string{
		"Hocalı": "Khojaly", "hocali": "Khojaly", "Ivanyan": "Khojaly", "Իվանյան": "Khojaly",
		"Карабах": "Nagorno-Karabakh", "карабах": "Nagorno-Karabakh",
		// Georgian, for classes in Tbilisi (teacher6 P5, teacher7 P6), and
		// in Mtavruli capitals, which fold to the ordinary letters.
		"ხოჯალი": "Khojaly", "ᲮᲝᲯᲐᲚᲘ": "Khojaly", "მთიანი ყარაბაღი": "Nagorno-Karabakh",
		"შუშა": "Shusha", "შუში": "Shusha", "სტეფანაკერტი": "Stepanakert",
		"სომხეთი": "Armenia", "აზერბაიჯანი": "Azerbaijan", "გენოციდი": "genocide",
		"საბჭოთა კავშირი": "Soviet Union",
		// What a Russian-speaking student types for the event (teacher9 P9).
		"Ходжалинская резня": "Khojaly", "ходжалинская трагедия": "Khojaly",
		"Ղարաբաղ": "Nagorno-Karabakh", // Armenian for Karabakh alone (teacher11 P4)
	} {
		e, ok := g.Lookup(in)
		if !ok || e.Term != want {
			t.Errorf("%s: found %v, want %s", in, ok, want)
		}
	}
	if e, _ := g.Lookup("Khojaly"); !strings.Contains(e.Definition, "Nagorno-Karabakh Republic later renamed it Ivanyan") {
		t.Error("Khojaly's definition does not say who gave the name Ivanyan")
	}
}

// maxDefinitionParagraph is the most words a paragraph of a definition may
// have: a 380-word block was too much to read on a screen (teacher4 A2).
// Paragraphs are blank lines in the YAML block scalar.
const maxDefinitionParagraph = 120

func TestDefinitionsReadInShortParagraphs(t *testing.T) {
	for _, e := range sourceEntries(t) {
		for i, p := range strings.Split(e.Definition, "\n") {
			if n := len(strings.Fields(p)); n > maxDefinitionParagraph {
				t.Errorf("%s:%d: %q: definition paragraph %d has %d words (at most %d): add a blank line where the topic turns",
					e.File, e.Line, e.Term, i+1, n, maxDefinitionParagraph)
			}
			if strings.TrimSpace(p) == "" {
				t.Errorf("%s:%d: %q: definition paragraph %d is empty (one blank line between paragraphs)", e.File, e.Line, e.Term, i+1)
			}
		}
	}
}

// glossary search lists each entry once, however many of its fields match
// (teacher14 P6), with one whole sentence: it starts with a capital letter,
// a digit or a quote and ends as a sentence does, or is the entry's name.
func TestGlossarySearchListsEachEntryOnce(t *testing.T) {
	g := assets.Glossary()
	for _, q := range []string{"refugee", "khojaly", "genocide", "armenian", "court", "qaçqın", "беженцы"} {
		hits := g.Search(q)
		if len(hits) == 0 {
			t.Errorf("search %q: no hits", q)
		}
		seen := map[string]bool{}
		for _, h := range hits {
			if seen[h.Entry.Term] {
				t.Errorf("search %q lists %s twice", q, h.Entry.Term)
			}
			seen[h.Entry.Term] = true
			line := strings.TrimSpace(h.Line)
			if line == "" || strings.ContainsAny(line[:1], "abcdefghijklmnopqrstuvwxyz,;") {
				t.Errorf("search %q, %s: %q does not start a sentence", q, h.Entry.Term, line)
			}
			// review22 #10: and it ends as a sentence does, or is the name.
			if line != h.Entry.Term && !strings.HasSuffix(strings.TrimRight(line, `"')”’»`), ".") && !strings.HasSuffix(line, "?") && !strings.HasSuffix(line, "!") {
				t.Errorf("search %q, %s: %q does not end a sentence", q, h.Entry.Term, line)
			}
		}
	}
}

// glossary search quotes the plain words define shows where the query is in
// them (teacher15 P7: "refugee" quoted the 1951 convention's "well-founded
// fear of persecution"); an entry whose plain words do not hold it keeps
// the full text's sentence.
func TestGlossarySearchQuotesThePlainWords(t *testing.T) {
	g := assets.Glossary()
	for _, q := range []string{"refugee", "qaçqın"} {
		hits := g.Search(q)
		if len(hits) == 0 || hits[0].Entry.Term != "refugee" || !strings.HasPrefix(hits[0].Entry.Plain, hits[0].Line) {
			t.Errorf("search %q: the first hit's line is not the plain words' first sentence: %+v", q, hits[0])
		}
	}
	for _, h := range g.Search("refugee") {
		if strings.Contains(h.Entry.Plain, h.Line) || strings.Contains(h.Entry.PlainSince, h.Line) {
			continue
		}
		if strings.Contains(strings.ToLower(h.Entry.Plain+" "+h.Entry.PlainSince), "refugee") {
			t.Errorf("%s: the plain words say 'refugee', but the line is from the full entry: %q", h.Entry.Term, h.Line)
		}
	}
}

// glossary list --json prints glossary.json, which go generate writes: it
// must be what encoding the glossary's entries gives now.
func TestCompiledGlossaryJSONIsFresh(t *testing.T) {
	var want bytes.Buffer
	if err := text.WriteJSON(&want, assets.Glossary().Entries()); err != nil {
		t.Fatal(err)
	}
	if got := assets.GlossaryJSON(); !bytes.Equal(got, want.Bytes()) {
		t.Errorf("glossary.json is stale (%d bytes, want %d): run go generate ./assets", len(got), want.Len())
	}
}
