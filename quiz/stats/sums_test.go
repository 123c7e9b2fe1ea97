package stats

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// MergeFiles refuses a file given twice (also through a link) and a file
// that is not sums, naming it.
func TestMergeFilesRefuses(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte("[1, 2]"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := MergeFiles([]string{bad}, nil); err == nil || err.Error() != bad+": not conflictq statistics sums (written by grade --sums)" {
		t.Errorf("not sums: %v", err)
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(bad, link); err != nil {
		t.Skip(err)
	}
	if _, err := MergeFiles([]string{link, bad}, nil); err == nil || !strings.Contains(err.Error(), "not conflictq statistics sums") {
		t.Errorf("link first: %v", err)
	}
	good := filepath.Join(dir, "good.json")
	data, err := json.Marshal(New([]string{"q1"}, []float64{1}))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := MergeFiles([]string{good, filepath.Join(dir, ".", "good.json")}, nil); err == nil || !strings.Contains(err.Error(), "is given twice") {
		t.Errorf("given twice: %v", err)
	}
	// From a folder reached through a link, as a shell keeps it ($PWD):
	// good.json and its physical path are one file (attack22 L2).
	linked := filepath.Join(t.TempDir(), "L")
	if err := os.Symlink(dir, linked); err != nil {
		t.Fatal(err)
	}
	t.Chdir(linked)
	t.Setenv("PWD", linked)
	if _, err := MergeFiles([]string{"good.json", good}, nil); err == nil || !strings.Contains(err.Error(), "is given twice") {
		t.Errorf("given twice, from a linked folder: %v", err)
	}
	// A hard link is the same file by another name, which no path
	// resolving unifies: refused, naming both (lows28).
	hard := filepath.Join(dir, "hard.json")
	if err := os.Link(good, hard); err != nil {
		t.Skip(err)
	}
	want := hard + " is given twice (it is the same file as " + good + "): its students would be counted twice"
	if _, err := MergeFiles([]string{good, hard}, nil); err == nil || err.Error() != want {
		t.Errorf("a hard link: %v, want %q", err, want)
	}
	// Two files of the same bytes are two classes' shards, merged.
	other := filepath.Join(dir, "other.json")
	if err := os.WriteFile(other, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := MergeFiles([]string{good, other}, nil); err != nil {
		t.Errorf("two files of the same bytes: %v", err)
	}
}

// A question's counts for none of its students (`{}` or null, which no
// conflictq wrote) are refused, naming the file and the question: they were
// read, and merged with another shard's they made sums for part of the
// students that summary then refused to read (recheck28 L5). Whatever
// MergeFiles merges, it reads back.
func TestMergeFilesRefusesMissingCounts(t *testing.T) {
	dir := t.TempDir()
	s := New([]string{"b/q1", "b/q2"}, []float64{1, 1})
	s.Add([]float64{1, 0})
	s.Add([]float64{0, 1})
	s.Add([]float64{1, 1})
	data, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.json")
	if err := os.WriteFile(good, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, empty := range []string{`{}`, `null`} {
		damaged := strings.Replace(string(data), `"rest":{"0":1,"1000000":2}`, `"rest":`+empty, 1)
		if damaged == string(data) {
			t.Fatalf("no rest scores to empty in %s", data)
		}
		bad := filepath.Join(dir, "bad.json")
		if err := os.WriteFile(bad, []byte(damaged), 0o644); err != nil {
			t.Fatal(err)
		}
		want := bad + `: the sums are damaged: question "b/q1": rest scores for 0 students, not 3`
		for _, paths := range [][]string{{bad}, {bad, good}, {good, bad}} {
			if _, err := MergeFiles(paths, nil); err == nil || err.Error() != want {
				t.Errorf("rest %s, %v: %v, want %q", empty, paths, err, want)
			}
		}
	}
	all, err := MergeFiles([]string{good, filepath.Join(dir, "other.json")}, nil)
	if err == nil {
		t.Fatalf("a missing file merged: %v", all)
	}
	other := filepath.Join(dir, "other.json")
	if err := os.WriteFile(other, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if all, err = MergeFiles([]string{good, other}, nil); err != nil {
		t.Fatal(err)
	}
	merged, err := json.Marshal(all)
	if err != nil {
		t.Fatal(err)
	}
	var back Stats
	if err := back.UnmarshalJSON(merged); err != nil {
		t.Errorf("the merged sums are refused: %v", err)
	}
}

// Sums whose sheets to mark or automatically marked questions' sums no
// grading could write are refused as damaged, saying what is wrong.
func TestSumsRefuseDamagedMarking(t *testing.T) {
	s := New([]string{"b/q1", "b/q2"}, []float64{1, 1})
	s.Add([]float64{1, 0})
	s.Add([]float64{0, 1})
	auto := New([]string{"b/q1"}, []float64{1})
	auto.Add([]float64{1})
	auto.Add([]float64{0})
	s.SetToMark(0, auto)
	data, err := s.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var back Stats
	if err := back.UnmarshalJSON(data); err != nil || back.auto == nil || back.auto.n != 2 {
		t.Fatalf("sums with their auto read back as %+v, %v", back.auto, err)
	}
	one := string(data)
	autoPart := one[strings.Index(one, `,"auto":`)+len(`,"auto":`) : len(one)-1]
	for _, c := range []struct{ sums, want string }{
		{strings.Replace(one, `,"auto":`, `,"sheets_to_mark":-1,"auto":`, 1), "2 students but -1 sheets to mark"},
		{strings.Replace(one, `,"auto":`, `,"sheets_to_mark":3,"auto":`, 1), "2 students but 3 sheets to mark"},
		{strings.Replace(one, `,"auto":`, `,"sheets_to_mark":1,"auto":`, 1), "the automatically marked questions' sums are not of the same 2 students"},
		{strings.Replace(one, `,"auto":{"conflictq_stats":1,"n":2`, `,"auto":{"conflictq_stats":1,"n":1`, 1), "the automatically marked questions' sums are not of the same 2 students"},
		{one[:len(one)-2] + `,"auto":` + autoPart + `}}`, "the automatically marked questions' sums are not of the same 2 students"},
		{one[:len(one)-2] + `,"sheets_to_mark":1}}`, "the automatically marked questions' sums are not of the same 2 students"},
	} {
		if c.sums == one {
			t.Fatalf("no edit for %q", c.want)
		}
		var s Stats
		if err := s.UnmarshalJSON([]byte(c.sums)); err == nil || err.Error() != "the sums are damaged: "+c.want {
			t.Errorf("%s: %v, want %q", c.sums, err, c.want)
		}
	}
}
