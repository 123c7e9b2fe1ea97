package cmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/glossary"
	"github.com/conflictq/conflictq/quiz"
)

// DefineOptions are the define command's inputs.
type DefineOptions struct {
	Factory *Factory
	Terms   []string
	Short   bool
	JSON    bool
}

// NewCmdDefine looks terms up in the glossary.
func NewCmdDefine(f *Factory, runF func(*DefineOptions) error) *cobra.Command {
	opts := &DefineOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "define TERM...",
		Short: "Define terms from the article, with citations",
		Long: `Look terms up in the glossary: a definition, how the article uses the term, what
has changed since the article, where the article is wrong, related terms and
primary sources. Any spelling or name works, in Latin, Armenian or Cyrillic
script and any case: Khojaly, Xocalı, xocali, Խոջալու, Ходжалы; USSR; Artsakh.
A term that is not found gets suggestions and exit code 1.`,
		Example: `  conflictq define genocide
  conflictq define ussr "Nagorno Karabakh" --short
  conflictq define xocali --json
  conflictq define "Нагорный Карабах"`,
		Args:              cobra.MinimumNArgs(1),
		ValidArgsFunction: termCompletion(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Terms = args
			if runF != nil {
				return runF(opts)
			}
			return defineRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Short, "short", false, "print only the one-line definitions")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the entries as a JSON array")
	return cmd
}

func defineRun(opts *DefineOptions) error {
	ios := opts.Factory.IOStreams
	g := assets.Glossary()
	var found []*glossary.Entry
	missed := 0
	for _, term := range opts.Terms {
		e, ok := g.Lookup(term)
		if !ok {
			missed++
			fmt.Fprintf(ios.ErrOut, "no entry for '%s'\n", glossary.Sanitize(term))
			if s := g.Suggest(term, 3); len(s) > 0 {
				fmt.Fprintf(ios.ErrOut, "did you mean: %s?\n", strings.Join(s, ", "))
			}
			continue
		}
		found = append(found, e)
	}
	switch {
	case opts.JSON:
		if found == nil {
			found = []*glossary.Entry{}
		}
		if err := writeJSON(ios.Out, found); err != nil {
			return err
		}
	default:
		layout := glossaryLayout(opts.Factory)
		for i, e := range found {
			if opts.Short {
				layout.RenderShort(ios.Out, e)
				continue
			}
			if i > 0 {
				fmt.Fprintln(ios.Out)
			}
			layout.Render(ios.Out, e)
		}
	}
	if missed > 0 {
		return silent(ExitNegative)
	}
	return nil
}

// glossaryLayout wraps and emphasises for a terminal, and does neither for a pipe.
func glossaryLayout(f *Factory) glossary.Layout {
	ios := f.IOStreams
	l := glossary.Layout{Style: quiz.Style{Color: ios.ColorEnabled()}}
	if ios.IsStdoutTTY() {
		l.Width = min(ios.TerminalWidth(), 100)
	}
	return l
}

// termCompletion offers the glossary's terms and aliases.
func termCompletion(f *Factory) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		g := assets.Glossary()
		want := strings.ToLower(toComplete)
		var out []string
		for _, e := range g.Entries() {
			for _, name := range e.AllNames() {
				if strings.HasPrefix(strings.ToLower(name), want) {
					out = append(out, name+"\t"+firstWords(e.Short, 8))
				}
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

func firstWords(s string, n int) string {
	words := strings.Fields(s)
	if len(words) <= n {
		return s
	}
	return strings.Join(words[:n], " ") + "…"
}

// NewCmdGlossary lists and searches the glossary.
func NewCmdGlossary(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "glossary",
		Short: "List or search the glossary",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	var asJSON bool
	list := &cobra.Command{
		Use:   "list",
		Short: "List the glossary's terms, one per line",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			g := assets.Glossary()
			entries := g.Entries()
			if asJSON {
				return writeJSON(f.IOStreams.Out, entries)
			}
			for _, e := range entries {
				fmt.Fprintln(f.IOStreams.Out, e.Term)
			}
			return nil
		},
	}
	list.Flags().BoolVar(&asJSON, "json", false, "print every entry in full, as JSON")
	search := &cobra.Command{
		Use:   "search QUERY",
		Short: "Search terms and definitions; best matches first, with the matching line",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			g := assets.Glossary()
			query := strings.Join(args, " ")
			hits := g.Search(query)
			if len(hits) == 0 {
				fmt.Fprintf(f.IOStreams.ErrOut, "nothing in the glossary matches '%s'\n", glossary.Sanitize(query))
				return silent(ExitNegative)
			}
			layout := glossaryLayout(f)
			for _, h := range hits {
				fmt.Fprintf(f.IOStreams.Out, "%s\n%s\n", layout.Style.Bold(h.Entry.Term), quiz.Wrap(h.Line, layout.Width, "  "))
			}
			return nil
		},
	}
	cmd.AddCommand(list, search)
	return cmd
}
