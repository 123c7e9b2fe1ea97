package htmlreport

import (
	"html/template"
	"io"
	"sync"

	"github.com/conflictq/conflictq/quiz/worksheet"
)

// The printable test's style, and its policy: that style and nothing else.
// The page runs no script and asks for nothing over the network.
var (
	paperCSS = sync.OnceValue(func() string { return mustRead("assets/paper.css") })
	paperCSP = sync.OnceValue(func() string {
		return "default-src 'none'; style-src '" + hash(paperCSS()) +
			"'; script-src 'none'; img-src 'none'; font-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'"
	})
)

// PaperPart says what a printable test's page holds.
type PaperPart int

// The parts.
const (
	PaperTest    PaperPart = iota // the questions, and the key after a page break when the Sheet says so
	PaperKeyOnly                  // the answer key alone, to keep apart from the tests handed out
)

type paperView struct {
	Head
	Sheet     *worksheet.Sheet
	Questions bool
	Key       bool
	Graded    int // numbered questions, for the key's heading
}

// Paper writes a worksheet laid out by worksheet.Layout as one self-contained
// HTML page to print on A4: its style inline, no script, no request. Every
// piece of bank text goes through html/template and render, as the class
// page's does.
func Paper(w io.Writer, s *worksheet.Sheet, part PaperPart) error {
	title := s.Title
	v := paperView{Sheet: s, Questions: part == PaperTest, Key: part == PaperKeyOnly || s.Key}
	if part == PaperKeyOnly {
		title += ": answer key"
	}
	v.Head = Head{Title: title, CSP: paperCSP(), CSS: template.CSS(paperCSS())}
	for _, it := range s.Items {
		if it.N > 0 {
			v.Graded++
		}
	}
	return render(w, "paper", v)
}
