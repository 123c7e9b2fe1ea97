package history

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
)

// Progress is a student's progress by bank and by tag. Its JSON field names
// are stable.
type Progress struct {
	Student string    `json:"student"`
	At      time.Time `json:"at"`      // the time the figures are for, to the second
	Answers int       `json:"answers"` // answers that count (current questions)
	// NextDue is when the next question falls due after At, null when none
	// will: questions due now are counted in each line's due_now.
	NextDue *time.Time `json:"next_due"`
	Banks   []Line     `json:"banks"`
	Tags    []Line     `json:"tags"`
}

// Line is the progress on one bank or one tag.
type Line struct {
	Name      string `json:"name"` // the bank's id, or the tag
	Title     string `json:"title"`
	Questions int    `json:"questions"` // marked questions
	Seen      int    `json:"seen"`      // of them, answered at least once
	Right     int    `json:"right"`     // of those, right at the latest answer
	// Mastery is Right/Seen, 0 when none is seen.
	Mastery float64 `json:"mastery"`
	DueNow  int     `json:"due_now"`
	// DueWeek counts questions due within seven days, those due now included.
	DueWeek  int            `json:"due_week"`
	Sessions []SessionScore `json:"sessions"`
}

// SessionScore is the score of one quiz's answers on a bank or tag.
type SessionScore struct { // Percent to one decimal
	Started time.Time `json:"started"`
	Percent float64   `json:"percent"`
}

// Summarize computes a student's progress at now.
func (v *View) Summarize(student string, now time.Time) *Progress {
	return v.SummarizeLatest(student, now, 0)
}

// SummarizeLatest is Summarize with only the latest n sessions of each
// line (all when n <= 0): what WriteText shows, where a year has hundreds.
// Their scores are the same as Summarize's.
func (v *View) SummarizeLatest(student string, now time.Time, n int) *Progress {
	var saved *savedScores
	if s, ok := v.scoresToAdd(n); ok {
		saved = &s
	}
	p := &Progress{Student: student, At: now.Truncate(time.Second), Answers: v.Answers(), Banks: []Line{}, Tags: []Line{}}
	if next, ok := v.NextDue(now); ok {
		p.NextDue = &next
	}
	starts, remap := v.sessions(saved)
	c := &counter{v: v, now: now, week: now.Add(7 * 24 * time.Hour), sessions: len(starts)}
	// Each bank's line by id, each tag's by quiz.TagKey, and each answered
	// question with its lines. Sized at once: growing them was a tenth of
	// this function's time. Made here, not in countLines, so that the maps
	// can be on the stack.
	banks := make(map[string]*acc, len(v.banks))
	tags := map[string]*acc{}
	tagOrder, qs := v.countLines(c, banks, tags, make([]lineMem, 0, len(v.Items)))
	if n > 0 && saved != nil {
		latest(qs, saved, remap, starts, n)
	}
	if !c.addScores(qs, saved, remap, starts, n) {
		// Damaged, though its checksum matched: read the scores as
		// SaveState does, or the history again.
		v.loadScores()
		return v.SummarizeLatest(student, now, n)
	}
	p.Banks = make([]Line, 0, len(v.banks))
	for _, b := range v.banks {
		p.Banks = append(p.Banks, banks[b.ID].finish(starts))
	}
	slices.SortFunc(tagOrder, text.NaturalCompare)
	p.Tags = make([]Line, 0, len(tagOrder))
	for _, t := range tagOrder {
		p.Tags = append(p.Tags, tags[t].finish(starts))
	}
	slices.SortStableFunc(p.Tags, func(x, y Line) int { return cmp.Compare(y.Seen, x.Seen) })
	return p
}

// scoresToAdd is the state file's scores when they are to be added up from
// its bytes (scorecodec.go); ok is false when they have been loaded or are
// not the state's any more: then loadScores reads them, or the history, into
// the memories. The latest n sessions (n > 0) are among each memory's latest
// as many, which the state keeps apart (state.go): a line's n-th latest
// session is among each of its questions' own n latest.
func (v *View) scoresToAdd(n int) (saved savedScores, ok bool) {
	if v.stored == nil {
		return savedScores{}, false
	}
	if saved, ok = v.savedScores(n > 0 && n <= v.latestSessions); !ok {
		v.loadScores()
	}
	return saved, ok
}

// countLines counts each graded question into its bank's line, in banks,
// and its tags', in tags (c.count); tagOrder is the tags' keys in the order
// first met. It finds each answered question's lines once, appended to qs:
// folding a tag for each of a year's answers tripled progress's time
// (100,000 answers), and finding the bank's took a third of it. Their lines
// are in one array, not one (and a map entry) for each question.
func (v *View) countLines(c *counter, banks, tags map[string]*acc, qs []lineMem) (tagOrder []string, _ []lineMem) {
	bySpelling := make(map[string]*acc, 32) // each tag's line by its spelling, not folded again
	bankLines := make([]Line, len(v.banks))
	room := 0
	for _, b := range v.banks {
		for _, q := range b.Questions {
			room += 1 + len(q.Tags)
		}
	}
	all := make([]*acc, 0, room)
	for i, b := range v.banks {
		bankLines[i] = Line{Name: b.ID, Title: b.Title, Sessions: []SessionScore{}}
		a := &acc{line: &bankLines[i]}
		banks[b.ID] = a
		for j, q := range b.Questions {
			if !q.Graded() {
				continue
			}
			it := v.at[i][j]
			c.count(a, it)
			start := len(all)
			all = append(all, a)
			for _, tag := range q.Tags { // as quiz.UniqueTags: the first of each key
				// Folded once for each spelling (a tag has dozens of
				// questions), and its line found by the spelling after.
				ta := bySpelling[tag]
				if ta == nil {
					k := quiz.TagKey(tag) // recall and Recall: one line
					if ta = tags[k]; ta == nil {
						ta = &acc{line: &Line{Name: tag, Sessions: []SessionScore{}}}
						tags[k] = ta
						tagOrder = append(tagOrder, k)
					}
					bySpelling[tag] = ta
				}
				if slices.Contains(all[start+1:], ta) {
					continue // a tag given twice
				}
				c.count(ta, it)
				all = append(all, ta)
			}
			if m := it.mem(); m != nil { // nil: not answered in this version
				qs = append(qs, lineMem{m, all[start:len(all):len(all)]})
			}
		}
	}
	return tagOrder, qs
}

// addScores adds each answered question's scores to its lines, from the
// session each line shows on (acc.oldest). It reports false when the state
// file's scores (saved) are damaged, though their checksum matched.
func (c *counter) addScores(qs []lineMem, saved *savedScores, remap []int, starts []int64, n int) bool {
	for _, a := range qs {
		m := a.m
		// Scores are added in the order the memory holds them, the state's
		// then those since, so that each session's sums are the same to
		// the last bit however the scores were read. From the state, newest
		// first, as far back as the oldest session a line shows.
		at := -1
		if saved != nil && m.slot > 0 {
			oldest := 0
			if n > 0 {
				oldest = math.MaxInt
				for _, l := range a.accs {
					oldest = min(oldest, l.oldest)
				}
			}
			if !saved.each(saved.spans[m.slot-1], func(i int, points, maxPt float32) bool {
				at = remap[i]
				if at < oldest {
					return false
				}
				for _, l := range a.accs {
					if at >= l.oldest {
						c.add(l, at, points, maxPt)
					}
				}
				return true
			}) {
				return false
			}
		}
		for i := range m.Scores {
			x := &m.Scores[i]
			if at < 0 || x.session != starts[at] {
				at = sessionAt(starts, at+1, x.session)
			}
			for _, l := range a.accs {
				if at >= l.oldest {
					c.add(l, at, x.points, x.maxPt)
				}
			}
		}
	}
	return true
}

// sessions numbers the sessions of the scores once, in order, so that each
// bank and tag sums its scores in a slice, not a map: a year has a hundred
// thousand. starts are their start times, a session's number its place;
// with the state file's scores (saved), remap[i] is the number of its i-th
// session. Sessions no current question was answered in may be numbered
// too: they are left out of every line.
func (v *View) sessions(saved *savedScores) (starts []int64, remap []int) {
	index := map[int64]bool{}
	for _, at := range v.at {
		for _, it := range at {
			if m := it.mem(); m != nil {
				for i := range m.Scores {
					if !index[m.Scores[i].session] {
						index[m.Scores[i].session] = true
						starts = append(starts, m.Scores[i].session)
					}
				}
			}
		}
	}
	if saved != nil {
		starts = append(starts, saved.starts...)
	}
	slices.Sort(starts)
	starts = slices.Compact(starts)
	if saved != nil {
		remap = make([]int, len(saved.starts))
		for i, st := range saved.starts {
			remap[i] = sessionAt(starts, i, st)
		}
	}
	return starts, remap
}

// sessionAt is the number of the session that started at st, looked for
// first just after the one before (from): a question's scores are in the
// order of its sessions, and most often it is answered in the next.
func sessionAt(starts []int64, from int, st int64) int {
	for i := from; i < min(from+4, len(starts)); i++ {
		if starts[i] == st {
			return i
		}
	}
	i, _ := slices.BinarySearch(starts, st)
	return i
}

// acc adds up one bank's or tag's line of progress.
type acc struct {
	line *Line
	// sessions holds points, maximum and answers by session number, from
	// oldest on (sessions[0] is session oldest); nil until a score. A line
	// shows its latest few of a year's hundreds of sessions: a slice for
	// all of them, for each bank and tag, was a fifth of what progress
	// allocated (and of the memory pages it touched).
	sessions [][3]float64
	// oldest is the number of the oldest session the line shows
	// (SummarizeLatest); its scores before are not added up. seen marks
	// the sessions its questions were last answered in, to find it, a bit
	// a session (a byte each was a fifth of what the text of progress
	// allocated beyond the state).
	oldest int
	seen   []uint64
}

// lineMem is an answered question's memory and its lines.
type lineMem struct {
	m    *memory
	accs []*acc
}

// latest sets the oldest session each line shows, so that it shows its
// latest n: the n-th latest of the sessions its questions were answered
// in, which are among each question's own n latest (read from the state,
// newest first) and the sessions of the answers since the state.
func latest(qs []lineMem, saved *savedScores, remap []int, starts []int64, n int) {
	var lines []*acc
	mark := func(q lineMem, at int) {
		for _, l := range q.accs {
			if l.seen == nil {
				l.seen = make([]uint64, (len(starts)+63)/64)
				lines = append(lines, l)
			}
			l.seen[at/64] |= 1 << (at % 64)
		}
	}
	for _, q := range qs {
		if q.m.slot > 0 {
			k, last := 0, -1
			saved.each(saved.spans[q.m.slot-1], func(i int, _, _ float32) bool {
				if at := remap[i]; at != last {
					mark(q, at)
					k, last = k+1, at
				}
				return k < n
			})
		}
		for _, x := range q.m.Scores {
			mark(q, sessionAt(starts, 0, x.session))
		}
	}
	for _, l := range lines {
		k := 0
		for at := len(starts) - 1; at >= 0; at-- {
			if l.seen[at/64]&(1<<(at%64)) != 0 {
				if k++; k == n {
					l.oldest = at
					break
				}
			}
		}
	}
}

// counter counts questions and scores into accs, at now.
type counter struct {
	v         *View
	now, week time.Time
	sessions  int // how many sessions there are
}

// count counts the question whose item is it (nil: not answered) into a's
// line: seen, right, due.
func (c *counter) count(a *acc, it *Item) {
	a.line.Questions++
	if it == nil {
		return
	}
	if !it.Changed { // a changed question is due, but not seen in this version
		a.line.Seen++
	}
	if !it.Missed() && !it.Changed {
		a.line.Right++
	}
	if !it.Card.Due.After(c.now) {
		a.line.DueNow++
	}
	if !it.Card.Due.After(c.week) {
		a.line.DueWeek++
	}
}

// add adds a score to session number at of a (at >= a.oldest).
func (c *counter) add(a *acc, at int, points, maxPt float32) {
	if a.sessions == nil {
		a.sessions = make([][3]float64, c.sessions-a.oldest)
	}
	s := &a.sessions[at-a.oldest]
	s[0] += float64(points)
	s[1] += float64(maxPt)
	s[2]++
}

// finish is a's line with its mastery and the percentage of each session
// it has answers in (starts: the sessions' start times).
func (a *acc) finish(starts []int64) Line {
	l := *a.line
	if l.Seen > 0 {
		l.Mastery = float64(l.Right) / float64(l.Seen)
	}
	n := 0
	for _, s := range a.sessions {
		if s[2] > 0 {
			n++
		}
	}
	if n > 0 {
		l.Sessions = make([]SessionScore, 0, n)
	}
	for at, s := range a.sessions {
		if s[2] == 0 {
			continue // no answer in this session
		}
		pct := 0.0
		if s[1] > 0 {
			pct = math.Round(1000*s[0]/s[1]) / 10
		}
		l.Sessions = append(l.Sessions, SessionScore{Started: time.UnixMicro(starts[a.oldest+at]).UTC().Truncate(time.Millisecond), Percent: pct})
	}
	return l
}
