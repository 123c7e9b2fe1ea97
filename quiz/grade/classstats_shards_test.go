package grade_test

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/grade"
	"github.com/conflictq/conflictq/quiz/htmlreport"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/sheet"
	"github.com/conflictq/conflictq/quiz/stats"
)

// The README's promise for --sums: the shards' sums merged give the class's
// statistics, in every format, byte for byte. A shard whose essays are all
// marked counted the open question, one with an essay waiting left it out,
// and merged the two showed it over part of the class where one run over
// every sheet leaves it out (attack23 L10). Random classes of the sample
// bank, essays marked or waiting, graded whole and in random shards.
func TestShardsMergeToTheWholeClass(t *testing.T) {
	g := &grade.Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}
	r := rand.New(rand.NewPCG(29, 11))
	pick := func(vs ...string) string { return vs[r.IntN(len(vs))] }
	// sumsOf is the sums of sheets as grade --sums writes them, read back.
	sumsOf := func(results []*grade.SheetResult) *stats.Stats {
		cs := grade.ClassStats{SumsOnly: true}
		for _, res := range results {
			cs.Add(res)
		}
		data, err := cs.Sums().MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var s stats.Stats
		if err := s.UnmarshalJSON(data); err != nil {
			t.Fatalf("%v: %s", err, data)
		}
		return &s
	}
	differ, waiting, apart := 0, 0, 0
	for class := range 300 {
		unmarked := []float64{0, 0, 0.05, 0.3}[r.IntN(4)]
		var results []*grade.SheetResult
		for i := range r.IntN(30) {
			answers := []string{
				`"capital":"` + pick("Baku", "Yerevan", "Tbilisi") + `"`,
				`"independence":` + pick("true", "false"),
				`"ceasefire-year":` + pick("1994", "1992", "1991"),
			}
			if r.IntN(4) != 0 {
				answers = append(answers, `"ussr":"`+pick("a union of republics", "a union", "x")+`"`)
			}
			sh, err := sheet.Read("s.jsonl", i+1, []byte(`{"answers":{`+strings.Join(answers, ",")+`}}`))
			if err != nil {
				t.Fatal(err)
			}
			res, err := g.Grade(sh)
			if err != nil {
				t.Fatal(err)
			}
			for k := range res.Outcomes {
				o := &res.Outcomes[k]
				if o.Question.Type == quiz.Open && o.ToMark() && r.Float64() >= unmarked {
					o.Mark = &quiz.Mark{Points: o.Question.Points * float64(r.IntN(5)) / 4}
				}
			}
			results = append(results, res)
		}
		whole := sumsOf(results)
		cuts := []int{0, len(results)}
		for range r.IntN(4) {
			cuts = append(cuts, r.IntN(len(results)+1))
		}
		slices.Sort(cuts)
		var merged *stats.Stats
		waits := 0
		for i := 1; i < len(cuts); i++ {
			shard := sumsOf(results[cuts[i-1]:cuts[i]])
			if shard.Summary(30).ToMark > 0 {
				waits++
			}
			if merged == nil {
				merged = shard
			} else if err := merged.Merge(shard); err != nil {
				t.Fatal(err)
			}
		}
		if waits > 0 && waits < len(cuts)-1 {
			apart++ // some shards wait for a mark and some do not
		}
		want, got := summaryOutputs(t, whole.Summary(30)), summaryOutputs(t, merged.Summary(30))
		if whole.Summary(30).ToMark > 0 {
			waiting++
		}
		for _, f := range []string{"json", "csv", "md", "text", "html"} {
			if got[f] != want[f] {
				differ++
				if differ <= 2 {
					t.Errorf("class %d (%d sheets, shards at %v), %s:\nmerged:\n%s\nwhole:\n%s", class, len(results), cuts, f, got[f], want[f])
				}
				break
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d of 300 classes differ merged and whole", differ)
	}
	if waiting < 30 || apart < 10 {
		t.Errorf("%d classes wait for a mark, %d of them in some shards only: the test does not test", waiting, apart)
	}
}

// summaryOutputs is the summary in every format a teacher reads of merged
// sums (conflictq summary -o).
func summaryOutputs(t *testing.T, s stats.StatsSummary) map[string]string {
	t.Helper()
	out := map[string]string{}
	for name, write := range map[string]func(*bytes.Buffer) error{
		"json": func(b *bytes.Buffer) error { return s.WriteJSON(b) },
		"csv":  func(b *bytes.Buffer) error { return s.WriteCSV(b) },
		"md":   func(b *bytes.Buffer) error { return s.WriteMarkdown(b) },
		"text": func(b *bytes.Buffer) error { return s.WriteText(b) },
		"html": func(b *bytes.Buffer) error { return htmlreport.NewClass(nil, time.Time{}).Write(b, s) },
	} {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = b.String()
	}
	return out
}
