package stats

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/text"
)

// oldSummaryJSON is what WriteJSON wrote before appendJSON: the rounded
// summary through text.WriteJSON, that is encoding/json.
func oldSummaryJSON(s StatsSummary) ([]byte, error) {
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
	var buf bytes.Buffer
	err := text.WriteJSON(&buf, r)
	return buf.Bytes(), err
}

func sameSummaryJSON(t *testing.T, what string, s StatsSummary) {
	t.Helper()
	want, werr := oldSummaryJSON(s)
	var got bytes.Buffer
	err := s.WriteJSON(&got)
	if fmt.Sprint(err) != fmt.Sprint(werr) || werr == nil && !bytes.Equal(got.Bytes(), want) {
		t.Fatalf("%s:\ngot  %s\n     %v\nwant %s\n     %v", what, got.Bytes(), err, want, werr)
	}
}

// The summary's JSON is encoding/json's, byte for byte: for the summaries
// of random classes (hostile question ids, every kind of mark); for random
// summaries with hostile strings, floats of every size, nil and empty lists,
// and responses; for one with every field set (a field added to these types
// and not written by appendJSON fails here); and it fails where
// encoding/json fails, in its words.
func TestSummaryJSONAsEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(26, 7))
	for n := range 500 {
		sameSummaryJSON(t, fmt.Sprintf("class #%d", n), randomStats(rng).Summary(30))
	}
	for n := range 3000 {
		var s StatsSummary
		if err := testfiles.FillJSON(rng, reflect.ValueOf(&s), n < 20); err != nil {
			t.Fatal(err)
		}
		sameSummaryJSON(t, fmt.Sprintf("#%d", n), s)
	}
	nan, inf := math.NaN(), math.Inf(1)
	for _, s := range []StatsSummary{
		{Mean: nan}, {SD: inf}, {Alpha: &nan}, {Histogram: []Bin{{From: nan}}}, {Histogram: []Bin{{To: inf}}},
		{Items: []ItemStats{{MaxMark: nan}}}, {Items: []ItemStats{{Facility: inf}}}, {Items: []ItemStats{{Discrimination: &inf}}},
		{Items: []ItemStats{{DiscriminativeEfficiency: &nan}}},
	} {
		if _, werr := oldSummaryJSON(s); werr == nil {
			t.Fatalf("%+v: encoding/json wrote it", s)
		}
		sameSummaryJSON(t, fmt.Sprintf("%+v", s), s)
	}
}
