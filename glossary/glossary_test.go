package glossary

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz/text"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func sample(t testing.TB) *Glossary {
	t.Helper()
	data, err := os.ReadFile("testdata/sample.yaml")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := Parse("places.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	g, err := New(entries)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestLookup(t *testing.T) {
	g := sample(t)
	tests := map[string]string{
		"genocide":            "genocide",
		"GENOCIDE":            "genocide",
		"Genocidal":           "genocide",
		"Nagorno Karabakh":    "Nagorno-Karabakh",
		"nagorno-karabakh":    "Nagorno-Karabakh",
		"NAGORNO KARABAKH":    "Nagorno-Karabakh",
		"  nagorno—karabakh.": "Nagorno-Karabakh",
		"Xocalı":              "Khojaly",
		"xocali":              "Khojaly",
		"khojali":             "Khojaly",
		"Khodjaly":            "Khojaly",
		"Artsakh":             "Nagorno-Karabakh",
		"Qarabag":             "Nagorno-Karabakh",
		"QARABAĞ":             "Nagorno-Karabakh",
	}
	for in, want := range tests {
		e, ok := g.Lookup(in)
		if !ok || e.Term != want {
			t.Errorf("Lookup(%q) = %v, %v; want %s", in, e, ok, want)
		}
	}
	for _, miss := range []string{"genocde", "", "   ", "karabak", "\x1b[31m"} {
		if e, ok := g.Lookup(miss); ok {
			t.Errorf("Lookup(%q) found %s", miss, e.Term)
		}
	}
}

// The index is sorted names beside their entries, searched by halves: every
// name of every entry finds its entry, and what lies between two names finds
// none.
func TestIndexFindsEveryName(t *testing.T) {
	g := sample(t)
	x := g.Index()
	if len(x.Names) != len(x.Entries) || len(x.Names) == 0 {
		t.Fatalf("index of %d names and %d entries", len(x.Names), len(x.Entries))
	}
	for k := 1; k < len(x.Names); k++ {
		if x.Names[k-1] >= x.Names[k] {
			t.Fatalf("names out of order: %q before %q", x.Names[k-1], x.Names[k])
		}
	}
	entries := g.Entries()
	for i := range entries {
		for _, name := range entries[i].AllNames() {
			if text.Normalize(name) == "" {
				continue
			}
			if e, ok := g.Lookup(name); !ok || e != &entries[i] {
				t.Errorf("Lookup(%q) = %v, %v; want %s", name, e, ok, entries[i].Term)
			}
		}
	}
	names := map[string]bool{}
	for _, n := range x.Names {
		names[n] = true
	}
	for _, n := range x.Names {
		for _, near := range []string{n + "a", n[:len(n)-1], n + " z", "0" + n} {
			if _, ok := g.Lookup(near); ok != names[text.Normalize(near)] {
				t.Errorf("Lookup(%q) found = %v, want %v", near, ok, !ok)
			}
		}
	}
}

func TestSuggest(t *testing.T) {
	g := sample(t)
	tests := []struct {
		in   string
		want string
	}{
		{"genocde", "genocide"},
		{"genocid", "genocide"},
		{"xocaly", "Khojaly"},
		{"artsak", "Nagorno-Karabakh"},
		{"nagorno", "Nagorno-Karabakh"},
		{"zzzzzz", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got := strings.Join(g.Suggest(tt.in, 3), ", ")
		if got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := g.Suggest("a", 3); len(got) > 3 {
		t.Errorf("more than 3 suggestions: %v", got)
	}
}

func TestSearch(t *testing.T) {
	g := sample(t)
	hits := g.Search("Azerbaijan")
	if len(hits) != 3 {
		t.Fatalf("%d hits for Azerbaijan", len(hits))
	}
	if hits[0].Entry.Term != "genocide" && hits[0].Entry.Term != "Khojaly" {
		t.Errorf("first hit %s", hits[0].Entry.Term)
	}
	hits = g.Search("intent destroy")
	if len(hits) != 1 || hits[0].Entry.Term != "genocide" || !strings.Contains(hits[0].Line, "intent to destroy") {
		t.Fatalf("hits = %+v", hits)
	}
	if hits := g.Search("Khojaly"); hits[0].Entry.Term != "Khojaly" {
		t.Errorf("a term match must rank first, got %s", hits[0].Entry.Term)
	}
	if hits := g.Search("nothing-like-this"); len(hits) != 0 {
		t.Errorf("hits = %v", hits)
	}
}

func TestNewRejects(t *testing.T) {
	base := []Entry{{Term: "a", Short: "s", Definition: "d", File: "x.yaml", Line: 2}}
	dupAlias := append(base, Entry{Term: "b", Aliases: []string{"A"}, Short: "s", Definition: "d", File: "x.yaml", Line: 9})
	if _, err := New(dupAlias); err == nil || !strings.Contains(err.Error(), `x.yaml:9: term "b": name "A" is also a name of "a"`) {
		t.Errorf("duplicate alias: %v", err)
	}
	badRelated := []Entry{{Term: "a", Short: "s", Definition: "d", Related: []string{"nope"}, File: "x.yaml", Line: 2}}
	if _, err := New(badRelated); err == nil || !strings.Contains(err.Error(), `x.yaml:2: term "a": related "nope" is not an entry`) {
		t.Errorf("unresolved related: %v", err)
	}
	aliasRelated := []Entry{{Term: "a", Aliases: []string{"alpha"}, Short: "s", Definition: "d", File: "x.yaml", Line: 2}, {Term: "b", Short: "s", Definition: "d", Related: []string{"alpha"}, File: "x.yaml", Line: 5}}
	if _, err := New(aliasRelated); err == nil || !strings.Contains(err.Error(), `related "alpha" should name the entry as "a"`) {
		t.Errorf("related by alias: %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	tests := map[string]string{
		"entries:\n  - term: a\n":                                                                  `x.yaml:2: term "a": short: missing`,
		"entries:\n  - term: a\n    short: s\n    definiton: d\n":                                  `line 4: unknown field "definiton" in an entry`,
		"entries:\n  - {term: a, short: s, definition: d, sources: [{title: t, url: http://x}]}\n": `"http://x" is not an https URL`,
		"entries:\n  - {term: a, short: " + strings.Repeat("w ", 31) + ", definition: d}\n":        "short: 31 words; at most 30",
		"entries: [\n": "x.yaml:2: invalid YAML",
	}
	for src, want := range tests {
		_, err := Parse("x.yaml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) err = %v, want %q", src, err, want)
		}
	}
}

func TestSanitize(t *testing.T) {
	tests := map[string]string{
		"genocide":               "genocide",
		"\x1b[31mred\x1b[0m":     `\x1b[31mred\x1b[0m`,
		"a\nb\tc\x07":            `a\x0ab\x09c\x07`,
		"\u202eevil":             `\u202eevil`, // right-to-left override
		"\xff":                   "\uFFFD",
		"Xocalı":                 "Xocalı",
		strings.Repeat("a", 100): strings.Repeat("a", 80) + "…",
	}
	for in, want := range tests {
		if got := Sanitize(in); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestJSONShape(t *testing.T) {
	g := sample(t)
	e, _ := g.Lookup("khojaly")
	data, err := json.Marshal([]*Entry{e})
	if err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	json.Unmarshal(data, &got)
	for _, key := range []string{"term", "aliases", "short", "definition", "since_article", "correction", "related", "sources", "topic"} {
		if _, ok := got[0][key]; !ok {
			t.Errorf("JSON lacks %q: %s", key, data)
		}
	}
	if _, ok := got[0]["in_article"]; ok {
		t.Error("in_article present for an entry without one")
	}
}

// Golden files: the terminal layout (wrapped, bold) and the piped one (plain).
func TestRenderGolden(t *testing.T) {
	g := sample(t)
	for _, tt := range []struct {
		file   string
		layout Layout
		view   string // full, short or plain
	}{
		{"terminal.golden", Layout{Width: 60, Style: ansiStyle{}}, "full"},
		{"piped.golden", Layout{}, "full"},
		{"short.golden", Layout{}, "short"},
		// genocide has plain words; Khojaly has none (the short and full
		// definition stand in) and a correction.
		{"plain-terminal.golden", Layout{Width: 60, Style: ansiStyle{}}, "plain"},
		{"plain-piped.golden", Layout{}, "plain"},
	} {
		var buf bytes.Buffer
		for _, name := range []string{"genocide", "xocali"} {
			e, _ := g.Lookup(name)
			switch tt.view {
			case "short":
				tt.layout.RenderShort(&buf, e)
			case "plain":
				tt.layout.RenderPlain(&buf, e, "conflictq define "+e.Term+" --full")
			default:
				tt.layout.Render(&buf, e)
			}
		}
		path := filepath.Join("testdata", tt.file)
		if *update {
			os.WriteFile(path, buf.Bytes(), 0o644)
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./glossary -update)", err)
		}
		if buf.String() != string(want) {
			t.Errorf("%s differs:\n%s", tt.file, buf.String())
		}
		if hasEscape := strings.Contains(buf.String(), "\x1b["); hasEscape != (tt.layout.Style != nil) {
			t.Errorf("%s: escape codes present = %v", tt.file, hasEscape)
		}
		for _, line := range strings.Split(buf.String(), "\n") {
			if tt.layout.Width > 0 && len([]rune(stripEscapes(line))) > tt.layout.Width && !strings.HasPrefix(strings.TrimSpace(line), "http") {
				t.Errorf("%s: line longer than %d: %q", tt.file, tt.layout.Width, line)
			}
		}
	}
}

func stripEscapes(s string) string {
	for _, code := range []string{"\x1b[1m", "\x1b[0m"} {
		s = strings.ReplaceAll(s, code, "")
	}
	return s
}

func FuzzLookup(f *testing.F) {
	for _, s := range []string{"Xocalı", "nagorno karabakh", "\x1b[2J", "ǅ", "genocde", "ԽՈՋԱԼՈՒ", "Նախիջևան", "ХОДЖАЛЫ"} {
		f.Add(s)
	}
	g := sample(f)
	f.Fuzz(func(t *testing.T, s string) {
		e, ok := g.Lookup(s)
		if ok && text.Normalize(s) == "" {
			t.Fatalf("%q found %s", s, e.Term)
		}
		if ok {
			// Any name that finds an entry finds it again after normalising.
			if e2, ok2 := g.Lookup(text.Normalize(s)); !ok2 || e2 != e {
				t.Fatalf("%q → %s, but its normal form does not", s, e.Term)
			}
		}
		if len(g.Suggest(s, 3)) > 3 {
			t.Fatal("more than 3 suggestions")
		}
		clean := Sanitize(s)
		if strings.ContainsAny(clean, "\x1b\x00\r\n\x07") {
			t.Fatalf("Sanitize(%q) = %q keeps control characters", s, clean)
		}
	})
}

func BenchmarkLookup(b *testing.B) {
	g := sample(b)
	b.ReportAllocs()
	for range b.N {
		if _, ok := g.Lookup("Xocalı"); !ok {
			b.Fatal("miss")
		}
	}
}

func TestNames(t *testing.T) {
	g := sample(t)
	e, _ := g.Lookup("Khojaly")
	want := Names{"az": {"Xocalı"}, "hy": {"Խոջալու"}, "ru": {"Ходжалы", "Ходжали"}}
	if !reflect.DeepEqual(e.Names, want) {
		t.Errorf("names = %v, want %v", e.Names, want)
	}
	if got := e.Names.String(); got != "Xocalı (Azerbaijani) · Խոջալու (Armenian) · Ходжалы, Ходжали (Russian)" {
		t.Errorf("String() = %q", got)
	}
	// Every name is a lookup alias, in any case.
	for in, term := range map[string]string{
		"Ходжалы": "Khojaly", "ХОДЖАЛЫ": "Khojaly", "ходжалы": "Khojaly", "Ходжали": "Khojaly",
		"Խոջալու": "Khojaly", "ԽՈՋԱԼՈՒ": "Khojaly", "խոջալու": "Khojaly",
		"Нагорный Карабах": "Nagorno-Karabakh", "нагорный карабах": "Nagorno-Karabakh", "НАГОРНЫЙ-КАРАБАХ": "Nagorno-Karabakh",
		"Լեռնային Ղարաբաղ": "Nagorno-Karabakh", "ԼԵՌՆԱՅԻՆ ՂԱՐԱԲԱՂ": "Nagorno-Karabakh", "Արցախ": "Nagorno-Karabakh",
		"Dağlıq Qarabağ": "Nagorno-Karabakh", "daglig qarabag": "", "DAĞLIQ QARABAĞ": "Nagorno-Karabakh",
		"ГЕНОЦИД": "genocide", "ՑԵՂԱՍՊԱՆՈՒԹՅՈՒՆ": "genocide", "soyqirim": "genocide",
	} {
		got, ok := g.Lookup(in)
		switch {
		case term == "" && ok:
			t.Errorf("Lookup(%q) found %s", in, got.Term)
		case term != "" && (!ok || got.Term != term):
			t.Errorf("Lookup(%q) = %v, %v; want %s", in, got, ok, term)
		}
	}
	// glossary search finds them too, whatever the case.
	for _, q := range []string{"Ходжалы", "ходжалы", "ԽՈՋԱԼՈՒ"} {
		if hits := g.Search(q); len(hits) == 0 || hits[0].Entry.Term != "Khojaly" {
			t.Errorf("Search(%q) = %v", q, hits)
		}
	}
	if hits := g.Search("Карабах"); len(hits) == 0 || hits[0].Entry.Term != "Nagorno-Karabakh" {
		t.Errorf("Search(Карабах) = %v", hits)
	}
	// An entry with no names has none, and AllNames lists them after the aliases.
	if names := e.AllNames(); !reflect.DeepEqual(names[len(names)-4:], []string{"Xocalı", "Խոջալու", "Ходжалы", "Ходжали"}) {
		t.Errorf("AllNames = %v", names)
	}
}

func TestNamesConflict(t *testing.T) {
	entries := []Entry{
		{Term: "Shusha", Names: Names{"ru": {"Шуша"}}, Short: "s", Definition: "d", File: "places.yaml", Line: 3},
		{Term: "Shushi", Aliases: []string{"ШУША"}, Short: "s", Definition: "d", File: "places.yaml", Line: 20},
	}
	if _, err := New(entries); err == nil || !strings.Contains(err.Error(), `places.yaml:20: term "Shushi": name "ШУША" is also a name of "Shusha"`) {
		t.Errorf("a name shared with another entry's alias: %v", err)
	}
	entries = []Entry{
		{Term: "Stepanakert", Short: "s", Definition: "d", File: "places.yaml", Line: 3},
		{Term: "Khankendi", Names: Names{"az": {"Xankəndi"}, "hy": {"stepanakert"}}, Short: "s", Definition: "d", File: "places.yaml", Line: 9},
	}
	if _, err := New(entries); err == nil || !strings.Contains(err.Error(), `places.yaml:9: term "Khankendi": name "stepanakert" is also a name of "Stepanakert"`) {
		t.Errorf("a name equal to another entry's term: %v", err)
	}
	// The same name as an alias and a name of one entry is no conflict.
	entries = []Entry{{Term: "Khojaly", Aliases: []string{"Xocalı"}, Names: Names{"az": {"Xocalı"}}, Short: "s", Definition: "d"}}
	if _, err := New(entries); err != nil {
		t.Errorf("an alias repeated as a name: %v", err)
	}
}

func TestParseNamesAndContrast(t *testing.T) {
	src := "entries:\n  - term: a\n    kind: town\n    short: s\n    definition: d\n    names:\n      az: Xocalı\n      hy: [Խոջալու, \" Արցախ \"]\n    contrast: >\n      A town, not a district.\n"
	entries, err := Parse("x.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if want := (Names{"az": {"Xocalı"}, "hy": {"Խոջալու", "Արցախ"}}); !reflect.DeepEqual(entries[0].Names, want) {
		t.Errorf("names = %v", entries[0].Names)
	}
	// Punctuation and digits are in no script; only letters are checked.
	if _, err := Parse("x.yaml", []byte("entries:\n  - {term: a, kind: region, short: s, definition: d, names: {ru: \"Нагорный Карабах (НКАО), 1923\"}}\n")); err != nil {
		t.Errorf("a Cyrillic name with punctuation and digits: %v", err)
	}
	if entries[0].Contrast != "A town, not a district." {
		t.Errorf("contrast = %q", entries[0].Contrast)
	}
	bad := map[string]string{
		"names:\n      fr: Khodjali\n":        `x.yaml: line 6: names: unknown language "fr" (want az, hy, ru)`,
		"names:\n      AZ: Xocalı\n":          `x.yaml: line 6: names: unknown language "AZ"`,
		"names: [Xocalı]\n":                   `x.yaml: line 5: names: want a mapping of az, hy, ru to names`,
		"names: Xocalı\n":                     `x.yaml: line 5: names: want a mapping`,
		"names:\n      az:\n":                 `x.yaml: line 6: names.az: empty name`,
		"names:\n      az: ~\n":               `x.yaml: line 6: names.az: empty name`,
		"names:\n      az: []\n":              `x.yaml: line 6: names.az: empty list`,
		"names:\n      az: [a, \"  \"]\n":     `x.yaml: line 6: names.az: empty name`,
		"names:\n      az: {x: y}\n":          `x.yaml: line 6: names.az: want a name or a list of names`,
		"names:\n      az: [[a]]\n":           `x.yaml: line 6: names.az: each name must be a string`,
		"names:\n      az: a\n      az: b\n":  `names: "az" given twice`,
		"contrast: [a]\n":                     `x.yaml`,
		"names:\n      hy: Ходжалы\n":         `x.yaml: line 6: names.hy: "Ходжалы" is not in the Armenian script`,
		"names:\n      ru: [Шуша, Shusha]\n":  `x.yaml: line 6: names.ru: "Shusha" is not in the Cyrillic script`,
		"names:\n      az: Խոջալու\n":         `names.az: "Խոջալու" is not in the Latin script`,
		"names:\n      az: Xocalı, Ходжалы\n": `names.az: "Xocalı, Ходжалы" is not in the Latin script`,
		"contrats: a\n":                       `line 5: unknown field "contrats" in an entry`,
	}
	for tail, want := range bad {
		src := "entries:\n  - term: a\n    short: s\n    definition: d\n    " + tail
		_, err := Parse("x.yaml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) err = %v, want %q", tail, err, want)
		}
	}
}

func TestNamesJSON(t *testing.T) {
	g := sample(t)
	for term, want := range map[string]string{
		"Khojaly":  `"names":{"az":["Xocalı"],"hy":["Խոջալու"],"ru":["Ходжалы","Ходжали"]}`,
		"genocide": `"names":{"az":["soyqırım"],"hy":["ցեղասպանություն"],"ru":["геноцид"]}`,
	} {
		e, _ := g.Lookup(term)
		data, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), want) {
			t.Errorf("%s: JSON lacks %s: %s", term, want, data)
		}
	}
	data, _ := json.Marshal(&Entry{Term: "a"})
	if !strings.Contains(string(data), `"names":{}`) {
		t.Errorf("an entry without names: %s", data)
	}
	if strings.Contains(string(data), `"contrast"`) {
		t.Errorf("an entry without a contrast: %s", data)
	}
}

// The lookups issue 9 asks for, on entries shaped like the built-in ones:
// each name finds its entry in any case, and so does a search.
func TestLookupRegionalNames(t *testing.T) {
	data, err := os.ReadFile("testdata/names.yaml")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := Parse("places.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	g, err := New(entries)
	if err != nil {
		t.Fatal(err)
	}
	for in, term := range map[string]string{
		"Ходжалы": "Khojaly", "ходжалы": "Khojaly", "ХОДЖАЛЫ": "Khojaly",
		"Խոջալու": "Khojaly", "ԽՈՋԱԼՈՒ": "Khojaly",
		"Шуша": "Shusha", "шуша": "Shusha", "ШУША": "Shusha", "Շուշի": "Shusha", "ՇՈՒՇԻ": "Shusha", "Şuşa": "Shusha", "susa": "Shusha",
		"Ստեփանակերտ": "Stepanakert", "ՍՏԵՓԱՆԱԿԵՐՏ": "Stepanakert", "Степанакерт": "Stepanakert", "Xankəndi": "Stepanakert",
		"Нагорный Карабах": "Nagorno-Karabakh", "нагорный карабах": "Nagorno-Karabakh", "НАГОРНЫЙ КАРАБАХ": "Nagorno-Karabakh",
		"Արցախ": "Nagorno-Karabakh", "ԼԵՌՆԱՅԻՆ ՂԱՐԱԲԱՂ": "Nagorno-Karabakh",
		"Նախիջևան": "Nakhchivan", "ՆԱԽԻՋԵՎԱՆ": "Nakhchivan", "Нахичевань": "Nakhchivan", "Naxçıvan": "Nakhchivan",
	} {
		if e, ok := g.Lookup(in); !ok || e.Term != term {
			t.Errorf("Lookup(%q) = %v, %v; want %s", in, e, ok, term)
		}
		if hits := g.Search(in); len(hits) == 0 || hits[0].Entry.Term != term {
			t.Errorf("Search(%q): first hit is not %s (%d hits)", in, term, len(hits))
		}
	}
	// A near miss in Cyrillic gets a suggestion, as a Latin one does.
	if got := g.Suggest("Ходжаль", 3); len(got) == 0 || got[0] != "Khojaly" {
		t.Errorf("Suggest(Ходжаль) = %v", got)
	}
	var buf bytes.Buffer
	e, _ := g.Lookup("Шуша")
	Layout{}.Render(&buf, e)
	if !strings.Contains(buf.String(), "\nNames: Şuşa (Azerbaijani) · Շուշի (Armenian) · Шуша (Russian)\n") {
		t.Errorf("no Names line:\n%s", buf.String())
	}
}

// ansiStyle stands in for the command line's colour scheme.
type ansiStyle struct{}

func (ansiStyle) Bold(s string) string { return "\x1b[1m" + s + "\x1b[0m" }
func (ansiStyle) Good(s string) string { return "\x1b[32m" + s + "\x1b[0m" }
func (ansiStyle) Bad(s string) string  { return "\x1b[31m" + s + "\x1b[0m" }
func (ansiStyle) Dim(s string) string  { return "\x1b[2m" + s + "\x1b[0m" }
func (ansiStyle) Mark(s string) string { return "\x1b[1;33m" + s + "\x1b[0m" }

func TestSplitSentencesKeepsSentencesWhole(t *testing.T) {
	para := `The U.S. and France co-chaired it; Russia too. In 1994 it stopped. Resolution (No. 62) passed. Then it ended!`
	got := splitSentences(para)
	want := []string{`The U.S. and France co-chaired it; Russia too.`, `In 1994 it stopped.`, `Resolution (No. 62) passed.`, `Then it ended!`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("splitSentences:\n%q\nwant\n%q", got, want)
	}
}

func TestHighlight(t *testing.T) {
	for _, tc := range []struct{ in, query, want string }{
		{"with the specific intent to destroy.", "specific intent", "with the \x1b[1;33mspecific\x1b[0m \x1b[1;33mintent\x1b[0m to destroy."},
		{"Xocalı (Khojaly) fell", "xocali", "\x1b[1;33mXocalı\x1b[0m (Khojaly) fell"},
		{"the Nagorno-Karabakh war", "karabakh", "the \x1b[1;33mNagorno-Karabakh\x1b[0m war"},
		{"peacekeepers left", "peace", "\x1b[1;33mpeacekeepers\x1b[0m left"},
		{"nothing here", "intent", "nothing here"},
	} {
		if got := Highlight(tc.in, tc.query, ansiStyle{}); got != tc.want {
			t.Errorf("Highlight(%q, %q) = %q, want %q", tc.in, tc.query, got, tc.want)
		}
	}
	if got := Highlight("specific intent", "intent", text.Plain); got != "specific intent" {
		t.Errorf("with the plain style: %q", got)
	}
}

func TestListOrders(t *testing.T) {
	entries := []Entry{{Term: "ceasefire", Topic: "law"}, {Term: "Agdam", Topic: "places"}, {Term: "Azerbaijan", Topic: "places"}, {Term: "Ádam", Topic: "people"}}
	var terms []string
	for _, e := range Alphabetical(entries) {
		terms = append(terms, e.Term)
	}
	if got := strings.Join(terms, ", "); got != "Ádam, Agdam, Azerbaijan, ceasefire" {
		t.Errorf("Alphabetical: %s", got)
	}
	var groups []string
	for _, g := range ByTopic(entries) {
		groups = append(groups, fmt.Sprintf("%s:%d", g.Topic, len(g.Entries)))
	}
	if got := strings.Join(groups, " "); got != "law:1 people:1 places:2" {
		t.Errorf("ByTopic: %s", got)
	}
}

// A match in a term shows what the entry is, not the term again.
func TestSearchShowsADefinitionForANameMatch(t *testing.T) {
	hits := sample(t).Search("Khojaly")
	if len(hits) == 0 || hits[0].Entry.Term != "Khojaly" || hits[0].Line != hits[0].Entry.Short {
		t.Fatalf("Search(Khojaly)[0] = %+v", hits[0])
	}
}

// A hit's line is the sentence that holds the most of the query's words,
// one of the plain words define shows before one of the full texts that
// holds no more (teacher15 P7); a match in a name alone shows the plain
// words' first sentence, or for an entry without them its short definition.
func TestSearchShowsPlainWords(t *testing.T) {
	g := sample(t)
	for query, want := range map[string]string{
		"genocide":            "Genocide is a crime.",
		"Azerbaijan genocide": "Azerbaijan calls Khojaly a genocide.",
		"soyqırım":            "Genocide is a crime.", // its Azerbaijani name
		"genocidal":           "Genocide is a crime.", // an alias
		"destroy":             "It means acts done to destroy a whole people, or part of it.",
		// The full definition holds both words, the plain words one.
		"intent destroy":         "Acts committed with intent to destroy, in whole or in part, a national, ethnical, racial or religious group as such.",
		"intent whatever":        "Genocide requires intent to destroy a group as such; a massacre is a mass killing, whatever the intent.",
		"ethnical racial":        "Acts committed with intent to destroy, in whole or in part, a national, ethnical, racial or religious group as such.",
		"Khodjaly":               "A town in Nagorno-Karabakh that fell on 25-26 February 1992.",
		"Human Rights Watch 161": "Azerbaijan says 613 civilians were killed; Human Rights Watch estimated at least 161.",
	} {
		hits := g.Search(query)
		if len(hits) == 0 || hits[0].Line != want {
			t.Errorf("Search(%q): %+v, want the line %q", query, hits, want)
		}
	}
	e := &g.Entries()[0]
	if f := searchFields(e); f[fieldPlain] != e.Plain || f[fieldPlainSince] != e.PlainSince || f[fieldShort] != e.Short || f[fieldTerm] != e.Term || len(f) != len(fieldWeights) {
		t.Errorf("searchFields and the field positions hitLine reads disagree: %q", f)
	}
}

// Every entry names its kind, one of the closed set; a missing or unknown kind
// is refused with the file and line to fix, and every problem is reported.
func TestParseKind(t *testing.T) {
	entries, err := Parse("x.yaml", []byte("entries:\n  - term: a\n    kind: loss-event\n    short: s\n    definition: d\n"))
	if err != nil || entries[0].Kind != "loss-event" {
		t.Fatalf("a known kind: %v %+v", err, entries)
	}
	bad := map[string][]string{
		"entries:\n  - term: a\n    short: s\n    definition: d\n":                   {`x.yaml:2: term "a": kind: missing (want one of: state, region, town`},
		"entries:\n  - term: a\n    kind: place\n    short: s\n    definition: d\n":  {`x.yaml:3: term "a": kind: unknown kind "place" (want one of: state, region`},
		"entries:\n  - term: a\n    kind: Town\n    short: s\n    definition: d\n":   {`x.yaml:3: term "a": kind: unknown kind "Town"`},
		"entries:\n  - term: a\n    kind: \"\"\n    short: s\n    definition: d\n":   {`x.yaml:2: term "a": kind: missing`},
		"entries:\n  - term: a\n    kind: [town]\n    short: s\n    definition: d\n": {`x.yaml`},
		"entries:\n  - term: a\n    kind: loss-event\n    place_of_loss: true\n    short: s\n    definition: d\n": {
			`x.yaml:2: term "a": place_of_loss: only for a town or region, not kind "loss-event"`},
		"entries:\n  - {term: a, kind: twon, short: s, definition: d}\n  - term: b\n    kind: twon\n    short: s\n    definition: d\n": {
			`x.yaml:2: term "a": kind: unknown kind "twon"`, `x.yaml:4: term "b": kind: unknown kind "twon"`},
	}
	for src, wants := range bad {
		_, err := Parse("x.yaml", []byte(src))
		for _, want := range wants {
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("Parse(%q) err = %v, want %q", src, err, want)
			}
		}
	}
}

// Complete offers names that start with the typed text, literally or once
// folded; a folded match is the typed text plus the rest of the name.
func TestComplete(t *testing.T) {
	g := sample(t)
	has := func(cs []Completion, name string) bool {
		for _, c := range cs {
			if c.Name == name && c.Short != "" {
				return true
			}
		}
		return false
	}
	if cs := g.Complete("Khoj"); !has(cs, "Khojaly") {
		t.Errorf("Complete(Khoj) = %v, want Khojaly", cs)
	}
	if cs := g.Complete("xoc"); !has(cs, "xocalı") {
		t.Errorf("Complete(xoc) = %v, want xocalı", cs)
	}
	if cs := g.Complete("zzz"); len(cs) != 0 {
		t.Errorf("Complete(zzz) = %v, want none", cs)
	}
}

// teacher4 A2: a long definition is written in paragraphs (lines of the
// field); each is wrapped on its own, with a blank line between them.
func TestRenderDefinitionParagraphs(t *testing.T) {
	e := &Entry{Term: "Khojaly", Short: "A town.", Definition: "First paragraph, about the town.\nSecond paragraph, about the counts."}
	var buf bytes.Buffer
	Layout{Width: 20}.Render(&buf, e)
	want := "Definition\n  First paragraph,\n  about the town.\n\n  Second paragraph,\n  about the counts.\n"
	if !strings.Contains(buf.String(), want) {
		t.Errorf("rendered:\n%s\nwant it to hold:\n%s", buf.String(), want)
	}
}

// A search hit is one sentence: a paragraph break ends the sentence before it.
func TestSplitSentencesAtParagraphBreaks(t *testing.T) {
	got := splitSentences("It had the region's only airport.\nHuman Rights Watch found it.")
	want := []string{"It had the region's only airport.", "Human Rights Watch found it."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("splitSentences: %q, want %q", got, want)
	}
}

// teacher7 A3, teacher8 A1: the plain view leaves the long definition, the
// contrast, the other aliases and the article's words with their notes to
// the full entry, says where the article uses the term, and how to see it.
func TestRenderPlainLeavesTheLongTextsToTheFullEntry(t *testing.T) {
	g := sample(t)
	e, _ := g.Lookup("genocide")
	var plain, full bytes.Buffer
	Layout{}.RenderPlain(&plain, e, "conflictq define genocide --full")
	Layout{}.Render(&full, e)
	got := plain.String()
	for _, absent := range []string{"Definition\n", "How it differs", e.Contrast, e.Short, "Also:", e.InArticle.Quote, e.InArticle.Note} {
		if strings.Contains(got, absent) {
			t.Errorf("plain view holds %q:\n%s", absent, got)
		}
	}
	for _, present := range []string{"genocide\n" + e.Plain, "In the article: Introduction, ¶3.\n", "Names: ", "Related: Khojaly", "Sources:\n"} {
		if !strings.Contains(got, strings.TrimSpace(present)) {
			t.Errorf("plain view lacks %q:\n%s", present, got)
		}
	}
	if !strings.HasSuffix(got, "\n\nFull entry: conflictq define genocide --full\n") {
		t.Errorf("the last line does not point to the full entry:\n%s", got)
	}
	if strings.Contains(full.String(), e.Plain) {
		t.Errorf("the full entry shows the plain words (it is unchanged by them):\n%s", full.String())
	}
	// Without a command to name, no pointer line.
	plain.Reset()
	Layout{}.RenderPlain(&plain, e, "")
	if strings.Contains(plain.String(), "Full entry") {
		t.Errorf("pointer line with no command:\n%s", plain.String())
	}
}

// An entry without plain words shows its short and full definition, so
// that it is never shown with no definition at all.
func TestRenderPlainFallsBackToTheDefinition(t *testing.T) {
	e := &Entry{Term: "enclave", Short: "A territory inside another.", Definition: "First paragraph.\nSecond paragraph.", Contrast: "An exclave is seen from the other side."}
	var buf bytes.Buffer
	Layout{}.RenderPlain(&buf, e, "conflictq define enclave --full")
	want := "enclave\nA territory inside another.\n\nDefinition\n  First paragraph.\n\n  Second paragraph.\n"
	if !strings.HasPrefix(buf.String(), want) {
		t.Errorf("rendered:\n%s\nwant it to start:\n%s", buf.String(), want)
	}
	if strings.Contains(buf.String(), "exclave") {
		t.Errorf("the contrast is in the plain view:\n%s", buf.String())
	}
}

// CONTENT.md rule 5, in the full view: the record follows the article's
// words at once, before what changed since the article, so that the error
// and its correction are read together (review-s20 FIX 6).
func TestRenderPutsTheCorrectionRightAfterTheQuote(t *testing.T) {
	e := &Entry{
		Term: "referendum", Short: "A vote of the people on one question.",
		InArticle:    &Citation{Section: "UN resolution", Paragraph: 5, Quote: "In December 2008, the enclave held a referendum", Note: "The year is wrong."},
		Correction:   "There was no vote in 2008; the referendum was held on 10 December 1991.",
		SinceArticle: "Since the article: the republic was dissolved.",
		Contrast:     "A plebiscite is another word.",
	}
	var buf bytes.Buffer
	Layout{Width: 80}.Render(&buf, e)
	got := buf.String()
	quote, record, since, contrast := strings.Index(got, "The year is wrong."), strings.Index(got, CorrectionLabel), strings.Index(got, "Since the article (February 2020)"), strings.Index(got, "How it differs")
	if quote < 0 || record < 0 || since < 0 || contrast < 0 || !(quote < record && record < since && since < contrast) {
		t.Fatalf("want the quote, then %q, then what changed since, then the contrast:\n%s", CorrectionLabel, got)
	}
	if between := got[quote+len("The year is wrong.") : record]; strings.TrimSpace(between) != "" {
		t.Errorf("something between the quote and its correction: %q", between)
	}
}

// CONTENT.md rule 5: a quoted error of the article is never shown without
// its correction. The plain view quotes nothing of the article, so it shows
// neither the wrong sentence nor the adult-English correction: it says that
// the full entry corrects or updates what the article says there (an entry's
// correction may be an error or only out of date since 2020). An
// entry whose article sentence is right gets no such line.
func TestRenderPlainNamesTheArticlesErrorWithoutQuotingIt(t *testing.T) {
	e := &Entry{
		Term: "referendum", Plain: "A vote of the people on one question.", Definition: "Long.",
		InArticle:    &Citation{Section: "UN resolution", Paragraph: 5, Quote: "In December 2008, the enclave held a referendum", Note: "The year is wrong."},
		Correction:   "There was no vote in 2008; the referendum was held on 10 December 1991.",
		SinceArticle: "Since the article: the republic was dissolved.",
	}
	var buf bytes.Buffer
	Layout{Width: 40}.RenderPlain(&buf, e, "conflictq define referendum --full")
	got := buf.String()
	for _, absent := range []string{"2008", "The year is wrong", "There was no vote", CorrectionLabel} {
		if strings.Contains(got, absent) {
			t.Errorf("the plain view holds %q:\n%s", absent, got)
		}
	}
	flat := strings.Join(strings.Fields(got), " ")
	if !strings.Contains(got, "Since the article (February 2020)") || !strings.Contains(flat, "In the article: UN resolution, ¶5. The full entry corrects or updates what the article says there.") {
		t.Errorf("want the since note and the article's place with a word on its error:\n%s", got)
	}
	e.Correction = ""
	buf.Reset()
	Layout{Width: 40}.RenderPlain(&buf, e, "conflictq define referendum --full")
	if got := buf.String(); strings.Contains(got, "wrong") || !strings.Contains(got, "In the article: UN resolution, ¶5.\n") {
		t.Errorf("no correction, no word of an error:\n%s", got)
	}
}

// teacher11 P5: the students' view gives what changed since the article in
// plain words where an entry has them; the full entry keeps the note.
func TestRenderPlainGivesThePlainSinceNote(t *testing.T) {
	e := &Entry{
		Term: "Artsakh", Short: "A region.", Plain: "A mountain region.",
		SinceArticle: "Since the article: the self-proclaimed republic decreed its own dissolution.",
		PlainSince:   "In 2023 the republic ended.",
	}
	var plain, full bytes.Buffer
	Layout{Width: 80}.RenderPlain(&plain, e, "")
	Layout{Width: 80}.Render(&full, e)
	if got := plain.String(); !strings.Contains(got, "Since the article (February 2020)\n  In 2023 the republic ended.\n") || strings.Contains(got, "decreed") {
		t.Errorf("students' view, want the plain since note only:\n%s", got)
	}
	if got := full.String(); !strings.Contains(got, "decreed its own dissolution") || strings.Contains(got, "In 2023 the republic ended.") {
		t.Errorf("full entry, want the since note only:\n%s", got)
	}
	// Without plain_since, the students' view keeps the note.
	e.PlainSince = ""
	plain.Reset()
	Layout{Width: 80}.RenderPlain(&plain, e, "")
	if !strings.Contains(plain.String(), "decreed its own dissolution") {
		t.Errorf("without plain_since the note is gone:\n%s", plain.String())
	}
}

// A source's URL is never broken at 80 columns (teacher13 P8, teacher14): one
// that fits without the indent has a line to itself from the first column,
// and a longer one runs past the width whole.
func TestRenderKeepsURLsWhole(t *testing.T) {
	fits := "https://www.hrw.org/news/2020/12/16/azerbaijan-attack-church-possible-war-crime" // 79 columns
	long := "https://www.hrw.org/report/1992/09/01/bloodshed-caucasus/escalation-armed-conflict-nagorno-karabakh"
	short := "https://www.hrw.org/report/1994/12/01/seven-years-conflict-nagorno-karabakh"
	e := &Entry{Term: "Khojaly", Short: "A town.", Sources: []Source{
		{Title: "Human Rights Watch, Azerbaijan: Attack on Church Possible War Crime (16 December 2020)", URL: fits},
		{Title: "Human Rights Watch/Helsinki, Bloodshed in the Caucasus (September 1992)", URL: long},
		{Title: "Human Rights Watch/Helsinki, Seven Years of Conflict (December 1994)", URL: short},
	}}
	var buf bytes.Buffer
	Layout{Width: 80}.RenderPlain(&buf, e, "")
	lines := strings.Split(buf.String(), "\n")
	for _, want := range []string{fits, long, "    " + short} {
		if !contains(lines, want) {
			t.Errorf("no line %q in\n%s", want, buf.String())
		}
	}
	for _, l := range lines {
		if text.Width(l) > 80 && l != long {
			t.Errorf("line wider than 80 columns: %q", l)
		}
	}
}

func contains(lines []string, s string) bool {
	for _, l := range lines {
		if l == s {
			return true
		}
	}
	return false
}

// New takes an Entry as given: a Plain of only spaces, which Parse would
// have trimmed, has no first sentence, and a search matching the term
// shows the short definition instead of panicking (review 23 #3).
func TestSearchPlainOnlySpaces(t *testing.T) {
	for _, plain := range []string{" ", "\n\t "} {
		g, err := New([]Entry{{Term: "Refugee", Short: "A person who fled.", Plain: plain}})
		if err != nil {
			t.Fatal(err)
		}
		hits := g.Search("refugee")
		if len(hits) != 1 || hits[0].Line != "A person who fled." {
			t.Errorf("plain %q: hits %+v, want the short definition", plain, hits)
		}
	}
}
