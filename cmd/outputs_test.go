//go:build unix

package cmd

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/report"
)

// hostileOut is a file name that would retitle a terminal and clear its line.
const hostileOut = "x\x1b]0;T\a\x1b[2K\rok.md"

const outputSheet = "student: Ana\nbanks: [b.yaml]\nseed: 1\nanswers: {capital: Baku, year: 1994}\n"

// outputFixture makes a directory of inputs (a bank, sheets, sums, a GIFT
// bank) and of links and hard links to them, under other names.
func outputFixture(t *testing.T) {
	t.Helper()
	gradeFixture(t, map[string]string{"a.yaml": outputSheet, "class/c.yaml": outputSheet, "sub/.keep": "", "cfg.yaml": "bank: [b.yaml]\n"})
	for _, args := range [][]string{
		{"grade", "a.yaml", "--sums", "s1.json"},
		{"bank", "export", "b.yaml", "--format", "gift", "-o", "g.gift"},
	} {
		f, _, _, errOut := testFactory(t)
		if code := Run(f, args); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
	}
	for link, target := range map[string]string{
		"link.csv": "a.yaml", "link.md": "a.yaml", "link.json": "a.yaml", "lb.md": "b.yaml",
		"class/lnk.out": "c.yaml", "ls.json": "s1.json", "lg.txt": "g.gift", hostileOut: "a.yaml",
	} {
		if err := os.Symlink(target, link); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	if err := os.Link("class/c.yaml", "hard.out"); err != nil {
		t.Skip("no hard links here:", err)
	}
}

// snapshot is every file under the working directory and its content.
func snapshot(t *testing.T) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			data, _ := os.ReadFile(path)
			files[path] = string(data)
		}
		return nil
	})
	return files
}

// No output replaces an input, whatever path names it, --force or not; two
// outputs of one run are never the same file (issue 14, item 1).
func TestNoOutputReplacesAnInput(t *testing.T) {
	outputFixture(t)
	// A quiz's report in the graded directory is graded too.
	f, in, _, errOut := testFactory(t)
	in.WriteString("1\n1994\n")
	Run(f, []string{"quiz", "--plain", "--bank", "b.yaml", "--student", "Bo", "-o", "class/bo.json"}) // stopped early: saved
	if _, err := os.Stat("class/bo.json"); err != nil {
		t.Fatalf("quiz: %v: %s", err, errOut)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		// grade: sheets given, in a directory, and the banks they name.
		{[]string{"grade", "a.yaml", "-o", "link.csv", "--force"}, "-o link.csv is a sheet being graded (the same file as a.yaml)"},
		{[]string{"grade", "class", "-o", "class/lnk.out", "--force"}, "-o class/lnk.out is a sheet being graded (the same file as "},
		{[]string{"grade", "class", "-o", "hard.out", "--force"}, "-o hard.out is a sheet being graded"},
		{[]string{"grade", "class", "-o", "class/bo.json", "--force"}, "-o class/bo.json is a sheet being graded"},
		{[]string{"grade", "a.yaml", "-o", "sub/../a.yaml", "--force"}, "-o sub/../a.yaml is a sheet being graded"},
		{[]string{"grade", "a.yaml", "--summary", "link.md", "--force"}, "--summary link.md is a sheet being graded"},
		{[]string{"grade", "a.yaml", "--sums", "link.json", "--force"}, "--sums link.json is a sheet being graded"},
		{[]string{"grade", "a.yaml", "-o", "lb.md", "--force"}, "-o lb.md is a bank being read (the same file as b.yaml)"},
		{[]string{"grade", "a.yaml", "--summary", "lb.md", "--force"}, "--summary lb.md is a bank being read"},
		{[]string{"grade", "a.yaml", "--bank", "b.yaml", "-o", "b.yaml", "--force"}, "-o b.yaml is a bank being read"},
		{[]string{"grade", "a.yaml", "-o", "out.md", "--summary", "./out.md"}, "-o out.md and --summary ./out.md are the same file"},
		{[]string{"grade", "a.yaml", "-o", hostileOut, "--force"}, `-o x\x1b]0;T\x07\x1b[2K\x0dok.md is a sheet being graded`},
		// sheet, bank export and convert, quiz, summary.
		{[]string{"sheet", "--bank", "b.yaml", "-o", "lb.md", "--force"}, "-o lb.md is a bank being read"},
		{[]string{"sheet", "--key", "--from", "a.yaml", "-o", "link.csv", "--force"}, "-o link.csv is the sheet --from names"},
		{[]string{"bank", "export", "b.yaml", "-o", "b.yaml", "--force"}, "-o b.yaml is a bank being read"},
		{[]string{"bank", "export", "b.yaml", "--format", "markdown", "-o", "w.md", "--key", "lb.md", "--force"}, "--key lb.md is a bank being read"},
		{[]string{"bank", "export", "b.yaml", "--format", "markdown", "-o", "w.md", "--key", "w.md"}, "-o w.md and --key w.md are the same file"},
		{[]string{"bank", "export", "g.gift", "--format", "gift", "-o", "lg.txt", "--force"}, "-o lg.txt is a bank being read (the same file as g.gift)"},
		{[]string{"bank", "convert", "g.gift", "-o", "g.gift", "--force"}, "-o g.gift is a bank being read"},
		{[]string{"quiz", "--answers", "a.yaml", "-o", "link.json", "--force"}, "-o link.json is the sheet --answers names"},
		{[]string{"quiz", "--plain", "--bank", "b.yaml", "-o", "lb.md", "--force"}, "-o lb.md is a bank being read"},
		{[]string{"summary", "s1.json", "-o", "ls.json"}, "-o ls.json is one of the sums being merged"},
		{[]string{"summary", "s1.json", "-o", "x.md", "--sums", "x.md"}, "-o x.md and --sums x.md are the same file"},
		// Settings files.
		{[]string{"--config", "cfg.yaml", "sheet", "-o", "cfg.yaml", "--force"}, "-o cfg.yaml is a settings file being read"},
		{[]string{"--config", "cfg.yaml", "quiz", "--plain", "-o", "./cfg.yaml", "--force"}, "-o ./cfg.yaml is a settings file being read (the same file as cfg.yaml)"},
		{[]string{"--config", "cfg.yaml", "grade", "a.yaml", "-o", "cfg.yaml", "--force"}, "-o cfg.yaml is a settings file being read"},
	} {
		before := snapshot(t)
		f, in, _, errOut := testFactory(t)
		in.WriteString("1\n1994\n")
		if code := Run(f, tc.args); code != ExitInvalid {
			t.Errorf("%v: exit %d, want %d: %s", tc.args, code, ExitInvalid, errOut)
		}
		if !strings.Contains(errOut.String(), tc.want) || strings.ContainsAny(errOut.String(), "\x1b\a") {
			t.Errorf("%v: stderr %q, want %q", tc.args, errOut, tc.want)
		}
		after := snapshot(t)
		for name, data := range before {
			if after[name] != data {
				t.Errorf("%v: %s was changed", tc.args, name)
			}
		}
		for name := range after {
			if _, ok := before[name]; !ok {
				t.Errorf("%v: %s was written", tc.args, name)
			}
		}
	}
	// An unrelated file is still replaced with --force, and last run's
	// results inside the graded directory too.
	for _, args := range [][]string{
		{"grade", "class", "-o", "class/results.json", "--format", "json"},
		{"grade", "class", "-o", "class/results.json", "--format", "json", "--force"},
		{"bank", "export", "b.yaml", "-o", "w.gift", "--format", "gift"},
		{"bank", "export", "b.yaml", "-o", "w.gift", "--format", "gift", "--force"},
	} {
		f, _, _, errOut := testFactory(t)
		if code := Run(f, args); code != 0 {
			t.Errorf("%v: exit %d: %s", args, code, errOut)
		}
	}
}

// GITHUB_STEP_SUMMARY is appended to only when it is a regular file that is
// no input (sheet or bank) and not another output; otherwise a warning, and
// the run's exit code is unchanged (issue 14, item 8).
func TestStepSummaryNeverAnInputOrOutput(t *testing.T) {
	outputFixture(t)
	if err := syscall.Mkfifo("fifo", 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	os.Symlink("sub/new.md", "dangling.md")
	for _, tc := range []struct {
		summary string
		args    []string
		want    string
	}{
		{"b.yaml", []string{"grade", "a.yaml"}, "b.yaml is a bank being read"},
		{"lb.md", []string{"grade", "a.yaml"}, "lb.md is a bank being read (the same file as b.yaml)"},
		{"link.md", []string{"grade", "a.yaml"}, "link.md is a sheet being graded (the same file as a.yaml)"},
		{"hard.out", []string{"grade", "class"}, "hard.out is a sheet being graded"},
		{"out.csv", []string{"grade", "a.yaml", "-o", "out.csv"}, "out.csv is the file -o writes"},
		{"./s.md", []string{"grade", "a.yaml", "--summary", "s.md"}, "./s.md is the file --summary writes"},
		{"fifo", []string{"grade", "a.yaml"}, "fifo is not a regular file"},
		{"sub", []string{"grade", "a.yaml"}, "sub is not a regular file (a directory"},
		{"dangling.md", []string{"grade", "a.yaml"}, "dangling.md is a link to no file"},
		{hostileOut, []string{"grade", "a.yaml"}, `x\x1b]0;T\x07\x1b[2K\x0dok.md is a sheet being graded`},
	} {
		before := snapshot(t)
		f, _, _, errOut := testFactory(t)
		f.Getenv = func(k string) string {
			if k == "GITHUB_STEP_SUMMARY" {
				return tc.summary
			}
			return ""
		}
		done := make(chan int, 1)
		go func() { done <- Run(f, tc.args) }()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("%s: exit %d: %s", tc.summary, code, errOut)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: grade blocked", tc.summary)
		}
		if want := "GITHUB_STEP_SUMMARY: " + tc.want; !strings.Contains(errOut.String(), want) || !strings.Contains(errOut.String(), "no step summary written") {
			t.Errorf("%s: stderr %q, want %q", tc.summary, errOut, want)
		}
		if strings.ContainsAny(errOut.String(), "\x1b\a") {
			t.Errorf("%s: a terminal code reached stderr: %q", tc.summary, errOut)
		}
		after := snapshot(t)
		for name, data := range before {
			if after[name] != data {
				t.Errorf("%s: %s was changed", tc.summary, name)
			}
		}
		if _, err := os.Stat("sub/new.md"); err == nil {
			t.Errorf("%s: a dangling link's target was created", tc.summary)
		}
		for _, out := range []string{"out.csv", "s.md"} {
			if data, err := os.ReadFile(out); err == nil {
				if strings.Contains(string(data), "| Ana |") && !strings.HasSuffix(out, ".md") {
					t.Errorf("%s: the step summary went into %s", tc.summary, out)
				}
				os.Remove(out)
			}
		}
	}
}

// No -o writes into conflictq's own state folder: with --force, a quiz's
// report replaced the student's whole history.
func TestNoOutputInTheStateFolder(t *testing.T) {
	outputFixture(t)
	for _, args := range [][]string{
		{"quiz", "--plain", "--bank", "b.yaml", "--student", "ana", "--force", "-o"},
		{"sheet", "--bank", "b.yaml", "--force", "-o"},
		{"grade", "a.yaml", "--force", "-o"},
		{"bank", "export", "b.yaml", "--force", "-o"},
	} {
		f, in, _, errOut := testFactory(t)
		in.WriteString("1\n1994\n")
		state, _ := f.StateDir()
		hist := filepath.Join(state, "history", "ana.jsonl")
		os.MkdirAll(filepath.Dir(hist), 0o700)
		os.WriteFile(hist, []byte("{}\n"), 0o600)
		if code := Run(f, append(args, hist)); code != ExitInvalid {
			t.Errorf("%v: exit %d, want %d: %s", args, code, ExitInvalid, errOut)
		}
		if !strings.Contains(errOut.String(), "is in conflictq's own folder") {
			t.Errorf("%v: stderr %q", args, errOut)
		}
		if data, _ := os.ReadFile(hist); string(data) != "{}\n" {
			t.Errorf("%v: the history was replaced: %.80q", args, data)
		}
	}
}

// --report-dir in the state folder is refused before the quiz starts, as
// -o there is (attack22 L2: it wrote the report there), and nothing is
// written; a folder of the teacher's own still takes the report.
func TestNoReportDirInTheStateFolder(t *testing.T) {
	outputFixture(t)
	for _, args := range [][]string{
		{"quiz", "--answers", "a.yaml", "--report-dir"},
		{"quiz", "--plain", "--bank", "b.yaml", "--student", "ana", "--report-dir"},
	} {
		f, in, _, errOut := testFactory(t)
		in.WriteString("1\n1994\n")
		state, _ := f.StateDir()
		dir := filepath.Join(state, "reports")
		if code := Run(f, append(args, dir)); code != ExitInvalid {
			t.Errorf("%v: exit %d, want %d: %s", args, code, ExitInvalid, errOut)
		}
		if want := "--report-dir " + dir + " is in conflictq's own folder"; !strings.Contains(errOut.String(), want) {
			t.Errorf("%v: stderr %q, want %q", args, errOut, want)
		}
		if _, err := os.Stat(dir); err == nil {
			t.Errorf("%v: the folder was made in the state folder", args)
		}
	}
	f, _, _, errOut := testFactory(t)
	if code := Run(f, []string{"quiz", "--answers", "a.yaml", "--report-dir", "mine"}); code != 0 {
		t.Errorf("--report-dir mine: exit %d: %s", code, errOut)
	}
	if reports, _ := filepath.Glob("mine/*.json"); len(reports) != 1 {
		t.Errorf("--report-dir mine: reports %v, want one", reports)
	}
}

// An output is judged where the system puts it, from the working folder as
// the system knows it (getcwd), not as the shell kept it through a link
// ($PWD), since session 27 (attack22 M1): a relative -o into the state
// folder, given from a folder reached through a link, is refused (it was
// written); from a link inside the state folder to a folder outside it,
// -o x.csv is written outside (it was refused).
func TestOutputsJudgedFromTheRealWorkingFolder(t *testing.T) {
	root := t.TempDir()
	real, outside := filepath.Join(root, "real"), filepath.Join(root, "outside")
	state := filepath.Join(real, "state")
	for _, d := range []string{filepath.Join(state, "history"), outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, dir := range []string{real, outside} {
		os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(outputSheet), 0o644)
		os.WriteFile(filepath.Join(dir, "b.yaml"), []byte(gradeBank), 0o644)
	}
	for link, target := range map[string]string{filepath.Join(root, "L"): real, filepath.Join(state, "out"): outside} {
		if err := os.Symlink(target, link); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	run := func(wd string, out string) (int, string) {
		t.Chdir(wd)
		t.Setenv("PWD", wd) // as a shell that entered wd through its link keeps it
		f, _, _, errOut := testFactory(t)
		f.StateDir = func() (string, error) { return state, nil }
		code := Run(f, []string{"grade", "a.yaml", "--format", "csv", "--force", "-o", out})
		return code, errOut.String()
	}
	if code, errOut := run(filepath.Join(root, "L"), filepath.Join("state", "history", "x.csv")); code != ExitInvalid || !strings.Contains(errOut, "is in conflictq's own folder") {
		t.Errorf("-o state/history/x.csv from L: exit %d, %q; want it refused as in the state folder", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(state, "history", "x.csv")); err == nil {
		t.Error("written into the state folder")
	}
	if code, errOut := run(filepath.Join(state, "out"), "x.csv"); code != 0 {
		t.Errorf("-o x.csv from state/out (a link to outside): exit %d, %q; want it written", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(outside, "x.csv")); err != nil {
		t.Errorf("not written where the system puts it: %v", err)
	}
}

// A report whose -o became a link to a bank during the quiz is written beside
// it, under a new name: the bank and the student's answers are both kept.
func TestQuizReportNeverReplacesABankAtTheEnd(t *testing.T) {
	outputFixture(t)
	f, _, _, _ := testFactory(t)
	if _, _, err := f.Library().Load("b.yaml"); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t)
	opts := &QuizOptions{Library: f.Library, StateDir: f.StateDir, Report: "lb.md", Force: true}
	rep := &report.Report{Student: "ana", StartedAt: f.Now()}
	path, err := saveReport(opts, rep, nil, report.FormatJSON, fileio.Durable)
	if err != nil || path == "lb.md" || !strings.HasPrefix(path, "ana-") {
		t.Errorf("written to %q: %v", path, err)
	}
	if after := snapshot(t); after["b.yaml"] != before["b.yaml"] {
		t.Error("the bank was replaced")
	}
}

// grade - < class.jsonl -o class.jsonl --force replaced the sheets it read:
// standard input redirected from a file is an input too.
func TestNoOutputReplacesStandardInput(t *testing.T) {
	outputFixture(t)
	os.WriteFile("class.jsonl", []byte(`{"student":"Ana","banks":["b.yaml"],"answers":{"capital":"Baku"}}`+"\n"), 0o644)
	file, err := os.Open("class.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	saved, err := unix.Dup(0)
	if err != nil {
		t.Skip("cannot redirect standard input:", err)
	}
	if err := unix.Dup2(int(file.Fd()), 0); err != nil {
		t.Skip("cannot redirect standard input:", err)
	}
	defer func() { unix.Dup2(saved, 0); unix.Close(saved) }()
	before := snapshot(t)
	f, in, _, errOut := testFactory(t)
	data, _ := os.ReadFile("class.jsonl")
	in.Write(data)
	if code := Run(f, []string{"grade", "-", "-o", "class.jsonl", "--force"}); code != ExitInvalid {
		t.Errorf("exit %d, want %d: %s", code, ExitInvalid, errOut)
	}
	if want := "-o class.jsonl is a sheet being graded (read from standard input)"; !strings.Contains(errOut.String(), want) {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	if after := snapshot(t); after["class.jsonl"] != before["class.jsonl"] {
		t.Error("the sheets were replaced")
	}
}

// bank export --key - wrote the key to a file named "-"; it goes to standard
// output, and is refused when the worksheet goes there too.
func TestExportKeyToStandardOutput(t *testing.T) {
	outputFixture(t)
	f, _, out, errOut := testFactory(t)
	if code := Run(f, []string{"bank", "export", "b.yaml", "--format", "markdown", "-o", "w.md", "--key", "-"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out.String(), "answer key") {
		t.Errorf("stdout %q", out)
	}
	if _, err := os.Stat("-"); err == nil {
		t.Error(`a file named "-" was written`)
	}
	f, _, _, errOut = testFactory(t)
	if code := Run(f, []string{"bank", "export", "b.yaml", "--format", "markdown", "--key", "-"}); code != ExitInvalid {
		t.Errorf("exit %d, want %d", code, ExitInvalid)
	}
	if !strings.Contains(errOut.String(), "--key - and the worksheet would both go to standard output") {
		t.Errorf("stderr %q", errOut)
	}
	// A --key that becomes the worksheet once that is written (a link to its
	// name, or another spelling on a file system that ignores case).
	os.Symlink("w2.md", "k2.md")
	f, _, _, errOut = testFactory(t)
	if code := Run(f, []string{"bank", "export", "b.yaml", "--format", "markdown", "-o", "w2.md", "--key", "k2.md", "--force"}); code != ExitInvalid || !strings.Contains(errOut.String(), "-o w2.md and --key k2.md are the same file") || strings.Contains(errOut.String(), "Wrote w2.md") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	if data, _ := os.ReadFile("w2.md"); strings.Contains(string(data), "answer key") {
		t.Error("the worksheet was replaced by the key")
	}
	// --sums - wrote a file named "-" too.
	for _, args := range [][]string{{"grade", "a.yaml", "--sums", "-"}, {"summary", "s1.json", "--sums", "-"}} {
		f, _, _, errOut = testFactory(t)
		if code := Run(f, args); code != ExitInvalid || !strings.Contains(errOut.String(), "--sums -: name a file") {
			t.Errorf("%v: exit %d: %s", args, code, errOut)
		}
		if _, err := os.Stat("-"); err == nil {
			t.Errorf(`%v: a file named "-" was written`, args)
		}
	}
}

// attack11 #10: bank export --format qti wrote its zip archive to the
// terminal. It is refused there, with -o named; piped or redirected, or
// with -o, the archive is written.
func TestExportQTIRefusesTheTerminal(t *testing.T) {
	outputFixture(t)
	f, _, out, errOut := testFactory(t)
	f.IOStreams.SetStdoutTTY(true)
	if code := Run(f, []string{"bank", "export", "b.yaml", "--format", "qti"}); code != ExitInvalid {
		t.Errorf("exit %d, want %d", code, ExitInvalid)
	}
	if out.Len() != 0 || !strings.Contains(errOut.String(), "-o b.zip") {
		t.Errorf("stdout %d bytes; stderr %q", out.Len(), errOut)
	}
	f, _, out, errOut = testFactory(t)
	if code := Run(f, []string{"bank", "export", "b.yaml", "--format", "qti"}); code != 0 || !strings.HasPrefix(out.String(), "PK") {
		t.Errorf("to a pipe: exit %d, stdout %.10q; stderr %q", code, out, errOut)
	}
	f, _, _, errOut = testFactory(t)
	f.IOStreams.SetStdoutTTY(true)
	if code := Run(f, []string{"bank", "export", "b.yaml", "-o", "b.zip"}); code != 0 {
		t.Errorf("-o b.zip: exit %d: %s", code, errOut)
	}
}

// An output that names a folder (ending in "/", or one that exists) is
// refused before anything is written, for every flag of a set of outputs:
// found only as the file took its name, it stopped the set halfway, with
// the outputs before it already new (attack24 H1).
func TestOutputNamingAFolderIsRefusedFirst(t *testing.T) {
	outputFixture(t)
	for _, name := range []string{"o.csv", "st.json", "sums.json", "ws.md", "key.md"} {
		if err := os.WriteFile(name, []byte("LASTWEEK"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		args []string
		flag string
	}{
		{[]string{"grade", "a.yaml", "--force", "--format", "csv", "-o", "o.csv/", "--summary", "st.json", "--sums", "sums.json"}, "-o o.csv/"},
		{[]string{"grade", "a.yaml", "--force", "-o", "o.csv", "--summary", "st.json", "--sums", "sums.json/"}, "--sums sums.json/"},
		{[]string{"grade", "a.yaml", "--force", "-o", "o.csv", "--summary", "st.json", "--sums", "sub"}, "--sums sub"},
		{[]string{"bank", "export", "b.yaml", "--force", "--format", "markdown", "-o", "ws.md", "--key", "key.md/"}, "--key key.md/"},
		{[]string{"bank", "export", "b.yaml", "--force", "--format", "markdown", "-o", "sub/", "--key", "key.md"}, "-o sub/"},
		{[]string{"summary", "s1.json", "--force", "-o", "st.json", "--sums", "sums.json/"}, "--sums sums.json/"},
	} {
		before := snapshot(t)
		f, _, _, errOut := testFactory(t)
		code := Run(f, tc.args)
		if code != ExitInvalid || !strings.Contains(errOut.String(), tc.flag+" names a folder") || !strings.Contains(errOut.String(), "nothing was written") {
			t.Errorf("%v: exit %d, stderr %q; want %d naming %s as a folder", tc.args, code, errOut, ExitInvalid, tc.flag)
		}
		after := snapshot(t)
		if len(after) != len(before) {
			t.Errorf("%v: %d files before, %d after", tc.args, len(before), len(after))
		}
		for name, data := range before {
			if after[name] != data {
				t.Errorf("%v: %s changed", tc.args, name)
			}
		}
	}
}
