package grade

import (
	"maps"
	"slices"

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
// mark. Both are kept as the sheets go by (as one while they are the
// same); Stats picks one at the end.
type ClassStats struct {
	// SumsOnly says only Stats will be read (grade --sums): the response
	// analysis, which only Summary gives, is not counted.
	SumsOnly bool

	auto track // the auto-graded questions, over every sheet (once apart)
	all  track // every scored question, over the sheets with nothing to mark
	// apart is set by the first sheet with an open question: until then
	// the two tracks would count the same marks of the same questions, so
	// only all is kept, and auto starts as its copy (a class with no open
	// question paid for its statistics twice).
	apart   bool
	started bool
	answers *stats.Responses // what the class answered, for the response analysis; nil with SumsOnly
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
	// last is the questions of the last sheet added, in its order, and
	// places each one's place in stats (-1: not one of the track's): the
	// sheets of a class mostly have the same questions in the same order,
	// and then none is looked up in pos.
	last   []*quiz.Question
	places []int
}

func newTrack(in func(*quiz.Question) bool) track {
	return track{stats: stats.New(nil, nil), in: in, pos: map[*quiz.Question]int{}}
}

func scored(q *quiz.Question) bool { return q.Type != quiz.Info }

// Add adds a sheet's marks.
func (c *ClassStats) Add(r *SheetResult) {
	if !c.started {
		c.started = true
		c.all = newTrack(scored)
		if !c.SumsOnly {
			c.answers = stats.NewResponses()
		}
	}
	if c.answers != nil {
		c.answers.Add(r.Outcomes)
	}
	open, toMark := false, false
	for oi := range r.Outcomes { // in place: an Outcome is 200 bytes to copy
		o := &r.Outcomes[oi]
		open = open || o.Question.Type == quiz.Open
		toMark = toMark || o.ToMark()
	}
	if open && !c.apart {
		// all's statistics so far are auto's: every sheet before had
		// the same questions in both. A sheet to mark ends all, so auto
		// takes it as it is; else the two grow apart from here.
		c.apart = true
		c.auto = c.all.copy(toMark)
		c.auto.in = (*quiz.Question).Graded
	}
	if c.apart {
		c.auto.add(r)
	}
	if toMark {
		c.toMark++
		// From now on Stats is auto's: the rest of all's sheets
		// would be counted for nothing.
		c.all = track{}
		return
	}
	if c.toMark == 0 {
		c.all.add(r)
	}
}

// copy returns t, its statistics copied unless shared (t is not added to
// again).
func (t *track) copy(shared bool) track {
	c := *t
	if !shared {
		c.stats = t.stats.Clone()
		c.pos = maps.Clone(t.pos)
		c.seen = slices.Clone(t.seen)
		c.idx, c.marks, c.reached = nil, nil, nil
	}
	c.last, c.places = nil, nil // the copy's in is another
	return c
}

func (t *track) add(r *SheetResult) {
	t.idx, t.marks, t.reached = t.idx[:0], t.marks[:0], t.reached[:0]
	t.n++
	t.place(r.Outcomes)
	for oi := range r.Outcomes { // in place: an Outcome is 200 bytes to copy
		o := &r.Outcomes[oi]
		i := t.places[oi]
		if i < 0 {
			continue
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

// place finds each outcome's place in t.stats (places), the question added
// there if it is new, unless the last sheet had the same questions in the
// same order.
func (t *track) place(outcomes []quiz.Outcome) {
	if quiz.SameQuestions(outcomes, t.last) {
		return
	}
	t.last, t.places = t.last[:0], t.places[:0]
	for oi := range outcomes {
		o := &outcomes[oi]
		q := o.Question.Question
		i, ok := -1, false
		if t.in(q) {
			if i, ok = t.pos[q]; !ok {
				max := q.Points
				if q.Type != quiz.Open {
					max = o.Question.MaxPoints()
				}
				i = t.stats.Item(q.Bank+"/"+q.ID, q.Line, max)
				t.pos[q] = i
				t.seen = append(t.seen, 0)
			}
		}
		t.last, t.places = append(t.last, q), append(t.places, i)
	}
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
	case !c.started:
		return stats.New(nil, nil)
	case c.toMark == 0:
		return c.all.stats
	}
	return c.auto.stats
}

// Sums is the statistics as grade --sums writes them (Stats), with how many
// sheets wait for a mark and, while none does, the automatically marked
// questions' statistics too: merged, shards give what one run over their
// sheets gives, where one shard's sheet waiting for a mark leaves the open
// questions out of all (attack23 L10).
func (c *ClassStats) Sums() *stats.Stats {
	s := c.Stats()
	var auto *stats.Stats
	if c.started && c.toMark == 0 && c.apart {
		auto = c.auto.stats
	}
	s.SetToMark(c.toMark, auto)
	return s
}

// ToMark is how many sheets hold an open answer that waits for a teacher's
// mark (conflictq mark): while there are any, the statistics leave the open
// questions out.
func (c *ClassStats) ToMark() int { return c.toMark }
