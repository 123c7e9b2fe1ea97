package grade

import (
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/sheet"
	"github.com/conflictq/conflictq/quiz/stats"
)

// oldClassStats is ClassStats as it was before session 28: both tracks kept
// from the first sheet, and the responses always counted. It is the oracle
// of TestClassStatsAsBefore.
type oldClassStats struct {
	auto    oldTrack
	all     oldTrack
	answers *stats.Responses
	toMark  int
}

type oldTrack struct {
	stats   *stats.Stats
	in      func(*quiz.Question) bool
	pos     map[*quiz.Question]int
	idx     []int
	marks   []float64
	reached []bool
	seen    []int
	n       int
}

func newOldTrack(in func(*quiz.Question) bool) oldTrack {
	return oldTrack{stats: stats.New(nil, nil), in: in, pos: map[*quiz.Question]int{}}
}

func (c *oldClassStats) Add(r *SheetResult) {
	if c.answers == nil {
		c.auto = newOldTrack((*quiz.Question).Graded)
		c.all = newOldTrack(scored)
		c.answers = stats.NewResponses()
	}
	c.auto.add(r)
	c.answers.Add(r.Outcomes)
	for oi := range r.Outcomes {
		o := &r.Outcomes[oi]
		if o.ToMark() {
			c.toMark++
			c.all = oldTrack{}
			return
		}
	}
	if c.toMark == 0 {
		c.all.add(r)
	}
}

func (t *oldTrack) add(r *SheetResult) {
	t.idx, t.marks, t.reached = t.idx[:0], t.marks[:0], t.reached[:0]
	t.n++
	for oi := range r.Outcomes {
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
		if t.seen[i] == t.n {
			continue
		}
		t.seen[i] = t.n
		t.idx = append(t.idx, i)
		t.marks = append(t.marks, o.Points())
		t.reached = append(t.reached, !o.Unseen)
	}
	t.stats.AddReached(t.idx, t.marks, t.reached)
}

func (c *oldClassStats) Summary(low float64) stats.StatsSummary {
	s := c.Stats().Summary(low)
	if c.answers != nil {
		s.Responses = c.answers.Summary()
	}
	s.ToMark = c.toMark
	return s
}

func (c *oldClassStats) Stats() *stats.Stats {
	switch {
	case c.answers == nil:
		return stats.New(nil, nil)
	case c.toMark == 0:
		return c.all.stats
	}
	return c.auto.stats
}

// randomClassSheets grades n sheets of two banks of every question type,
// each with a random part of the questions (some repeated, some never
// reached), random answers, and open answers marked or not as open says:
// 0 none marked, 1 all, 2 at random.
func randomClassSheets(t *testing.T, rng *rand.Rand, n, open int) []*SheetResult {
	t.Helper()
	sample := testfiles.Sample(t)
	data, err := os.ReadFile("../testdata/all-types.yaml")
	if err != nil {
		t.Fatal(err)
	}
	other, _, err := quiz.ParseBank("other.yaml", []byte(strings.Replace(string(data), "id: sample", "id: other", 1)))
	if err != nil {
		t.Fatal(err)
	}
	graders := []*Grader{{Banks: []*quiz.Bank{sample}}, {Banks: []*quiz.Bank{other}}}
	answers := map[string][]string{
		"capital": {`"Baku"`, `"Yerevan"`, `"A"`, `"B"`, `"C"`}, "seas": {`["A","B"]`, `["C"]`, `"A"`},
		"independence": {`true`, `false`}, "town": {`"Khojaly"`, `"Shusha"`, `"khojaly "`, `"\u0007x"`, `""`},
		"ceasefire-year": {`1994`, `"1,994"`, `1993`, `"twenty"`}, "sequence": {`["A","B","C"]`, `["C","B","A"]`},
		"names": {`["A","B","C"]`, `["B","A","C"]`}, "ussr": {`"a union"`, `""`, `"\u202eRTL"`},
	}
	var out []*SheetResult
	var prev []*quiz.Question // the sheet before's questions
	for i := range n {
		var parts []string
		for id, as := range answers {
			if rng.IntN(5) > 0 {
				parts = append(parts, `"`+id+`":`+as[rng.IntN(len(as))])
			}
		}
		sh, err := sheet.Read("class.jsonl", i+1, []byte(`{"answers":{`+strings.Join(parts, ",")+`}}`))
		if err != nil {
			t.Fatal(err)
		}
		r, err := graders[0].Grade(sh)
		if err != nil {
			t.Fatal(err)
		}
		r2, err := graders[1].Grade(sh)
		if err != nil {
			t.Fatal(err)
		}
		all := append(r.Outcomes, r2.Outcomes...)
		if rng.IntN(3) == 0 { // one bank on this sheet
			all = r.Outcomes
		}
		// Most of a class had the same questions in the same order as the
		// sheet before (the counting's quick way): runs of them.
		if i > 0 && rng.IntN(4) > 0 {
			byQ := map[*quiz.Question]quiz.Outcome{}
			for _, o := range append(r.Outcomes, r2.Outcomes...) {
				byQ[o.Question.Question] = o
			}
			all = all[:0:0]
			for _, q := range prev {
				all = append(all, byQ[q])
			}
		} else {
			var kept []quiz.Outcome
			for _, o := range all {
				if rng.IntN(6) == 0 { // not on this student's sheet
					continue
				}
				kept = append(kept, o)
				if rng.IntN(20) == 0 { // graded twice: counts once
					kept = append(kept, o)
				}
			}
			rng.Shuffle(len(kept), func(a, b int) { kept[a], kept[b] = kept[b], kept[a] })
			all = kept
		}
		prev = prev[:0]
		kept := make([]quiz.Outcome, len(all))
		for k, o := range all {
			prev = append(prev, o.Question.Question)
			o.Unseen = rng.IntN(15) == 0
			if o.Question.Type == quiz.Open && o.Response.Answered && (open == 1 || open == 2 && rng.IntN(2) == 0) {
				o.Mark = &quiz.Mark{Points: float64(rng.IntN(5)) / 4 * o.Question.Points}
			}
			kept[k] = o
		}
		r.Outcomes = kept
		out = append(out, r)
	}
	return out
}

// ClassStats keeps the two tracks' statistics once until a sheet has an
// open question, and counts responses only when a summary is wanted: on
// random classes its statistics, summary and sums are the old code's.
func TestClassStatsAsBefore(t *testing.T) {
	rng := rand.New(rand.NewPCG(28, 13))
	for round := range 360 {
		n := []int{0, 1, 2, 5, 30, 120}[round%6]
		sheets := randomClassSheets(t, rng, n, round/6%3)
		if round%4 == 0 { // no open question at all: the tracks never part
			for _, r := range sheets {
				r.Outcomes = slicesDeleteOpen(r.Outcomes)
			}
		}
		var old oldClassStats
		var cs, sums ClassStats
		sums.SumsOnly = true
		for _, r := range sheets {
			old.Add(r)
			cs.Add(r)
			sums.Add(r)
		}
		want, got := old.Summary(30), cs.Summary(30)
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("round %d (%d sheets): summary\n%+v\nwant\n%+v", round, n, got, want)
		}
		wj, err := old.Stats().MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []*ClassStats{&cs, &sums} {
			gj, err := c.Stats().MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if string(gj) != string(wj) || c.ToMark() != old.toMark {
				t.Fatalf("round %d (%d sheets, sums only %v): sums\n%s\nwant\n%s", round, n, c.SumsOnly, gj, wj)
			}
		}
		if s := sums.Summary(30); s.Responses != nil {
			t.Fatalf("round %d: sums only counted responses", round)
		}
	}
}

func slicesDeleteOpen(os []quiz.Outcome) []quiz.Outcome {
	var out []quiz.Outcome
	for _, o := range os {
		if o.Question.Type != quiz.Open {
			out = append(out, o)
		}
	}
	return out
}
