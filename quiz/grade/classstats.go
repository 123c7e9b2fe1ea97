package grade

import (
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/stats"
)

// ClassStats feeds graded sheets to class statistics in constant memory,
// whatever the number of sheets. Every sheet counts, whatever questions it was
// graded on (a set each, an older quiz with another -n, several banks): each
// question's statistics are over the students who got it.
//
// Teacher marks count: once every open answer of the class is marked, the
// open questions are items like the others (a blank open answer scores 0),
// and the totals are the gradebook's. Until then a total would be missing
// the unmarked answers, so the statistics cover the automatically marked
// questions, for every sheet, and ToMark says how many sheets wait for a
// mark. Both are kept as the sheets go by; Stats picks one at the end.
type ClassStats struct {
	auto    track            // the auto-graded questions, over every sheet
	all     track            // every scored question, over the sheets with nothing to mark
	answers *stats.Responses // what the class answered, for the response analysis
	toMark  int
}

// track is one set of items and its statistics.
type track struct {
	stats   *stats.Stats
	in      func(*quiz.Question) bool
	pos     map[*quiz.Question]int // each question's place in stats
	idx     []int                  // reused for each sheet
	marks   []float64
	reached []bool
	seen    []int // per place: the last sheet that had it, so a question graded twice counts once
	n       int   // sheets added
}

func newTrack(in func(*quiz.Question) bool) track {
	return track{stats: stats.New(nil, nil), in: in, pos: map[*quiz.Question]int{}}
}

func scored(q *quiz.Question) bool { return q.Type != quiz.Info }

// Add adds a sheet's marks.
func (c *ClassStats) Add(r *SheetResult) {
	if c.answers == nil {
		c.auto = newTrack((*quiz.Question).Graded)
		c.all = newTrack(scored)
		c.answers = stats.NewResponses()
	}
	c.auto.add(r)
	c.answers.Add(r.Outcomes)
	for oi := range r.Outcomes { // in place: an Outcome is 200 bytes to copy
		o := &r.Outcomes[oi]
		if o.ToMark() {
			c.toMark++
			// From now on Stats is auto's: the rest of all's sheets
			// would be counted for nothing.
			c.all = track{}
			return
		}
	}
	if c.toMark == 0 {
		c.all.add(r)
	}
}

func (t *track) add(r *SheetResult) {
	t.idx, t.marks, t.reached = t.idx[:0], t.marks[:0], t.reached[:0]
	t.n++
	for oi := range r.Outcomes { // in place: an Outcome is 200 bytes to copy
		o := &r.Outcomes[oi]
		q := o.Question.Question
		if !t.in(q) {
			continue
		}
		i, ok := t.pos[q]
		if !ok {
			max := q.Points
			if q.Type != quiz.Open {
				max = o.Question.MaxPoints()
			}
			i = t.stats.Item(q.Bank+"/"+q.ID, q.Line, max)
			t.pos[q] = i
			t.seen = append(t.seen, 0)
		}
		if t.seen[i] == t.n { // a question graded twice counts once
			continue
		}
		t.seen[i] = t.n
		t.idx = append(t.idx, i)
		t.marks = append(t.marks, o.Points())
		// A question the quiz stopped before says nothing about the question:
		// it counts 0 in the total but not in the question's statistics.
		t.reached = append(t.reached, !o.Unseen)
	}
	t.stats.AddReached(t.idx, t.marks, t.reached)
}

// Summary is the statistics with the response analysis, questions flagged
// whose discrimination is below low (percent).
func (c *ClassStats) Summary(low float64) stats.StatsSummary {
	s := c.Stats().Summary(low)
	if c.answers != nil {
		s.Responses = c.answers.Summary()
	}
	s.ToMark = c.toMark
	return s
}

// Stats returns the statistics so far (empty before the first sheet): with
// the teacher's marks once no sheet waits for one, else over the
// automatically marked questions.
func (c *ClassStats) Stats() *stats.Stats {
	switch {
	case c.answers == nil:
		return stats.New(nil, nil)
	case c.toMark == 0:
		return c.all.stats
	}
	return c.auto.stats
}

// ToMark is how many sheets hold an open answer that waits for a teacher's
// mark (conflictq mark): while there are any, the statistics leave the open
// questions out.
func (c *ClassStats) ToMark() int { return c.toMark }
