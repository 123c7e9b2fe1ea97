// Package assets embeds conflictq's question banks and glossary in the binary.
package assets

import (
	"embed"
	"io/fs"
)

//go:embed banks/*.yaml
var banks embed.FS

// Banks returns the built-in question banks, as NAME.yaml files at the root.
func Banks() fs.FS {
	sub, err := fs.Sub(banks, "banks")
	if err != nil {
		panic(err) // the directory is embedded above; this cannot fail
	}
	return sub
}
