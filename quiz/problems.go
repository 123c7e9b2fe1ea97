package quiz

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one thing wrong with a bank, answer sheet or other input file,
// located so that the user can fix it: file, line, question and field.
type Problem struct {
	File     string
	Line     int
	Question string // question id, when the problem is inside one
	Field    string
	Msg      string
	Warning  bool // the file is usable, but probably not as meant
}

func (p Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	if p.Warning {
		b.WriteString("warning: ")
	}
	if p.Question != "" {
		fmt.Fprintf(&b, "question %q: ", p.Question)
	}
	if p.Field != "" {
		fmt.Fprintf(&b, "%s: ", p.Field)
	}
	b.WriteString(p.Msg)
	return b.String()
}

// InvalidError lists every problem found in one input. It is returned only when
// at least one problem is an error, not a warning.
type InvalidError struct {
	Problems []Problem
}

func (e *InvalidError) Error() string {
	lines := make([]string, 0, len(e.Problems))
	for _, p := range e.Problems {
		lines = append(lines, p.Error())
	}
	return strings.Join(lines, "\n")
}

// Problems collects the problems of one file, as every reader reports them.
type Problems struct {
	File string
	List []Problem
}

// Add records an error.
func (ps *Problems) Add(line int, question, field, format string, args ...any) {
	ps.List = append(ps.List, Problem{File: ps.File, Line: line, Question: question, Field: field, Msg: fmt.Sprintf(format, args...)})
}

// Warn records a warning: the file is usable, but probably not as meant.
func (ps *Problems) Warn(line int, question, field, format string, args ...any) {
	ps.Add(line, question, field, format, args...)
	ps.List[len(ps.List)-1].Warning = true
}

// Err returns an *InvalidError when any problem is an error (see Invalid).
func (ps *Problems) Err() error { return Invalid(ps.List) }

// Invalid returns an *InvalidError listing problems in the order of their
// lines, as an editor shows the file, when any of them is an error; nil when
// all are warnings. Every format's parser reports through it.
func Invalid(problems []Problem) error {
	for _, p := range problems {
		if !p.Warning {
			sort.SliceStable(problems, func(i, j int) bool { return problems[i].Line < problems[j].Line })
			return &InvalidError{Problems: problems}
		}
	}
	return nil
}

// Warnings returns only the warnings.
func (ps *Problems) Warnings() []Problem {
	var w []Problem
	for _, p := range ps.List {
		if p.Warning {
			w = append(w, p)
		}
	}
	return w
}
