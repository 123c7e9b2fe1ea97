// Command gendocs writes conflictq's man pages (make man). It sits beside
// cmd/conflictq, as cli/cli keeps cmd/gen-docs beside cmd/gh: a program of
// the repository's own, built from the same command tree.
package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra/doc"

	"github.com/conflictq/conflictq/cmd"
)

func main() {
	dir := "man"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
	root := cmd.NewRootCmd(cmd.NewFactory())
	root.DisableAutoGenTag = true
	header := &doc.GenManHeader{Title: "CONFLICTQ", Section: "1", Source: "conflictq", Manual: "conflictq manual"}
	if err := doc.GenManTree(root, header, dir); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}
