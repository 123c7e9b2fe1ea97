package assets

import (
	"bytes"
	"io"

	"github.com/conflictq/conflictq/glossary"
	"github.com/conflictq/conflictq/quiz/text"
)

// WriteEntriesJSON writes entries, which are g's (a glossary Glossary
// returned), as text.WriteJSON writes them: an array of the entries as
// glossary list --json prints them (define --json). Each is copied from the
// bytes go generate wrote (GlossaryJSON) rather than encoded by reflection,
// which took a tenth of define --json's run (building encoding/json's
// encoders for Entry and its fields). An entry not g's is encoded by
// text.WriteJSON. gen.go writes glossary.json, so its format is this
// package's to cut.
func WriteEntriesJSON(w io.Writer, g *glossary.Glossary, entries []*glossary.Entry) error {
	all := g.Entries()
	elems := jsonElements(GlossaryJSON())
	if len(elems) != len(all) {
		// Not the glossary's JSON (never, while TestCompiledGlossaryJSONIsFresh passes).
		if entries == nil {
			entries = []*glossary.Entry{}
		}
		return text.WriteJSON(w, entries)
	}
	if len(entries) == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	var buf bytes.Buffer
	buf.WriteString("[\n")
	for n, e := range entries {
		i := entryIndex(all, e)
		if i < 0 {
			return text.WriteJSON(w, entries) // not one of g's entries
		}
		if n > 0 {
			buf.WriteString(",\n")
		}
		buf.Write(elems[i])
	}
	buf.WriteString("\n]\n")
	_, err := w.Write(buf.Bytes())
	return err
}

// entryIndex is the position of e in entries, or -1.
func entryIndex(entries []glossary.Entry, e *glossary.Entry) int {
	for i := range entries {
		if &entries[i] == e {
			return i
		}
	}
	return -1
}

// jsonElements cuts an indented JSON array, as text.WriteJSON writes one,
// into its elements' bytes: each from its line "  {" to its line "  }" (an
// element of the whole glossary's array is indented as one of any array, and
// a string holds no newline). It returns nil for anything else.
func jsonElements(data []byte) [][]byte {
	rest, ok := bytes.CutPrefix(data, []byte("[\n"))
	if !ok {
		return nil
	}
	var elems [][]byte
	for {
		end := bytes.Index(rest, []byte("\n  }"))
		if !bytes.HasPrefix(rest, []byte("  {\n")) || end < 0 {
			return nil
		}
		elems = append(elems, rest[:end+len("\n  }")])
		rest = rest[end+len("\n  }"):]
		if after, more := bytes.CutPrefix(rest, []byte(",\n")); more {
			rest = after
			continue
		}
		if string(rest) != "\n]\n" {
			return nil
		}
		return elems
	}
}
