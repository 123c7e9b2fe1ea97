package report

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/conflictq/conflictq/quiz/internal/jsonw"
	"github.com/conflictq/conflictq/quiz/internal/markjson"
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
//
// The compact JSON is indented a few KB at a time into the one buffer that
// is written, in one write: the whole compact document beside the indented
// one was 74 KB of fresh memory (a page fault a page) and three writes for
// Ana's 40 questions, now 45 KB and one.
func (r *Report) writeJSON(w io.Writer) error {
	j := jsonIndented{out: make([]byte, 0, 2048+1280*len(r.Questions))}
	b, err := r.appendJSON(make([]byte, 0, 2*jsonSpill), j.spill)
	if err != nil {
		return err
	}
	j.out = append(j.ind.AppendTo(j.out, b), '\n')
	_, err = w.Write(j.out)
	return err
}

// jsonSpill is how much compact JSON writeJSON holds before indenting it.
const jsonSpill = 4 << 10

// jsonIndented is writeJSON's indented document so far.
type jsonIndented struct {
	ind jsonw.Indenter
	out []byte
}

// spill indents the compact JSON b into out once it is jsonSpill long, and
// returns b to be appended to again.
func (j *jsonIndented) spill(b []byte) []byte {
	if len(b) < jsonSpill {
		return b
	}
	j.out = j.ind.AppendTo(j.out, b)
	return b[:0]
}

// appendJSON appends the report as compact JSON; spill is given what is
// appended so far after each question and returns what to append to next.
func (r *Report) appendJSON(b []byte, spill func([]byte) []byte) ([]byte, error) {
	var err error
	b = append(b, `{"schema_version":`...)
	b = strconv.AppendInt(b, int64(r.SchemaVersion), 10)
	b = append(b, `,"student":`...)
	b = jsonw.AppendString(b, r.Student)
	b = append(b, `,"banks":`...)
	b = jsonw.AppendStrings(b, r.Banks)
	if len(r.BankDigests) > 0 {
		b, _ = jsonw.AppendMap(append(b, `,"bank_digests":`...), r.BankDigests, appendString) // appendString never fails
	}
	if r.Seed != nil {
		b = append(b, `,"seed":`...)
		b = strconv.AppendUint(b, *r.Seed, 10)
	}
	b = jsonw.AppendOmitEmpty(b, `,"set":`, r.Set)
	if len(r.Types) > 0 {
		b = jsonw.AppendStrings(append(b, `,"types":`...), r.Types)
	}
	if len(r.Tags) > 0 {
		b = jsonw.AppendStrings(append(b, `,"tags":`...), r.Tags)
	}
	b = jsonw.AppendOmitEmpty(b, `,"difficulty":`, r.Difficulty)
	b = jsonw.AppendString(append(b, `,"mode":`...), string(r.Mode))
	b = jsonw.AppendString(append(b, `,"status":`...), string(r.Status))
	b = jsonw.AppendString(append(b, `,"ended_by":`...), r.EndedBy)
	if b, err = jsonw.AppendTime(append(b, `,"started_at":`...), r.StartedAt); err != nil {
		return b, err
	}
	if b, err = jsonw.AppendTime(append(b, `,"finished_at":`...), r.FinishedAt); err != nil {
		return b, err
	}
	if b, err = jsonw.AppendFloats(b, jsonw.Float{Key: `,"seconds":`, V: r.Seconds}, jsonw.Float{Key: `,"score":`, V: r.Score}, jsonw.Float{Key: `,"max_score":`, V: r.MaxScore}, jsonw.Float{Key: `,"percent":`, V: r.Percent}); err != nil {
		return b, err
	}
	if r.PassPercent != nil {
		if b, err = jsonw.AppendFloats(b, jsonw.Float{Key: `,"pass_percent":`, V: *r.PassPercent}); err != nil {
			return b, err
		}
	}
	if r.Passed != nil {
		b = strconv.AppendBool(append(b, `,"passed":`...), *r.Passed)
	}
	b = strconv.AppendInt(append(b, `,"answered":`...), int64(r.Answered), 10)
	b = strconv.AppendInt(append(b, `,"not_reached":`...), int64(r.NotReached), 10)
	if b, err = r.appendParts(b, spill); err != nil {
		return b, err
	}
	return append(b, '}'), nil
}

// appendParts appends the report's lists: by_tag, questions and marks.
func (r *Report) appendParts(b []byte, spill func([]byte) []byte) ([]byte, error) {
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
			b = jsonw.AppendString(append(b, `{"tag":`...), t.Tag)
			b = strconv.AppendInt(append(b, `,"questions":`...), int64(t.Questions), 10)
			if b, err = jsonw.AppendFloats(b, jsonw.Float{Key: `,"score":`, V: t.Score}, jsonw.Float{Key: `,"max_score":`, V: t.MaxScore}, jsonw.Float{Key: `,"percent":`, V: t.Percent}); err != nil {
				return b, err
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	question := func(q *QuestionReport, b []byte) ([]byte, error) {
		b, err := q.appendJSON(b)
		return spill(b), err
	}
	if b, err = jsonw.AppendList(append(b, `,"questions":`...), r.Questions, question); err != nil {
		return b, err
	}
	if len(r.Marks) > 0 {
		b = append(b, `,"marks":[`...)
		for i := range r.Marks {
			m := &r.Marks[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = jsonw.AppendString(append(b, `{"id":`...), m.ID)
			b = jsonw.AppendString(append(b, `,"bank":`...), m.Bank)
			if b, err = markjson.AppendFields(append(b, ','), &m.Mark); err != nil {
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
	b = jsonw.AppendString(append(b, `{"id":`...), q.ID)
	b = jsonw.AppendString(append(b, `,"bank":`...), q.Bank)
	b = jsonw.AppendString(append(b, `,"type":`...), string(q.Type))
	b = jsonw.AppendString(append(b, `,"prompt":`...), q.Prompt)
	b = append(b, `,"given":`...)
	if q.Given == nil {
		b = append(b, "null"...)
	} else {
		b = jsonw.AppendString(b, *q.Given)
	}
	if q.Answer != nil {
		if b, err = appendAny(append(b, `,"answer":`...), q.Answer); err != nil {
			return b, err
		}
	}
	b = jsonw.AppendOmitEmpty(b, `,"unreadable":`, q.Unreadable)
	b = jsonw.AppendOmitEmpty(b, `,"expected":`, q.Expected)
	if q.Unseen {
		b = append(b, `,"unseen":true`...)
	}
	b = jsonw.AppendOmitEmpty(b, `,"digest":`, q.Digest)
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
	if b, err = jsonw.AppendFloats(b, jsonw.Float{Key: `,"points":`, V: q.Points}, jsonw.Float{Key: `,"max_points":`, V: q.MaxPoints}, jsonw.Float{Key: `,"seconds":`, V: q.Seconds}); err != nil {
		return b, err
	}
	b = jsonw.AppendStrings(append(b, `,"tags":`...), q.Tags)
	b = jsonw.AppendOmitEmpty(b, `,"source":`, q.Source)
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

// appendString appends s quoted, for jsonw.AppendMap; it never fails.
func appendString(b []byte, s string) ([]byte, error) { return jsonw.AppendString(b, s), nil }

// appendAny appends an answer as AnswerOf makes it or as Read decodes it;
// any other value (none is made) as encoding/json writes it.
func appendAny(b []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case string:
		return jsonw.AppendString(b, v), nil
	case bool:
		return strconv.AppendBool(b, v), nil
	case float64:
		return jsonw.AppendNumber(b, v)
	case []string:
		return jsonw.AppendStrings(b, v), nil
	case map[string]string:
		return jsonw.AppendMap(b, v, appendString)
	case []any:
		return jsonw.AppendList(b, v, func(e *any, b []byte) ([]byte, error) { return appendAny(b, *e) })
	case map[string]any:
		return jsonw.AppendMap(b, v, appendAny)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return b, err
	}
	return append(b, strings.TrimSuffix(buf.String(), "\n")...), nil
}
