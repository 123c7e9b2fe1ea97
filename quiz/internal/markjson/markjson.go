// Package markjson writes a quiz.Mark's members as encoding/json writes them,
// by hand (quiz/internal/jsonw), for the two writers that put marks in JSON:
// grade --format json and a quiz's JSON report. It is a package of its own,
// not a method of quiz.Mark, so that the model exports no speed path; and
// not part of jsonw, which quiz/text imports and so cannot import quiz.
package markjson

import (
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/jsonw"
)

// AppendFields appends the mark's members as encoding/json writes them
// (points, then comment, marker, time and answer_sha256 when set), without
// the braces: grade --format json writes them as an object, a report's marks
// beside the question's id and bank. Written by hand, as those files are,
// because encoding/json's reflection is set up again by every run;
// TestMarkJSONAsEncodingJSON holds it to encoding/json, field by field.
func AppendFields(b []byte, m *quiz.Mark, opts ...jsonw.Option) ([]byte, error) {
	b = append(b, `"points":`...)
	b, err := jsonw.AppendNumber(b, m.Points)
	if err != nil {
		return b, err
	}
	if m.Comment != "" {
		b = append(b, `,"comment":`...)
		b = jsonw.AppendString(b, m.Comment, opts...)
	}
	if m.Marker != "" {
		b = append(b, `,"marker":`...)
		b = jsonw.AppendString(b, m.Marker, opts...)
	}
	if !m.At.IsZero() {
		b = append(b, `,"time":`...)
		if b, err = jsonw.AppendTime(b, m.At); err != nil {
			return b, err
		}
	}
	if m.Answer != "" {
		b = append(b, `,"answer_sha256":`...)
		b = jsonw.AppendString(b, m.Answer, opts...)
	}
	return b, nil
}
