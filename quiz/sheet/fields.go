package sheet

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
)

// raw is a sheet as its syntax gives it, before its fields are checked: what
// the YAML parser and the JSON scanner both produce.
type raw struct {
	file   string
	line   int    // the sheet's first line
	top    string // what the top level is when not a mapping, as nodeKind.Name says it: "a list"
	fields []field
	// problems are what reading found but could read past (an answer with
	// a colon, read as text): warnings, reported when the sheet is graded.
	problems []quiz.Problem
	comments []Comment
	marks    MarksSection // a YAML sheet's (ReadMarked)
}

// field is one top-level key and its value.
type field struct {
	key  string
	line int
	val  node
}

// nodeKind is a field value's shape: an answer value's shapes, with their
// words in messages (quiz.ValueKind.Name).
type nodeKind = quiz.ValueKind

const (
	nullNode    = quiz.Empty
	scalarNode  = quiz.Scalar
	listNode    = quiz.List
	mappingNode = quiz.Mapping
)

// node is a field's value. The answers field's mapping carries its answers,
// already read into values; other mappings carry nothing, as no other field
// may be one.
type node struct {
	kind    nodeKind
	text    string // scalarNode: the text, whatever the scalar's type (42, true)
	items   []node // listNode
	answers []Answer
	fields  []field     // mappingNode of the marks section: its keys and values
	mark    []markField // mappingNode of one mark in the marks section
	// more are the answers or fields counted but not kept, past MaxAnswers
	// or maxFields: the sheet is refused.
	more int
}

// markField is one field of a mark: its key and its value's kind and text,
// all the field checks read of it (a list or a mapping there is refused by
// its kind). It is a third of a field's size, and a sheet within the limits
// holds a million of them (10,000 marks of 100 fields, attack17 F3).
type markField struct {
	key  string
	line int
	kind nodeKind
	text string
}

// MaxMarkFields bounds the fields of one mark in a sheet's marks: a mark has
// five, and an unknown one is refused, but read first.
const MaxMarkFields = 100

// maxFields bounds the marks a sheet holds (one for each answer) and the
// fields of one mark, so that a hostile marks section costs no more than
// its answers would.
var maxFields = [2]int{MaxAnswers, MaxMarkFields}

func (n node) kindName() string { return n.kind.Name() }

var sheetFields = []string{"student", "banks", "seed", "set", "count", "tags", "difficulty", "types", "answers", "marks"}

// addUnknown reports key, a field that is none of known, in a sheet or a mark
// (of). Past the problems listed it is only counted (quiz.Problems), and its
// message is not made: the suggestion costs an edit distance to each known
// name, and a sheet within the limits holds a million unknown fields (10,000
// marks of 100), attack17 F3.
func addUnknown(ps *quiz.Problems, line int, question, field, key, of string, known []string) {
	if len(ps.List) >= quiz.MaxProblems {
		ps.Add(line, question, field, "unknown field") // counted, not listed
		return
	}
	ps.Add(line, question, field, "unknown field%s; %s has %s", text.Suggest(key, known), of, strings.Join(known, ", "))
}

// maxCount bounds a sheet's count: more questions than any bank has is a
// mistake, not a selection.
const maxCount = 1 << 20

// sheet checks the fields, the same for every syntax: a scalar of any type is
// text where text goes (a student called 42); a name where a list of names
// goes is a list of one; a number may be written as a string ("3"); null is
// as if the field were not given; a field given twice is an error; an answer
// given twice is a problem reported when grading, and the first counts; a
// match answer's left side given twice is kept as written, for grading to
// refuse that answer alone.
func (r *raw) sheet() (*Sheet, error) {
	ps := &quiz.Problems{File: r.file}
	if r.top != "" {
		ps.Add(r.line, "", "", "an answer sheet is a mapping with student, banks and answers, not %s", r.top)
		return nil, ps.Err()
	}
	s := &Sheet{File: r.file, Line: r.line, Problems: r.problems, Comments: r.comments}
	seen := make(map[string]int, len(r.fields))
	answers := false
	for _, f := range r.fields {
		if first, dup := seen[f.key]; dup {
			ps.Add(f.line, "", f.key, "%s", keyTwice(first))
			continue
		}
		seen[f.key] = f.line
		switch f.key {
		case "student":
			s.Student = textOf(ps, f)
		case "difficulty":
			s.Difficulty = textOf(ps, f)
		case "banks":
			s.Banks = namesOf(ps, f)
		case "tags":
			s.Tags = namesOf(ps, f)
		case "types":
			if names := namesOf(ps, f); names != nil {
				types, err := quiz.ParseTypes(names)
				if err != nil {
					ps.Add(f.line, "", "types", "%v", err)
				}
				s.Types = types
			}
		case "seed":
			s.Seed = seedOf(ps, f)
		case "set":
			if s.Set = textOf(ps, f); s.Set != "" {
				if err := quiz.CheckSetName(s.Set); err != nil {
					ps.Add(f.line, "", "set", "%v", err)
				}
			}
		case "count":
			s.Count = countOf(ps, f)
		case "marks":
			s.Marks = marksOf(ps, f)
		case "answers":
			answers = true
			switch f.val.kind {
			case nullNode: // an empty sheet: every question unanswered
			case mappingNode:
				if f.val.more > 0 {
					ps.Add(f.line, "", "answers", "%d answers; a sheet holds at most %d", len(f.val.answers)+f.val.more, MaxAnswers)
					break
				}
				s.addAnswers(f.val.answers)
			default:
				ps.Add(f.line, "", "answers", "expected question ids with answers, found %s", f.val.kindName())
			}
		default:
			addUnknown(ps, f.line, "", f.key, f.key, "a sheet", sheetFields)
		}
	}
	if !answers {
		ps.Add(r.line, "", "answers", "missing")
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

// keysSeen finds a key given before in one object: by a scan while there
// are few, as in every object conflictq writes, and by a map beyond, so that
// a hostile object of a million keys costs linear time.
type keysSeen struct {
	few  [16]keyAt
	n    int
	many map[string]int
}

type keyAt struct {
	key string
	at  int
}

// add records key at at (a line, an offset, an index); for a key already
// seen, it returns where it was first instead.
func (k *keysSeen) add(key string, at int) (first int, dup bool) {
	if k.many != nil {
		if first, dup = k.many[key]; !dup {
			k.many[key] = at
		}
		return first, dup
	}
	for _, s := range k.few[:k.n] {
		if s.key == key {
			return s.at, true
		}
	}
	if k.n < len(k.few) {
		k.few[k.n] = keyAt{key, at}
		k.n++
		return 0, false
	}
	k.many = make(map[string]int, 2*len(k.few))
	for _, s := range k.few {
		k.many[s.key] = s.at
	}
	k.many[key] = at
	return 0, false
}

// reset forgets every key, for the next object. A map of up to
// MaxMarkFields keys is emptied and kept for the next object (a sheet may
// hold 10,000 marks of 100 fields); a larger one is dropped, as emptying it
// would cost its size again for each object after it.
func (k *keysSeen) reset() {
	k.n = 0
	if len(k.many) > MaxMarkFields {
		k.many = nil
	}
	clear(k.many)
}

// keyTwice is the words for a key given twice in a sheet or a report. A
// match answer's left side given twice is not refused here: both pairs are
// kept, and reading the answer against its question refuses that answer
// alone (quiz.LeftTwiceError), however the side is spelled (attack18 F1).
func keyTwice(first int) string { return fmt.Sprintf("given twice (first at line %d)", first) }

// addAnswers keeps the first answer to each question and reports the others.
// It filters answers in place: the sheet takes over their storage.
func (s *Sheet) addAnswers(answers []Answer) {
	s.Answers = answers[:0]
	var first map[string]int // question id → line of its first answer, for long sheets
	if len(answers) > 64 {   // a scan is quicker below that
		first = make(map[string]int, len(answers))
	}
	for _, a := range answers {
		var line int
		var dup bool
		if first != nil {
			line, dup = first[a.ID]
			if !dup {
				first[a.ID] = a.Value.Line
			}
		} else if v, ok := s.Answer(a.ID); ok {
			line, dup = v.Line, true
		}
		if dup {
			s.Problems = append(s.Problems, quiz.Problem{File: s.File, Line: a.Value.Line, Question: a.ID,
				Msg: fmt.Sprintf("answered twice; the first answer (line %d) counts", line)})
			continue
		}
		s.Answers = append(s.Answers, a)
	}
}

func textOf(ps *quiz.Problems, f field) string {
	switch f.val.kind {
	case nullNode:
		return ""
	case scalarNode:
		return strings.TrimSpace(f.val.text)
	}
	ps.Add(f.line, "", f.key, "expected text, found %s", f.val.kindName())
	return ""
}

// namesOf reads a list of names (banks, tags) as written. YAML has trimmed
// a plain name already; a quoted one keeps its spaces, which are part of
// the name: the writer quotes " lead.json" and "a: " so that they read back
// whole, and trimmed they named another file or no bank (attack21 L5). Only
// a block scalar's last line break is dropped. So a quoted name of spaces
// alone (' ', a file named one space) is a name too: the writer writes it,
// and refusing it as empty left a sheet that its own key and grade could
// not read (attack24 L6); only an empty name and a missing entry are empty.
func namesOf(ps *quiz.Problems, f field) []string {
	name := func(s string) string { return strings.TrimRight(s, "\r\n") }
	switch f.val.kind {
	case nullNode:
		return nil
	case scalarNode:
		if n := name(f.val.text); n != "" {
			return []string{n}
		}
		return nil
	case mappingNode:
		ps.Add(f.line, "", f.key, "expected a list of names, found a mapping")
		return nil
	}
	out := make([]string, 0, len(f.val.items))
	for _, it := range f.val.items {
		switch {
		case it.kind == listNode || it.kind == mappingNode:
			ps.Add(f.line, "", f.key, "expected a list of names, found %s in it", it.kindName())
		case it.kind != scalarNode || name(it.text) == "":
			ps.Add(f.line, "", f.key, "empty entry")
		default:
			out = append(out, name(it.text))
		}
	}
	return out
}

func seedOf(ps *quiz.Problems, f field) *uint64 {
	switch f.val.kind {
	case nullNode:
		return nil
	case scalarNode:
		if n, err := strconv.ParseUint(strings.TrimSpace(f.val.text), 10, 64); err == nil {
			return &n
		}
		ps.Add(f.line, "", f.key, "expected a whole number, found %q", f.val.text)
		return nil
	}
	ps.Add(f.line, "", f.key, "expected a whole number, found %s", f.val.kindName())
	return nil
}

func countOf(ps *quiz.Problems, f field) int {
	switch f.val.kind {
	case nullNode:
		return 0
	case scalarNode:
		t := strings.TrimSpace(f.val.text)
		c, err := text.ParseNumber(t)
		if err != nil {
			c, err = strconv.ParseFloat(t, 64) // YAML's and JSON's own syntax: 1e3
		}
		if err == nil && c >= 0 && c <= maxCount && c == math.Trunc(c) {
			return int(c)
		}
		ps.Add(f.line, "", f.key, "expected a whole number of questions, found %q", f.val.text)
		return 0
	}
	ps.Add(f.line, "", f.key, "expected a whole number of questions, found %s", f.val.kindName())
	return 0
}

// markFields are the keys of one mark in a sheet's marks section.
var markFields = []string{"points", "comment", "marker", "time", "answer_sha256"}

// marksOf reads a sheet's marks section: a teacher's marks of its open
// answers, which conflictq mark appends below what the student wrote.
//
//	marks:
//	  what-is-genocide: {points: 1.5, comment: "...", marker: ana, time: 2026-12-03T10:00:00Z}
func marksOf(ps *quiz.Problems, f field) []Mark {
	switch f.val.kind {
	case nullNode:
		return nil
	case mappingNode:
	default:
		ps.Add(f.line, "", "marks", "expected question ids with their marks, found %s", f.val.kindName())
		return nil
	}
	if f.val.more > 0 {
		ps.Add(f.line, "", "marks", "%d marks; a sheet holds at most %d", len(f.val.fields)+f.val.more, maxFields[0])
		return nil
	}
	var out []Mark
	seen := map[string]int{}
	var keys keysSeen // a mark's fields
	for _, e := range f.val.fields {
		line := max(e.line, f.line)
		if first, dup := seen[e.key]; dup {
			ps.Add(line, e.key, "marks", "marked twice (first at line %d)", first)
			continue
		}
		seen[e.key] = line
		if e.val.kind != mappingNode {
			ps.Add(line, e.key, "marks", "expected points, comment, marker and time, found %s", e.val.kindName())
			continue
		}
		if e.val.more > 0 {
			ps.Add(line, e.key, "marks", "%d fields; a mark has %s", len(e.val.mark)+e.val.more, strings.Join(markFields, ", "))
			continue
		}
		m := Mark{ID: e.key, Line: line}
		hasPoints, before := false, len(ps.List)+ps.More
		keys.reset()
		for _, k := range e.val.mark {
			kl := max(k.line, line)
			name := "marks." + k.key
			if first, dup := keys.add(k.key, kl); dup {
				ps.Add(kl, e.key, name, "%s", keyTwice(first))
				continue
			}
			if k.kind == listNode || k.kind == mappingNode {
				ps.Add(kl, e.key, name, "expected a single value, found %s", k.kind.Name())
				continue
			}
			v := strings.TrimSpace(k.text)
			switch k.key {
			case "points":
				p, err := quiz.ParsePoints(v, quiz.MaxPoints)
				if err != nil {
					ps.Add(kl, e.key, name, "%v", err)
					continue
				}
				m.Points, hasPoints = p, true
			case "comment":
				m.Comment = k.text
			case "marker":
				m.Marker = v
			case "answer_sha256":
				m.Answer = v
			case "time":
				if v == "" {
					continue
				}
				t, err := time.Parse(time.RFC3339, v)
				if err != nil {
					ps.Add(kl, e.key, name, "expected a time such as 2026-12-03T10:00:00Z, found %q", k.text)
					continue
				}
				m.At = t
			default:
				addUnknown(ps, kl, e.key, name, k.key, "a mark", markFields)
			}
		}
		if !hasPoints {
			if len(ps.List)+ps.More == before {
				ps.Add(line, e.key, "marks.points", "missing")
			}
			continue
		}
		out = append(out, m)
	}
	return out
}
