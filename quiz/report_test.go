package quiz

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz/text"
)

func sampleResult(t *testing.T, right map[string]bool) (*Result, *Bank) {
	t.Helper()
	b := loadSample(t)
	qs, _ := Select([]*Bank{b}, Filter{}, 11)
	s := &Session{Questions: qs, Mode: Exam, Prompter: &scripted{t: t, bank: b, right: right}, Out: &bytes.Buffer{}, Now: fakeClock()}
	res, err := s.Run(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return res, b
}

func TestReportJSON(t *testing.T) {
	res, _ := sampleResult(t, map[string]bool{"capital": true, "seas": true, "town": true})
	pass := 50.0
	rep := NewReport(ReportMeta{Student: "Ana", Banks: []string{"sample"}, Seed: 11, Mode: Exam, PassPercent: &pass}, res)
	var buf bytes.Buffer
	if err := rep.Write(&buf, FormatJSON); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"schema_version", "student", "banks", "seed", "mode", "status", "started_at", "finished_at", "score", "max_score", "percent", "questions", "by_tag", "passed"} {
		if _, ok := got[key]; !ok {
			t.Errorf("JSON report lacks %q", key)
		}
	}
	if got["score"] != 4.0 || got["max_score"] != 8.0 || got["percent"] != 50.0 || got["passed"] != true || got["status"] != "complete" || got["seed"] != 11.0 {
		t.Errorf("score %v/%v %v%% passed %v status %v seed %v", got["score"], got["max_score"], got["percent"], got["passed"], got["status"], got["seed"])
	}
	qs := got["questions"].([]any)
	if len(qs) != 8 {
		t.Fatalf("%d questions", len(qs))
	}
	for _, raw := range qs {
		q := raw.(map[string]any)
		for _, key := range []string{"id", "bank", "type", "given", "expected", "correct", "points", "max_points", "seconds"} {
			if _, ok := q[key]; !ok {
				t.Errorf("question %v lacks %q", q["id"], key)
			}
		}
		if q["type"] == "open" && q["correct"] != nil {
			t.Errorf("open question has correct = %v; a teacher marks it", q["correct"])
		}
		if q["id"] == "seas" && (q["given"] != "Black Sea; Caspian Sea" || q["points"] != 2.0 || q["correct"] != true) {
			t.Errorf("seas: %v", q)
		}
	}
}

func TestReportCSVAndMarkdown(t *testing.T) {
	res, _ := sampleResult(t, map[string]bool{"capital": true})
	rep := NewReport(ReportMeta{Student: "=cmd|' /C calc'!A0", Banks: []string{"sample"}, Seed: 11, Mode: Exam}, res)
	var buf bytes.Buffer
	if err := rep.Write(&buf, FormatCSV); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 9 || rows[0][0] != "student" || rows[0][4] != "given" {
		t.Fatalf("CSV has %d rows; header %v", len(rows), rows[0])
	}
	if !strings.HasPrefix(rows[1][0], "'=") {
		t.Errorf("a formula-like name was not defused: %q", rows[1][0])
	}
	buf.Reset()
	if err := rep.Write(&buf, FormatMarkdown); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	for _, want := range []string{"# Quiz report: ", "**Score: 1 / 8 (12.5%)**", "## Questions", "- Reread: ", "Marked by your teacher"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	if !strings.Contains(md, `\|' /C`) {
		t.Error("markdown did not escape the table pipe in a name")
	}
	if err := rep.Write(&buf, "xml"); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestReportIncomplete(t *testing.T) {
	b := loadSample(t)
	qs, _ := Select([]*Bank{b}, Filter{}, 5)
	p := &scripted{t: t, bank: b, right: allRight(b), stopAt: 2, stop: ErrInterrupted}
	res, _ := (&Session{Questions: qs, Mode: Exam, Prompter: p, Out: &bytes.Buffer{}, Now: fakeClock()}).Run(t.Context())
	rep := NewReport(ReportMeta{Student: "A"}, res)
	if rep.Status != Incomplete || rep.EndedBy != EndInterrupt || rep.Answered != 1 || len(rep.Questions) != 8 {
		t.Errorf("status %s/%s answered %d of %d", rep.Status, rep.EndedBy, rep.Answered, len(rep.Questions))
	}
	var buf bytes.Buffer
	rep.Write(&buf, FormatJSON)
	if !strings.Contains(buf.String(), `"status": "incomplete"`) || !strings.Contains(buf.String(), `"given": null`) {
		t.Errorf("JSON:\n%s", buf.String())
	}
}

func TestWriteFileAtomicNoOverwrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.json")
	write := func(s string) func(w io.Writer) error {
		return func(w io.Writer) error { _, err := w.Write([]byte(s)); return err }
	}
	if err := WriteFile(path, false, write("first")); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(path, false, write("second"))
	var exists *ExistsError
	if !errors.As(err, &exists) || !strings.Contains(err.Error(), "use --force") {
		t.Fatalf("err = %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "first" {
		t.Errorf("the old file changed: %q", data)
	}
	if err := WriteFile(path, true, write("third")); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != "third" {
		t.Errorf("--force did not overwrite: %q", data)
	}
	// A writer that fails leaves neither the file nor a temporary behind.
	failed := filepath.Join(dir, "failed.json")
	if err := WriteFile(failed, false, func(w io.Writer) error { w.Write([]byte("half")); return errors.New("disk full") }); err == nil {
		t.Fatal("error lost")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries after a failed write, want 1: %v", len(entries), entries)
	}
}

func TestSafeName(t *testing.T) {
	tests := map[string]string{
		"Ana":                   "Ana",
		"Ana Məmmədova":         "Ana-Memmedova",
		"../../x":               "x",
		"/etc/passwd":           "etc-passwd",
		"..":                    "student",
		"":                      "student",
		"a\x00b\nc\x1b[31m":     "a-b-c-31m",
		"Xocalı":                "Xocali",
		"   ":                   "student",
		strings.Repeat("a", 99): strings.Repeat("a", 48),
	}
	for in, want := range tests {
		if got := text.FileName(in); got != want {
			t.Errorf("text.FileName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriteInDirStaysInside(t *testing.T) {
	dir := t.TempDir()
	at := time.Date(2026, 2, 26, 9, 0, 0, 0, time.UTC)
	for _, name := range []string{"../../escape", "/etc/x", "a/../../b", "\x1b]0;title\x07"} {
		path, err := WriteInDir(dir, name, at, ".json", func(w io.Writer) error { return nil })
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Dir(path) != dir {
			t.Errorf("%q was written to %s, outside %s", name, path, dir)
		}
	}
}

// Thirty students with the same name finishing in the same second: thirty intact files.
func TestWriteInDirConcurrent(t *testing.T) {
	dir := t.TempDir()
	at := time.Date(2026, 2, 26, 9, 0, 0, 0, time.UTC)
	var wg sync.WaitGroup
	paths := make([]string, 30)
	errs := make([]error, 30)
	for i := range 30 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			paths[i], errs[i] = WriteInDir(dir, "Class 9B", at, ".json", func(w io.Writer) error {
				_, err := fmt.Fprintf(w, `{"student": %d}`, i)
				return err
			})
		}()
	}
	wg.Wait()
	seen := map[string]bool{}
	for i := range 30 {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if seen[paths[i]] {
			t.Fatalf("two students wrote %s", paths[i])
		}
		seen[paths[i]] = true
		data, _ := os.ReadFile(paths[i])
		if string(data) != fmt.Sprintf(`{"student": %d}`, i) {
			t.Errorf("%s holds %q", paths[i], data)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 30 {
		t.Errorf("%d files, want 30", len(entries))
	}
}

// WriteFile never destroys what is not a regular file, and follows links.
func TestWriteFileRefusesSpecialFilesAndFollowsLinks(t *testing.T) {
	dir := t.TempDir()
	write := func(w io.Writer) error { _, err := w.Write([]byte("report")); return err }
	if err := WriteFile(dir, true, write); err == nil || !strings.Contains(err.Error(), "is not a regular file") {
		t.Errorf("a directory: %v", err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscallMkfifo(fifo); err == nil {
		if err := WriteFile(fifo, true, write); err == nil || !strings.Contains(err.Error(), "is not a regular file") {
			t.Errorf("a pipe: %v", err)
		}
	}
	target := filepath.Join(dir, "target.json")
	os.WriteFile(target, []byte("old"), 0o644)
	link := filepath.Join(dir, "link.json")
	os.Symlink(target, link)
	if err := WriteFile(link, true, write); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(target); string(data) != "report" {
		t.Errorf("the link's target holds %q", data)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if st, _ := os.Stat(target); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", st.Mode().Perm())
	}
	if _, err := ReadFileLimited(fifo); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("reading a pipe: %v", err)
	}
}
