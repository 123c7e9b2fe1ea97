package assets_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/assets"
)

// Each assets.Glossary has entries and Names of its own; the rest of an
// entry's lists and its citation are shared by every glossary in the
// process, and the doc comments, generated one too, say so: read-only
// (review-code24 #6: "a copy of its own" read as a deep copy).
func TestGlossaryWhatIsItsOwnAndWhatIsShared(t *testing.T) {
	a, b := assets.Glossary().Entries(), assets.Glossary().Entries()
	a[0].Term = "changed"
	a[0].Names = nil
	if b[0].Term == "changed" || b[0].Names == nil {
		t.Errorf("one glossary's entries changed another's: %q %v", b[0].Term, b[0].Names)
	}
	for file, fn := range map[string]string{"embed.go": "Glossary", "compiled_glossary.go": "compiledEntries"} {
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, d := range f.Decls {
			if d, ok := d.(*ast.FuncDecl); ok && d.Name.Name == fn {
				found = true
				if doc := d.Doc.Text(); !strings.Contains(doc, "shared") || !strings.Contains(doc, "read-only") {
					t.Errorf("%s: %s's doc does not say what is shared and read-only:\n%s", file, fn, doc)
				}
			}
		}
		if !found {
			t.Errorf("%s: no func %s", file, fn)
		}
	}
}
