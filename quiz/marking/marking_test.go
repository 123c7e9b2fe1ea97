package marking

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/grade"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/report"
)

// writeReport writes a report of the sample bank with the open question
// answered, and returns its path.
func writeReport(t *testing.T, dir, student string, pass *float64) string {
	t.Helper()
	b := testfiles.Sample(t)
	var outcomes []quiz.Outcome
	for _, q := range b.Questions {
		r := quiz.Response{Answered: true, Choices: q.Correct, Bool: q.Truth, Text: "A union of republics.\x1b[2J"}
		if q.Type == quiz.Order {
			r.Sequence = []int{0, 1, 2, 3}
		}
		if q.Type == quiz.Match {
			r.Matches = []int{0, 1, 2}
		}
		if q.Type == quiz.Short {
			r.Text = "Khojaly"
		}
		if q.Type == quiz.Numeric {
			r.Text = "1994"
		}
		outcomes = append(outcomes, quiz.Outcome{Question: &quiz.Presented{Question: q}, Response: r, Fraction: quiz.Score(q, r)})
	}
	res := &quiz.Result{Outcomes: outcomes, Status: quiz.Complete, Started: time.Unix(0, 0), Finished: time.Unix(60, 0)}
	var buf bytes.Buffer
	report.New(report.Meta{Student: student, Banks: []string{"sample"}, PassPercent: pass}, res).Write(&buf, report.FormatJSON)
	path := filepath.Join(dir, student+".json")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func read(t *testing.T, path string) *report.Report {
	t.Helper()
	data, _ := os.ReadFile(path)
	rep, err := report.Read(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestApplyMarksAndRescores(t *testing.T) {
	dir := t.TempDir()
	pass := 95.0
	path := writeReport(t, dir, "Ana", &pass)
	before := read(t, path)
	if err := Apply(path, "sample", "ussr", quiz.Mark{Points: 0.5, Comment: "thin", Marker: "T"}, 2); err != nil {
		t.Fatal(err)
	}
	after := read(t, path)
	// The open question already counted in the maximum (its bank points,
	// 1); marked out of 2, the maximum moves by the difference.
	if after.MaxScore != before.MaxScore-1+2 || after.Score != before.Score+0.5 || after.Passed == nil || *after.Passed {
		t.Errorf("score %v/%v passed %v, was %v/%v", after.Score, after.MaxScore, after.Passed, before.Score, before.MaxScore)
	}
	// A second mark replaces the first; the student's words never change.
	if err := Apply(path, "sample", "ussr", quiz.Mark{Points: 2}, 2); err != nil {
		t.Fatal(err)
	}
	again := read(t, path)
	if len(again.Marks) != 1 || again.Marks[0].Points != 2 || again.Score != before.Score+2 {
		t.Errorf("marks %+v, score %v", again.Marks, again.Score)
	}
	for i, q := range again.Questions {
		if *q.Given != *before.Questions[i].Given {
			t.Errorf("%s: the answer changed", q.ID)
		}
	}
	for _, bad := range []float64{-1, 2.5, 0.3} {
		if err := Apply(path, "sample", "ussr", quiz.Mark{Points: bad}, 2); err == nil {
			t.Errorf("%v points accepted", bad)
		}
	}
	if err := Apply(path, "sample", "capital", quiz.Mark{Points: 1}, 1); !errors.Is(err, ErrNotFound) {
		t.Errorf("a mark of a question that is not open: %v", err)
	}
}

func TestCollectByQuestionSkipsMarked(t *testing.T) {
	dir := t.TempDir()
	a := writeReport(t, dir, "Ana", nil)
	writeReport(t, dir, "Bo", nil)
	Apply(a, "sample", "ussr", quiz.Mark{Points: 1}, 1)
	l, _ := List([]string{dir})
	qs, errs, _, _ := Collect(l.Files, nil, Filter{})
	if len(errs) != 0 || len(qs) != 1 || len(qs[0].Answers) != 1 || qs[0].Answers[0].Student != "Bo" {
		t.Fatalf("%v %+v", errs, qs)
	}
	qs, _, _, _ = Collect(l.Files, nil, Filter{Remark: true, Student: "ana"})
	if len(qs) != 1 || len(qs[0].Answers) != 1 || qs[0].Answers[0].Mark == nil {
		t.Errorf("--remark --student ana: %+v", qs)
	}
	if qs, _, _, _ := Collect(l.Files, nil, Filter{Question: "capital"}); len(qs) != 0 {
		t.Errorf("a question that is not open gathered: %+v", qs)
	}
}

func TestLockRefusesASecondRun(t *testing.T) {
	dir := t.TempDir()
	files := []string{filepath.Join(dir, "a.json")}
	unlock, err := Lock(files, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var busy *BusyError
	if _, err := Lock(files, time.Now()); !errors.As(err, &busy) || !strings.Contains(err.Error(), "pid") {
		t.Errorf("a second lock: %v", err)
	}
	unlock()
	// The lock file is not left in the class folder (attack5 N5).
	if _, err := os.Lstat(filepath.Join(dir, LockName)); err == nil {
		t.Errorf("%s left after unlock", LockName)
	}
	unlock2, err := Lock(files, time.Now())
	if err != nil {
		t.Fatalf("after unlock: %v", err)
	}
	// A lock file that is no longer ours (removed, then made anew by
	// someone else) is left alone.
	lock := filepath.Join(dir, LockName)
	os.Remove(lock)
	os.WriteFile(lock, []byte("theirs\n"), 0o644)
	unlock2()
	if got, _ := os.ReadFile(lock); string(got) != "theirs\n" {
		t.Errorf("another's lock file: %q", got)
	}
}

func TestReadCSV(t *testing.T) {
	in := "student,file,score,ussr,ussr:answer,ussr:comment,capital\r\n" +
		"Ana,'=a.json,1,1.5,text,'=fine,1\r\n" +
		"Bo,b.json,1,,text,,1\r\n" +
		"Cem,c.json,1,lots,text,,1\r\n"
	got, probs := ReadCSV("m.csv", strings.NewReader(in))
	if len(got) != 1 || got[0].File != "=a.json" || got[0].Points != 1.5 || got[0].Comment != "=fine" || got[0].ID != "ussr" || got[0].Line != 2 {
		t.Errorf("entries %+v", got)
	}
	if len(probs) != 1 || !strings.Contains(probs[0].Error(), `m.csv:4: question "ussr": "lots" is not a number of points`) {
		t.Errorf("problems %v", probs)
	}
	if _, probs := ReadCSV("m.csv", strings.NewReader("student,score\n")); len(probs) != 1 || !strings.Contains(probs[0].Error(), "no file column") {
		t.Errorf("no file column: %v", probs)
	}
}

// A mark moves the score by its points only: closed questions' rounded
// points (0.67 for 2/3) are not summed again, and other tags keep their
// scores (test10 W3).
func TestApplyScoreMatchesGrade(t *testing.T) {
	file := filepath.Join(t.TempDir(), "r.json")
	q := `{"id":"%s","bank":"b","type":"%s","prompt":"P","given":"x","correct":null,"points":%s,"max_points":%s,"seconds":1,"tags":["%s"]}`
	body := `{"schema_version":2,"student":"Ana","banks":["b"],"seed":1,"mode":"exam","status":"complete","ended_by":"",` +
		`"started_at":"2026-01-01T00:00:00Z","finished_at":"2026-01-01T00:01:00Z","seconds":60,"score":2,"max_score":3,"percent":66.67,` +
		`"answered":4,"not_reached":0,"by_tag":[{"tag":"x","questions":3,"score":2,"max_score":3,"percent":66.67}],"questions":[` +
		fmt.Sprintf(q, "a", "multi", "0.67", "1", "x") + "," + fmt.Sprintf(q, "b", "multi", "0.67", "1", "x") + "," +
		fmt.Sprintf(q, "c", "multi", "0.67", "1", "x") + "," + fmt.Sprintf(q, "essay", "open", "0", "0", "y") + "]}"
	os.WriteFile(file, []byte(body), 0o644)
	if err := Apply(file, "b", "essay", quiz.Mark{Points: 1}, 1); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(file)
	rep, err := report.Read(file, data)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Score != 3 || rep.MaxScore != 4 || rep.Percent != 75 {
		t.Errorf("score %v/%v %v%%, want 3/4 75%%", rep.Score, rep.MaxScore, rep.Percent)
	}
	for _, ts := range rep.ByTag {
		if ts.Tag == "x" && ts.Score != 2 {
			t.Errorf("tag x moved to %v", ts.Score)
		}
	}
}

// A gradebook comes back from a spreadsheet in the dialect it saves: every one
// of these is read as the plain CSV is (test10 B4).
func TestReadCSVDialects(t *testing.T) {
	plain := "student,file,score,disc/ussr,disc/ussr:answer,disc/ussr:comment,comp/ussr,comp/ussr:answer,comp/ussr:comment\n" +
		"Ana,a.json,1,1.5,\"text, with a comma\",good,0,x,\"empty; really\"\n"
	dialects := map[string]string{
		"plain":               plain,
		"CRLF":                strings.ReplaceAll(plain, "\n", "\r\n"),
		"BOM":                 "\ufeff" + plain,
		"BOM, quoted headers": "\ufeff\"student\",\"file\",\"score\",\"disc/ussr\",\"disc/ussr:answer\",\"disc/ussr:comment\",\"comp/ussr\",\"comp/ussr:answer\",\"comp/ussr:comment\"\r\n" + strings.SplitAfter(plain, "\n")[1],
		"semicolons":          "student;file;score;disc/ussr;disc/ussr:answer;disc/ussr:comment;comp/ussr;comp/ussr:answer;comp/ussr:comment\r\nAna;a.json;1;1,5;text, with a comma;good;0;x;\"empty; really\"\r\n",
		"BOM, quoted, ;":      "\ufeff\"student\";\"file\";\"score\";\"disc/ussr\";\"disc/ussr:answer\";\"disc/ussr:comment\";\"comp/ussr\";\"comp/ussr:answer\";\"comp/ussr:comment\"\r\n\"Ana\";\"a.json\";1;\"1,5\";\"text, with a comma\";good;0;x;\"empty; really\"\r\n",
		"sep= line":           "sep=;\r\nstudent;file;score;disc/ussr;disc/ussr:answer;disc/ussr:comment;comp/ussr;comp/ussr:answer;comp/ussr:comment\r\nAna;a.json;1;1,5;t;good;0;x;\"empty; really\"\r\n",
		"tabs":                strings.ReplaceAll(strings.ReplaceAll(plain, ",", "\t"), "\"text\t with a comma\"", "text, with a comma"),
	}
	for name, in := range dialects {
		t.Run(name, func(t *testing.T) {
			got, probs := ReadCSV("m.csv", strings.NewReader(in))
			if len(probs) > 0 {
				t.Fatalf("problems: %v", probs)
			}
			if len(got) != 2 {
				t.Fatalf("entries %+v, want 2", got)
			}
			// Sorted by column name: comp/ussr, then disc/ussr.
			if got[0].ID != "comp/ussr" || got[0].Points != 0 || got[0].Comment != "empty; really" || got[0].File != "a.json" {
				t.Errorf("comp/ussr: %+v", got[0])
			}
			if got[1].ID != "disc/ussr" || got[1].Points != 1.5 || got[1].Comment != "good" {
				t.Errorf("disc/ussr: %+v", got[1])
			}
		})
	}
}

// An older CSV whose header repeats an id shared by two banks cannot say
// which answer a mark is for: it is refused by name, not given to the first
// (test10 W2).
func TestReadCSVRepeatedID(t *testing.T) {
	in := "student,file,ussr,ussr:answer,ussr:comment,ussr,ussr:answer,ussr:comment\nAna,a.json,1,x,c1,0,y,c2\n"
	got, probs := ReadCSV("m.csv", strings.NewReader(in))
	if len(got) != 0 || len(probs) != 1 || !strings.Contains(probs[0].Error(), "two columns are named ussr") {
		t.Errorf("entries %+v, problems %v", got, probs)
	}
}

// An id-only column (an older CSV) is used when the report has one open
// question with that id, and refused when two banks' questions share it.
func TestTargetIDOnly(t *testing.T) {
	dir := t.TempDir()
	q := `{"id":"%s","bank":"%s","type":"open","prompt":"P","given":"g","correct":null,"points":0,"max_points":1,"seconds":1,"tags":[]}`
	write := func(name string, qs ...string) string {
		file := filepath.Join(dir, name)
		body := `{"schema_version":2,"student":"Ana","banks":["comp","disc"],"seed":1,"mode":"exam","status":"complete","ended_by":"",` +
			`"started_at":"2026-01-01T00:00:00Z","finished_at":"2026-01-01T00:01:00Z","seconds":60,"score":0,"max_score":0,"percent":0,` +
			`"answered":2,"not_reached":0,"by_tag":[],"questions":[` + strings.Join(qs, ",") + "]}"
		os.WriteFile(file, []byte(body), 0o644)
		return file
	}
	// As mark --from finds a row's question: a batch of one file.
	find := func(file, id string) (Found, error) {
		return (&batch{files: map[string]*pending{}}).target(file, id, nil)
	}
	one := write("one.json", fmt.Sprintf(q, "ussr", "disc"))
	if f, err := find(one, "ussr"); err != nil || f.Bank != "disc" {
		t.Errorf("one ussr: bank %q, %v", f.Bank, err)
	}
	two := write("two.json", fmt.Sprintf(q, "ussr", "comp"), fmt.Sprintf(q, "ussr", "disc"))
	if _, err := find(two, "ussr"); err == nil || !strings.Contains(err.Error(), "is in banks comp and disc") {
		t.Errorf("two ussr by id alone: %v", err)
	}
	for _, bank := range []string{"comp", "disc"} {
		f, err := find(two, bank+"/ussr")
		got := f.Bank
		if err != nil || got != bank {
			t.Fatalf("%s/ussr: bank %q, %v", bank, got, err)
		}
		if err := Apply(two, got, bank+"/ussr", quiz.Mark{Points: 1, Comment: bank}, 1); err != nil {
			t.Fatal(err)
		}
	}
	data, _ := os.ReadFile(two)
	rep, err := report.Read(two, data)
	if err != nil {
		t.Fatal(err)
	}
	if m := rep.MarkFor("comp", "ussr"); m == nil || m.Comment != "comp" {
		t.Errorf("comp/ussr mark %+v", m)
	}
	if m := rep.MarkFor("disc", "ussr"); m == nil || m.Comment != "disc" {
		t.Errorf("disc/ussr mark %+v", m)
	}
}

// Two runs that reach one report by different paths, a folder of links to
// the reports or a link to their folder, take one lock (attack4 #1).
func TestLockSeesThroughLinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "class")
	os.Mkdir(real, 0o755)
	file := filepath.Join(real, "a.yaml")
	os.WriteFile(file, []byte("student: A\n"), 0o644)
	links := filepath.Join(dir, "links")
	os.Mkdir(links, 0o755)
	if err := os.Symlink(filepath.Join("..", "class", "a.yaml"), filepath.Join(links, "a.yaml")); err != nil {
		t.Skip(err)
	}
	os.Symlink(real, filepath.Join(dir, "linked"))
	unlock, err := Lock([]string{file}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	for _, other := range []string{filepath.Join(links, "a.yaml"), filepath.Join(dir, "linked", "a.yaml")} {
		var busy *BusyError
		if u, err := Lock([]string{other}, time.Now()); !errors.As(err, &busy) {
			t.Errorf("%s: a second run locked it: %v", other, err)
			if u != nil {
				u()
			}
		}
	}
}

// A report saved again with a byte order mark (Notepad) is marked; a mark
// records the digest of the answer it was given for, and a mark meant for
// another text is refused (attack4 #3, #9).
func TestApplyReportWithBOMAndDigest(t *testing.T) {
	path := writeReport(t, t.TempDir(), "Ana", nil)
	data, _ := os.ReadFile(path)
	os.WriteFile(path, append([]byte("\ufeff"), data...), 0o644)
	if err := Apply(path, "sample", "ussr", quiz.Mark{Points: 1, Answer: quiz.AnswerDigest("another answer")}, 2); !errors.Is(err, ErrChanged) {
		t.Errorf("a mark for another answer: %v", err)
	}
	if err := Apply(path, "sample", "ussr", quiz.Mark{Points: 1}, 2); err != nil {
		t.Fatal(err)
	}
	rep := read(t, path)
	if len(rep.Marks) != 1 || rep.Marks[0].Fits(givenOf(rep, "ussr")) != "" {
		t.Errorf("marks %+v", rep.Marks)
	}
}

func givenOf(rep *report.Report, id string) string {
	for _, q := range rep.Questions {
		if q.ID == id && q.Given != nil {
			return *q.Given
		}
	}
	return ""
}

// mark reads a folder as grade does: the same files in the same order, so
// the student mark shows first is the one grade lists first, and a folder's
// hidden files (settings, "._" copies) are neither graded nor marked.
func TestReportsListsWhatGradeGrades(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"tigran.yaml", "Ana.json", ".conflictq.yaml", "._Ana.json", "notes.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	named := filepath.Join(t.TempDir(), "zoe.json")
	os.WriteFile(named, []byte("{}"), 0o644)
	l, err := List([]string{named, dir})
	if err != nil {
		t.Fatal(err)
	}
	got := l.Files
	want := append([]string{named}, grade.SheetsIn(dir, nil, nil, nil)...)
	if !slices.Equal(got, want) || len(got) != 3 || filepath.Base(got[1]) != "Ana.json" {
		t.Errorf("List = %v, want %v", got, want)
	}
	if _, err := List([]string{filepath.Join(dir, "missing")}); err == nil {
		t.Error("a missing input is not an error")
	}
}
