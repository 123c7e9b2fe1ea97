package marking

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// markSheet writes data as a sheet, gives question q two marks in a row (the
// second a re-mark) and returns the file's bytes after each.
func markSheet(t *testing.T, name, data string) (first, second []byte) {
	t.Helper()
	file := filepath.Join(t.TempDir(), name)
	os.WriteFile(file, []byte(data), 0o644)
	at := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	if err := Apply(file, "b", "q", quiz.Mark{Points: 1, Comment: "ok", Marker: "T", At: at}, 2); err != nil {
		t.Fatalf("%s: first mark: %v", name, err)
	}
	first, _ = os.ReadFile(file)
	if err := Apply(file, "b", "q", quiz.Mark{Points: 2, Comment: "after the appeal", Marker: "T", At: at}, 2); err != nil {
		t.Fatalf("%s: re-mark: %v\n%s", name, err, first)
	}
	second, _ = os.ReadFile(file)
	s, err := sheet.Read(file, 0, second)
	if err != nil || len(s.Marks) != 1 || s.Marks[0].Points != 2 {
		t.Fatalf("%s: reads back %+v, %v\n%s", name, s, err, second)
	}
	return first, second
}

// A re-mark replaces the marks section's own lines and nothing else: a
// student's comment below it or inside it stays, byte for byte (attack4 #2).
func TestRemarkKeepsComments(t *testing.T) {
	appeal := "# Ana, 4 Dec: I think my answer deserves 1 point: I named both\n# names of the region. Please look again.\n"
	head := "student: Ana\nanswers:\n  q: |\n    A region.\n"
	for _, c := range []struct{ name, data, keep string }{
		{"appeal below", head, appeal},
		{"note under marks {}", "student: Ana\nmarks: {}\n" + appeal + "answers:\n  q: |\n    A region.\n", appeal},
		{"indented note, no final break", head + "marks:\n  q: {points: 0}\n  # look again, please", "  # look again, please\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := c.data
			if c.name == "appeal below" {
				// The appeal comes after the first mark.
				file := filepath.Join(t.TempDir(), "a.yaml")
				os.WriteFile(file, []byte(data), 0o644)
				if err := Apply(file, "b", "q", quiz.Mark{Points: 0, At: time.Unix(0, 0)}, 2); err != nil {
					t.Fatal(err)
				}
				b, _ := os.ReadFile(file)
				data = string(b) + appeal
			}
			_, got := markSheet(t, "a.yaml", data)
			if !bytes.Contains(got, []byte(c.keep)) {
				t.Errorf("the comment is gone:\n%s", got)
			}
			if !strings.Contains(string(got), "after the appeal") {
				t.Errorf("not re-marked:\n%s", got)
			}
		})
	}
}

// A "# ..." line of a teacher's multi-line comment is the comment's, not a
// student's line to keep apart.
func TestRemarkMultiLineComment(t *testing.T) {
	data := "student: Ana\nanswers:\n  q: |\n    A region.\nmarks:\n  q:\n    points: 1\n    comment: |-\n      see\n      # 2\n"
	_, got := markSheet(t, "a.yaml", data)
	if bytes.Contains(got, []byte("# 2")) {
		t.Errorf("a line of the old comment was kept:\n%s", got)
	}
}

// YAML's other line breaks (CR alone, NEL, U+2028) count as lines when the
// marks section is found, so a second mark replaces it (attack4 #7).
func TestRemarkOtherLineBreaks(t *testing.T) {
	for name, data := range map[string]string{
		"CR only":  "student: Ana\ranswers:\r  q: |\r    A region.\r",
		"U+2028":   "student: Ana\nanswers:\n  p: \"one\u2028two\"\n  q: |\n    A region.\n",
		"NEL":      "student: Ana\nanswers:\n  p: \"one\u0085two\"\n  q: |\n    A region.\n",
		"PS, CRLF": "student: Ana\r\nanswers:\r\n  p: \"one\u2029two\"\r\n  q: |\r\n    A region.\r\n",
	} {
		t.Run(name, func(t *testing.T) {
			first, second := markSheet(t, "a.yaml", data)
			if !bytes.HasPrefix(first, []byte(data)) || !bytes.HasPrefix(second, []byte(data)) {
				t.Errorf("the student's bytes changed:\n%q\n%q", first, second)
			}
		})
	}
}

// A JSON sheet saved with a byte order mark is marked, the mark kept after
// it (attack4 #9).
func TestMarkJSONSheetWithBOM(t *testing.T) {
	data := "\ufeff{\"student\": \"Ana\", \"answers\": {\"q\": \"A region\"}}\n"
	first, second := markSheet(t, "a.json", data)
	if !bytes.HasPrefix(first, []byte("\ufeff{\"student\": \"Ana\", \"answers\": {\"q\": \"A region\"}")) || !bytes.HasPrefix(second, []byte("\ufeff{")) {
		t.Errorf("%q", second)
	}
}

// A sheet a marks section cannot be added to is left as it was, and the
// message fits the sheet: a document marker at its end, a sheet indented as
// a whole, a sheet just under the line cap (attack4 #13, #14).
func TestMarkRefusedInWordsThatFit(t *testing.T) {
	long := "student: Ana\nanswers:\n  q: |\n" + strings.Repeat("    word\n", 99_995)
	for _, c := range []struct{ name, data, want string }{
		{"trailing ---", "student: Ana\nanswers:\n  q: A region.\n---\n", "the sheet ends with a --- line"},
		{"indented", "  student: Ana\n  answers:\n    q: A region.\n", "every line of the sheet is indented"},
		{"near the cap", long, "more than the 100000 conflictq reads"},
	} {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "a.yaml")
			os.WriteFile(file, []byte(c.data), 0o644)
			err := Apply(file, "b", "q", quiz.Mark{Points: 1}, 2)
			if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "block style") {
				t.Errorf("%v", err)
			}
			if got, _ := os.ReadFile(file); string(got) != c.data {
				t.Error("the sheet changed")
			}
		})
	}
}

// A CRLF sheet gets its marks section with CRLF line ends, first mark and
// re-mark, so the file never mixes line ends (attack5 N7).
func TestMarkKeepsCRLF(t *testing.T) {
	for _, data := range []string{
		"student: Ana\r\nanswers:\r\n  q: |\r\n    A region.\r\n    Two names.\r\n",
		"student: Ana\r\nanswers:\r\n  q: a region", // no final line end
	} {
		first, second := markSheet(t, "a.yaml", data)
		for _, got := range [][]byte{first, second} {
			if n, crlf := bytes.Count(got, []byte("\n")), bytes.Count(got, []byte("\r\n")); n != crlf || n < 8 {
				t.Errorf("%d line ends, %d CRLF:\n%q", n, crlf, got)
			}
			if !bytes.HasPrefix(got, []byte(data)) {
				t.Errorf("the student's lines changed:\n%q", got)
			}
		}
	}
}

// A marks section above a match answer grows as marks are added, moving the
// lines of the answer's pairs: the sheet still reads the same, and is marked
// (attack18 F2).
func TestMarkSectionAboveMatchAnswer(t *testing.T) {
	for _, c := range []struct{ name, data string }{
		{"yaml flow", "student: Ana\nmarks: {}\nanswers:\n  q: A region.\n  pairs: {1: a, 2: b, 3: c}\n"},
		{"yaml block", "student: Ana\nmarks: {}\nanswers:\n  q: A region.\n  pairs:\n    1: a\n    2: b\n    3: c\n"},
		{"json", "{\n  \"student\": \"Ana\",\n  \"marks\": {},\n  \"answers\": {\n    \"q\": \"A region.\",\n    \"pairs\": {\n      \"1\": \"a\",\n      \"2\": \"b\",\n      \"3\": \"c\"\n    }\n  }\n}\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			name := "a.yaml"
			if strings.HasPrefix(c.name, "json") {
				name = "a.json"
			}
			markSheet(t, name, c.data)
		})
	}
}
