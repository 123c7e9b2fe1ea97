package history

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// encodingJSON is what WriteJSON wrote before progressJSON: encoding/json.
func encodingJSON(p *Progress) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	err := enc.Encode(p)
	return buf.Bytes(), err
}

// WriteJSON writes what encoding/json writes, byte for byte, for random
// progress with hostile names and titles, every kind of float, times in
// other zones and with nanoseconds, and nil and empty lists; and fails where
// it fails, with the same error, writing nothing.
func TestProgressJSONAsEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 25))
	pieces := []string{"", "a", "Ana María", "<script>&amp;</script>", "\"quoted\"", `back\slash`, "\x00\x01\x07\b\f\n\r\t\x1b\x1f\x7f",
		"\u2028\u2029", "\xff\xfe", "é", "李明", "🙂", "\xe2\x82", "\ud7ff\ue000\uffff", "comprehension", "Vocabulary: ceasefire"}
	str := func() string {
		var b strings.Builder
		for range rng.IntN(4) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	floats := []float64{0, math.Copysign(0, -1), 1, 0.5, 1.0 / 3, 2.0 / 3, 33.3, 99.95, 100, 1e-6, 9.99e-7, 1e-7, 1.5e-9, 1e20, 1e21, 1.234e22, -0.25, -1e-8, math.MaxFloat64, math.SmallestNonzeroFloat64}
	float := func() float64 {
		if rng.IntN(3) == 0 {
			return rng.Float64() * math.Pow(10, float64(rng.IntN(50)-25))
		}
		return floats[rng.IntN(len(floats))]
	}
	zones := []*time.Location{time.UTC, time.FixedZone("AZT", 4*3600), time.FixedZone("odd", -(3*3600 + 30*60 + 17))}
	when := func() time.Time {
		return time.Unix(rng.Int64N(4e10)-1e10, rng.Int64N(2)*rng.Int64N(1e9)).In(zones[rng.IntN(len(zones))])
	}
	lines := func() []Line {
		switch rng.IntN(4) {
		case 0:
			return nil
		case 1:
			return []Line{}
		}
		ls := make([]Line, 1+rng.IntN(4))
		for i := range ls {
			ls[i] = Line{Name: str(), Title: str(), Questions: rng.IntN(200) - 5, Seen: rng.IntN(100), Right: rng.IntN(100),
				Mastery: float(), DueNow: rng.IntN(50), DueWeek: rng.IntN(50)}
			switch rng.IntN(3) {
			case 1:
				ls[i].Sessions = []SessionScore{}
			case 2:
				for range 1 + rng.IntN(5) {
					ls[i].Sessions = append(ls[i].Sessions, SessionScore{Started: when(), Percent: float()})
				}
			}
		}
		return ls
	}
	for n := range 3000 {
		p := &Progress{Student: str(), At: when(), Answers: rng.IntN(1e6) - 10, Banks: lines(), Tags: lines()}
		if rng.IntN(2) == 0 {
			next := when()
			p.NextDue = &next
		}
		want, werr := encodingJSON(p)
		var got bytes.Buffer
		err := p.WriteJSON(&got)
		if werr != nil {
			t.Fatalf("#%d: encoding/json failed: %v", n, werr)
		}
		if err != nil || !bytes.Equal(got.Bytes(), want) {
			t.Fatalf("#%d: err %v\ngot:\n%s\nwant:\n%s", n, err, got.Bytes(), want)
		}
	}
	// What encoding/json refuses is refused alike, and nothing is written.
	far := time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, p := range []*Progress{
		{Banks: []Line{{Mastery: math.NaN()}}},
		{Tags: []Line{{Sessions: []SessionScore{{Percent: math.Inf(1)}}}}},
		{Banks: []Line{{Mastery: math.Inf(-1)}}},
		{At: far},
		{NextDue: &far},
		{Tags: []Line{{Sessions: []SessionScore{{Started: far}}}}},
	} {
		_, werr := encodingJSON(p)
		var got bytes.Buffer
		err := p.WriteJSON(&got)
		if werr == nil || err == nil || err.Error() != werr.Error() || got.Len() != 0 {
			t.Errorf("%+v: got %v and %d bytes, want %v and none", p, err, got.Len(), werr)
		}
	}
}
