package prompt

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/AlecAivazis/survey/v2/core"

	"github.com/conflictq/conflictq/quiz/text"
)

// survey draws its key hint on the prompt's last line, where at 80 to 100
// columns it ran past the edge and the terminal broke it inside a word ("ar|e
// kept", "[Us|e arrows"), and echoes the answer after the prompt on the same
// line, which broke the same way ("It s|aid"). These templates, survey's own
// with two changes, put the hint on a line of its own, wrapped to the width,
// and the answer on its own lines under the prompt, wrapped at word
// boundaries (a checklist's ticks one a line: they may hold commas). Text is typed on a line of its own, after "> ". Options are wrapped before survey sees them (wrapOptions).

// Columns before an option's text: "> " in a menu, "> [ ]  " in a checklist.
const (
	selectIndent = 2
	multiIndent  = 7
)

// answerIndent is how far an echoed answer sits under its prompt.
const answerIndent = "  "

// registered is registerFuncs' once: a zero sync.Once is data, where a
// sync.OnceFunc package variable is made in the package's init, in every
// run of every command.
var registered sync.Once

// registerFuncs adds this package's template functions to survey's, once.
func registerFuncs() {
	registered.Do(func() {
		// survey parses a template with these maps the first time it draws it;
		// this package is the only one that draws with survey.
		for _, funcs := range []map[string]any{core.TemplateFuncsWithColor, core.TemplateFuncsNoColor} {
			funcs["wrapAnswer"] = wrapAnswer
			funcs["noMatch"] = noMatch
			funcs["refusal"] = refusal
			funcs["ticked"] = recordTicks
		}
	})
}

// sentence is a refused reply's message as a sentence on its own line is
// written (a Go error starts with a small letter and ends without a full
// stop), in the same words on the terminal (errorTemplate) and in plain
// mode: plain said "Sorry: please type a year…." where the terminal said
// "X Please type a year…" (teacher14 P13).
func sentence(err error) string {
	m := err.Error()
	r, n := utf8.DecodeRuneInString(m)
	if n == 0 {
		return m
	}
	m = string(unicode.ToUpper(r)) + m[n:]
	if !strings.ContainsAny(m[len(m)-1:], ".!?") {
		m += "."
	}
	return m
}

// refusal is sentence(err) wrapped to width after a mark of two columns
// (the terminal's "X ", plain mode's indent), its later lines under its
// first word: "(such as 0\n.5)" broke inside a number at 80 columns.
func refusal(err error, width int) string {
	return text.Hang(sentence(err), width, 2)
}

// wrapAnswer lays an echoed answer out under its prompt: the line breaks
// wrapOptions put into options are taken out, and the text wrapped again;
// after an option's letter ("a) ") the later lines sit under the text, as
// the menu drew them (teacher16 P3).
func wrapAnswer(answer string, width int) string {
	answer = strings.Join(strings.Fields(answer), " ")
	pad := answerIndent
	if label, _, ok := strings.Cut(answer, ") "); ok {
		if _, letter := text.LetterIndex(label); letter {
			pad += strings.Repeat(" ", len(label)+2)
		}
	}
	return answerIndent + strings.TrimPrefix(text.Wrap(answer, width, pad), pad)
}

// hint wraps a key hint to the width, on lines of its own.
func hint(h string, width int) string {
	if width <= 0 {
		return answerIndent + h
	}
	return text.Wrap(h, width, answerIndent)
}

// wrapOptions wraps each option to the width left after the menu's marks
// and, with letters, puts its letter before it ("b) "), its later lines
// indented under its text, not its letter.
func wrapOptions(options []string, width, indent int, letters bool) []string {
	out := make([]string, len(options))
	for i, o := range options {
		label := ""
		if letters {
			label = text.Letter(i) + ") "
		}
		if width > 0 {
			o = text.Hang(o, width, indent+len(label))
		}
		out[i] = label + o
	}
	return out
}

// unlabel is an option as wrapOptions drew it, without its letter.
func unlabel(option string, letters bool) string {
	if _, o, ok := strings.Cut(option, ") "); ok && letters {
		return o
	}
	return option
}

const selectTemplate = `
{{- define "option"}}
    {{- if eq .SelectedIndex .CurrentIndex }}{{color .Config.Icons.SelectFocus.Format }}{{ .Config.Icons.SelectFocus.Text }} {{else}}{{color "default"}}  {{end}}
    {{- .CurrentOpt.Value}}
    {{- color "reset"}}
{{end}}
{{- if .ShowHelp }}{{- color .Config.Icons.Help.Format }}{{ .Config.Icons.Help.Text }} {{ .Help }}{{color "reset"}}{{"\n"}}{{end}}
{{- color .Config.Icons.Question.Format }}{{ .Config.Icons.Question.Text }} {{color "reset"}}
{{- color "default+hb"}}{{ .Message }}{{ .FilterMessage }}{{color "reset"}}
{{- if .ShowAnswer}}{{"\n"}}{{color "cyan"}}{{ wrapAnswer .Answer %[1]d }}{{color "reset"}}{{"\n"}}
{{- else}}{{"\n"}}{{- color "cyan"}}%[2]s{{color "reset"}}
  {{- "\n"}}
  {{- range $ix, $option := .PageEntries}}
    {{- template "option" $.IterateOption $ix $option}}
  {{- end}}
  {{- with noMatch .FilterMessage .Options %[1]d %[3]t}}{{color "yellow"}}{{.}}{{color "reset"}}{{"\n"}}{{end}}
{{- end}}`

// multiSelectTemplate hands the ticks it draws to recordTicks (ticks).
const multiSelectTemplate = `
{{- define "option"}}
    {{- if eq .SelectedIndex .CurrentIndex }}{{color .Config.Icons.SelectFocus.Format }}{{ .Config.Icons.SelectFocus.Text }}{{color "reset"}}{{else}} {{end}}
    {{- if index .Checked .CurrentOpt.Index }}{{color .Config.Icons.MarkedOption.Format }} {{ .Config.Icons.MarkedOption.Text }} {{else}}{{color .Config.Icons.UnmarkedOption.Format }} {{ .Config.Icons.UnmarkedOption.Text }} {{end}}
    {{- color "reset"}}
    {{- " "}}{{- .CurrentOpt.Value}}
{{end}}
{{- if .ShowHelp }}{{- color .Config.Icons.Help.Format }}{{ .Config.Icons.Help.Text }} {{ .Help }}{{color "reset"}}{{"\n"}}{{end}}
{{- color .Config.Icons.Question.Format }}{{ .Config.Icons.Question.Text }} {{color "reset"}}
{{- color "default+hb"}}{{ .Message }}{{ .FilterMessage }}{{color "reset"}}
{{- if .ShowAnswer}}{{"\n"}}{{color "cyan"}}
  {{- range $i, $o := .Options}}{{if index $.Checked $i}}{{ wrapAnswer $o %[1]d }}{{"\n"}}{{end}}{{end}}
  {{- if not .Answer}}{{ wrapAnswer "(none ticked)" %[1]d }}{{"\n"}}{{end}}{{color "reset"}}
{{- else }}{{ ticked .Options .Checked }}{{"\n"}}{{- color "cyan"}}%[2]s{{color "reset"}}
  {{- "\n"}}
  {{- range $ix, $option := .PageEntries}}
    {{- template "option" $.IterateOption $ix $option}}
  {{- end}}
  {{- with noMatch .FilterMessage .Options %[1]d %[3]t}}{{color "yellow"}}{{.}}{{color "reset"}}{{"\n"}}{{end}}
{{- end}}`

const inputTemplate = `
{{- if .ShowHelp }}{{- color .Config.Icons.Help.Format }}{{ .Config.Icons.Help.Text }} {{ .Help }}{{color "reset"}}{{"\n"}}{{end}}
{{- color .Config.Icons.Question.Format }}{{ .Config.Icons.Question.Text }} {{color "reset"}}
{{- color "default+hb"}}{{ .Message }}{{color "reset"}}
{{- if .ShowAnswer}}{{"\n"}}{{color "cyan"}}{{ wrapAnswer .Answer %d }}{{color "reset"}}{{"\n"}}
{{- else }}{{"\n"}}{{color "cyan"}}> {{color "reset"}}
  {{- if .Default}}{{color "white"}}({{.Default}}) {{color "reset"}}{{end}}
{{- end}}`

// templates are the three templates for a screen of width columns (0: no
// wrapping), for a menu whose options are lettered or not.
func templates(width int, letters bool) (sel, multi, input string) {
	w := width
	if w <= 0 {
		w = 1 << 20
	}
	filter, word := "type words to filter", "type a word to filter"
	if letters {
		filter, word = "type a letter or words to filter", "type a letter or a word to filter"
	}
	sel = fmt.Sprintf(selectTemplate, w, escapeTemplate(hint("[Use arrows to move, Enter to choose, "+filter+"]", width)), letters)
	// A checklist's space ticks the option the filter shows: "words"
	// invited "Iran Russia", which ticked Iran (teacher14 P10).
	multi = fmt.Sprintf(multiSelectTemplate, w, escapeTemplate(hint("[Use arrows to move, space to tick, → to tick all, ← to untick all, "+word+", Enter when done]", width)), letters)
	input = fmt.Sprintf(inputTemplate, w)
	return sel, multi, input
}

// escapeTemplate keeps literal text from being read as template actions.
func escapeTemplate(s string) string {
	return strings.ReplaceAll(s, "{{", `{{"{{"}}`)
}
