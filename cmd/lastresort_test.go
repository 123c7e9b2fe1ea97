package cmd

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/cmd/internal/iostreams"
	"github.com/conflictq/conflictq/quiz/report"
)

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// When the report's file, its fallback and standard output all fail, the
// report lands on standard error, and the message says so rather than
// pointing at standard output (issue 14's retest, item 3).
func TestLastResortSaysWhereTheReportIs(t *testing.T) {
	t.Parallel()
	ios, _, _, errOut := iostreams.Test()
	ios.Out = failingWriter{}
	lastResort(ios, &report.Report{Student: "ana"}, errors.New("read-only file system"))
	msg, rest, _ := strings.Cut(errOut.String(), "here is the report on standard error instead:\n")
	if !strings.Contains(msg, "standard output failed too (no space left on device)") {
		t.Errorf("stderr %q", errOut)
	}
	var rep report.Report
	if err := json.Unmarshal([]byte(rest), &rep); err != nil || rep.Student != "ana" {
		t.Errorf("the report on stderr: %v: %q", err, rest)
	}
}
