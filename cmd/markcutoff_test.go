package cmd

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

// mark shows a cut-off open answer like any other, and says it was cut
// off; grade counts it as an answer to mark. A typed answer cut off has no
// self-check (it is asked after Enter); an answer with one was sent, and
// its self-check's ticks were cut off: the note goes beside them, not
// under the answer (attack14 #4).
func TestMarkSaysAnswerWasCutOff(t *testing.T) {
	for _, c := range []struct {
		name   string
		ticked bool
		want   string
	}{
		{"typed", false, "| A union. (" + quiz.CutOffNote + "; stopped by " + quiz.CutOffCauses + ")"},
		{"self-check ticked", true, "Covered, says the student: 2 of 3 key points (1, 3) (" + quiz.SelfCheckCutOffNote + "; stopped by " + quiz.CutOffCauses + ") | A union. Points"},
	} {
		t.Run(c.name, func(t *testing.T) { markCutOff(t, c.ticked, c.want) })
	}
}

// noSelfCheck is a report's self-check, the comma before it included.
var noSelfCheck = regexp.MustCompile(`,\s*"self_check": \w+,\s*"self_check_points": \[[^\]]*\]`)

// markCutOff marks selfCheckReport's answer, cut off, with its self-check
// (ticked) or without (as a typed answer cut off is), and wants mark to
// show want.
func markCutOff(t *testing.T, ticked bool, want string) {
	_, file := selfCheckReport(t)
	data, _ := os.ReadFile(file)
	data = []byte(strings.Replace(string(data), `"given": "A union."`, `"given": "A union.", "cut_off": true`, 1))
	if !strings.Contains(string(data), `"cut_off": true`) || !selfCheckPoints.Match(data) {
		t.Fatalf("no given to cut off or no self-check in\n%s", data)
	}
	if !ticked {
		data = noSelfCheck.ReplaceAll(data, nil)
	}
	os.WriteFile(file, data, 0o644)
	f, in, out, errOut := testFactory(t)
	in.WriteString("1 fair\n")
	if code := Run(f, []string{"mark", "--plain", "--question", "ussr", "r"}); code != 0 {
		t.Fatalf("mark: exit %d\n%s", code, errOut)
	}
	// Every cause is named: a signal or a closed window cuts an answer off
	// as the time limit and Ctrl-C do (attack8 §9).
	flat := strings.Join(strings.Fields(out.String()), " ")
	// A report written before self_check_cut_off, with cut_off beside a
	// self-check, is read as a self-check cut short: the answer was sent
	// (review 23 #1), and mark never says it was not.
	notes := 1
	if ticked {
		notes = 0
	}
	if !strings.Contains(flat, want) || strings.Count(flat, quiz.CutOffNote) != notes {
		t.Errorf("mark does not say %q, and CutOffNote %d times:\n%s", want, notes, out)
	}
	marked, _ := os.ReadFile(file)
	if !strings.Contains(string(marked), `"cut_off": true`) || !strings.Contains(string(marked), `"points": 1`) {
		t.Errorf("the marked report:\n%s", marked)
	}
}

// A hand-edited cut_off that is not true or false is refused by grade and
// mark alike, at its line, naming the question (exit 2), and the report is
// left as it was (attack8 §8: grade took it silently, mark said Go's words at
// line 1).
func TestGradeAndMarkRefuseACutOffThatIsNotTrueOrFalse(t *testing.T) {
	for _, v := range []string{`"yes"`, `1`, `[]`} {
		t.Run(v, func(t *testing.T) {
			_, file := selfCheckReport(t)
			data, _ := os.ReadFile(file)
			data = []byte(strings.Replace(string(data), `"given": "A union.",`, `"given": "A union.", "cut_off": `+v+`,`, 1))
			os.WriteFile(file, data, 0o644)
			line := 1 + strings.Count(string(data[:strings.Index(string(data), `"cut_off"`)]), "\n")
			// The index of the question is the report's own; the rest is fixed.
			n := strings.Count(string(data[:strings.Index(string(data), `"cut_off"`)]), `"prompt":`) - 1
			want := fmt.Sprintf(`r/ana.json:%d: question "ussr": questions[%d].cut_off: must be true or false`, line, n)

			f, _, _, errOut := testFactory(t)
			if code := Run(f, []string{"grade", "r"}); code != 2 || !strings.Contains(errOut.String(), want) {
				t.Errorf("grade: exit %d, want 2 and %q:\n%s", code, want, errOut)
			}
			f, in, _, errOut := testFactory(t)
			in.WriteString("1 fair\n")
			if code := Run(f, []string{"mark", "--plain", "r"}); code != 2 || !strings.Contains(errOut.String(), want) || strings.Contains(errOut.String(), "Go struct") {
				t.Errorf("mark: exit %d, want 2 and %q:\n%s", code, want, errOut)
			}
			if after, _ := os.ReadFile(file); string(after) != string(data) {
				t.Errorf("the report changed:\n%s", after)
			}
		})
	}
}

// grade shows a cut-off answer as such where it shows answers: beside the
// given answer in JSON, and beside the open answer the class page quotes
// (attack8 §7).
func TestGradeShowsAnAnswerWasCutOff(t *testing.T) {
	_, file := selfCheckReport(t)
	data, _ := os.ReadFile(file)
	// Without its self-check: cut_off beside one is a self-check cut
	// short (review 23 #1), the answer sent.
	data = noSelfCheck.ReplaceAll(data, nil)
	os.WriteFile(file, []byte(strings.Replace(string(data), `"given": "A union."`, `"given": "A union.", "cut_off": true`, 1)), 0o644)

	f, _, out, errOut := testFactory(t)
	if code := Run(f, []string{"grade", "r", "--format", "json"}); code != 0 {
		t.Fatalf("grade: exit %d\n%s", code, errOut)
	}
	if !strings.Contains(out.String(), `"given":"A union.","cut_off":true,`) {
		t.Errorf("grade --format json:\n%s", out)
	}
	f, _, out, errOut = testFactory(t)
	if code := Run(f, []string{"grade", "r", "--format", "html"}); code != 0 {
		t.Fatalf("grade: exit %d\n%s", code, errOut)
	}
	if !strings.Contains(out.String(), "A union. <span class=\"muted small\">— "+quiz.CutOffNote+"; not yet marked") {
		t.Errorf("the class page does not say the answer was cut off:\n%s", out)
	}
}
