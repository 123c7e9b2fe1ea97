//go:build linux

package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Each file conflictq writes waits for the disk (fsync) only when it holds
// the only copy of someone's work: a student's report from a quiz, marks,
// a history rewritten. What a command makes again from its inputs is
// written atomically but not synced (sync25: the wait cost 0.3 to 30 ms a
// file, over the floor for every -o). The real program is run under strace,
// which counts its syncs.
func TestOnlySomeonesWorkIsSynced(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	state := filepath.Join(dir, "state")
	tr := newTracer(t, dir, append(os.Environ(), "NO_COLOR=1", "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "XDG_STATE_HOME="+state))
	sync := regexp.MustCompile(`(?m)^(?:\[pid +\d+\] |\d+ +)?f(?:data)?sync\(`)
	// syncs runs conflictq with args (input on standard input) and returns
	// how many times it synced a file; what it says goes to the log.
	syncs := func(input string, args ...string) int {
		t.Helper()
		data, out, runErr := tr.run("fsync,fdatasync", input, args...)
		t.Logf("conflictq %s: %v\n%s", strings.Join(args, " "), runErr, out)
		return len(sync.FindAllIndex(data, -1))
	}
	fx := writeTeacherFixture(t, dir, func(args ...string) { syncs("", args...) })
	if err := os.WriteFile(filepath.Join(dir, "sample.yaml"), []byte(syncSampleBank), 0o644); err != nil {
		t.Fatal(err)
	}
	quiz := []string{"quiz", "--plain", "--bank", "sample.yaml", "--seed", "3", "--student", "Ana"}
	const answers = "c\n1=a 2=b\n"
	for _, tc := range []struct {
		name  string
		input string
		args  []string
		files []string // written, each
		want  int      // syncs
	}{
		// Made again from their inputs: not synced.
		{"bank export -o --key", "", []string{"bank", "export", "comprehension", "--seed", "1", "-o", "test.md", "--key", "key.md"}, []string{"test.md", "key.md"}, 0},
		{"bank export -o gift", "", []string{"bank", "export", "comprehension", "--format", "gift", "-o", "comp.gift"}, []string{"comp.gift"}, 0},
		{"bank convert -o", "", []string{"bank", "convert", "comp.gift", "-o", "comp.yaml"}, []string{"comp.yaml"}, 0},
		{"sheet -o", "", []string{"sheet", "--bank", "comprehension", "--seed", "2", "-o", "blank.yaml"}, []string{"blank.yaml"}, 0},
		{"sheet --key -o", "", []string{"sheet", "--key", "--from", fx.Blank, "-o", "key.yaml"}, []string{"key.yaml"}, 0},
		{"grade -o", "", []string{"grade", fx.Sheet, "-o", "results.csv"}, []string{"results.csv"}, 0},
		{"grade --summary --sums", "", []string{"grade", fx.Sheet, "--summary", "stats.md", "--sums", "sums.json"}, []string{"stats.md", "sums.json"}, 0},
		{"grade --summary html (the class page)", "", []string{"grade", fx.Sheet, "--summary", "class.html"}, []string{"class.html"}, 0},
		{"summary -o --sums", "", []string{"summary", "sums.json", "-o", "merged.json", "--sums", "merged-sums.json"}, []string{"merged.json", "merged-sums.json"}, 0},
		{"quiz --answers -o", "", []string{"quiz", "--answers", fx.Sheet, "-o", "ana40.json"}, []string{"ana40.json"}, 0},
		{"quiz --answers --report-dir", "", []string{"quiz", "--answers", fx.Sheet, "--report-dir", "graded"}, nil, 0},
		// The only copy of someone's work: synced, each file once and
		// then the folder that names it.
		{"quiz -o", answers, append(quiz, "-o", "ana.json"), []string{"ana.json"}, 2},
		{"quiz --report-dir -o (the student's copy)", answers, append(quiz, "--report-dir", "reports", "-o", "ana.html"), []string{"ana.html"}, 4},
		{"quiz stopped early, kept in the state folder", "c\n", quiz, nil, 2},
		{"mark --from", "", []string{"mark", filepath.Dir(fx.Marked), "--from", fx.CSV}, nil, 2},
		{"mark --plain", fx.Plain, []string{"mark", filepath.Dir(fx.Marked), "--plain"}, nil, 6},
	} {
		fx.Reset(t, dir)
		got := syncs(tc.input, tc.args...)
		for _, f := range tc.files {
			if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
		}
		if got != tc.want {
			t.Errorf("%s: %d syncs, want %d", tc.name, got, tc.want)
		}
	}
	// The quiz stopped early is kept; the history was appended to, never
	// synced (each quiz above appended to Ana's).
	if kept, _ := filepath.Glob(filepath.Join(state, "conflictq", "incomplete", "Ana-*.json")); len(kept) != 1 {
		t.Errorf("kept in the state folder: %q, want one report", kept)
	}
	histories := filepath.Join(state, "conflictq", "history")
	ana, _ := filepath.Glob(filepath.Join(histories, "Ana-*.jsonl"))
	if len(ana) != 1 {
		t.Fatalf("Ana's history: %q", ana)
	}
	lines, err := os.ReadFile(ana[0])
	if err != nil || bytes.Count(lines, []byte("\n")) < 4 {
		t.Fatalf("Ana's history holds %q (%v)", lines, err)
	}

	// A history from before FileKey names, which Ana shared with a
	// nameless student, is rewritten without her lines, and her lines are
	// appended to her file: both synced, since the lines moved are then
	// their only copy (attack19 M3: only the rewrite was).
	nameless := bytes.ReplaceAll(lines, []byte(`"student":"Ana"`), []byte(`"student":""`))
	if bytes.Equal(nameless, lines) {
		t.Fatalf("no student name to change in %s", lines)
	}
	old := filepath.Join(histories, "student.jsonl")
	if err := os.WriteFile(old, append(nameless, lines...), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(ana[0]); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(histories, ".filekey-v2")); err != nil {
		t.Fatal(err)
	}
	if got := syncs("", "progress", "--student", "Ana"); got != 3 {
		t.Errorf("the migration: %d syncs, want 3 (the lines moved, then the history rewritten and its folder)", got)
	}
	if data, _ := os.ReadFile(old); !bytes.Equal(data, nameless) {
		t.Errorf("the old history holds %q after the migration, want the nameless student's lines", data)
	}
	if data, _ := os.ReadFile(ana[0]); !bytes.Equal(data, lines) {
		t.Errorf("Ana's history holds %q after the migration, want her lines", data)
	}

	// The schedule's cache, made again from the history: not synced.
	if err := os.WriteFile(ana[0], bytes.Repeat(lines, 2100/bytes.Count(lines, []byte("\n"))+1), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := syncs("", "progress", "--student", "Ana"); got != 0 {
		t.Errorf("the schedule's cache: %d syncs, want 0", got)
	}
	if _, err := os.Stat(ana[0] + ".state"); err != nil {
		t.Errorf("no cache written: %v", err)
	}
}

// syncSampleBank is a bank of two questions, one choice and one match, that
// a plain quiz answers from "c" and "1=a 2=b".
const syncSampleBank = `id: sample
title: Every question type
questions:
  - id: capital
    type: single
    prompt: Which city is the capital of Azerbaijan?
    choices: [Baku, Yerevan, Tbilisi]
    answer: Baku
    explanation: Baku is the capital.
    source: {section: Introduction, paragraph: 2, quote: "Azeris around the world"}
    difficulty: easy
    tags: [places]
  - id: names
    type: match
    prompt: Match each name with its other name.
    pairs:
      - {left: Khojaly, right: Xocalı}
      - {left: Shusha, right: Shushi}
    explanation: Each place has two names.
    source: {section: Introduction, paragraph: 3, quote: "in the town of Khojaly"}
    difficulty: medium
    tags: [places]
`
