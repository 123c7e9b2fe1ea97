// Package sheet reads answer sheets: a student's answers in a file, in YAML,
// JSON or JSON lines, keyed by question id.
package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/conflictq/conflictq/quiz"

	"github.com/conflictq/conflictq/quiz/internal/yamlnode"

	"github.com/conflictq/conflictq/quiz/fileio"

	"github.com/conflictq/conflictq/quiz/text"

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
	// Answers are the answers in file order. An id may be answered twice:
	// grading counts the first and reports the second.
	Answers []Answer
	// Problems are what reading found wrong but left the sheet usable,
	// reported when it is graded.
	Problems []quiz.Problem
}

// Answer is one answer of a sheet.
type Answer struct {
	ID    string
	Value quiz.Value
}

// Answer finds the first answer to a question id. A sheet has a few dozen
// answers: a scan beats building a map for every sheet.
func (s *Sheet) Answer(id string) (quiz.Value, bool) {
	for _, a := range s.Answers {
		if a.ID == id {
			return a.Value, true
		}
	}
	return quiz.Value{}, false
}

func (s *Sheet) addAnswer(id string, v quiz.Value) {
	s.Answers = append(s.Answers, Answer{ID: id, Value: v})
}

// valueFromNode reads an answer from YAML.
func valueFromNode(n *yaml.Node) quiz.Value {
	v := quiz.Value{Line: n.Line}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag != "!!null" && strings.TrimSpace(n.Value) != "" {
			v.Kind, v.Text = quiz.Scalar, strings.TrimSpace(n.Value)
		}
	case yaml.SequenceNode:
		v.Kind = quiz.List
		for _, c := range n.Content {
			if c = yamlnode.Resolve(c); c.Kind != yaml.ScalarNode {
				return quiz.Value{Kind: quiz.Nested, Line: n.Line}
			}
			v.List = append(v.List, c.Value)
		}
	case yaml.MappingNode:
		v.Kind = quiz.Mapping
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], yamlnode.Resolve(n.Content[i+1])
			if val.Kind != yaml.ScalarNode {
				return quiz.Value{Kind: quiz.Nested, Line: n.Line}
			}
			v.Pairs = append(v.Pairs, [2]string{k.Value, val.Value})
		}
	default:
		v.Kind = quiz.Nested
	}
	return v
}

// Parse reads an answer sheet in YAML (or JSON, which YAML includes).
func Parse(file string, data []byte) (*Sheet, error) {
	if err := quiz.CheckText(file, data); err != nil {
		return nil, err
	}
	ps := &quiz.Problems{File: file}
	root, ok := yamlnode.Parse(ps.Add, data, "answers")
	if !ok {
		return nil, ps.Err()
	}
	if root.Kind != yaml.MappingNode {
		ps.Add(root.Line, "", "", "an answer sheet is a mapping with student, banks and answers, not a %s", yamlnode.KindName(root))
		return nil, ps.Err()
	}
	s := &Sheet{File: file, Line: root.Line}
	var answers *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], yamlnode.Resolve(root.Content[i+1])
		switch k.Value {
		case "student":
			s.Student = yamlnode.Scalar(ps.Add, v, "", "student")
		case "banks":
			if v.Kind == yaml.ScalarNode {
				s.Banks = []string{yamlnode.Scalar(ps.Add, v, "", "banks")}
			} else {
				s.Banks = yamlnode.ScalarList(ps.Add, v, "", "banks")
			}
		case "seed":
			n, err := strconv.ParseUint(v.Value, 10, 64)
			if v.Kind != yaml.ScalarNode || err != nil {
				ps.Add(v.Line, "", "seed", "expected a whole number, found %s", yamlnode.Describe(v))
				continue
			}
			s.Seed = &n
		case "answers":
			answers = v
		case "count":
			if c, ok := yamlnode.Number(ps.Add, v, "", "count"); ok {
				if c < 0 || c != math.Trunc(c) {
					ps.Add(v.Line, "", "count", "expected a whole number of questions")
				}
				s.Count = int(c)
			}
		case "tags":
			s.Tags = yamlnode.ScalarList(ps.Add, v, "", "tags")
		case "difficulty":
			s.Difficulty = yamlnode.Scalar(ps.Add, v, "", "difficulty")
		default:
			ps.Add(k.Line, "", k.Value, "unknown field%s (a sheet has student, banks, seed, answers)", text.Suggest(k.Value, sheetFields))
		}
	}
	switch {
	case answers == nil:
		ps.Add(root.Line, "", "answers", "missing")
	case answers.Kind == yaml.ScalarNode && answers.Tag == "!!null":
		// An empty sheet: every question unanswered.
	case answers.Kind != yaml.MappingNode:
		ps.Add(answers.Line, "", "answers", "expected question ids with answers, found a %s", yamlnode.KindName(answers))
	default:
		for i := 0; i+1 < len(answers.Content); i += 2 {
			k, v := answers.Content[i], yamlnode.Resolve(answers.Content[i+1])
			if first, dup := s.Answer(k.Value); dup {
				// Graded with the first answer; the sheet is still read.
				s.Problems = append(s.Problems, quiz.Problem{File: file, Line: k.Line, Question: k.Value,
					Msg: fmt.Sprintf("answered twice; the first answer (line %d) counts", first.Line)})
				continue
			}
			val := valueFromNode(v)
			val.Line = k.Line
			s.addAnswer(k.Value, val)
		}
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

var sheetFields = []string{"student", "banks", "seed", "count", "tags", "difficulty", "answers"}

// ParseJSON reads one sheet in JSON: a .json file, or one line of a
// JSON-lines file (line is then its line number, for messages). It is the fast
// path for large batches.
func ParseJSON(file string, line int, data []byte) (*Sheet, error) {
	return parseJSON(file, line, data)
}

func parseJSON(file string, line int, data []byte) (*Sheet, error) {
	where := func(offset int64) int {
		if line > 0 {
			return line
		}
		return 1 + bytes.Count(data[:min(int(offset), len(data))], []byte("\n"))
	}
	fail := func(l int, field, format string, args ...any) error {
		return &quiz.InvalidError{Problems: []quiz.Problem{{File: file, Line: l, Field: field, Msg: fmt.Sprintf(format, args...)}}}
	}
	if len(data) > fileio.MaxFileSize {
		return nil, fail(line, "", "sheet is %.1f MB; conflictq reads sheets of at most %d MB", float64(len(data))/(1<<20), fileio.MaxFileSize>>20)
	}
	if !utf8.Valid(data) {
		l := line
		if l == 0 {
			l = text.InvalidUTF8Line(data)
		}
		return nil, fail(l, "", "not valid UTF-8 text (save the file as UTF-8)")
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a byte-order mark, as some editors save
	s := &Sheet{File: file, Line: max(line, 1), Answers: make([]Answer, 0, 48)}
	var problems []quiz.Problem
	bad := func(field, format string, args ...any) {
		problems = append(problems, quiz.Problem{File: file, Line: max(line, 1), Field: field, Msg: fmt.Sprintf(format, args...)})
	}
	sc := &jsonScanner{data: data}
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
		bad(key, "unknown field%s (a sheet has student, banks, seed, answers)", text.Suggest(key, sheetFields))
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
		return nil, &quiz.InvalidError{Problems: problems}
	}
	return s, nil
}

// Response reads the sheet's answer to q. A question the sheet leaves out or
// leaves empty is unanswered; an answer that cannot be read is a Problem (the
// question then counts as unanswered).
func (s *Sheet) Response(q *quiz.Question) (quiz.Response, *quiz.Problem) {
	v, _ := s.Answer(q.ID)
	return s.Read(q, v)
}

// Read reads v, one of the sheet's answers, as an answer to q: numbers and
// letters count in the order the sheet's seed shows q's options.
func (s *Sheet) Read(q *quiz.Question, v quiz.Value) (quiz.Response, *quiz.Problem) {
	r, err := q.Resolve(v, s.Seed)
	if err != nil {
		return quiz.Response{}, &quiz.Problem{File: s.File, Line: v.Line, Question: q.ID, Msg: err.Error()}
	}
	return r, nil
}
