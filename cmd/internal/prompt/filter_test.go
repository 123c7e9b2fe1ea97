package prompt

import (
	"slices"
	"strings"
	"testing"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/core"
)

// kept is the indexes of the options filter keeps for typed.
func kept(filter func(string, string, int) bool, options []string, typed string) []int {
	var out []int
	for i, o := range options {
		if filter(typed, o, i) {
			out = append(out, i)
		}
	}
	return out
}

// A letter typed in a menu, as on the paper test, keeps that option alone,
// though other options contain the letter; words keep the options holding
// them, folded as answers are; text that matches nothing keeps nothing in a
// menu and everything in a checklist (teacher4 P1).
func TestMenuFilter(t *testing.T) {
	options := []string{"Ambassador to the United States", "Senior adviser to the President of Armenia", "Mayor of Xocalı", "A member of the OSCE Minsk Group"}
	wrapped := wrapOptions(options, 30, selectIndent, true)
	for _, c := range []struct {
		typed string
		want  []int
	}{
		{"b", []int{1}}, // "Ambassador" holds a b; the letter wins
		{"B", []int{1}},
		{"b)", []int{1}},
		{"d", []int{3}},
		{"e", []int{0, 1, 3}},     // no option e: text, which Xocalı lacks
		{"ad", []int{0, 1}},       // two letters: text (Ambassador, adviser)
		{"xocali", []int{2}},      // ı folded
		{"XOCALI", []int{2}},      // case folded
		{"président", []int{1}},   // diacritics folded
		{"to the", []int{0, 1}},   // across a line break of the wrapped option
		{"minsk-group", []int{3}}, // punctuation folded
		{"zz", nil},
		{"?", []int{0, 1, 2, 3}}, // folds to nothing: hides nothing
	} {
		if got := kept(selectFilter(options, true), wrapped, c.typed); !slices.Equal(got, c.want) {
			t.Errorf("menu, typed %q: kept %v, want %v", c.typed, got, c.want)
		}
	}
	if got := kept(multiFilter(options, true), wrapped, "zz"); !slices.Equal(got, []int{0, 1, 2, 3}) {
		t.Errorf("checklist, typed %q: kept %v, want every option", "zz", got)
	}
	if got := kept(multiFilter(options, true), wrapped, "c"); !slices.Equal(got, []int{2}) {
		t.Errorf("checklist, typed %q: kept %v, want [2]", "c", got)
	}
	// A menu that shows no letters (order, true or false) reads a letter as
	// text: "b" is in Ambassador and Member, not the second option.
	if got := kept(selectFilter(options, false), options, "b"); !slices.Equal(got, []int{0, 3}) {
		t.Errorf("unlettered menu, typed %q: kept %v, want [0 3]", "b", got)
	}
}

// Options show their letters, in the order given, and a wrapped option's
// later lines sit under its text, not its letter; without letters, as
// before. No line is wider than the width.
func TestOptionsShowLetters(t *testing.T) {
	options := []string{"Baku", "The capital of the Azerbaijan Soviet Socialist Republic until 1991"}
	got := wrapOptions(options, 40, selectIndent, true)
	want := []string{"a) Baku", "b) The capital of the Azerbaijan\n     Soviet Socialist Republic until\n     1991"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("option %d drawn %q, want %q", i, got[i], want[i])
		}
	}
	for _, o := range got {
		for _, line := range strings.Split("> "+o, "\n") {
			if n := len([]rune(line)); n > 40 {
				t.Errorf("line %q is %d wide, more than 40", line, n)
			}
		}
	}
	if got := wrapOptions(options, 0, multiIndent, true); got[1] != "b) "+options[1] {
		t.Errorf("unwrapped option drawn %q", got[1])
	}
	if got := wrapOptions(options, 40, selectIndent, false); got[0] != "Baku" {
		t.Errorf("unlettered option drawn %q", got[0])
	}
}

// When the filter keeps no option, the menu says so under the options and
// how to get them back; while it keeps some, it says nothing.
func TestMenuSaysNoOptionMatches(t *testing.T) {
	registerFuncs()
	options := []string{"Baku", "Yerevan"}
	sel, multi, _ := templates(80, true)
	draw := func(tmpl string, data any) string {
		t.Helper()
		_, plain, err := core.RunTemplate(tmpl, data)
		if err != nil {
			t.Fatal(err)
		}
		return plain
	}
	const msg = `No option matches "zz": press Backspace or Ctrl-U to clear it.`
	none := draw(sel, survey.SelectTemplateData{Select: survey.Select{Message: "Capital?", Options: options, FilterMessage: " zz"}, Config: &survey.PromptConfig{}})
	if !strings.Contains(none, msg) {
		t.Errorf("a menu that shows no option does not say why:\n%s", none)
	}
	some := draw(sel, survey.SelectTemplateData{Select: survey.Select{Message: "Capital?", Options: options, FilterMessage: " b"}, Config: &survey.PromptConfig{}, PageEntries: core.OptionAnswerList(options[1:])})
	if strings.Contains(some, "No option") {
		t.Errorf("a menu with a match says none matches:\n%s", some)
	}
	all := draw(multi, survey.MultiSelectTemplateData{MultiSelect: survey.MultiSelect{Message: "Capitals?", Options: options, FilterMessage: " zz"}, PageEntries: core.OptionAnswerList(options), Checked: map[int]bool{}, Config: &survey.PromptConfig{}})
	if !strings.Contains(all, msg) {
		t.Errorf("a checklist showing every option for a filter that matches none does not say so:\n%s", all)
	}
}
