// Package glossary holds conflictq's glossary: entries with cited, balanced
// definitions, lookup by any name or spelling, suggestions for misses, full-text
// search, rendering for terminals and pipes, and the vocabulary quiz built from
// the entries.
//
// Like package quiz, it is a library: no CLI framework, no terminal library.
package glossary

import (
	"encoding/json"
	"strings"
	"unicode"
)

// Entry is one glossary term.
type Entry struct {
	Term string `json:"term" yaml:"term"`
	// Kind is what the entry names, one of Kinds (place, event, ...): the
	// vocabulary quiz draws its wrong answers from the same kind.
	Kind    string   `json:"kind" yaml:"kind"`
	Aliases []string `json:"aliases" yaml:"aliases"`
	Short   string   `json:"short" yaml:"short"`
	// Plain says what the term means in plain words, for a reader of
	// 15 whose English is a second language (B1: a few short sentences,
	// everyday words); define shows it before the full definition.
	Plain        string    `json:"plain,omitempty" yaml:"plain,omitempty"`
	Definition   string    `json:"definition" yaml:"definition"`
	InArticle    *Citation `json:"in_article,omitempty" yaml:"in_article,omitempty"`
	SinceArticle string    `json:"since_article,omitempty" yaml:"since_article,omitempty"`
	// PlainSince says what SinceArticle says, in plain words as Plain is
	// (teacher11 P5: the students' view of Artsakh added 190 words of
	// adult English after the plain paragraph); define's students' view
	// shows it instead of SinceArticle, which --full keeps.
	PlainSince string `json:"plain_since,omitempty" yaml:"plain_since,omitempty"`
	Correction string `json:"correction,omitempty" yaml:"correction,omitempty"`
	// Corrects quotes, verbatim, the article's words that Correction is
	// about when they are not InArticle's quote (Khojaly's entry cites the
	// airfield sentence but corrects the recognition count). The vocabulary
	// quiz cites InArticle's quote, so it shows the correction only when
	// Corrects is empty (see CorrectsCitation).
	Corrects string   `json:"corrects,omitempty" yaml:"corrects,omitempty"`
	Related  []string `json:"related" yaml:"related"`
	// Names are the term's names in the region's own scripts, by language
	// (NameLanguages): each is also a lookup alias.
	Names Names `json:"names" yaml:"names,omitempty"`
	// Contrast teaches what separates the term from those it is confused with
	// (refugee and IDP: the border); the vocabulary quiz explains with it.
	Contrast string `json:"contrast,omitempty" yaml:"contrast,omitempty"`
	// Confusable names terms too close to this one to be offered as its
	// wrong answers in the vocabulary quiz (ceasefire and truce), either way.
	Confusable []string `json:"confusable,omitempty" yaml:"confusable,omitempty"`
	// PlaceOfLoss marks a town or region whose short says what was done to
	// a people's civilians there (Khojaly, Sumgait, Lachin, Shahumyan): like
	// a loss-event, it is never offered as a wrong answer for another loss
	// (see Loss).
	PlaceOfLoss bool     `json:"place_of_loss,omitempty" yaml:"place_of_loss,omitempty"`
	Sources     []Source `json:"sources" yaml:"sources"`
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

// Loss reports whether the entry is about what was done to a people's
// civilians: a loss-event, or a place of loss. The vocabulary quiz never
// offers one loss as a wrong answer for another (one community's dead as the
// distractor for the other's), nor a loss-event as filler for anything.
func (e *Entry) Loss() bool { return e.Kind == "loss-event" || e.PlaceOfLoss }

// CorrectsCitation reports whether the entry's correction is about the
// article passage InArticle quotes, so that feedback citing that passage
// should carry it: a question never shows a correction of a sentence it does
// not cite (under the airfield quote, "10 countries" would read as the
// airfield sentence's error).
func (e *Entry) CorrectsCitation() bool {
	return e.Correction != "" && e.Corrects == ""
}

// AllNames returns the term, its aliases and its names in the region's
// scripts: every string that looks the entry up.
func (e *Entry) AllNames() []string {
	return append(append([]string{e.Term}, e.Aliases...), e.Names.List()...)
}

// Names maps a language code (one of NameLanguages) to the term's names in
// that language. In YAML each value is a string or a list of strings; in JSON
// always a list.
type Names map[string][]string

// Language is one language whose names an entry may give, and the script
// its names are written in.
type Language struct {
	Code, Name string
	ScriptName string // one of unicode.Scripts' names
}

// Script is the table of the script the language's names are written in.
// A method, not a field: a field would be set from unicode's variables in
// the package's init, in every run of every command.
func (l Language) Script() *unicode.RangeTable { return unicode.Scripts[l.ScriptName] }

// NameLanguages are the languages of Entry.Names, in the order they are shown:
// the region's Azerbaijani (Latin), Armenian and Russian (Cyrillic).
var NameLanguages = []Language{
	{"az", "Azerbaijani", "Latin"},
	{"hy", "Armenian", "Armenian"},
	{"ru", "Russian", "Cyrillic"},
}

// List returns every name, in NameLanguages' order.
func (n Names) List() []string {
	var out []string
	for _, l := range NameLanguages {
		out = append(out, n[l.Code]...)
	}
	return out
}

// String lists the names by language, in NameLanguages' order:
// "Xocalı (Azerbaijani) · Խոջալու (Armenian) · Ходжалы (Russian)".
func (n Names) String() string {
	var parts []string
	for _, l := range NameLanguages {
		if list := n[l.Code]; len(list) > 0 {
			parts = append(parts, strings.Join(list, ", ")+" ("+l.Name+")")
		}
	}
	return strings.Join(parts, " · ")
}

// MarshalJSON writes an entry without names as {}, so that the field is
// always an object.
func (n Names) MarshalJSON() ([]byte, error) {
	if n == nil {
		return []byte("{}"), nil
	}
	return json.Marshal(map[string][]string(n))
}
