package meta

import (
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

func TestEscapeRoundTrip(t *testing.T) {
	for _, s := range []string{"", "plain", "two\nlines", `back\slash`, `\n literally`, "a -- b", "---", "x\r\ny", `\-`} {
		if e := Escape(s); strings.Contains(e, "\n") || Unescape(e) != strings.ReplaceAll(s, "\r\n", "\n") {
			t.Errorf("Escape(%q) = %q, back %q", s, e, Unescape(e))
		}
		e := EscapeXMLComment(s)
		if strings.Contains(e, "--") || strings.Contains(e, "\n") || Unescape(e) != strings.ReplaceAll(s, "\r\n", "\n") {
			t.Errorf("EscapeXMLComment(%q) = %q, back %q", s, e, Unescape(e))
		}
	}
}

// A GIFT comment never names Moodle's [id:…] or [tag:…], which Moodle and
// the GIFT reader take from any comment, and reads back as written.
func TestEscapeGIFTComment(t *testing.T) {
	for _, s := range []string{"", "plain", "[id:second]", "[tag:x] [tag:y]", `[id\:a]`, `\[id:b]`, "[id:", "[ID:up]", "a, b\nc", `x\,y`, `x\:y`, "[[id:id:]]"} {
		e := EscapeGIFTComment(s)
		if strings.Contains(e, "[id:") || strings.Contains(e, "[tag:") || strings.Contains(e, "\n") || Unescape(e) != s {
			t.Errorf("EscapeGIFTComment(%q) = %q, back %q", s, e, Unescape(e))
		}
	}
}

func TestParseSource(t *testing.T) {
	want := quiz.Source{Section: "Survivors await justice", Paragraph: 4, Quote: "Western journalists documented"}
	if got, msg := ParseSource(want.String()); got != want || msg != "" {
		t.Errorf("ParseSource = %+v, %q", got, msg)
	}
	for v, section := range map[string]string{"S, ¶05": "S, ¶05", "S, ¶+5": "S, ¶+5", "S, ¶x": "S, ¶x", "S": "S"} {
		if got, _ := ParseSource(v); got.Section != section || got.Paragraph != 0 {
			t.Errorf("ParseSource(%q) = %+v", v, got)
		}
	}
	if _, msg := ParseSource(": “q”"); msg == "" {
		t.Error("no section: no message")
	}
	if _, msg := ParseSource("S: “" + strings.Repeat("w ", quiz.MaxQuoteWords+1) + "”"); msg == "" {
		t.Error("a long quote: no message")
	}
}
