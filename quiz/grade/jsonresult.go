package grade

import (
	"strconv"

	"github.com/conflictq/conflictq/quiz/internal/jsonw"
	"github.com/conflictq/conflictq/quiz/internal/markjson"
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
	b = jsonw.AppendString(b, jr.Student, jsonw.EscapeHTML)
	b = append(b, `,"file":`...)
	b = jsonw.AppendString(b, jr.File, jsonw.EscapeHTML)
	if jr.Line != 0 {
		b = append(b, `,"line":`...)
		b = strconv.AppendInt(b, int64(jr.Line), 10)
	}
	b = append(b, `,"banks":`...)
	b = jsonw.AppendStrings(b, jr.Banks, jsonw.EscapeHTML)
	if b, err = jsonw.AppendFloats(b, jsonw.Float{Key: `,"score":`, V: jr.Score}, jsonw.Float{Key: `,"max_score":`, V: jr.MaxScore}, jsonw.Float{Key: `,"percent":`, V: jr.Percent}); err != nil {
		return b, err
	}
	b = append(b, `,"passed":`...)
	b = appendJSONBool(b, jr.Passed)
	b = append(b, `,"status":`...)
	b = jsonw.AppendString(b, jr.Status, jsonw.EscapeHTML)
	b = append(b, `,"status_text":`...)
	b = jsonw.AppendString(b, jr.StatusText, jsonw.EscapeHTML)
	b = append(b, `,"to_mark":`...)
	b = strconv.AppendInt(b, int64(jr.ToMark), 10)
	b = append(b, `,"not_reached":`...)
	b = strconv.AppendInt(b, int64(jr.NotReached), 10)
	b = jsonw.AppendOmitEmpty(b, `,"ended_by":`, jr.EndedBy, jsonw.EscapeHTML)
	b = jsonw.AppendOmitEmpty(b, `,"error":`, jr.Error, jsonw.EscapeHTML)
	if b, err = jsonw.AppendList(append(b, `,"questions":`...), jr.Questions, (*jsonQuestion).appendJSON); err != nil {
		return b, err
	}
	return append(b, '}'), nil
}

func (jq *jsonQuestion) appendJSON(b []byte) ([]byte, error) {
	var err error
	b = append(b, `{"id":`...)
	b = jsonw.AppendString(b, jq.ID, jsonw.EscapeHTML)
	b = append(b, `,"bank":`...)
	b = jsonw.AppendString(b, jq.Bank, jsonw.EscapeHTML)
	b = append(b, `,"correct":`...)
	b = appendJSONBool(b, jq.Correct)
	if b, err = jsonw.AppendFloats(b, jsonw.Float{Key: `,"points":`, V: jq.Points}, jsonw.Float{Key: `,"max_points":`, V: jq.MaxPoints}); err != nil {
		return b, err
	}
	b = append(b, `,"given":`...)
	if jq.Given == nil {
		b = append(b, "null"...)
	} else {
		b = jsonw.AppendString(b, *jq.Given, jsonw.EscapeHTML)
	}
	if jq.CutOff {
		b = append(b, `,"cut_off":true`...)
	}
	if jq.SelfCheckCutOff {
		b = append(b, `,"self_check_cut_off":true`...)
	}
	b = jsonw.AppendOmitEmpty(b, `,"unreadable":`, jq.Unreadable, jsonw.EscapeHTML)
	b = append(b, `,"state":`...)
	b = jsonw.AppendString(b, jq.State, jsonw.EscapeHTML)
	if jq.Mark != nil {
		b = append(b, `,"mark":{`...)
		if b, err = markjson.AppendFields(b, jq.Mark, jsonw.EscapeHTML); err != nil {
			return b, err
		}
		b = append(b, '}')
	}
	b = jsonw.AppendOmitEmpty(b, `,"expected":`, jq.Expected, jsonw.EscapeHTML)
	b = jsonw.AppendOmitEmpty(b, `,"feedback":`, jq.Feedback, jsonw.EscapeHTML)
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
	b, err := jsonw.AppendNumber(b, s.Score)
	if err != nil {
		return b, err
	}
	b = append(b, `,"output":`...)
	b = jsonw.AppendString(b, s.Output, jsonw.EscapeHTML)
	b = append(b, `,"visibility":`...)
	b = jsonw.AppendString(b, s.Visibility, jsonw.EscapeHTML)
	b = append(b, `,"tests":`...)
	b, err = appendGradescopeTests(b, s.Tests)
	return append(b, '}'), err
}

func (s *gradescopeUnreadable) appendJSON(b []byte) ([]byte, error) {
	b = append(b, `{"output":`...)
	b = jsonw.AppendString(b, s.Output, jsonw.EscapeHTML)
	b = append(b, `,"score":`...)
	b = strconv.AppendInt(b, int64(s.Score), 10)
	b = append(b, `,"tests":`...)
	b, err := appendGradescopeTests(b, s.Tests)
	b = append(b, `,"visibility":`...)
	b = jsonw.AppendString(b, s.Visibility, jsonw.EscapeHTML)
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
		b = jsonw.AppendString(b, t.Name, jsonw.EscapeHTML)
		if b, err = jsonw.AppendFloats(b, jsonw.Float{Key: `,"score":`, V: t.Score}, jsonw.Float{Key: `,"max_score":`, V: t.MaxScore}); err != nil {
			return b, err
		}
		b = append(b, `,"status":`...)
		b = jsonw.AppendString(b, t.Status, jsonw.EscapeHTML)
		b = jsonw.AppendOmitEmpty(b, `,"output":`, t.Output, jsonw.EscapeHTML)
		b = append(b, '}')
	}
	return append(b, ']'), nil
}
