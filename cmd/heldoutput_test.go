package cmd

import (
	"bytes"
	"strings"
	"testing"
)

// Cobra's output is held for the run and written once (execute): what it
// writes to standard error in between (the completion's directive) must
// still come after what it wrote before, as when nothing was held, for
// stdout and stderr that are one file (2>&1).
func TestCobraOutputHeldKeepsItsOrder(t *testing.T) {
	t.Parallel()
	f, _, _, _ := testFactory(t)
	var both bytes.Buffer
	f.IOStreams.Out, f.IOStreams.ErrOut = &both, &both
	if code := Run(f, []string{"__complete", "quiz", "--bank", ""}); code != ExitOK {
		t.Fatalf("exit %d:\n%s", code, both.String())
	}
	got := both.String()
	banks := strings.Index(got, "comprehension\t")
	directive := strings.Index(got, "Completion ended with directive")
	if banks < 0 || directive < 0 || directive < banks {
		t.Errorf("the banks (at %d) are not before the directive (at %d):\n%s", banks, directive, got)
	}
	if !strings.HasSuffix(got, "ShellCompDirectiveNoFileComp\n") {
		t.Errorf("the directive is not last:\n%s", got)
	}
}
