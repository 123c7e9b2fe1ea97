package glossary

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/conflictq/conflictq/quiz/text"
)

// Layout says how entries are drawn: Width 0 leaves paragraphs unwrapped (for
// pipes); Style adds emphasis only when the terminal wants it.
type Layout struct {
	Width int
	Style text.Style // nil: no emphasis
}

// Render writes one entry in full.
func (l Layout) Render(w io.Writer, e *Entry) {
	st := text.Or(l.Style)
	fmt.Fprintln(w, st.Bold(e.Term))
	fmt.Fprintln(w, text.Wrap(e.Short, l.Width, ""))
	l.paragraphs(w, "Definition", e.Definition)
	if c := e.InArticle; c != nil {
		heading := fmt.Sprintf("In the article (%s, ¶%d)", c.Section, c.Paragraph)
		text := "“" + c.Quote + "”"
		if c.Note != "" {
			text += "\n" + c.Note
		}
		l.section(w, heading, text)
	}
	if e.SinceArticle != "" {
		// The notes open with "Since the article:" to read well alone; the heading says it here.
		text := strings.TrimSpace(strings.TrimPrefix(e.SinceArticle, "Since the article:"))
		if r, size := utf8.DecodeRuneInString(text); size > 0 {
			text = string(unicode.ToUpper(r)) + text[size:]
		}
		l.section(w, "Since the article (February 2020)", text)
	}
	if e.Correction != "" {
		l.section(w, CorrectionLabel, e.Correction)
	}
	if e.Contrast != "" {
		l.section(w, "How it differs", e.Contrast)
	}
	fmt.Fprintln(w)
	if names := e.Names.String(); names != "" {
		fmt.Fprintln(w, st.Bold("Names:")+" "+l.hang(names, len("Names: ")))
	}
	if also := e.otherAliases(); len(also) > 0 {
		fmt.Fprintln(w, st.Bold("Also:")+" "+l.hang(strings.Join(also, ", "), len("Also: ")))
	}
	if len(e.Related) > 0 {
		fmt.Fprintln(w, st.Bold("Related:")+" "+l.hang(strings.Join(e.Related, ", "), len("Related: ")))
	}
	if len(e.Sources) > 0 {
		fmt.Fprintln(w, st.Bold("Sources:"))
		for _, s := range e.Sources {
			fmt.Fprintln(w, "  •"+text.Wrap(s.Title, l.Width, "    ")[3:])
			if s.URL != "" {
				fmt.Fprintln(w, "    "+s.URL)
			}
		}
	}
}

// otherAliases returns the aliases that the Names line does not already show.
func (e *Entry) otherAliases() []string {
	var out []string
	for _, a := range e.Aliases {
		shown := false
		for _, list := range e.Names {
			shown = shown || slices.ContainsFunc(list, func(n string) bool { return text.Normalize(n) == text.Normalize(a) })
		}
		if !shown {
			out = append(out, a)
		}
	}
	return out
}

// hang wraps text that follows a label n columns wide, lining up the lines
// after the first under it.
func (l Layout) hang(s string, n int) string { return text.Hang(s, l.Width, n) }

func (l Layout) section(w io.Writer, heading, body string) {
	fmt.Fprintf(w, "\n%s\n%s\n", text.Or(l.Style).Bold(heading), text.Wrap(body, l.Width, "  "))
}

// paragraphs writes a section whose paragraphs (lines of body) are
// separated by a blank line: a definition of 300 words read as one block
// on a screen (teacher4 A2).
func (l Layout) paragraphs(w io.Writer, heading, body string) {
	paras := strings.Split(body, "\n")
	for i, p := range paras {
		paras[i] = text.Wrap(p, l.Width, "  ")
	}
	fmt.Fprintf(w, "\n%s\n%s\n", text.Or(l.Style).Bold(heading), strings.Join(paras, "\n\n"))
}

// RenderShort writes the one-line definition: "term: short".
func (l Layout) RenderShort(w io.Writer, e *Entry) {
	fmt.Fprintln(w, text.Wrap(text.Or(l.Style).Bold(e.Term)+": "+e.Short, l.Width, ""))
}

// Sanitize makes a user's text safe to print (text.Printable): control
// characters and escape sequences are shown escaped, never obeyed.
func Sanitize(s string) string { return text.Printable(s) }
