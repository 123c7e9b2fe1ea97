package quiz

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Sheet is a student's answers in a file, keyed by question id. YAML and JSON
// sheets are read alike.
//
// Numbers and letters in a sheet refer to options in the order the sheet shows
// them: shuffled with the sheet's seed when it has one, else in the bank's order.
// An option's text always works.
type Sheet struct {
	File    string
	Student string
	Banks   []string
	Seed    *uint64
	ids     []string // answers in file order
	answers map[string]*yaml.Node
	keyLine map[string]int
}

// IDs returns the question ids answered, in file order.
func (s *Sheet) IDs() []string { return s.ids }

// ParseSheet reads an answer sheet.
func ParseSheet(file string, data []byte) (*Sheet, error) {
	ps := &problems{file: file}
	root, ok := parseYAML(ps, data)
	if !ok {
		return nil, ps.err()
	}
	if root.Kind != yaml.MappingNode {
		ps.add(root.Line, "", "", "an answer sheet is a mapping with student, banks and answers, not a %s", kindName(root))
		return nil, ps.err()
	}
	s := &Sheet{File: file, answers: map[string]*yaml.Node{}, keyLine: map[string]int{}}
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
		default:
			ps.add(k.Line, "", k.Value, "unknown field%s (a sheet has student, banks, seed, answers)", suggest(k.Value, []string{"student", "banks", "seed", "answers"}))
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
			if _, dup := s.answers[k.Value]; dup {
				ps.add(k.Line, k.Value, "", "answered twice (first at line %d)", s.keyLine[k.Value])
				continue
			}
			s.ids = append(s.ids, k.Value)
			s.answers[k.Value] = v
			s.keyLine[k.Value] = k.Line
		}
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	return s, nil
}

// Response reads the sheet's answer to q. A question the sheet leaves out or
// leaves empty is unanswered; an answer that cannot be read is a Problem (the
// question then counts as unanswered).
func (s *Sheet) Response(q *Question) (Response, *Problem) {
	v, ok := s.answers[q.ID]
	if !ok || (v.Kind == yaml.ScalarNode && (v.Tag == "!!null" || strings.TrimSpace(v.Value) == "")) {
		return Response{}, nil
	}
	var seed uint64
	perm := []int(nil)
	if s.Seed != nil {
		seed = *s.Seed
		perm = optionOrder(q, seed)
	}
	p := &Presented{Question: q, Perm: perm}
	r, err := responseFromNode(p, v)
	if err != nil {
		return Response{}, &Problem{File: s.File, Line: v.Line, Question: q.ID, Msg: err.Error()}
	}
	return r, nil
}

// Line returns the line of a question's answer in the sheet, or 0.
func (s *Sheet) Line(id string) int { return s.keyLine[id] }

func responseFromNode(p *Presented, v *yaml.Node) (Response, error) {
	q := p.Question
	text := func() (string, error) {
		if v.Kind != yaml.ScalarNode {
			return "", fmt.Errorf("expected a single answer, found a %s", kindName(v))
		}
		return strings.TrimSpace(v.Value), nil
	}
	list := func() ([]string, error) {
		switch v.Kind {
		case yaml.ScalarNode:
			return splitRefs(v.Value), nil
		case yaml.SequenceNode:
			out := make([]string, 0, len(v.Content))
			for _, c := range v.Content {
				c = resolve(c)
				if c.Kind != yaml.ScalarNode {
					return nil, fmt.Errorf("expected a list of answers, found a %s inside it", kindName(c))
				}
				out = append(out, c.Value)
			}
			return out, nil
		}
		return nil, fmt.Errorf("expected a list of answers, found a %s", kindName(v))
	}
	switch q.Type {
	case Single:
		t, err := text()
		if err != nil {
			return Response{}, err
		}
		i, err := ParseChoice(t, p.Options())
		if err != nil {
			return Response{}, err
		}
		return Response{Answered: true, Choices: p.FromDisplay([]int{i})}, nil
	case Multi:
		if v.Kind == yaml.ScalarNode {
			idx, err := ParseChoices(v.Value, p.Options())
			if err != nil {
				return Response{}, err
			}
			return Response{Answered: true, Choices: p.FromDisplay(idx)}, nil
		}
		refs, err := list()
		if err != nil {
			return Response{}, err
		}
		var idx []int
		for _, r := range refs {
			i, err := ParseChoice(r, p.Options())
			if err != nil {
				return Response{}, err
			}
			idx = append(idx, i)
		}
		return Response{Answered: true, Choices: p.FromDisplay(idx)}, nil
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
		seq, err := ParseSequence(strings.Join(refs, ";"), p.Options())
		if err != nil {
			return Response{}, err
		}
		return Response{Answered: true, Sequence: p.FromDisplay(seq)}, nil
	case Match:
		m, err := matchesFromNode(p, v)
		if err != nil {
			return Response{}, err
		}
		return Response{Answered: true, Matches: p.FromDisplay(m)}, nil
	}
	return Response{}, fmt.Errorf("unknown question type %q", q.Type)
}

// matchesFromNode reads "1=b 2=a" or a mapping {left: right}, where each side
// is a number, a letter or the text.
func matchesFromNode(p *Presented, v *yaml.Node) ([]int, error) {
	lefts, rights := p.Lefts(), p.Options()
	if v.Kind == yaml.ScalarNode {
		return ParseMatches(v.Value, lefts, rights)
	}
	if v.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("expected left: right pairs, found a %s", kindName(v))
	}
	out := make([]int, len(lefts))
	for i := range out {
		out[i] = -1
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], resolve(v.Content[i+1])
		li, err := ParseChoice(k.Value, lefts)
		if err != nil {
			return nil, fmt.Errorf("left side %q: not one of the items", k.Value)
		}
		if val.Kind != yaml.ScalarNode {
			return nil, fmt.Errorf("right side of %q: expected one answer, found a %s", k.Value, kindName(val))
		}
		ri, err := ParseChoice(val.Value, rights)
		if err != nil {
			return nil, fmt.Errorf("right side of %q: %q is not one of the options", k.Value, val.Value)
		}
		out[li] = ri
	}
	return out, nil
}

// GradeSheet scores a sheet's answers to the presented questions. Answers it
// cannot read, and answers to ids that no given bank has, are returned as
// warnings; those questions count as unanswered.
func GradeSheet(s *Sheet, questions []*Presented, banks []*Bank) (*Result, []Problem) {
	res := &Result{Status: Complete, EndedBy: EndFinished}
	var warnings []Problem
	for _, p := range questions {
		r, prob := s.Response(p.Question)
		if prob != nil {
			prob.Warning = true
			warnings = append(warnings, *prob)
		}
		res.Outcomes = append(res.Outcomes, Outcome{Question: p, Response: r, Fraction: Score(p.Question, r)})
	}
	for _, id := range s.ids {
		known := false
		for _, b := range banks {
			known = known || b.Question(id) != nil
		}
		if !known {
			warnings = append(warnings, Problem{File: s.File, Line: s.keyLine[id], Question: id, Warning: true, Msg: "no such question in " + strings.Join(bankIDs(banks), ", ") + "; answer ignored"})
		}
	}
	return res, warnings
}

func bankIDs(banks []*Bank) []string {
	out := make([]string, len(banks))
	for i, b := range banks {
		out[i] = b.ID
	}
	return out
}
