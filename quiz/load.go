package quiz

import (
	"fmt"
	"github.com/conflictq/conflictq/quiz/internal/lazy"
	"maps"
	"math"
	"path"
	"slices"
	"strconv"
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
	root, ok := parseYAML(ps, data)
	if !ok {
		return nil, nil, ps.Err()
	}
	b := &Bank{File: file}
	if root.Kind != yaml.MappingNode {
		ps.Add(root.Line, "", "", "a bank is a mapping with id, title and questions, not %s", yamlnode.KindName(root))
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
	} else if n := len(questionsNode.Content); n > MaxQuestions {
		ps.Add(questionsNode.Line, "", "questions", "%d questions; a bank holds at most %d (split the file)", n, MaxQuestions)
	} else {
		seen := map[string]int{}
		var nodes []*yaml.Node // each question's, for checkFormerIDs
		for i, qn := range questionsNode.Content {
			q := parseQuestion(ps, yamlnode.Resolve(qn), i+1)
			if q == nil {
				continue
			}
			nodes = append(nodes, yamlnode.Resolve(qn))
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
		checkFormerIDs(ps, b.Questions, nodes)
	}
	if err := ps.Err(); err != nil {
		return nil, nil, err
	}
	return b, ps.Warnings(), nil
}

// checkFormerIDs refuses what makes a former id name no one question of the
// bank: the current id of a question of it (that question's answers would
// be read as the other's), or a former id two questions claim. A former id
// that is a question's id in another bank is fine: that is why questions
// are renamed.
func checkFormerIDs(ps *Problems, qs []*Question, nodes []*yaml.Node) {
	current := make(map[string]int, len(qs))
	for _, q := range qs {
		if _, dup := current[q.ID]; !dup {
			current[q.ID] = q.Line
		}
	}
	claimed := map[string]string{}
	for i, q := range qs {
		line := yamlnode.Line(nodes[i], "former_ids")
		for _, f := range q.FormerIDs {
			if at, ok := current[f]; ok && f != q.ID { // its own id: Validate says so
				ps.Add(line, q.ID, "former_ids", "%q is the id of the question at line %d of this bank; a former id must be one no question of the bank has now", f, at)
			}
			if other, ok := claimed[f]; ok && other != q.ID {
				ps.Add(line, q.ID, "former_ids", "%q is already a former id of question %q; an old id names one question", f, other)
			}
			claimed[f] = q.ID
		}
	}
}

// parseYAML checks size and encoding, then parses data to a node tree, with
// every key given twice reported.
func parseYAML(ps *Problems, data []byte) (*yaml.Node, bool) {
	if p := checkText(ps.File, data); p != nil {
		ps.List = append(ps.List, *p)
		return nil, false
	}
	return yamlnode.Parse(ps.Add, data, true)
}

// ParseYAML parses a YAML file that is neither a bank nor a sheet (a settings
// file) with the checks every YAML input gets: size, encoding, one document,
// no key twice, no alias bomb. It returns the top node.
func ParseYAML(file string, data []byte) (*yaml.Node, error) {
	ps := &Problems{File: file}
	root, ok := parseYAML(ps, data)
	if !ok {
		return nil, ps.Err()
	}
	return root, nil
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

// fieldTypes says which types use each answer field (made on first use: lazy).
var fieldTypes = &lazy.Value[map[string][]Type]{New: func() map[string][]Type {
	return map[string][]Type{
		"choices":      {Single, Multi},
		"answer":       {Single, TrueFalse, Numeric},
		"answers":      {Multi},
		"accept":       {Short},
		"tolerance":    {Numeric},
		"unit":         {Numeric},
		"items":        {Order},
		"pairs":        {Match},
		"model_answer": {Open},
		"plain_answer": {Open},
		"plain_points": {Open},
		"key_points":   {Open},
		"credit":       {Single, Multi, Short},
		"also":         {Numeric},
		"typos":        {Short},
	}
}}

// fieldSet says whether q holds a value for one of fieldTypes' fields;
// known is false for a field it does not know, which a test refuses, so
// that Validate (validateUnused) checks every field of the table the loader
// checks, and a field added there is checked here too.
func fieldSet(q *Question, field string) (set, known bool) {
	switch field {
	case "choices":
		return len(q.Choices) > 0 || len(q.Correct) > 0, true
	case "answer":
		return q.Truth || q.Value != 0, true // a single question's answer is in Correct, with choices
	case "answers":
		return false, true // Correct, with choices
	case "accept":
		return len(q.Accept) > 0, true
	case "tolerance":
		return q.Tol != 0, true
	case "unit":
		return q.Unit != "", true
	case "items":
		return len(q.Items) > 0, true
	case "pairs":
		return len(q.Pairs) > 0, true
	case "model_answer":
		return q.Model != "", true
	case "plain_answer":
		return q.Plain != "", true
	case "plain_points":
		return len(q.PlainKey) > 0, true
	case "key_points":
		return len(q.Key) > 0, true
	case "credit":
		return q.Credit != nil, true
	case "also":
		return len(q.Numbers) > 0, true
	case "typos":
		return q.Exact, true
	}
	return false, false
}

// answerFields are fieldTypes' fields in a fixed order, for messages.
var answerFields = &lazy.Value[[]string]{New: func() []string { return slices.Sorted(maps.Keys(fieldTypes.Get())) }}

var commonFields = []string{"id", "name", "type", "prompt", "explanation", "source", "difficulty", "tags", "points", "former_ids"}

func allFields() []string {
	out := append([]string(nil), commonFields...)
	for k := range fieldTypes.Get() {
		out = append(out, k)
	}
	return out
}

func parseQuestion(ps *Problems, n *yaml.Node, index int) *Question {
	if n.Kind != yaml.MappingNode {
		ps.Add(n.Line, "", fmt.Sprintf("questions[%d]", index), "expected a question (a mapping with id, type, prompt...), found %s", yamlnode.KindName(n))
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
		case "name":
			q.Name = yamlnode.Scalar(ps.Add, v, qid, key)
		case "tags":
			q.Tags = yamlnode.ScalarList(ps.Add, v, qid, key)
		case "former_ids":
			q.FormerIDs = yamlnode.ScalarList(ps.Add, v, qid, key)
		case "points":
			if p, ok := yamlnode.Number(ps.Add, v, qid, key); ok {
				q.Points = p
			}
		case "source":
			q.Source = parseSource(ps, v, qid)
		default:
			types, known := fieldTypes.Get()[key]
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
		ps.Add(n.Line, qid, "source", "expected section, paragraph and quote, found %s", yamlnode.KindName(n))
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
	case "plain_answer":
		q.Plain = yamlnode.Scalar(ps.Add, v, qid, key)
	case "plain_points":
		q.PlainKey = yamlnode.ScalarList(ps.Add, v, qid, key)
	case "key_points":
		q.Key = yamlnode.ScalarList(ps.Add, v, qid, key)
	case "credit":
		// resolved against choices or accept in checkCredit
	case "also":
		q.Numbers = parseNumbers(ps, v, qid)
	case "typos":
		t, ok := yamlnode.Number(ps.Add, v, qid, key)
		switch {
		case !ok:
		case t == 0:
			q.Exact = true
		case t != 1:
			ps.Add(k.Line, qid, key, "expected 0 (exact) or 1 (one typo allowed), found %v", t)
		}
	}
}

// parseNumbers reads a numeric question's further answers:
// also: [{answer: 4, tolerance: 0.5, credit: 0.5}].
func parseNumbers(ps *Problems, n *yaml.Node, qid string) []Number {
	if n.Kind != yaml.SequenceNode {
		ps.Add(n.Line, qid, "also", "expected a list of {answer, tolerance, credit}, found %s", yamlnode.KindName(n))
		return nil
	}
	var out []Number
	for _, c := range n.Content {
		c = yamlnode.Resolve(c)
		if c.Kind != yaml.MappingNode {
			ps.Add(c.Line, qid, "also", "expected {answer: ..., credit: ...}, found %s", yamlnode.KindName(c))
			continue
		}
		num, hasAnswer, hasCredit := Number{}, false, false
		for i := 0; i+1 < len(c.Content); i += 2 {
			k, v := c.Content[i], yamlnode.Resolve(c.Content[i+1])
			switch k.Value {
			case "answer":
				if v.Kind == yaml.ScalarNode && strings.TrimSpace(v.Value) == "*" {
					num.Any, hasAnswer = true, true // Moodle's any other number
					continue
				}
				num.Value, hasAnswer = yamlnode.Number(ps.Add, v, qid, "also.answer")
			case "tolerance":
				if t, ok := yamlnode.Number(ps.Add, v, qid, "also.tolerance"); ok {
					if t < 0 {
						ps.Add(k.Line, qid, "also.tolerance", "must not be negative")
					}
					num.Tol = t
				}
			case "credit":
				num.Credit, hasCredit = creditValue(ps, v, qid, "also.credit", 0, 1)
			default:
				ps.Add(k.Line, qid, "also."+k.Value, "unknown field (an answer has answer, tolerance and credit)")
			}
		}
		if !hasAnswer || !hasCredit {
			ps.Add(c.Line, qid, "also", "each entry needs an answer and its credit")
			continue
		}
		out = append(out, num)
	}
	return out
}

// creditValue reads a share of the points: a number from lo to hi (0.5), or a
// percentage (50%).
func creditValue(ps *Problems, n *yaml.Node, qid, field string, lo, hi float64) (float64, bool) {
	if n.Kind == yaml.ScalarNode && strings.HasSuffix(strings.TrimSpace(n.Value), "%") {
		pct := strings.TrimSuffix(strings.TrimSpace(n.Value), "%")
		v, err := strconv.ParseFloat(strings.TrimSpace(pct), 64)
		if err != nil || math.IsNaN(v) {
			ps.Add(n.Line, qid, field, "expected a share such as 0.5 or 50%%, found %q", n.Value)
			return 0, false
		}
		n = &yaml.Node{Kind: yaml.ScalarNode, Value: strconv.FormatFloat(v/100, 'g', -1, 64), Line: n.Line}
	}
	v, ok := yamlnode.Number(ps.Add, n, qid, field)
	if ok && (v < lo || v > hi) {
		ps.Add(n.Line, qid, field, "%v is out of range: give a share from %v to %v (1 is full marks)", v, lo, hi)
		return 0, false
	}
	return v, ok
}

// checkCredit reads credit: {text: share} against the question's options
// (choices or accept), whose defaults the entries override.
func checkCredit(ps *Problems, q *Question, qid string, n *yaml.Node, options []string, lo float64) {
	n = yamlnode.Resolve(n)
	if n.Kind != yaml.MappingNode {
		ps.Add(n.Line, qid, "credit", "expected a mapping from an answer's text to its share (half: 0.5), found %s", yamlnode.KindName(n))
		return
	}
	credit := make([]float64, len(options))
	for i := range options {
		if q.Type == Short {
			credit[i] = q.AcceptCredit(i)
		} else {
			credit[i] = q.ChoiceCredit(i)
		}
	}
	what := "choices"
	if q.Type == Short {
		what = "accepted answers"
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], yamlnode.Resolve(n.Content[i+1])
		idx := indexOfOption(options, k.Value)
		if idx < 0 {
			ps.Add(k.Line, qid, "credit", "%q is not one of the %s", k.Value, what)
			continue
		}
		c, ok := creditValue(ps, v, qid, "credit", lo, 1)
		if !ok {
			continue
		}
		right := slices.Contains(q.Correct, idx)
		switch {
		case q.Type == Single && right && c != 1:
			ps.Add(k.Line, qid, "credit", "%q is the answer, which earns full credit (1); give partial credit to the other choices", k.Value)
			continue
		case q.Type == Multi && right && c <= 0:
			ps.Add(k.Line, qid, "credit", "%q is a right answer: its credit must be more than 0", k.Value)
			continue
		case q.Type == Multi && !right && c > 0:
			ps.Add(k.Line, qid, "credit", "%q is not among the answers: a positive credit makes it right (list it under answers)", k.Value)
			continue
		}
		credit[idx] = c
	}
	q.Credit = credit
}

func parsePairs(ps *Problems, n *yaml.Node, qid string) []Pair {
	if n.Kind != yaml.SequenceNode {
		ps.Add(n.Line, qid, "pairs", "expected a list of {left, right}, found %s", yamlnode.KindName(n))
		return nil
	}
	var out []Pair
	for _, c := range n.Content {
		c = yamlnode.Resolve(c)
		if c.Kind != yaml.MappingNode {
			ps.Add(c.Line, qid, "pairs", "expected {left: ..., right: ...}, found %s", yamlnode.KindName(c))
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
			if i := indexOfOption(q.Choices, a); i >= 0 {
				q.Correct = []int{i}
			} else {
				ps.Add(yamlnode.Line(n, "answer"), qid, "answer", "%q is not one of the choices%s", a, letterHint(a))
			}
			if c, ok := fields["credit"]; ok && len(q.Correct) == 1 {
				checkCredit(ps, q, qid, c, q.Choices, -1)
			}
			return
		}
		if !need("answers") {
			return
		}
		for _, a := range yamlnode.ScalarList(ps.Add, fields["answers"], qid, "answers") {
			i := indexOfOption(q.Choices, a)
			switch {
			case i < 0:
				ps.Add(yamlnode.Line(n, "answers"), qid, "answers", "%q is not one of the choices%s", a, letterHint(a))
			case slices.Contains(q.Correct, i):
				ps.Add(yamlnode.Line(n, "answers"), qid, "answers", "%q is listed twice", a)
			default:
				q.Correct = append(q.Correct, i)
			}
		}
		if c, ok := fields["credit"]; ok && len(q.Correct) > 0 {
			checkCredit(ps, q, qid, c, q.Choices, -1)
		}
	case TrueFalse:
		need("answer")
	case Short:
		if need("accept") {
			if c, ok := fields["credit"]; ok && len(q.Accept) > 0 {
				checkCredit(ps, q, qid, c, q.Accept, 0)
			}
		}
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

// indexOfOption finds s among options: by its text as written (trimmed)
// first, and else folded, when that finds exactly one.
func indexOfOption(list []string, s string) int {
	s = strings.TrimSpace(s)
	for i, c := range list {
		if strings.TrimSpace(c) == s {
			return i
		}
	}
	found := -1
	want := text.Normalize(s)
	for i, c := range list {
		if text.Normalize(c) == want {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
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
