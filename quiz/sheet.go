package quiz

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Sheet is a student's answers in a file, keyed by question id. YAML, JSON and
// JSON-lines sheets are read alike.
//
// Numbers and letters in a sheet refer to options in the order the sheet shows
// them: shuffled with the sheet's seed when it has one, else in the bank's order.
// An option's text always works.
type Sheet struct {
	File    string
	Line    int // the sheet's first line (JSON lines: its line in the file)
	Student string
	Banks   []string
	Seed    *uint64
	// The selection the sheet was made with (conflictq sheet -n, --tag,
	// --difficulty): grading asks the same questions. Empty: all of the banks'.
	Count      int
	Tags       []string
	Difficulty string
	ids        []string  // answers in file order
	answers    []Value   // answers[i] answers ids[i]
	problems   []Problem // found while reading, reported when grading
}

// answer finds the answer to a question id. A sheet has a few dozen answers,
// and ids are mostly interned: a scan beats building a map for every sheet.
func (s *Sheet) answer(id string) (Value, bool) {
	for i, have := range s.ids {
		if have == id {
			return s.answers[i], true
		}
	}
	return Value{}, false
}

func (s *Sheet) addAnswer(id string, v Value) {
	s.ids = append(s.ids, id)
	s.answers = append(s.answers, v)
}

// ValueKind says what shape an answer has.
type ValueKind int

// Shapes of answers.
const (
	Empty   ValueKind = iota // nothing written
	Scalar                   // one value: 2, b, Baku, true, 1994
	List                     // a list of values: [1, 3]
	Mapping                  // pairs: {Khojaly: Xocalı}
	Nested                   // a structure where none fits (a list inside a list)
)

// Value is one answer as a sheet gives it, whatever the file's syntax.
type Value struct {
	Kind  ValueKind
	Text  string      // Scalar
	List  []string    // List
	Pairs [][2]string // Mapping, in the file's order
	Line  int
}

func (v Value) kindName() string {
	switch v.Kind {
	case Scalar:
		return "single value"
	case List:
		return "list"
	case Mapping:
		return "mapping"
	case Nested:
		return "nested structure"
	}
	return "empty value"
}

// valueFromNode reads an answer from YAML.
func valueFromNode(n *yaml.Node) Value {
	v := Value{Line: n.Line}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag != "!!null" && strings.TrimSpace(n.Value) != "" {
			v.Kind, v.Text = Scalar, strings.TrimSpace(n.Value)
		}
	case yaml.SequenceNode:
		v.Kind = List
		for _, c := range n.Content {
			if c = resolve(c); c.Kind != yaml.ScalarNode {
				return Value{Kind: Nested, Line: n.Line}
			}
			v.List = append(v.List, c.Value)
		}
	case yaml.MappingNode:
		v.Kind = Mapping
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], resolve(n.Content[i+1])
			if val.Kind != yaml.ScalarNode {
				return Value{Kind: Nested, Line: n.Line}
			}
			v.Pairs = append(v.Pairs, [2]string{k.Value, val.Value})
		}
	default:
		v.Kind = Nested
	}
	return v
}

// ParseSheet reads an answer sheet in YAML (or JSON, which YAML includes).
func ParseSheet(file string, data []byte) (*Sheet, error) {
	ps := &problems{file: file}
	root, ok := parseYAMLExcept(ps, data, "answers")
	if !ok {
		return nil, ps.err()
	}
	if root.Kind != yaml.MappingNode {
		ps.add(root.Line, "", "", "an answer sheet is a mapping with student, banks and answers, not a %s", kindName(root))
		return nil, ps.err()
	}
	s := &Sheet{File: file, Line: root.Line}
	var answers *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], resolve(root.Content[i+1])
		switch k.Value {
		case "student":
			s.Student = scalar(ps, v, "", "student")
		case "banks":
			if v.Kind == yaml.ScalarNode {
				s.Banks = []string{scalar(ps, v, "", "banks")}
			} else {
				s.Banks = scalarList(ps, v, "", "banks")
			}
		case "seed":
			n, err := strconv.ParseUint(v.Value, 10, 64)
			if v.Kind != yaml.ScalarNode || err != nil {
				ps.add(v.Line, "", "seed", "expected a whole number, found %s", describe(v))
				continue
			}
			s.Seed = &n
		case "answers":
			answers = v
		case "count":
			if c, ok := number(ps, v, "", "count"); ok {
				if c < 0 || c != math.Trunc(c) {
					ps.add(v.Line, "", "count", "expected a whole number of questions")
				}
				s.Count = int(c)
			}
		case "tags":
			s.Tags = scalarList(ps, v, "", "tags")
		case "difficulty":
			s.Difficulty = scalar(ps, v, "", "difficulty")
		default:
			ps.add(k.Line, "", k.Value, "unknown field%s (a sheet has student, banks, seed, answers)", suggest(k.Value, sheetFields))
		}
	}
	switch {
	case answers == nil:
		ps.add(root.Line, "", "answers", "missing")
	case answers.Kind == yaml.ScalarNode && answers.Tag == "!!null":
		// An empty sheet: every question unanswered.
	case answers.Kind != yaml.MappingNode:
		ps.add(answers.Line, "", "answers", "expected question ids with answers, found a %s", kindName(answers))
	default:
		for i := 0; i+1 < len(answers.Content); i += 2 {
			k, v := answers.Content[i], resolve(answers.Content[i+1])
			if first, dup := s.answer(k.Value); dup {
				// Graded with the first answer; the sheet is still read.
				s.problems = append(s.problems, Problem{File: file, Line: k.Line, Question: k.Value,
					Msg: fmt.Sprintf("answered twice; the first answer (line %d) counts", first.Line)})
				continue
			}
			val := valueFromNode(v)
			val.Line = k.Line
			s.addAnswer(k.Value, val)
		}
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	return s, nil
}

var sheetFields = []string{"student", "banks", "seed", "count", "tags", "difficulty", "answers"}

// ParseSheetJSON reads one sheet in JSON: a .json file, or one line of a
// JSON-lines file (line is then its line number, for messages). It is the fast
// path for large batches.
func ParseSheetJSON(file string, line int, data []byte) (*Sheet, error) {
	return parseSheetJSONInto(&Sheet{}, file, line, data, nil)
}

// parseSheetJSONInto reads a sheet into s, reusing its lists' storage.
func parseSheetJSONInto(s *Sheet, file string, line int, data []byte, intern func([]byte) string) (*Sheet, error) {
	where := func(offset int64) int {
		if line > 0 {
			return line
		}
		return 1 + bytes.Count(data[:min(int(offset), len(data))], []byte("\n"))
	}
	fail := func(l int, field, format string, args ...any) error {
		return &InvalidError{Problems: []Problem{{File: file, Line: l, Field: field, Msg: fmt.Sprintf(format, args...)}}}
	}
	if len(data) > MaxFileSize {
		return nil, fail(line, "", "sheet is %.1f MB; conflictq reads sheets of at most %d MB", float64(len(data))/(1<<20), MaxFileSize>>20)
	}
	if !utf8.Valid(data) {
		l := line
		if l == 0 {
			l = invalidUTF8Line(data)
		}
		return nil, fail(l, "", "not valid UTF-8 text (save the file as UTF-8)")
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a byte-order mark, as some editors save
	ids, answers := s.ids[:0], s.answers[:0]
	if cap(ids) == 0 {
		ids, answers = make([]string, 0, 48), make([]Value, 0, 48)
	}
	*s = Sheet{File: file, Line: max(line, 1), ids: ids, answers: answers}
	var problems []Problem
	bad := func(field, format string, args ...any) {
		problems = append(problems, Problem{File: file, Line: max(line, 1), Field: field, Msg: fmt.Sprintf(format, args...)})
	}
	sc := &jsonScanner{data: data, intern: intern}
	if c := sc.peek(); c != '{' {
		return nil, fail(line, "", "an answer sheet is a JSON object with student, banks and answers")
	}
	// wrongShape skips a value that is a list or object where one value goes.
	wrongShape := func(field, want string) (bool, error) {
		if c := sc.peek(); c == '[' || c == '{' {
			bad(field, "expected %s, found a %s", want, map[byte]string{'[': "list", '{': "mapping"}[c])
			return true, sc.skip(0)
		}
		return false, nil
	}
	stringList := func(field string) ([]string, error) {
		if sc.peek() != '[' {
			t, kind, err := sc.scalar()
			if kind != 's' && err == nil {
				bad(field, "expected a list of names, found %s", t)
			}
			return []string{t}, err
		}
		items, nested, err := sc.list()
		if nested {
			bad(field, "expected a list of names")
		}
		return items, err
	}
	seenFields := map[string]bool{}
	err := sc.object(func(key string) error {
		if seenFields[key] {
			bad(key, "given twice")
		}
		seenFields[key] = true
		switch key {
		case "student", "difficulty":
			if skipped, err := wrongShape(key, "text"); skipped || err != nil {
				return err
			}
			t, kind, err := sc.scalar()
			if kind != 's' && kind != 'n' && err == nil {
				bad(key, "expected text, found %s", t)
			}
			if key == "student" {
				s.Student = t
			} else {
				s.Difficulty = t
			}
			return err
		case "banks", "tags":
			list, err := stringList(key)
			if key == "banks" {
				s.Banks = list
			} else {
				s.Tags = list
			}
			return err
		case "seed", "count":
			if skipped, err := wrongShape(key, "a whole number"); skipped || err != nil {
				return err
			}
			t, kind, err := sc.scalar()
			if err != nil || kind == 'n' {
				return err
			}
			n, perr := strconv.ParseUint(t, 10, 64)
			if kind != 'd' || perr != nil || (key == "count" && n > 1<<20) {
				bad(key, "expected a whole number, found %s", t)
				return nil
			}
			if key == "seed" {
				s.Seed = &n
			} else {
				s.Count = int(n)
			}
			return nil
		case "answers":
			if sc.peek() == 'n' {
				return sc.literal("null")
			}
			if sc.peek() != '{' {
				bad("answers", "expected question ids with answers")
				return sc.skip(0)
			}
			// Twice-answered ids are found when grading (Grader.Grade), in one
			// pass, rather than here by a search per answer.
			lineAt, counted := 1, 0 // a .json file's answers carry their own lines
			return sc.object(func(id string) error {
				l := line
				if line == 0 {
					lineAt += bytes.Count(data[counted:sc.pos], []byte("\n"))
					counted, l = sc.pos, lineAt
				}
				v, err := sc.answer(l)
				s.addAnswer(id, v)
				return err
			})
		}
		bad(key, "unknown field%s (a sheet has student, banks, seed, answers)", suggest(key, sheetFields))
		return sc.skip(0)
	})
	if err == nil {
		if sc.ws(); sc.pos < len(data) {
			err = sc.fail("more than one JSON value (use a .jsonl file, one sheet per line)")
		}
	}
	var je *jsonError
	if errors.As(err, &je) {
		msg := "invalid JSON: " + je.msg
		if line > 0 {
			msg = fmt.Sprintf("invalid JSON at column %d: %s", je.offset+1, je.msg)
		}
		return nil, fail(where(int64(je.offset)), "", "%s", msg)
	}
	if !seenFields["answers"] {
		bad("answers", "missing")
	}
	if len(problems) > 0 {
		sort.SliceStable(problems, func(i, j int) bool { return problems[i].Field < problems[j].Field })
		return nil, &InvalidError{Problems: problems}
	}
	return s, nil
}

// Response reads the sheet's answer to q. A question the sheet leaves out or
// leaves empty is unanswered; an answer that cannot be read is a Problem (the
// question then counts as unanswered).
func (s *Sheet) Response(q *Question) (Response, *Problem) {
	return s.response(q, func(q *Question) []int {
		if s.Seed == nil {
			return nil
		}
		return optionOrder(q, *s.Seed)
	})
}

// response reads an answer; perm gives the options' display order when the
// answer refers to one by number or letter (it is not called otherwise).
func (s *Sheet) response(q *Question, perm func(*Question) []int) (Response, *Problem) {
	v, _ := s.answer(q.ID)
	return s.responseTo(q, v, perm)
}

// responseTo reads v, the sheet's answer to q.
func (s *Sheet) responseTo(q *Question, v Value, perm func(*Question) []int) (Response, *Problem) {
	if v.Kind == Empty {
		return Response{}, nil
	}
	r, err := responseFromValue(&refResolver{q: q, permFn: perm}, v)
	if err != nil {
		return Response{}, &Problem{File: s.File, Line: v.Line, Question: q.ID, Msg: err.Error()}
	}
	return r, nil
}

// Line returns the line of a question's answer in the sheet, or 0.
func (s *Sheet) AnswerLine(id string) int {
	v, _ := s.answer(id)
	return v.Line
}

// refResolver turns what a sheet says ("2", "b", "Baku") into the bank's own
// option index. Texts are compared with the bank's options directly, so only
// numbers and letters need the display order, which is computed on demand.
type refResolver struct {
	q      *Question
	permFn func(*Question) []int
	perm   []int
	got    bool
}

func (rv *refResolver) display(k int) int {
	if !rv.got {
		rv.perm, rv.got = rv.permFn(rv.q), true
	}
	if rv.perm != nil && k < len(rv.perm) {
		return rv.perm[k]
	}
	return k
}

// resolve finds ref among options (the bank's order; folded are their
// normalised forms). Numbers and letters count in display order when shuffled.
func (rv *refResolver) resolve(ref string, options, folded []string, shuffled bool) (int, error) {
	if ref != "" && (ref[0] == ' ' || ref[len(ref)-1] == ' ' || ref[0] == '\t' || ref[len(ref)-1] == '\t') {
		ref = strings.TrimSpace(ref)
	}
	n := len(options)
	if ref == "" {
		return 0, fmt.Errorf("empty answer")
	}
	// An option's exact text first: options may themselves be numbers (1922).
	for i, o := range options {
		if o == ref {
			return i, nil
		}
	}
	if k, ok := smallNumber(ref); ok {
		if k < 1 || k > n {
			return 0, fmt.Errorf("%d is not an option; give a number from 1 to %d", k, n)
		}
		if shuffled {
			return rv.display(k - 1), nil
		}
		return k - 1, nil
	}
	if k, ok := letterIndex(ref, n); ok {
		if shuffled {
			return rv.display(k), nil
		}
		return k, nil
	}
	want := Normalize(ref)
	for i, f := range folded {
		if f == want {
			return i, nil
		}
	}
	return 0, fmt.Errorf("%q is not one of the options; give its number (1-%d), letter or text", ref, n)
}

// smallNumber reads a whole number of up to nine digits, as option numbers
// are written, without strconv's generality (it runs for every answer).
func smallNumber(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// folded holds a question's options normalised once, for every sheet.
type folded struct {
	choices, items, lefts, rights, accept []string
	wild                                  []*regexp.Regexp // per accepted answer: its * pattern, or nil
}

func (q *Question) folded() *folded {
	if f := q.fold.Load(); f != nil {
		return f
	}
	f := &folded{}
	for _, c := range q.Choices {
		f.choices = append(f.choices, Normalize(c))
	}
	for _, it := range q.Items {
		f.items = append(f.items, Normalize(it))
	}
	for _, p := range q.Pairs {
		f.lefts = append(f.lefts, Normalize(p.Left))
	}
	for _, r := range q.Rights() { // as offered: each once
		f.rights = append(f.rights, Normalize(r))
	}
	for _, a := range q.Accept {
		f.accept = append(f.accept, Normalize(a))
		f.wild = append(f.wild, wildcard(a))
	}
	q.fold.Store(f)
	return f
}

func responseFromValue(rv *refResolver, v Value) (Response, error) {
	q := rv.q
	text := func() (string, error) {
		if v.Kind != Scalar {
			return "", fmt.Errorf("expected a single answer, found a %s", v.kindName())
		}
		return v.Text, nil
	}
	list := func() ([]string, error) {
		switch v.Kind {
		case Scalar:
			return splitRefs(v.Text), nil
		case List:
			return v.List, nil
		}
		return nil, fmt.Errorf("expected a list of answers, found a %s", v.kindName())
	}
	switch q.Type {
	case Single:
		t, err := text()
		if err != nil {
			return Response{}, err
		}
		i, err := rv.resolve(t, q.Choices, q.folded().choices, true)
		if err != nil {
			return Response{}, err
		}
		return Response{Answered: true, Choices: []int{i}}, nil
	case Multi:
		f := q.folded()
		var refs []string
		if v.Kind == Scalar {
			if strings.EqualFold(v.Text, "none") {
				return Response{Answered: true, Choices: []int{}}, nil
			}
			if i, err := rv.resolve(v.Text, q.Choices, f.choices, true); err == nil {
				return Response{Answered: true, Choices: []int{i}}, nil
			}
		}
		refs, err := list()
		if err != nil {
			return Response{}, err
		}
		idx := make([]int, 0, len(refs))
		for _, r := range refs {
			i, err := rv.resolve(r, q.Choices, f.choices, true)
			if err != nil {
				return Response{}, err
			}
			if !slices.Contains(idx, i) {
				idx = append(idx, i)
			}
		}
		return Response{Answered: true, Choices: idx}, nil
	case TrueFalse:
		t, err := text()
		if err != nil {
			return Response{}, err
		}
		b, err := ParseBool(t)
		if err != nil {
			return Response{}, err
		}
		return Response{Answered: true, Bool: b}, nil
	case Short, Open:
		t, err := text()
		if err != nil {
			return Response{}, err
		}
		return Response{Answered: true, Text: t}, nil
	case Numeric:
		t, err := text()
		if err != nil {
			return Response{}, err
		}
		if f, err := ParseNumber(t); err != nil || math.IsInf(f, 0) {
			return Response{}, fmt.Errorf("expected a number, found %q", t)
		}
		return Response{Answered: true, Text: t}, nil
	case Order:
		refs, err := list()
		if err != nil {
			return Response{}, err
		}
		n := len(q.Items)
		if len(refs) != n {
			return Response{}, fmt.Errorf("put all %d items in order, each once, such as %s", n, exampleSequence(n))
		}
		seq := make([]int, 0, n)
		for _, r := range refs {
			i, err := rv.resolve(r, q.Items, q.folded().items, true)
			if err != nil {
				return Response{}, err
			}
			if slices.Contains(seq, i) {
				return Response{}, fmt.Errorf("%q is listed twice; use each item once", r)
			}
			seq = append(seq, i)
		}
		return Response{Answered: true, Sequence: seq}, nil
	case Match:
		m, err := matchesFromValue(rv, v)
		if err != nil {
			return Response{}, err
		}
		return Response{Answered: true, Matches: m}, nil
	case Info:
		return Response{Answered: true}, nil
	}
	return Response{}, fmt.Errorf("unknown question type %q", q.Type)
}

// matchesFromValue reads "1=b 2=a" or pairs {left: right}. Left items are
// never shuffled; right items are, so their letters follow the display order.
func matchesFromValue(rv *refResolver, v Value) ([]int, error) {
	q := rv.q
	f := q.folded()
	lefts := make([]string, len(q.Pairs))
	for i, p := range q.Pairs {
		lefts[i] = p.Left
	}
	rights := q.Rights()
	var pairs [][2]string
	switch v.Kind {
	case Scalar:
		var buf [12][2]string // no allocation for the usual few pairs
		pairs = buf[:0]
		text := v.Text
		for text != "" {
			// Fields are separated by spaces, commas or semicolons.
			i := strings.IndexFunc(text, func(r rune) bool { return r != ',' && r != ';' && !unicode.IsSpace(r) })
			if i < 0 {
				break
			}
			text = text[i:]
			end := strings.IndexFunc(text, func(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) })
			if end < 0 {
				end = len(text)
			}
			field := text[:end]
			text = text[end:]
			l, r, ok := strings.Cut(field, "=")
			if !ok {
				l, r, ok = strings.Cut(field, ":")
			}
			if !ok || l == "" || r == "" {
				return nil, fmt.Errorf("write each pair as number=letter, such as 1=b 2=a")
			}
			pairs = append(pairs, [2]string{l, r})
		}
	case Mapping:
		pairs = v.Pairs
	default:
		return nil, fmt.Errorf("expected left: right pairs, found a %s", v.kindName())
	}
	out := make([]int, len(lefts))
	for i := range out {
		out[i] = -1
	}
	for _, pair := range pairs {
		li, err := rv.resolve(pair[0], lefts, f.lefts, false)
		if err != nil {
			return nil, fmt.Errorf("left side %q: not one of the items", pair[0])
		}
		ri, err := rv.resolve(pair[1], rights, f.rights, true)
		if err != nil {
			return nil, fmt.Errorf("right side of %q: %q is not one of the options", pair[0], pair[1])
		}
		out[li] = q.pairOfRight(ri)
	}
	return out, nil
}

func bankIDs(banks []*Bank) []string {
	out := make([]string, len(banks))
	for i, b := range banks {
		out[i] = b.ID
	}
	return out
}
