package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An exam holds its answers back by default, so that a student who finishes
// early cannot show them to the class; --exam-review end, or the setting,
// reviews every question at the end; a bad value is refused before the quiz.
func TestQuizExamReview(t *testing.T) {
	t.Parallel()
	bankFile := func(t *testing.T) string {
		bank := filepath.Join(t.TempDir(), "b.yaml")
		os.WriteFile(bank, []byte(`id: b
title: B
questions:
  - {id: tf, type: truefalse, prompt: "Statement.", answer: true, explanation: The explanation., source: {section: S, paragraph: 1, quote: q}}
  - {id: town, type: short, prompt: "Town?", accept: [Khojaly, Xocalı], explanation: E, source: {section: S, paragraph: 1, quote: q}}
`), 0o644)
		return bank
	}
	for _, tt := range []struct {
		name    string
		args    []string
		setting string
		review  bool
	}{
		{"default", nil, "", false},
		{"flag end", []string{"--exam-review", "end"}, "", true},
		{"flag none", []string{"--exam-review", "none"}, "exam-review: end\n", false},
		{"setting end", nil, "exam-review: end\n", true},
		{"setting in quiz section", nil, "quiz:\n  exam-review: END\n", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, in, out, errOut := testFactory(t)
			if tt.setting != "" {
				dir, _ := f.UserConfigDir()
				os.MkdirAll(filepath.Join(dir, "conflictq"), 0o755)
				os.WriteFile(filepath.Join(dir, "conflictq", "config.yaml"), []byte(tt.setting), 0o644)
			}
			in.WriteString("2\nbaku\n")
			args := append([]string{"quiz", "--plain", "--mode", "exam", "--no-history", "--bank", bankFile(t)}, tt.args...)
			if code := Run(f, args); code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			got := out.String()
			shown := strings.Contains(got, "Your answer:") && strings.Contains(got, "The explanation.") && strings.Contains(got, "Khojaly")
			if shown != tt.review {
				t.Errorf("review shown %v, want %v:\n%s", shown, tt.review, got)
			}
			held := strings.Contains(got, "held back until the whole class has finished")
			if held == tt.review {
				t.Errorf("held-back notice %v with review %v:\n%s", held, tt.review, got)
			}
			if !strings.Contains(got, "Score: 0 / 2") {
				t.Errorf("no score:\n%s", got)
			}
		})
	}
	t.Run("bad value", func(t *testing.T) {
		f, _, out, errOut := testFactory(t)
		if code := Run(f, []string{"quiz", "--plain", "--mode", "exam", "--exam-review", "later"}); code != ExitInvalid {
			t.Errorf("exit %d, want 2", code)
		}
		if !strings.Contains(errOut.String(), `"later" is not one of none, end`) || out.Len() != 0 {
			t.Errorf("stdout %q, stderr %q", out, errOut)
		}
	})
}

// Open answers with no report named: the student is told nothing was saved
// for the teacher, and how to save; with a report, only where it went.
func TestQuizSaysHowToHandInOpenAnswers(t *testing.T) {
	t.Parallel()
	bank := filepath.Join(t.TempDir(), "b.yaml")
	os.WriteFile(bank, []byte(`id: b
title: B
questions:
  - {id: o, type: open, prompt: "Why?", model_answer: Because., key_points: [a point], explanation: E, source: {section: S, paragraph: 1, quote: q}}
`), 0o644)
	for _, report := range []bool{false, true} {
		f, in, out, errOut := testFactory(t)
		in.WriteString("my answer\n1\n") // then the key point it covered
		args := []string{"quiz", "--plain", "--no-history", "--bank", bank}
		if report {
			args = append(args, "--report-dir", t.TempDir(), "--student", "Ana")
		}
		if code := Run(f, args); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		told := strings.Contains(errOut.String(), "Nothing was saved for a teacher to mark") && strings.Contains(errOut.String(), "--report-dir FOLDER")
		if told == report {
			t.Errorf("report %v: stderr %q", report, errOut)
		}
		if !strings.Contains(out.String(), "Score: none here; every question is open") {
			t.Errorf("stdout:\n%s", out)
		}
	}
}

// -o and --report-dir together: the report for the teacher goes into the
// folder (JSON, which grade reads), the student's own copy to -o in the
// format of its extension; both are named.
func TestQuizReportAndOwnCopy(t *testing.T) {
	t.Parallel()
	bank := filepath.Join(t.TempDir(), "b.yaml")
	os.WriteFile(bank, []byte(`id: b
title: B
questions:
  - {id: tf, type: truefalse, prompt: "Statement.", answer: true, explanation: The explanation., source: {section: S, paragraph: 1, quote: q}}
`), 0o644)
	f, in, _, errOut := testFactory(t)
	in.WriteString("1\n")
	dir := t.TempDir()
	reports, own := filepath.Join(dir, "reports"), filepath.Join(dir, "mine.html")
	if code := Run(f, []string{"quiz", "--plain", "--no-history", "--bank", bank, "--student", "Ana", "-o", own, "--report-dir", reports}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	files, _ := filepath.Glob(filepath.Join(reports, "*"))
	if len(files) != 1 || filepath.Ext(files[0]) != ".json" {
		t.Fatalf("report folder holds %v, want one JSON report", files)
	}
	data, _ := os.ReadFile(files[0])
	if !strings.Contains(string(data), `"student": "Ana"`) {
		t.Errorf("report:\n%s", data)
	}
	page, _ := os.ReadFile(own)
	if !strings.Contains(string(page), "<html") || !strings.Contains(string(page), "The explanation.") {
		t.Errorf("own copy is not the review page:\n%.300s", page)
	}
	if want := "Report written to " + files[0] + " and " + own + "\n"; errOut.String() != want {
		t.Errorf("stderr = %q, want %q", errOut, want)
	}
	// grade reads the folder: the copy is not in it.
	f2, _, out2, errOut2 := testFactory(t)
	if code := Run(f2, []string{"grade", reports, "--format", "csv"}); code != 0 {
		t.Fatalf("grade: exit %d: %s", code, errOut2)
	}
	if !strings.Contains(out2.String(), "Ana") {
		t.Errorf("grade:\n%s", out2)
	}
}

// -n over a one-question selection: "Only 1 question matches", not "1 questions".
func TestQuizOnlyOneQuestionMatches(t *testing.T) {
	t.Parallel()
	bank := filepath.Join(t.TempDir(), "b.yaml")
	os.WriteFile(bank, []byte(`id: b
title: B
questions:
  - {id: tf, type: truefalse, prompt: "Statement.", answer: true, explanation: E, source: {section: S, paragraph: 1, quote: q}}
`), 0o644)
	f, in, _, errOut := testFactory(t)
	in.WriteString("1\n")
	if code := Run(f, []string{"quiz", "--plain", "--no-history", "--bank", bank, "-n", "5"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if errOut.String() != "Only 1 question matches; asking it.\n" {
		t.Errorf("stderr = %q", errOut)
	}
}

// -o inside the --report-dir folder in a format grade reads would be graded
// as a second report; --report-dir naming a file says so. Both are refused
// before the quiz starts, nothing written (attack4 #14).
func TestQuizReportDirClashes(t *testing.T) {
	t.Parallel()
	bank := filepath.Join(t.TempDir(), "b.yaml")
	os.WriteFile(bank, []byte("id: b\ntitle: B\nquestions:\n  - {id: tf, type: truefalse, prompt: \"Statement.\", answer: true, explanation: The explanation., source: {section: S, paragraph: 1, quote: q}}\n"), 0o644)
	dir := t.TempDir()
	reports, page := filepath.Join(dir, "r2"), filepath.Join(dir, "page.html")
	os.Mkdir(reports, 0o755)
	os.WriteFile(page, []byte("<html>mine</html>"), 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-o", filepath.Join(reports, "x.json"), "--report-dir", reports}, "is in the --report-dir folder"},
		{[]string{"-o", filepath.Join(reports, "x"), "--report-dir", reports}, "is in the --report-dir folder"},
		{[]string{"-o", page, "--report-dir", page, "--force"}, "--report-dir " + page + " is a file, not a folder"},
		{[]string{"-o", page, "--report-dir", page}, "is a file, not a folder"},
	} {
		f, in, _, errOut := testFactory(t)
		in.WriteString("1\n")
		code := Run(f, append([]string{"quiz", "--plain", "--no-history", "--bank", bank, "--student", "Ana"}, c.args...))
		if code != ExitInvalid || !strings.Contains(errOut.String(), c.want) {
			t.Errorf("%v: exit %d: %s", c.args, code, errOut)
		}
	}
	if files, _ := filepath.Glob(filepath.Join(reports, "*")); len(files) != 0 {
		t.Errorf("written: %v", files)
	}
	// A page inside the folder is no second report: it is written.
	f, in, _, errOut := testFactory(t)
	in.WriteString("1\n")
	if code := Run(f, []string{"quiz", "--plain", "--no-history", "--bank", bank, "--student", "Ana", "-o", filepath.Join(reports, "ana.html"), "--report-dir", reports}); code != 0 {
		t.Errorf("a page in the folder: exit %d: %s", code, errOut)
	}
}
