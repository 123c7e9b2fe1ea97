package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/cmd/internal/iostreams"
)

// attack16 #7: a relative XDG_STATE_HOME or XDG_CONFIG_HOME, or one that
// starts with a ~ the shell did not expand, is ignored, as the XDG Base
// Directory spec says: the default is used, with one note on stderr.
func TestXDGHomeIgnoresRelativePaths(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	if runtime.GOOS == "windows" {
		t.Setenv("USERPROFILE", home)
	}
	t.Chdir(t.TempDir())
	configDefault := filepath.Join(home, ".config")
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		configDefault, _ = os.UserConfigDir()
	}
	abs := filepath.Join(home, "elsewhere")
	for _, tc := range []struct {
		name, value, want string
		resolve           func(func(string) string, *bytes.Buffer) func() (string, error)
	}{
		{"XDG_STATE_HOME", "~/x", filepath.Join(home, ".local", "state", "conflictq"), stateResolver},
		{"XDG_STATE_HOME", "rel/x", filepath.Join(home, ".local", "state", "conflictq"), stateResolver},
		{"XDG_STATE_HOME", "", filepath.Join(home, ".local", "state", "conflictq"), stateResolver},
		{"XDG_STATE_HOME", abs, filepath.Join(abs, "conflictq"), stateResolver},
		{"XDG_CONFIG_HOME", "~/x", configDefault, configResolver},
		{"XDG_CONFIG_HOME", "rel/x", configDefault, configResolver},
		{"XDG_CONFIG_HOME", "", configDefault, configResolver},
		{"XDG_CONFIG_HOME", abs, abs, configResolver},
	} {
		var errOut bytes.Buffer
		getenv := func(k string) string {
			if k == tc.name {
				return tc.value
			}
			return ""
		}
		dir := tc.resolve(getenv, &errOut)
		for range 3 { // asked for many times in a run, noted once
			got, err := dir()
			if err != nil || got != tc.want {
				t.Errorf("%s=%q: %q, %v; want %q", tc.name, tc.value, got, err, tc.want)
			}
		}
		noted := strings.Count(errOut.String(), "note: "+tc.name+"="+tc.value+" is not an absolute path, so it is ignored")
		if relative := tc.value != "" && !filepath.IsAbs(tc.value); relative != (noted == 1) || strings.Count(errOut.String(), "\n") > 1 {
			t.Errorf("%s=%q: stderr %q", tc.name, tc.value, errOut.String())
		}
		if strings.HasPrefix(tc.value, "~") != strings.Contains(errOut.String(), "write $HOME") {
			t.Errorf("%s=%q: the ~ hint: %q", tc.name, tc.value, errOut.String())
		}
	}
}

func stateResolver(getenv func(string) string, errOut *bytes.Buffer) func() (string, error) {
	return stateDir(getenv, errOut)
}

func configResolver(getenv func(string) string, errOut *bytes.Buffer) func() (string, error) {
	return userConfigDir(getenv, errOut)
}

// The whole program: with both set relative, progress reads the user's
// config (its student) from ~/.config and the history from
// ~/.local/state, and makes nothing under the working directory.
func TestRelativeXDGHomesUseTheDefaults(t *testing.T) {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		t.Skip("the config's default is not ~/.config here")
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	work := t.TempDir()
	t.Chdir(work)
	os.MkdirAll(filepath.Join(home, ".config", "conflictq"), 0o755)
	os.WriteFile(filepath.Join(home, ".config", "conflictq", "config.yaml"), []byte("student: Homer\n"), 0o644)
	for _, env := range []map[string]string{
		{"XDG_STATE_HOME": "rel/st", "XDG_CONFIG_HOME": "rel/cfg"},
		{"XDG_STATE_HOME": "~/st", "XDG_CONFIG_HOME": "~/cfg"},
	} {
		ios, _, out, errOut := iostreams.Test()
		f := newFactory(ios, func(k string) string { return env[k] })
		f.HandleSignals = false
		if code := Run(f, []string{"progress"}); code != 0 {
			t.Fatalf("%v: exit %d: %s", env, code, errOut)
		}
		if !strings.Contains(out.String(), "Progress for Homer") {
			t.Errorf("%v: the user's config was not read:\n%s", env, out)
		}
		if want := filepath.Join(home, ".local", "state", "conflictq", "history"); !strings.Contains(errOut.String(), want) {
			t.Errorf("%v: the history is not under %s:\n%s", env, want, errOut)
		}
		for _, name := range []string{"XDG_STATE_HOME", "XDG_CONFIG_HOME"} {
			if n := strings.Count(errOut.String(), "note: "+name+"="); n != 1 {
				t.Errorf("%v: %d notes on %s:\n%s", env, n, name, errOut)
			}
		}
		if entries, _ := os.ReadDir(work); len(entries) > 0 {
			t.Errorf("%v: made %s in the working directory", env, entries[0].Name())
		}
	}
}
