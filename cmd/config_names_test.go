package cmd

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/conflictq/conflictq/cmd/internal/iostreams"
	"github.com/conflictq/conflictq/quiz/text"
)

// oldCheckSections is checkSections as it was before settingNames: every
// name looked up in the whole tree, built for every check. Kept as the
// oracle the new check is held to.
func oldCheckSections(cmd *cobra.Command, file string, settings map[string]any, lines map[string]int) error {
	commands, flags := commandsAndFlags(cmd)
	keys := make([]string, 0, len(settings))
	for k := range settings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		if !commands[key] || flags[key] {
			continue
		}
		var found string
		switch val := settings[key].(type) {
		case map[string]any:
			continue
		case []any:
			found = "a list"
		case string:
			if val == "" || val == "~" || strings.EqualFold(val, "null") {
				continue
			}
			found = strconv.Quote(val)
		default:
			found = fmt.Sprintf("%v", val)
		}
		return fmt.Errorf("%s:%d: %s: expected the %s command's settings, one per line under it (such as \"%s:\" then \"  %s: ...\"), found %s",
			file, lines[key], key, key, key, exampleFlag(cmd.Root(), key), found)
	}
	return nil
}

// oldWarnUnknownSettings is warnUnknownSettings as it was before
// settingNames, the oracle.
func oldWarnUnknownSettings(cmd *cobra.Command, f *Factory, origins map[string]string) {
	if len(origins) == 0 {
		return
	}
	commands, flags := commandsAndFlags(cmd)
	known := make([]string, 0, len(flags))
	for k := range flags {
		known = append(known, k)
	}
	sort.Strings(known)
	keys := make([]string, 0, len(origins))
	for k := range origins {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		name := key
		if section, rest, ok := strings.Cut(key, "."); ok && commands[section] {
			name = rest
		} else if commands[key] && !flags[key] {
			continue
		}
		if perRunFlag(name) {
			fmt.Fprintf(f.IOStreams.ErrOut, "%s: warning: %q applies to one run only and is not read from settings; give it as a flag\n", text.EscapeControl(origins[key]), key)
			continue
		}
		if !flags[name] {
			hint := text.Suggest(name, known)
			fmt.Fprintf(f.IOStreams.ErrOut, "%s: warning: unknown setting %q%s\n", text.EscapeControl(origins[key]), key, hint)
		}
	}
}

// runningCommand is the command a run of args reaches, in the tree
// newRootFor builds, with its flags as Cobra has them when the root's
// PersistentPreRunE (loadConfig) runs: help and version flags added, the
// root's persistent flags merged in, the flags parsed.
func runningCommand(t *testing.T, f *Factory, args []string) *cobra.Command {
	t.Helper()
	root := newRootFor(f, args)
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd(args...)
	cmd, rest, err := root.Find(args)
	if err != nil {
		t.Fatalf("%q: %v", args, err)
	}
	cmd.InitDefaultHelpFlag()
	cmd.InitDefaultVersionFlag()
	if err := cmd.ParseFlags(rest); err != nil {
		t.Fatalf("%q: %v", args, err)
	}
	return cmd
}

// settingsCheck is what checking settings against the names gives: the
// error and the warnings.
func settingsCheck(names *settingNames, settings map[string]any, lines map[string]int, origins map[string]string) string {
	ios, _, _, errOut := iostreams.Test()
	f := &Factory{IOStreams: ios}
	err := checkSections(names, "c.yaml", settings, lines)
	if err == nil {
		warnUnknownSettings(names, f, origins)
	}
	return fmt.Sprintf("err %v\n%s", err, errOut)
}

// oldSettingsCheck is settingsCheck through the oracle.
func oldSettingsCheck(tree *cobra.Command, settings map[string]any, lines map[string]int, origins map[string]string) string {
	ios, _, _, errOut := iostreams.Test()
	f := &Factory{IOStreams: ios}
	err := oldCheckSections(tree, "c.yaml", settings, lines)
	if err == nil {
		oldWarnUnknownSettings(tree, f, origins)
	}
	return fmt.Sprintf("err %v\n%s", err, errOut)
}

// settingsDoc is a settings file's keys as parseConfig gives them: each
// key's value, line and origin; a dotted key is a section's setting.
type settingsDoc struct {
	settings map[string]any
	lines    map[string]int
	origins  map[string]string
}

func newSettingsDoc() settingsDoc {
	return settingsDoc{map[string]any{}, map[string]int{}, map[string]string{}}
}

func (d settingsDoc) add(key string, val any) {
	line := len(d.lines) + 1
	d.lines[key] = line
	d.origins[key] = "c.yaml:" + strconv.Itoa(line)
	if section, rest, ok := strings.Cut(key, "."); ok {
		m, isMap := d.settings[section].(map[string]any)
		if !isMap {
			m = map[string]any{}
			d.settings[section] = m
			d.lines[section] = line
			d.origins[section] = "c.yaml:" + strconv.Itoa(line)
		}
		m[rest] = val
		return
	}
	d.settings[key] = val
}

// Settings are checked as they were against the whole tree, for every
// command a run can reach, every name of a command or flag (and typos,
// per-run flags, sections of other commands) in every shape, one at a time
// and many together; the whole tree is built only when a name is neither
// a flag of the command run nor a command newRootFor knows.
func TestSettingNamesAsTheWholeTree(t *testing.T) {
	f, _, _, _ := testFactory(t)
	tree := wholeTree(f)
	commands, flags := commandsAndFlags(tree)
	var paths [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		if len(path) > 0 {
			paths = append(paths, path)
		}
		for _, sub := range c.Commands() {
			walk(sub, append(slices.Clip(path), sub.Name()))
		}
	}
	walk(tree, nil)
	names := []string{"studnet", "hlep", "pas", "quite", "nosuch", "no-colour", "version", "__complete", "conflictq", "Grade", ""}
	for c := range commands {
		names = append(names, c)
	}
	for fl := range flags {
		names = append(names, fl)
	}
	sort.Strings(names)
	values := []any{map[string]any{}, "", "~", "null", "true", []any{"a"}}
	rng := rand.New(rand.NewPCG(27, 13))
	checks, built := 0, 0
	check := func(args []string, doc settingsDoc) {
		t.Helper()
		// The whole tree built once, handed out to every check that asks.
		n := &settingNames{cmd: runningCommand(t, f, args), build: func() *cobra.Command { return tree }}
		got := settingsCheck(n, doc.settings, doc.lines, doc.origins)
		want := oldSettingsCheck(tree, doc.settings, doc.lines, doc.origins)
		if got != want {
			t.Fatalf("%q, settings %v:\ngot  %s\nwant %s", args, doc.settings, got, want)
		}
		checks++
		if n.tree != nil {
			built++
		}
	}
	for _, args := range paths {
		// The run's own flags, names every run checks, and a sample of
		// the rest (every name in every run took seconds).
		cmd := runningCommand(t, f, args)
		some := []string{"studnet", "hlep", "pas", "nosuch", "version", "help", "completion", "bash", "bank", "grade", "list", "conflictq", "force", "output", "review", "", "Grade"}
		cmd.Flags().VisitAll(func(fl *pflag.Flag) { some = append(some, fl.Name) })
		for range 12 {
			some = append(some, names[rng.IntN(len(names))])
		}
		for _, name := range some {
			vals := values[4:] // a flag's value, a list
			if commands[name] {
				vals = values
			}
			for _, val := range vals {
				doc := newSettingsDoc()
				doc.add(name, val)
				check(args, doc)
			}
			for _, section := range []string{"grade", "nosuch", "help"} {
				doc := newSettingsDoc()
				doc.add(section+"."+name, "1")
				check(args, doc)
			}
		}
		for range 10 {
			doc := newSettingsDoc()
			for range 1 + rng.IntN(6) {
				key := names[rng.IntN(len(names))]
				if rng.IntN(3) == 0 {
					key = []string{"grade", "sheet", "quiz", "bank", "export"}[rng.IntN(5)] + "." + key
				}
				doc.add(key, values[rng.IntN(len(values))])
			}
			check(args, doc)
		}
	}
	t.Logf("%d checks, the whole tree built in %d", checks, built)
}

// A run's own flags, the root's, and sections named after commands (a
// mapping or left empty) are checked without building the whole tree.
func TestSettingNamesOfTheRunNeedNoTree(t *testing.T) {
	f, _, _, _ := testFactory(t)
	for _, tt := range []struct {
		args []string
		keys []string
	}{
		{[]string{"grade"}, []string{"pass", "quiet", "no-color", "grade.pass", "quiz.pass", "force", "output"}},
		{[]string{"bank", "export"}, []string{"format", "tag", "export.format", "bank.format"}},
		{[]string{"sheet"}, []string{"bank", "seed", "sheet.key", "glossary.no-color"}},
	} {
		n := &settingNames{cmd: runningCommand(t, f, tt.args), build: func() *cobra.Command { return wholeTree(f) }}
		doc := newSettingsDoc()
		for _, k := range tt.keys {
			doc.add(k, "true")
		}
		doc.add("mark", map[string]any{})
		doc.add("summary", "")
		doc.add("list", "~")
		var out bytes.Buffer
		out.WriteString(settingsCheck(n, doc.settings, doc.lines, doc.origins))
		if n.tree != nil {
			t.Errorf("%q with %v: the whole tree was built", tt.args, tt.keys)
		}
		if want := oldSettingsCheck(wholeTree(f), doc.settings, doc.lines, doc.origins); out.String() != want {
			t.Errorf("%q: got %s, want %s", tt.args, out.String(), want)
		}
	}
}

// Every name newRootFor knows is the name of the command it builds, so a
// stand-in's name is a command of the whole tree.
func TestStandInNamesAreTheCommands(t *testing.T) {
	f, _, _, _ := testFactory(t)
	var check func(cmds []lazyCommand)
	check = func(cmds []lazyCommand) {
		for _, c := range cmds {
			if got := c.build(f).Name(); got != c.name {
				t.Errorf("lazy command %q builds %q", c.name, got)
			}
			check(c.children)
		}
	}
	check(rootCommands())
}

// The variables conflictq reads itself are every CONFLICTQ_ name its code
// spells, and none of them is a setting: no flag of any command, top-level
// or in its command's section, is read from it.
func TestOwnVariablesAreNoSettings(t *testing.T) {
	f, _, _, _ := testFactory(t)
	tree := wholeTree(f)
	envName := func(key string) string {
		return "CONFLICTQ_" + strings.ToUpper(strings.NewReplacer("-", "_", ".", "_").Replace(key))
	}
	settings := map[string]bool{}
	var visit func(c *cobra.Command)
	visit = func(c *cobra.Command) {
		add := func(fl *pflag.Flag) {
			settings[envName(fl.Name)] = true
			settings[envName(c.Name()+"."+fl.Name)] = true
		}
		c.Flags().VisitAll(add)
		c.PersistentFlags().VisitAll(add)
		for _, sub := range c.Commands() {
			visit(sub)
		}
	}
	visit(tree)
	spelt := map[string]bool{}
	re := regexp.MustCompile(`"(CONFLICTQ_[A-Z][A-Z_]*)"`)
	for _, dir := range []string{".", "internal/iostreams", "internal/prompt"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, file := range files {
			if strings.HasSuffix(file, "_test.go") {
				continue
			}
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range re.FindAllStringSubmatch(string(data), -1) {
				spelt[m[1]] = true
			}
		}
	}
	if len(spelt) < 3 {
		t.Fatalf("found %v: the search is broken", spelt)
	}
	for name := range spelt {
		if !ownVariable(name) {
			t.Errorf("%s is read by conflictq but not ownVariable's: it counts as a setting", name)
		}
		if settings[name] {
			t.Errorf("%s is ownVariable's but names a setting", name)
		}
	}
	for _, name := range []string{"CONFLICTQ_PAGER", "conflictq_test_now", "CONFLICTQ_TEST_STEP"} {
		if !ownVariable(name) {
			t.Errorf("ownVariable(%q) is false", name)
		}
	}
	if ownVariable("CONFLICTQ_STUDENT") || !settings["CONFLICTQ_STUDENT"] || !settings["CONFLICTQ_GRADE_PASS"] {
		t.Error("CONFLICTQ_STUDENT is not read as a setting")
	}
	noSettingsInEnvironment(t)
	t.Setenv("CONFLICTQ_TEST_NOW", "2026-01-01T00:00:00Z")
	t.Setenv("CONFLICTQ_PAGER", "less")
	if settingsInEnvironment() {
		t.Error("conflictq's own variables count as settings in the environment")
	}
}
