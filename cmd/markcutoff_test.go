package cmd

import (
	"os"
	"strings"
	"testing"
)

// mark shows a cut-off open answer like any other, and says it was cut
// off; grade counts it as an answer to mark.
func TestMarkSaysAnswerWasCutOff(t *testing.T) {
	_, file := selfCheckReport(t)
	data, _ := os.ReadFile(file)
	data = []byte(strings.Replace(string(data), `"given": "A union."`, `"given": "A union.", "cut_off": true`, 1))
	if !strings.Contains(string(data), `"cut_off": true`) {
		t.Fatalf("no given to cut off in\n%s", data)
	}
	os.WriteFile(file, data, 0o644)
	f, in, out, errOut := testFactory(t)
	in.WriteString("1 fair\n")
	if code := Run(f, []string{"mark", "--plain", "--question", "ussr", "r"}); code != 0 {
		t.Fatalf("mark: exit %d\n%s", code, errOut)
	}
	// Every cause is named: a signal or a closed window cuts an answer off
	// as the time limit and Ctrl-C do (attack8 §9).
	if !strings.Contains(strings.Join(strings.Fields(out.String()), " "), "| A union. (cut off: still being typed when the quiz was stopped (time limit, Ctrl-C, a signal or a closed window); never submitted with Enter)") {
		t.Errorf("mark does not say the answer was cut off:\n%s", out)
	}
	marked, _ := os.ReadFile(file)
	if !strings.Contains(string(marked), `"cut_off": true`) || !strings.Contains(string(marked), `"points": 1`) {
		t.Errorf("the marked report:\n%s", marked)
	}
}
