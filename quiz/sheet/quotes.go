package sheet

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/conflictq/conflictq/quiz"
)

// continuation counts the lines after lines[i] that carry on a plain value
// begun on it: indented more than its key (at), not blank, not a comment.
func continuation(lines [][]byte, i, at int, value string) int {
	if value == "" {
		return 0
	}
	n := 0
	for _, raw := range lines[i+1:] {
		l := strings.TrimRight(string(raw), lineBreaks)
		t := strings.TrimLeft(l, " \t")
		if t == "" || t[0] == '#' || len(l)-len(strings.TrimLeft(l, " ")) <= at {
			break
		}
		n++
	}
	return n
}

// jsonInner is s as the inside of a double-quoted YAML (JSON) string.
func jsonInner(s string) string {
	b, _ := json.Marshal(s)
	return strings.TrimSuffix(strings.TrimPrefix(string(b), `"`), `"`)
}

// runOnQuotes warns of a quoted answer that YAML reads over the lines of
// other answers: an apostrophe that begins one answer ('cause) and one that
// ends a later one (the Armenians') make one text of every answer between,
// which is valid YAML and would be graded without a word. The answers are
// the mapping's keys and values; data is the sheet's text, whose lines the
// nodes name.
func runOnQuotes(file string, answers *yaml.Node, data []byte) []quiz.Problem {
	var out []quiz.Problem
	for _, r := range runOns(answers, data) {
		q := "'"
		if r.value.Style == yaml.DoubleQuotedStyle {
			q = `"`
		}
		was := "were"
		if len(r.swallowed) == 1 {
			was = "was"
		}
		out = append(out, quiz.Problem{File: file, Line: r.id.Line, Question: r.id.Value, Warning: true,
			Msg: fmt.Sprintf("the %s that begins this answer closes only lines later, so %s %s read as part of it; if the %s is an apostrophe, put the whole answer in double quotes (or under a |)",
				q, swallowedLines(r.swallowed), was, q)})
	}
	return out
}

// swallowedLines names the answer lines a quote read over by their ids, as
// they begin: the line below it that begins "is:" (an id may be any word,
// so it is quoted, never read into the sentence: attack13 #8).
func swallowedLines(ids []string) string {
	if len(ids) == 1 {
		return fmt.Sprintf("the line below it that begins %q", ids[0]+":")
	}
	quoted := make([]string, len(ids))
	for i, id := range ids {
		quoted[i] = strconv.Quote(id + ":")
	}
	return "the lines below it that begin " + strings.Join(quoted, ", ")
}

// runOnLines returns the lines (1-based) of the quoted answers in root (a
// sheet as parsed from data) that YAML reads over the lines of other
// answers, with the ids of those answers; nil when there are none. parseYAML reads them as typed, so that
// each swallowed line is its own answer again.
func runOnLines(root *yaml.Node, data []byte) map[int][]string {
	if root.Kind != yaml.MappingNode || root.Style&yaml.FlowStyle != 0 {
		return nil
	}
	var out map[int][]string
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k, v := root.Content[i], root.Content[i+1]; k.Value == "answers" && v.Kind == yaml.MappingNode && v.Style&yaml.FlowStyle == 0 {
			for _, r := range runOns(v, data) {
				if out == nil {
					out = map[int][]string{}
				}
				out[r.id.Line] = r.swallowed
			}
		}
	}
	return out
}

// runOn is a quoted answer that swallowed the answers to other questions.
type runOn struct {
	id, value *yaml.Node
	swallowed []string
}

// runOns finds the run-on quoted answers among answers (a mapping's keys and
// values): a quoted value that holds the "id: " of a line below its own, at
// its id's indent.
func runOns(answers *yaml.Node, data []byte) []runOn {
	var out []runOn
	var lines [][]byte
	for j := 0; j+1 < len(answers.Content); j += 2 {
		id, a := answers.Content[j], answers.Content[j+1]
		if a.Kind != yaml.ScalarNode || (a.Style != yaml.SingleQuotedStyle && a.Style != yaml.DoubleQuotedStyle) || !strings.Contains(a.Value, ": ") {
			continue
		}
		if lines == nil {
			lines = SplitLines(data)
		}
		if a.Line < 1 || a.Line > len(lines) {
			continue
		}
		var swallowed []string
		for _, raw := range lines[a.Line:] { // the lines after the quote's
			m := answerLine().FindStringSubmatch(strings.TrimRight(string(raw), lineBreaks))
			if m == nil || len(m[1]) != id.Column-1 {
				continue
			}
			if !strings.Contains(a.Value, m[2]+": ") {
				break // past the quoted text
			}
			swallowed = append(swallowed, m[2])
		}
		if len(swallowed) > 0 {
			out = append(out, runOn{id, a, swallowed})
		}
	}
	return out
}
