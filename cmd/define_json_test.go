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
// (assets.WriteEntriesJSON): it must print what text.WriteJSON prints, for no entry,
// every entry alone, and many lists of entries, repeats included.
func TestDefineJSONAsWriteJSON(t *testing.T) {
	g := assets.Glossary()
	all := g.Entries()
	check := func(entries []*glossary.Entry) {
		t.Helper()
		var got, want bytes.Buffer
		if err := assets.WriteEntriesJSON(&got, g, entries); err != nil {
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
}
