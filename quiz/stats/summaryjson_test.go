package stats

import (
	"bytes"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
)

// oldSummaryJSON is how StatsSummary.WriteJSON wrote a summary (rounded as
// it rounds it) before appendJSON: through encoding/json's reflection.
func oldSummaryJSON(r StatsSummary) ([]byte, error) {
	var b bytes.Buffer
	err := text.WriteJSON(&b, r)
	return b.Bytes(), err
}

// randomResponses are answers as grade --summary counts them, with the
// texts hostileIDs quote and the nil and empty lists encoding/json tells
// apart.
func randomResponses(rng *rand.Rand) []QuestionResponses {
	if rng.IntN(3) == 0 {
		return [][]QuestionResponses{nil, {}}[rng.IntN(2)]
	}
	texts := append([]string{"Baku", "1994", "a <b> & c", "x\u2028y"}, hostileIDs...)
	var qrs []QuestionResponses
	for range rng.IntN(6) {
		qr := QuestionResponses{ID: texts[rng.IntN(len(texts))], Type: quiz.Type(texts[rng.IntN(len(texts))]),
			Students: rng.IntN(40), Unanswered: rng.IntN(3), NotReached: rng.IntN(3), Unreadable: rng.IntN(3), Right: rng.IntN(9), OtherWrong: rng.IntN(4)}
		switch rng.IntN(3) {
		case 0:
			qr.UnreadableAnswers = []WrittenCount{}
		case 1:
			for range 1 + rng.IntN(3) {
				qr.UnreadableAnswers = append(qr.UnreadableAnswers, WrittenCount{texts[rng.IntN(len(texts))], rng.IntN(5)})
			}
		}
		switch rng.IntN(3) {
		case 0:
			qr.Answers = []AnswerCount{}
		case 1:
			for range 1 + rng.IntN(4) {
				qr.Answers = append(qr.Answers, AnswerCount{texts[rng.IntN(len(texts))], rng.IntN(5), rng.IntN(2) == 0})
			}
		}
		qrs = append(qrs, qr)
	}
	return qrs
}

func TestSummaryJSONAsBefore(t *testing.T) {
	rng := rand.New(rand.NewPCG(26, 4))
	check := func(s StatsSummary) {
		t.Helper()
		want, werr := oldSummaryJSON(s)
		if werr != nil {
			t.Fatalf("the old writer refused it: %v", werr)
		}
		if !s.finite() {
			t.Fatal("not finite")
		}
		if got := s.appendJSON(nil); !bytes.Equal(got, want) {
			t.Fatalf("summary JSON differs:\n got %s\nwant %s", got, want)
		}
	}
	check(StatsSummary{})
	check(StatsSummary{Histogram: []Bin{}, Items: []ItemStats{}, Responses: []QuestionResponses{}})
	for i := range 1500 {
		s := randomStats(rng).Summary([]float64{30, 0, 101}[i%3])
		s.Responses = randomResponses(rng)
		if rng.IntN(4) == 0 {
			s.ToMark = 1 + rng.IntN(3)
		}
		if rng.IntN(5) == 0 {
			s.Histogram, s.Items = nil, nil
		}
		if i%7 == 0 && len(s.Items) > 0 { // numbers JSON writes with an exponent
			s.Items[0].SD, s.Mean, s.Median = 1.5e25, 2e-7, math.Copysign(0, -1)
		}
		check(s)
		var got, want bytes.Buffer
		if err := s.WriteJSON(&got); err != nil {
			t.Fatal(err)
		}
		old := s
		old.Items = append([]ItemStats(nil), s.Items...)
		wantErr := oldWriteJSON(old, &want)
		if wantErr != nil || !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("WriteJSON differs (%v):\n got %s\nwant %s", wantErr, got.Bytes(), want.Bytes())
		}
	}
	// What encoding/json refuses, refused in its words, nothing written.
	for _, bad := range []func(*StatsSummary){
		func(s *StatsSummary) { s.Mean = math.NaN() },
		func(s *StatsSummary) { s.Items[0].Facility = math.Inf(1) },
		func(s *StatsSummary) { d := math.Inf(-1); s.Items[0].Discrimination = &d },
		func(s *StatsSummary) { s.Histogram[3].To = math.NaN() },
	} {
		s := New([]string{"b/a", "b/b"}, []float64{1, 1}).Summary(30)
		bad(&s)
		var got, want bytes.Buffer
		gerr, werr := s.WriteJSON(&got), oldWriteJSON(s, &want)
		if gerr == nil || werr == nil || gerr.Error() != werr.Error() || got.Len() != 0 || want.Len() != 0 {
			t.Fatalf("error %v (%q); want %v (%q)", gerr, got.Bytes(), werr, want.Bytes())
		}
	}
}

// oldWriteJSON is StatsSummary.WriteJSON as it was: rounded, then through
// encoding/json.
func oldWriteJSON(s StatsSummary, w *bytes.Buffer) error {
	r := s
	r.MaxScore, r.Mean, r.Median, r.SD = text.Round2(s.MaxScore), text.Round2(s.Mean), text.Round2(s.Median), text.Round2(s.SD)
	r.Alpha = roundPtr(s.Alpha, 4)
	r.Histogram = append([]Bin(nil), s.Histogram...)
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
	return text.WriteJSON(w, r)
}
