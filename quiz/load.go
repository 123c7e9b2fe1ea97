package quiz

import (
	"bytes"
	"fmt"
	"math"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the largest bank or answer sheet conflictq reads. Real banks are a few
// hundred kilobytes; anything near this size is a mistake or an attack.
const MaxFileSize = 10 << 20

var idPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`) })

// ParseBank parses and validates a YAML bank. file names the input in messages.
// It returns the bank and any warnings; when the bank has errors it returns an
// *InvalidError listing every problem (errors and warnings) with its line.
func ParseBank(file string, data []byte) (*Bank, []Problem, error) {
	ps := &problems{file: file}
	root, ok := parseYAML(ps, data)
	if !ok {
		return nil, nil, ps.err()
	}
	b := &Bank{File: file}
	if root.Kind != yaml.MappingNode {
		ps.add(root.Line, "", "", "a bank is a mapping with id, title and questions, not a %s", kindName(root))
		return nil, nil, ps.err()
	}
	var questionsNode *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], resolve(root.Content[i+1])
		switch k.Value {
		case "id":
			b.ID = scalar(ps, v, "", "id")
		case "title":
			b.Title = scalar(ps, v, "", "title")
		case "description":
			b.Description = scalar(ps, v, "", "description")
		case "questions":
			questionsNode = v
		default:
			ps.add(k.Line, "", k.Value, "unknown field%s (a bank has id, title, description, questions)", suggest(k.Value, []string{"id", "title", "description", "questions"}))
		}
	}
	switch {
	case b.ID == "":
		ps.add(root.Line, "", "id", "missing: give the bank an id such as %q", "my-bank")
	case !idPattern().MatchString(b.ID):
		ps.add(line(root, "id"), "", "id", "%q must be lower-case letters, digits, hyphens or underscores", b.ID)
	}
	if b.Title == "" {
		ps.add(root.Line, "", "title", "missing")
	}
	if questionsNode == nil || questionsNode.Kind != yaml.SequenceNode || len(questionsNode.Content) == 0 {
		l := root.Line
		if questionsNode != nil {
			l = questionsNode.Line
		}
		ps.add(l, "", "questions", "a bank needs a list of at least one question")
	} else {
		seen := map[string]int{}
		for i, qn := range questionsNode.Content {
			q := parseQuestion(ps, resolve(qn), i+1)
			if q == nil {
				continue
			}
			q.Bank = b.ID
			if q.ID != "" {
				if first, dup := seen[q.ID]; dup {
					ps.add(q.Line, q.ID, "id", "duplicate: already used by the question at line %d", first)
				} else {
					seen[q.ID] = q.Line
				}
			}
			b.Questions = append(b.Questions, q)
		}
	}
	if err := ps.err(); err != nil {
		return nil, nil, err
	}
	return b, ps.warnings(), nil
}

// parseYAML checks size and encoding, then parses data to a node tree. Parsing to
// nodes never expands aliases, so an alias bomb costs no more than its text.
func parseYAML(ps *problems, data []byte) (root *yaml.Node, ok bool) {
	return parseYAMLExcept(ps, data, "")
}

// parseYAMLExcept is parseYAML leaving the top-level key except to its
// reader's own duplicate check: a sheet reports an answer given twice per
// question, and grades the rest.
func parseYAMLExcept(ps *problems, data []byte, except string) (root *yaml.Node, ok bool) {
	if p := checkText(ps.file, data); p != nil {
		ps.list = append(ps.list, *p)
		return nil, false
	}
	if len(bytes.TrimSpace(data)) == 0 {
		ps.add(0, "", "", "file is empty")
		return nil, false
	}
	var doc yaml.Node
	if err := safeUnmarshal(data, &doc); err != nil {
		l, msg := yamlErrorLine(err)
		ps.add(l, "", "", "%s", msg)
		return nil, false
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		ps.add(0, "", "", "file holds no YAML document")
		return nil, false
	}
	top := doc.Content[0]
	if except != "" && top.Kind == yaml.MappingNode {
		// Check the top level's keys, and every value but except's own keys.
		ok := checkDuplicateKeys(ps, &yaml.Node{Kind: yaml.MappingNode, Content: keysOnly(top)})
		for i := 0; i+1 < len(top.Content); i += 2 {
			v := top.Content[i+1]
			if top.Content[i].Value == except && v.Kind == yaml.MappingNode {
				for j := 1; j < len(v.Content); j += 2 {
					ok = checkDuplicateKeys(ps, v.Content[j]) && ok
				}
				continue
			}
			ok = checkDuplicateKeys(ps, v) && ok
		}
		if !ok {
			return nil, false
		}
		return resolve(top), true
	}
	if !checkDuplicateKeys(ps, top) {
		return nil, false
	}
	return resolve(top), true
}

// keysOnly returns a mapping's keys, each paired with an empty value.
func keysOnly(m *yaml.Node) []*yaml.Node {
	out := make([]*yaml.Node, 0, len(m.Content))
	for i := 0; i+1 < len(m.Content); i += 2 {
		out = append(out, m.Content[i], &yaml.Node{Kind: yaml.ScalarNode})
	}
	return out
}

// checkDuplicateKeys reports a key given twice in one mapping, which YAML
// forbids and which would otherwise silently drop the first value. Aliases are
// not followed: their targets are checked where they stand.
func checkDuplicateKeys(ps *problems, n *yaml.Node) bool {
	ok := true
	if n.Kind == yaml.MappingNode {
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if first, dup := seen[k.Value]; dup {
				ps.add(k.Line, "", "", "invalid YAML: mapping key %q already defined at line %d", k.Value, first)
				ok = false
			} else {
				seen[k.Value] = k.Line
			}
		}
	}
	for _, c := range n.Content {
		ok = checkDuplicateKeys(ps, c) && ok
	}
	return ok
}

// safeUnmarshal turns a panic inside the YAML parser into an error: a user's
// file must never crash the program.
func safeUnmarshal(data []byte, out *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: could not parse: %v", r)
		}
	}()
	return yaml.Unmarshal(data, out)
}

var yamlLineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: (?:line (\d+): )?`) })

// yamlErrorLine splits "yaml: line 3: did not find expected key" into 3 and the message.
func yamlErrorLine(err error) (int, string) {
	msg := err.Error()
	m := yamlLineRE().FindStringSubmatch(msg)
	if m == nil {
		return 0, msg
	}
	n, _ := strconv.Atoi(m[1])
	rest := msg[len(m[0]):]
	// The YAML parser (unlike its scanner) counts these lines from 0: they name
	// the line where the unclosed construct began.
	if strings.HasPrefix(rest, "did not find expected") {
		n++
	}
	return n, "invalid YAML: " + rest
}

// YAMLProblem describes a YAML syntax error in file as a Problem with its line,
// for other YAML inputs (configuration) to report like banks do.
func YAMLProblem(file string, err error) Problem {
	line, msg := yamlErrorLine(err)
	return Problem{File: file, Line: line, Msg: msg}
}

// CheckText refuses input that no parser should read: larger than
// MaxFileSize, or not UTF-8 (with the line of the first bad byte). Every
// format's parser calls it first.
func CheckText(file string, data []byte) error {
	if p := checkText(file, data); p != nil {
		return &InvalidError{Problems: []Problem{*p}}
	}
	return nil
}

func checkText(file string, data []byte) *Problem {
	switch {
	case len(data) > MaxFileSize:
		return &Problem{File: file, Msg: fmt.Sprintf("file is %.1f MB; conflictq reads files of at most %d MB", float64(len(data))/(1<<20), MaxFileSize>>20)}
	case !utf8.Valid(data):
		return &Problem{File: file, Line: invalidUTF8Line(data), Msg: "not valid UTF-8 text (save the file as UTF-8)"}
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

func invalidUTF8Line(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}

func resolve(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.MappingNode:
		return "mapping"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty value"
		}
		return "single value"
	}
	return "value"
}

func line(m *yaml.Node, key string) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i].Line
		}
	}
	return m.Line
}

// scalar reads a text value; any YAML scalar (1994, true) is taken as its text.
func scalar(ps *problems, n *yaml.Node, qid, field string) string {
	if n.Kind != yaml.ScalarNode {
		ps.add(n.Line, qid, field, "expected text, found a %s", kindName(n))
		return ""
	}
	if n.Tag == "!!null" {
		return ""
	}
	return strings.TrimSpace(n.Value)
}

func scalarList(ps *problems, n *yaml.Node, qid, field string) []string {
	if n.Kind != yaml.SequenceNode {
		ps.add(n.Line, qid, field, "expected a list, found a %s", kindName(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		c = resolve(c)
		s := scalar(ps, c, qid, field)
		if s == "" && c.Kind == yaml.ScalarNode {
			ps.add(c.Line, qid, field, "empty entry")
			continue
		}
		out = append(out, s)
	}
	return out
}

func number(ps *problems, n *yaml.Node, qid, field string) (float64, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		ps.add(n.Line, qid, field, "expected a number, found a %s", kindName(n))
		return 0, false
	}
	v, err := ParseNumber(n.Value)
	if err != nil && (n.Tag == "!!float" || n.Tag == "!!int") {
		v, err = strconv.ParseFloat(n.Value, 64) // YAML's own syntax: 1e+06
	}
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		ps.add(n.Line, qid, field, "expected a number, found %q", n.Value)
		return 0, false
	}
	return v, true
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
	"credit":       {Single, Multi, Short},
	"also":         {Numeric},
	"typos":        {Short},
}

var commonFields = []string{"id", "type", "prompt", "explanation", "source", "difficulty", "tags", "points"}

func allFields() []string {
	out := append([]string(nil), commonFields...)
	for k := range fieldTypes {
		out = append(out, k)
	}
	return out
}

func parseQuestion(ps *problems, n *yaml.Node, index int) *Question {
	if n.Kind != yaml.MappingNode {
		ps.add(n.Line, "", fmt.Sprintf("questions[%d]", index), "expected a question (a mapping with id, type, prompt...), found a %s", kindName(n))
		return nil
	}
	q := &Question{Line: n.Line, Points: 1}
	fields := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		fields[n.Content[i].Value] = resolve(n.Content[i+1])
	}
	if v, ok := fields["id"]; ok {
		q.ID = scalar(ps, v, "", "id")
	}
	qid := q.ID
	if qid == "" {
		qid = fmt.Sprintf("#%d", index)
		ps.add(n.Line, qid, "id", "missing")
	} else if !idPattern().MatchString(q.ID) {
		ps.add(line(n, "id"), qid, "id", "must be lower-case letters, digits, hyphens or underscores")
	}
	if v, ok := fields["type"]; ok {
		q.Type = Type(scalar(ps, v, qid, "type"))
	}
	typeOK := slices.Contains(Types, q.Type) || q.Type == Info
	if !typeOK {
		ps.add(line(n, "type"), qid, "type", "%q is not a question type (one of %s, or info)", q.Type, typeList())
	}

	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolve(n.Content[i+1])
		key := k.Value
		switch key {
		case "id", "type":
		case "prompt":
			q.Prompt = scalar(ps, v, qid, key)
		case "explanation":
			q.Explanation = scalar(ps, v, qid, key)
		case "difficulty":
			q.Difficulty = scalar(ps, v, qid, key)
			if !slices.Contains(Difficulties, q.Difficulty) {
				ps.add(k.Line, qid, key, "%q is not one of easy, medium, hard", q.Difficulty)
			}
		case "tags":
			q.Tags = scalarList(ps, v, qid, key)
		case "points":
			if p, ok := number(ps, v, qid, key); ok {
				if p <= 0 {
					ps.add(k.Line, qid, key, "must be more than 0")
				}
				q.Points = p
			}
		case "source":
			q.Source = parseSource(ps, v, qid)
		default:
			types, known := fieldTypes[key]
			if !known {
				ps.add(k.Line, qid, key, "unknown field%s", suggest(key, allFields()))
				continue
			}
			if typeOK && !slices.Contains(types, q.Type) {
				ps.add(k.Line, qid, key, "not used by type %s (it goes with %s)", q.Type, joinTypes(types))
				continue
			}
			parseAnswerField(ps, q, qid, key, k, v)
		}
	}
	if q.Prompt == "" {
		ps.add(n.Line, qid, "prompt", "missing")
	}
	if q.Explanation == "" && q.Type != Info {
		ps.warn(n.Line, qid, "explanation", "missing: students learn little from a bare mark")
	}
	if q.Source.IsZero() {
		ps.warn(n.Line, qid, "source", "missing: cite the section, paragraph and a short quote")
	}
	if typeOK {
		checkAnswerData(ps, q, qid, n, fields)
	}
	return q
}

func parseSource(ps *problems, n *yaml.Node, qid string) Source {
	var s Source
	if n.Kind != yaml.MappingNode {
		ps.add(n.Line, qid, "source", "expected section, paragraph and quote, found a %s", kindName(n))
		return s
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolve(n.Content[i+1])
		switch k.Value {
		case "section":
			s.Section = scalar(ps, v, qid, "source.section")
		case "paragraph":
			if p, ok := number(ps, v, qid, "source.paragraph"); ok {
				if p < 1 || p != math.Trunc(p) {
					ps.add(k.Line, qid, "source.paragraph", "must be a whole number from 1")
				}
				s.Paragraph = int(p)
			}
		case "quote":
			s.Quote = scalar(ps, v, qid, "source.quote")
			if w := len(strings.Fields(s.Quote)); w > MaxQuoteWords {
				ps.add(k.Line, qid, "source.quote", "%d words; quote at most %d", w, MaxQuoteWords)
			}
		default:
			ps.add(k.Line, qid, "source."+k.Value, "unknown field%s", suggest(k.Value, []string{"section", "paragraph", "quote"}))
		}
	}
	if s.Section == "" {
		ps.add(n.Line, qid, "source.section", "missing (the untitled opening is \"Introduction\")")
	}
	return s
}

// MaxQuoteWords is the longest verbatim quote a citation may carry.
const MaxQuoteWords = 25

func parseAnswerField(ps *problems, q *Question, qid, key string, k, v *yaml.Node) {
	switch key {
	case "choices":
		q.Choices = scalarList(ps, v, qid, key)
	case "answers":
		// resolved against choices in checkAnswerData
	case "answer":
		switch q.Type {
		case TrueFalse:
			if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
				ps.add(v.Line, qid, key, "expected true or false, found %s", describe(v))
				return
			}
			q.Truth = strings.EqualFold(v.Value, "true") || strings.EqualFold(v.Value, "yes") || strings.EqualFold(v.Value, "on")
		case Numeric:
			q.Value, _ = number(ps, v, qid, key)
		}
	case "accept":
		q.Accept = scalarList(ps, v, qid, key)
	case "tolerance":
		if t, ok := number(ps, v, qid, key); ok {
			if t < 0 {
				ps.add(k.Line, qid, key, "must not be negative")
			}
			q.Tol = t
		}
	case "unit":
		q.Unit = scalar(ps, v, qid, key)
	case "items":
		q.Items = scalarList(ps, v, qid, key)
	case "pairs":
		q.Pairs = parsePairs(ps, v, qid)
	case "model_answer":
		q.Model = scalar(ps, v, qid, key)
	case "key_points":
		q.Key = scalarList(ps, v, qid, key)
	case "credit":
		// resolved against choices or accept in checkCredit
	case "also":
		q.Numbers = parseNumbers(ps, v, qid)
	case "typos":
		t, ok := number(ps, v, qid, key)
		switch {
		case !ok:
		case t == 0:
			q.Exact = true
		case t != 1:
			ps.add(k.Line, qid, key, "expected 0 (exact) or 1 (one typo allowed), found %v", t)
		}
	}
}

// parseNumbers reads a numeric question's further answers:
// also: [{answer: 4, tolerance: 0.5, credit: 0.5}].
func parseNumbers(ps *problems, n *yaml.Node, qid string) []Number {
	if n.Kind != yaml.SequenceNode {
		ps.add(n.Line, qid, "also", "expected a list of {answer, tolerance, credit}, found a %s", kindName(n))
		return nil
	}
	var out []Number
	for _, c := range n.Content {
		c = resolve(c)
		if c.Kind != yaml.MappingNode {
			ps.add(c.Line, qid, "also", "expected {answer: ..., credit: ...}, found a %s", kindName(c))
			continue
		}
		num, hasAnswer, hasCredit := Number{}, false, false
		for i := 0; i+1 < len(c.Content); i += 2 {
			k, v := c.Content[i], resolve(c.Content[i+1])
			switch k.Value {
			case "answer":
				num.Value, hasAnswer = number(ps, v, qid, "also.answer")
			case "tolerance":
				if t, ok := number(ps, v, qid, "also.tolerance"); ok {
					if t < 0 {
						ps.add(k.Line, qid, "also.tolerance", "must not be negative")
					}
					num.Tol = t
				}
			case "credit":
				num.Credit, hasCredit = creditValue(ps, v, qid, "also.credit", 0, 1)
			default:
				ps.add(k.Line, qid, "also."+k.Value, "unknown field (an answer has answer, tolerance and credit)")
			}
		}
		if !hasAnswer || !hasCredit {
			ps.add(c.Line, qid, "also", "each entry needs an answer and its credit")
			continue
		}
		out = append(out, num)
	}
	return out
}

// creditValue reads a share of the points: a number from lo to hi (0.5), or a
// percentage (50%).
func creditValue(ps *problems, n *yaml.Node, qid, field string, lo, hi float64) (float64, bool) {
	if n.Kind == yaml.ScalarNode && strings.HasSuffix(strings.TrimSpace(n.Value), "%") {
		pct := strings.TrimSuffix(strings.TrimSpace(n.Value), "%")
		v, err := strconv.ParseFloat(strings.TrimSpace(pct), 64)
		if err != nil || math.IsNaN(v) {
			ps.add(n.Line, qid, field, "expected a share such as 0.5 or 50%%, found %q", n.Value)
			return 0, false
		}
		n = &yaml.Node{Kind: yaml.ScalarNode, Value: strconv.FormatFloat(v/100, 'g', -1, 64), Line: n.Line}
	}
	v, ok := number(ps, n, qid, field)
	if ok && (v < lo || v > hi) {
		ps.add(n.Line, qid, field, "%v is out of range: give a share from %v to %v (1 is full marks)", v, lo, hi)
		return 0, false
	}
	return v, ok
}

// checkCredit reads credit: {text: share} against the question's options
// (choices or accept), whose defaults the entries override.
func checkCredit(ps *problems, q *Question, qid string, n *yaml.Node, options []string, lo float64) {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		ps.add(n.Line, qid, "credit", "expected a mapping from an answer's text to its share (half: 0.5), found a %s", kindName(n))
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
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolve(n.Content[i+1])
		idx := indexOfOption(options, k.Value)
		if idx < 0 {
			ps.add(k.Line, qid, "credit", "%q is not one of the %s", k.Value, map[bool]string{true: "accepted answers", false: "choices"}[q.Type == Short])
			continue
		}
		c, ok := creditValue(ps, v, qid, "credit", lo, 1)
		if !ok {
			continue
		}
		right := slices.Contains(q.Correct, idx)
		switch {
		case q.Type == Single && right && c != 1:
			ps.add(k.Line, qid, "credit", "%q is the answer, which earns full credit (1); give partial credit to the other choices", k.Value)
			continue
		case q.Type == Multi && right && c <= 0:
			ps.add(k.Line, qid, "credit", "%q is a right answer: its credit must be more than 0", k.Value)
			continue
		case q.Type == Multi && !right && c > 0:
			ps.add(k.Line, qid, "credit", "%q is not among the answers: a positive credit makes it right (list it under answers)", k.Value)
			continue
		}
		credit[idx] = c
	}
	q.Credit = credit
}

func describe(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return strconv.Quote(n.Value)
	}
	return "a " + kindName(n)
}

func parsePairs(ps *problems, n *yaml.Node, qid string) []Pair {
	if n.Kind != yaml.SequenceNode {
		ps.add(n.Line, qid, "pairs", "expected a list of {left, right}, found a %s", kindName(n))
		return nil
	}
	var out []Pair
	for _, c := range n.Content {
		c = resolve(c)
		if c.Kind != yaml.MappingNode {
			ps.add(c.Line, qid, "pairs", "expected {left: ..., right: ...}, found a %s", kindName(c))
			continue
		}
		var p Pair
		for i := 0; i+1 < len(c.Content); i += 2 {
			k, v := c.Content[i], resolve(c.Content[i+1])
			switch k.Value {
			case "left":
				p.Left = scalar(ps, v, qid, "pairs.left")
			case "right":
				p.Right = scalar(ps, v, qid, "pairs.right")
			default:
				ps.add(k.Line, qid, "pairs."+k.Value, "unknown field (a pair has left and right)")
			}
		}
		if p.Left == "" || p.Right == "" {
			ps.add(c.Line, qid, "pairs", "each pair needs both left and right")
			continue
		}
		out = append(out, p)
	}
	return out
}

// checkAnswerData checks that the fields the question's type needs are present and
// consistent; it reports at the line of the offending field.
func checkAnswerData(ps *problems, q *Question, qid string, n *yaml.Node, fields map[string]*yaml.Node) {
	need := func(key string) bool {
		if _, ok := fields[key]; !ok {
			ps.add(n.Line, qid, key, "missing: type %s needs it", q.Type)
			return false
		}
		return true
	}
	switch q.Type {
	case Single, Multi:
		if !need("choices") {
			return
		}
		if len(q.Choices) < 2 || len(q.Choices) > 10 {
			ps.add(line(n, "choices"), qid, "choices", "give 2 to 10 choices, not %d", len(q.Choices))
		}
		checkDistinct(ps, line(n, "choices"), qid, "choices", q.Choices)
		if q.Type == Single {
			if !need("answer") {
				return
			}
			a := scalar(ps, fields["answer"], qid, "answer")
			if i := indexOfOption(q.Choices, a); i >= 0 {
				q.Correct = []int{i}
			} else {
				ps.add(line(n, "answer"), qid, "answer", "%q is not one of the choices%s", a, letterHint(a))
			}
			if c, ok := fields["credit"]; ok && len(q.Correct) == 1 {
				checkCredit(ps, q, qid, c, q.Choices, -1)
			}
			return
		}
		if !need("answers") {
			return
		}
		for _, a := range scalarList(ps, fields["answers"], qid, "answers") {
			i := indexOfOption(q.Choices, a)
			switch {
			case i < 0:
				ps.add(line(n, "answers"), qid, "answers", "%q is not one of the choices%s", a, letterHint(a))
			case slices.Contains(q.Correct, i):
				ps.add(line(n, "answers"), qid, "answers", "%q is listed twice", a)
			default:
				q.Correct = append(q.Correct, i)
			}
		}
		if len(q.Correct) == 0 && fields["answers"].Kind == yaml.SequenceNode && len(fields["answers"].Content) == 0 {
			ps.add(line(n, "answers"), qid, "answers", "list at least one right choice")
		}
		if c, ok := fields["credit"]; ok && len(q.Correct) > 0 {
			checkCredit(ps, q, qid, c, q.Choices, -1)
		}
	case TrueFalse:
		need("answer")
	case Short:
		if need("accept") && len(q.Accept) == 0 {
			ps.add(line(n, "accept"), qid, "accept", "list at least one accepted answer")
		}
		for _, a := range q.Accept {
			if Normalize(a) == "" && !strings.Contains(a, "*") {
				ps.add(line(n, "accept"), qid, "accept", "%q has no letters or digits to compare", a)
			}
		}
		if c, ok := fields["credit"]; ok && len(q.Accept) > 0 {
			checkCredit(ps, q, qid, c, q.Accept, 0)
		}
	case Numeric:
		need("answer")
	case Order:
		if !need("items") {
			return
		}
		if len(q.Items) < 2 || len(q.Items) > 12 {
			ps.add(line(n, "items"), qid, "items", "give 2 to 12 items, not %d", len(q.Items))
		}
		checkDistinct(ps, line(n, "items"), qid, "items", q.Items)
	case Match:
		if !need("pairs") {
			return
		}
		// Moodle sets no limit on pairs, and left items may share a right
		// side (it is offered once).
		if len(q.Pairs) < 2 {
			ps.add(line(n, "pairs"), qid, "pairs", "give at least 2 pairs, not %d", len(q.Pairs))
		}
		lefts := make([]string, len(q.Pairs))
		for i, p := range q.Pairs {
			lefts[i] = p.Left
		}
		checkDistinct(ps, line(n, "pairs"), qid, "pairs.left", lefts)
	case Open:
		if need("model_answer") && q.Model == "" {
			ps.add(line(n, "model_answer"), qid, "model_answer", "empty")
		}
	}
}

func letterHint(a string) string {
	if len(a) == 1 && strings.ContainsAny(strings.ToUpper(a), "ABCDEFGHIJ") {
		return " (give the choice's text, not its letter)"
	}
	return ""
}

// checkDistinct refuses an option given twice. Options are the same only when
// their texts are, once trimmed: C++, C# and C are three answers, though they
// fold alike for typing.
func checkDistinct(ps *problems, l int, qid, field string, list []string) {
	seen := map[string]bool{}
	for _, s := range list {
		k := strings.TrimSpace(s)
		if seen[k] {
			ps.add(l, qid, field, "%q appears twice", s)
		}
		seen[k] = true
	}
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
	want := Normalize(s)
	for i, c := range list {
		if Normalize(c) == want {
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

// suggest returns ` (did you mean "x"?)` for the closest known word, or "".
func suggest(word string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := EditDistance(word, k); d < bestD {
			best, bestD = k, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}
