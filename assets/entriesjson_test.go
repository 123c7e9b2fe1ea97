package assets_test

import (
	"testing"

	"github.com/conflictq/conflictq/assets"
)

// The glossary's JSON cuts into one element an entry: else WriteEntriesJSON
// falls back to reflection, right but slow, and no other test would notice.
func TestGlossaryJSONCutsIntoEntries(t *testing.T) {
	if got, want := len(assets.JSONElements(assets.GlossaryJSON())), len(assets.Glossary().Entries()); got != want {
		t.Fatalf("glossary.json cuts into %d elements, want %d (one an entry)", got, want)
	}
}

// jsonElements takes only an array as text.WriteJSON indents one.
func TestJSONElementsRefusesOtherJSON(t *testing.T) {
	for _, in := range []string{
		"", "[]\n", "[\n", "{}\n", "[\n  {\n  }\n]", "[\n  {\n  }\n]\n\n", "[\n  {\n  },\n]\n",
		"[\n  {\n  }\n  {\n  }\n]\n", "[\n  1\n]\n", "[\n  {\n  }x\n]\n", "[\n  {\n    \"a\": 1\n  },\n  2\n]\n",
	} {
		if got := assets.JSONElements([]byte(in)); got != nil {
			t.Errorf("jsonElements(%q) = %q, want nil", in, got)
		}
	}
	got := assets.JSONElements([]byte("[\n  {\n    \"a\": \"}\"\n  },\n  {\n  }\n]\n"))
	if len(got) != 2 || string(got[0]) != "  {\n    \"a\": \"}\"\n  }" || string(got[1]) != "  {\n  }" {
		t.Errorf("two elements: got %q", got)
	}
}
