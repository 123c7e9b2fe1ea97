package grade

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/report"
	"github.com/conflictq/conflictq/quiz/sheet"
	"github.com/conflictq/conflictq/quiz/text"
)

// GradeReportAt grades a quiz's JSON score report again from what the
// student gave, against the banks as they are now, as a sheet is graded: a
// corrected bank re-marks a class. A teacher's marks of open answers count;
// questions keep the order they were asked in. A bank whose digest differs
// from the one the report recorded is a warning; a question the banks no
// longer have, or an answer that no longer reads (an option renamed), is an
// unreadable answer that scores 0. Errors name the file.
//
// A report that begins on a line of a stream (grade -, a .jsonl file) gives
// that line: messages name it, and so does the result. line 0 is a whole
// file.
func (g *Grader) GradeReportAt(file string, line int, data []byte) (*SheetResult, error) {
	res, err := g.gradeReport(file, data)
	if line <= 0 {
		return res, err
	}
	var inv *quiz.InvalidError
	if errors.As(err, &inv) {
		for i := range inv.Problems {
			inv.Problems[i].Line += line - 1
		}
	}
	if res != nil {
		res.Line = line
		for i := range res.Problems {
			res.Problems[i].Line += line - 1
		}
	}
	return res, err
}

func (g *Grader) gradeReport(file string, data []byte) (*SheetResult, error) {
	rep, err := report.ReadAnswers(file, data) // as mark reads it: one report, one verdict
	if err != nil {
		return nil, err
	}
	banks, err := g.banksFor(&sheet.Sheet{File: file, Banks: rep.Banks})
	if err != nil {
		return nil, err
	}
	res := &SheetResult{File: file, Student: rep.Student, Banks: rep.Banks,
		Incomplete: rep.Status == quiz.Incomplete || rep.EndedBy == quiz.EndTimeLimit, EndedBy: rep.EndedBy, Started: rep.StartedAt,
		InOrder: rep.Seed != nil}
	bankOf := map[string]*quiz.Bank{}
	for _, b := range banks {
		if want := rep.BankDigests[b.ID]; want != "" {
			// Said once per bank and digest, not once per report: a class
			// of 30 reports taken before a correction is one message.
			if now := g.digest(b); now != want {
				if _, said := g.changed.LoadOrStore(b.ID+"\x00"+want, true); !said {
					res.Problems = append(res.Problems, quiz.Problem{File: file, Line: 1, Warning: true,
						Msg: fmt.Sprintf("bank %s changed since this quiz was taken (digest %s, now %s); this report and any other taken before the change are graded again on the bank as it is now", b.ID, want, now)})
				}
			}
		}
		bankOf[b.ID] = b
	}
	used := make([]bool, len(rep.Marks))
	for _, qr := range rep.Questions {
		var q *quiz.Question
		if b := bankOf[qr.Bank]; b != nil {
			q = b.Question(qr.ID) // or the question renamed from qr.ID
		}
		if q == nil {
			msg := fmt.Sprintf("bank %s has no such question (any more); it scores 0", qr.Bank)
			if !slices.ContainsFunc(banks, func(b *quiz.Bank) bool { return b.ID == qr.Bank }) {
				msg = fmt.Sprintf("a question of bank %s, which is not among the banks graded with (%s); it scores 0 (grade without --bank, or add --bank %s)",
					qr.Bank, strings.Join(bankIDs(banks), ", "), text.CommandWord(qr.Bank))
			}
			res.Problems = append(res.Problems, quiz.Problem{File: file, Line: 1, Question: qr.ID, Msg: msg})
			continue
		}
		o := quiz.Outcome{Question: &quiz.Presented{Question: q}, Seconds: qr.Seconds, Unseen: qr.Unseen}
		v := answerValue(q, qr.Given, qr.Answer, rep.SchemaVersion)
		if r, err := q.Resolve(v, nil); err != nil {
			o.Response = quiz.Response{Unreadable: v.Verbatim()}
			line := 1
			if twice := (*quiz.LeftTwiceError)(nil); errors.As(err, &twice) && twice.Line > 0 {
				line = twice.Line // the pair given twice, on its own line, as in a sheet
			}
			res.Problems = append(res.Problems, quiz.Problem{File: file, Line: line, Question: q.ID, Msg: err.Error()})
		} else {
			o.Response = r
		}
		if qr.Unreadable != "" && !o.Response.Answered {
			o.Response.Unreadable = qr.Unreadable
		}
		o.Response.CutOff = qr.CutOff && o.Response.Answered
		o.Response.SelfCheckCutOff = qr.SelfCheckCutOff && o.Response.Answered
		o.Response.SelfCheck = qr.SelfCheck
		if qr.SelfCheckPoints != nil {
			o.Response.SelfCheckPoints = []int{}
			for _, n := range qr.SelfCheckPoints {
				if n <= len(q.Key) { // a key point the bank still has
					o.Response.SelfCheckPoints = append(o.Response.SelfCheckPoints, n-1)
				}
			}
		}
		o.Fraction = quiz.Score(q, o.Response)
		if j := markOf(rep, qr.Bank, qr.ID); j >= 0 && q.Type == quiz.Open { // as mark keys it: the id the report gives
			given := ""
			if qr.Given != nil {
				given = *qr.Given
			}
			used[j] = true
			o.Mark = capMark(res, file, rep.Marks[j].Line, q, rep.Marks[j].Mark, given)
		}
		res.Outcomes = append(res.Outcomes, o)
	}
	unusedMarks(res, file, rep, used)
	for _, o := range res.Outcomes {
		res.Score += o.Points()
		res.Max += o.MaxPoints()
	}
	// The percent from the score itself, not from the score rounded: a
	// report's 3.6667 of 10 is 36.67 %, as the report says, not 36.7.
	res.Percent = text.Percent(res.Score, res.Max)
	res.Score = text.Round2(res.Score)
	if g.Pass != nil && res.Max > 0 {
		passed := res.Percent >= *g.Pass
		res.Passed, res.Pass = &passed, g.Pass
	}
	return res, nil
}

// answerValue is a report's answer as a sheet's Value: version 2 reports hold
// it as a sheet would (answer); version 1 only as the text Question.Given
// wrote (given), split back by its separators.
func answerValue(q *quiz.Question, givenText *string, answer quiz.Value, version int) quiz.Value {
	if version >= 2 && answer.Kind != quiz.Empty {
		return answer
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

// digest is quiz.Digest of a bank's questions (Bank.Digest), worked out once per bank.
func (g *Grader) digest(b *quiz.Bank) string {
	if d, ok := g.digests.Load(b); ok {
		return d.(string)
	}
	d := b.Digest()
	g.digests.Store(b, d)
	return d
}

// markOf is the index of a report's mark of a question, or -1.
func markOf(rep *sheet.Report, bank, id string) int {
	for j := range rep.Marks {
		if rep.Marks[j].Bank == bank && rep.Marks[j].ID == id {
			return j
		}
	}
	return -1
}

// unusedMarks warns of the report's marks that mark no open question of
// it (a misspelt id or bank, a closed question): they were passed over
// without a word (attack16 #3).
func unusedMarks(res *SheetResult, file string, rep *sheet.Report, used []bool) {
	for j, m := range rep.Marks {
		if used[j] {
			continue
		}
		why := "which is no question of this report; it is not counted (check its id and bank)"
		for _, qr := range rep.Questions {
			if qr.Bank == m.Bank && qr.ID == m.ID {
				why = "which is not an open question (its key scores it); it is not counted"
				break
			}
		}
		res.Problems = append(res.Problems, quiz.Problem{File: file, Line: m.Line, Question: m.ID, Warning: true,
			Msg: fmt.Sprintf("a mark of %s/%s, %s", text.EscapeControl(m.Bank), text.EscapeControl(m.ID), why)})
	}
}
