// Package export writes a bank in the formats bank export offers: one table
// from a format's name to its writer, as grade/format.go is for results.
// fileio's extension table gives their extensions.
package export

import (
	"fmt"
	"io"
	"slices"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/aiken"
	"github.com/conflictq/conflictq/quiz/gift"
	"github.com/conflictq/conflictq/quiz/htmlreport"
	"github.com/conflictq/conflictq/quiz/moodlexml"
	"github.com/conflictq/conflictq/quiz/qti"
	"github.com/conflictq/conflictq/quiz/text"
	"github.com/conflictq/conflictq/quiz/worksheet"
)

// Writer writes a bank in one format, and returns notes on what the format
// could not hold. paper is used by the worksheet formats only.
type Writer func(w io.Writer, b *quiz.Bank, paper worksheet.Paper) (notes []string, err error)

type exporter struct {
	format string
	write  Writer
}

// exporters is the one table of the formats, the default first. An open
// question's plain answer and plain points (quiz.Question.Plain and
// PlainKey, screen text) travel in json and yaml only, so that a bank
// round-trips; the other formats (GIFT, Moodle XML, QTI, Aiken, the paper
// and its key, Anki) give the full model answer and the key points, as
// marking does.
var exporters = []exporter{
	{"json", func(w io.Writer, b *quiz.Bank, _ worksheet.Paper) ([]string, error) {
		return nil, text.WriteJSON(w, b.Doc())
	}},
	{"yaml", func(w io.Writer, b *quiz.Bank, _ worksheet.Paper) ([]string, error) { return nil, b.WriteYAML(w) }},
	{"gift", func(w io.Writer, b *quiz.Bank, _ worksheet.Paper) ([]string, error) { return gift.Export(w, b) }},
	{"moodlexml", func(w io.Writer, b *quiz.Bank, _ worksheet.Paper) ([]string, error) { return moodlexml.Export(w, b) }},
	{"qti", func(w io.Writer, b *quiz.Bank, _ worksheet.Paper) ([]string, error) { return qti.Export(w, b) }},
	{"aiken", exportAiken},
	{"markdown", func(w io.Writer, b *quiz.Bank, paper worksheet.Paper) ([]string, error) {
		return nil, worksheet.Write(w, b, paper)
	}},
	{"html", func(w io.Writer, b *quiz.Bank, paper worksheet.Paper) ([]string, error) {
		return nil, NewPages(b, paper).writeHTML(w, htmlreport.PaperTest)
	}},
	{"anki", func(w io.Writer, b *quiz.Bank, _ worksheet.Paper) ([]string, error) { return nil, worksheet.Anki(w, b) }},
}

// Formats returns the formats a bank is exported in, the default first. A
// function, not a package variable made in the package's init, in every run
// of every command.
func Formats() []string {
	names := make([]string, len(exporters))
	for i, e := range exporters {
		names[i] = e.format
	}
	return names
}

// Worksheets are the formats that print a test: they take a Paper's
// selection and key, and have a key of their own (Pages.WriteKey).
var Worksheets = []string{"markdown", "html"}

// Pages is one export of a bank with paper: the test in any format and, for
// a worksheet, its answer key apart (bank export -o test.html --key
// key.html). The HTML test and key are laid out once, for both: laying the
// comprehension bank out (worksheet.Layout: each question's hint, options,
// answer and explanation) was 17% of writing both pages in process, done
// twice, and both pages come from the same bank and paper.
type Pages struct {
	b     *quiz.Bank
	paper worksheet.Paper
	sheet *worksheet.Sheet // worksheet.Layout's, made by the first HTML page
}

// NewPages is the export of b with paper.
func NewPages(b *quiz.Bank, paper worksheet.Paper) *Pages { return &Pages{b: b, paper: paper} }

// Write writes the bank in format as For's writer does, and returns its
// notes.
func (p *Pages) Write(w io.Writer, format string) ([]string, error) {
	if format == "html" {
		return nil, p.writeHTML(w, htmlreport.PaperTest)
	}
	return For(format)(w, p.b, p.paper)
}

// WriteKey writes the answer key alone of the worksheet format writes with
// paper: for a key kept apart from the tests handed out. format is one of
// Worksheets; Markdown for any other.
func (p *Pages) WriteKey(w io.Writer, format string) error {
	if format != "html" {
		return worksheet.WriteKey(w, p.b, p.paper)
	}
	return p.writeHTML(w, htmlreport.PaperKeyOnly)
}

// writeHTML writes the printable page part from the one layout.
func (p *Pages) writeHTML(w io.Writer, part htmlreport.PaperPart) error {
	if p.sheet == nil {
		s, err := worksheet.Layout(p.b, p.paper)
		if err != nil {
			return err
		}
		p.sheet = s
	}
	return htmlreport.Paper(w, p.sheet, part)
}

// For returns the writer of format, or the default's (JSON) when format is
// not one of Formats.
func For(format string) Writer {
	if k := slices.IndexFunc(exporters, func(e exporter) bool { return e.format == format }); k >= 0 {
		return exporters[k].write
	}
	return exporters[0].write
}

// exportAiken refuses a bank without single-choice questions, the only kind
// Aiken holds, and notes how many it skipped.
func exportAiken(w io.Writer, b *quiz.Bank, _ worksheet.Paper) ([]string, error) {
	if !slices.ContainsFunc(b.Questions, func(q *quiz.Question) bool { return q.Type == quiz.Single }) {
		return nil, fmt.Errorf("%s has no single-choice questions, the only kind Aiken holds", b.ID)
	}
	skipped, err := aiken.Export(w, b)
	notes := aiken.CreditNotes(b)
	if skipped > 0 {
		notes = append(notes, fmt.Sprintf("%d of %d questions skipped: Aiken holds single-choice questions only", skipped, len(b.Questions)))
	}
	return notes, err
}
