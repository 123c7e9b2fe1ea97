package prompt

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz/session"
	"github.com/conflictq/conflictq/quiz/text"
)

// capture is a terminal's output, kept to read, with no size.
type capture struct{ bytes.Buffer }

func (*capture) Fd() uintptr { return ^uintptr(0) }

// review22 #6: the session hands its key hint over apart from the message
// (session.HintedInput); the prompt draws it under the message while it
// waits and echoes the answer without it, however it is wrapped (here over
// four rows, which the old parse of the finished text left on the screen).
func TestInputHintLeftOutOfTheEcho(t *testing.T) {
	var _ session.HintedInput = (*Survey)(nil)
	var out capture
	s := NewSurvey(&keysFile{keys(cursorReports + "1994\r")}, &out, io.Discard, false, nil)
	hint := text.Wrap(session.OpenHint, 12, "  ")
	if strings.Count(hint, "\n") < 3 {
		t.Fatalf("the hint %q is not wrapped over four rows", hint)
	}
	got, err := s.InputHint("When did the ceasefire begin?", hint, nil)
	if err != nil || got != "1994" {
		t.Fatalf("answer %q, %v; want 1994", got, err)
	}
	drawn := out.String()
	if !strings.Contains(drawn, hint) {
		t.Errorf("the hint was not drawn under the message while it waited: %q", drawn)
	}
	echo := drawn[strings.LastIndex(drawn, "When did the ceasefire begin?"):]
	if !strings.Contains(echo, "1994") || strings.Contains(echo, "Enter") {
		t.Errorf("the echo %q, want the answer without the hint", echo)
	}
}
