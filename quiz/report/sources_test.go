package report

import (
	"bytes"
	"testing"
	"time"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
)

// TestNewWithSourcesAsWithout holds New given the banks the questions came
// from (Meta.Sources: a built-in bank's question digests from build time)
// to New without them, which hashes each question: byte for byte the same
// report in every format, on every question of every built-in bank (shown,
// unseen, in a shuffled order, several banks at once), the sample bank read
// from YAML, and sources that do not hold the questions (another bank, a
// bank whose question was replaced after loading). A built-in question
// changed in place after loading shows that the build-time digest is
// what is taken.
func TestNewWithSourcesAsWithout(t *testing.T) {
	lib := &quiz.Library{Embedded: assets.Banks(), Compiled: assets.CompiledBank, CompiledDigests: assets.CompiledDigests, Generated: assets.GeneratedBanks}
	var builtin []*quiz.Bank
	for _, name := range lib.Names() {
		b, _, err := lib.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		builtin = append(builtin, b)
	}
	sample := testfiles.Sample(t)
	result := func(banks []*quiz.Bank, seed uint64) *quiz.Result {
		qs, err := quiz.Select(banks, quiz.Filter{}, seed)
		if err != nil {
			t.Fatal(err)
		}
		now := time.Date(2026, 12, 5, 1, 0, 0, 0, time.UTC)
		res := &quiz.Result{Status: quiz.Complete, EndedBy: quiz.EndFinished, Started: now, Finished: now}
		for i, q := range qs {
			res.Outcomes = append(res.Outcomes, quiz.Outcome{Question: q, Unseen: i%7 == 6})
		}
		return res
	}
	write := func(rep *Report) []byte {
		var b bytes.Buffer
		for _, f := range Formats {
			if err := rep.Write(&b, f); err != nil {
				t.Fatal(err)
			}
		}
		return b.Bytes()
	}
	same := func(what string, res *quiz.Result, sources []*quiz.Bank) {
		t.Helper()
		if got, want := write(New(Meta{Sources: sources}, res)), write(New(Meta{}, res)); !bytes.Equal(got, want) {
			t.Errorf("%s: the report differs with sources", what)
		}
	}
	for i, b := range builtin {
		same(b.ID, result([]*quiz.Bank{b}, uint64(i+1)), builtin)
	}
	same("all built-in banks", result(builtin, 5), builtin)
	same("sample", result([]*quiz.Bank{sample}, 3), []*quiz.Bank{sample})
	same("sample, other sources", result([]*quiz.Bank{sample}, 3), builtin)
	same("built-in, no sources", result(builtin[:1], 3), nil)

	// A bank whose first question was replaced after loading: the
	// replacement is hashed.
	replaced := &quiz.Bank{ID: builtin[0].ID, Questions: append([]*quiz.Question{}, builtin[0].Questions...)}
	res := result(builtin[:1], 9)
	same("replaced", res, []*quiz.Bank{replaced})

	// The build-time digest is taken: a question changed in place (which
	// nothing in conflictq does) keeps it, where hashing finds the change.
	q := res.Outcomes[0].Question.Question
	q.Prompt += " (changed)"
	defer func() { q.Prompt = q.Prompt[:len(q.Prompt)-len(" (changed)")] }()
	with, without := New(Meta{Sources: builtin}, res), New(Meta{}, res)
	if with.Questions[0].Digest == without.Questions[0].Digest {
		t.Error("New with sources hashed the question: the build-time digests are not reached")
	}
}
