package htmlreport

import (
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/conflictq/conflictq/quiz/text"
)

// writer builds a page in memory with plain Go code: the page's own markup
// goes in as it is (raw), and every other string through text, which escapes
// it as html/template escaped text and quoted attribute values. Every page
// puts a value only in element text, in a quoted attribute that is neither
// a URL nor a script nor a style, or (an anchor made by anchorID: letters,
// digits, - and _) after a # in an href, where that one escaping is enough.
//
// The pages were html/template's until its cost showed at start-up: parsing
// the templates, the escaper's analysis of them at the first Execute and the
// reflection of each action made the class page of 30 students take about
// three times as long as a command that does nothing. The output is the same
// to the byte (the golden pages in testdata hold it).
type writer struct {
	b []byte
	// control is set when a text written may hold a character
	// text.EscapeLines escapes: only then does flush look at the page.
	control bool
	// out, when set (newStreamWriter), takes the page a part at a time
	// (spill); err is its first error, after which nothing more is sent.
	out     io.Writer
	err     error
	spillAt int // spillAt, or less in tests
}

// newWriter starts a page of about size bytes: better too large than too
// small, since memory never written costs nothing and a page that outgrows
// its buffer is copied.
func newWriter(size int) *writer { return &writer{b: make([]byte, 0, size)} }

// spillAt is how much of a page a stream writer holds before it sends it
// on: as much as grade's 64 KiB bufio.Writer holds, so that each part goes
// past it to the file or the screen, not copied into it first.
const spillAt = 64 << 10

// newStreamWriter starts a page sent to out as it is written, about spillAt
// bytes at a time: the class page is 210 KB for a class of 30 and grows
// with the class, and laid out whole (in 313 KB, its size foreseen) it was
// the most memory, and so the most new pages, of grade --format html. The bytes sent are the same (TestStreamedPageAsWhole).
func newStreamWriter(out io.Writer) *writer {
	return &writer{b: make([]byte, 0, spillAt+4<<10), out: out, spillAt: spillAt}
}

// raw writes the page's own markup. A stream writer sends what it holds
// first once that is spillAt or more, and only before markup that starts
// with an ASCII character: a part then ends where EscapeLines would end a
// run of invalid UTF-8 or a character anyway, so that escaping the parts
// one by one gives what escaping the whole page gave.
func (w *writer) raw(s string) {
	if w.out != nil && len(w.b) >= w.spillAt && s != "" && s[0] < utf8.RuneSelf {
		w.spill()
	}
	w.b = append(w.b, s...)
}

// spill sends what w holds on to w.out, and empties it.
func (w *writer) spill() {
	if w.err == nil {
		w.err = w.write(w.out)
	}
	w.b, w.control = w.b[:0], false
}

// text writes s escaped.
func (w *writer) text(s string) {
	if !w.control && mayHoldControl(s) && text.HasControl(s) {
		w.control = true
	}
	w.b = appendEscaped(w.b, s)
}

// mayHoldControl is false when s is printable ASCII, line breaks and tabs:
// text.HasControl's answer then, without decoding it.
func mayHoldControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f {
			return true
		}
	}
	return false
}

// int writes a whole number.
func (w *writer) int(n int) { w.b = strconv.AppendInt(w.b, int64(n), 10) }

// float writes a number as html/template printed one: Go's shortest %v form.
func (w *writer) float(v float64) { w.b = strconv.AppendFloat(w.b, v, 'g', -1, 64) }

// flush writes the page to out with every control character in it escaped
// (text.EscapeLines, the one escaper every other output uses): a name or an
// answer holding ESC or BEL must not clear a terminal the page is printed to,
// nor put characters HTML forbids in the file. The page's own text holds none
// but line breaks and tabs, which EscapeLines keeps; so the page holds such a
// character only when a text written did (w.control).
//
// A stream writer sends the rest of the page to its own out (out is
// ignored), and says its first error.
func (w *writer) flush(out io.Writer) error {
	if w.out != nil {
		w.spill()
		return w.err
	}
	return w.write(out)
}

// write writes what w holds to out, escaped as flush says.
func (w *writer) write(out io.Writer) error {
	if w.control {
		_, err := io.WriteString(out, text.EscapeLines(string(w.b)))
		return err
	}
	_, err := out.Write(w.b)
	return err
}

// appendEscaped appends s with the characters that could end a text or an
// attribute value, or start markup, as character references: html/template's
// table for text and quoted attributes (NUL as U+FFFD, " & ' + < >). The
// table is looked up once a byte (a switch of seven cases compared each byte
// several times: half of writing a page's text).
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		r := htmlEscapes[s[i]]
		if r == "" {
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, r...)
		last = i + 1
	}
	return append(b, s[last:]...)
}

// htmlEscapes is appendEscaped's table: each byte's reference, "" for a
// byte written as it is. Constants, laid out by the linker: no init.
var htmlEscapes = [256]string{0: "\uFFFD", '"': "&#34;", '&': "&amp;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;"}

// head writes what every page's <head> needs, from <!DOCTYPE html> on.
func (w *writer) head(h Head) {
	w.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"")
	w.text(h.CSP)
	w.raw("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"no-referrer\">\n<title>")
	w.text(h.Title)
	w.raw("</title>\n<style>")
	w.raw(h.CSS) // the page's own style sheet
	w.raw("</style>\n</head>")
}

// scrollCue says that a table scrolls sideways in its box: the style shows
// it only while there is more to the right.
func (w *writer) scrollCue() {
	w.raw(`<p class="scroll-cue" aria-hidden="true">More to the right: scroll the table sideways →</p>`)
}
