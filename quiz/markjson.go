package quiz

import "github.com/conflictq/conflictq/quiz/text"

// AppendJSONFields appends the mark's members as encoding/json writes them
// (points, then comment, marker, time and answer_sha256 when set), without
// the braces: grade --format json writes them as an object, a report's marks
// beside the question's id and bank. Written by hand, as those files are,
// because encoding/json's reflection is set up again by every run;
// TestMarkJSONAsEncodingJSON holds it to encoding/json, field by field.
func (m *Mark) AppendJSONFields(b []byte, opts ...text.JSONOption) ([]byte, error) {
	b = append(b, `"points":`...)
	b, err := text.AppendJSONNumber(b, m.Points)
	if err != nil {
		return b, err
	}
	if m.Comment != "" {
		b = append(b, `,"comment":`...)
		b = text.AppendJSONString(b, m.Comment, opts...)
	}
	if m.Marker != "" {
		b = append(b, `,"marker":`...)
		b = text.AppendJSONString(b, m.Marker, opts...)
	}
	if !m.At.IsZero() {
		b = append(b, `,"time":`...)
		if b, err = text.AppendJSONTime(b, m.At); err != nil {
			return b, err
		}
	}
	if m.Answer != "" {
		b = append(b, `,"answer_sha256":`...)
		b = text.AppendJSONString(b, m.Answer, opts...)
	}
	return b, nil
}
