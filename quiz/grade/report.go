package grade

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

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

// GradeReport reads a quiz's JSON score report as a graded sheet, so that a
// class's reports are gathered, counted and reported like its answer sheets.
// The marks are the report's own (the quiz marked them); the answers are
// matched back to the bank's options, for the response analysis; the questions
// are put in the banks' order, as grading a sheet puts them. A question the
// banks no longer have is an unreadable answer that scores 0. Errors name the
// file.
func (g *Grader) GradeReport(file string, data []byte) (*SheetResult, error) {
	var rep report.Report
	if err := json.Unmarshal(data, &rep); err != nil {
		return nil, &quiz.InvalidError{Problems: []quiz.Problem{{File: file, Line: 1, Msg: "not a conflictq quiz report: " + err.Error()}}}
	}
	if rep.SchemaVersion != report.SchemaVersion {
		return nil, &quiz.InvalidError{Problems: []quiz.Problem{{File: file, Line: 1, Field: "schema_version",
			Msg: fmt.Sprintf("report version %d; this conflictq reads version %d", rep.SchemaVersion, report.SchemaVersion)}}}
	}
	banks, err := g.banksFor(&sheet.Sheet{File: file, Banks: rep.Banks})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	order := map[*quiz.Question]int{}
	for _, b := range banks {
		for _, q := range b.Questions {
			order[q] = len(order)
		}
	}
	res := &SheetResult{File: file, Student: rep.Student, Banks: rep.Banks}
	for _, qr := range rep.Questions {
		var q *quiz.Question
		for _, b := range banks {
			if b.ID == qr.Bank {
				q = b.Question(qr.ID)
			}
		}
		if q == nil {
			res.Problems = append(res.Problems, quiz.Problem{File: file, Line: 1, Question: qr.ID,
				Msg: fmt.Sprintf("no such question in %s; it scores 0", strings.Join(bankIDs(banks), ", "))})
			continue
		}
		o := quiz.Outcome{Question: &quiz.Presented{Question: q}, Seconds: qr.Seconds}
		if qr.Given != nil {
			o.Response = responseFromText(q, *qr.Given)
		}
		if qr.MaxPoints > 0 {
			o.Fraction = max(0, min(1, qr.Points/qr.MaxPoints))
		}
		res.Outcomes = append(res.Outcomes, o)
	}
	sort.SliceStable(res.Outcomes, func(i, j int) bool {
		return order[res.Outcomes[i].Question.Question] < order[res.Outcomes[j].Question.Question]
	})
	for _, o := range res.Outcomes {
		res.Score += o.Points()
		res.Max += o.Question.MaxPoints()
	}
	res.Score = text.Round2(res.Score)
	res.Percent = text.Percent(res.Score, res.Max)
	if g.Pass != nil && res.Max > 0 {
		passed := res.Percent >= *g.Pass
		res.Passed = &passed
	}
	return res, nil
}

// responseFromText reads back what Question.Given wrote: option texts joined
// by "; ", an order joined by " → ", pairs "left = right".
func responseFromText(q *quiz.Question, given string) quiz.Response {
	r := quiz.Response{Answered: true, Text: given}
	switch q.Type {
	case quiz.Single, quiz.Multi:
		parts := []string{given}
		if q.Type == quiz.Multi {
			parts = strings.Split(given, "; ")
		}
		for _, p := range parts {
			if i := slices.Index(q.Choices, p); i >= 0 {
				r.Choices = append(r.Choices, i)
			}
		}
	case quiz.TrueFalse:
		r.Bool = given == "True"
	case quiz.Order:
		for _, p := range strings.Split(given, " → ") {
			r.Sequence = append(r.Sequence, slices.Index(q.Items, p))
		}
	case quiz.Match:
		r.Matches = make([]int, len(q.Pairs))
		for i := range r.Matches {
			r.Matches[i] = -1
		}
		rights := make([]string, len(q.Pairs))
		for i, p := range q.Pairs {
			rights[i] = p.Right
		}
		for _, p := range strings.Split(given, "; ") {
			left, right, _ := strings.Cut(p, " = ")
			if i := slices.Index(pairLefts(q), left); i >= 0 {
				r.Matches[i] = slices.Index(rights, right)
			}
		}
	}
	return r
}

func pairLefts(q *quiz.Question) []string {
	out := make([]string, len(q.Pairs))
	for i, p := range q.Pairs {
		out[i] = p.Left
	}
	return out
}
