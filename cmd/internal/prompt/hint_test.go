package prompt

import (
	"testing"

	"github.com/conflictq/conflictq/quiz/session"
	"github.com/conflictq/conflictq/quiz/text"
)

// A text prompt's echo leaves out the session's key hint under the message,
// wrapped to any width and coloured or not; a message with no hint, or with
// other text in brackets, is echoed whole.
func TestWithoutHint(t *testing.T) {
	prompt := "What was the Soviet Union?\n  Which republics were in it?"
	dim := func(s string) string { return "\x1b[2m" + s + "\x1b[0m" }
	for _, tt := range []struct{ name, msg, want string }{
		{"open hint", prompt + "\n" + text.Wrap(session.OpenHint, 80, "  "), prompt},
		{"type hint, dimmed", prompt + "\n" + dim(text.Wrap(session.TypeHint, 80, "  ")), prompt},
		{"hint wrapped over two rows", prompt + "\n" + dim(text.Wrap(session.OpenHint, 24, "  ")), prompt},
		{"no hint", prompt, prompt},
		{"other brackets", prompt + "\n  [Not a hint]", prompt + "\n  [Not a hint]"},
		{"a hint alone is the message", session.OpenHint, session.OpenHint},
	} {
		if got := withoutHint(tt.msg); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
