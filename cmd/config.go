package cmd

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"go.yaml.in/yaml/v3"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/text"
)

// perRunFlag reports the flags that are about one run and never come from a
// config file or the environment: a stored --force or --answers would
// surprise. A switch, not a map: a map literal is work at start-up.
func perRunFlag(name string) bool {
	switch name {
	case "config", "help", "version", "force", "report", "answers", "output", "review", "forget":
		return true
	}
	return false
}

// localConfigFile is looked for in the working directory.
const localConfigFile = ".conflictq.yaml"

// loadConfig merges settings into the flags of cmd that the user did not set,
// with the precedence flag > environment > ./.conflictq.yaml > user config file >
// default. It uses a fresh Viper for every run: no global state.
//
// A top-level setting applies to quiz and sheet; a section named after a
// command (quiz:, grade:) applies to that command only and wins.
func loadConfig(cmd *cobra.Command, f *Factory) error {
	files, err := configFiles(cmd, f)
	if err != nil {
		return err
	}
	f.settingsFiles = files
	inEnv := settingsInEnvironment()
	if len(files) == 0 && !inEnv {
		// Nothing can set a flag: asking each flag's levels (two new
		// Vipers, up to four lookups a flag) cost 20-40 µs of every run.
		return nil
	}
	// Settings are checked against every command's flags and names: the
	// whole tree, which a run builds only in part (newRootFor), is built
	// only when the part built cannot answer (settingNames).
	names := &settingNames{cmd: cmd, build: func() *cobra.Command { return wholeTree(f) }}
	v, origins, err := mergeConfigFiles(files, names)
	if err != nil {
		return err
	}
	var env *viper.Viper // the environment alone, so that it beats every file
	if inEnv {
		// Without a CONFLICTQ_ variable it has nothing to give: asking it
		// (two lookups a flag, each a variable's name made) was 91 of the
		// 262 allocations a settings file cost grade.
		env = viper.New()
		env.SetEnvPrefix("CONFLICTQ")
		env.SetEnvKeyReplacer(strings.NewReplacer("-", "_", ".", "_"))
		env.AutomaticEnv()
	}

	if len(origins) > 0 {
		warnUnknownSettings(names, f, origins)
	}
	return applySettings(cmd, f, env, v, origins)
}

// wholeTree is every command of the program, as settings files are checked
// against it: the whole tree, which a run builds only in part (newRootFor),
// with what Cobra adds to a tree as it runs it (the help and completion
// commands, a help flag), so that a file naming them reads as it did when
// the running tree was checked (attack19 M1).
func wholeTree(f *Factory) *cobra.Command {
	tree := NewRootCmd(f)
	tree.InitDefaultHelpCmd()
	tree.InitDefaultCompletionCmd()
	var helpFlags func(*cobra.Command)
	helpFlags = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		for _, sub := range c.Commands() {
			helpFlags(sub)
		}
	}
	helpFlags(tree)
	return tree
}

// mergeConfigFiles reads the settings files in turn, each checked against
// the command tree's names, into one Viper (a later file's setting
// winning), with each setting's origin (file:line) by its key.
func mergeConfigFiles(files []string, names *settingNames) (*viper.Viper, map[string]string, error) {
	v := viper.New() // the files, merged
	origins := map[string]string{}
	for _, file := range files {
		data, err := fileio.ReadFileLimited(file)
		if err != nil {
			return nil, nil, invalidErr(fmt.Errorf("config file %w", err))
		}
		settings, lines, err := parseConfig(file, data)
		if err != nil {
			return nil, nil, invalidErr(err)
		}
		if err := checkSections(names, file, settings, lines); err != nil {
			return nil, nil, invalidErr(err)
		}
		if err := v.MergeConfigMap(settings); err != nil {
			return nil, nil, invalidErr(fmt.Errorf("%s: %w", file, err))
		}
		for k, l := range lines {
			origins[k] = fmt.Sprintf("%s:%d", file, l)
		}
	}
	return v, origins, nil
}

// applySettings sets each flag of cmd that the user did not set (and that
// is not one of a single run's, perRunFlag) from the first level that has
// it: the environment (env; nil when no CONFLICTQ_ variable is set), then
// the files (v), a command's section before a top-level setting; it notes
// where each came from in f.settingOrigin.
func applySettings(cmd *cobra.Command, f *Factory, env, v *viper.Viper, origins map[string]string) error {
	var errs []error
	cmd.Flags().VisitAll(func(fl *pflag.Flag) {
		if fl.Changed || perRunFlag(fl.Name) {
			return
		}
		// Top-level settings and CONFLICTQ_<FLAG> are the classroom's: they
		// apply to quiz and sheet. Other commands take only their own
		// section and CONFLICTQ_<COMMAND>_<FLAG>, so that a class's bank or
		// format never changes what grade marks or what export writes.
		// progress reads the classroom's student too: it shows the history
		// that quiz writes under that name.
		shared := cmd.Name() == "quiz" || cmd.Name() == "sheet" || fl.Name == "no-color" ||
			cmd.Name() == "progress" && fl.Name == "student"
		section := cmd.Name() + "." + fl.Name
		levels := []struct {
			v   *viper.Viper
			key string
		}{{env, section}, {v, section}}
		if shared {
			levels = []struct {
				v   *viper.Viper
				key string
			}{{env, section}, {env, fl.Name}, {v, section}, {v, fl.Name}}
		}
		for _, l := range levels {
			if l.v == nil || !l.v.IsSet(l.key) {
				continue
			}
			if err := setFlag(fl, l.v.Get(l.key)); err != nil {
				errs = append(errs, fmt.Errorf("%s: %s: %w", origin(f, l.key, origins), l.key, err))
			}
			if f.settingOrigin == nil {
				f.settingOrigin = map[string]string{}
			}
			f.settingOrigin[fl.Name] = origin(f, l.key, origins)
			return
		}
	})
	if len(errs) > 0 {
		return invalidErr(errors.Join(errs...))
	}
	return nil
}

// settingsInEnvironment reports whether a variable named CONFLICTQ_... is
// in the environment the Viper of loadConfig reads (the process's), in any
// case, as Windows names them, other than conflictq's own (ownVariable).
func settingsInEnvironment() bool {
	for _, kv := range os.Environ() {
		if len(kv) > len("CONFLICTQ_") && strings.EqualFold(kv[:len("CONFLICTQ_")], "CONFLICTQ_") {
			if name, _, _ := strings.Cut(kv, "="); !ownVariable(name) {
				return true
			}
		}
	}
	return false
}

// ownVariable reports whether name is one of the variables conflictq reads
// itself, which name no flag (TestOwnVariablesAreNoSettings): set, they
// sent every run down loadConfig's slow path for nothing (two Vipers, every
// flag asked), a pager's user in every run and progress-year's clock.
func ownVariable(name string) bool {
	switch strings.ToUpper(name) {
	case "CONFLICTQ_PAGER", "CONFLICTQ_TEST_NOW", "CONFLICTQ_TEST_STEP":
		return true
	}
	return false
}

func configFiles(cmd *cobra.Command, f *Factory) ([]string, error) {
	if explicit, _ := cmd.Flags().GetString("config"); explicit != "" {
		st, err := os.Stat(explicit)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, invalid("config file %s: no such file", explicit)
			}
			return nil, invalid("config file %s: %v", explicit, err)
		}
		if st.IsDir() {
			return nil, invalid("config file %s: is a directory", explicit)
		}
		return []string{explicit}, nil
	}
	var files []string
	if dir, err := f.UserConfigDir(); err == nil {
		user := filepath.Join(dir, "conflictq", "config.yaml")
		if _, err := os.Stat(user); err == nil {
			files = append(files, user)
		}
	}
	if _, err := os.Stat(localConfigFile); err == nil {
		files = append(files, localConfigFile)
	}
	return files, nil
}

// parseConfig reads a config file into settings, and each key's line. Keys may
// be written with - or _ (report-dir, report_dir).
func parseConfig(file string, data []byte) (settings map[string]any, lines map[string]int, err error) {
	defer func() { // a settings file must never crash the program
		if r := recover(); r != nil {
			settings, lines, err = nil, nil, fmt.Errorf("%s: could not be parsed: %v", file, r)
		}
	}()
	if quiz.YAMLItems(data) > quiz.MaxYAMLItems {
		// Refused before any parse: a 10 MB file of 800,000 lines took
		// 1.5 s and 350 MB to refuse (attack10 #10). ParseYAML says why.
		_, err := quiz.ParseYAML(file, data)
		return nil, nil, err
	}
	// Parsed with the checks every YAML input gets: one document (the
	// README's limits table), no key twice, no alias bomb. Only when that
	// fails is the file parsed as yaml.Unmarshal reads it, so that a syntax
	// error reads as it did and an empty file (or one of comments) sets
	// nothing: a document ParseYAML reads is one Unmarshal reads, not empty
	// (TestParseConfigAsBefore holds it to parsing both ways every time).
	root, err := quiz.ParseYAML(file, data)
	if err != nil {
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return nil, nil, quiz.YAMLProblem(file, err)
		}
		if len(doc.Content) == 0 {
			return map[string]any{}, map[string]int{}, nil // an empty file sets nothing
		}
		return nil, nil, err
	}
	settings, lines = map[string]any{}, map[string]int{}
	if root.Kind != yaml.MappingNode {
		return nil, nil, fmt.Errorf("%s:%d: a config file is a mapping of settings, such as \"student: Ana\"", file, root.Line)
	}
	var walk func(m *yaml.Node, prefix string, into map[string]any) error
	walk = func(m *yaml.Node, prefix string, into map[string]any) error {
		for i := 0; i+1 < len(m.Content); i += 2 {
			k, val := m.Content[i], m.Content[i+1]
			if val.Kind == yaml.AliasNode {
				val = val.Alias
			}
			key := strings.ReplaceAll(strings.ToLower(k.Value), "_", "-")
			lines[prefix+key] = k.Line
			switch val.Kind {
			case yaml.MappingNode:
				if prefix != "" {
					return fmt.Errorf("%s:%d: %s%s: expected a value, found a mapping", file, k.Line, prefix, key)
				}
				sub := map[string]any{}
				if err := walk(val, key+".", sub); err != nil {
					return err
				}
				into[key] = sub
			case yaml.SequenceNode:
				list := make([]any, 0, len(val.Content))
				for _, c := range val.Content {
					if c.Kind != yaml.ScalarNode {
						return fmt.Errorf("%s:%d: %s%s: expected a list of values", file, c.Line, prefix, key)
					}
					list = append(list, c.Value)
				}
				into[key] = list
			default:
				into[key] = val.Value
			}
		}
		return nil
	}
	if err := walk(root, "", settings); err != nil {
		return nil, nil, err
	}
	return settings, lines, nil
}

// origin says where a setting came from, for error messages.
func origin(f *Factory, key string, origins map[string]string) string {
	env := "CONFLICTQ_" + strings.ToUpper(strings.NewReplacer("-", "_", ".", "_").Replace(key))
	if f.Getenv(env) != "" {
		return "environment variable " + env
	}
	if o, ok := origins[key]; ok {
		return o
	}
	return "config"
}

// setFlag gives a flag a value from the config: a list for repeatable flags
// (or comma-separated text, as environment variables give), else one value.
func setFlag(fl *pflag.Flag, val any) error {
	var list []string
	isList := false
	switch x := val.(type) {
	case []any:
		isList = true
		for _, e := range x {
			list = append(list, fmt.Sprint(e))
		}
	case []string:
		isList, list = true, x
	}
	if sv, ok := fl.Value.(pflag.SliceValue); ok {
		if !isList {
			for _, s := range strings.Split(fmt.Sprint(val), ",") {
				if s = strings.TrimSpace(s); s != "" {
					list = append(list, s)
				}
			}
		}
		if len(list) == 0 && fl.Name == "bank" {
			// Without a bank there is nothing to ask: say so here, where the
			// setting is, rather than later with no bank to name.
			return errors.New("expected at least one bank (a name or a file); remove the setting to use the default")
		}
		if err := sv.Replace(list); err != nil {
			return err
		}
		fl.Changed = true
		return nil
	}
	if isList {
		return fmt.Errorf("expected one value, found a list")
	}
	s := fmt.Sprint(val)
	if fl.Value.Type() == "bool" {
		if _, err := strconv.ParseBool(s); err != nil {
			return fmt.Errorf("expected true or false, found %q", s)
		}
	}
	if err := fl.Value.Set(s); err != nil {
		switch fl.Value.Type() {
		case "int", "uint64":
			return fmt.Errorf("expected a whole number, found %q", s)
		case "float64":
			return fmt.Errorf("expected a number, found %q", s)
		case "duration":
			return fmt.Errorf("expected a duration such as 15m or 1h30m, found %q", s)
		}
		return err
	}
	fl.Changed = true
	return nil
}

// settingNames answers what settings are checked against: whether a name
// is a command's or a flag's anywhere in the program. The whole tree (with
// every flag of every command) cost a run with a settings file 140 KB in
// 1,200 allocations, and a run builds only the command it reaches
// (newRootFor); most settings are that command's flags or the root's, and a
// section is named after a command whose name newRootFor knows (its
// stand-in's). Those answers are given from what is built; any other, and
// every "no", from the whole tree, built then, once.
type settingNames struct {
	cmd   *cobra.Command        // the command run, its flags parsed (with the root's)
	build func() *cobra.Command // the whole tree (wholeTree)
	// Of the whole tree, once built.
	tree            *cobra.Command
	commands, flags map[string]bool
}

// whole is every command of the program, built once.
func (n *settingNames) whole() *cobra.Command {
	if n.tree == nil {
		n.tree = n.build()
		n.commands, n.flags = commandsAndFlags(n.tree)
	}
	return n.tree
}

// builtFlag reports whether name is a flag of the command run (its own,
// the root's persistent ones, help): a flag of the whole tree, built alike.
func (n *settingNames) builtFlag(name string) bool {
	return n.cmd != nil && n.cmd.Flags().Lookup(name) != nil
}

// standInCommand reports whether name is the name of a command newRootFor
// knows (the root, or one it builds or stands in for): a command of the
// whole tree, built from the same list.
func (n *settingNames) standInCommand(name string) bool {
	if n.cmd != nil && name == n.cmd.Root().Name() {
		return true
	}
	var in func([]lazyCommand) bool
	in = func(cmds []lazyCommand) bool {
		for _, c := range cmds {
			if c.name == name || in(c.children) {
				return true
			}
		}
		return false
	}
	return in(rootCommands())
}

// isFlag reports whether name is a flag of any command.
func (n *settingNames) isFlag(name string) bool {
	if n.builtFlag(name) {
		return true
	}
	n.whole()
	return n.flags[name]
}

// isCommand reports whether name is any command's name.
func (n *settingNames) isCommand(name string) bool {
	if n.standInCommand(name) {
		return true
	}
	n.whole()
	return n.commands[name]
}

// isFlagOrCommand reports whether name is a flag or a command, asking the
// whole tree only when neither is known from what is built.
func (n *settingNames) isFlagOrCommand(name string) bool {
	if n.builtFlag(name) || n.standInCommand(name) {
		return true
	}
	n.whole()
	return n.flags[name] || n.commands[name]
}

// knownFlags are every command's flags, sorted.
func (n *settingNames) knownFlags() []string {
	n.whole()
	known := make([]string, 0, len(n.flags))
	for k := range n.flags {
		known = append(known, k)
	}
	sort.Strings(known)
	return known
}

// commandsAndFlags are the names of every command and every flag of the
// program cmd belongs to.
func commandsAndFlags(cmd *cobra.Command) (commands, flags map[string]bool) {
	flags, commands = map[string]bool{}, map[string]bool{}
	var visit func(c *cobra.Command)
	visit = func(c *cobra.Command) {
		commands[c.Name()] = true
		c.Flags().VisitAll(func(fl *pflag.Flag) { flags[fl.Name] = true })
		c.PersistentFlags().VisitAll(func(fl *pflag.Flag) { flags[fl.Name] = true })
		for _, sub := range c.Commands() {
			visit(sub)
		}
	}
	visit(cmd.Root())
	return commands, flags
}

// checkSections refuses a command's section written as one value or a
// list ("define: true", "grade: 3"): it sets nothing, and passed over in
// silence it looks as if it did (attack9 #10). A name that is a flag's too
// (bank) is that flag's value unless it is a mapping; a section left empty
// ("quiz:" with its settings commented out) sets nothing, as an empty file.
func checkSections(names *settingNames, file string, settings map[string]any, lines map[string]int) error {
	keys := make([]string, 0, len(settings))
	for k := range settings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
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
		if names.isFlag(key) || !names.isCommand(key) {
			continue
		}
		return fmt.Errorf("%s:%d: %s: expected the %s command's settings, one per line under it (such as \"%s:\" then \"  %s: ...\"), found %s",
			file, lines[key], key, key, key, exampleFlag(names.whole(), key), found)
	}
	return nil
}

// exampleFlag is a flag of the command named name, for an example: its
// first own flag, or "no-color".
func exampleFlag(root *cobra.Command, name string) string {
	for _, c := range root.Commands() {
		if c.Name() != name {
			continue
		}
		example := "no-color"
		c.LocalFlags().VisitAll(func(fl *pflag.Flag) {
			if example == "no-color" && fl.Name != "help" && !perRunFlag(fl.Name) {
				example = fl.Name
			}
		})
		return example
	}
	return "no-color"
}

// warnUnknownSettings points out settings no command knows: usually typos.
func warnUnknownSettings(names *settingNames, f *Factory, origins map[string]string) {
	if len(origins) == 0 {
		return // no settings file: nothing to check
	}
	keys := make([]string, 0, len(origins))
	for k := range origins {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		name, section := key, ""
		if s, rest, ok := strings.Cut(key, "."); ok && names.isCommand(s) {
			name, section = rest, s
		}
		switch {
		case perRunFlag(name):
			if section == "" && !names.isFlag(name) && names.isCommand(name) {
				continue // a section: checkSections checked its shape
			}
			fmt.Fprintf(f.IOStreams.ErrOut, "%s: warning: %q applies to one run only and is not read from settings; give it as a flag\n", text.EscapeControl(origins[key]), key)
		case section == "" && !names.isFlagOrCommand(name), section != "" && !names.isFlag(name):
			// A section alone (commands, not a flag) is no setting:
			// checkSections checked its shape.
			hint := text.Suggest(name, names.knownFlags())
			fmt.Fprintf(f.IOStreams.ErrOut, "%s: warning: unknown setting %q%s\n", text.EscapeControl(origins[key]), key, hint)
		}
	}
}
