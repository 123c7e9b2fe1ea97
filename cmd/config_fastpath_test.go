package cmd

import (
	"os"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// noSettingsInEnvironment takes every CONFLICTQ_ variable out of the
// environment for the test.
func noSettingsInEnvironment(t *testing.T) {
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); strings.HasPrefix(strings.ToUpper(k), "CONFLICTQ_") {
			t.Setenv(k, "")
			os.Unsetenv(k)
		}
	}
}

// With no settings file and no setting in the environment, loadConfig's
// fast path (return at once) leaves every command's flags as its slow path
// (every flag's levels asked) does: no value, no Changed, no origin, no
// warning. The slow path is made to run by a CONFLICTQ_ variable that names
// no flag.
func TestLoadConfigFastPathSetsWhatTheSlowPathSets(t *testing.T) {
	noSettingsInEnvironment(t)
	t.Chdir(t.TempDir()) // no ./.conflictq.yaml
	type state struct {
		flags   map[string]string
		origins int
		errOut  string
	}
	load := func(name string) state {
		f, _, _, errOut := testFactory(t)
		root := NewRootCmd(f)
		cmd, _, err := root.Find([]string{name})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := loadConfig(cmd, f); err != nil {
			t.Fatalf("%s: loadConfig: %v", name, err)
		}
		st := state{flags: map[string]string{}, origins: len(f.settingOrigin), errOut: errOut.String()}
		cmd.Flags().VisitAll(func(fl *pflag.Flag) {
			st.flags[fl.Name] = fl.Value.String()
			if fl.Changed {
				st.flags[fl.Name] += " (changed)"
			}
		})
		return st
	}
	f, _, _, _ := testFactory(t)
	var names []string
	for _, c := range NewRootCmd(f).Commands() {
		names = append(names, c.Name())
	}
	fast := map[string]state{}
	for _, name := range names {
		if settingsInEnvironment() {
			t.Fatal("a CONFLICTQ_ variable is left: the fast path is not tested")
		}
		fast[name] = load(name)
	}
	t.Setenv("CONFLICTQ_FASTPATH_TEST_NAMES_NO_FLAG", "1")
	if !settingsInEnvironment() {
		t.Fatal("the slow path is not taken")
	}
	for _, name := range names {
		slow := load(name)
		if slow.origins != 0 || fast[name].origins != 0 || slow.errOut != fast[name].errOut {
			t.Errorf("%s: origins fast %d slow %d; stderr fast %q slow %q", name, fast[name].origins, slow.origins, fast[name].errOut, slow.errOut)
		}
		for fl, v := range fast[name].flags {
			if slow.flags[fl] != v {
				t.Errorf("%s --%s: fast path %q, slow path %q", name, fl, v, slow.flags[fl])
			}
		}
		if len(slow.flags) != len(fast[name].flags) || len(names) < 10 {
			t.Errorf("%s: %d flags fast, %d slow, %d commands", name, len(fast[name].flags), len(slow.flags), len(names))
		}
	}
}
