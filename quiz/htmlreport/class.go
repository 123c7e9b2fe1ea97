// Package htmlreport writes conflictq's reports as self-contained HTML pages: a
// class report for the teacher (conflictq grade --format html) and a student's
// own review (conflictq quiz -o name.html).
//
// A page needs nothing but itself: its styles are inline, its charts inline SVG,
// and a Content-Security-Policy forbids every request and every script but the
// small one that sorts tables, so that it opens from a USB stick in a classroom
// without internet and reads fully with JavaScript off. Every text a student or
// a bank supplied is escaped (writer.text) and shown, never obeyed.
package htmlreport

import (
	"slices"
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
	// ToMark is how many sheets the statistics left out because an open
	// answer in them waits for a teacher's mark (quiz/grade's
	// ClassStats.ToMark), for the page to say so.
	ToMark int

	questions []*quiz.Question // every sheet's, as first met; the page shows them in bank order
	seen      map[*quiz.Question]bool
	// The order the paper sheets, and the quizzes' reports, had the
	// questions in, when a seed fixed it.
	paperOrder, screenOrder shownOrder
	// unordered counts the sheets whose order is not known (no seed):
	// with any, no order is every student's, and the page claims none.
	unordered int
	// The tags of the scored questions, over every sheet (students may have
	// had different question sets): tagNames as first met, tagAt a tag's
	// index there, in tagSum and in each row's tag scores. The page sorts them.
	tagNames []string
	tagAt    map[string]int
	qTags    map[*quiz.Question][]int
	// last is the questions of the last sheet added, in its order, and
	// lastTags each one's tags (tagsOf; nil for an info item): a class's
	// sheets mostly have the same questions in the same order, and then
	// Add looks none of them up (two map lookups a question a sheet were
	// most of Add's time).
	last      []*quiz.Question
	lastTags  [][]int
	scores    []tagTotal // one sheet's, reused
	banks     []string
	rows      []row
	files     []unreadableFile // sheets that could not be read at all
	filesMore int              // past MaxRows
	students  int              // every sheet, listed or not
	cut       int              // sheets not listed
	status    map[string]int
	passed    int
	tagSum    []tagTotal // per tag, over every student
	open      map[*quiz.Question][]openAnswer
	openMore  map[*quiz.Question]int

	// toMarkAlso counts the sheets with open answers to mark by their
	// status when it is another (incomplete, unreadable): the page counts
	// every sheet to mark once (teacher2 A5).
	toMarkAlso map[string]int
}

// row is one student's line in the gradebook.
type row struct {
	Name, Where        string
	Score, Max, Pct    float64
	PctText            string // Pct for people, as every format shows it
	Below              bool   // under the pass mark
	Status, StatusText string
	// tags are the student's totals by tag index (Class.tagAt), as many as
	// the class had met when the sheet came: a tag first met later is one
	// the student did not have.
	tags []tagTotal
	// Cells are the per-tag cells, in the page's tag order (Class.view).
	Cells []gridCell
}

// unreadableFile is a sheet that could not be read at all: where, and why.
type unreadableFile struct{ Where, Why string }

// tagTotal is a tag's points and maximum; toMark is the part of the maximum
// in open answers still waiting for a teacher.
type tagTotal struct{ score, max, toMark float64 }

// openAnswer is an open answer with its teacher's mark, if any.
type openAnswer struct {
	Student, Text string
	CutOff        bool // still being typed when the quiz ended (the report's cut_off)
	// SelfCheckCutOff: sent, its self-check cut short (self_check_cut_off).
	SelfCheckCutOff bool
	Mark            *quiz.Mark
	Max             float64
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
	return &Class{Pass: pass, Generated: generated, status: map[string]int{}, toMarkAlso: map[string]int{}, seen: map[*quiz.Question]bool{},
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
	// Status and StatusText are the grader's (quiz/grade's SheetResult.Status
	// and StatusText), the same in every format.
	Status, StatusText string
	// InOrder says Outcomes are in the order the student had the
	// questions (a seed fixed it); Paper that the sheet is a paper one. The
	// page numbers the questions as the paper did when that is known
	// (Class.pageOrder).
	InOrder, Paper bool
}

// shownOrder is the order in which sheets of one kind (paper or screen)
// had the questions: the first such sheet's, and whether every other
// agreed with it.
type shownOrder struct {
	questions []*quiz.Question
	sheets    int
	differ    bool
}

func (o *shownOrder) add(outcomes []quiz.Outcome) {
	var qs []*quiz.Question
	for _, oc := range outcomes {
		if q := oc.Question.Question; q.Type != quiz.Info {
			qs = append(qs, q)
		}
	}
	o.sheets++
	if o.sheets == 1 {
		o.questions = qs
	} else if !slices.Equal(o.questions, qs) {
		o.differ = true
	}
}

// Add counts one graded sheet.
func (c *Class) Add(r Sheet) {
	c.meet(r.Outcomes)
	for _, b := range r.Banks {
		if !slices.Contains(c.banks, b) {
			c.banks = append(c.banks, b)
		}
	}
	switch {
	case !r.InOrder:
		c.unordered++
	case r.Paper:
		c.paperOrder.add(r.Outcomes)
	default:
		c.screenOrder.add(r.Outcomes)
	}
	c.students++
	rw := row{Name: r.Name, Where: r.Where, Score: r.Score, Max: r.Max, Pct: r.Percent,
		Below: r.Passed != nil && !*r.Passed, Status: r.Status, StatusText: r.StatusText, PctText: text.FormatPercent(r.Percent)}
	if r.Passed != nil {
		// Below the pass mark, never shown as reaching it.
		rw.PctText = text.FormatResultPercent(r.Percent, c.Pass)
	}
	if r.Passed != nil && *r.Passed {
		c.passed++
	}
	clear(c.scores)
	for k := range r.Outcomes { // in place: an Outcome is 200 bytes to copy
		o := &r.Outcomes[k]
		q := o.Question.Question
		if q.Type == quiz.Info {
			continue
		}
		if q.Type == quiz.Open {
			if o.Response.Answered {
				if len(c.open[q]) < maxOpenShown {
					c.open[q] = append(c.open[q], openAnswer{Student: r.Name, Text: o.Response.Text, CutOff: o.Response.CutOff, SelfCheckCutOff: o.Response.SelfCheckCutOff, Mark: o.Mark, Max: q.Points})
				} else {
					c.openMore[q]++
				}
			}
		}
		// A tag's score counts what the gradebook counts: every question, an
		// open answer as 0 until a teacher marks it, as quiz.Outcome does.
		for _, i := range c.lastTags[k] {
			c.scores[i].score += o.Points()
			c.scores[i].max += o.MaxPoints()
			if o.ToMark() {
				c.scores[i].toMark += o.MaxPoints()
			}
		}
	}
	for i, s := range c.scores {
		c.tagSum[i].score += s.score
		c.tagSum[i].max += s.max
		c.tagSum[i].toMark += s.toMark
	}
	if len(c.rows) < c.maxRows() {
		rw.tags = slices.Clone(c.scores)
	}
	c.status[rw.Status]++
	if rw.Status != statusToMark && slices.ContainsFunc(r.Outcomes, quiz.Outcome.ToMark) {
		c.toMarkAlso[rw.Status]++
	}
	c.keep(rw)
}

// meet notes the sheet's questions the class had not met yet, and the tags
// of each (last, lastTags), unless the last sheet had the same questions in
// the same order.
func (c *Class) meet(outcomes []quiz.Outcome) {
	if quiz.SameQuestions(outcomes, c.last) {
		return
	}
	c.last, c.lastTags = c.last[:0], c.lastTags[:0]
	for k := range outcomes {
		q := outcomes[k].Question.Question
		if !c.seen[q] {
			c.seen[q] = true
			c.questions = append(c.questions, q)
		}
		var tags []int
		if q.Type != quiz.Info {
			tags = c.tagsOf(q)
		}
		c.last, c.lastTags = append(c.last, q), append(c.lastTags, tags)
	}
}

// tagsOf is the indexes (tagIndex) of q's tags, each once (quiz.UniqueTags),
// worked out for the first sheet that has q and kept for the others:
// folding every outcome's tags (quiz.TagKey normalizes the text) took a
// tenth of the class page's time.
func (c *Class) tagsOf(q *quiz.Question) []int {
	if idx, ok := c.qTags[q]; ok {
		return idx
	}
	var idx []int
	for _, t := range quiz.UniqueTags(q.Tags) {
		idx = append(idx, c.tagIndex(t))
	}
	if c.qTags == nil {
		c.qTags = map[*quiz.Question][]int{}
	}
	c.qTags[q] = idx
	return idx
}

// tagIndex is a tag's index, given to it when first met; tags that read
// alike (quiz.TagKey: recall, Recall) share one.
func (c *Class) tagIndex(t string) int {
	key := quiz.TagKey(t)
	if i, ok := c.tagAt[key]; ok {
		return i
	}
	if c.tagAt == nil {
		c.tagAt = map[string]int{}
	}
	c.tagAt[key] = len(c.tagNames)
	c.tagNames = append(c.tagNames, t)
	c.tagSum = append(c.tagSum, tagTotal{})
	c.scores = append(c.scores, tagTotal{})
	return len(c.tagNames) - 1
}

// tagOrder is the tag indexes in the order the page shows the tags: sorted.
func (c *Class) tagOrder() []int {
	order := make([]int, len(c.tagNames))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return quiz.CompareTags(c.tagNames[a], c.tagNames[b]) })
	return order
}

// AddUnreadable counts a sheet that could not be read at all: it is listed
// apart from the students, with why, and left out of the statistics.
func (c *Class) AddUnreadable(where string, err error) {
	c.students++
	// The error names the file, which the list shows already: keep the rest
	// ("line 2: invalid YAML: …").
	msg := strings.TrimSpace(err.Error())
	if rest, ok := strings.CutPrefix(msg, where+":"); ok {
		msg = strings.TrimSpace(rest)
		if line, after, ok := strings.Cut(msg, ":"); ok && line != "" && strings.Trim(line, "0123456789") == "" {
			msg = "line " + line + ":" + after
		}
	}
	if len(c.files) < c.maxRows() {
		c.files = append(c.files, unreadableFile{Where: text.PrintableTail(where), Why: text.Printable(msg)})
	} else {
		c.filesMore++
	}
}

// Orders the page can number the questions in (Class.pageOrder).
const (
	orderPaper  = "paper"  // as on the paper test
	orderScreen = "screen" // as every student had them on screen
	orderBank   = "bank"   // the banks' order: the students' orders differ or are not known
)

// pageOrder is the order the page numbers the questions in, and which
// order that is: the paper test's when every paper sheet had the questions
// in one order (sheets made with the same seed); else, with no paper
// sheet, the one order every report shows (a quiz taken with the same
// seed); else the banks' order (bankOrder). With any sheet whose order is
// not known (no seed) it is the banks' order: no other is every student's.
// Questions no such sheet had follow, in the banks' order.
func (c *Class) pageOrder() ([]*quiz.Question, string) {
	bank := c.bankOrder()
	var shown []*quiz.Question
	how := orderBank
	switch {
	case c.unordered > 0:
	case c.paperOrder.sheets > 0:
		if !c.paperOrder.differ {
			shown, how = c.paperOrder.questions, orderPaper
		}
	case c.screenOrder.sheets > 0 && !c.screenOrder.differ:
		shown, how = c.screenOrder.questions, orderScreen
	}
	if how == orderBank {
		return bank, how
	}
	out := slices.Clone(shown)
	for _, q := range bank {
		if !slices.Contains(shown, q) {
			out = append(out, q)
		}
	}
	return out, how
}

// bankOrder sorts questions as their banks list them: banks in the order the
// sheets first named them, questions by their line in the bank file. It does
// not depend on the order any student was asked in, so the numbers stay the
// same from run to run and match the bank.
func (c *Class) bankOrder() []*quiz.Question {
	out := slices.Clone(c.questions)
	bankAt := func(q *quiz.Question) int {
		if i := slices.Index(c.banks, q.Bank); i >= 0 {
			return i
		}
		return len(c.banks)
	}
	slices.SortStableFunc(out, func(a, b *quiz.Question) int {
		if d := bankAt(a) - bankAt(b); d != 0 {
			return d
		}
		if a.Bank != b.Bank {
			return strings.Compare(a.Bank, b.Bank)
		}
		return a.Line - b.Line
	})
	return out
}

func (c *Class) keep(r row) {
	if len(c.rows) < c.maxRows() {
		c.rows = append(c.rows, r)
	} else {
		c.cut++
	}
}
