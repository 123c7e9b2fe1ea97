//go:build linux

package cmd

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
)

// mark --from stopped by SIGINT, SIGTERM or SIGHUP over many sheets stops as
// mark --plain does: exit 130, every mark saved so far kept, each sheet
// whole with both its marks or as it was, no temporary file, the lock
// released; a rerun gives the rest. It died of the signal, leaving the lock
// and often a .sNNN.yaml.tmp-N (attack24 M2). The signal goes to the whole
// test process, this test's own (ownProcess), from the clock mark reads
// for each mark's time: at the 30th of 120 marks.
func TestMarkFromStoppedBySignalKeepsEveryMark(t *testing.T) {
	if ownProcess(t) {
		return
	}
	const sheets = 60
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			dir, csvFile, origs := classToMarkFrom(t, sheets)
			f, _, _, errOut := testFactory(t)
			f.HandleSignals = true
			var calls atomic.Int32
			at := f.Now()
			f.Now = func() time.Time {
				if calls.Add(1) == 30 {
					syscall.Kill(os.Getpid(), sig)
				}
				return at
			}
			code := Run(f, []string{"mark", dir, "--from", csvFile, "--marker", "T"})
			if code != ExitInterrupted || !strings.Contains(errOut.String(), "Stopped; every mark given so far is saved") {
				t.Fatalf("exit %d, want %d:\n%s", code, ExitInterrupted, errOut)
			}
			left, _ := filepath.Glob(filepath.Join(dir, ".*"))
			if len(left) > 0 {
				t.Errorf("left %q", left)
			}
			saved := 0
			for i, orig := range origs {
				got, err := os.ReadFile(sheetFile(dir, i))
				switch {
				case err != nil:
					t.Fatal(err)
				case bytes.Equal(got, orig):
				case string(got) == string(orig)+markedFromCSV(i, at):
					saved += 2
				default:
					t.Errorf("sheet %d neither as it was nor with both its marks:\n%s", i, got)
				}
			}
			said := regexp.MustCompile(`(?m)^(\d+) marks read from `).FindStringSubmatch(errOut.String())
			if saved == 0 || saved == 2*sheets || said == nil || said[1] != strconv.Itoa(saved) {
				t.Errorf("%d of %d marks saved, want some and not all, as said:\n%s", saved, 2*sheets, errOut)
			}

			// The rerun gives the rest and keeps what was saved.
			f, _, _, errOut = testFactory(t)
			f.Now = func() time.Time { return at }
			if code := Run(f, []string{"mark", dir, "--from", csvFile, "--marker", "T"}); code != ExitOK {
				t.Fatalf("rerun: exit %d:\n%s", code, errOut)
			}
			want := fmt.Sprintf("%d marks read from %s and saved in the sheets (%d already there kept).", 2*sheets-saved, csvFile, saved)
			if !strings.Contains(errOut.String(), want) {
				t.Errorf("rerun: want %q:\n%s", want, errOut)
			}
		})
	}
}

// classToMarkFrom writes n paper sheets answering the two open questions
// q1 and q2, and a marks CSV that gives each its marks, and returns the
// sheets' folder, the CSV and each sheet as written.
func classToMarkFrom(t *testing.T, n int) (dir, csvFile string, origs [][]byte) {
	t.Helper()
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "three.yaml"), []byte(threeOpen), 0o644)
	dir = filepath.Join(root, "sheets")
	os.Mkdir(dir, 0o755)
	rows := [][]string{{"file", "student", "three/q1", "three/q1:answer", "three/q1:comment", "three/q2", "three/q2:answer", "three/q2:comment"}}
	for i := range n {
		sheet := []byte(fmt.Sprintf("student: S%03d\nbanks: [../three.yaml]\nanswers:\n  q1: first answer\n  q2: second answer\n", i))
		if err := os.WriteFile(sheetFile(dir, i), sheet, 0o644); err != nil {
			t.Fatal(err)
		}
		origs = append(origs, sheet)
		q1, q2 := sheetPoints(i)
		rows = append(rows, []string{sheetFile(dir, i), fmt.Sprintf("S%03d", i), q1, "", "c1", q2, "", "c2"})
	}
	var b bytes.Buffer
	csv.NewWriter(&b).WriteAll(rows)
	csvFile = filepath.Join(root, "marks.csv")
	os.WriteFile(csvFile, b.Bytes(), 0o644)
	return dir, csvFile, origs
}

func sheetFile(dir string, i int) string { return filepath.Join(dir, fmt.Sprintf("s%03d.yaml", i)) }

// sheetPoints are sheet i's marks: each its own, so that a mark in the
// wrong sheet shows.
func sheetPoints(i int) (q1, q2 string) {
	return strconv.Itoa(i % 3), strconv.FormatFloat(float64(i%4)/2, 'f', -1, 64)
}

// markedFromCSV is the marks section mark adds to sheet i.
func markedFromCSV(i int, at time.Time) string {
	q1, q2 := sheetPoints(i)
	mark := func(id, points, comment, answer string) string {
		return fmt.Sprintf("  %s:\n    points: %s\n    comment: %s\n    marker: T\n    time: %q\n    answer_sha256: %s\n",
			id, points, comment, at.UTC().Format(time.RFC3339), quiz.AnswerDigest(answer))
	}
	return "marks:\n" + mark("q1", q1, "c1", "first answer") + mark("q2", q2, "c2", "second answer")
}
