package htmlreport

import (
	"io"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/worksheet"
)

// The printable test's style, and its policy: that style and nothing else.
// The page runs no script and asks for nothing over the network.
const paperCSP = "default-src 'none'; style-src '" + paperHash +
	"'; script-src 'none'; img-src 'none'; font-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'"

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
// piece of bank text is escaped (writer.text), as on the class page.
func Paper(w io.Writer, s *worksheet.Sheet, part PaperPart) error {
	title := s.Title
	v := paperView{Sheet: s, Questions: part == PaperTest, Key: part == PaperKeyOnly || s.Key}
	if part == PaperKeyOnly {
		title += ": answer key"
	}
	v.Head = Head{Title: title, CSP: paperCSP, CSS: paperCSS}
	for _, it := range s.Items {
		if it.N > 0 {
			v.Graded++
		}
	}
	return writePaper(w, &v)
}

// writePaper writes the printable test or key of v.
func writePaper(out io.Writer, v *paperView) error {
	w := newWriter(len(v.CSS) + 4<<10 + len(v.Sheet.Items)*2<<10)
	s := v.Sheet
	w.head(v.Head)
	w.raw("\n<body>\n<main class=\"paper\">\n<header>\n<h1>")
	w.text(v.Title)
	w.raw("</h1>\n")
	if v.Questions {
		if s.Made != "" {
			w.raw("<p class=\"made\">")
			w.text(s.Made)
			w.raw("</p>\n")
		}
	} else if s.KeyMade != "" || s.Command != "" {
		w.keyMade(s)
		w.raw("\n")
	}
	if v.Questions {
		if s.Description != "" {
			w.raw("<p class=\"desc\">")
			w.text(s.Description)
			w.raw("</p>\n")
		}
		w.raw("<p class=\"name\"><span>Name: <span class=\"fill wide\"></span></span> <span>Date: <span class=\"fill\"></span></span></p>\n")
	}
	w.raw("</header>\n")
	if v.Questions && len(s.Items) > 0 {
		w.raw("<section class=\"questions\" aria-labelledby=\"h-questions\">\n<h2 id=\"h-questions\">Questions</h2>\n")
		for _, it := range s.Items {
			if it.Kind == quiz.Info {
				w.raw("<blockquote class=\"info\">")
				w.text(it.Prompt)
				w.raw("</blockquote>\n")
				continue
			}
			w.paperQuestion(it)
		}
		w.raw("</section>\n")
	}
	if v.Key && v.Graded != 0 {
		w.raw("<section class=\"key")
		if v.Questions {
			w.raw(" after")
		}
		w.raw("\" aria-labelledby=\"h-key\">\n<h2 id=\"h-key\">Answer key</h2>\n")
		if v.Questions && s.Command != "" {
			w.keyMade(s)
			w.raw("\n")
		}
		for _, it := range s.Items {
			if it.N == 0 {
				continue
			}
			w.raw("<section class=\"k\" id=\"k")
			w.int(it.N)
			w.raw("\">\n<p class=\"answer\">")
			if it.ID != "" {
				w.raw("<span class=\"qid\" title=\"This question&#39;s name on the class page (conflictq grade)\">class page: <code>")
				w.text(it.ID)
				w.raw("</code></span>")
			}
			w.raw("<span class=\"n\">")
			w.int(it.N)
			w.raw(".</span> <span class=\"text\">")
			w.text(it.Answer)
			w.raw("</span></p>\n\n")
			if len(it.KeyPoints) > 0 {
				w.raw("<p class=\"kp\">Key points:</p>\n<ul class=\"keypoints\">")
				for _, k := range it.KeyPoints {
					w.raw("<li>")
					w.text(k)
					w.raw("</li>")
				}
				w.raw("</ul>\n")
			}
			if it.Explanation != "" {
				w.raw("<p class=\"expl\">")
				w.text(it.Explanation)
				w.raw("</p>\n")
			}
			if it.Source != "" {
				w.raw("<p class=\"src\">Reread: ")
				w.text(it.Source)
				w.raw("</p>\n")
			}
			w.raw("</section>\n")
		}
		w.raw("</section>\n")
	}
	w.raw("</main>\n</body>\n</html>\n")
	return w.flush(out)
}

// keyMade is the line under the key's title: how it was made, and the
// command that prints the same sheet.
func (w *writer) keyMade(s *worksheet.Sheet) {
	w.raw("<p class=\"made\">")
	w.text(s.KeyMade)
	if s.Command != "" {
		w.raw("<code>")
		w.text(s.Command)
		w.raw("</code>")
	}
	w.raw("</p>")
}

// paperQuestion is one numbered question of a printable test.
func (w *writer) paperQuestion(it worksheet.Item) {
	kind := string(it.Kind)
	w.raw("<section class=\"q q-")
	w.text(kind)
	w.raw("\" id=\"q")
	w.int(it.N)
	w.raw("\">\n<p class=\"prompt\"><span class=\"n\">")
	w.int(it.N)
	w.raw(".</span> <span class=\"text\">")
	w.text(it.Prompt)
	w.raw("</span>")
	if it.Hint != "" {
		w.raw(" <em class=\"hint\">(")
		w.text(it.Hint)
		w.raw(")</em>")
	}
	w.raw("</p>\n")
	options := func(open string, dot string) {
		for _, o := range it.Options {
			w.raw("\n<li>")
			w.raw(open)
			w.raw("<span class=\"label\">")
			w.text(o.Label)
			w.raw(dot)
			w.raw("</span> <span class=\"text\">")
			w.text(o.Text)
			w.raw("</span></li>")
		}
	}
	switch it.Kind {
	case quiz.Single, quiz.Multi:
		w.raw("<ul class=\"options ")
		w.text(kind)
		w.raw("\">")
		options("<span class=\"box\" aria-hidden=\"true\"></span>", ")")
		w.raw("\n</ul>\n")
	case quiz.TrueFalse:
		w.raw("<ul class=\"options single tf\">\n<li><span class=\"box\" aria-hidden=\"true\"></span><span class=\"text\">True</span></li>\n<li><span class=\"box\" aria-hidden=\"true\"></span><span class=\"text\">False</span></li>\n</ul>\n")
	case quiz.Short:
		w.raw("<p class=\"answer\">Answer: <span class=\"fill wide\"></span></p>\n")
	case quiz.Numeric:
		w.raw("<p class=\"answer\">Answer: <span class=\"fill\"></span>")
		if it.Unit != "" {
			w.raw(" ")
			w.text(it.Unit)
		}
		w.raw("</p>\n")
	case quiz.Order:
		w.raw("<ol class=\"items\">")
		options("", ".")
		w.raw("\n</ol>\n<p class=\"answer\">Order, first to last: ")
		for i, o := range it.Options {
			if i > 0 {
				w.raw(", ")
			}
			w.raw("<span class=\"slot\" aria-label=\"place ")
			w.text(o.Label)
			w.raw("\"></span>")
		}
		w.raw("</p>\n")
	case quiz.Match:
		w.raw("<ol class=\"lefts\">")
		for _, l := range it.Lefts {
			w.raw("\n<li><span class=\"label\">")
			w.text(l.Label)
			w.raw(".</span> <span class=\"text\">")
			w.text(l.Text)
			w.raw("</span> <span class=\"slot\" aria-label=\"letter for ")
			w.text(l.Label)
			w.raw("\"></span></li>")
		}
		w.raw("\n</ol>\n<ul class=\"options answers\">")
		options("", ")")
		w.raw("\n</ul>\n")
	case quiz.Open:
		w.raw("<p class=\"answer\">Answer:</p>\n<div class=\"lines\" aria-hidden=\"true\"><div></div><div></div><div></div><div></div><div></div><div></div></div>\n")
	}
	w.raw("</section>\n")
}
