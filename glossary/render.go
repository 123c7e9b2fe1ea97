package glossary

import (
	"cmp"
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
	l.title(w, e)
	fmt.Fprintln(w, text.Wrap(e.Short, l.Width, ""))
	l.paragraphs(w, "Definition", e.Definition)
	// The record straight after the article's words, before what changed
	// since: an error of the article is never read without its correction
	// (CONTENT.md rule 5).
	l.inArticle(w, e)
	if e.Correction != "" {
		l.section(w, CorrectionLabel, e.Correction)
	}
	l.sinceSection(w, e.SinceArticle)
	if e.Contrast != "" {
		l.section(w, "How it differs", e.Contrast)
	}
	fmt.Fprintln(w)
	l.names(w, e, true)
	l.relatedAndSources(w, e)
}

// RenderPlain writes the entry as a student meets it first (teacher7 A3: a
// full entry is 500 to 800 words of adult English; teacher8 A1: the article's
// notes and corrections read at B2/C1 even after plain words): the term, its
// plain words, what has changed since, where the article uses it, its names,
// related terms and sources. The long definition, the contrast, the
// article's words with their notes and corrections are left to Render. The
// article is not quoted here, so no error of its is shown uncorrected
// (CONTENT.md rule 5); where it has one, a line says so and where to read
// the record. An entry without plain words shows its short and full
// definition instead. fullEntry, when not empty, is the last line: how to
// see the whole entry (a command, for define).
func (l Layout) RenderPlain(w io.Writer, e *Entry, fullEntry string) {
	l.title(w, e)
	if e.Plain != "" {
		fmt.Fprintln(w, text.Wrap(e.Plain, l.Width, ""))
	} else {
		fmt.Fprintln(w, text.Wrap(e.Short, l.Width, ""))
		l.paragraphs(w, "Definition", e.Definition)
	}
	l.sinceSection(w, cmp.Or(e.PlainSince, e.SinceArticle))
	if c := e.InArticle; c != nil {
		where := fmt.Sprintf("%s, ¶%d.", c.Section, c.Paragraph)
		if e.Correction != "" {
			where += " The full entry corrects or updates what the article says there."
		}
		fmt.Fprintln(w)
		fmt.Fprintln(w, text.Or(l.Style).Bold("In the article:")+" "+l.hang(where, len("In the article: ")))
	}
	fmt.Fprintln(w)
	l.names(w, e, false)
	l.relatedAndSources(w, e)
	if fullEntry != "" {
		fmt.Fprintln(w)
		// Never wrapped: a command is copied whole, as a source's URL is.
		fmt.Fprintln(w, text.Or(l.Style).Bold("Full entry:")+" "+fullEntry)
	}
}

func (l Layout) title(w io.Writer, e *Entry) {
	fmt.Fprintln(w, text.Or(l.Style).Bold(e.Term))
}

func (l Layout) inArticle(w io.Writer, e *Entry) {
	c := e.InArticle
	if c == nil {
		return
	}
	heading := fmt.Sprintf("In the article (%s, ¶%d)", c.Section, c.Paragraph)
	body := "“" + c.Quote + "”"
	if c.Note != "" {
		body += "\n" + c.Note
	}
	l.section(w, heading, body)
}

// sinceSection draws the "Since the article" section, of a note in full
// (since_article) or in plain words (plain_since): the one way to draw it.
func (l Layout) sinceSection(w io.Writer, note string) {
	if note == "" {
		return
	}
	// The notes open with "Since the article:" to read well alone; the heading says it here.
	body := strings.TrimSpace(strings.TrimPrefix(note, "Since the article:"))
	if r, size := utf8.DecodeRuneInString(body); size > 0 {
		body = string(unicode.ToUpper(r)) + body[size:]
	}
	l.section(w, "Since the article (February 2020)", body)
}

// names writes the Names line and, with also, the aliases it does not show.
func (l Layout) names(w io.Writer, e *Entry, also bool) {
	st := text.Or(l.Style)
	if names := e.Names.String(); names != "" {
		fmt.Fprintln(w, st.Bold("Names:")+" "+l.hang(names, len("Names: ")))
	}
	if others := e.otherAliases(); also && len(others) > 0 {
		fmt.Fprintln(w, st.Bold("Also:")+" "+l.hang(strings.Join(others, ", "), len("Also: ")))
	}
}

func (l Layout) relatedAndSources(w io.Writer, e *Entry) {
	st := text.Or(l.Style)
	if len(e.Related) > 0 {
		fmt.Fprintln(w, st.Bold("Related:")+" "+l.hang(strings.Join(e.Related, ", "), len("Related: ")))
	}
	if len(e.Sources) > 0 {
		fmt.Fprintln(w, st.Bold("Sources:"))
		for _, s := range e.Sources {
			fmt.Fprintln(w, "  •"+text.Wrap(s.Title, l.Width, "    ")[3:])
			if s.URL != "" {
				// Whole, on a line of its own (text.Wrap): a URL is copied
				// or clicked, never broken.
				fmt.Fprintln(w, text.Wrap(s.URL, l.Width, "    "))
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
