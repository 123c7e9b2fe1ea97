// Package glossary holds conflictq's glossary: entries with cited, balanced
// definitions, lookup by any name or spelling, suggestions for misses, full-text
// search, rendering for terminals and pipes, and the vocabulary quiz built from
// the entries.
//
// Like package quiz, it is a library: no CLI framework, no terminal library.
package glossary

// Entry is one glossary term.
type Entry struct {
	Term         string    `json:"term" yaml:"term"`
	Aliases      []string  `json:"aliases" yaml:"aliases"`
	Short        string    `json:"short" yaml:"short"`
	Definition   string    `json:"definition" yaml:"definition"`
	InArticle    *Citation `json:"in_article,omitempty" yaml:"in_article,omitempty"`
	SinceArticle string    `json:"since_article,omitempty" yaml:"since_article,omitempty"`
	Correction   string    `json:"correction,omitempty" yaml:"correction,omitempty"`
	Related      []string  `json:"related" yaml:"related"`
	// Confusable names terms too close to this one to be offered as its
	// wrong answers in the vocabulary quiz (ceasefire and truce), either way.
	Confusable []string `json:"confusable,omitempty" yaml:"confusable,omitempty"`
	Sources    []Source `json:"sources" yaml:"sources"`
	// Topic is the file the entry came from (law, places, history, ...), used to
	// draw plausible distractors for the vocabulary quiz.
	Topic string `json:"topic" yaml:"-"`
	// File and Line locate the entry in its source, for messages.
	File string `json:"-" yaml:"-"`
	Line int    `json:"-" yaml:"-"`
}

// Citation says how the article uses a term.
type Citation struct {
	Section   string `json:"section" yaml:"section"`
	Paragraph int    `json:"paragraph" yaml:"paragraph"`
	Quote     string `json:"quote" yaml:"quote"`
	Note      string `json:"note,omitempty" yaml:"note,omitempty"`
}

// Source is a document an entry rests on.
type Source struct {
	Title string `json:"title" yaml:"title"`
	URL   string `json:"url,omitempty" yaml:"url,omitempty"`
}

// Names returns the term and its aliases.
func (e *Entry) Names() []string {
	return append([]string{e.Term}, e.Aliases...)
}
