package stats

import (
	"strings"
	"testing"
)

// Long answers that differ only near their end (match pairs) are never
// shown the same: cut only where the cut ones still read apart, and a
// control character is shown, not obeyed (issue 11, P5).
func TestAnswerTextsStayApart(t *testing.T) {
	head := strings.Repeat("Khojaly = Xocalı; ", 6) // over text.MaxPrintable
	answers := []string{head + "Shusha = Shushi", head + "Shusha = Khankendi", "short\x1b[31m"}
	got := answerTexts(answers)
	if got[0] == got[1] {
		t.Errorf("two different answers read the same: %q", got[0])
	}
	if !strings.HasSuffix(got[0], "Shushi") || !strings.HasSuffix(got[1], "Khankendi") {
		t.Errorf("the ends that tell them apart are cut: %q", got[:2])
	}
	if got[2] != `short\x1b[31m` {
		t.Errorf("control character: %q", got[2])
	}
	long := []string{strings.Repeat("a", 500) + "1", "b" + strings.Repeat("a", 500)}
	if got := answerTexts(long); got[0] != strings.Repeat("a", 80)+"…" || got[1] != "b"+strings.Repeat("a", 79)+"…" {
		t.Errorf("answers apart at the start are cut at 80: %q", got)
	}
}
