package quiz

import (
	"fmt"
	"sort"
	"strings"

	"github.com/conflictq/conflictq/quiz/text"
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
	// Reading marks a warning that only says how an answer was read (as
	// text, as written; a comment kept in it): all the student typed
	// counts. A teacher who has read such warnings may leave them out
	// (grade --quiet); every other warning says something was lost.
	Reading bool
}

// Error says where the problem is and what it is. What came from the file
// (its name, a key, a value) is escaped (text.EscapeLines): a message is read,
// never obeyed by the terminal.
func (p Problem) Error() string {
	return text.EscapeLines(p.message())
}

func (p Problem) message() string {
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

// MaxProblems is how many problems one file lists: a broken file can hold
// millions, and a list that long (in memory and on the screen) helps no one.
// The rest are counted: "... and 3,276,800 more".
const MaxProblems = 200

// InvalidError lists every problem found in one input (at most MaxProblems,
// and how many more there were). It is returned only when at least one
// problem is an error, not a warning.
type InvalidError struct {
	Problems []Problem
	More     int // problems found after the first MaxProblems, not listed
}

func (e *InvalidError) Error() string {
	lines := make([]string, 0, len(e.Problems)+1)
	for _, p := range e.Problems {
		lines = append(lines, p.Error())
	}
	if more := e.MoreLine(); more != "" {
		lines = append(lines, more)
	}
	return strings.Join(lines, "\n")
}

// MoreLine counts the problems not listed ("bank.gift: ... and 3,276,800
// more"), or is "" when every problem is listed.
func (e *InvalidError) MoreLine() string {
	if e.More == 0 {
		return ""
	}
	file := ""
	if len(e.Problems) > 0 {
		file = e.Problems[0].File + ": "
	}
	return text.EscapeLines(fmt.Sprintf("%s... and %s more", file, thousands(e.More)))
}

// thousands writes n with commas between groups of three digits.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Problems collects the problems of one file, as every reader reports them:
// the first MaxProblems, and a count of the rest.
type Problems struct {
	File string
	List []Problem
	More int // problems after the first MaxProblems
	// moreErrors: an error is among the problems not listed, so the file is
	// invalid even if every listed problem is a warning.
	moreErrors bool
}

// Add records an error.
func (ps *Problems) Add(line int, question, field, format string, args ...any) {
	ps.add(false, line, question, field, format, args...)
}

// Warn records a warning: the file is usable, but probably not as meant.
func (ps *Problems) Warn(line int, question, field, format string, args ...any) {
	ps.add(true, line, question, field, format, args...)
}

func (ps *Problems) add(warning bool, line int, question, field, format string, args ...any) {
	if len(ps.List) >= MaxProblems {
		ps.More++
		ps.moreErrors = ps.moreErrors || !warning
		return // not even formatted: a million of them would cost
	}
	ps.List = append(ps.List, Problem{File: ps.File, Line: line, Question: question, Field: field, Msg: fmt.Sprintf(format, args...), Warning: warning})
}

// Err returns an *InvalidError when any problem is an error (see Invalid).
func (ps *Problems) Err() error {
	err := Invalid(ps.List)
	if err == nil && ps.moreErrors {
		sort.SliceStable(ps.List, func(i, j int) bool { return ps.List[i].Line < ps.List[j].Line })
		err = &InvalidError{Problems: ps.List}
	}
	if inv, ok := err.(*InvalidError); ok {
		inv.More = ps.More
	}
	return err
}

// Invalid returns an *InvalidError listing problems in the order of their
// lines, as an editor shows the file, when any of them is an error; nil when
// all are warnings. Every format's parser reports through it.
func Invalid(problems []Problem) error {
	if CountErrors(problems) == 0 {
		return nil
	}
	sort.SliceStable(problems, func(i, j int) bool { return problems[i].Line < problems[j].Line })
	return &InvalidError{Problems: problems}
}

// CountErrors counts the problems that are errors, not warnings.
func CountErrors(problems []Problem) int {
	n := 0
	for _, p := range problems {
		if !p.Warning {
			n++
		}
	}
	return n
}

// Warnings returns only the warnings, with a last one that counts those not
// listed.
func (ps *Problems) Warnings() []Problem {
	var w []Problem
	for _, p := range ps.List {
		if p.Warning {
			w = append(w, p)
		}
	}
	if ps.More > 0 && len(w) > 0 {
		w = append(w, Problem{File: ps.File, Line: w[len(w)-1].Line, Warning: true, Msg: fmt.Sprintf("... and %s more", thousands(ps.More))})
	}
	return w
}
