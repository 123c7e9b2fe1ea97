package iostreams

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPagerFromEnv(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"neither set", map[string]string{}, DefaultPager},
		{"PAGER", map[string]string{"PAGER": "more"}, "more"},
		{"CONFLICTQ_PAGER wins", map[string]string{"PAGER": "more", "CONFLICTQ_PAGER": "most"}, "most"},
		{"CONFLICTQ_PAGER empty turns it off", map[string]string{"PAGER": "more", "CONFLICTQ_PAGER": ""}, ""},
		{"PAGER empty turns it off", map[string]string{"PAGER": ""}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := PagerFromEnv(func(k string) (string, bool) { v, ok := tt.env[k]; return v, ok })
			if got != tt.want {
				t.Errorf("pager %q, want %q", got, tt.want)
			}
		})
	}
}

// fakePager writes a pager script that marks every line it shows.
func fakePager(t *testing.T, script string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "pager")
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+script+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestStartPager(t *testing.T) {
	marking := fakePager(t, "sed 's/^/paged: /'")
	tests := []struct {
		name  string
		tty   bool
		pager string
		paged bool
	}{
		{"terminal", true, marking, true},
		{"pipe or file: never", false, marking, false},
		{"cat turns it off", true, "cat", false},
		{"empty turns it off", true, "", false},
		{"missing program: written directly", true, filepath.Join(t.TempDir(), "no-such-pager") + " -R", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, out, errOut := Test()
			ios.SetStdoutTTY(tt.tty)
			ios.pager = tt.pager
			ios.StartPager()
			if _, err := ios.Out.Write([]byte("Khojaly\nXocalı\n")); err != nil {
				t.Fatalf("write: %v", err)
			}
			ios.StopPager()
			want := "Khojaly\nXocalı\n"
			if tt.paged {
				want = "paged: Khojaly\npaged: Xocalı\n"
			}
			if out.String() != want {
				t.Errorf("output %q, want %q", out, want)
			}
			if errOut.Len() > 0 {
				t.Errorf("stderr %q", errOut)
			}
			if _, ok := ios.Out.(*bytes.Buffer); !ok {
				t.Errorf("after StopPager output goes to %T, not standard output", ios.Out)
			}
		})
	}
}

// A reader who quits the pager before the end (q in less) has seen what
// they wanted: the writes that follow are not errors.
func TestPagerQuitEarlyIsNotAnError(t *testing.T) {
	ios, _, out, _ := Test()
	ios.SetStdoutTTY(true)
	ios.pager = fakePager(t, "head -n 1")
	ios.StartPager()
	line := strings.Repeat("x", 100) + "\n"
	for i := range 5000 { // far more than a pipe holds
		if _, err := ios.Out.Write([]byte(line)); err != nil {
			t.Fatalf("write %d: %v", i, err)
		}
	}
	ios.StopPager()
	if out.String() != line {
		t.Errorf("the pager showed %q", out)
	}
}

// less gets -FRX and a prompt that names its keys unless the user set $LESS
// (teacher14: "stops at ':'"); the user's own $LESS is left as it is.
func TestPagerLessOptions(t *testing.T) {
	for _, tt := range []struct {
		name, less string
		set        bool
		want       string
	}{
		{"unset: ours", "", false, LessOptions},
		{"the user's own", "-S", true, "-S"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("LESS", tt.less)
			if !tt.set {
				os.Unsetenv("LESS")
			}
			ios, _, out, _ := Test()
			ios.SetStdoutTTY(true)
			ios.pager = fakePager(t, `cat >/dev/null; printf '%s' "$LESS"`)
			ios.StartPager()
			ios.StopPager()
			if out.String() != tt.want {
				t.Errorf("LESS=%q, want %q", out, tt.want)
			}
		})
	}
	if !strings.HasPrefix(LessOptions, "FRX") || !strings.Contains(DefaultPager, "-FRX") {
		t.Errorf("the default less options %q and pager %q disagree", LessOptions, DefaultPager)
	}
}
