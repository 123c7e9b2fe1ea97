package grade

import (
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/stats"
)

// ClassStats feeds graded sheets to class statistics in constant memory,
// whatever the number of sheets. The first sheet's scored questions are the
// statistics' items: the auto-graded ones and the open ones, whose teacher
// marks count as any other mark (a blank open answer scores 0). A sheet with
// an open answer not yet marked has no total yet: it is counted apart
// (ToMark) and left out until a teacher marks it, as is a sheet graded on
// other questions, since its marks would not mean anything there.
type ClassStats struct {
	stats   *stats.Stats
	answers *stats.Responses       // what the class answered, for the response analysis
	graded  []*quiz.Question       // the first sheet's scored questions
	pos     map[*quiz.Question]int // graded's positions, for sheets in another order
	marks   []float64
	skipped int
	toMark  int
}

// scored reports whether a question is one of the statistics' items: every
// question but an information item.
func scored(q *quiz.Question) bool { return q.Type != quiz.Info }

// Add adds a sheet's marks.
func (c *ClassStats) Add(r *SheetResult) {
	if c.stats == nil {
		var ids []string
		var max []float64
		for _, o := range r.Outcomes {
			if scored(o.Question.Question) {
				c.graded = append(c.graded, o.Question.Question)
				ids = append(ids, o.Question.Bank+"/"+o.Question.ID)
				max = append(max, o.Question.Points)
			}
		}
		c.stats, c.marks = stats.New(ids, max), make([]float64, len(ids))
		c.answers = stats.NewResponses()
	}
	if !c.fill(r) {
		c.skipped++
		return
	}
	c.answers.Add(r.Outcomes) // what was answered counts before the marking
	for _, o := range r.Outcomes {
		if o.ToMark() {
			c.toMark++
			return
		}
	}
	c.stats.Add(c.marks)
}

// fill puts a sheet's marks in the first sheet's order; false when the sheet
// was graded on other questions. The same order is checked by pointer first:
// this runs once per sheet of a batch. Students asked in another order (an
// exam without a shared seed) are matched question by question.
func (c *ClassStats) fill(r *SheetResult) bool {
	i := 0
	for _, o := range r.Outcomes {
		if !scored(o.Question.Question) {
			continue
		}
		if i >= len(c.graded) || o.Question.Question != c.graded[i] {
			return c.fillByQuestion(r)
		}
		c.marks[i] = o.Points()
		i++
	}
	return i == len(c.graded)
}

func (c *ClassStats) fillByQuestion(r *SheetResult) bool {
	if c.pos == nil {
		c.pos = make(map[*quiz.Question]int, len(c.graded))
		for i, q := range c.graded {
			c.pos[q] = i
		}
	}
	n := 0
	for _, o := range r.Outcomes {
		if !scored(o.Question.Question) {
			continue
		}
		i, ok := c.pos[o.Question.Question]
		if !ok {
			return false
		}
		c.marks[i] = o.Points()
		n++
	}
	return n == len(c.graded)
}

// Summary is the statistics with the response analysis, questions flagged
// whose discrimination is below low (percent).
func (c *ClassStats) Summary(low float64) stats.StatsSummary {
	s := c.Stats().Summary(low)
	s.Responses = c.answers.Summary()
	return s
}

// Stats returns the statistics so far (empty before the first sheet).
func (c *ClassStats) Stats() *stats.Stats {
	if c.stats == nil {
		c.stats = stats.New(nil, nil)
	}
	return c.stats
}

// ToMark is how many sheets were left out because an open answer in them
// waits for a teacher's mark (conflictq mark).
func (c *ClassStats) ToMark() int { return c.toMark }

// Skipped is how many sheets were left out, graded on other questions.
func (c *ClassStats) Skipped() int { return c.skipped }
