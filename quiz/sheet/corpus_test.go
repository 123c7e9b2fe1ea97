package sheet

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// refusedBefore are the sheets of the command scripts that 1ea6f17 (the
// reader before inline answers were read as typed) refused too: they test
// the refusal.
var refusedBefore = map[string]bool{
	"answers_sheet.txtar/broken.yaml":    true,
	"grade.txtar/bad.yaml":               true,
	"grade.txtar/latin1.yaml":            true,
	"hardening.txtar/multi.yaml":         true,
	"sheet_read_as_typed.txtar/bad.yaml": true,
}

// No sheet that 1ea6f17 read is refused now (attack11 #1: a quote or list
// continued at the id's indent, with a colon answer elsewhere, lost the whole
// sheet; attack13 #1: the same at column 0, or over a comment line). The
// corpus: the attackers' sheets (testdata/attack11, attack13 and attack14, every one of
// which reads now, including those 1ea6f17 refused) and every sheet in the
// command scripts.
func TestCorpusSheetsRead(t *testing.T) {
	files, err := filepath.Glob("testdata/attack11/*.yaml")
	more, err13 := filepath.Glob("testdata/attack13/*.yaml")  // attack13 #1: the same at column 0
	glued, err14 := filepath.Glob("testdata/attack14/*.yaml") // attack14 #1: graded in glued_labels_test.go
	if err != nil || err13 != nil || err14 != nil || len(files) < 20 || len(more) < 9 || len(glued) < 15 {
		t.Fatalf("corpus: %v %v %v %v %v", files, more, err, err13, err14)
	}
	files = append(append(files, more...), glued...)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Read(filepath.Base(f), 0, data); err != nil {
			t.Errorf("%s: refused: %v", f, err)
		}
	}
	scripts, _ := filepath.Glob("../../cmd/testdata/script/*.txtar")
	n := 0
	for _, sc := range scripts {
		ar, err := txtar.ParseFile(sc)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if !strings.HasSuffix(f.Name, ".yaml") || !strings.Contains("\n"+string(f.Data), "\nanswers:") {
				continue
			}
			name := filepath.Base(sc) + "/" + f.Name
			n++
			_, err := Read(f.Name, 0, f.Data)
			if err != nil && !refusedBefore[name] {
				t.Errorf("%s: refused: %v", name, err)
			}
			if err == nil && refusedBefore[name] {
				t.Errorf("%s: read; the script tests its refusal", name)
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d sheets in the scripts", n)
	}
}

// The attacker's sheets read as 1ea6f17 read them, but for what attack11
// found wrong: each answer below is what the student typed.
func TestCorpusAnswers(t *testing.T) {
	for _, tt := range []struct{ file, id, want string }{
		{"min1.yaml", "town-name", "Khojaly or Xocali"},
		{"min1.yaml", "hrw-rejected", "Human Rights Watch: HRW"},
		{"min2.yaml", "regional-powers", "[a c d]"},
		{"e1c.yaml", "town-name", "'cause they wanted"}, // #3: no longer swallows the answers below
		{"e1c.yaml", "hrw-rejected", "HRW"},
		{"e1c.yaml", "recognition-count", "false"},
		{"e1c.yaml", "who-documented", "the Armenians'"},
		{"h4.yaml", "war-deaths", "> 20000"}, // #5: the comparison is kept
		{"h4.yaml", "hrw-rejected", "Human Rights Watch"},
		{"ls4.yaml", "what-was-the-soviet-union", "A union of republics\u2028from 1922 to 1991."}, // #8
		// attack13 #1: a quote or list continued at column 0, or over a
		// comment line, reads as YAML reads it whatever the other
		// answers hold; one left open is read as typed, with its lines.
		{"../attack13/b3.yaml", "regional-powers", "[a c d]"},
		{"../attack13/b3.yaml", "hrw-rejected", "HRW: x"},
		{"../attack13/a8.yaml", "town-name", "Khojaly or Xocali"},
		{"../attack13/a8.yaml", "hrw-rejected", "Human Rights Watch: HRW"},
		{"../attack13/a7.yaml", "town-name", "Khojaly # a comment or Xocali"},
		{"../attack13/f1.yaml", "town-name", "Khojaly or Xocali"},
		{"../attack13/f1.yaml", "hrw-rejected", "Human Rights Watch: HRW"},
		{"../attack13/f3.yaml", "regional-powers", "[a c d]"},
		{"../attack13/f3.yaml", "hrw-rejected", "Human Rights Watch: HRW"},
		{"../attack13/f5.yaml", "town-name", "Khojaly\nor Xocali"},
		{"../attack13/g1.yaml", "regional-powers", "[a c]"},
		{"../attack13/h1.yaml", "town-name", `"Khojaly or "Xocali"`},
		{"../attack13/d1.yaml", "regional-powers", "[a, c, d"},
		{"../attack13/d1.yaml", "caspian", "Caspian: Sea"},
	} {
		data, err := os.ReadFile(filepath.Join("testdata/attack11", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		s, err := Read(tt.file, 0, data)
		if err != nil {
			t.Errorf("%s: %v", tt.file, err)
			continue
		}
		v, _ := s.Answer(tt.id)
		got := v.Text
		if v.List != nil {
			got = fmt.Sprint(v.List)
		}
		if strings.TrimSpace(got) != tt.want {
			t.Errorf("%s: %s read %q, want %q", tt.file, tt.id, got, tt.want)
		}
	}
}
