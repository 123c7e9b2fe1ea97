package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

// An open answer sent with Enter whose self-check was cut short is never
// said to be "not yet sent": Markdown says the ticks were kept, CSV's
// cut_off is false (review 23 #1).
func TestSelfCheckCutShortIsNotACutOffAnswer(t *testing.T) {
	essay := "Both sides lost homes"
	rep := &Report{Student: "Bo", MaxScore: 1, Questions: []QuestionReport{
		{ID: "o", Type: quiz.Open, Prompt: "Why?", Given: &essay, MaxPoints: 1, SelfCheckCutOff: true, SelfCheckPoints: []int{1}},
	}}
	var buf bytes.Buffer
	if err := rep.Write(&buf, FormatMarkdown); err != nil {
		t.Fatal(err)
	}
	if md := buf.String(); strings.Contains(md, quiz.CutOffNote) || !strings.Contains(md, "- Your answer: Both sides lost homes _("+quiz.SelfCheckCutOffNote+")_") {
		t.Errorf("markdown:\n%s", md)
	}
	buf.Reset()
	if err := rep.Write(&buf, FormatCSV); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if last := len(rows[1]) - 1; rows[1][last] != "false" {
		t.Errorf("CSV cut_off %q, want false", rows[1][last])
	}
}

// A report written before self_check_cut_off said cut_off beside an open
// answer's self_check_points: both readers (grade's and mark's) read it as
// a self-check cut short, not as an answer never sent. A cut_off without
// a self-check stays a cut-off answer.
func TestOldCutOffSelfCheckReadsAsSelfCheckCutOff(t *testing.T) {
	const old = `{"schema_version": 2, "student": "Bo", "questions": [
{"id": "o", "bank": "b", "type": "open", "given": "A union.", "cut_off": true, "self_check": false, "self_check_points": [1]},
{"id": "p", "bank": "b", "type": "open", "given": "A uni", "cut_off": true}]}`
	rep, err := Read("bo.json", []byte(old))
	if err != nil {
		t.Fatal(err)
	}
	graded, err := ReadAnswers("bo.json", []byte(old))
	if err != nil {
		t.Fatal(err)
	}
	if q := rep.Questions[0]; q.CutOff || !q.SelfCheckCutOff {
		t.Errorf("Read: cut_off %v self_check_cut_off %v, want false, true", q.CutOff, q.SelfCheckCutOff)
	}
	if q := graded.Questions[0]; q.CutOff || !q.SelfCheckCutOff {
		t.Errorf("ReadAnswers: cut_off %v self_check_cut_off %v, want false, true", q.CutOff, q.SelfCheckCutOff)
	}
	if q := rep.Questions[1]; !q.CutOff || q.SelfCheckCutOff {
		t.Errorf("a typed answer cut off: cut_off %v self_check_cut_off %v, want true, false", q.CutOff, q.SelfCheckCutOff)
	}
	if q := graded.Questions[1]; !q.CutOff || q.SelfCheckCutOff {
		t.Errorf("ReadAnswers, a typed answer cut off: cut_off %v self_check_cut_off %v", q.CutOff, q.SelfCheckCutOff)
	}
}
