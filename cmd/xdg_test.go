package cmd

import (
	"bytes"
	"errors"
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
	configDefault := filepath.Join(home, ".config") // as on Linux: configResolver
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
	return configDirOn("linux", getenv, errOut, func() (string, error) { return "", errors.New("not asked") })
}

// review-code25 #4: on macOS, iOS, Windows and Plan 9 the config is where
// os.UserConfigDir puts it, XDG_CONFIG_HOME or not, with no note about it.
func TestConfigDirIgnoresXDGWhereTheDefaultIsNotDotConfig(t *testing.T) {
	system := func() (string, error) { return "/Users/ana/Library/Application Support", nil }
	for _, goos := range []string{"darwin", "ios", "windows", "plan9"} {
		for _, value := range []string{"", "/Users/ana/.config", "rel/x", "~/x"} {
			var errOut bytes.Buffer
			getenv := func(k string) string {
				if k == "XDG_CONFIG_HOME" {
					return value
				}
				return ""
			}
			got, err := configDirOn(goos, getenv, &errOut, system)()
			if want, _ := system(); err != nil || got != want || errOut.Len() != 0 {
				t.Errorf("%s, XDG_CONFIG_HOME=%q: %q, %v, stderr %q; want %q and no note", goos, value, got, err, errOut.String(), want)
			}
		}
	}
	// Where the default is ~/.config, the variable is honoured.
	var errOut bytes.Buffer
	got, err := configDirOn("freebsd", func(string) string { return "/home/ana/cfg" }, &errOut, system)()
	if err != nil || got != "/home/ana/cfg" || errOut.Len() != 0 {
		t.Errorf("freebsd: %q, %v, stderr %q", got, err, errOut.String())
	}
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

// review-code25 #8: a relative XDG_STATE_HOME that kept a history under the
// working directory before it was ignored: the note says where that
// history is and where to move it.
func TestRelativeStateHomeNamesTheHistoryLeftThere(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	work := t.TempDir()
	t.Chdir(work)
	getenv := func(k string) string {
		if k == "XDG_STATE_HOME" {
			return "rel"
		}
		return ""
	}
	var errOut bytes.Buffer
	if _, err := stateDir(getenv, &errOut)(); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(errOut.String(), "kept there before") {
		t.Errorf("no history there, but: %q", errOut.String())
	}
	if err := os.MkdirAll(filepath.Join("rel", "conflictq", "history"), 0o755); err != nil {
		t.Fatal(err)
	}
	errOut.Reset()
	if _, err := stateDir(getenv, &errOut)(); err != nil {
		t.Fatal(err)
	}
	want := "; a history kept there before is in " + filepath.Join(work, "rel", "conflictq", "history") +
		": move it to " + filepath.Join(home, ".local", "state", "conflictq", "history") + "\n"
	if !strings.HasSuffix(errOut.String(), want) || strings.Count(errOut.String(), "\n") != 1 {
		t.Errorf("note %q, want it to end %q", errOut.String(), want)
	}
}
