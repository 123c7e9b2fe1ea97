package grade

import (
	"strconv"

	"github.com/conflictq/conflictq/quiz/text"
)

// appendJSON appends the result as json.Marshal wrote it, byte for byte
// (fields in order, its omitempty, HTML characters escaped, floats as
// encoding/json writes them, nil slices as null), without its reflection,
// which every run set up again for these types: about 4% of a one-sheet
// grade --format json's CPU (perf, 200 runs). TestJSONResultAsEncodingJSON
// and TestJSONWritersAsEncodingJSON hold it to json.Marshal on graded
// sheets and on random and hostile results; the goldens pass unchanged.
func (jr *jsonResult) appendJSON(b []byte) ([]byte, error) {
	var err error
	b = append(b, `{"student":`...)
	b = text.AppendJSONString(b, jr.Student, text.EscapeHTML)
	b = append(b, `,"file":`...)
	b = text.AppendJSONString(b, jr.File, text.EscapeHTML)
	if jr.Line != 0 {
		b = append(b, `,"line":`...)
		b = strconv.AppendInt(b, int64(jr.Line), 10)
	}
	b = append(b, `,"banks":`...)
	b = text.AppendJSONStrings(b, jr.Banks, text.EscapeHTML)
	if b, err = text.AppendJSONFloats(b, text.JSONFloat{Key: `,"score":`, V: jr.Score}, text.JSONFloat{Key: `,"max_score":`, V: jr.MaxScore}, text.JSONFloat{Key: `,"percent":`, V: jr.Percent}); err != nil {
		return b, err
	}
	b = append(b, `,"passed":`...)
	b = appendJSONBool(b, jr.Passed)
	b = append(b, `,"status":`...)
	b = text.AppendJSONString(b, jr.Status, text.EscapeHTML)
	b = append(b, `,"status_text":`...)
	b = text.AppendJSONString(b, jr.StatusText, text.EscapeHTML)
	b = append(b, `,"to_mark":`...)
	b = strconv.AppendInt(b, int64(jr.ToMark), 10)
	b = append(b, `,"not_reached":`...)
	b = strconv.AppendInt(b, int64(jr.NotReached), 10)
	b = text.AppendJSONOmitEmpty(b, `,"ended_by":`, jr.EndedBy, text.EscapeHTML)
	b = text.AppendJSONOmitEmpty(b, `,"error":`, jr.Error, text.EscapeHTML)
	if b, err = text.AppendJSONList(append(b, `,"questions":`...), jr.Questions, (*jsonQuestion).appendJSON); err != nil {
		return b, err
	}
	return append(b, '}'), nil
}

func (jq *jsonQuestion) appendJSON(b []byte) ([]byte, error) {
	var err error
	b = append(b, `{"id":`...)
	b = text.AppendJSONString(b, jq.ID, text.EscapeHTML)
	b = append(b, `,"bank":`...)
	b = text.AppendJSONString(b, jq.Bank, text.EscapeHTML)
	b = append(b, `,"correct":`...)
	b = appendJSONBool(b, jq.Correct)
	if b, err = text.AppendJSONFloats(b, text.JSONFloat{Key: `,"points":`, V: jq.Points}, text.JSONFloat{Key: `,"max_points":`, V: jq.MaxPoints}); err != nil {
		return b, err
	}
	b = append(b, `,"given":`...)
	if jq.Given == nil {
		b = append(b, "null"...)
	} else {
		b = text.AppendJSONString(b, *jq.Given, text.EscapeHTML)
	}
	if jq.CutOff {
		b = append(b, `,"cut_off":true`...)
	}
	if jq.SelfCheckCutOff {
		b = append(b, `,"self_check_cut_off":true`...)
	}
	b = text.AppendJSONOmitEmpty(b, `,"unreadable":`, jq.Unreadable, text.EscapeHTML)
	b = append(b, `,"state":`...)
	b = text.AppendJSONString(b, jq.State, text.EscapeHTML)
	if jq.Mark != nil {
		b = append(b, `,"mark":{`...)
		if b, err = jq.Mark.AppendJSONFields(b, text.EscapeHTML); err != nil {
			return b, err
		}
		b = append(b, '}')
	}
	b = text.AppendJSONOmitEmpty(b, `,"expected":`, jq.Expected, text.EscapeHTML)
	b = text.AppendJSONOmitEmpty(b, `,"feedback":`, jq.Feedback, text.EscapeHTML)
	return append(b, '}'), nil
}

// appendJSONBool appends *p, or null.
func appendJSONBool(b []byte, p *bool) []byte {
	if p == nil {
		return append(b, "null"...)
	}
	return strconv.AppendBool(b, *p)
}

// appendJSON appends results.json compact, as encoding/json wrote it before
// text.WriteJSON indented it (TestJSONResultAsEncodingJSON).
func (s *gradescopeSubmission) appendJSON(b []byte) ([]byte, error) {
	b = append(b, `{"score":`...)
	b, err := text.AppendJSONNumber(b, s.Score)
	if err != nil {
		return b, err
	}
	b = append(b, `,"output":`...)
	b = text.AppendJSONString(b, s.Output, text.EscapeHTML)
	b = append(b, `,"visibility":`...)
	b = text.AppendJSONString(b, s.Visibility, text.EscapeHTML)
	b = append(b, `,"tests":`...)
	b, err = appendGradescopeTests(b, s.Tests)
	return append(b, '}'), err
}

func (s *gradescopeUnreadable) appendJSON(b []byte) ([]byte, error) {
	b = append(b, `{"output":`...)
	b = text.AppendJSONString(b, s.Output, text.EscapeHTML)
	b = append(b, `,"score":`...)
	b = strconv.AppendInt(b, int64(s.Score), 10)
	b = append(b, `,"tests":`...)
	b, err := appendGradescopeTests(b, s.Tests)
	b = append(b, `,"visibility":`...)
	b = text.AppendJSONString(b, s.Visibility, text.EscapeHTML)
	return append(b, '}'), err
}

func appendGradescopeTests(b []byte, ts []gradescopeTest) ([]byte, error) {
	if ts == nil {
		return append(b, "null"...), nil
	}
	var err error
	b = append(b, '[')
	for i := range ts {
		t := &ts[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"name":`...)
		b = text.AppendJSONString(b, t.Name, text.EscapeHTML)
		if b, err = text.AppendJSONFloats(b, text.JSONFloat{Key: `,"score":`, V: t.Score}, text.JSONFloat{Key: `,"max_score":`, V: t.MaxScore}); err != nil {
			return b, err
		}
		b = append(b, `,"status":`...)
		b = text.AppendJSONString(b, t.Status, text.EscapeHTML)
		b = text.AppendJSONOmitEmpty(b, `,"output":`, t.Output, text.EscapeHTML)
		b = append(b, '}')
	}
	return append(b, ']'), nil
}
