package sheet

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/conflictq/conflictq/quiz/internal/yamlnode"
)

// Every sheet any test of this package reads through parseWithoutComments
// is parsed again with its comments, and the two trees must be the same
// but for comments on lines of their own (which reading does not use):
// the package's hundreds of hostile and broken sheets check it.
func init() {
	checkSkipComments = func(data []byte, root *yaml.Node) {
		full, ok := yamlnode.Parse(func(int, string, string, string, ...any) {}, data, false)
		if !ok {
			panic(fmt.Sprintf("parseWithoutComments read a sheet YAML refuses with its comments:\n%s", data))
		}
		if d := treeDiff(root, full, "/"); d != "" {
			panic(fmt.Sprintf("parseWithoutComments reads a sheet otherwise than with its comments: %s\n%s", d, data))
		}
	}
}

// treeDiff says where two YAML trees differ, but for their comments on
// lines of their own; "" when they do not.
func treeDiff(a, b *yaml.Node, at string) string {
	if a == nil || b == nil {
		if a != b {
			return at + ": one is nil"
		}
		return ""
	}
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Style != b.Style || a.Line != b.Line || a.Column != b.Column ||
		a.Anchor != b.Anchor || a.LineComment != b.LineComment || len(a.Content) != len(b.Content) {
		return fmt.Sprintf("%s: %+v against %+v", at, *a, *b)
	}
	if (a.Alias == nil) != (b.Alias == nil) {
		return at + ": alias"
	}
	for i := range a.Content {
		if d := treeDiff(a.Content[i], b.Content[i], fmt.Sprintf("%s%d/", at, i)); d != "" {
			return d
		}
	}
	return ""
}

// A sheet as conflictq writes it is read without its comments; sheets with
// a # line where it may be text are read with them, and read the same.
func TestParseWithoutComments(t *testing.T) {
	head := "# a sheet\nstudent: Ana\nbanks: [comprehension]\nanswers:\n  # 1. A question\n  #    a) a choice\n"
	for _, tt := range []struct {
		name, answers string
		fast          bool
	}{
		{"plain answers", "  town: Khojaly\n  # 2. next\n  year: 1992\n", true},
		{"open answer under |", "  open: |\n    It was a town.\n    # not a comment\n  # 3. next\n  year: 1992\n", false},
		{"open answer then comment", "  open: |\n    It was a town.\n  # 3. next\n  year: 1992\n", true},
		{"quoted over lines", "  town: \"Khojaly\n  # Xocali\"\n  year: 1992\n", false},
		{"plain over lines", "  town: Khojaly\n    and more\n  # 3. next\n  year: 1992\n", true},
		{"comment in a plain answer", "  town: Khojaly\n  # 2.\n    Xocali\n", false},
		{"empty answer, comment", "  town: #2 is\n  # 2. next\n  year:\n", true},
		{"flow list over lines", "  seas: [a,\n  # c\n    b]\n", true},
		{"student block", "", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(head + tt.answers)
			if tt.name == "student block" {
				data = []byte("student: |\n  Ana\n  # Mammadova\nbanks: [comprehension]\nanswers:\n  town: x\n")
				tt.fast = false
			}
			_, fast := parseWithoutComments(data)
			if fast != tt.fast {
				t.Errorf("read without comments: %v, want %v", fast, tt.fast)
			}
			skipComments = false
			want, wantErr := Read("a.yaml", 0, data)
			skipComments = true
			got, err := Read("a.yaml", 0, data)
			if fmt.Sprint(err) != fmt.Sprint(wantErr) || fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
				t.Errorf("read %+v, %v; with comments %+v, %v", got, err, want, wantErr)
			}
		})
	}
}

// FuzzSkipComments: whatever parseWithoutComments reads, it reads as the
// full parse does (checkSkipComments panics otherwise).
func FuzzSkipComments(f *testing.F) {
	filepath.WalkDir("testdata", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if data, err := os.ReadFile(path); err == nil {
				f.Add(data)
			}
		}
		return nil
	})
	f.Add([]byte("student: Ana\nanswers:\n  # 1.\n  a: |\n    x\n  # 2.\n  b: \"y\n  # z\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if root, ok := parseWithoutComments(data); ok {
			checkSkipComments(data, root)
		}
	})
}
