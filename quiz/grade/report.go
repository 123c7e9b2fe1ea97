package grade

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/report"
	"github.com/conflictq/conflictq/quiz/sheet"
	"github.com/conflictq/conflictq/quiz/text"
)

// IsReport reports whether a JSON file is a quiz's score report (conflictq quiz
// -o name.json) rather than an answer sheet: only reports carry schema_version.
func IsReport(data []byte) bool {
	return bytes.Contains(data[:min(len(data), 4096)], []byte(`"schema_version"`))
}

// GradeReport grades a quiz's JSON score report again from what the student
// gave, against the banks as they are now, as a sheet is graded: a corrected
// bank re-marks a class. A teacher's marks of open answers count; questions
// keep the order they were asked in. A bank whose digest differs from the one the
// report recorded is a warning; a question the banks no longer have, or an
// answer that no longer reads (an option renamed), is an unreadable answer
// that scores 0. Errors name the file.
func (g *Grader) GradeReport(file string, data []byte) (*SheetResult, error) {
	rep, err := readAnswers(file, data)
	if err != nil {
		return nil, err
	}
	banks, err := g.banksFor(&sheet.Sheet{File: file, Banks: rep.Banks})
	if err != nil {
		return nil, err
	}
	res := &SheetResult{File: file, Student: rep.Student, Banks: rep.Banks,
		Incomplete: rep.Status == quiz.Incomplete || rep.EndedBy == quiz.EndTimeLimit, EndedBy: rep.EndedBy, Started: rep.StartedAt}
	byID := map[string]*quiz.Question{}
	for _, b := range banks {
		if want := rep.BankDigests[b.ID]; want != "" {
			if now := quiz.Digest(b.Questions...); now != want {
				res.Problems = append(res.Problems, quiz.Problem{File: file, Line: 1, Warning: true,
					Msg: fmt.Sprintf("bank %s changed since this quiz was taken (digest %s, now %s); graded again on the bank as it is now", b.ID, want, now)})
			}
		}
		for _, q := range b.Questions {
			byID[b.ID+"\x00"+q.ID] = q
		}
	}
	for _, qr := range rep.Questions {
		q := byID[qr.Bank+"\x00"+qr.ID]
		if q == nil {
			res.Problems = append(res.Problems, quiz.Problem{File: file, Line: 1, Question: qr.ID,
				Msg: fmt.Sprintf("no such question in %s; it scores 0", strings.Join(bankIDs(banks), ", "))})
			continue
		}
		o := quiz.Outcome{Question: &quiz.Presented{Question: q}, Seconds: qr.Seconds, Unseen: qr.Unseen}
		v := answerValue(q, qr.Given, qr.Answer, rep.SchemaVersion)
		if r, err := q.Resolve(v, nil); err != nil {
			o.Response = quiz.Response{Unreadable: v.Verbatim()}
			res.Problems = append(res.Problems, quiz.Problem{File: file, Line: 1, Question: q.ID, Msg: err.Error()})
		} else {
			o.Response = r
		}
		if qr.Unreadable != "" && !o.Response.Answered {
			o.Response.Unreadable = qr.Unreadable
		}
		o.Response.SelfCheck = qr.SelfCheck
		o.Fraction = quiz.Score(q, o.Response)
		if m := rep.MarkFor(q.Bank, q.ID); m != nil && q.Type == quiz.Open {
			mark := *m
			mark.Points = max(0, min(q.Points, mark.Points))
			o.Mark = &mark
		}
		res.Outcomes = append(res.Outcomes, o)
	}
	for _, o := range res.Outcomes {
		res.Score += o.Points()
		res.Max += o.MaxPoints()
	}
	res.Score = text.Round2(res.Score)
	res.Percent = text.Percent(res.Score, res.Max)
	if g.Pass != nil && res.Max > 0 {
		passed := res.Percent >= *g.Pass
		res.Passed = &passed
	}
	return res, nil
}

// reportAnswers is the part of a report that grading reads: decoding only it
// skips the prompts, model answers and citations, most of a report's bytes.
type reportAnswers struct {
	SchemaVersion int               `json:"schema_version"`
	Student       string            `json:"student"`
	Banks         []string          `json:"banks"`
	BankDigests   map[string]string `json:"bank_digests"`
	Status        quiz.Status       `json:"status"`
	EndedBy       string            `json:"ended_by"`
	StartedAt     time.Time         `json:"started_at"`
	Questions     []struct {
		ID         string  `json:"id"`
		Bank       string  `json:"bank"`
		Given      *string `json:"given"`
		Answer     any     `json:"answer"`
		Unreadable string  `json:"unreadable"`
		Unseen     bool    `json:"unseen"`
		Seconds    float64 `json:"seconds"`
		SelfCheck  *bool   `json:"self_check"`
	} `json:"questions"`
	Marks []report.Mark `json:"marks"`
}

// MarkFor returns the mark of a question, or nil.
func (r *reportAnswers) MarkFor(bank, id string) *quiz.Mark {
	for i := range r.Marks {
		if r.Marks[i].Bank == bank && r.Marks[i].ID == id {
			return &r.Marks[i].Mark
		}
	}
	return nil
}

// readAnswers reads a report as report.Read does, versions 1 and 2.
func readAnswers(file string, data []byte) (*reportAnswers, error) {
	var rep reportAnswers
	if err := json.Unmarshal(data, &rep); err != nil {
		return nil, &quiz.InvalidError{Problems: []quiz.Problem{{File: file, Line: 1, Msg: "not a conflictq quiz report: " + err.Error()}}}
	}
	if rep.SchemaVersion < 1 || rep.SchemaVersion > report.SchemaVersion {
		return nil, &quiz.InvalidError{Problems: []quiz.Problem{{File: file, Line: 1, Field: "schema_version",
			Msg: fmt.Sprintf("report version %d; this conflictq reads versions 1 to %d", rep.SchemaVersion, report.SchemaVersion)}}}
	}
	return &rep, nil
}

// answerValue is a report's answer as a sheet's Value: version 2 reports hold
// it as a sheet would (answer); version 1 only as the text Question.Given
// wrote (given), split back by its separators.
func answerValue(q *quiz.Question, givenText *string, answer any, version int) quiz.Value {
	if version >= 2 && answer != nil {
		return valueOf(answer)
	}
	if givenText == nil {
		return quiz.Value{}
	}
	given := *givenText
	switch q.Type {
	case quiz.Multi:
		return quiz.Value{Kind: quiz.List, List: strings.Split(given, "; ")}
	case quiz.Order:
		return quiz.Value{Kind: quiz.List, List: strings.Split(given, " → ")}
	case quiz.Match:
		v := quiz.Value{Kind: quiz.Mapping}
		for _, p := range strings.Split(given, "; ") {
			left, right, _ := strings.Cut(p, " = ")
			if right != "?" {
				v.Pairs = append(v.Pairs, [2]string{left, right})
			}
		}
		return v
	}
	return quiz.Value{Kind: quiz.Scalar, Text: given}
}

// valueOf is a JSON value decoded into any, as a sheet's Value.
func valueOf(a any) quiz.Value {
	scalar := func(a any) (string, bool) {
		switch x := a.(type) {
		case string:
			return x, true
		case bool:
			return strconv.FormatBool(x), true
		case float64:
			return strconv.FormatFloat(x, 'f', -1, 64), true
		}
		return "", false
	}
	if s, ok := scalar(a); ok {
		return quiz.Value{Kind: quiz.Scalar, Text: s}
	}
	switch x := a.(type) {
	case []any:
		v := quiz.Value{Kind: quiz.List}
		for _, e := range x {
			s, ok := scalar(e)
			if !ok {
				return quiz.Value{Kind: quiz.Nested}
			}
			v.List = append(v.List, s)
		}
		return v
	case map[string]any:
		v := quiz.Value{Kind: quiz.Mapping}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			s, ok := scalar(x[k])
			if !ok {
				return quiz.Value{Kind: quiz.Nested}
			}
			v.Pairs = append(v.Pairs, [2]string{k, s})
		}
		return v
	}
	return quiz.Value{}
}
