package cmd

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/glossary"
	"github.com/conflictq/conflictq/quiz/text"
)

// define --json copies each entry's bytes from the JSON go generate wrote
// (writeEntriesJSON): it must print what text.WriteJSON prints, for no entry,
// every entry alone, and many lists of entries, repeats included.
func TestDefineJSONAsWriteJSON(t *testing.T) {
	g := assets.Glossary()
	all := g.Entries()
	check := func(entries []*glossary.Entry) {
		t.Helper()
		var got, want bytes.Buffer
		if err := writeEntriesJSON(&got, g, entries); err != nil {
			t.Fatal(err)
		}
		w := entries
		if w == nil {
			w = []*glossary.Entry{}
		}
		if err := text.WriteJSON(&want, w); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("%d entries: got %d bytes, want %d:\n%s", len(entries), got.Len(), want.Len(), got.Bytes()[:min(got.Len(), 400)])
		}
	}
	check(nil)
	check([]*glossary.Entry{})
	for i := range all {
		check([]*glossary.Entry{&all[i]})
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		var entries []*glossary.Entry
		for range 1 + rng.IntN(6) {
			entries = append(entries, &all[rng.IntN(len(all))])
		}
		check(entries)
	}
	// An entry of another glossary (a copy) is encoded as WriteJSON does.
	copied := all[3]
	check([]*glossary.Entry{&all[0], &copied})
	if len(jsonElements(assets.GlossaryJSON())) != len(all) {
		t.Fatal("glossary.json does not cut into one element an entry")
	}
}

// jsonElements takes only an array as text.WriteJSON indents one.
func TestJSONElementsRefusesOtherJSON(t *testing.T) {
	for _, in := range []string{
		"", "[]\n", "[\n", "{}\n", "[\n  {\n  }\n]", "[\n  {\n  }\n]\n\n", "[\n  {\n  },\n]\n",
		"[\n  {\n  }\n  {\n  }\n]\n", "[\n  1\n]\n", "[\n  {\n  }x\n]\n", "[\n  {\n    \"a\": 1\n  },\n  2\n]\n",
	} {
		if got := jsonElements([]byte(in)); got != nil {
			t.Errorf("jsonElements(%q) = %q, want nil", in, got)
		}
	}
	got := jsonElements([]byte("[\n  {\n    \"a\": \"}\"\n  },\n  {\n  }\n]\n"))
	if len(got) != 2 || string(got[0]) != "  {\n    \"a\": \"}\"\n  }" || string(got[1]) != "  {\n  }" {
		t.Errorf("two elements: got %q", got)
	}
}
