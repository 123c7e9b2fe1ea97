package cmd

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/cmd/internal/iostreams"
)

// classPage grades n generated students with --format html and --summary
// stats.json in dir, and returns the page's path.
func classPage(t testing.TB, dir string, n int, extra ...string) string {
	t.Helper()
	sheets := filepath.Join(dir, "class.jsonl")
	if err := os.WriteFile(sheets, classSheets(t, n, 1), 0o644); err != nil {
		t.Fatal(err)
	}
	// A sheet that cannot be read at all, with a long error: it is listed
	// apart, and the page still sorts and fits (test11 P7, P8).
	bad := filepath.Join(dir, "unreadable-sheet.yaml")
	if err := os.WriteFile(bad, []byte("student: X\nbanks: [comprehension\nanswers: {\n  a: [1, 2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "class.html")
	ios, _, _, errOut := iostreams.Test()
	f := newFactory(ios, func(string) string { return "" })
	f.Now = func() time.Time { return time.Date(2026, 2, 26, 9, 0, 0, 0, time.UTC) }
	args := append([]string{"grade", sheets, bad, "--format", "html", "-o", page, "--summary", filepath.Join(dir, "stats.json"), "--pass", "60"}, extra...)
	// Exit 2: the unreadable sheet; everything else is graded and written.
	if code := Run(f, args); code != 2 || !strings.Contains(errOut.String(), "1 of 41 sheets could not be read") && n == 40 {
		t.Fatalf("grade exit %d: %s", code, errOut)
	}
	return page
}

func TestClassPageEscapesAndStaysOffline(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(classPage(t, dir, 40))
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	for _, bad := range append(hostileNames, "<img", "http://", "https://") {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("the hostile name is not shown as text")
	}
	if n := strings.Count(page, "<script"); n != 1 {
		t.Errorf("%d scripts, want the one that sorts", n)
	}
	if len(data) > 500<<10 {
		t.Errorf("40 students on 41 questions: %d bytes, want < 500 KB", len(data))
	}
	t.Logf("40 students: %d bytes", len(data))
}

// TestWriteClassPageForLook writes a page (and its sheets) to CLASSPAGE_OUT
// for a person to look at; CLASSPAGE_N students, 40 unless set.
func TestWriteClassPageForLook(t *testing.T) {
	out := os.Getenv("CLASSPAGE_OUT")
	if out == "" {
		t.Skip("set CLASSPAGE_OUT=dir to write a class page there")
	}
	n, _ := strconv.Atoi(os.Getenv("CLASSPAGE_N"))
	classPage(t, out, max(n, 40))
}

// BenchmarkClassPage10k grades 10,000 students into the class page, in
// process: the page must stay under 5 MB (an error) and take under 2 s (read
// ns/op; make bench runs it).
func BenchmarkClassPage10k(b *testing.B) {
	dir := b.TempDir()
	sheets := filepath.Join(dir, "class.jsonl")
	if err := os.WriteFile(sheets, classSheets(b, 10000, 2), 0o644); err != nil {
		b.Fatal(err)
	}
	page := filepath.Join(dir, "class.html")
	b.ResetTimer()
	for range b.N {
		ios, _, _, errOut := iostreams.Test()
		f := newFactory(ios, func(string) string { return "" })
		start := time.Now()
		if code := Run(f, []string{"grade", sheets, "--format", "html", "-o", page, "--pass", "60"}); code > 1 {
			b.Fatalf("grade exit %d: %s", code, errOut)
		}
		if d := time.Since(start); d > 2*time.Second {
			// Not an error: on a shared machine wall time says more about
			// the neighbours than about us.
			b.Logf("10,000 students took %v; the goal is under 2 s", d)
		}
	}
	b.StopTimer()
	st, err := os.Stat(page)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(st.Size())/(1<<20), "MB/page")
	if st.Size() >= 5<<20 {
		b.Errorf("the page for 10,000 students is %d bytes; the goal is under 5 MB", st.Size())
	}
}
