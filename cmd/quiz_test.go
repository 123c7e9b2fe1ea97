package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/cmd/internal/iostreams"
	"github.com/conflictq/conflictq/quiz/session"
)

// testFactory returns a factory on buffers, with a fixed clock and seed, no
// config files and no signal handling.
func testFactory(t *testing.T) (*Factory, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	env := map[string]string{}
	f := newFactory(ios, func(k string) string { return env[k] })
	dir := t.TempDir()
	f.UserConfigDir = func() (string, error) { return filepath.Join(dir, "config"), nil }
	f.StateDir = func() (string, error) { return filepath.Join(dir, "state"), nil }
	f.Now = func() time.Time { return time.Date(2026, 2, 26, 9, 0, 0, 0, time.UTC) }
	f.NewSeed = func() uint64 { return 4 }
	f.HandleSignals = false
	return f, in, out, errOut
}

func TestQuizFlags(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args  []string
		check func(*QuizOptions) bool
	}{
		{nil, func(o *QuizOptions) bool {
			return slices.Equal(o.Banks, []string{"comprehension"}) && o.Mode == "practice" && !o.SeedSet && o.Count == 0
		}},
		{[]string{"--bank", "timeline", "--bank", "x.yaml"}, func(o *QuizOptions) bool { return slices.Equal(o.Banks, []string{"timeline", "x.yaml"}) }},
		{[]string{"-n", "5", "--tag", "recall", "--tag", "chronology"}, func(o *QuizOptions) bool {
			return o.Count == 5 && slices.Equal(o.Tags, []string{"recall", "chronology"})
		}},
		{[]string{"--seed", "0"}, func(o *QuizOptions) bool { return o.SeedSet && o.Seed == 0 }},
		{[]string{"--mode", "EXAM", "--difficulty", "hard"}, func(o *QuizOptions) bool { return o.Mode == "exam" && o.Difficulty == "hard" }},
		{[]string{"--time-limit", "90s", "--pass", "60"}, func(o *QuizOptions) bool {
			return o.TimeLimit == 90*time.Second && o.PassSet && o.Pass == 60
		}},
		{[]string{"-o", "r.md", "--force", "--plain", "--student", "Ana"}, func(o *QuizOptions) bool {
			return o.Report == "r.md" && o.Force && o.Plain && o.Student == "Ana"
		}},
		{[]string{"--answers", "s.yaml", "--format", "csv", "--report-dir", "d"}, func(o *QuizOptions) bool {
			return o.Answers == "s.yaml" && o.Format == "csv" && o.ReportDir == "d"
		}},
	}
	for _, tt := range tests {
		f, _, _, _ := testFactory(t)
		var got *QuizOptions
		cmd := NewCmdQuiz(f, func(o *QuizOptions) error { got = o; return nil })
		cmd.SetArgs(tt.args)
		cmd.SetOut(&bytes.Buffer{})
		if err := cmd.Execute(); err != nil {
			t.Errorf("%v: %v", tt.args, err)
			continue
		}
		if !tt.check(got) {
			t.Errorf("%v: options %+v", tt.args, got)
		}
	}
}

func TestQuizRefusesWithoutTerminal(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		stdinTTY, stdoutTTY bool
		which               string
	}{
		{false, false, "standard input is not a terminal"},
		{true, false, "standard output is not a terminal"},
		{false, true, "standard input is not a terminal"},
	} {
		f, _, out, errOut := testFactory(t)
		f.IOStreams.SetStdinTTY(tt.stdinTTY)
		f.IOStreams.SetStdoutTTY(tt.stdoutTTY)
		prompted := false
		f.Prompter = func() session.Prompter { prompted = true; return nil }
		if code := Run(f, []string{"quiz"}); code != ExitInvalid {
			t.Errorf("exit %d, want 2", code)
		}
		if !strings.Contains(errOut.String(), tt.which) || !strings.Contains(errOut.String(), "--plain") || !strings.Contains(errOut.String(), "--answers FILE") {
			t.Errorf("stderr = %q", errOut)
		}
		if out.Len() != 0 || prompted {
			t.Errorf("output %q, prompted %v: survey must never see a pipe", out, prompted)
		}
	}
}

func TestQuizPlainOnFakeStreams(t *testing.T) {
	t.Parallel()
	f, in, out, errOut := testFactory(t)
	in.WriteString("1\nxocali\n")
	dir := t.TempDir()
	bank := filepath.Join(dir, "b.yaml")
	os.WriteFile(bank, []byte(`id: b
title: B
questions:
  - {id: tf, type: truefalse, prompt: "Statement.", answer: true, explanation: E, source: {section: S, paragraph: 1, quote: q}}
  - {id: town, type: short, prompt: "Town?", accept: [Khojaly, Xocalı], explanation: E, source: {section: S, paragraph: 1, quote: q}}
`), 0o644)
	report := filepath.Join(dir, "r.json")
	if code := Run(f, []string{"quiz", "--plain", "--bank", bank, "-o", report, "--student", "Ana"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out.String(), "Score: 2 / 2 (100%)") || !strings.Contains(out.String(), "seed 4") {
		t.Errorf("stdout:\n%s", out)
	}
	if strings.Contains(out.String(), "\x1b[") {
		t.Error("escape codes on a non-terminal")
	}
	data, _ := os.ReadFile(report)
	if !strings.Contains(string(data), `"finished_at": "2026-02-26T09:00:00Z"`) {
		t.Errorf("report:\n%s", data)
	}
	if errOut.String() != "Report written to "+report+"\n" {
		t.Errorf("stderr = %q", errOut)
	}
}
