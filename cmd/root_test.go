package cmd

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/spf13/cobra"
)

// A run builds only the command it reaches (newRootFor); every other one is a
// stand-in with its name and summary. Each command line below must print and
// exit exactly as with the whole tree: help at every level and through the
// help command, shell completion of command names, of subcommands, of flags
// and of their values, mistyped names with their suggestions, flags before
// the command, settings files that name other commands' flags, and the
// command runs themselves.
func TestPartialTreeRunsAsTheWholeTree(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("mine.yaml", []byte(startupBank), 0o644); err != nil {
		t.Fatal(err)
	}
	settings := "grade:\n  pass: 50\nbank: history\nsheet: 3\n"
	if err := os.WriteFile("set.yaml", []byte(settings), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("typo.yaml", []byte("pas: 50\nquiz:\n  countt: 3\ngrade:\n  force: true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("good.yaml", []byte("grade:\n  pass: 50\nmode: exam\nstudent: ana\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var lines [][]string
	for _, line := range []string{
		"", "--help", "-h", "help", "--version", "-v", "version", "version --help", "version extra", "grade --version", "version --version", "--version grade", "bank list --version",
		"help version", "help help", "help help grade", "help grade", "help bank", "help bank export", "help nothing", "help bank nothing", "bank lsit", "bank list extra", "bank nothing --help", "glossary serch x", "help glossary list",
		"bank export", "bank convert --help", "bank show --help", "bank validate --help", "glossary list", "glossary search genocide",
		"--no-color bank --help", "bank --no-color list", "help bank list --json",
		"grade --help", "grade -h", "bank", "bank --help", "bank export --help", "bank list", "bank list --json",
		"glossary", "glossary list --help", "glossary search --help", "define genocide", "define --help",
		"quiz --help", "sheet --help", "mark --help", "summary --help", "progress --help", "progress",
		"sheet --bank mine.yaml --seed 1", "bank validate mine.yaml", "bank show mine.yaml",
		"grdae", "banks", "definee genocide", "--bogus", "--bogus grade", "grade --bogus",
		"--no-color version", "--no-color=true bank list", "--config set.yaml bank list", "--config=set.yaml grade --help",
		"--config set.yaml version", "--config typo.yaml version", "--config typo.yaml bank list",
		"--config good.yaml bank list", "--config good.yaml version", "--config good.yaml help quiz", "--config set.yaml help grade",
		"--config missing.yaml version", "-- version", "--config", "help --config set.yaml grade",
		"completion", "completion bash", "completion zsh", "completion fish", "completion powershell",
		"completion bash --no-descriptions", "completion --help", "help completion", "completion bash --help",
		"__complete ", "__complete g", "__complete b", "__completeNoDesc ", "__complete help ", "__complete help g",
		"__complete bank ", "__complete bank e", "__complete bank export ", "__complete bank export --format ",
		"__complete bank export --", "__complete quiz --bank ", "__complete quiz --", "__complete quiz -",
		"__complete define gen", "__complete grade --format ", "__complete sheet --bank ", "__complete --config set.yaml gr",
		"__complete --no-color quiz --mode ", "__complete glossary ", "__complete glossary search ", "__complete nothing ",
		"__complete completion ", "__complete version ", "__complete __complete ", "__complete", "__complete --",
		"__complete --config ", "__complete -", "__complete help bank ", "__complete help bank l", "__complete help glossary s", "__complete help bank list ", "__complete help help ", "__complete help help g", "__completeNoDesc help bank ",
		"__complete help --config set.yaml bank ", "__complete --no-color help bank ", "__complete bank l", "__complete bank list -", "__complete bank show ", "__complete glossary s",
		"__complete glossary search --", "__complete help glossary ", "__complete bank --", "__complete bank validate ",
	} {
		args := strings.Fields(line)
		if strings.HasSuffix(line, " ") {
			args = append(args, "") // completing a new word
		}
		lines = append(lines, args)
	}
	lines = append(lines, []string{"__complete", "bank", "export", ""}, []string{"__complete", ""}, []string{"__complete", "help", ""})
	run := func(args []string, whole bool) (string, string, int) {
		f, _, out, errOut := testFactory(t)
		f.UserConfigDir = func() (string, error) { return filepath.Join(dir, "config"), nil }
		f.StateDir = func() (string, error) { return filepath.Join(dir, "state"), nil }
		var root *cobra.Command
		if whole {
			root = NewRootCmd(f)
		} else {
			root = newRootFor(f, args)
		}
		code := execute(f, root, args)
		return out.String(), errOut.String(), code
	}
	for _, args := range lines {
		out, errOut, code := run(args, true)
		lazyOut, lazyErr, lazyCode := run(args, false)
		if lazyOut != out || lazyErr != errOut || lazyCode != code {
			t.Errorf("conflictq %q: built in part, exit %d\n%s\n%s\nwhole, exit %d\n%s\n%s", args, lazyCode, lazyOut, lazyErr, code, out, errOut)
		}
		if strings.Contains(lazyOut+lazyErr, "was not built") {
			t.Errorf("conflictq %q ran a stand-in", args)
		}
	}
}

// The stand-ins a run builds for the commands it does not reach have each
// command's name and summary, and their parent lists them as it lists the
// commands themselves: the root's and those of each command of commands.
func TestStandInsMatchTheCommands(t *testing.T) {
	f, _, _, _ := testFactory(t)
	compare := func(path string, whole, part []*cobra.Command) {
		t.Helper()
		var stand []*cobra.Command
		for _, c := range part {
			if c.Name() != "help" { // Cobra's own, which it adds to the whole tree when run
				stand = append(stand, c)
			}
		}
		if len(whole) != len(stand) {
			t.Fatalf("%s: %d commands, %d stand-ins", path, len(whole), len(stand))
		}
		for i, c := range whole {
			s := stand[i]
			if s.Name() != c.Name() || s.Short != c.Short || !slicesEqual(s.Aliases, c.Aliases) || s.IsAvailableCommand() != c.IsAvailableCommand() ||
				s.Hidden != c.Hidden || s.GroupID != c.GroupID || s.NamePadding() != c.NamePadding() ||
				!slicesEqual(s.SuggestFor, c.SuggestFor) || s.Deprecated != c.Deprecated {
				t.Errorf("%s: stand-in %q %q differs from the command %q %q", path, s.Name(), s.Short, c.Name(), c.Short)
			}
		}
	}
	whole := NewRootCmd(f)
	compare("conflictq", whole.Commands(), newRootFor(f, nil).Commands())
	groups := 0
	for _, c := range whole.Commands() {
		if !c.HasSubCommands() {
			continue
		}
		groups++
		part, _, err := newRootFor(f, []string{c.Name(), "--help"}).Find([]string{c.Name()})
		if err != nil {
			t.Fatal(err)
		}
		compare(c.Name(), c.Commands(), part.Commands())
	}
	if len(whole.Commands()) < 10 || groups < 2 {
		t.Errorf("%d commands, %d of commands", len(whole.Commands()), groups)
	}
}

func slicesEqual(a, b []string) bool { return strings.Join(a, "\x00") == strings.Join(b, "\x00") }

// A run's own error said once when it is standard output's lost write
// (recheck26b L3), but a failed write to another file on the same full disk
// is another loss, and both are said.
func TestSameWrite(t *testing.T) {
	stdout := &fs.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.ENOSPC}
	for _, c := range []struct {
		err  error
		want bool
	}{
		{stdout, true},
		{fmt.Errorf("grade: %w", &fs.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.ENOSPC}), true},
		{&fs.PathError{Op: "write", Path: "out.csv", Err: syscall.ENOSPC}, false},
		{&fs.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.EIO}, false},
		{errors.New("no entry for nosuchterm"), false},
	} {
		if got := sameWrite(c.err, stdout); got != c.want {
			t.Errorf("sameWrite(%v) = %v, want %v", c.err, got, c.want)
		}
	}
}
