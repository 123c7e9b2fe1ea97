package grade

import (
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/stats"
)

// ClassStats feeds graded sheets to class statistics in constant memory,
// whatever the number of sheets. Every sheet counts, whatever questions it was
// graded on (a set each, an older quiz with another -n, several banks): each
// auto-graded question's statistics are over the students who got it.
type ClassStats struct {
	stats   *stats.Stats
	answers *stats.Responses       // what the class answered, for the response analysis
	pos     map[*quiz.Question]int // each question's place in stats
	idx     []int                  // reused for each sheet
	marks   []float64
	seen    []int // per place: the last sheet that had it, so a question graded twice counts once
	sheets  int
}

// Add adds a sheet's marks.
func (c *ClassStats) Add(r *SheetResult) {
	if c.stats == nil {
		c.stats = stats.New(nil, nil)
		c.answers = stats.NewResponses()
		c.pos = map[*quiz.Question]int{}
	}
	c.idx, c.marks = c.idx[:0], c.marks[:0]
	c.sheets++
	for _, o := range r.Outcomes {
		q := o.Question.Question
		if !o.Question.Graded() {
			continue
		}
		i, ok := c.pos[q]
		if !ok {
			i = c.stats.Item(q.Bank+"/"+q.ID, q.Line, o.Question.MaxPoints())
			c.pos[q] = i
			c.seen = append(c.seen, 0)
		}
		if c.seen[i] == c.sheets { // a question graded twice counts once
			continue
		}
		c.seen[i] = c.sheets
		c.idx = append(c.idx, i)
		c.marks = append(c.marks, o.Points())
	}
	c.stats.AddSome(c.idx, c.marks)
	c.answers.Add(r.Outcomes)
}

// Summary is the statistics with the response analysis, questions flagged
// whose discrimination is below low (percent).
func (c *ClassStats) Summary(low float64) stats.StatsSummary {
	s := c.Stats().Summary(low)
	if c.answers != nil {
		s.Responses = c.answers.Summary()
	}
	return s
}

// Stats returns the statistics so far (empty before the first sheet).
func (c *ClassStats) Stats() *stats.Stats {
	if c.stats == nil {
		c.stats = stats.New(nil, nil)
	}
	return c.stats
}
