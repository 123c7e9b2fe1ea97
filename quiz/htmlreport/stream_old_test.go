package htmlreport

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/conflictq/conflictq/quiz/stats"
	"github.com/conflictq/conflictq/quiz/text"
)

// oldFlush is how a page was written before the class page was sent on as
// it is written (newStreamWriter): laid out whole, then escaped whole when a
// text in it may hold a control character. Kept as the oracle of
// TestStreamedPageAsWhole and of WriteWhole.
func oldFlush(w *writer, out io.Writer) error {
	if w.control {
		_, err := io.WriteString(out, text.EscapeLines(string(w.b)))
		return err
	}
	_, err := out.Write(w.b)
	return err
}

// WriteWhole writes the class page as it was written before: whole, then
// escaped (oldFlush). WriteSpilling writes it as Write does, sent on every
// at bytes. For the external tests' random classes.
func (c *Class) WriteWhole(out io.Writer, summary stats.StatsSummary) error {
	v := c.view(summary)
	w := newWriter(0)
	writeClass(w, &v)
	return oldFlush(w, out)
}

func (c *Class) WriteSpilling(out io.Writer, summary stats.StatsSummary, at int) error {
	v := c.view(summary)
	w := newStreamWriter(out)
	w.spillAt = at
	writeClass(w, &v)
	return w.flush(nil)
}

// hostileTexts are texts a page may be given: control characters, escape
// sequences, invalid UTF-8 (runs of it, and halves of a character that two
// texts written one after the other would join), bidi marks, markup.
var hostileTexts = []string{
	"", "Ana", "<b>&'\"+</b>", "\x1b[2J", "a\x07b", "\xff", "\xff\xfe", "\xe2\x86", "\x92", "\xe2", "\x86\x92",
	"→", "é", "\u202e", "\u200f", "\x00", "line\nbreak\ttab", "\r", "\x7f", "\u0085", "Xocalı", "\xc2", "\x80",
	"plain text long enough to cross a small spill point",
}

// markup is page markup raw writes: ASCII, and some starting with a
// character beyond it (a stream writer does not spill before those).
var markup = []string{"<p>", "</p>\n", "\n", "<td class=\"n\">", "→ more", "é", "", "\t", " ", "<svg viewBox=\"0 0 10 10\">"}

// A page sent on as it is written, at any spill point, is the page laid out
// whole and escaped whole (oldFlush), on random sequences of markup, hostile
// texts and numbers.
func TestStreamedPageAsWhole(t *testing.T) {
	rng := rand.New(rand.NewPCG(30, 2))
	for round := range 4000 {
		whole := newWriter(0)
		var got bytes.Buffer
		stream := newStreamWriter(&got)
		stream.spillAt = []int{0, 1, 2, 7, 40, 300, spillAt}[rng.IntN(7)]
		for range rng.IntN(80) {
			switch rng.IntN(5) {
			case 0, 1:
				s := markup[rng.IntN(len(markup))]
				whole.raw(s)
				stream.raw(s)
			case 2, 3:
				s := hostileTexts[rng.IntN(len(hostileTexts))]
				whole.text(s)
				stream.text(s)
			default:
				n, f := rng.IntN(2000)-1000, rng.NormFloat64()*100
				whole.int(n)
				stream.int(n)
				whole.float(f)
				stream.float(f)
			}
		}
		var want bytes.Buffer
		if err := oldFlush(whole, &want); err != nil {
			t.Fatal(err)
		}
		if err := stream.flush(nil); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("round %d (spill at %d): streamed\n%q\nwant\n%q", round, stream.spillAt, got.Bytes(), want.Bytes())
		}
	}
}

// failAfter takes n writes, then fails every one.
type failAfter struct {
	n     int
	calls int
}

func (f *failAfter) Write(b []byte) (int, error) {
	f.calls++
	if f.calls > f.n {
		return 0, errors.New("disk full")
	}
	return len(b), nil
}

// A stream writer's first write error is what flush says, and nothing is
// sent after it.
func TestStreamedPageStopsAtItsFirstError(t *testing.T) {
	out := &failAfter{n: 2}
	w := newStreamWriter(out)
	w.spillAt = 1
	for range 10 {
		w.raw("<p>")
		w.text("x")
	}
	if err := w.flush(nil); err == nil || err.Error() != "disk full" {
		t.Fatalf("flush = %v, want disk full", err)
	}
	if out.calls != 3 {
		t.Errorf("%d writes, want 3: none after the first that failed", out.calls)
	}
}
