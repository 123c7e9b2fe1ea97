package report

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/text"
)

// byTagAsBefore is New's scores by tag as they were counted before
// tagScores: each question's quiz.UniqueTags, a map by quiz.TagKey, then
// SortTags. It is the oracle of TestTagScoresAsBefore.
func byTagAsBefore(res *quiz.Result, reached int) []TagScore {
	tags := map[string]*TagScore{}
	for i, o := range res.Outcomes {
		for _, t := range quiz.UniqueTags(o.Question.Tags) {
			ts := tags[quiz.TagKey(t)]
			if ts == nil {
				ts = &TagScore{Tag: t}
				tags[quiz.TagKey(t)] = ts
			}
			ts.Questions++
			ts.Score += o.Points()
			ts.MaxScore += o.MaxPoints()
			if i < reached {
				ts.Reached++
				ts.ReachedScore += o.Points()
				ts.ReachedMax += o.MaxPoints()
			}
		}
	}
	out := []TagScore{}
	for _, ts := range tags {
		ts.Percent = text.Percent(ts.Score, ts.MaxScore)
		ts.Score = text.Round2(ts.Score)
		out = append(out, *ts)
	}
	SortTags(out)
	return out
}

// A report's scores by tag are what they were, whatever the questions'
// tags: spellings that read alike (counted once a question, under the first
// spelling met), none, empty, punctuation alone, numbers, other scripts,
// with and without questions not reached. The tags' keys are all different
// in their order, so that the map's order cannot decide a tie.
func TestTagScoresAsBefore(t *testing.T) {
	pool := []string{"recall", "Recall", "re-call", "RECALL ", "T2", "T10", "t1", "history", "History!", "Xocalı", "xocali", "khojaly", "", "-", "ԽՈՋԱԼՈՒ", "խոջալու", "a&b"}
	rng := rand.New(rand.NewPCG(27, 3))
	for _, right := range []map[string]bool{nil, testfiles.AllRight(testfiles.Sample(t))} {
		for n := range 300 {
			res, _ := sampleResult(t, right)
			for i := range res.Outcomes {
				q := res.Outcomes[i].Question // sampleResult's bank is read anew each time
				q.Tags = nil
				for k := rng.IntN(5); k > 0; k-- {
					q.Tags = append(q.Tags, pool[rng.IntN(len(pool))])
				}
			}
			if n%3 == 0 && len(res.Outcomes) > 1 {
				res.Status, res.EndedBy = quiz.Incomplete, quiz.EndTimeLimit
				res.Outcomes[len(res.Outcomes)-1].Unseen = true
			}
			rep := New(Meta{Student: "Ana", Banks: []string{"sample"}}, res)
			want := byTagAsBefore(res, len(res.Outcomes)-rep.NotReached)
			if !reflect.DeepEqual(rep.ByTag, want) {
				t.Fatalf("#%d:\ngot  %+v\nwant %+v", n, rep.ByTag, want)
			}
		}
	}
	if got := New(Meta{}, &quiz.Result{}).ByTag; got == nil || len(got) != 0 {
		t.Fatalf("no questions: by_tag %#v, want an empty list (not null)", got)
	}
}
