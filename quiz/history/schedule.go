package history

import (
	"cmp"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fsrs"
)

// Key names a question across banks.
type Key struct{ Bank, Question string }

// version names one version of a question.
type version struct{ Bank, Question, Digest string }

// memory is what the history says of one version of a question: its card,
// latest answer and count of answers, in the Item that For hands out for
// the question's current version, which is this one (not a copy: the
// items of a year's 173 questions were a sixth of what progress
// allocated, and fresh memory costs a fresh process a page fault a page).
type memory struct {
	Item
	// Scores are its answers' points by session, for Summarize: oldest
	// first as Add appends them, newest first as the state file keeps them
	// (scorecodec.go), a session's scores in their order either way.
	Scores []score `json:"-"`
	// slot is its place in the state file plus one (0: not from it), where
	// Summarize finds its scores there before loadScores reads them.
	slot int
}

// score is the points of one session's answers to one version of a
// question: compact and free of pointers, for a year's hundred thousand.
type score struct {
	session       int64 // Unix microseconds: the session's id (SessionID)
	points, maxPt float32
}

// Item is one question of the banks that the student has answered, in its
// current version.
type Item struct {
	Question *quiz.Question
	Card     fsrs.Card
	Last     Record // the latest answer to this version
	Answers  int    // answers to this version
	// Changed: the question was answered, but in another version (quiz.Digest).
	// It starts over: a new card, due now.
	Changed bool

	m *memory // its memory; nil when Changed
}

// Missed reports whether the latest answer was not fully right.
func (it *Item) Missed() bool { return !it.Last.Right() }

// Schedule is a student's history replayed with FSRS. Each version of a
// question (quiz.Digest) has its own memory, so a question that changed
// since it was answered starts over, and answers to questions no longer in
// the banks count for nothing.
type Schedule struct {
	Scheduler *fsrs.Scheduler

	mem   map[version]*memory
	last  *memory // the memory of the answer before, for a quick lookup
	lastV version

	path string   // the history file, for SaveState
	at   position // where in it the replay stopped
	read int      // lines read beyond the saved state
	// stored are the memories read from the state file, in its order; their
	// scores are read from it when needed (loadScores), at scoresAt, while
	// it is still the file state describes.
	stored         []*memory
	state          os.FileInfo
	scores, latest stateSection // where the scores are, and those of the latest sessions (state.go)
	latestSessions int          // how many sessions of each memory latest holds
	latestScores   []byte       // latest's bytes, read with the memories (nil: read them then)
	partial        error        // the state's scores were damaged and could not be read again
}

// NewSchedule starts an empty schedule; s nil is FSRS's defaults.
func NewSchedule(s *fsrs.Scheduler) *Schedule {
	if s == nil {
		s = fsrs.NewScheduler()
	}
	return &Schedule{Scheduler: s, mem: map[version]*memory{}}
}

// Add replays one answer. Answers should come oldest first, as a history
// file holds them; one a little out of order (two quizzes at once) counts as
// given on the same day as the one before.
//
// Its question and digest may be lent (scanLending): what it keeps of them
// are copies, or the same text it kept already.
func (sc *Schedule) Add(r *Record) {
	m := sc.last
	if m == nil || sc.lastV.Question != r.Question || sc.lastV.Digest != r.Digest || sc.lastV.Bank != r.Bank {
		m = sc.mem[version{r.Bank, r.Question, r.Digest}]
		if m == nil {
			m = &memory{}
			m.Last.Question, m.Last.Digest = strings.Clone(r.Question), strings.Clone(r.Digest)
			sc.mem[version{r.Bank, m.Last.Question, m.Last.Digest}] = m
		}
		sc.last = m
	}
	question, digest := keep(m.Last.Question, r.Question), keep(m.Last.Digest, r.Digest)
	m.Card = sc.Scheduler.Review(m.Card, r.Grade(), r.Time)
	m.Last = *r
	m.Last.Question, m.Last.Digest = question, digest
	sc.lastV = version{r.Bank, question, digest}
	m.Answers++
	session := r.Session.UnixMicro()
	if n := len(m.Scores); n > 0 && m.Scores[n-1].session == session {
		m.Scores[n-1].points += float32(r.Points)
		m.Scores[n-1].maxPt += float32(r.MaxPoints)
	} else {
		m.Scores = append(m.Scores, score{session, float32(r.Points), float32(r.MaxPoints)})
	}
}

// View is a schedule seen through the current banks.
type View struct {
	*Schedule
	Items map[Key]*Item // the questions answered in their current version
	banks []*quiz.Bank
	// at holds each bank's questions' items by their place in it (nil: not
	// answered), so that Summarize finds them without hashing a key for
	// the question and each of its tags.
	at [][]*Item
}

// For returns the schedule of the questions of banks as they are now. The
// items of questions answered in their current version are the schedule's
// own, not copies: answers added after For show in them.
func (sc *Schedule) For(banks []*quiz.Bank) *View {
	n := 0
	for _, b := range banks {
		n += len(b.Questions)
	}
	v := &View{Schedule: sc, Items: make(map[Key]*Item, n), banks: banks, at: make([][]*Item, len(banks))}
	var items []Item // the changed questions', in one array, not one allocation each; never grown, so &items[i] stay
	at := make([]*Item, n)
	var answered map[Key]bool // in any version
	item := func(it Item) *Item {
		if items == nil {
			items = make([]Item, 0, n)
		}
		items = append(items, it)
		return &items[len(items)-1]
	}
	for bi, b := range banks {
		v.at[bi], at = at[:len(b.Questions):len(b.Questions)], at[len(b.Questions):]
		for i, q := range b.Questions {
			if !q.Graded() {
				continue
			}
			m := sc.mem[version{b.ID, q.ID, b.QuestionDigest(i)}]
			if m == nil {
				if answered == nil {
					answered = make(map[Key]bool, len(sc.mem))
					for ver := range sc.mem {
						answered[Key{ver.Bank, ver.Question}] = true
					}
				}
				// Answered under its id, or under an id it had before
				// (quiz.Question.FormerIDs): the id is in the digest, so a
				// renamed question starts over, as any changed one does.
				if answered[Key{b.ID, q.ID}] || slices.ContainsFunc(q.FormerIDs, func(f string) bool { return answered[Key{b.ID, f}] }) {
					v.at[bi][i] = item(Item{Question: q, Last: Record{Bank: b.ID, Question: q.ID}, Changed: true})
					v.Items[Key{b.ID, q.ID}] = v.at[bi][i]
				}
				continue
			}
			m.Question, m.m = q, m
			v.at[bi][i] = &m.Item
			v.Items[Key{b.ID, q.ID}] = v.at[bi][i]
		}
	}
	return v
}

// Answers counts the answers to the questions in their current version.
func (v *View) Answers() int {
	n := 0
	for _, it := range v.Items {
		n += it.Answers
	}
	return n
}

// Due returns the questions due at now, in the order to ask them: those
// missed at their latest answer first, then the others, each the most
// likely to be forgotten first.
func (v *View) Due(now time.Time) []*Item {
	var due []*Item
	for _, it := range v.Items {
		if !it.Card.Due.After(now) {
			due = append(due, it)
		}
	}
	type keyed struct {
		it *Item
		r  float64
	}
	ks := make([]keyed, len(due))
	for i, it := range due {
		ks[i] = keyed{it, v.Scheduler.Retrievability(it.Card, now)}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		if a.it.Missed() != b.it.Missed() {
			if a.it.Missed() {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(a.r, b.r), a.it.Card.Due.Compare(b.it.Card.Due),
			cmp.Compare(a.it.Last.Bank, b.it.Last.Bank), cmp.Compare(a.it.Last.Question, b.it.Last.Question))
	})
	for i := range ks {
		due[i] = ks[i].it
	}
	return due
}

// NextDue returns when the next question falls due after now, and false when
// none will.
func (v *View) NextDue(now time.Time) (time.Time, bool) {
	var next time.Time
	for _, it := range v.Items {
		if d := it.Card.Due; d.After(now) && (next.IsZero() || d.Before(next)) {
			next = d
		}
	}
	return next, !next.IsZero()
}

// Replayed counts every answer replayed, to any question in any version.
func (sc *Schedule) Replayed() int {
	n := 0
	for _, m := range sc.mem {
		n += m.Answers
	}
	return n
}

// Review is what a review session asks: the questions due that match its
// filter, and when none is, what to tell the student instead.
type Review struct {
	Questions []*quiz.Question // due and matching, in the order to ask them
	Elsewhere int              // due, but not matching the filter
	Next      time.Time        // with no question: when the next matching one falls due (zero: none will)
}

// Review picks the questions due at now that match, in Due's order, at most
// count of them (0: all).
func (v *View) Review(now time.Time, match func(*quiz.Question) bool, count int) Review {
	var r Review
	for _, it := range v.Due(now) {
		if match(it.Question) {
			r.Questions = append(r.Questions, it.Question)
		} else {
			r.Elsewhere++
		}
	}
	if len(r.Questions) == 0 {
		for _, it := range v.Items {
			if d := it.Card.Due; match(it.Question) && d.After(now) && (r.Next.IsZero() || d.Before(r.Next)) {
				r.Next = d
			}
		}
	}
	if count > 0 && count < len(r.Questions) {
		r.Questions = r.Questions[:count]
	}
	return r
}

// mem is the item's memory, nil for none (or no item).
func (it *Item) mem() *memory {
	if it == nil {
		return nil
	}
	return it.m
}

// keep is kept when it is the same text as s, else a copy of s, which may
// be lent.
func keep(kept, s string) string {
	if kept == s {
		return kept
	}
	return strings.Clone(s)
}
