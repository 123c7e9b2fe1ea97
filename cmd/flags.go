package cmd

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fileio"
)

// enumFlag is a string flag that accepts only listed values, so a bad value is
// caught where it was set: on the command line, in the environment or a config file.
type enumFlag struct {
	value   *string
	allowed []string
	format  bool // a format: named by its extension too (md for markdown)
}

func newEnum(p *string, def string, allowed ...string) *enumFlag {
	*p = def
	return &enumFlag{value: p, allowed: allowed}
}

// newFormat is newEnum for a --format flag: a format is also named by the
// extension that names it in -o's file name (fileio.FormatNamed), so that
// --format md is --format markdown, as -o test.md is.
func newFormat(p *string, def string, allowed ...string) *enumFlag {
	e := newEnum(p, def, allowed...)
	e.format = true
	return e
}

func (e *enumFlag) String() string { return *e.value }
func (e *enumFlag) Type() string   { return "string" }
func (e *enumFlag) Set(s string) error {
	s = strings.ToLower(strings.TrimSpace(s))
	if e.format { // only a format is named by its extension
		if f := fileio.FormatNamed(s, e.allowed...); f != "" {
			*e.value = f
			return nil
		}
	}
	for _, a := range e.allowed {
		if s == a {
			*e.value = s
			return nil
		}
	}
	allowed := strings.Join(e.allowed, ", ")
	if e.format {
		allowed = fileio.NameList(e.allowed...) // md, as it is taken
	}
	return fmt.Errorf("%q is not one of %s", s, allowed)
}

// stringArrayVar defines a repeatable flag that keeps each value whole, as
// pflag's StringArrayVar does, and is the same to help, man pages, completion,
// GetStringArray and settings (its Type is "stringArray"). It exists for its
// cost: pflag takes a flag's default text from String() as the flag is
// defined, in every run and for every command's flags, and its stringArray
// writes that text with a csv.Writer and its 4 KB buffer. Eleven such flags
// made 46 KB of the 114 KB that building the command tree allocated, and about
// 12 page faults in every run, conflictq version included (measured: see the
// commit that brought this).
//
// A default shown as [] is given the text "" instead: pflag's help
// leaves out "(default [])" only for its own type, and "" is the text it
// leaves out for any other. (cmd/gendocs shows it in man pages as pflag does.)
func stringArrayVar(fl *pflag.FlagSet, p *[]string, name string, def []string, usage string) {
	*p = def
	flag := fl.VarPF(&stringArray{value: p}, name, "", usage)
	if flag.DefValue == "[]" { // no default, or one empty value
		flag.DefValue = ""
	}
}

// stringArray is the value of a stringArrayVar flag: pflag's stringArrayValue,
// method for method, but for String's cost.
type stringArray struct {
	value   *[]string
	changed bool // set once: the first value given replaces the default
}

func (s *stringArray) Set(val string) error {
	if !s.changed {
		*s.value = []string{val}
		s.changed = true
	} else {
		*s.value = append(*s.value, val)
	}
	return nil
}

func (s *stringArray) Append(val string) error {
	*s.value = append(*s.value, val)
	return nil
}

func (s *stringArray) Replace(val []string) error {
	out := make([]string, len(val))
	copy(out, val)
	*s.value = out
	return nil
}

func (s *stringArray) GetSlice() []string {
	out := make([]string, len(*s.value))
	copy(out, *s.value)
	return out
}

func (s *stringArray) Type() string { return "stringArray" }

// String is pflag's text for the values, one CSV record in brackets
// (GetStringArray reads it back so), written with a csv.Writer only when a
// value needs quoting.
func (s *stringArray) String() string {
	if slices.ContainsFunc(*s.value, csvNeedsQuotes) {
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.Write(*s.value) // a bytes.Buffer takes every write
		w.Flush()
		return "[" + strings.TrimSuffix(b.String(), "\n") + "]"
	}
	return "[" + strings.Join(*s.value, ",") + "]"
}

// csvNeedsQuotes says whether a csv.Writer (comma-separated) quotes field:
// encoding/csv's rule, which it does not export.
func csvNeedsQuotes(field string) bool {
	if field == "" {
		return false
	}
	if field == `\.` || strings.ContainsAny(field, ",\"\r\n") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(field)
	return unicode.IsSpace(r)
}

// Selection is which questions a command takes: the flags quiz and sheet share.
type Selection struct {
	Banks      []string
	Count      int
	Tags       []string
	Difficulty string
	Types      []string // question types (quiz.TypeNames), as given; checkCount reads the lists
	Set        string   // a question set's name: the same questions for everyone who gives it
	Seed       uint64
	SeedSet    bool // set from cmd.Flags().Changed("seed")
	SetGiven   bool // set from cmd.Flags().Changed("set"): --set "" is refused
	BanksSet   bool // --bank given (or set in settings), not the default
}

// Filter returns the selection as the quiz library takes it.
func (s *Selection) Filter() quiz.Filter {
	return quiz.Filter{Count: s.Count, Tags: s.Tags, Difficulty: s.Difficulty, Types: s.Types, Set: s.Set}
}

// addSelectionFlags defines --bank, -n/--count, --tag, --difficulty, --type,
// --set and --seed; seedNote says where the seed is recorded.
func addSelectionFlags(fl *pflag.FlagSet, s *Selection, seedNote string) {
	stringArrayVar(fl, &s.Banks, "bank", []string{"comprehension"}, "an embedded bank's `name` or a bank file: YAML, JSON, GIFT, Moodle XML or Aiken (repeatable)")
	fl.IntVarP(&s.Count, "count", "n", 0, "at most `N` questions (0: all)")
	stringArrayVar(fl, &s.Tags, "tag", nil, "only questions with this `tag` (repeatable: any of them)")
	fl.Var(newEnum(&s.Difficulty, "", quiz.Difficulties...), "difficulty", "only questions of this difficulty: easy, medium or hard")
	addTypeFlag(fl, &s.Types, "")
	fl.StringVar(&s.Set, "set", "", "pick the questions by this set's `name` (any text, such as 9c): everyone given it gets the same questions, each in an order of their own")
	fl.Uint64Var(&s.Seed, "seed", 0, "shuffle with seed `N` (default: random; "+seedNote+"); with --set it orders the set's questions and options only")
}

// setHelp says how --set and --seed work together, for the commands' help.
const setHelp = `--set NAME gives a class the same questions, each student in an order of
their own: the set's name (any text: 9c, a date) picks the questions, and each
student's own random seed orders them and their options. Do not give a class
one --seed instead: it gives every student the same order, so neighbours can
copy by position. --set with --seed orders the set's questions by that seed (a
re-take, a test); --seed alone picks and orders. The set is picked from the
questions -n, --tag, --difficulty and --type leave: give everyone the same
ones (--type closed for a test taken alone, with no open questions).`

// addTypeFlag defines --type; note begins its help (bank export's
// "worksheet: ").
func addTypeFlag(fl *pflag.FlagSet, types *[]string, note string) {
	stringArrayVar(fl, types, "type", nil, note+"only questions of this `type`: closed (every type but open), "+
		strings.Join(quiz.TypeNames[1:], ", ")+" (repeatable or a comma list: any of them)")
}

// typeCompletion offers the question types --type takes; after a comma,
// the types not yet in the list (single,m offers single,multi).
func typeCompletion(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	var done []string
	last := toComplete
	if i := strings.LastIndex(toComplete, ","); i >= 0 {
		done, last = strings.Split(toComplete[:i], ","), toComplete[i+1:]
	}
	var out []string
	for _, t := range quiz.TypeNames {
		if strings.HasPrefix(t, strings.ToLower(last)) && !slices.Contains(done, t) {
			out = append(out, toComplete[:len(toComplete)-len(last)]+t)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// checkTypes reads --type's names (quiz.ParseTypes) into s.Types, or
// refuses one that names no type.
func (s *Selection) checkTypes(f *Factory) error {
	types, err := quiz.ParseTypes(s.Types)
	if err != nil {
		return f.badValue("type", "--type: %v", err)
	}
	s.Types = types
	return nil
}

// checkCount refuses a negative --count, a --set with no name, and a
// --type that names no type.
func (s *Selection) checkCount(f *Factory) error {
	if s.Count < 0 {
		return f.badValue("count", "--count must be 0 (all) or more, not %d", s.Count)
	}
	if err := s.checkTypes(f); err != nil {
		return err
	}
	if s.Set != "" || s.SetGiven {
		if err := quiz.CheckSetName(s.Set); err != nil {
			return f.badValue("set", "--set %q: %v", s.Set, err)
		}
	}
	return nil
}

// tagCompletion offers the tags of the banks named by --bank (the default
// bank when none is), each with how many questions carry it.
func tagCompletion(f *Factory) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		refs, _ := cmd.Flags().GetStringArray("bank")
		if len(refs) == 0 && len(args) > 0 { // bank export NAME
			refs = args[:1]
		}
		var banks []*quiz.Bank
		lib := f.Library()
		for _, ref := range refs {
			if b, _, err := lib.Load(ref); err == nil {
				banks = append(banks, b)
			}
		}
		counts := quiz.TagCounts(banks...)
		var out []string
		for t, n := range counts {
			if strings.HasPrefix(strings.ToLower(t), strings.ToLower(toComplete)) {
				out = append(out, fmt.Sprintf("%s\t%d questions", t, n))
			}
		}
		slices.Sort(out)
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}
