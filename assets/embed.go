// Package assets embeds conflictq's question banks and glossary in the binary.
//
// banks/*.yaml are the sources teachers read and edit; compiled_banks.go holds
// the same banks parsed and validated at build time (go generate), which is what
// the program loads: no YAML is parsed before a quiz's first prompt.
package assets

//go:generate go run gen.go

import (
	"embed"
	"io/fs"

	"github.com/conflictq/conflictq/quiz"
)

//go:embed banks/*.yaml
var banks embed.FS

// Banks returns the built-in question banks' sources, as NAME.yaml files at the root.
func Banks() fs.FS {
	s, err := fs.Sub(banks, "banks")
	if err != nil {
		panic(err) // the directory is embedded above; this cannot fail
	}
	return s
}

// CompiledBank returns the built-in bank called name, compiled at build time,
// or nil when there is none.
func CompiledBank(name string) *quiz.Bank { return compiledBank(name) }
