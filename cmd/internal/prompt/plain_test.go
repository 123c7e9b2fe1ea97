package prompt

import (
	"bytes"
	"strings"
	"testing"
)

// A line longer than MaxLine is skipped with a message, held nowhere and not
// echoed; the next line is the answer (issue 14, item 12).
func TestPlainCapsLongLines(t *testing.T) {
	in := strings.Repeat("a", 3*MaxLine) + "\n" + strings.Repeat("b", MaxLine) + "\r\n"
	var out bytes.Buffer
	p := NewPlain(strings.NewReader(in), &out, true)
	got, err := p.Input("Name?", nil)
	if err != nil || got != strings.Repeat("b", MaxLine) {
		t.Fatalf("Input = %d bytes, %v; want the second line, exactly MaxLine long", len(got), err)
	}
	if !strings.Contains(out.String(), "longer than 64 KB") {
		t.Errorf("no message about the long line:\n%.300s", out.String())
	}
	if out.Len() > 2*MaxLine {
		t.Errorf("wrote %d bytes: the long line was echoed", out.Len())
	}
	// An endless last line is skipped too, and the input then ends.
	p = NewPlain(strings.NewReader(strings.Repeat("c", 2*MaxLine)), &out, true)
	if _, err := p.Input("Name?", nil); err == nil {
		t.Error("an over-long last line was taken as an answer")
	}
}
