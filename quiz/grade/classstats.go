package grade

import (
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/stats"
)

// ClassStats feeds graded sheets to class statistics in constant memory,
// whatever the number of sheets. The first sheet's questions are the
// statistics' items; a sheet graded on other questions is counted apart and
// left out, since its marks would not mean anything there.
//
// Teacher marks count: once every open answer of the class is marked, the
// open questions are items like the others (a blank open answer scores 0),
// and the totals are the gradebook's. Until then a total would be missing
// the unmarked answers, so the statistics cover the automatically marked
// questions, for every sheet, and ToMark says how many sheets wait for a
// mark. Both are kept as the sheets go by; Stats picks one at the end. A
// paper sheet has nowhere to keep a mark: a class of paper sheets with open
// answers keeps the automatically marked statistics.
type ClassStats struct {
	auto    track            // the auto-graded questions, over every sheet
	all     track            // every scored question, over the sheets with nothing to mark
	answers *stats.Responses // what the class answered, for the response analysis
	skipped int
	toMark  int
	split   bool // a sheet fitted auto but not all (other open questions): all is not used
}

// track is one set of items and its statistics.
type track struct {
	stats *stats.Stats
	qs    []*quiz.Question       // the first sheet's questions of this track
	pos   map[*quiz.Question]int // qs's positions, for sheets in another order
	marks []float64
	in    func(*quiz.Question) bool
}

func newTrack(r *SheetResult, in func(*quiz.Question) bool) track {
	t := track{in: in}
	var ids []string
	var max []float64
	for _, o := range r.Outcomes {
		if q := o.Question.Question; in(q) {
			t.qs = append(t.qs, q)
			ids = append(ids, q.Bank+"/"+q.ID)
			max = append(max, q.Points)
		}
	}
	t.stats, t.marks = stats.New(ids, max), make([]float64, len(ids))
	return t
}

func scored(q *quiz.Question) bool { return q.Type != quiz.Info }

// Add adds a sheet's marks.
func (c *ClassStats) Add(r *SheetResult) {
	if c.auto.stats == nil {
		c.auto = newTrack(r, (*quiz.Question).Graded)
		c.all = newTrack(r, scored)
		c.answers = stats.NewResponses()
	}
	if !c.auto.fill(r) {
		c.skipped++
		return
	}
	c.auto.stats.Add(c.auto.marks)
	c.answers.Add(r.Outcomes)
	for _, o := range r.Outcomes {
		if o.ToMark() {
			c.toMark++
			return
		}
	}
	if !c.all.fill(r) {
		c.split = true
		return
	}
	c.all.stats.Add(c.all.marks)
}

// fill puts a sheet's marks in the first sheet's order; false when the sheet
// was graded on other questions. The same order is checked by pointer first:
// this runs once per sheet of a batch. Students asked in another order (an
// exam without a shared seed) are matched question by question.
func (t *track) fill(r *SheetResult) bool {
	i := 0
	for _, o := range r.Outcomes {
		if !t.in(o.Question.Question) {
			continue
		}
		if i >= len(t.qs) || o.Question.Question != t.qs[i] {
			return t.fillByQuestion(r)
		}
		t.marks[i] = o.Points()
		i++
	}
	return i == len(t.qs)
}

func (t *track) fillByQuestion(r *SheetResult) bool {
	if t.pos == nil {
		t.pos = make(map[*quiz.Question]int, len(t.qs))
		for i, q := range t.qs {
			t.pos[q] = i
		}
	}
	n := 0
	for _, o := range r.Outcomes {
		if !t.in(o.Question.Question) {
			continue
		}
		i, ok := t.pos[o.Question.Question]
		if !ok {
			return false
		}
		t.marks[i] = o.Points()
		n++
	}
	return n == len(t.qs)
}

// Summary is the statistics with the response analysis, questions flagged
// whose discrimination is below low (percent).
func (c *ClassStats) Summary(low float64) stats.StatsSummary {
	s := c.Stats().Summary(low)
	s.Responses = c.answers.Summary()
	return s
}

// Stats returns the statistics so far (empty before the first sheet): with
// the teacher's marks once no sheet waits for one, else over the
// automatically marked questions.
func (c *ClassStats) Stats() *stats.Stats {
	switch {
	case c.auto.stats == nil:
		c.auto.stats = stats.New(nil, nil)
		return c.auto.stats
	case c.toMark == 0 && !c.split:
		return c.all.stats
	}
	return c.auto.stats
}

// ToMark is how many sheets hold an open answer that waits for a teacher's
// mark (conflictq mark): while there are any, the statistics leave the open
// questions out.
func (c *ClassStats) ToMark() int { return c.toMark }

// Skipped is how many sheets were left out, graded on other questions.
func (c *ClassStats) Skipped() int { return c.skipped }
