package cmd

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/glossary"
	"github.com/conflictq/conflictq/quiz/text"
)

// DefineOptions are the define command's inputs.
type DefineOptions struct {
	Factory *Factory
	Terms   []string
	Short   bool
	// Full shows whole entries; without it define shows the plain view
	// (glossary.Layout.RenderPlain), for students.
	Full bool
	JSON bool
}

// defineShort is the define command's one-line summary, which the root's help and
// completion show without building the command.
const defineShort = "Define terms from the article, with citations"

// NewCmdDefine looks terms up in the glossary.
func NewCmdDefine(f *Factory, runF func(*DefineOptions) error) *cobra.Command {
	opts := &DefineOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "define TERM...",
		Short: defineShort,
		Long: `Look terms up in the glossary. By default an entry is short, for students: what
the term means in plain words, what has changed since the article, where the
article uses it (and whether the full entry corrects or updates the article
there), its names, related terms and primary sources, and last the command that
shows the full entry.

--full shows the whole entry, adding the long, attributed definition, the
article's words with notes and corrections, how the term differs from those it
is confused with, and other spellings. For whole
entries by default, put full: true under define: in a settings file, or set
CONFLICTQ_DEFINE_FULL=true; --full=false then gives the students' view.
--short prints one line per term; --json prints whole entries.

Any spelling or name works, in Latin, Armenian or Cyrillic script and any
case: Khojaly, Xocalı, xocali, Խոջալու, Ходжалы; USSR; Artsakh. A near miss
with one close entry shows it (Hojali shows Khojaly, with a note on standard
error); a term that is not found otherwise gets suggestions and exit code 1.`,
		Example: `  conflictq define genocide                 # plain words, for students
  conflictq define genocide --full          # the full entry, for teachers
  conflictq define ussr "Nagorno Karabakh" --short
  conflictq define xocali --json
  conflictq define "Нагорный Карабах"`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				// Short lines: a message broken by the terminal mid-word is hard to read.
				return invalid("define needs a term, for example: conflictq define genocide\n" +
					"  every term:       conflictq glossary list\n" +
					"  search the texts: conflictq glossary search WORDS")
			}
			return nil
		},
		ValidArgsFunction: termCompletion(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Terms = args
			// A setting (define: full: true) gives way to a typed --short;
			// both typed is a contradiction.
			_, fullSetting := f.settingOrigin["full"]
			_, shortSetting := f.settingOrigin["short"]
			if opts.Short && opts.Full && !fullSetting && !shortSetting {
				return &FlagError{Err: errors.New("give --short or --full, not both")}
			}
			if runF != nil {
				return runF(opts)
			}
			return defineRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Short, "short", false, "print only the one-line definitions")
	cmd.Flags().BoolVar(&opts.Full, "full", false, "print the full entries: the long definition and how each term differs")
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
			s := g.Suggest(term, 3)
			// One close entry is shown, not offered (teacher16 P2: "Hojali"
			// gave "did you mean: Khojaly?" and exit 1, to be typed again).
			if len(s) == 1 {
				if e, ok := g.Lookup(s[0]); ok {
					fmt.Fprintf(ios.ErrOut, "no entry for '%s'; showing %s\n", glossary.Sanitize(term), e.Term)
					found = append(found, e)
					continue
				}
			}
			missed++
			fmt.Fprintf(ios.ErrOut, "no entry for '%s'\n", glossary.Sanitize(term))
			if len(s) > 0 {
				fmt.Fprintf(ios.ErrOut, "did you mean: %s?\n", strings.Join(s, ", "))
			}
			if hits := g.Search(term); len(hits) > 0 {
				fmt.Fprintf(ios.ErrOut, "%s\n  (conflictq glossary search %s shows where)\n", text.Hang("found in: "+hitTerms(hits, 5), 80, 2), text.CommandWord(glossary.Sanitize(term)))
			}
			continue
		}
		found = append(found, e)
	}
	// An entry can be longer than a screen (teacher4 A2): page it on a
	// terminal, after the misses are said on standard error.
	if len(found) > 0 {
		ios.StartPager()
		defer ios.StopPager()
	}
	switch {
	case opts.JSON:
		if err := assets.WriteEntriesJSON(ios.Out, g, found); err != nil {
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
			if opts.Full {
				layout.Render(ios.Out, e)
				continue
			}
			layout.RenderPlain(ios.Out, e, "conflictq define "+text.CommandWord(e.Term)+" --full")
		}
	}
	if missed > 0 {
		return silent(ExitNegative)
	}
	return nil
}

// hitTerms names the first n entries that a search found, and how many more.
func hitTerms(hits []glossary.Hit, n int) string {
	var terms []string
	for i, h := range hits {
		if i == n {
			terms = append(terms, fmt.Sprintf("and %d more", len(hits)-n))
			break
		}
		terms = append(terms, h.Entry.Term)
	}
	return strings.Join(terms, ", ")
}

// glossaryLayout wraps and emphasises for a terminal, and does neither for a pipe.
func glossaryLayout(f *Factory) glossary.Layout {
	ios := f.IOStreams
	l := glossary.Layout{Style: ios.ColorScheme()}
	if ios.IsStdoutTTY() {
		l.Width = min(ios.TerminalWidth(), 100)
	}
	return l
}

// termCompletion offers the glossary's terms and names that start with what
// was typed (Glossary.Complete), each with the start of its definition.
func termCompletion(f *Factory) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, c := range assets.Glossary().Complete(toComplete) {
			out = append(out, c.Name+"\t"+text.FirstWords(c.Short, 8))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// glossaryShort is the glossary command's one-line summary, which the root's help and
// completion show without building the command.
const glossaryShort = "List or search the glossary"

// glossaryCommand is glossary with its commands, each built when reached
// (newRootFor).
func glossaryCommand() lazyCommand {
	return lazyCommand{name: "glossary", short: glossaryShort, build: newCmdGlossaryGroup, children: []lazyCommand{
		{name: "list", short: glossaryListShort, build: func(f *Factory) *cobra.Command { return NewCmdGlossaryList(f, nil) }},
		{name: "search", short: glossarySearchShort, build: func(f *Factory) *cobra.Command { return NewCmdGlossarySearch(f, nil) }},
	}}
}

// newCmdGlossaryGroup is glossary without its commands.
func newCmdGlossaryGroup(*Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "glossary",
		Short: glossaryShort,
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
}

// GlossaryListOptions are glossary list's inputs.
type GlossaryListOptions struct {
	Factory *Factory
	JSON    bool
	ByTopic bool
}

// glossaryListShort is glossary list's one-line summary, which its group's help and completion
// show without building the command.
const glossaryListShort = "List the glossary's terms, one per line, in alphabetical order"

// NewCmdGlossaryList lists the glossary's terms.
func NewCmdGlossaryList(f *Factory, runF func(*GlossaryListOptions) error) *cobra.Command {
	opts := &GlossaryListOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "list",
		Short: glossaryListShort,
		Example: `  conflictq glossary list
  conflictq glossary list --by-topic     # history, law, organisations, people, places
  conflictq glossary list --json | jq -r '.[] | select(.topic == "law") | .term'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return glossaryListRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print every entry in full, as JSON")
	cmd.Flags().BoolVar(&opts.ByTopic, "by-topic", false, "group the terms by topic (history, law, places, ...)")
	return cmd
}

func glossaryListRun(opts *GlossaryListOptions) error {
	ios := opts.Factory.IOStreams
	ios.StartPager()
	defer ios.StopPager()
	if opts.JSON {
		// The entries as text.WriteJSON writes them, written at build time.
		_, err := ios.Out.Write(assets.GlossaryJSON())
		return err
	}
	g := assets.Glossary()
	out, style := ios.Out, ios.ColorScheme()
	if !opts.ByTopic {
		for _, e := range glossary.Alphabetical(g.Entries()) {
			fmt.Fprintln(out, e.Term)
		}
		return nil
	}
	for i, group := range glossary.ByTopic(g.Entries()) {
		if i > 0 {
			fmt.Fprintln(out)
		}
		fmt.Fprintln(out, style.Bold(group.Topic))
		for _, e := range group.Entries {
			fmt.Fprintf(out, "  %s\n", e.Term)
		}
	}
	return nil
}

// GlossarySearchOptions are glossary search's inputs.
type GlossarySearchOptions struct {
	Factory *Factory
	Query   string // the words, joined by spaces
}

// glossarySearchShort is glossary search's one-line summary, which its group's help and completion
// show without building the command.
const glossarySearchShort = "Search terms and definitions; best matches first, with the sentence that matched"

// NewCmdGlossarySearch searches the glossary's texts.
func NewCmdGlossarySearch(f *Factory, runF func(*GlossarySearchOptions) error) *cobra.Command {
	opts := &GlossarySearchOptions{Factory: f}
	return &cobra.Command{
		Use:   "search WORDS",
		Short: glossarySearchShort,
		Long: `Search every entry's names, definitions and notes for words. An entry matches
when it has every word (or a word starting with it, so "peace" finds
"peacekeepers"), ignoring case and diacritics. Best matches first: a match in
the term counts most. Each hit shows the whole sentence that matched, with the
match highlighted on a terminal.`,
		Example: `  conflictq glossary search "specific intent"
  conflictq glossary search refugee
  conflictq glossary search icj ruling`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return invalid("search for what? For example: conflictq glossary search \"specific intent\"")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Query = strings.Join(args, " ")
			if runF != nil {
				return runF(opts)
			}
			return glossarySearchRun(opts)
		},
	}
}

func glossarySearchRun(opts *GlossarySearchOptions) error {
	f := opts.Factory
	g := assets.Glossary()
	hits := g.Search(opts.Query)
	if len(hits) == 0 {
		fmt.Fprintf(f.IOStreams.ErrOut, "nothing in the glossary matches '%s'\n", glossary.Sanitize(opts.Query))
		return silent(ExitNegative)
	}
	f.IOStreams.StartPager()
	defer f.IOStreams.StopPager()
	layout := glossaryLayout(f)
	for _, h := range hits {
		line := glossary.Highlight(text.Wrap(h.Line, layout.Width, "  "), opts.Query, layout.Style)
		fmt.Fprintf(f.IOStreams.Out, "%s\n%s\n", layout.Style.Bold(h.Entry.Term), line)
	}
	return nil
}
