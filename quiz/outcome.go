package quiz

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// Mode is how a quiz gives feedback.
type Mode string

// Modes.
const (
	// Practice shows right/wrong, the answer, the explanation and the citation
	// after every question.
	Practice Mode = "practice"
	// Exam gives no feedback until the end, then reviews every question.
	Exam Mode = "exam"
)

// ParseMode checks a mode name.
func ParseMode(s string) (Mode, error) {
	switch Mode(strings.ToLower(strings.TrimSpace(s))) {
	case Practice:
		return Practice, nil
	case Exam:
		return Exam, nil
	}
	return "", fmt.Errorf("%q is not a mode (practice or exam)", s)
}

// Status says whether a quiz ran to its end.
type Status string

// Statuses.
const (
	Complete   Status = "complete"
	Incomplete Status = "incomplete"
)

// How a quiz ended, as reports record it.
const (
	EndFinished   = "finished"
	EndTimeLimit  = "time_limit"
	EndInterrupt  = "interrupted"
	EndSignal     = "signal"
	EndInputEnded = "input_ended"
	EndError      = "error" // the prompter failed: the report keeps what was answered
)

// Outcome is one question's result.
type Outcome struct {
	Question *Presented
	Response Response
	Fraction float64 // share of the points earned, 0..1
	Seconds  float64 // time spent on the question
	// Unseen is a question the student was never shown (a quiz stopped
	// early): its report holds no right answer.
	Unseen bool
	// Mark is a teacher's mark of an open answer (conflictq mark), or nil.
	Mark *Mark
}

// SameQuestions reports whether outcomes are of the questions qs, in that
// order: a class's sheets mostly are, and what the class statistics and
// the class page work out for one sheet's questions then serves the next.
func SameQuestions(outcomes []Outcome, qs []*Question) bool {
	if len(outcomes) != len(qs) {
		return false
	}
	for i := range outcomes {
		if outcomes[i].Question.Question != qs[i] {
			return false
		}
	}
	return true
}

// Mark is a teacher's mark of an open answer. What the student wrote is never
// changed; the mark sits beside it.
type Mark struct {
	Points  float64   `json:"points"`
	Comment string    `json:"comment,omitempty"`
	Marker  string    `json:"marker,omitempty"`
	At      time.Time `json:"time,omitzero"` // none: not "0001-01-01"
	// Answer is the digest (AnswerDigest) of the answer the mark was given
	// for: a mark counts only beside that answer, so an answer changed
	// after it was marked is marked again.
	Answer string `json:"answer_sha256,omitempty"`
}

// AnswerDigest is the digest a mark records of the answer it was given for:
// the first 16 hex digits of the SHA-256 of the answer's exact text.
func AnswerDigest(answer string) string {
	sum := sha256.Sum256([]byte(answer))
	return hex.EncodeToString(sum[:8])
}

// Mark problems: why a mark is not counted.
const (
	MarkAnswerChanged = "the answer changed after it was marked, so the mark is not counted; mark it again (conflictq mark)"
	MarkNoDigest      = "a mark without its answer's digest (given before conflictq tied marks to answers, or written by hand): counted; check it, and `conflictq mark --remark` ties it to the answer"
)

// Fits says what is wrong with the mark beside the answer text, or "" when
// nothing is: MarkAnswerChanged (not counted) or MarkNoDigest (counted, with
// a warning: marks given before digests, or by hand; see Counts).
func (m *Mark) Fits(answer string) string {
	switch {
	case m.Answer == "":
		return MarkNoDigest
	case m.Answer != AnswerDigest(answer):
		return MarkAnswerChanged
	}
	return ""
}

// Counts reports whether the mark counts beside the answer: unless its digest
// names another answer. A mark without a digest counts (with MarkNoDigest's
// warning).
func (m *Mark) Counts(answer string) bool { return m.Fits(answer) != MarkAnswerChanged }

// Points earned: a teacher's mark when there is one.
func (o Outcome) Points() float64 {
	if o.Mark != nil {
		return o.Mark.Points
	}
	return o.Fraction * o.Question.MaxPoints()
}

// MaxPoints is what the question adds to the maximum: every question counts,
// an open one too, so that the students of one quiz are scored out of the
// same total and can compare (teacher2 A4). An open answer not yet marked
// scores 0 of its points until a teacher marks it (ToMark); one left blank
// or never reached scores 0, as a blank closed question does.
func (o Outcome) MaxPoints() float64 {
	if o.Question.Type == Open {
		return o.Question.Points
	}
	return o.Question.MaxPoints()
}

// ToMark reports whether an open answer still waits for a teacher.
func (o Outcome) ToMark() bool {
	return o.Question.Type == Open && o.Response.Answered && o.Mark == nil
}

// Correct reports whether the answer earned full marks.
func (o Outcome) Correct() bool { return o.Question.Graded() && o.Response.Answered && o.Fraction >= 1 }

// Result is what a quiz produced: every question asked, answered or not.
type Result struct {
	Outcomes []Outcome
	Status   Status
	EndedBy  string
	Started  time.Time
	Finished time.Time
	// Reached counts the questions, from the first, that took an answer
	// (given or left blank) before the quiz ended. The question on screen
	// when a quiz stopped was reached too (it is not Unseen): NotReached
	// counts the questions never shown.
	Reached int
}

// NotReached is how many questions a quiz that ended early never showed; 0
// for a quiz that ran to its end or a graded sheet. The question on screen
// when the quiz stopped (Ctrl-C, the time limit) was reached: it counts as
// unanswered, not as not reached.
func (r *Result) NotReached() int {
	if r.EndedBy == EndFinished || r.EndedBy == "" {
		return 0
	}
	n := 0
	for _, o := range r.Outcomes {
		if o.Unseen {
			n++
		}
	}
	return n
}

// Score returns the points earned and the maximum.
func (r *Result) Score() (score, max float64) {
	for _, o := range r.Outcomes {
		score += o.Points()
		max += o.MaxPoints()
	}
	return score, max
}

// OpenAnswered counts the open questions answered: what a teacher would mark.
func OpenAnswered(outcomes []Outcome) int {
	n := 0
	for _, o := range outcomes {
		if o.Question.Type == Open && o.Response.Answered {
			n++
		}
	}
	return n
}
