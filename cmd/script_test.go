package cmd

import (
	"flag"
	"os"
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
