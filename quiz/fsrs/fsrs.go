// Package fsrs schedules reviews with FSRS-6, the Free Spaced Repetition
// Scheduler that Anki uses since 23.10, with its published default parameters.
//
// The memory model (stability, difficulty, retrievability and the next
// interval) follows the formulas of FSRS-6 as the reference implementation
// fsrs-rs computes them; the card's path through learning, review and
// relearning steps follows py-fsrs's scheduler. Intervals are not fuzzed, so
// the same history always gives the same schedule.
//
// The package knows nothing of quizzes: a Card is one thing to remember, a
// Grade how well it was recalled.
package fsrs

import (
	"math"
	"time"
)

// Grade is how well a card was recalled, as FSRS rates a review.
type Grade int

// The four grades.
const (
	Again Grade = 1 // forgotten
	Hard  Grade = 2 // recalled with serious difficulty
	Good  Grade = 3 // recalled
	Easy  Grade = 4 // recalled at once
)

func (g Grade) String() string {
	switch g {
	case Again:
		return "again"
	case Hard:
		return "hard"
	case Good:
		return "good"
	case Easy:
		return "easy"
	}
	return "grade?"
}

// State is where a card is on its way to long-term memory.
type State int

// States. New is the zero value: a card never reviewed.
const (
	New State = iota
	Learning
	Review
	Relearning
)

// Card is the memory state of one thing to remember.
type Card struct {
	State      State
	Step       int     // the learning or relearning step, while in one
	Stability  float64 // days until retrievability falls to 90%
	Difficulty float64 // 1 (easiest) to 10
	LastReview time.Time
	Due        time.Time
	Reviews    int
	Lapses     int // times forgotten after having been learnt
}

// DefaultParameters are FSRS-6's 21 default weights (w0..w20).
var DefaultParameters = [21]float64{
	0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722,
	0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425,
	0.0912, 0.0658, 0.1542,
}

const (
	minStability  = 0.001
	minDifficulty = 1.0
	maxDifficulty = 10.0
	day           = 24 * time.Hour
)

// Scheduler computes the next review of a card.
type Scheduler struct {
	w                [21]float64
	retention        float64
	learningSteps    []time.Duration
	relearningSteps  []time.Duration
	maxIntervalDays  int
	decay, factor    float64
	intervalPerS     float64    // days of interval per day of stability
	shortTermFactor  [5]float64 // e^(w17·(G−3+w18)) by grade
	initDifficulty   [5]float64 // D0(G), unclamped
	expW8, forgetMin float64    // e^w8; e^(w17·w18)
}

// NewScheduler returns a scheduler with FSRS-6's default parameters, a desired
// retention of 90%, learning steps of 1 and 10 minutes, a relearning step of
// 10 minutes and a longest interval of 100 years: py-fsrs's defaults.
func NewScheduler() *Scheduler {
	return NewSchedulerWith(DefaultParameters, 0.9,
		[]time.Duration{time.Minute, 10 * time.Minute}, []time.Duration{10 * time.Minute}, 36500)
}

// NewSchedulerWith returns a scheduler with other parameters.
func NewSchedulerWith(w [21]float64, retention float64, learning, relearning []time.Duration, maxDays int) *Scheduler {
	s := &Scheduler{w: w, retention: retention, learningSteps: learning, relearningSteps: relearning, maxIntervalDays: maxDays}
	s.decay = -w[20]
	s.factor = math.Pow(0.9, 1/s.decay) - 1
	s.intervalPerS = (math.Pow(retention, 1/s.decay) - 1) / s.factor
	for g := Again; g <= Easy; g++ {
		s.shortTermFactor[g] = math.Exp(w[17] * (float64(g) - 3 + w[18]))
		s.initDifficulty[g] = w[4] - math.Exp(w[5]*(float64(g)-1)) + 1
	}
	s.expW8 = math.Exp(w[8])
	s.forgetMin = math.Exp(w[17] * w[18])
	return s
}

// Retrievability is the probability of recalling the card at time at. Like
// py-fsrs it counts whole days since the last review; a new card's is 0.
func (s *Scheduler) Retrievability(c Card, at time.Time) float64 {
	if c.State == New {
		return 0
	}
	return s.forgettingCurve(elapsedDays(c.LastReview, at), c.Stability)
}

// forgettingCurve is FSRS-6's power forgetting curve R(t, S).
func (s *Scheduler) forgettingCurve(days, stability float64) float64 {
	return pow(1+s.factor*days/stability, s.decay)
}

func elapsedDays(from, to time.Time) float64 {
	d := to.Sub(from)
	if d < 0 {
		return 0
	}
	return float64(d / day)
}

// Review returns the card after a review with grade g at time at.
func (s *Scheduler) Review(c Card, g Grade, at time.Time) Card {
	if g < Again || g > Easy {
		g = Again
	}
	sameDay := c.State != New && at.Sub(c.LastReview) < day
	switch {
	case c.State == New:
		c.State, c.Step = Learning, 0
		c.Stability = max(s.w[g-1], minStability)
		c.Difficulty = clampD(s.initDifficulty[g])
	case sameDay:
		c.Stability = s.shortTermStability(c.Stability, g)
		c.Difficulty = s.nextDifficulty(c.Difficulty, g)
	default:
		r := s.forgettingCurve(elapsedDays(c.LastReview, at), c.Stability)
		if g == Again {
			c.Stability = s.forgetStability(c.Difficulty, c.Stability, r)
		} else {
			c.Stability = s.recallStability(c.Difficulty, c.Stability, r, g)
		}
		c.Stability = max(c.Stability, minStability)
		c.Difficulty = s.nextDifficulty(c.Difficulty, g)
	}
	if c.State == Review && g == Again {
		c.Lapses++
	}
	c.Reviews++
	c.LastReview = at
	c.Due = at.Add(s.next(&c, g))
	return c
}

// next moves the card through its steps and returns the wait until its next
// review.
func (s *Scheduler) next(c *Card, g Grade) time.Duration {
	var steps []time.Duration
	switch c.State {
	case Review:
		if g != Again || len(s.relearningSteps) == 0 {
			return s.interval(c.Stability)
		}
		c.State, c.Step = Relearning, 0
		return s.relearningSteps[0]
	case Learning:
		steps = s.learningSteps
	case Relearning:
		steps = s.relearningSteps
	}
	graduate := func() time.Duration {
		c.State, c.Step = Review, 0
		return s.interval(c.Stability)
	}
	if len(steps) == 0 || (c.Step >= len(steps) && g != Again) {
		return graduate()
	}
	switch g {
	case Again:
		c.Step = 0
		return steps[0]
	case Hard:
		switch {
		case c.Step == 0 && len(steps) == 1:
			return steps[0] * 3 / 2
		case c.Step == 0:
			return (steps[0] + steps[1]) / 2
		}
		return steps[c.Step]
	case Good:
		if c.Step+1 == len(steps) {
			return graduate()
		}
		c.Step++
		return steps[c.Step]
	}
	return graduate() // Easy
}

// interval is the wait, in whole days, until retrievability falls to the
// desired retention.
func (s *Scheduler) interval(stability float64) time.Duration {
	days := int(math.RoundToEven(stability * s.intervalPerS))
	days = min(max(days, 1), s.maxIntervalDays)
	return time.Duration(days) * day
}

func clampD(d float64) float64 { return min(max(d, minDifficulty), maxDifficulty) }

// nextDifficulty applies linear damping, then mean reversion towards D0(Easy).
func (s *Scheduler) nextDifficulty(d float64, g Grade) float64 {
	return clampD(s.meanReversion(s.dampedDifficulty(d, g)))
}

func (s *Scheduler) dampedDifficulty(d float64, g Grade) float64 {
	delta := -s.w[6] * (float64(g) - 3)
	return d + (10-d)*delta/9
}

func (s *Scheduler) meanReversion(d float64) float64 {
	return s.w[7]*s.initDifficulty[Easy] + (1-s.w[7])*d
}

// recallStability is the stability after a successful review.
func (s *Scheduler) recallStability(d, st, r float64, g Grade) float64 {
	bonus := 1.0
	switch g {
	case Hard:
		bonus = s.w[15]
	case Easy:
		bonus = s.w[16]
	}
	return st * (1 + s.expW8*(11-d)*pow(st, -s.w[9])*(math.Exp((1-r)*s.w[10])-1)*bonus)
}

// forgetStability is the stability after a lapse; never more than before.
func (s *Scheduler) forgetStability(d, st, r float64) float64 {
	long := s.w[11] * pow(d, -s.w[12]) * (pow(st+1, s.w[13]) - 1) * math.Exp((1-r)*s.w[14])
	return min(long, st/s.forgetMin)
}

// shortTermStability is the stability after a review on the same day. As in
// fsrs-rs (Anki), a passing grade never lowers it.
func (s *Scheduler) shortTermStability(st float64, g Grade) float64 {
	inc := s.shortTermFactor[g] * pow(st, -s.w[19])
	if g >= Hard {
		inc = max(inc, 1)
	}
	return max(st*inc, minStability)
}

// pow is x**y for x > 0: math.Pow handles every special case and costs twice
// as much, and a year's history replays a hundred thousand reviews.
func pow(x, y float64) float64 { return math.Exp(y * math.Log(x)) }
