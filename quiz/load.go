package quiz

import (
	"fmt"
	"math"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/internal/yamlnode"
	"github.com/conflictq/conflictq/quiz/text"
)

// ParseBank parses and validates a YAML bank. file names the input in messages.
// It returns the bank and any warnings; when the bank has errors it returns an
// *InvalidError listing every problem (errors and warnings) with its line.
func ParseBank(file string, data []byte) (*Bank, []Problem, error) {
	ps := &Problems{File: file}
	root, ok := parseYAML(ps, data, "")
	if !ok {
		return nil, nil, ps.Err()
	}
	b := &Bank{File: file}
	if root.Kind != yaml.MappingNode {
		ps.Add(root.Line, "", "", "a bank is a mapping with id, title and questions, not a %s", yamlnode.KindName(root))
		return nil, nil, ps.Err()
	}
	var questionsNode *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], yamlnode.Resolve(root.Content[i+1])
		switch k.Value {
		case "id":
			b.ID = yamlnode.Scalar(ps.Add, v, "", "id")
		case "title":
			b.Title = yamlnode.Scalar(ps.Add, v, "", "title")
		case "description":
			b.Description = yamlnode.Scalar(ps.Add, v, "", "description")
		case "questions":
			questionsNode = v
		default:
			ps.Add(k.Line, "", k.Value, "unknown field%s (a bank has id, title, description, questions)", text.Suggest(k.Value, []string{"id", "title", "description", "questions"}))
		}
	}
	switch {
	case b.ID == "":
		ps.Add(root.Line, "", "id", "missing: give the bank an id such as %q", "my-bank")
	case !ValidID(b.ID):
		ps.Add(yamlnode.Line(root, "id"), "", "id", "%q must be lower-case letters, digits, hyphens or underscores", b.ID)
	}
	if b.Title == "" {
		ps.Add(root.Line, "", "title", "missing")
	}
	if questionsNode == nil || questionsNode.Kind != yaml.SequenceNode || len(questionsNode.Content) == 0 {
		l := root.Line
		if questionsNode != nil {
			l = questionsNode.Line
		}
		ps.Add(l, "", "questions", "a bank needs a list of at least one question")
	} else {
		seen := map[string]int{}
		for i, qn := range questionsNode.Content {
			q := parseQuestion(ps, yamlnode.Resolve(qn), i+1)
			if q == nil {
				continue
			}
			q.Bank = b.ID
			if q.ID != "" {
				if first, dup := seen[q.ID]; dup {
					ps.Add(q.Line, q.ID, "id", "duplicate: already used by the question at line %d", first)
				} else {
					seen[q.ID] = q.Line
				}
			}
			b.Questions = append(b.Questions, q)
		}
	}
	if err := ps.Err(); err != nil {
		return nil, nil, err
	}
	return b, ps.Warnings(), nil
}

// parseYAML checks size and encoding, then parses data to a node tree (see
// yamlnode.Parse for except).
func parseYAML(ps *Problems, data []byte, except string) (*yaml.Node, bool) {
	if p := checkText(ps.File, data); p != nil {
		ps.List = append(ps.List, *p)
		return nil, false
	}
	return yamlnode.Parse(ps.Add, data, except)
}

// YAMLProblem describes a YAML syntax error in file as a Problem with its line,
// for other YAML inputs (configuration) to report like banks do.
func YAMLProblem(file string, err error) Problem {
	line, msg := yamlnode.ErrorLine(err)
	return Problem{File: file, Line: line, Msg: msg}
}

// CheckText refuses input that no parser should read: larger than
// fileio.MaxFileSize, or not UTF-8 (with the line of the first bad byte). Every
// format's parser calls it first.
func CheckText(file string, data []byte) error {
	if p := checkText(file, data); p != nil {
		return &InvalidError{Problems: []Problem{*p}}
	}
	return nil
}

func checkText(file string, data []byte) *Problem {
	switch {
	case len(data) > fileio.MaxFileSize:
		return &Problem{File: file, Msg: fmt.Sprintf("file is %.1f MB; conflictq reads files of at most %d MB", float64(len(data))/(1<<20), fileio.MaxFileSize>>20)}
	case !utf8.Valid(data):
		return &Problem{File: file, Line: text.InvalidUTF8Line(data), Msg: "not valid UTF-8 text (save the file as UTF-8)"}
	}
	return nil
}

// TitleFromFile is a file's name without its directory and extension: what a
// bank imported from another format is called.
func TitleFromFile(file string) string {
	base := path.Base(strings.ReplaceAll(file, `\`, "/"))
	if base == "." || base == "/" {
		return ""
	}
	return strings.TrimSuffix(base, path.Ext(base))
}

// fieldTypes says which types use each answer field.
var fieldTypes = map[string][]Type{
	"choices":      {Single, Multi},
	"answer":       {Single, TrueFalse, Numeric},
	"answers":      {Multi},
	"accept":       {Short},
	"tolerance":    {Numeric},
	"unit":         {Numeric},
	"items":        {Order},
	"pairs":        {Match},
	"model_answer": {Open},
	"key_points":   {Open},
}

var commonFields = []string{"id", "type", "prompt", "explanation", "source", "difficulty", "tags", "points"}

func allFields() []string {
	out := append([]string(nil), commonFields...)
	for k := range fieldTypes {
		out = append(out, k)
	}
	return out
}

func parseQuestion(ps *Problems, n *yaml.Node, index int) *Question {
	if n.Kind != yaml.MappingNode {
		ps.Add(n.Line, "", fmt.Sprintf("questions[%d]", index), "expected a question (a mapping with id, type, prompt...), found a %s", yamlnode.KindName(n))
		return nil
	}
	q := &Question{Line: n.Line, Points: 1}
	parsed := len(ps.List) // the problems found before are not this question's
	fields := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		fields[n.Content[i].Value] = yamlnode.Resolve(n.Content[i+1])
	}
	if v, ok := fields["id"]; ok {
		q.ID = yamlnode.Scalar(ps.Add, v, "", "id")
	}
	qid := q.ID
	if qid == "" {
		qid = fmt.Sprintf("#%d", index)
	}
	if v, ok := fields["type"]; ok {
		q.Type = Type(yamlnode.Scalar(ps.Add, v, qid, "type"))
	}
	typeOK := slices.Contains(Types, q.Type) || q.Type == Info

	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], yamlnode.Resolve(n.Content[i+1])
		key := k.Value
		switch key {
		case "id", "type":
		case "prompt":
			q.Prompt = yamlnode.Scalar(ps.Add, v, qid, key)
		case "explanation":
			q.Explanation = yamlnode.Scalar(ps.Add, v, qid, key)
		case "difficulty":
			q.Difficulty = yamlnode.Scalar(ps.Add, v, qid, key)
		case "tags":
			q.Tags = yamlnode.ScalarList(ps.Add, v, qid, key)
		case "points":
			if p, ok := yamlnode.Number(ps.Add, v, qid, key); ok {
				q.Points = p
			}
		case "source":
			q.Source = parseSource(ps, v, qid)
		default:
			types, known := fieldTypes[key]
			if !known {
				ps.Add(k.Line, qid, key, "unknown field%s", text.Suggest(key, allFields()))
				continue
			}
			if typeOK && !slices.Contains(types, q.Type) {
				ps.Add(k.Line, qid, key, "not used by type %s (it goes with %s)", q.Type, joinTypes(types))
				continue
			}
			parseAnswerField(ps, q, qid, key, k, v)
		}
	}
	if q.Explanation == "" && q.Type != Info {
		ps.Warn(n.Line, qid, "explanation", "missing: students learn little from a bare mark")
	}
	if q.Source.IsZero() {
		ps.Warn(n.Line, qid, "source", "missing: cite the section, paragraph and a short quote")
	}
	if typeOK {
		checkAnswerData(ps, q, qid, n, fields)
	}
	validate(ps, q, qid, n, fields, ps.List[parsed:])
	return q
}

func parseSource(ps *Problems, n *yaml.Node, qid string) Source {
	var s Source
	if n.Kind != yaml.MappingNode {
		ps.Add(n.Line, qid, "source", "expected section, paragraph and quote, found a %s", yamlnode.KindName(n))
		return s
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], yamlnode.Resolve(n.Content[i+1])
		switch k.Value {
		case "section":
			s.Section = yamlnode.Scalar(ps.Add, v, qid, "source.section")
		case "paragraph":
			if p, ok := yamlnode.Number(ps.Add, v, qid, "source.paragraph"); ok {
				if p < 1 || p != math.Trunc(p) {
					ps.Add(k.Line, qid, "source.paragraph", "must be a whole number from 1")
				}
				s.Paragraph = int(p)
			}
		case "quote":
			s.Quote = yamlnode.Scalar(ps.Add, v, qid, "source.quote")
		default:
			ps.Add(k.Line, qid, "source."+k.Value, "unknown field%s", text.Suggest(k.Value, []string{"section", "paragraph", "quote"}))
		}
	}
	if s.Section == "" {
		ps.Add(n.Line, qid, "source.section", "missing (the untitled opening is \"Introduction\")")
	}
	return s
}

func parseAnswerField(ps *Problems, q *Question, qid, key string, k, v *yaml.Node) {
	switch key {
	case "choices":
		q.Choices = yamlnode.ScalarList(ps.Add, v, qid, key)
	case "answers":
		// resolved against choices in checkAnswerData
	case "answer":
		switch q.Type {
		case TrueFalse:
			if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
				ps.Add(v.Line, qid, key, "expected true or false, found %s", yamlnode.Describe(v))
				return
			}
			q.Truth = strings.EqualFold(v.Value, "true") || strings.EqualFold(v.Value, "yes") || strings.EqualFold(v.Value, "on")
		case Numeric:
			q.Value, _ = yamlnode.Number(ps.Add, v, qid, key)
		}
	case "accept":
		q.Accept = yamlnode.ScalarList(ps.Add, v, qid, key)
	case "tolerance":
		if t, ok := yamlnode.Number(ps.Add, v, qid, key); ok {
			q.Tol = t
		}
	case "unit":
		q.Unit = yamlnode.Scalar(ps.Add, v, qid, key)
	case "items":
		q.Items = yamlnode.ScalarList(ps.Add, v, qid, key)
	case "pairs":
		q.Pairs = parsePairs(ps, v, qid)
	case "model_answer":
		q.Model = yamlnode.Scalar(ps.Add, v, qid, key)
	case "key_points":
		q.Key = yamlnode.ScalarList(ps.Add, v, qid, key)
	}
}

func parsePairs(ps *Problems, n *yaml.Node, qid string) []Pair {
	if n.Kind != yaml.SequenceNode {
		ps.Add(n.Line, qid, "pairs", "expected a list of {left, right}, found a %s", yamlnode.KindName(n))
		return nil
	}
	var out []Pair
	for _, c := range n.Content {
		c = yamlnode.Resolve(c)
		if c.Kind != yaml.MappingNode {
			ps.Add(c.Line, qid, "pairs", "expected {left: ..., right: ...}, found a %s", yamlnode.KindName(c))
			continue
		}
		var p Pair
		for i := 0; i+1 < len(c.Content); i += 2 {
			k, v := c.Content[i], yamlnode.Resolve(c.Content[i+1])
			switch k.Value {
			case "left":
				p.Left = yamlnode.Scalar(ps.Add, v, qid, "pairs.left")
			case "right":
				p.Right = yamlnode.Scalar(ps.Add, v, qid, "pairs.right")
			default:
				ps.Add(k.Line, qid, "pairs."+k.Value, "unknown field (a pair has left and right)")
			}
		}
		if p.Left == "" || p.Right == "" {
			ps.Add(c.Line, qid, "pairs", "each pair needs both left and right")
			continue
		}
		out = append(out, p)
	}
	return out
}

// checkAnswerData checks that the fields the question's type needs are present and
// consistent; it reports at the line of the offending field.
func checkAnswerData(ps *Problems, q *Question, qid string, n *yaml.Node, fields map[string]*yaml.Node) {
	need := func(key string) bool {
		if _, ok := fields[key]; !ok {
			ps.Add(n.Line, qid, key, "missing: type %s needs it", q.Type)
			return false
		}
		return true
	}
	switch q.Type {
	case Single, Multi:
		if !need("choices") {
			return
		}
		if q.Type == Single {
			if !need("answer") {
				return
			}
			a := yamlnode.Scalar(ps.Add, fields["answer"], qid, "answer")
			if i := indexOfNormalized(q.Choices, a); i >= 0 {
				q.Correct = []int{i}
			} else {
				ps.Add(yamlnode.Line(n, "answer"), qid, "answer", "%q is not one of the choices%s", a, letterHint(a))
			}
			return
		}
		if !need("answers") {
			return
		}
		for _, a := range yamlnode.ScalarList(ps.Add, fields["answers"], qid, "answers") {
			i := indexOfNormalized(q.Choices, a)
			switch {
			case i < 0:
				ps.Add(yamlnode.Line(n, "answers"), qid, "answers", "%q is not one of the choices%s", a, letterHint(a))
			case slices.Contains(q.Correct, i):
				ps.Add(yamlnode.Line(n, "answers"), qid, "answers", "%q is listed twice", a)
			default:
				q.Correct = append(q.Correct, i)
			}
		}
	case TrueFalse:
		need("answer")
	case Short:
		need("accept")
	case Numeric:
		need("answer")
	case Order:
		need("items")
	case Match:
		need("pairs")
	case Open:
		need("model_answer")
	}
}

func letterHint(a string) string {
	if len(a) == 1 && strings.ContainsAny(strings.ToUpper(a), "ABCDEFGHIJ") {
		return " (give the choice's text, not its letter)"
	}
	return ""
}

func indexOfNormalized(list []string, s string) int {
	want := text.Normalize(s)
	for i, c := range list {
		if text.Normalize(c) == want {
			return i
		}
	}
	return -1
}

func joinTypes(ts []Type) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = string(t)
	}
	return strings.Join(s, ", ")
}

func typeList() string { return joinTypes(Types) }

// validate adds what Question.Validate finds in q, at the line of the field
// it names, except for fields whose reading already reported a problem (an
// answer that is not one of the choices is one problem, not two).
func validate(ps *Problems, q *Question, qid string, n *yaml.Node, fields map[string]*yaml.Node, found []Problem) {
	reported := map[string]bool{}
	for _, p := range found {
		reported[p.Field] = true
	}
	// The right choices depend on the choices.
	reported["answer"] = reported["answer"] || reported["choices"]
	reported["answers"] = reported["answers"] || reported["choices"]
	for _, p := range q.Validate() {
		if reported[p.Field] {
			continue
		}
		p.File, p.Question, p.Line = ps.File, qid, fieldLine(n, fields, p.Field)
		ps.List = append(ps.List, p)
	}
}

// fieldLine is the line of a question's field: source.quote is inside source,
// pairs.left and pairs.right are the pairs' lines.
func fieldLine(n *yaml.Node, fields map[string]*yaml.Node, field string) int {
	top, sub, nested := strings.Cut(field, ".")
	if src := fields[top]; nested && top == "source" && src != nil && src.Kind == yaml.MappingNode {
		return yamlnode.Line(src, sub)
	}
	return yamlnode.Line(n, top)
}
