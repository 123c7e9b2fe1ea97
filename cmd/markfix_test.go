package cmd

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz/marking"
)

// oneReport writes loop.yaml and one student's report under dir/reports and
// returns the report's path.
func oneReport(t *testing.T) (dir, file string) {
	t.Helper()
	dir = t.TempDir()
	bankFile := writeTestFile(t, dir, "loop.yaml", loopBank)
	takeQuiz(t, dir, bankFile, "Ana", true, "A union, 1922 to 1991.", 0)
	files, _ := filepath.Glob(filepath.Join(dir, "reports", "*.json"))
	if len(files) != 1 {
		t.Fatalf("%d reports", len(files))
	}
	t.Chdir(dir)
	return dir, files[0]
}

// mark --from writes only the reports among its inputs, which its lock
// holds: a CSV naming a report in a folder another run is marking is refused
// (test10 D1, S2).
func TestMarkFromHonoursTheLock(t *testing.T) {
	dir, file := oneReport(t)
	_, out, _ := gradeIn(t, dir, "reports", "--format", "csv")
	rows, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	rows[1][col["loop/ussr"]], rows[1][col["loop/ussr:comment"]] = "1", "B: full marks"
	var b bytes.Buffer
	csv.NewWriter(&b).WriteAll(rows)
	os.WriteFile("marks.csv", b.Bytes(), 0o644)
	os.Mkdir("other", 0o755)
	unlock, err := marking.Lock([]string{file}, time.Now()) // teacher A is marking reports/
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	before, _ := os.ReadFile(file)
	f, _, _, errOut := testFactory(t)
	if code := Run(f, []string{"mark", "other", "--from", "marks.csv"}); code != ExitInvalid || !strings.Contains(errOut.String(), "is not among the reports and sheets named on the command line") {
		t.Errorf("exit %d:\n%s", code, errOut)
	}
	if after, _ := os.ReadFile(file); !bytes.Equal(before, after) {
		t.Error("mark --from wrote a report it had not locked")
	}
}

// mark keeps every field of a report it does not know, at the top and in a
// question, byte for byte (test10 D2).
func TestMarkKeepsUnknownFields(t *testing.T) {
	_, file := oneReport(t)
	data, _ := os.ReadFile(file)
	data = bytes.Replace(data, []byte("{\n"), []byte("{\n  \"teacher_note\": \"retake <allowed>\",\n"), 1)
	data = bytes.Replace(data, []byte(`"id": "ussr",`), []byte(`"id": "ussr", "flag": {"check": [1, 2.50]},`), 1)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	f, in, _, errOut := testFactory(t)
	in.WriteString("1 ok\n")
	if code := Run(f, []string{"mark", "reports", "--plain"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	after, _ := os.ReadFile(file)
	for _, want := range []string{`"teacher_note": "retake <allowed>"`, `"flag": {`, `2.50`, `"comment": "ok"`} {
		if !bytes.Contains(after, []byte(want)) {
			t.Errorf("%s lost:\n%s", want, after)
		}
	}
	var v map[string]any
	if err := json.Unmarshal(after, &v); err != nil {
		t.Fatal(err)
	}
	if v["score"] == nil || v["marks"] == nil {
		t.Errorf("score or marks missing: %v", v)
	}
}

// mark keeps a report's permissions and leaves a read-only report alone
// (test10 S1).
func TestMarkKeepsFileModes(t *testing.T) {
	_, file := oneReport(t)
	os.Chmod(file, 0o600)
	f, in, _, errOut := testFactory(t)
	in.WriteString("1\n")
	if code := Run(f, []string{"mark", "reports", "--plain"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if st, _ := os.Stat(file); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
	os.Chmod(file, 0o444)
	before, _ := os.ReadFile(file)
	f, in, _, errOut = testFactory(t)
	in.WriteString("0\n")
	if code := Run(f, []string{"mark", "reports", "--plain", "--remark"}); code == 0 || !strings.Contains(errOut.String(), "read-only") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	if after, _ := os.ReadFile(file); !bytes.Equal(before, after) {
		t.Error("a read-only report was replaced")
	}
	if st, _ := os.Stat(file); st.Mode().Perm() != 0o444 {
		t.Errorf("mode %v, want 0444", st.Mode().Perm())
	}
}

// A second mark run that reaches the reports through a folder of links is
// refused while the first holds them, and writes nothing (attack4 #1).
func TestMarkLockThroughLinkedFolder(t *testing.T) {
	dir, file := oneReport(t)
	os.Mkdir("links", 0o755)
	if err := os.Symlink(filepath.Join("..", "reports", filepath.Base(file)), filepath.Join("links", filepath.Base(file))); err != nil {
		t.Skip(err)
	}
	unlock, err := marking.Lock([]string{file}, time.Now()) // the first run
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	before, _ := os.ReadFile(file)
	f, in, _, errOut := testFactory(t)
	in.WriteString("1 ok\n")
	if code := Run(f, []string{"mark", filepath.Join(dir, "links"), "--plain"}); code != ExitInvalid || !strings.Contains(errOut.String(), "another conflictq mark") {
		t.Errorf("exit %d:\n%s", code, errOut)
	}
	if after, _ := os.ReadFile(file); !bytes.Equal(before, after) {
		t.Error("the second run wrote a report the first holds")
	}
}

// A mark is written with its noun in the right number (teacher3 P9:
// "Marked before: 1 points").
func TestPointsNoun(t *testing.T) {
	t.Parallel()
	for p, want := range map[float64]string{0: "0 points", 0.5: "0.5 points", 1: "1 point", 1.5: "1.5 points", 2: "2 points"} {
		if got := points(p); got != want {
			t.Errorf("points(%v) = %q, want %q", p, got, want)
		}
	}
}

// The CSV's own name, as the teacher typed it, is escaped in every message
// mark --from prints (final review: a name with ESC reached the terminal).
func TestMarkFromEscapesTheCSVName(t *testing.T) {
	dir, _ := oneReport(t)
	name := filepath.Join(dir, "m\x1b[2J.csv")
	os.WriteFile(name, []byte("student,file\n"), 0o644)
	_, _, errOut := runMark(t, "", filepath.Join(dir, "reports"), "--from", name)
	if strings.ContainsAny(errOut, "\x1b\x07") || !strings.Contains(errOut, `m\x1b[2J.csv`) {
		t.Errorf("stderr %q", errOut)
	}
}
