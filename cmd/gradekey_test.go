package cmd

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// attack16 #4: an answer key (sheet --key) left in the graded folder is no
// student: it is left out of the table, the CSV and the class statistics,
// with one warning naming it; so it is when named with the students' sheets
// (a glob). Named on its own, it is graded (100%).
func TestGradeLeavesOutAKeyInTheFolder(t *testing.T) {
	gradeFixture(t, map[string]string{
		"s/ana.yaml": "student: Ana\nbanks: [../b.yaml]\nseed: 1\nanswers: {capital: Yerevan, year: 1990}\n",
		"s/ben.yaml": "student: Ben\nbanks: [../b.yaml]\nseed: 1\nanswers: {capital: Baku, year: 1994}\n",
	})
	os.Mkdir("s/sub", 0o755)
	for _, args := range [][]string{
		{"sheet", "--key", "--from", "s/ana.yaml", "-o", "s/key.yaml"},
		{"sheet", "--key", "--from", "s/ana.yaml", "-o", "s/sub/key.json"},
	} {
		f, _, _, errOut := testFactory(t)
		if code := Run(f, args); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
	}
	warnings := func(t *testing.T, errOut string) {
		t.Helper()
		for _, key := range []string{"s/key.yaml", "s/sub/key.json"} {
			want := key + ": warning: an answer key, not a student's sheet: left out"
			if n := strings.Count(errOut, want); n != 1 {
				t.Errorf("%d warnings %q in:\n%s", n, want, errOut)
			}
		}
	}

	f, _, out, errOut := testFactory(t)
	if code := Run(f, []string{"grade", "s", "--summary", "stats.json"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Contains(out.String(), "ANSWER KEY") || !strings.Contains(out.String(), "Ana") || !strings.Contains(out.String(), "Ben") {
		t.Errorf("table:\n%s", out)
	}
	warnings(t, errOut.String())
	data, err := os.ReadFile("stats.json")
	if err != nil {
		t.Fatal(err)
	}
	var stats struct {
		Count int     `json:"count"`
		Mean  float64 `json:"mean"`
	}
	if err := json.Unmarshal(data, &stats); err != nil {
		t.Fatal(err)
	}
	if stats.Count != 2 || stats.Mean != 1 { // Ana 0, Ben 2 (the essay is not marked)
		t.Errorf("statistics count %d students, mean %g; want 2 and 1", stats.Count, stats.Mean)
	}

	f, _, out, errOut = testFactory(t)
	if code := Run(f, []string{"grade", "s", "--format", "csv"}); code != 0 {
		t.Fatalf("csv: exit %d: %s", code, errOut)
	}
	if rows := strings.Split(strings.TrimSpace(out.String()), "\n"); len(rows) != 3 || strings.Contains(out.String(), "ANSWER KEY") {
		t.Errorf("csv: %d rows, want a header and 2 students:\n%s", len(rows), out)
	}
	warnings(t, errOut.String())

	// Named with the students' sheets (a glob), it is left out too.
	f, _, out, errOut = testFactory(t)
	if code := Run(f, []string{"grade", "s/ana.yaml", "s/ben.yaml", "s/key.yaml", "s/sub/key.json"}); code != 0 {
		t.Fatalf("named with others: exit %d: %s", code, errOut)
	}
	if strings.Contains(out.String(), "ANSWER KEY") || !strings.Contains(out.String(), "Ben") {
		t.Errorf("named with others: table:\n%s", out)
	}
	warnings(t, errOut.String())

	// Named on its own, the key is graded: a teacher checks it scores 100%.
	f, _, out, errOut = testFactory(t)
	if code := Run(f, []string{"grade", "s/key.yaml", "--format", "json"}); code != 0 {
		t.Fatalf("key named: exit %d: %s", code, errOut)
	}
	keyAllRight(t, "s/key.yaml", out.String())
	if errOut.Len() != 0 {
		t.Errorf("key named: stderr %q", errOut)
	}

	// Piped alone to grade -, the key is on its own too: graded, no warning
	// (review-code25 #3).
	f, _, keyJSON, errOut := testFactory(t)
	if code := Run(f, []string{"sheet", "--key", "--from", "s/ana.yaml", "--format", "json"}); code != 0 {
		t.Fatalf("key to stdout: exit %d: %s", code, errOut)
	}
	f, in, out, errOut := testFactory(t)
	in.Write(keyJSON.Bytes())
	if code := Run(f, []string{"grade", "-", "--format", "json"}); code != 0 {
		t.Fatalf("key piped: exit %d: %s", code, errOut)
	}
	keyAllRight(t, "-", out.String())
	if errOut.Len() != 0 {
		t.Errorf("key piped: stderr %q", errOut)
	}

	// A folder that holds only a key has no student's sheet: exit 2, saying so.
	f, _, out, errOut = testFactory(t)
	if code := Run(f, []string{"grade", "s/sub"}); code != ExitInvalid || out.Len() != 0 {
		t.Errorf("only a key: exit %d, wrote %q", code, out)
	}
	if !strings.Contains(errOut.String(), "no student's sheets found in s/sub, only 1 answer key (left out, above)") {
		t.Errorf("only a key: stderr %q", errOut)
	}
}
