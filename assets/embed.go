// Package assets embeds conflictq's question banks and glossary in the binary.
//
// banks/*.yaml and glossary/*.yaml are the sources teachers read and edit;
// compiled_banks.go and compiled_glossary.go hold the same content parsed and
// validated at build time (go generate), which is what the program loads: no
// YAML is parsed before a quiz's first prompt or a definition, and the
// vocabulary bank is not made from the glossary at run time.
package assets

//go:generate go run gen.go

import (
	"embed"
	"io/fs"
	"slices"

	"github.com/conflictq/conflictq/glossary"
	"github.com/conflictq/conflictq/quiz"
)

//go:embed banks/*.yaml
var banks embed.FS

//go:embed json/*.json
var bankJSON embed.FS

//go:embed glossary.json
var glossaryJSON []byte

// Banks returns the built-in question banks' sources, as NAME.yaml files at the root.
func Banks() fs.FS { return sub(banks, "banks") }

func sub(f embed.FS, dir string) fs.FS {
	s, err := fs.Sub(f, dir)
	if err != nil {
		panic(err) // the directory is embedded above; this cannot fail
	}
	return s
}

// GeneratedBanks names the built-in banks made from other content rather than
// from a banks/*.yaml file.
var GeneratedBanks = []string{glossary.VocabularyID}

// CompiledBank returns the built-in bank called name, compiled at build time
// (the vocabulary bank too, made from the glossary by gen.go), or nil.
//
// Each call returns a Bank of its own, but the questions in it are the same
// for every caller in the process: they are laid out by the linker, not
// built at each call. Nothing changes a question once it is loaded (the
// caches a question keeps, Question's fold and perms, are filled atomically
// and hold what the question determines); TestCompiledQuestionsAreShared
// checks that using one bank leaves another alike.
func CompiledBank(name string) *quiz.Bank { return compiledBank(name) }

// CompiledNames returns the built-in banks' names, sorted, as gen.go listed
// them (quiz.Library.Names without reading the embedded folder;
// TestCompiledNames checks them).
func CompiledNames() []string { return compiledNames[:] }

// CompiledDigests returns quiz.Digest of the built-in bank called name's
// questions together, then of each question in order, computed by gen.go
// (TestCompiledDigests checks them), or nil: quiz.Library hands them to the
// bank it loads (Bank.Digest), so that a review or progress does not hash
// every question of every bank as it starts.
func CompiledDigests(name string) []string { return compiledDigests(name) }

// newBank returns a bank of its own, whose Questions are a slice of its own
// of the compiled questions.
func newBank(id, title, description, file string, questions []*quiz.Question) *quiz.Bank {
	return &quiz.Bank{ID: id, Title: title, Description: description, File: file, Questions: slices.Clone(questions)}
}

// CompiledJSON returns the built-in bank called name as bank export --format
// json writes it, written at build time by that same writer (gen.go), or nil.
func CompiledJSON(name string) []byte {
	data, err := bankJSON.ReadFile("json/" + name + ".json")
	if err != nil {
		return nil
	}
	return data
}

// GlossaryJSON returns every entry of the built-in glossary as glossary list
// --json prints them (text.WriteJSON of Glossary().Entries()), written at
// build time by gen.go. The slice is shared: read-only.
func GlossaryJSON() []byte { return glossaryJSON }

// Glossary returns the built-in glossary, compiled (and indexed) at build time.
// Each call's entries are its own, and so are their Names; their other lists
// (Aliases, Related, Confusable, Sources) and their InArticle citations are
// shared by every glossary in the process: read-only (review-code24 #6), as
// are its Index and SearchText.
func Glossary() *glossary.Glossary {
	return glossary.NewIndexed(compiledEntries(), compiledIndex, compiledSearchText)
}
