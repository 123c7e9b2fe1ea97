package stats

import (
	"math"
	"strconv"

	"github.com/conflictq/conflictq/quiz/text"
)

// The statistics' JSON (summary -o x.json, grade --summary x.json), written
// by hand as text.WriteJSON wrote them through encoding/json (fields in its
// order, its omitempty and null, floats and strings as it formats them, no
// HTML escaping, indented by two spaces, a newline after): setting up its
// encoders for StatsSummary's types was most of what writing the file cost
// a run. TestSummaryJSONAsBefore holds the two to the same bytes.

// jsonOut appends indented JSON: an object's or array's members each on a
// line of its own, two spaces deeper, as json.Indent lays them out.
type jsonOut struct {
	b     []byte
	depth int
	first bool // no member written yet in the open object or array
}

func (j *jsonOut) newline() {
	j.b = append(j.b, '\n')
	for range j.depth {
		j.b = append(j.b, ' ', ' ')
	}
}

// open starts an object ('{') or array ('[').
func (j *jsonOut) open(c byte) {
	j.b = append(j.b, c)
	j.depth++
	j.first = true
}

// close ends it: an empty one stays on its line ({} or []).
func (j *jsonOut) close(c byte) {
	j.depth--
	if !j.first {
		j.newline()
	}
	j.b = append(j.b, c)
	j.first = false
}

// member starts an array's next element.
func (j *jsonOut) member() {
	if !j.first {
		j.b = append(j.b, ',')
	}
	j.newline()
	j.first = false
}

// key starts an object's next field.
func (j *jsonOut) key(name string) {
	j.member()
	j.b = append(j.b, '"')
	j.b = append(j.b, name...)
	j.b = append(j.b, '"', ':', ' ')
}

func (j *jsonOut) int(name string, n int) {
	j.key(name)
	j.b = strconv.AppendInt(j.b, int64(n), 10)
}

func (j *jsonOut) float(name string, f float64) {
	j.key(name)
	j.b = text.AppendJSONFloat(j.b, f)
}

func (j *jsonOut) floatPtr(name string, f *float64) {
	if f == nil {
		j.key(name)
		j.b = append(j.b, "null"...)
		return
	}
	j.float(name, *f)
}

func (j *jsonOut) str(name, s string) {
	j.key(name)
	j.b = text.AppendJSONText(j.b, s)
}

func (j *jsonOut) bool(name string, v bool) {
	j.key(name)
	j.b = strconv.AppendBool(j.b, v)
}

// finite reports whether every float the summary writes is one JSON holds
// (encoding/json refuses NaN and the infinities).
func (s *StatsSummary) finite() bool {
	ok := func(vs ...float64) bool {
		for _, v := range vs {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return false
			}
		}
		return true
	}
	ptr := func(p *float64) float64 {
		if p == nil {
			return 0
		}
		return *p
	}
	if !ok(s.MaxScore, s.Mean, s.Median, s.SD, ptr(s.Alpha)) {
		return false
	}
	for _, b := range s.Histogram {
		if !ok(b.From, b.To) {
			return false
		}
	}
	for _, it := range s.Items {
		if !ok(it.MaxMark, it.Facility, it.SD, ptr(it.Discrimination), ptr(it.DiscriminativeEfficiency)) {
			return false
		}
	}
	return true
}

// appendJSON appends the summary as text.WriteJSON wrote it.
func (s *StatsSummary) appendJSON(b []byte) []byte {
	j := &jsonOut{b: b}
	j.open('{')
	j.int("count", s.Count)
	j.float("max_score", s.MaxScore)
	j.float("mean", s.Mean)
	j.float("median", s.Median)
	j.float("sd", s.SD)
	j.floatPtr("cronbach_alpha", s.Alpha)
	if s.Stopped != 0 {
		j.int("stopped", s.Stopped)
	}
	j.key("histogram")
	if s.Histogram == nil {
		j.b = append(j.b, "null"...)
	} else {
		j.open('[')
		for _, bin := range s.Histogram {
			j.member()
			j.open('{')
			j.float("from", bin.From)
			j.float("to", bin.To)
			j.int("count", bin.Count)
			j.close('}')
		}
		j.close(']')
	}
	j.key("questions")
	if s.Items == nil {
		j.b = append(j.b, "null"...)
	} else {
		j.open('[')
		for i := range s.Items {
			j.member()
			j.item(&s.Items[i])
		}
		j.close(']')
	}
	if len(s.Responses) > 0 {
		j.key("responses")
		j.open('[')
		for i := range s.Responses {
			j.member()
			j.responses(&s.Responses[i])
		}
		j.close(']')
	}
	if s.ToMark != 0 {
		j.int("sheets_to_mark", s.ToMark)
	}
	j.close('}')
	return append(j.b, '\n')
}

func (j *jsonOut) item(it *ItemStats) {
	j.open('{')
	j.str("id", it.ID)
	j.float("max_mark", it.MaxMark)
	j.int("students", it.Students)
	if it.NotReached != 0 {
		j.int("not_reached", it.NotReached)
	}
	j.float("facility", it.Facility)
	j.float("sd", it.SD)
	j.floatPtr("discrimination", it.Discrimination)
	j.floatPtr("discriminative_efficiency", it.DiscriminativeEfficiency)
	j.bool("low_discrimination", it.LowDiscrimination)
	j.close('}')
}

func (j *jsonOut) responses(qr *QuestionResponses) {
	j.open('{')
	j.str("id", qr.ID)
	j.str("type", string(qr.Type))
	j.int("students", qr.Students)
	j.int("unanswered", qr.Unanswered)
	j.int("not_reached", qr.NotReached)
	j.int("unreadable", qr.Unreadable)
	if len(qr.UnreadableAnswers) > 0 {
		j.key("unreadable_answers")
		j.open('[')
		for _, a := range qr.UnreadableAnswers {
			j.member()
			j.open('{')
			j.str("answer", a.Answer)
			j.int("count", a.Count)
			j.close('}')
		}
		j.close(']')
	}
	j.int("right", qr.Right)
	j.key("answers")
	if qr.Answers == nil {
		j.b = append(j.b, "null"...)
	} else {
		j.open('[')
		for _, a := range qr.Answers {
			j.member()
			j.open('{')
			j.str("answer", a.Answer)
			j.int("count", a.Count)
			j.bool("correct", a.Correct)
			j.close('}')
		}
		j.close(']')
	}
	j.int("other_wrong", qr.OtherWrong)
	j.close('}')
}
