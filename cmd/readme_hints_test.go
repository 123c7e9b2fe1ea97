package cmd

import (
	"os"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz/session"
)

// The README names the hint under each kind of typed answer, as the screen
// shows it (teacher14 P8), and says how to turn the pager off.
func TestREADMEQuotesTheTypingHints(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := strings.Join(strings.Fields(string(data)), " ")
	for _, want := range []string{session.OpenHint, session.TypeHint, "CONFLICTQ_PAGER=cat"} {
		if !strings.Contains(readme, want) {
			t.Errorf("README does not mention %q", want)
		}
	}
}
