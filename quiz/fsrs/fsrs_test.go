package fsrs

import (
	"math"
	"testing"
	"time"
)

// The expected values below are the reference implementations' own test
// values: py-fsrs 6.3.1 tests/test_basic.py and fsrs-rs src/model.rs, both
// with FSRS-6's default parameters.

func near(t *testing.T, name string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.7f, want %.7f (±%g)", name, got, want, tol)
	}
}

var start = time.Date(2022, 11, 29, 12, 30, 0, 0, time.UTC)

// py-fsrs test_review_card: intervals in whole days after each review,
// reviewing each card when it falls due.
func TestReviewIntervalsPyFSRS(t *testing.T) {
	s := NewScheduler()
	grades := []Grade{Good, Good, Good, Good, Good, Good, Again, Again, Good, Good, Good, Good, Good}
	want := []int{0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21}
	var c Card
	at := start
	for i, g := range grades {
		c = s.Review(c, g, at)
		got := int(c.Due.Sub(c.LastReview) / day)
		if got != want[i] {
			t.Fatalf("review %d (%s): interval %d days, want %d (all: %v)", i+1, g, got, want[i], want)
		}
		at = c.Due
	}
}

// py-fsrs test_memo_state: stability and difficulty after six reviews.
func TestMemoryStatePyFSRS(t *testing.T) {
	s := NewScheduler()
	grades := []Grade{Again, Good, Good, Good, Good, Good}
	gaps := []int{0, 0, 1, 3, 8, 21}
	var c Card
	at := start
	for i, g := range grades {
		at = at.Add(time.Duration(gaps[i]) * day)
		c = s.Review(c, g, at)
	}
	near(t, "stability", c.Stability, 53.62691, 1e-4)
	near(t, "difficulty", c.Difficulty, 6.3574867, 1e-4)
}

// py-fsrs test_repeated_correct_reviews: ten Easy reviews bring difficulty to
// its floor.
func TestRepeatedEasyPyFSRS(t *testing.T) {
	s := NewScheduler()
	var c Card
	for i := range 10 {
		c = s.Review(c, Easy, start.Add(time.Duration(i)*time.Microsecond))
	}
	if c.Difficulty != 1 {
		t.Errorf("difficulty = %v, want 1", c.Difficulty)
	}
}

// fsrs-rs test_power_forgetting_curve.
func TestForgettingCurveFSRSRS(t *testing.T) {
	s := NewScheduler()
	days := []float64{0, 1, 2, 3, 4, 5}
	stab := []float64{1, 2, 3, 4, 4, 2}
	want := []float64{1.0, 0.9403443, 0.9253786, 0.9185229, 0.9, 0.8261359}
	for i := range days {
		near(t, "R", s.forgettingCurve(days[i], stab[i]), want[i], 1e-6)
	}
}

// fsrs-rs test_init_difficulty and test_next_difficulty.
func TestDifficultyFSRSRS(t *testing.T) {
	s := NewScheduler()
	w := DefaultParameters
	for g := Again; g <= Easy; g++ {
		near(t, "D0("+g.String()+")", s.initDifficulty[g], w[4]-math.Exp(w[5]*float64(g-1))+1, 1e-12)
	}
	damped := []float64{8.354889, 6.6774445, 5.0, 3.3225555}
	reverted := []float64{8.341763, 6.6659956, 4.990228, 3.3144615}
	for g := Again; g <= Easy; g++ {
		d := s.dampedDifficulty(5, g)
		near(t, "damped "+g.String(), d, damped[g-1], 1e-5)
		near(t, "reverted "+g.String(), s.meanReversion(d), reverted[g-1], 1e-5)
		near(t, "next "+g.String(), s.nextDifficulty(5, g), reverted[g-1], 1e-5)
	}
}

// fsrs-rs test_next_stability, including the same-day (short-term) stability
// in which a Hard review, like Good, never lowers stability.
func TestStabilityFSRSRS(t *testing.T) {
	s := NewScheduler()
	rs := []float64{0.9, 0.8, 0.7, 0.6}
	recall := []float64{25.602541, 28.226582, 58.656002, 127.226685}
	forget := []float64{1.0525396, 1.1894329, 1.3680838, 1.584989}
	short := []float64{1.596818, 5.0, 5.0, 8.12961}
	for i, g := range []Grade{Again, Hard, Good, Easy} {
		d := float64(i + 1)
		near(t, "recall "+g.String(), s.recallStability(d, 5, rs[i], g), recall[i], 1e-4)
		near(t, "forget "+g.String(), s.forgetStability(d, 5, rs[i]), forget[i], 1e-5)
		near(t, "short-term "+g.String(), s.shortTermStability(5, g), short[i], 1e-5)
	}
}

func TestInitialStability(t *testing.T) {
	s := NewScheduler()
	for g := Again; g <= Easy; g++ {
		c := s.Review(Card{}, g, start)
		if c.Stability != DefaultParameters[g-1] {
			t.Errorf("S0(%s) = %v, want w%d = %v", g, c.Stability, g-1, DefaultParameters[g-1])
		}
	}
}

func TestRetrievability(t *testing.T) {
	s := NewScheduler()
	if r := s.Retrievability(Card{}, start); r != 0 {
		t.Errorf("new card: R = %v, want 0", r)
	}
	c := s.Review(Card{}, Easy, start) // straight to review, S = w3
	if c.State != Review {
		t.Fatalf("state after Easy = %v, want Review", c.State)
	}
	// At the due date retrievability has fallen to about the desired retention.
	r := s.Retrievability(c, c.Due)
	if r < 0.88 || r > 0.92 {
		t.Errorf("R at due = %v, want about 0.9", r)
	}
	if r := s.Retrievability(c, start.Add(-day)); r != 1 {
		t.Errorf("R before the review = %v, want 1", r)
	}
}

func TestLapses(t *testing.T) {
	s := NewScheduler()
	c := s.Review(Card{}, Easy, start)
	c = s.Review(c, Again, c.Due)
	if c.State != Relearning || c.Lapses != 1 || c.Due.Sub(c.LastReview) != 10*time.Minute {
		t.Errorf("after a lapse: %+v", c)
	}
	c = s.Review(c, Good, c.Due)
	if c.State != Review {
		t.Errorf("after relearning: state %v, want Review", c.State)
	}
}

func BenchmarkReview(b *testing.B) {
	s := NewScheduler()
	grades := []Grade{Good, Again, Good, Easy, Hard, Good}
	var c Card
	at := start
	for i := 0; b.Loop(); i++ {
		c = s.Review(c, grades[i%len(grades)], at)
		at = at.Add(36 * time.Hour)
	}
}
