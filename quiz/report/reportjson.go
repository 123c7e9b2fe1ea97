package report

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/conflictq/conflictq/quiz/text"
)

// writeJSON writes the report as text.WriteJSON wrote it, byte for byte:
// encoding/json's fields in order, its omitempty and omitzero, HTML
// characters as they are, floats and times as it writes them, map keys
// sorted, nil slices as null; indented by the same indenter. It is written
// by hand because encoding/json built its encoders for Report and its parts
// by reflection on first use, once a process, and every quiz that saves a
// report (-o, --report-dir, quiz --answers -o x.json) is a new process: 7%
// of quiz --answers ana40.yaml -o x.json's CPU (perf, 200 runs).
// TestReportJSONAsEncodingJSON holds it to encoding/json on every field and
// on random and hostile reports.
func (r *Report) writeJSON(w io.Writer) error {
	b, err := r.appendJSON(make([]byte, 0, 1024+1024*len(r.Questions)))
	if err != nil {
		return err
	}
	return text.WriteIndentedJSON(w, b)
}

func (r *Report) appendJSON(b []byte) ([]byte, error) {
	var err error
	b = append(b, `{"schema_version":`...)
	b = strconv.AppendInt(b, int64(r.SchemaVersion), 10)
	b = append(b, `,"student":`...)
	b = text.AppendJSONString(b, r.Student)
	b = append(b, `,"banks":`...)
	b = text.AppendJSONStrings(b, r.Banks)
	if len(r.BankDigests) > 0 {
		b, _ = text.AppendJSONMap(append(b, `,"bank_digests":`...), r.BankDigests, appendString) // appendString never fails
	}
	if r.Seed != nil {
		b = append(b, `,"seed":`...)
		b = strconv.AppendUint(b, *r.Seed, 10)
	}
	b = text.AppendJSONOmitEmpty(b, `,"set":`, r.Set)
	if len(r.Types) > 0 {
		b = text.AppendJSONStrings(append(b, `,"types":`...), r.Types)
	}
	if len(r.Tags) > 0 {
		b = text.AppendJSONStrings(append(b, `,"tags":`...), r.Tags)
	}
	b = text.AppendJSONOmitEmpty(b, `,"difficulty":`, r.Difficulty)
	b = text.AppendJSONString(append(b, `,"mode":`...), string(r.Mode))
	b = text.AppendJSONString(append(b, `,"status":`...), string(r.Status))
	b = text.AppendJSONString(append(b, `,"ended_by":`...), r.EndedBy)
	if b, err = text.AppendJSONTime(append(b, `,"started_at":`...), r.StartedAt); err != nil {
		return b, err
	}
	if b, err = text.AppendJSONTime(append(b, `,"finished_at":`...), r.FinishedAt); err != nil {
		return b, err
	}
	if b, err = text.AppendJSONFloats(b, text.JSONFloat{Key: `,"seconds":`, V: r.Seconds}, text.JSONFloat{Key: `,"score":`, V: r.Score}, text.JSONFloat{Key: `,"max_score":`, V: r.MaxScore}, text.JSONFloat{Key: `,"percent":`, V: r.Percent}); err != nil {
		return b, err
	}
	if r.PassPercent != nil {
		if b, err = text.AppendJSONFloats(b, text.JSONFloat{Key: `,"pass_percent":`, V: *r.PassPercent}); err != nil {
			return b, err
		}
	}
	if r.Passed != nil {
		b = strconv.AppendBool(append(b, `,"passed":`...), *r.Passed)
	}
	b = strconv.AppendInt(append(b, `,"answered":`...), int64(r.Answered), 10)
	b = strconv.AppendInt(append(b, `,"not_reached":`...), int64(r.NotReached), 10)
	if b, err = r.appendParts(b); err != nil {
		return b, err
	}
	return append(b, '}'), nil
}

// appendParts appends the report's lists: by_tag, questions and marks.
func (r *Report) appendParts(b []byte) ([]byte, error) {
	var err error
	b = append(b, `,"by_tag":`...)
	if r.ByTag == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range r.ByTag {
			t := &r.ByTag[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = text.AppendJSONString(append(b, `{"tag":`...), t.Tag)
			b = strconv.AppendInt(append(b, `,"questions":`...), int64(t.Questions), 10)
			if b, err = text.AppendJSONFloats(b, text.JSONFloat{Key: `,"score":`, V: t.Score}, text.JSONFloat{Key: `,"max_score":`, V: t.MaxScore}, text.JSONFloat{Key: `,"percent":`, V: t.Percent}); err != nil {
				return b, err
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if b, err = text.AppendJSONList(append(b, `,"questions":`...), r.Questions, (*QuestionReport).appendJSON); err != nil {
		return b, err
	}
	if len(r.Marks) > 0 {
		b = append(b, `,"marks":[`...)
		for i := range r.Marks {
			m := &r.Marks[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = text.AppendJSONString(append(b, `{"id":`...), m.ID)
			b = text.AppendJSONString(append(b, `,"bank":`...), m.Bank)
			if b, err = m.Mark.AppendJSONFields(append(b, ',')); err != nil {
				return b, err
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return b, nil
}

func (q *QuestionReport) appendJSON(b []byte) ([]byte, error) {
	var err error
	b = text.AppendJSONString(append(b, `{"id":`...), q.ID)
	b = text.AppendJSONString(append(b, `,"bank":`...), q.Bank)
	b = text.AppendJSONString(append(b, `,"type":`...), string(q.Type))
	b = text.AppendJSONString(append(b, `,"prompt":`...), q.Prompt)
	b = append(b, `,"given":`...)
	if q.Given == nil {
		b = append(b, "null"...)
	} else {
		b = text.AppendJSONString(b, *q.Given)
	}
	if q.Answer != nil {
		if b, err = appendAny(append(b, `,"answer":`...), q.Answer); err != nil {
			return b, err
		}
	}
	b = text.AppendJSONOmitEmpty(b, `,"unreadable":`, q.Unreadable)
	b = text.AppendJSONOmitEmpty(b, `,"expected":`, q.Expected)
	if q.Unseen {
		b = append(b, `,"unseen":true`...)
	}
	b = text.AppendJSONOmitEmpty(b, `,"digest":`, q.Digest)
	if q.CutOff {
		b = append(b, `,"cut_off":true`...)
	}
	if q.SelfCheckCutOff {
		b = append(b, `,"self_check_cut_off":true`...)
	}
	b = append(b, `,"correct":`...)
	if q.Correct == nil {
		b = append(b, "null"...)
	} else {
		b = strconv.AppendBool(b, *q.Correct)
	}
	if b, err = text.AppendJSONFloats(b, text.JSONFloat{Key: `,"points":`, V: q.Points}, text.JSONFloat{Key: `,"max_points":`, V: q.MaxPoints}, text.JSONFloat{Key: `,"seconds":`, V: q.Seconds}); err != nil {
		return b, err
	}
	b = text.AppendJSONStrings(append(b, `,"tags":`...), q.Tags)
	b = text.AppendJSONOmitEmpty(b, `,"source":`, q.Source)
	if q.SelfCheck != nil {
		b = strconv.AppendBool(append(b, `,"self_check":`...), *q.SelfCheck)
	}
	if q.SelfCheckPoints != nil {
		b = append(b, `,"self_check_points":[`...)
		for i, n := range q.SelfCheckPoints {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(n), 10)
		}
		b = append(b, ']')
	}
	return append(b, '}'), nil
}

// appendString appends s quoted, for AppendJSONMap; it never fails.
func appendString(b []byte, s string) ([]byte, error) { return text.AppendJSONString(b, s), nil }

// appendAny appends an answer as AnswerOf makes it or as Read decodes it;
// any other value (none is made) as encoding/json writes it.
func appendAny(b []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case string:
		return text.AppendJSONString(b, v), nil
	case bool:
		return strconv.AppendBool(b, v), nil
	case float64:
		return text.AppendJSONNumber(b, v)
	case []string:
		return text.AppendJSONStrings(b, v), nil
	case map[string]string:
		return text.AppendJSONMap(b, v, appendString)
	case []any:
		return text.AppendJSONList(b, v, func(e *any, b []byte) ([]byte, error) { return appendAny(b, *e) })
	case map[string]any:
		return text.AppendJSONMap(b, v, appendAny)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return b, err
	}
	return append(b, strings.TrimSuffix(buf.String(), "\n")...), nil
}
