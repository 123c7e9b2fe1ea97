package cmd

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the golden sections of testdata/script/*.txtar")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"conflictq": func() { os.Exit(Main()) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: the real command,
// its standard input from a file, its output compared with golden sections.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			work := env.WorkDir
			env.Setenv("XDG_CONFIG_HOME", work+"/.config")
			env.Setenv("XDG_STATE_HOME", work+"/.state")
			env.Setenv("NO_COLOR", "")
			return nil
		},
	})
}

// The README's CI recipes run conflictq commands that ci_recipes.txtar runs
// too; this keeps the two from drifting apart.
func TestCIRecipesMatchREADME(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile("testdata/script/ci_recipes.txtar")
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, line := range strings.Split(string(readme), "\n") {
		// Recipe steps are YAML list items: "- run: conflictq ..." or "- conflictq ...".
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "- ") {
			continue
		}
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(line, "- "), "run:"))
		if !strings.HasPrefix(line, "conflictq ") {
			continue
		}
		found++
		if !strings.Contains(string(script), "exec "+line+"\n") {
			t.Errorf("the README's recipe runs %q, which ci_recipes.txtar does not", line)
		}
	}
	if found < 2 { // the GitHub and GitLab recipes each grade
		t.Errorf("found %d recipe commands in the README; want the GitHub and GitLab ones", found)
	}
}
