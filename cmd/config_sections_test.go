package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A command's section written as one value or a list sets nothing: it is
// refused with the file, the line, the key and the shape expected, exit 2,
// as a bad value is, for every command alike (attack9 #10). An empty
// section sets nothing, and a name that is a flag's too (bank) is that
// flag's value.
func TestConfigSectionOfTheWrongShape(t *testing.T) {
	tests := []struct {
		settings string
		args     []string
		want     string // "" : accepted
	}{
		{"define: true\n", []string{"define", "khojaly"}, `c.yaml:1: define: expected the define command's settings, one per line under it (such as "define:" then "  full: ..."), found "true"`},
		{"student: A\nquiz: true\n", []string{"define", "khojaly"}, `c.yaml:2: quiz: expected the quiz command's settings`},
		{"grade: 3\n", []string{"define", "khojaly"}, `c.yaml:1: grade: expected the grade command's settings, one per line under it (such as "grade:" then "  bank: ..."), found "3"`},
		{"define: [full]\n", []string{"define", "khojaly"}, `c.yaml:1: define: expected the define command's settings, one per line under it (such as "define:" then "  full: ..."), found a list`},
		{"mark: yes\n", []string{"version"}, `c.yaml:1: mark: expected the mark command's settings`},
		{"define:\n  full: true\n", []string{"define", "khojaly"}, ""},
		{"quiz:\n#  bank: timeline\n", []string{"define", "khojaly"}, ""},
		{"quiz: ~\n", []string{"define", "khojaly"}, ""},
		{"bank: timeline\n", []string{"define", "khojaly"}, ""},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "c.yaml"), []byte(tt.settings), 0o644); err != nil {
			t.Fatal(err)
		}
		f, _, out, errOut := testFactory(t)
		t.Chdir(dir)
		code := Run(f, append([]string{"--config", "c.yaml"}, tt.args...))
		if tt.want == "" {
			if code != 0 || errOut.Len() > 0 {
				t.Errorf("%q: exit %d, stderr %q; want it read", tt.settings, code, errOut)
			}
			continue
		}
		if code != ExitInvalid || !strings.Contains(errOut.String(), tt.want) || out.Len() > 0 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and %q", tt.settings, code, out, errOut, tt.want)
		}
	}
}

// help is a command's name and every command's flag: "help: true" in
// settings was passed over without a word (attack10 #10). Like every flag
// about one run, it is not read from settings, and the warning says so.
func TestConfigHelpIsNotASetting(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "c.yaml"), []byte("help: true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, _, out, errOut := testFactory(t)
	t.Chdir(dir)
	code := Run(f, []string{"--config", "c.yaml", "define", "khojaly", "--short"})
	if code != 0 || out.Len() == 0 || !strings.Contains(errOut.String(), `c.yaml:1: warning: "help" applies to one run only and is not read from settings; give it as a flag`) {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
