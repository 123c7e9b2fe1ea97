package report

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/conflictq/conflictq/quiz/internal/jsonw"
	"github.com/conflictq/conflictq/quiz/internal/markjson"
)

// writeJSON writes the report as text.WriteJSON wrote it, byte for byte:
// encoding/json's fields in order, its omitempty and omitzero, HTML
// characters as they are, floats and times as it writes them, map keys
// sorted, nil slices as null; indented as its indenter indents. It is
// written by hand because encoding/json built its encoders for Report and
// its parts by reflection on first use, once a process, and every quiz that
// saves a report (-o, --report-dir, quiz --answers -o x.json) is a new
// process: 7% of quiz --answers ana40.yaml -o x.json's CPU (perf, 200 runs).
// TestReportJSONAsEncodingJSON holds it to encoding/json on every field and
// on random and hostile reports.
//
// It writes the indented document in one pass into one buffer, written in
// one write: indenting compact JSON in a second pass read every byte of the
// report again, as much time as writing it (Ana's 40 questions: 39 KB).
// Only an answer and a mark, small and of many shapes, are written compact
// and indented where they stand.
func (r *Report) writeJSON(w io.Writer) error {
	j := jsonIndented{Doc: jsonw.Doc{B: make([]byte, 0, 2048+1024*len(r.Questions))}, scratch: make([]byte, 0, 1024)}
	if err := j.report(r); err != nil {
		return err
	}
	_, err := w.Write(append(j.B, '\n'))
	return err
}

// jsonIndented is writeJSON's document (jsonw.Doc), with scratch for a
// value written compact before it is placed.
type jsonIndented struct {
	jsonw.Doc
	scratch []byte
}

func (j *jsonIndented) str(name, s string) {
	j.Key(name)
	j.B = jsonw.AppendString(j.B, s)
}

func (j *jsonIndented) omitEmpty(name, s string) {
	if s != "" {
		j.str(name, s)
	}
}

func (j *jsonIndented) int(name string, n int) {
	j.Key(name)
	j.B = strconv.AppendInt(j.B, int64(n), 10)
}

func (j *jsonIndented) bool(name string, v bool) {
	j.Key(name)
	j.B = strconv.AppendBool(j.B, v)
}

func (j *jsonIndented) null(name string) {
	j.Key(name)
	j.B = append(j.B, "null"...)
}

func (j *jsonIndented) float(name string, f float64) error {
	j.Key(name)
	var err error
	j.B, err = jsonw.AppendNumber(j.B, f)
	return err
}

func (j *jsonIndented) time(name string, t time.Time) error {
	j.Key(name)
	var err error
	j.B, err = jsonw.AppendTime(j.B, t)
	return err
}

// strings writes ss as encoding/json writes a []string: null for nil.
func (j *jsonIndented) strings(name string, ss []string) {
	if ss == nil {
		j.null(name)
		return
	}
	j.Key(name)
	j.Open('[')
	for _, s := range ss {
		j.Item()
		j.B = jsonw.AppendString(j.B, s)
	}
	j.Close(']')
}

// compact writes the value that appendValue appends compact, indented
// where it stands.
func (j *jsonIndented) compact(appendValue func(b []byte) ([]byte, error)) error {
	var err error
	if j.scratch, err = appendValue(j.scratch[:0]); err != nil {
		return err
	}
	j.Value(j.scratch)
	return nil
}

// report writes the report's members, then its lists (parts).
func (j *jsonIndented) report(r *Report) error {
	j.Open('{')
	j.int("schema_version", r.SchemaVersion)
	j.str("student", r.Student)
	j.strings("banks", r.Banks)
	if len(r.BankDigests) > 0 {
		j.Key("bank_digests")
		if err := j.compact(func(b []byte) ([]byte, error) { return jsonw.AppendMap(b, r.BankDigests, appendString) }); err != nil {
			return err
		}
	}
	if r.Seed != nil {
		j.Key("seed")
		j.B = strconv.AppendUint(j.B, *r.Seed, 10)
	}
	j.omitEmpty("set", r.Set)
	if len(r.Types) > 0 {
		j.strings("types", r.Types)
	}
	if len(r.Tags) > 0 {
		j.strings("tags", r.Tags)
	}
	j.omitEmpty("difficulty", r.Difficulty)
	j.str("mode", string(r.Mode))
	j.str("status", string(r.Status))
	j.str("ended_by", r.EndedBy)
	if err := j.time("started_at", r.StartedAt); err != nil {
		return err
	}
	if err := j.time("finished_at", r.FinishedAt); err != nil {
		return err
	}
	for _, f := range []jsonw.Float{{Key: "seconds", V: r.Seconds}, {Key: "score", V: r.Score}, {Key: "max_score", V: r.MaxScore}, {Key: "percent", V: r.Percent}} {
		if err := j.float(f.Key, f.V); err != nil {
			return err
		}
	}
	if r.PassPercent != nil {
		if err := j.float("pass_percent", *r.PassPercent); err != nil {
			return err
		}
	}
	if r.Passed != nil {
		j.bool("passed", *r.Passed)
	}
	j.int("answered", r.Answered)
	j.int("not_reached", r.NotReached)
	if err := j.parts(r); err != nil {
		return err
	}
	j.Close('}')
	return nil
}

// parts writes the report's lists: by_tag, questions and marks.
func (j *jsonIndented) parts(r *Report) error {
	if r.ByTag == nil {
		j.null("by_tag")
	} else {
		j.Key("by_tag")
		j.Open('[')
		for i := range r.ByTag {
			t := &r.ByTag[i]
			j.Item()
			j.Open('{')
			j.str("tag", t.Tag)
			j.int("questions", t.Questions)
			for _, f := range []jsonw.Float{{Key: "score", V: t.Score}, {Key: "max_score", V: t.MaxScore}, {Key: "percent", V: t.Percent}} {
				if err := j.float(f.Key, f.V); err != nil {
					return err
				}
			}
			j.Close('}')
		}
		j.Close(']')
	}
	if r.Questions == nil {
		j.null("questions")
	} else {
		j.Key("questions")
		j.Open('[')
		for i := range r.Questions {
			j.Item()
			if err := j.question(&r.Questions[i]); err != nil {
				return err
			}
		}
		j.Close(']')
	}
	if len(r.Marks) > 0 {
		j.Key("marks")
		j.Open('[')
		for i := range r.Marks {
			m := &r.Marks[i]
			j.Item()
			if err := j.compact(func(b []byte) ([]byte, error) {
				b = jsonw.AppendString(append(b, `{"id":`...), m.ID)
				b = jsonw.AppendString(append(b, `,"bank":`...), m.Bank)
				b, err := markjson.AppendFields(append(b, ','), &m.Mark)
				return append(b, '}'), err
			}); err != nil {
				return err
			}
		}
		j.Close(']')
	}
	return nil
}

func (j *jsonIndented) question(q *QuestionReport) error {
	j.Open('{')
	j.str("id", q.ID)
	j.str("bank", q.Bank)
	j.str("type", string(q.Type))
	j.str("prompt", q.Prompt)
	if q.Given == nil {
		j.null("given")
	} else {
		j.str("given", *q.Given)
	}
	if q.Answer != nil {
		j.Key("answer")
		if err := j.compact(func(b []byte) ([]byte, error) { return appendAny(b, q.Answer) }); err != nil {
			return err
		}
	}
	j.omitEmpty("unreadable", q.Unreadable)
	j.omitEmpty("expected", q.Expected)
	if q.Unseen {
		j.bool("unseen", true)
	}
	j.omitEmpty("digest", q.Digest)
	if q.CutOff {
		j.bool("cut_off", true)
	}
	if q.SelfCheckCutOff {
		j.bool("self_check_cut_off", true)
	}
	if q.Correct == nil {
		j.null("correct")
	} else {
		j.bool("correct", *q.Correct)
	}
	for _, f := range []jsonw.Float{{Key: "points", V: q.Points}, {Key: "max_points", V: q.MaxPoints}, {Key: "seconds", V: q.Seconds}} {
		if err := j.float(f.Key, f.V); err != nil {
			return err
		}
	}
	j.strings("tags", q.Tags)
	j.omitEmpty("source", q.Source)
	if q.SelfCheck != nil {
		j.bool("self_check", *q.SelfCheck)
	}
	if q.SelfCheckPoints != nil {
		j.Key("self_check_points")
		j.Open('[')
		for _, n := range q.SelfCheckPoints {
			j.Item()
			j.B = strconv.AppendInt(j.B, int64(n), 10)
		}
		j.Close(']')
	}
	j.Close('}')
	return nil
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
