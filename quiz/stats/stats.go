package stats

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/conflictq/conflictq/quiz/internal/jsonw"
	"github.com/conflictq/conflictq/quiz/text"
)

// LowDiscrimination is the discrimination index (in percent) under which a
// question is flagged as telling strong and weak students apart poorly;
// Moodle's documentation treats values under 30% as weak.
const LowDiscrimination = 30

// MinStudentsToJudge is how many students must have had a question before its
// facility and discrimination are read as a verdict (extremely hard, weak):
// under it, one student's answer would make the question "extremely easy".
const MinStudentsToJudge = 5

// TooFew is the verdict on a question fewer than MinStudentsToJudge students
// had: "too few students (3) to judge".
func TooFew(students int) string {
	return fmt.Sprintf("too few students (%d) to judge", students)
}

// Class statistics over graded sheets, computed as Moodle's quiz statistics
// report computes them. What was followed:
//
//   - MoodleDocs, "Quiz statistics calculations"
//     (https://docs.moodle.org/dev/Quiz_statistics_calculations): facility index,
//     standard deviation, discrimination index (the correlation of the item with
//     the rest of the test), discriminative efficiency (that covariance over the
//     largest the two marginal distributions allow), coefficient of internal
//     consistency (Cronbach's alpha), median.
//   - Moodle's code, which the page describes: question/classes/statistics/
//     questions/calculator.php (secondary_question_walker: sample variances and
//     covariances over s-1; the index is null when var(x)·var(rest) is 0, the
//     efficiency is null when the maximum covariance is 0, and that maximum
//     pairs the sorted marks with the sorted rest-of-test scores),
//     mod/quiz/report/statistics/classes/calculator.php (test SD over s-1,
//     median as the mean of the middle one or two totals, alpha from the sum of
//     the item mark variances over the total's variance) and
//     mod/quiz/report/statistics/statistics_table.php (facility and item SD shown
//     as percentages of the question's max mark).
//
// Moodle reads every attempt into memory and walks it twice. A district grades
// 100,000 sheets as a stream, on several machines, so Stats keeps instead:
// running means and co-moments (Welford's update, merged with Chan et al.'s
// formula, which stays accurate where raw sums of squares lose digits), and, for
// the median and the efficiency, counts of each distinct total, mark and
// rest-of-test score. Marks are read to the nearest millionth of a point, so the
// number of distinct values depends on how finely questions are marked, never on
// the number of students.

// markUnits is how many units a point is counted in: marks are kept as whole
// millionths, so that equal scores are equal keys however the floats were added.
const markUnits = 1e6

// markLimit bounds a mark, in points, so that a total in millionths fits an int64.
const markLimit = 1e9

// barWidth is the longest bar of the score histogram, in characters.
const barWidth = 40

// Stats accumulates class statistics over graded sheets. Its memory grows with
// the number of questions and the number of distinct marks and totals, not with
// the number of students; two Stats merge. A Stats is not safe for concurrent
// use: give each goroutine its own and Merge them.
//
// Students need not have had the same questions (a set each, an older quiz
// with another -n): each question's statistics are over the students who got
// it, as Moodle computes a random question's; the test's are over everyone,
// with each student's percent of their own maximum in the histogram.
type Stats struct {
	n      int
	items  []itemSums
	index  map[string]int // question id → its place in items
	meanT  float64        // mean total
	m2T    float64        // Σ (T - mean)²
	totals map[int64]int  // total in millionths of a point → students
	maxes  map[int64]int  // a student's maximum score in millionths → students
	hist   [10]int        // students by tenth of their own maximum (see fillHistogram)
	// stopped counts the students who did not reach every question they got.
	stopped int
	// toMark counts the sheets that wait for a teacher's mark (SetToMark):
	// while there are any, the statistics cover the automatically marked
	// questions only. auto is those questions' statistics, kept beside
	// these while no sheet waits and some question is open, so that a
	// shard merged with one whose sheets wait gives what one run over both
	// gives (attack23 L10).
	toMark int
	auto   *Stats
	// unknown counts the students of sums written by an older conflictq,
	// which do not say how many of their sheets wait (attack24 L8): toMark
	// is then a lower bound, and the writers say so.
	unknown int
}

// SetToMark says that toMark sheets wait for a teacher's mark (s then covers
// the automatically marked questions) or, with toMark 0, that auto (nil when
// no question is open) holds the statistics of the automatically marked
// questions over the same sheets: Merge gives shards' sums what one run
// over all their sheets gives, the open questions left out while any sheet
// waits, and Summary says how many wait.
func (s *Stats) SetToMark(toMark int, auto *Stats) {
	s.toMark, s.auto = toMark, nil
	if toMark == 0 && auto != nil && auto != s {
		s.auto = auto
	}
}

// autoOf is s's statistics of the automatically marked questions.
func (s *Stats) autoOf() *Stats {
	if s.auto != nil {
		return s.auto
	}
	return s
}

// itemSums is what Stats keeps of one question. x is the question's mark and y
// the rest of the test: the student's total less x. The sums are over the n
// students who got the question.
type itemSums struct {
	id      string
	pos     int // its place in its bank (the bank file's line), for the order shown
	n       int
	maxMark float64
	meanX   float64
	meanY   float64
	m2X     float64 // Σ (x - mean x)²
	m2Y     float64 // Σ (y - mean y)²
	cXY     float64 // Σ (x - mean x)(y - mean y)
	marks   counts  // x in millionths → students
	rest    counts  // y in millionths → students
	// notReached counts the students who got the question but whose quiz
	// stopped before it (Ctrl-C, the time limit): they are not among the n.
	notReached int
	// sxy is Σ x·y in millionths² (x and y as marks and rest are
	// counted): the co-moment, the same whatever the order, of a
	// question not every student got. noSxy says it is unknown (sums
	// written before it was kept, and what they were merged into).
	sxy   int128
	noSxy bool
}

// New starts statistics for a quiz whose questions are ids, worth maxMarks
// points each, in the order Add will be given marks. The two lists must be the
// same length; that is the caller's to ensure, so a mismatch panics.
func New(ids []string, maxMarks []float64) *Stats {
	if len(ids) != len(maxMarks) {
		panic(fmt.Sprintf("quiz.New: %d question ids but %d max marks; give one max mark per question", len(ids), len(maxMarks)))
	}
	s := &Stats{totals: map[int64]int{}, maxes: map[int64]int{}, index: map[string]int{}}
	for i, id := range ids {
		s.Item(id, i, maxMarks[i])
	}
	return s
}

// Item returns the place of question id in the statistics, adding it (worth
// maxMark points, at pos in its bank) the first time: for AddReached, when
// students had different questions. Questions are summarised in the order of
// their banks (the order banks were first met, then pos), whatever order they
// were met in.
func (s *Stats) Item(id string, pos int, maxMark float64) int {
	if s.index == nil {
		s.index = make(map[string]int, len(s.items))
		for i, it := range s.items {
			s.index[it.id] = i
		}
	}
	if i, ok := s.index[id]; ok {
		return i
	}
	s.items = append(s.items, itemSums{id: id, pos: pos, maxMark: maxMark})
	s.index[id] = len(s.items) - 1
	return len(s.items) - 1
}

// markKey reads a mark to the nearest millionth of a point. A mark that is not
// a number, or beyond a billion points, is a bug in the caller's grading and
// panics: statistics built on it would be silently wrong.
func markKey(m float64) int64 {
	if math.IsNaN(m) || math.Abs(m) > markLimit {
		panic(fmt.Sprintf("quiz.Stats.Add: mark %v is not a number of points; grade the sheet before adding it", m))
	}
	return int64(math.Round(m * markUnits))
}

// Add counts one student: marks holds the points earned on each question, in
// New's order, one per question (a different count panics).
func (s *Stats) Add(marks []float64) {
	if len(marks) != len(s.items) {
		panic(fmt.Sprintf("quiz.Stats.Add: %d marks for %d questions; give one mark per question, in New's order", len(marks), len(s.items)))
	}
	s.add(nil, marks, nil)
}

// AddReached counts one student who got only the questions at places idx
// (from Item or New), with marks[j] the points earned on question idx[j].
// The two lists must be the same length and idx hold each place once at
// most; that is the caller's to ensure, so a mismatch panics. reached[j]
// false says question idx[j] was never shown (the quiz stopped early). Such a
// question scores 0 in the student's total and counts in their maximum, as in
// the gradebook, but it is left out of that question's statistics (it says
// nothing about the question): its facility and discrimination are over the
// students who reached it, and its NotReached counts the others. A nil
// reached means every question was reached.
func (s *Stats) AddReached(idx []int, marks []float64, reached []bool) {
	if reached != nil && len(reached) != len(idx) {
		panic(fmt.Sprintf("quiz.Stats.AddReached: %d reached flags for %d questions; give one per question", len(reached), len(idx)))
	}
	if len(idx) != len(marks) {
		panic(fmt.Sprintf("quiz.Stats.AddReached: %d marks for %d questions; give one mark per question", len(marks), len(idx)))
	}
	for _, i := range idx {
		if i < 0 || i >= len(s.items) {
			panic(fmt.Sprintf("quiz.Stats.AddReached: question %d of %d; take places from Item", i, len(s.items)))
		}
	}
	s.add(idx, marks, reached)
}

// add counts a student; idx nil means every question, in order.
// reached nil means every question was reached.
func (s *Stats) add(idx []int, marks []float64, reached []bool) {
	at := func(j int) int {
		if idx == nil {
			return j
		}
		return idx[j]
	}
	var kT, kMax int64
	for j, m := range marks {
		kT += markKey(m)
		kMax += markKey(s.items[at(j)].maxMark)
	}
	if s.totals == nil {
		s.totals = map[int64]int{}
	}
	if s.maxes == nil {
		s.maxes = map[int64]int{}
	}
	s.n++
	n := float64(s.n)
	t := float64(kT) / markUnits
	d := t - s.meanT
	s.meanT += d / n
	s.m2T += d * (t - s.meanT)
	s.totals[kT]++
	s.maxes[kMax]++
	if kMax > 0 {
		s.hist[histBin(t, float64(kMax)/markUnits, len(marks))]++
	}
	if slices.Contains(reached, false) {
		s.stopped++
	}
	for j := range marks {
		it := &s.items[at(j)]
		if reached != nil && !reached[j] {
			it.notReached++
			continue
		}
		it.n++
		ni := float64(it.n)
		kx := markKey(marks[j])
		ky := kT - kx
		x, y := float64(kx)/markUnits, float64(ky)/markUnits
		dx, dy := x-it.meanX, y-it.meanY
		it.meanX += dx / ni
		it.meanY += dy / ni
		it.m2X += dx * (x - it.meanX)
		it.m2Y += dy * (y - it.meanY)
		it.cXY += dx * (y - it.meanY)
		it.marks.add(kx, 1)
		it.rest.add(ky, 1)
		var ok bool
		if it.sxy, ok = it.sxy.addSafe(mul128(kx, ky)); !ok {
			it.noSxy = true
		}
	}
}

// histBin is the tenth of maxScore a total falls in. A total within rounding
// (half a millionth per question) of a bin's lower bound counts as reaching
// it, so that 3 × ⅓ of 10 points is 10%, not 9.99999%.
func histBin(total, maxScore float64, questions int) int {
	tol := float64(questions) / markUnits
	b := int(math.Floor((total + tol) * 10 / maxScore))
	return max(0, min(9, b))
}

// Merge adds o's students to s, as if s had been given them with Add or
// AddReached: its questions are matched by id, and those s lacks are added. A
// question must be worth the same in both. A nil o adds nothing. When
// sheets of either wait for a mark (SetToMark), the two merge over the
// automatically marked questions.
func (s *Stats) Merge(o *Stats) error {
	if o == nil {
		return nil
	}
	if o == s {
		o = s.Clone()
	}
	unknown := s.unknown + o.unknown
	if err := s.mergeMarked(o); err != nil {
		return err
	}
	s.unknown = unknown
	return nil
}

// mergeMarked is Merge over the questions both can count (see SetToMark).
func (s *Stats) mergeMarked(o *Stats) error {
	switch {
	case s.toMark+o.toMark > 0:
		a := s.autoOf()
		if err := a.merge(o.autoOf()); err != nil {
			return err
		}
		toMark := s.toMark + o.toMark
		if a != s {
			*s = *a
		}
		s.toMark, s.auto = toMark, nil
	case s.auto != nil || o.auto != nil:
		a := s.auto
		if a == nil {
			a = s.Clone()
		}
		if err := a.merge(o.autoOf()); err != nil {
			return err
		}
		if err := s.merge(o); err != nil {
			return err
		}
		s.auto = a
	default:
		return s.merge(o)
	}
	return nil
}

// merge adds o's students to s, the statistics of the same questions (Merge).
func (s *Stats) merge(o *Stats) error {
	for _, b := range o.items {
		if i, ok := s.lookup(b.id); ok && s.items[i].maxMark != b.maxMark {
			a := &s.items[i]
			return fmt.Errorf("cannot merge statistics: question %q is worth %s points here but %s in the other; give both the same max marks", a.id, text.FormatNum(a.maxMark), text.FormatNum(b.maxMark))
		}
	}
	if o.n == 0 && len(o.items) == 0 {
		return nil
	}
	if s.totals == nil {
		s.totals = map[int64]int{}
	}
	if s.maxes == nil {
		s.maxes = map[int64]int{}
	}
	// Chan, Golub and LeVeque's pairwise update: the co-moment of the union is
	// the sum of the parts' plus δx·δy·na·nb/n, δ being the difference of means.
	if n := s.n + o.n; n > 0 {
		na, nb := float64(s.n), float64(o.n)
		w := na * nb / float64(n)
		d := o.meanT - s.meanT
		s.meanT += d * nb / float64(n)
		s.m2T += o.m2T + d*d*w
	}
	addCounts(s.totals, o.totals)
	addCounts(s.maxes, o.maxes)
	for i := range s.hist {
		s.hist[i] += o.hist[i]
	}
	for _, b := range o.items {
		a := &s.items[s.Item(b.id, b.pos, b.maxMark)]
		if b.n == 0 {
			continue
		}
		na, nb := float64(a.n), float64(b.n)
		n := na + nb
		w := na * nb / n
		dx, dy := b.meanX-a.meanX, b.meanY-a.meanY
		a.meanX += dx * nb / n
		a.meanY += dy * nb / n
		a.m2X += b.m2X + dx*dx*w
		a.m2Y += b.m2Y + dy*dy*w
		a.cXY += b.cXY + dx*dy*w
		a.marks.merge(&b.marks)
		a.rest.merge(&b.rest)
		var ok bool
		a.sxy, ok = a.sxy.addSafe(b.sxy)
		a.noSxy = a.noSxy || b.noSxy || !ok
		a.n += b.n
	}
	for _, b := range o.items { // after the loop above: a question only not reached has n 0
		s.items[s.Item(b.id, b.pos, b.maxMark)].notReached += b.notReached
	}
	s.n += o.n
	s.stopped += o.stopped
	return nil
}

// lookup finds a question's place by id.
func (s *Stats) lookup(id string) (int, bool) {
	if s.index != nil {
		i, ok := s.index[id]
		return i, ok
	}
	i := slices.IndexFunc(s.items, func(it itemSums) bool { return it.id == id })
	return i, i >= 0
}

func addCounts(dst, src map[int64]int) {
	for k, c := range src {
		dst[k] += c
	}
}

// Clone returns a copy of s that grows apart from it: what is added to the
// one is not added to the other (s.Merge(s) reads one copy while it writes
// the other).
func (s *Stats) Clone() *Stats {
	c := *s
	c.totals = maps.Clone(s.totals)
	c.maxes = maps.Clone(s.maxes)
	c.index = nil // rebuilt by Item when needed
	c.items = slices.Clone(s.items)
	for i := range c.items {
		c.items[i].marks = s.items[i].marks.clone()
		c.items[i].rest = s.items[i].rest.clone()
	}
	if s.auto != nil {
		c.auto = s.auto.Clone()
	}
	return &c
}

// StatsSummary is the class statistics of a quiz. Scores (MaxScore, Mean,
// Median, SD) are in points; item statistics are percentages, as Moodle shows
// them. Values are at full precision; the writers round them for people.
type StatsSummary struct {
	Count    int     `json:"count"`
	MaxScore float64 `json:"max_score"`
	Mean     float64 `json:"mean"`
	Median   float64 `json:"median"`
	// SD is the sample standard deviation of the totals (n-1, as Moodle); 0
	// with fewer than two students.
	SD float64 `json:"sd"`
	// Alpha is Cronbach's alpha, a fraction (Moodle shows it ×100 as the
	// "coefficient of internal consistency"); nil with fewer than two
	// questions, fewer than two students, totals that do not vary, or when
	// some students did not reach every question (Stopped).
	Alpha *float64 `json:"cronbach_alpha"`
	// Stopped counts the students whose quiz stopped before some of their
	// questions (Ctrl-C, the time limit).
	Stopped int `json:"stopped,omitempty"`
	// Histogram has 10 bins of percent of MaxScore: 0-10, 10-20, …, 90-100. A
	// bin holds its lower bound; 100% goes in the last. Scores below 0 count in
	// the first bin and above the maximum in the last. All bins are empty when
	// MaxScore is 0.
	Histogram []Bin       `json:"histogram"`
	Items     []ItemStats `json:"questions"`
	// Responses is what the class answered to each question (see Responses);
	// nil when only the running sums were kept (conflictq summary).
	Responses []QuestionResponses `json:"responses,omitempty"`
	// ToMark is how many sheets hold an open answer not yet marked (set by
	// grade.ClassStats): while there are any, the statistics cover the
	// automatically marked questions only, and the writers say so (ToMarkNote).
	ToMark int `json:"sheets_to_mark,omitempty"`
	// ToMarkUnknown counts the sheets whose sums, written by an older
	// conflictq, do not say whether they wait for a mark: ToMark is then
	// "at least" (attack24 L8).
	ToMarkUnknown int `json:"sheets_to_mark_unknown,omitempty"`

	// lowBelow is the threshold Summary flagged questions at, for the writers
	// to say; nil when the summary was built some other way.
	lowBelow *float64
}

// Bin is one bar of the score histogram; From and To are percents of the
// maximum score.
type Bin struct {
	From  float64 `json:"from"`
	To    float64 `json:"to"`
	Count int     `json:"count"`
}

// ItemStats is one question's statistics, as percentages.
type ItemStats struct {
	ID      string  `json:"id"`
	MaxMark float64 `json:"max_mark"`
	// Students is how many students got the question: its statistics are
	// over them. Fewer than Count when students had different questions.
	Students int `json:"students"`
	// NotReached counts the students who got the question but whose quiz
	// stopped before it: they are not among Students, and the question's
	// statistics leave them out (their total still counts it as 0).
	NotReached int `json:"not_reached,omitempty"`
	// Facility is the mean mark over the max mark, 0-100: how easy the
	// question was. 0 when no one was counted or the question is worth nothing.
	Facility float64 `json:"facility"`
	// SD is the sample standard deviation of the mark over the max mark, 0-100;
	// 0 with fewer than two students.
	SD float64 `json:"sd"`
	// Discrimination is the Pearson correlation of the mark with the rest of the
	// test (the total less this question), -100..100; nil when either does not
	// vary.
	Discrimination *float64 `json:"discrimination"`
	// DiscriminativeEfficiency is that covariance over the largest covariance
	// the same marks and rest scores could have, paired best to best; nil when
	// that largest covariance is 0.
	DiscriminativeEfficiency *float64 `json:"discriminative_efficiency"`
	// LowDiscrimination flags a question whose Discrimination is nil or below
	// the threshold given to Summary: one that does not tell the students who
	// know more from those who know less.
	LowDiscrimination bool `json:"low_discrimination"`
}

// Summary computes the statistics of the students added so far. Questions whose
// discrimination index is below lowDiscrimination percent (30 is usual), or
// undefined, are flagged.
func (s *Stats) Summary(lowDiscrimination float64) StatsSummary {
	k := len(s.items)
	sum := StatsSummary{
		Count:         s.n,
		Stopped:       s.stopped,
		ToMark:        s.toMark,
		Histogram:     make([]Bin, 10),
		ToMarkUnknown: s.unknown,
		Items:         make([]ItemStats, 0, k),
		lowBelow:      &lowDiscrimination,
	}
	sum.MaxScore = s.maxScore()
	for i := range sum.Histogram {
		sum.Histogram[i] = Bin{From: float64(10 * i), To: float64(10 * (i + 1)), Count: s.hist[i]}
	}
	// The moments are taken from the counts, in their keys' order, where
	// the sums hold them: the running means and co-moments depend on the
	// order the students came in and on how shards were merged, and a
	// facility of 21.875 came out 21.874999… one way and 21.875 the other
	// (attack23 L10). From the same students the counts are the same, and
	// so are the statistics, to the bit. Each count is put in order once
	// (counts.ordered, in room reused from question to question), for its
	// moments and then its co-moment: its keys were sorted again for
	// maxCoMoment, and each key looked up again every time it was read.
	var room [2][]keyCount
	totals := (&counts{m: s.totals}).ordered(&room[0])
	meanT, m2T := s.meanT, s.m2T
	if m, m2, ok := moments(totals, s.n); ok {
		meanT, m2T = m, m2
	}
	if s.n > 0 {
		sum.Mean = meanT
		sum.Median = median(totals, s.n)
	}
	complete := true // every student got every question: alpha needs that
	for _, it := range s.items {
		complete = complete && it.n == s.n
	}
	// Every variance and covariance below is over n-1; where two are divided
	// the n-1 cancels, so the co-moments are used as they are.
	if s.n > 1 {
		sum.SD = math.Sqrt(m2T / float64(s.n-1))
	}
	items := s.ordered()
	cmax := make([]float64, len(items)) // each question's maxCoMoment
	for i := range items {
		it := &items[i]
		xs, ys := it.marks.ordered(&room[0]), it.rest.ordered(&room[1])
		it.fromCounts(s.n, m2T, xs, ys)
		cmax[i] = maxCoMoment(xs, ys, it.meanX, it.meanY)
	}
	// Summed smallest first: the questions' order is the order they were
	// met, which sharding may change.
	m2Xs := make([]float64, len(items))
	for i, it := range items {
		m2Xs[i] = it.m2X
	}
	slices.Sort(m2Xs)
	var sumM2X float64
	for _, v := range m2Xs {
		sumM2X += v
	}
	if complete && k > 1 && s.n > 1 && m2T > 0 {
		a := float64(k) / float64(k-1) * (1 - sumM2X/m2T)
		sum.Alpha = &a
	}
	for i, it := range items {
		is := ItemStats{ID: it.id, MaxMark: it.maxMark, Students: it.n, NotReached: it.notReached}
		if it.n > 0 && it.maxMark > 0 {
			is.Facility = 100 * it.meanX / it.maxMark
		}
		if it.n > 1 && it.maxMark > 0 {
			is.SD = 100 * math.Sqrt(it.m2X/float64(it.n-1)) / it.maxMark
		}
		if it.n > 1 && it.m2X > 0 && it.m2Y > 0 {
			// Rounding can take a perfect correlation a hair past ±100.
			d := max(-100, min(100, 100*it.cXY/math.Sqrt(it.m2X*it.m2Y)))
			is.Discrimination = &d
		}
		if cmax := cmax[i]; it.n > 1 && cmax > 0 {
			// cXY can never exceed cmax; where they are equal rounding may.
			e := min(100, 100*it.cXY/cmax)
			is.DiscriminativeEfficiency = &e
		}
		// Not flagged on a handful of answers: the flag would judge the
		// students, not the question.
		is.LowDiscrimination = it.n >= MinStudentsToJudge && (is.Discrimination == nil || *is.Discrimination < lowDiscrimination)
		sum.Items = append(sum.Items, is)
	}
	return sum
}

// moments are the mean and Σ(v - mean)² of the values counted in kc (a
// counts' keys and students in order: counts.ordered), in
// points, summed in the keys' order: the same from the same students,
// whatever order they were added or merged in. ok is false when kc does not
// count n students (sums written without their counts).
func moments(kc []keyCount, n int) (mean, m2 float64, ok bool) {
	var sum float64
	seen := 0
	for _, e := range kc {
		seen += e.n
		sum += float64(e.k) * float64(e.n)
	}
	if seen != n || n == 0 {
		return 0, 0, false
	}
	// One division: the mean of exact millionths is the nearest float to it
	// (7/32 is 0.21875, not 0.21875 less a hair).
	mean = sum / (float64(n) * markUnits)
	for _, e := range kc {
		d := float64(e.k)/markUnits - mean
		m2 += float64(e.n) * d * d
	}
	return mean, m2, true
}

// fromCounts takes the question's means and moments from its counts
// (moments), where they count its students, in place of the running ones;
// its co-moment too when every one of the class's n students, whose totals'
// Σ(t - mean)² is m2T, got the question: each total is then its mark plus
// its rest score, and Σ(x-mx)(y-my) is half of what m2T has beyond the
// marks' and the rest scores' own.
func (it *itemSums) fromCounts(n int, m2T float64, marks, rest []keyCount) {
	mx, m2x, okx := moments(marks, it.n)
	my, m2y, oky := moments(rest, it.n)
	if !okx || !oky {
		return
	}
	it.meanX, it.m2X, it.meanY, it.m2Y = mx, m2x, my, m2y
	switch {
	case it.n == n:
		it.cXY = (m2T - m2x - m2y) / 2
	case !it.noSxy:
		// Σ(x-mx)(y-my) = Σxy - n·mx·my, both the same from the same
		// students.
		it.cXY = it.sxy.float()/(markUnits*markUnits) - float64(it.n)*mx*my
	}
}

// maxScore is the students' maximum score: the same for all when they had
// the same questions, else the mean of their maximums; with no students, the
// questions' marks summed.
func (s *Stats) maxScore() float64 {
	if len(s.maxes) == 0 {
		var m float64
		for _, it := range s.items {
			m += it.maxMark
		}
		return m
	}
	var sum int64
	n := 0
	for k, c := range s.maxes {
		sum += k * int64(c)
		n += c
	}
	if len(s.maxes) == 1 {
		return float64(sum/int64(n)) / markUnits
	}
	return float64(sum) / float64(n) / markUnits
}

// ordered returns the questions in their banks' order: banks in the order
// first met, then each question's place in its bank; ties keep the order met.
func (s *Stats) ordered() []itemSums {
	rank := map[string]int{}
	bank := func(id string) string { b, _, _ := strings.Cut(id, "/"); return b }
	for _, it := range s.items {
		if _, ok := rank[bank(it.id)]; !ok {
			rank[bank(it.id)] = len(rank)
		}
	}
	out := slices.Clone(s.items)
	slices.SortStableFunc(out, func(a, b itemSums) int {
		if c := rank[bank(a.id)] - rank[bank(b.id)]; c != 0 {
			return c
		}
		return a.pos - b.pos
	})
	return out
}

// MixedSets reports whether the students had different questions: then each
// question's statistics are over the students who got it.
func (s StatsSummary) MixedSets() bool {
	for _, it := range s.Items {
		if it.Students+it.NotReached < s.Count {
			return true
		}
	}
	return false
}

// MixedNote says that students had different question sets, or is "".
func (s StatsSummary) MixedNote() string {
	if !s.MixedSets() {
		return ""
	}
	return fmt.Sprintf("students had different question sets: %d automatically marked questions in all; each question's statistics cover those who got it, and the maximum score is the average of the students' own", len(s.Items))
}

// StoppedNote says why Cronbach's alpha is not computed when some quizzes
// stopped early, or is "".
func (s StatsSummary) StoppedNote() string {
	if s.Stopped <= 0 {
		return ""
	}
	who := "1 student"
	if s.Stopped != 1 {
		who = fmt.Sprintf("%d students", s.Stopped)
	}
	return who + " did not reach every question"
}

// ToMarkNote says why the open questions are left out while sheets wait for
// a teacher's mark, in the words of the class page, or is "".
func (s StatsSummary) ToMarkNote() string {
	if s.ToMark <= 0 && s.ToMarkUnknown > 0 {
		return UnknownToMark(s.ToMarkUnknown)
	}
	if s.ToMark <= 0 {
		return ""
	}
	have := ToMarkCount(s.ToMark, s.ToMarkUnknown)
	return fmt.Sprintf("%s: until every open answer is marked (conflictq mark), these statistics count the automatically marked questions only, out of %s points, and leave the open questions out", have, text.FormatNum(s.MaxScore))
}

// UnknownToMark is the note of merged sums that say of no sheet that it
// waits for a mark, some of them from an older conflictq (unknown of their
// sheets), which does not say: no note would read as none waiting
// (recheck29 N4).
func UnknownToMark(unknown int) string {
	return fmt.Sprintf("Sums from an older conflictq, of %s, do not say whether any has open answers not yet marked; if some do, these statistics count the automatically marked questions only", text.Plural(unknown, "1 sheet", fmt.Sprintf("%d sheets", unknown)))
}

// ToMarkCount says how many sheets have open answers not yet marked, in
// words: "1 sheet has ...", or "at least 98 sheets have ..." with a clause
// saying why, when sums from an older conflictq (unknown of their sheets)
// could not say how many of theirs wait: merged with new ones, they made a
// count of part of the class read as the class's (attack24 L8).
func ToMarkCount(toMark, unknown int) string {
	have := "1 sheet has"
	if toMark != 1 {
		have = fmt.Sprintf("%d sheets have", toMark)
	}
	if unknown <= 0 {
		return have + " open answers not yet marked"
	}
	return fmt.Sprintf("at least %s open answers not yet marked (sums from an older conflictq, of %s, do not say how many of theirs do)", have, text.Plural(unknown, "1 sheet", fmt.Sprintf("%d sheets", unknown)))
}

// median is the middle total, or the mean of the middle two, as Moodle takes it.
func median(totals []keyCount, n int) float64 {
	lo, hi := (n-1)/2, n/2 // 0-based ranks of the middle one or two
	var vlo, vhi float64
	seen := 0
	for _, e := range totals {
		next := seen + e.n
		if lo >= seen && lo < next {
			vlo = float64(e.k) / markUnits
		}
		if hi >= seen && hi < next {
			vhi = float64(e.k) / markUnits
			break
		}
		seen = next
	}
	return (vlo + vhi) / 2
}

// fillHistogram counts the totals into bins of tenths of maxScore. A total
// within rounding (half a millionth per question) of a bin's lower bound counts
// as reaching it, so that 3 × ⅓ of 10 points is 10%, not 9.99999%.
//
// It fills the histogram of sums written before each student's maximum was
// kept: every student then had every question.
func (s *Stats) fillHistogram(maxScore float64) {
	if maxScore <= 0 {
		return
	}
	for k, c := range s.totals {
		s.hist[histBin(float64(k)/markUnits, maxScore, len(s.items))] += c
	}
}

// maxCoMoment is the largest Σ(x-mx)(y-my) that pairing the marks with the rest
// scores can give: the comonotonic pairing, smallest with smallest (Moodle sorts
// both lists and pairs them in order). Walking the two distributions quantile
// by quantile gives the same pairs without the lists.
//
// xs and ys are the counts in order (counts.ordered).
func maxCoMoment(xs, ys []keyCount, mx, my float64) float64 {
	if len(xs) == 0 || len(ys) == 0 {
		return 0
	}
	var sum float64
	i, j := 0, 0
	ri, rj := xs[0].n, ys[0].n
	for i < len(xs) && j < len(ys) {
		m := min(ri, rj)
		sum += float64(m) * (float64(xs[i].k)/markUnits - mx) * (float64(ys[j].k)/markUnits - my)
		ri -= m
		rj -= m
		if ri == 0 {
			if i++; i < len(xs) {
				ri = xs[i].n
			}
		}
		if rj == 0 {
			if j++; j < len(ys) {
				rj = ys[j].n
			}
		}
	}
	return sum
}

// WriteJSON writes the summary as indented JSON, rounded as the other writers
// show it: percentages and points to 2 decimals, alpha to 4. Undefined
// statistics are null.
func (s StatsSummary) WriteJSON(w io.Writer) error {
	r := s
	r.MaxScore, r.Mean, r.Median, r.SD = text.Round2(s.MaxScore), text.Round2(s.Mean), text.Round2(s.Median), text.Round2(s.SD)
	r.Alpha = roundPtr(s.Alpha, 4)
	r.Histogram = slices.Clone(s.Histogram)
	if r.Histogram == nil {
		r.Histogram = []Bin{}
	}
	r.Items = make([]ItemStats, len(s.Items))
	for i, it := range s.Items {
		it.Facility, it.SD = text.Round2(it.Facility), text.Round2(it.SD)
		it.Discrimination = roundPtr(it.Discrimination, 2)
		it.DiscriminativeEfficiency = roundPtr(it.DiscriminativeEfficiency, 2)
		r.Items[i] = it
	}
	b, err := r.appendJSON(make([]byte, 0, 512+256*len(r.Items)+512*len(r.Responses)))
	if err != nil {
		return err
	}
	return jsonw.WriteIndented(w, b)
}

func roundPtr(v *float64, places int) *float64 {
	if v == nil {
		return nil
	}
	p := math.Pow(10, float64(places))
	r := math.Round(*v*p) / p
	return &r
}

// WriteCSV writes one row per question under a header row, for a spreadsheet.
// Undefined statistics are empty cells. With responses, a last column counts
// the students who gave each answer. A question's statistics are over its
// students; not_reached counts those whose quiz stopped before it.
func (s StatsSummary) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	header := []string{"id", "max_mark", "facility", "sd", "discrimination", "discriminative_efficiency", "low_discrimination", "students", "not_reached"}
	responses := map[string]string{}
	for _, qr := range s.Responses {
		responses[qr.ID] = qr.responseCell()
	}
	if s.Responses != nil {
		header = append(header, "responses")
	}
	cw.Write(header)
	for _, it := range s.Items {
		row := []string{
			text.CSVSafe(it.ID), text.FormatNum(it.MaxMark), text.FormatNum(it.Facility), text.FormatNum(it.SD),
			optNum(it.Discrimination), optNum(it.DiscriminativeEfficiency), strconv.FormatBool(it.LowDiscrimination),
			strconv.Itoa(it.Students), strconv.Itoa(it.NotReached),
		}
		if s.Responses != nil {
			row = append(row, text.CSVSafe(responses[it.ID]))
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

func optNum(v *float64) string {
	if v == nil {
		return ""
	}
	return text.FormatNum(*v)
}

// pct2 shows a percentage to 2 decimals, as Moodle's report does; "n/a" when
// it is undefined.
func pct2(v *float64) string {
	if v == nil {
		return "n/a"
	}
	// Rounded as every other format rounds (text.Round2: 40.625 is
	// 40.63), not by FormatFloat's nearest binary value (40.62).
	return strconv.FormatFloat(text.Round2(*v), 'f', 2, 64) + "%"
}

// testRows are the test statistics as label/value pairs, for both tables.
func (s StatsSummary) testRows() [][2]string {
	ofMax := func(v float64) string {
		if s.MaxScore <= 0 {
			return text.FormatNum(v)
		}
		p := 100 * v / s.MaxScore
		return text.FormatNum(v) + " (" + pct2(&p) + ")"
	}
	alpha := "n/a"
	if s.Alpha == nil && s.Stopped > 0 {
		alpha = "n/a: " + s.StoppedNote()
	}
	if s.Alpha != nil {
		alpha = strconv.FormatFloat(*s.Alpha, 'f', 2, 64)
	}
	maxLabel := "Maximum score"
	if s.MixedSets() {
		maxLabel = "Maximum score (the students' average)"
	}
	return [][2]string{
		{"Students", strconv.Itoa(s.Count)},
		{maxLabel, text.FormatNum(s.MaxScore)},
		{"Mean", ofMax(s.Mean)},
		{"Median", ofMax(s.Median)},
		{"Standard deviation", ofMax(s.SD)},
		{"Cronbach's alpha", alpha},
	}
}

// lowNote says what the low-discrimination flag means, with its threshold when known.
func (s StatsSummary) lowNote() string {
	if s.lowBelow == nil {
		return "Flagged: low discrimination (or none can be computed)."
	}
	return fmt.Sprintf("Flagged: discrimination below %s%% (or none can be computed); such a question does not tell apart the students who know more.", text.FormatNum(*s.lowBelow))
}

// bars draws the histogram as text: one line per bin, █ bars of at most
// barWidth characters scaled to the fullest bin, and the count.
func (s StatsSummary) bars() []string {
	most := 0
	for _, b := range s.Histogram {
		most = max(most, b.Count)
	}
	lines := make([]string, 0, len(s.Histogram))
	for _, b := range s.Histogram {
		n := 0
		if most > 0 {
			n = int(math.Round(float64(b.Count) * barWidth / float64(most)))
			if b.Count > 0 {
				n = max(n, 1) // a student is never invisible
			}
		}
		label := fmt.Sprintf("%s-%s%%", text.FormatNum(b.From), text.FormatNum(b.To))
		bar := strings.Repeat("█", n)
		if n > 0 {
			bar += " "
		}
		lines = append(lines, fmt.Sprintf("%7s  %s%d", label, bar, b.Count))
	}
	return lines
}

// itemRow is one question's cells for the question tables; with students,
// how many got it comes second.
func itemRow(it ItemStats, students bool) []string {
	flag := ""
	switch {
	case it.Students < MinStudentsToJudge:
		flag = TooFew(it.Students)
	case it.LowDiscrimination:
		flag = "low discrimination"
	}
	if it.NotReached > 0 {
		if flag != "" {
			flag += "; "
		}
		flag += fmt.Sprintf("not reached: %d", it.NotReached)
	}
	row := []string{it.ID, text.FormatNum(it.MaxMark), pct2(&it.Facility), pct2(&it.SD), pct2(it.Discrimination), pct2(it.DiscriminativeEfficiency), flag}
	if students {
		row = slices.Insert(row, 1, strconv.Itoa(it.Students))
	}
	return row
}

// WriteMarkdown writes the test statistics, the question table with questions
// of low discrimination flagged, and the score histogram as a text bar chart.
func (s StatsSummary) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString("# Class statistics\n\n| Statistic | Value |\n|---|---:|\n")
	for _, r := range s.testRows() {
		fmt.Fprintf(&b, "| %s | %s |\n", r[0], r[1])
	}
	if note := s.ToMarkNote(); note != "" {
		fmt.Fprintf(&b, "\nNote: %s.\n", note)
	}
	b.WriteString("\n## Questions\n\n")
	if len(s.Items) == 0 {
		b.WriteString("No questions.\n")
	} else {
		mixed := s.MixedSets()
		if mixed {
			b.WriteString("| Question | Students | Max mark | Facility | SD | Discrimination | Discriminative efficiency | Flag |\n")
			b.WriteString("|---|---:|---:|---:|---:|---:|---:|---|\n")
		} else {
			b.WriteString("| Question | Max mark | Facility | SD | Discrimination | Discriminative efficiency | Flag |\n")
			b.WriteString("|---|---:|---:|---:|---:|---:|---|\n")
		}
		for _, it := range s.Items {
			cells := itemRow(it, mixed)
			cells[0] = text.MarkdownEscape(cells[0])
			if last := len(cells) - 1; it.LowDiscrimination {
				cells[last] = "**" + cells[last] + "**"
			}
			fmt.Fprintf(&b, "| %s |\n", strings.Join(cells, " | "))
		}
		fmt.Fprintf(&b, "\n%s\n", s.lowNote())
		if note := s.MixedNote(); note != "" {
			fmt.Fprintf(&b, "\nNote: %s.\n", note)
		}
	}
	b.WriteString("\n## Score distribution\n\nStudents by percent of the maximum score:\n\n```\n")
	for _, l := range s.bars() {
		b.WriteString(l + "\n")
	}
	b.WriteString("```\n")
	writeResponsesMarkdown(&b, s.Responses)
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteText writes the same content for a terminal: aligned columns and the
// bar chart.
func (s StatsSummary) WriteText(w io.Writer) error {
	var b strings.Builder
	b.Grow(2048 + 96*len(s.Items)) // about the text's size: grown once
	b.WriteString("Class statistics\n")
	rows := s.testRows()
	width := 0
	for _, r := range rows {
		width = max(width, text.Width(r[0]))
	}
	for _, r := range rows {
		fmt.Fprintf(&b, "  %s  %s\n", text.PadRight(r[0], width), r[1])
	}
	if note := s.ToMarkNote(); note != "" {
		fmt.Fprintf(&b, "  Note: %s.\n", note)
	}
	b.WriteString("\nQuestions\n")
	if len(s.Items) == 0 {
		b.WriteString("  No questions.\n")
	} else {
		mixed := s.MixedSets()
		head := []string{"Question", "Max", "Facility", "SD", "Discrimination", "Disc. efficiency", ""}
		if mixed {
			head = slices.Insert(head, 1, "Students")
		}
		table := [][]string{head}
		for _, it := range s.Items {
			table = append(table, itemRow(it, mixed))
		}
		writeColumns(&b, table)
		fmt.Fprintf(&b, "  %s\n", s.lowNote())
		if note := s.MixedNote(); note != "" {
			fmt.Fprintf(&b, "  Note: %s.\n", note)
		}
	}
	b.WriteString("\nScore distribution (students by percent of the maximum score)\n")
	for _, l := range s.bars() {
		b.WriteString("  " + l + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeColumns lines a table up: the first column to the left, the numbers to
// the right, the last (a flag) to the left and unpadded. Widths are
// terminal columns (text.Width).
func writeColumns(b *strings.Builder, table [][]string) {
	widths := make([]int, len(table[0]))
	for _, row := range table {
		for i, c := range row {
			widths[i] = max(widths[i], text.Width(c))
		}
	}
	last := len(widths) - 1
	// Each line in one reused buffer, its padding appended in place (as
	// text.PadRight and PadLeft pad), trimmed of the spaces at its end.
	line := make([]byte, 0, 128)
	for _, row := range table {
		line = append(line[:0], ' ')
		for i, c := range row {
			line = append(line, ' ')
			pad := max(widths[i]-text.Width(c), 0)
			switch i {
			case 0:
				line = append(line, c...)
				line = appendSpaces(line, pad)
			case last:
				line = append(line, c...)
			default:
				line = appendSpaces(line, pad)
				line = append(line, c...)
			}
			if i < last {
				line = append(line, ' ')
			}
		}
		b.Write(bytes.TrimRight(line, " "))
		b.WriteByte('\n')
	}
}

func appendSpaces(b []byte, n int) []byte {
	for range n {
		b = append(b, ' ')
	}
	return b
}

// statsJSON is Stats's state in a form that travels between machines: a batch
// sharded across machines writes one per shard (grade --sums), and the shards'
// sums merge into one class's statistics (conflictq summary).
type statsJSON struct {
	Version int           `json:"conflictq_stats"`
	N       int           `json:"n"`
	MeanT   float64       `json:"mean_total"`
	M2T     float64       `json:"m2_total"`
	Totals  map[int64]int `json:"totals"`
	// Maxes and Histogram came with students of different questions;
	// sums without them had every student on every question.
	Maxes     map[int64]int  `json:"maxes,omitempty"`
	Histogram *[10]int       `json:"histogram,omitempty"`
	Items     []itemSumsJSON `json:"questions"`
	Stopped   int            `json:"stopped,omitempty"` // students who did not reach every question
	// ToMark and Auto are SetToMark's: sheets that wait for a mark, and
	// the automatically marked questions' sums while none waits.
	// ToMark is nil in sums from before it was kept: their sheets are
	// counted in ToMarkUnknown when read (attack24 L8), which merged sums
	// keep.
	ToMark        *int       `json:"sheets_to_mark,omitempty"`
	ToMarkUnknown int        `json:"sheets_to_mark_unknown,omitempty"`
	Auto          *statsJSON `json:"auto,omitempty"`
}

type itemSumsJSON struct {
	ID      string        `json:"id"`
	Pos     int           `json:"pos,omitempty"`
	N       *int          `json:"n,omitempty"` // students who got it; all without it
	MaxMark float64       `json:"max_mark"`
	MeanX   float64       `json:"mean_x"`
	MeanY   float64       `json:"mean_y"`
	M2X     float64       `json:"m2_x"`
	M2Y     float64       `json:"m2_y"`
	CXY     float64       `json:"c_xy"`
	Marks   map[int64]int `json:"marks"`
	Rest    map[int64]int `json:"rest"`
	// NotReached counts the students whose quiz stopped before it; not in N.
	NotReached int `json:"not_reached,omitempty"`
	// SumXY is Σ x·y in millionths² (int128), in decimal; "" in sums
	// written before it was kept.
	SumXY string `json:"sum_xy,omitempty"`
}

// MarshalJSON writes the running sums (statsJSON), so that shards can be
// merged later.
func (s *Stats) MarshalJSON() ([]byte, error) { return s.appendSums(make([]byte, 0, s.sumsSize())) }

// UnmarshalJSON reads sums written by MarshalJSON.
func (s *Stats) UnmarshalJSON(data []byte) error {
	in, ok := scanSums(data)
	if !ok {
		in = statsJSON{}
		if err := json.Unmarshal(data, &in); err != nil {
			return err
		}
	}
	return s.fromJSON(&in)
}

// fromJSON makes the statistics of the sums read.
func (s *Stats) fromJSON(in *statsJSON) error {
	if in.Version != 1 {
		return fmt.Errorf("not conflictq statistics sums (written by grade --sums)")
	}
	if err := in.check(); err != nil {
		return fmt.Errorf("the sums are damaged: %v", err)
	}
	var ok bool
	*s = Stats{n: in.N, meanT: in.MeanT, m2T: in.M2T, totals: in.Totals, maxes: in.Maxes, items: make([]itemSums, len(in.Items)), stopped: in.Stopped}
	if s.totals == nil {
		s.totals = map[int64]int{}
	}
	for i, it := range in.Items {
		n := in.N
		if it.N != nil {
			n = *it.N
		}
		s.items[i] = itemSums{id: it.ID, pos: it.Pos, n: n, maxMark: it.MaxMark, meanX: it.MeanX, meanY: it.MeanY, m2X: it.M2X, m2Y: it.M2Y, cXY: it.CXY, marks: countsOf(it.Marks), rest: countsOf(it.Rest), notReached: it.NotReached}
		if it.SumXY == "" {
			s.items[i].noSxy = true
		} else if s.items[i].sxy, ok = parseInt128(it.SumXY); !ok {
			return fmt.Errorf("the sums are damaged: question %q: sum_xy %q is not a whole number", it.ID, it.SumXY)
		}
	}
	if in.Histogram != nil {
		s.hist = *in.Histogram
	}
	if in.ToMark != nil {
		s.toMark, s.unknown = *in.ToMark, in.ToMarkUnknown
	} else {
		s.unknown = in.N // an older conflictq's: they may wait or not
	}
	if in.Auto != nil {
		s.auto = new(Stats)
		if err := s.auto.fromJSON(in.Auto); err != nil {
			return err
		}
	}
	if s.maxes == nil { // sums from before: every student had every question
		s.maxes = map[int64]int{}
		maxScore := s.maxScore()
		if s.n > 0 {
			s.maxes[markKey(maxScore)] = s.n
		}
		if in.Histogram == nil {
			s.fillHistogram(maxScore)
		}
	}
	return nil
}

// check refuses sums that no grading could have written.
func (in *statsJSON) check() error {
	finite := func(vs ...float64) bool {
		for _, v := range vs {
			if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e15 {
				return false
			}
		}
		return true
	}
	counted := func(h map[int64]int) (int, bool) {
		n := 0
		for _, c := range h {
			if c < 0 {
				return 0, false
			}
			n += c
		}
		return n, true
	}
	if in.N < 0 || in.M2T < 0 || !finite(in.MeanT, in.M2T) || in.Stopped < 0 || in.Stopped > in.N {
		return fmt.Errorf("%d students, totals out of range", in.N)
	}
	toMark, aToMark := 0, 0
	if in.ToMark != nil {
		toMark = *in.ToMark
	}
	if in.Auto != nil && in.Auto.ToMark != nil {
		aToMark = *in.Auto.ToMark
	}
	if toMark < 0 || toMark > in.N {
		return fmt.Errorf("%d students but %d sheets to mark", in.N, toMark)
	}
	if in.ToMarkUnknown < 0 || toMark+in.ToMarkUnknown > in.N {
		return fmt.Errorf("%d students but %d sheets to mark and %d unknown", in.N, toMark, in.ToMarkUnknown)
	}
	if a := in.Auto; a != nil && (toMark != 0 || in.ToMarkUnknown != 0 || a.Auto != nil || aToMark != 0 || a.ToMarkUnknown != 0 || a.N != in.N || a.Version != 1) {
		return fmt.Errorf("the automatically marked questions' sums are not of the same %d students", in.N)
	}
	if n, ok := counted(in.Totals); !ok || n != in.N {
		return fmt.Errorf("%d students but totals for %d", in.N, n)
	}
	if n, ok := counted(in.Maxes); !ok || (in.Maxes != nil && n != in.N) {
		return fmt.Errorf("%d students but maximums for %d", in.N, n)
	}
	if in.Histogram != nil {
		n := 0
		for _, c := range in.Histogram {
			if c < 0 {
				return fmt.Errorf("a negative count in the histogram")
			}
			n += c
		}
		if n > in.N {
			return fmt.Errorf("%d students but %d in the histogram", in.N, n)
		}
	}
	for _, it := range in.Items {
		itemN := in.N
		if it.N != nil {
			itemN = *it.N
		}
		if itemN < 0 || itemN > in.N {
			return fmt.Errorf("question %q: %d students of %d", it.ID, itemN, in.N)
		}
		if it.NotReached < 0 || it.NotReached > in.N-itemN || it.NotReached > in.Stopped {
			return fmt.Errorf("question %q: %d students not reaching it, of %d", it.ID, it.NotReached, in.N)
		}
		if it.MaxMark < 0 || !finite(it.MaxMark, it.MeanX, it.MeanY, it.M2X, it.M2Y, it.CXY) || it.M2X < 0 || it.M2Y < 0 {
			return fmt.Errorf("question %q: sums out of range", it.ID)
		}
		// Every conflictq that wrote sums wrote each question's counts
		// for all its students: counts for none were accepted, and
		// merged with another shard's they made sums for part of the
		// students, which were then refused (recheck28 L5).
		if n, ok := counted(it.Marks); !ok || n != itemN {
			return fmt.Errorf("question %q: marks for %d students, not %d", it.ID, n, itemN)
		}
		if n, ok := counted(it.Rest); !ok || n != itemN {
			return fmt.Errorf("question %q: rest scores for %d students, not %d", it.ID, n, itemN)
		}
	}
	return nil
}
