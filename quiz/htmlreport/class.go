// Package htmlreport writes conflictq's reports as self-contained HTML pages: a
// class report for the teacher (conflictq grade --format html) and a student's
// own review (conflictq quiz -o name.html).
//
// A page needs nothing but itself: its styles are inline, its charts inline SVG,
// and a Content-Security-Policy forbids every request and every script but the
// small one that sorts tables, so that it opens from a USB stick in a classroom
// without internet and reads fully with JavaScript off. Every text a student or
// a bank supplied goes through html/template and is shown, never obeyed.
package htmlreport

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
)

// DefaultMaxRows is how many students the gradebook and the mastery grid list
// unless Class.MaxRows says otherwise: the statistics and charts count everyone.
const DefaultMaxRows = 1000

// maxOpenShown bounds the open answers quoted for each question.
const maxOpenShown = 40

// Class collects a class's graded sheets, one at a time as a batch grades them,
// for the class report. It keeps one row a student up to MaxRows and counts the
// rest, so that a batch of any size fits. It is not safe for concurrent use.
type Class struct {
	// Pass is the pass mark in percent, or nil.
	Pass *float64
	// Generated is when the report was made, shown on the page.
	Generated time.Time
	// MaxRows bounds the gradebook; 0 means DefaultMaxRows.
	MaxRows int

	questions []*quiz.Question // the first sheet's, in order
	tags      []string         // the tags of those questions, sorted
	banks     []string
	rows      []row
	students  int // every sheet, listed or not
	cut       int // sheets not listed
	status    map[string]int
	passed    int
	tagSum    []tagTotal // per tag, over every student
	open      map[*quiz.Question][]openAnswer
	openMore  map[*quiz.Question]int
}

// row is one student's line in the gradebook.
type row struct {
	Name, Where        string
	Score, Max, Pct    float64
	Readable           bool
	Below              bool // under the pass mark
	Status, StatusText string
	Tags               []tagCell
}

type tagCell struct {
	Pct float64
	Has bool // the student had marked questions with this tag
}

type tagTotal struct{ score, max float64 }

// openAnswer is an open answer with its teacher's mark, if any.
type openAnswer struct {
	Student, Text string
	Mark          *quiz.Mark
	Max           float64
}

// MarkText says the mark: "0.5 of 1 point".
func (a openAnswer) MarkText() string {
	unit := " points"
	if a.Max == 1 {
		unit = " point"
	}
	return num(a.Mark.Points) + " of " + num(a.Max) + unit
}

// Statuses, as the gradebook shows them (and sorts them, by this key): the
// grader's (quiz/grade's Status), which every format shows; the page only
// names them.
const (
	statusComplete   = "complete"
	statusIncomplete = "incomplete"
	statusUnreadable = "unreadable"
	statusToMark     = "to mark"
)

// NewClass starts a class report.
func NewClass(pass *float64, generated time.Time) *Class {
	return &Class{Pass: pass, Generated: generated, status: map[string]int{},
		open: map[*quiz.Question][]openAnswer{}, openMore: map[*quiz.Question]int{}}
}

func (c *Class) maxRows() int {
	if c.MaxRows > 0 {
		return c.MaxRows
	}
	return DefaultMaxRows
}

// Sheet is one graded sheet as the class page needs it (quiz/grade's
// SheetResult gives one; the page does not import the grader, which writes
// the page as one of its formats).
type Sheet struct {
	Name, Where string // the student, or the file when it names nobody; the file (file:line)
	Banks       []string
	Outcomes    []quiz.Outcome
	Score, Max  float64
	Percent     float64
	Passed      *bool // nil without a pass mark
	Unreadable  int   // answers that could not be read
	// Status and StatusText are the grader's (quiz/grade's SheetResult.Status
	// and StatusText), the same in every format.
	Status, StatusText string
}

// Add counts one graded sheet.
func (c *Class) Add(r Sheet) {
	if c.questions == nil {
		for _, o := range r.Outcomes {
			c.questions = append(c.questions, o.Question.Question)
			if !o.Question.Graded() {
				continue // a tag's score counts marked questions only
			}
			for _, t := range o.Question.Tags {
				if !slices.Contains(c.tags, t) {
					c.tags = append(c.tags, t)
				}
			}
		}
		sort.Strings(c.tags)
		c.tagSum = make([]tagTotal, len(c.tags))
	}
	for _, b := range r.Banks {
		if !slices.Contains(c.banks, b) {
			c.banks = append(c.banks, b)
		}
	}
	c.students++
	rw := row{Name: r.Name, Where: r.Where, Score: r.Score, Max: r.Max, Pct: r.Percent, Readable: true,
		Below: r.Passed != nil && !*r.Passed, Status: r.Status, StatusText: r.StatusText}
	if r.Passed != nil && *r.Passed {
		c.passed++
	}
	scores := make([]tagTotal, len(c.tags))
	for _, o := range r.Outcomes {
		q := o.Question.Question
		if q.Type == quiz.Info {
			continue
		}
		if q.Type == quiz.Open {
			if o.Response.Answered {
				if len(c.open[q]) < maxOpenShown {
					c.open[q] = append(c.open[q], openAnswer{Student: r.Name, Text: o.Response.Text, Mark: o.Mark, Max: q.Points})
				} else {
					c.openMore[q]++
				}
			}
			continue
		}
		for _, t := range q.Tags {
			if i, ok := slices.BinarySearch(c.tags, t); ok {
				scores[i].score += o.Points()
				scores[i].max += q.MaxPoints()
			}
		}
	}
	rw.Tags = make([]tagCell, len(c.tags))
	for i, s := range scores {
		c.tagSum[i].score += s.score
		c.tagSum[i].max += s.max
		if s.max > 0 {
			rw.Tags[i] = tagCell{Pct: 100 * s.score / s.max, Has: true}
		}
	}
	c.status[rw.Status]++
	c.keep(rw)
}

// AddUnreadable counts a sheet that could not be read at all: it is listed, with
// why, and left out of the statistics.
func (c *Class) AddUnreadable(where string, err error) {
	c.students++
	c.status[statusUnreadable]++
	msg := strings.TrimSpace(err.Error())
	msg = strings.TrimPrefix(msg, where+": ")
	c.keep(row{Name: where, Where: where, Status: statusUnreadable, StatusText: "unreadable sheet: " + text.Printable(msg)})
}

func (c *Class) keep(r row) {
	if len(c.rows) < c.maxRows() {
		c.rows = append(c.rows, r)
	} else {
		c.cut++
	}
}
