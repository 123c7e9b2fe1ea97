package stats

import (
	"strconv"

	"github.com/conflictq/conflictq/quiz/internal/jsonw"
)

// appendJSON appends the summary as encoding/json wrote it for WriteJSON,
// compact (WriteJSON indents it): its fields in order, its omitempty, HTML
// characters as they are, floats as it writes them, nil slices as null. It is
// written by hand because encoding/json built its encoders for StatsSummary
// and its parts by reflection on first use, once a process: summary -o
// x.json spent a sixth of its own work there (perf, 200 runs).
// TestSummaryJSONAsEncodingJSON holds it to encoding/json, field by field.
func (s *StatsSummary) appendJSON(b []byte) ([]byte, error) {
	var err error
	b = strconv.AppendInt(append(b, `{"count":`...), int64(s.Count), 10)
	if b, err = jsonw.AppendFloats(b, jsonw.Float{Key: `,"max_score":`, V: s.MaxScore}, jsonw.Float{Key: `,"mean":`, V: s.Mean}, jsonw.Float{Key: `,"median":`, V: s.Median}, jsonw.Float{Key: `,"sd":`, V: s.SD}); err != nil {
		return b, err
	}
	if b, err = appendFloatPtr(append(b, `,"cronbach_alpha":`...), s.Alpha); err != nil {
		return b, err
	}
	if s.Stopped != 0 {
		b = strconv.AppendInt(append(b, `,"stopped":`...), int64(s.Stopped), 10)
	}
	b = append(b, `,"histogram":`...)
	if s.Histogram == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, h := range s.Histogram {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = jsonw.AppendFloats(append(b, '{'), jsonw.Float{Key: `"from":`, V: h.From}, jsonw.Float{Key: `,"to":`, V: h.To}); err != nil {
				return b, err
			}
			b = append(strconv.AppendInt(append(b, `,"count":`...), int64(h.Count), 10), '}')
		}
		b = append(b, ']')
	}
	if b, err = jsonw.AppendList(append(b, `,"questions":`...), s.Items, (*ItemStats).appendJSON); err != nil {
		return b, err
	}
	if len(s.Responses) > 0 {
		b = append(b, `,"responses":[`...)
		for i := range s.Responses {
			if i > 0 {
				b = append(b, ',')
			}
			b = s.Responses[i].appendJSON(b)
		}
		b = append(b, ']')
	}
	if s.ToMark != 0 {
		b = strconv.AppendInt(append(b, `,"sheets_to_mark":`...), int64(s.ToMark), 10)
	}
	if s.ToMarkUnknown != 0 {
		b = strconv.AppendInt(append(b, `,"sheets_to_mark_unknown":`...), int64(s.ToMarkUnknown), 10)
	}
	return append(b, '}'), nil
}

func (it *ItemStats) appendJSON(b []byte) ([]byte, error) {
	var err error
	b = jsonw.AppendString(append(b, `{"id":`...), it.ID)
	if b, err = jsonw.AppendFloats(b, jsonw.Float{Key: `,"max_mark":`, V: it.MaxMark}); err != nil {
		return b, err
	}
	b = strconv.AppendInt(append(b, `,"students":`...), int64(it.Students), 10)
	if it.NotReached != 0 {
		b = strconv.AppendInt(append(b, `,"not_reached":`...), int64(it.NotReached), 10)
	}
	if b, err = jsonw.AppendFloats(b, jsonw.Float{Key: `,"facility":`, V: it.Facility}, jsonw.Float{Key: `,"sd":`, V: it.SD}); err != nil {
		return b, err
	}
	if b, err = appendFloatPtr(append(b, `,"discrimination":`...), it.Discrimination); err != nil {
		return b, err
	}
	if b, err = appendFloatPtr(append(b, `,"discriminative_efficiency":`...), it.DiscriminativeEfficiency); err != nil {
		return b, err
	}
	b = strconv.AppendBool(append(b, `,"low_discrimination":`...), it.LowDiscrimination)
	return append(b, '}'), nil
}

func (qr *QuestionResponses) appendJSON(b []byte) []byte {
	b = jsonw.AppendString(append(b, `{"id":`...), qr.ID)
	b = jsonw.AppendString(append(b, `,"type":`...), string(qr.Type))
	b = strconv.AppendInt(append(b, `,"students":`...), int64(qr.Students), 10)
	b = strconv.AppendInt(append(b, `,"unanswered":`...), int64(qr.Unanswered), 10)
	b = strconv.AppendInt(append(b, `,"not_reached":`...), int64(qr.NotReached), 10)
	b = strconv.AppendInt(append(b, `,"unreadable":`...), int64(qr.Unreadable), 10)
	if len(qr.UnreadableAnswers) > 0 {
		b = append(b, `,"unreadable_answers":[`...)
		for i, w := range qr.UnreadableAnswers {
			if i > 0 {
				b = append(b, ',')
			}
			b = jsonw.AppendString(append(b, `{"answer":`...), w.Answer)
			b = append(strconv.AppendInt(append(b, `,"count":`...), int64(w.Count), 10), '}')
		}
		b = append(b, ']')
	}
	b = strconv.AppendInt(append(b, `,"right":`...), int64(qr.Right), 10)
	b = append(b, `,"answers":`...)
	if qr.Answers == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, a := range qr.Answers {
			if i > 0 {
				b = append(b, ',')
			}
			b = jsonw.AppendString(append(b, `{"answer":`...), a.Answer)
			b = strconv.AppendInt(append(b, `,"count":`...), int64(a.Count), 10)
			b = append(strconv.AppendBool(append(b, `,"correct":`...), a.Correct), '}')
		}
		b = append(b, ']')
	}
	b = strconv.AppendInt(append(b, `,"other_wrong":`...), int64(qr.OtherWrong), 10)
	return append(b, '}')
}

// appendFloatPtr appends *v, or null.
func appendFloatPtr(b []byte, v *float64) ([]byte, error) {
	if v == nil {
		return append(b, "null"...), nil
	}
	return jsonw.AppendNumber(b, *v)
}
