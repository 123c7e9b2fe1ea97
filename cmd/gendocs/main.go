// Command gendocs writes conflictq's man pages (make man). It sits beside
// cmd/conflictq, as cli/cli keeps cmd/gen-docs beside cmd/gh: a program of
// the repository's own, built from the same command tree.
package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
	"github.com/spf13/pflag"

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
	showEmptyLists(root)
	header := &doc.GenManHeader{Title: "CONFLICTQ", Section: "1", Source: "conflictq", Manual: "conflictq manual"}
	if err := doc.GenManTree(root, header, dir); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}

// showEmptyLists writes a repeatable flag's empty default as [], as man pages
// show pflag's own stringArray flags: cmd's (cheaper to define) keep it as ""
// so that help leaves it out, as it does pflag's.
func showEmptyLists(c *cobra.Command) {
	c.LocalFlags().VisitAll(func(fl *pflag.Flag) {
		if fl.Value.Type() == "stringArray" && fl.DefValue == "" {
			fl.DefValue = "[]"
		}
	})
	for _, sub := range c.Commands() {
		showEmptyLists(sub)
	}
}
