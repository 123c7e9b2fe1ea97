package history

import (
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fsrs"
)

// Record is one answered question: one line of a history file. Its JSON
// field names are stable.
type Record struct {
	Time    time.Time `json:"time"`    // when the answer was given
	Session time.Time `json:"session"` // its quiz's id, SessionID: answers of one quiz share it
	Student string    `json:"student"`
	Mode    string    `json:"mode"` // practice, exam or review
	Bank    string    `json:"bank"`
	// BankDigest and Digest are quiz.Digest of the bank and of the question
	// when it was answered: a question that has changed since starts over.
	BankDigest string  `json:"bank_digest"`
	Question   string  `json:"question"`
	Digest     string  `json:"digest"`
	Points     float64 `json:"points"`
	MaxPoints  float64 `json:"max_points"`
	Seconds    float64 `json:"seconds"`
}

// Mode of the answers given in a spaced review.
const ModeReview = "review"

// Recorder makes Records from a quiz's outcomes.
type Recorder struct {
	Student string
	Mode    string
	Session time.Time
	// Tag tells apart quizzes started in the same millisecond (SessionID):
	// a random number below 1000 (the command's Factory.SessionTag).
	Tag int
	// BankDigests maps a bank's id to quiz.Digest of its questions.
	BankDigests map[string]string
	digests     map[*quiz.Question]string
}

// Record returns the record of an outcome, and false for a question that is
// not marked (open questions and pages to read), which has no place in a
// schedule.
func (rc *Recorder) Record(o quiz.Outcome, at time.Time) (Record, bool) {
	q := o.Question.Question
	if !q.Graded() {
		return Record{}, false
	}
	if rc.digests == nil {
		rc.digests = map[*quiz.Question]string{}
	}
	d, ok := rc.digests[q]
	if !ok {
		d = quiz.Digest(q)
		rc.digests[q] = d
	}
	return Record{
		Time: at.UTC().Truncate(time.Millisecond), Session: SessionID(rc.Session, rc.Tag),
		Student: rc.Student, Mode: rc.Mode, Bank: q.Bank, BankDigest: rc.BankDigests[q.Bank],
		Question: q.ID, Digest: d, Points: o.Points(), MaxPoints: q.MaxPoints(), Seconds: round1(o.Seconds),
	}, true
}

// SessionID is the id of a quiz that started at start, with tag: the
// time it started, to the millisecond, with tag mod 1000 as its
// microseconds, so that two quizzes started in the same millisecond (two
// terminals, a script) keep their answers apart, in a history line's
// "session" as a time ("2026-12-01T09:00:00.123045Z"). Ids written before,
// to the millisecond, read as they did: a session is told apart by its
// microsecond (Schedule.Add), and shown to the millisecond (SessionScore).
func SessionID(start time.Time, tag int) time.Time {
	return start.UTC().Truncate(time.Millisecond).Add(time.Duration((tag%1000+1000)%1000) * time.Microsecond)
}

func round1(f float64) float64 { return float64(int64(f*10+0.5)) / 10 }

// Time limits for grading a right answer by its speed.
const (
	// EasyWithin: a right answer this quick was recalled at once.
	EasyWithin = 8.0
	// HardAfter: a right answer this slow was recalled with difficulty.
	HardAfter = 60.0
)

// Grade is how well the record's answer was recalled, for FSRS: wrong or
// unanswered is Again, partly right is Hard, right is Good, or Easy when
// given within EasyWithin seconds, or Hard after HardAfter seconds.
func (r *Record) Grade() fsrs.Grade {
	switch {
	case r.MaxPoints <= 0 || r.Points <= 0:
		return fsrs.Again
	case r.Points < r.MaxPoints:
		return fsrs.Hard
	case r.Seconds < EasyWithin:
		return fsrs.Easy
	case r.Seconds > HardAfter:
		return fsrs.Hard
	}
	return fsrs.Good
}

// Right reports whether the answer earned full marks.
func (r *Record) Right() bool { return r.MaxPoints > 0 && r.Points >= r.MaxPoints }
