package htmlreport

import (
	"io"
	"slices"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/report"
)

// studentView is a student's own review page.
type studentView struct {
	Head
	Student   string
	Rep       *report.Report
	Taken     string
	Status    string
	Questions []reviewQuestion
	// HeldBack is report.Report.HeldBack's note, or "".
	HeldBack string
}

type reviewQuestion struct {
	N int
	report.QuestionReport
	Verdict, VerdictClass string
	Options               []reviewOption
	Explanation           string
	ExplanationLabel      string // quiz.HowToAnswer for an open question
	KeyPoints             []string
}

type reviewOption struct {
	Text          string
	Chosen, Right bool
}

// WriteStudent writes a student's review of a quiz as a page to keep: each
// question with the student's answer, the right one, the explanation and the
// passage of the article to reread. outcomes are the quiz's, in the report's
// order (report.New keeps it); they give the explanations and options.
func WriteStudent(w io.Writer, rep *report.Report, outcomes []quiz.Outcome) error {
	who := rep.Student
	if who == "" {
		who = "Anonymous"
	}
	v := studentView{Head: newHead("Quiz review: " + who), Student: who, Rep: rep,
		Taken: rep.StartedAt.UTC().Format("2 January 2006, 15:04 UTC")}
	switch {
	case rep.Status != quiz.Complete:
		v.Status = "incomplete: the quiz stopped early"
	case rep.EndedBy == quiz.EndTimeLimit:
		v.Status = "complete (submitted at the time limit)"
	default:
		v.Status = "complete"
	}
	if rep.HeldBack {
		v.HeldBack = report.HeldBackNote
	}
	for i, q := range rep.Questions {
		rq := reviewQuestion{N: i + 1, QuestionReport: q}
		if rep.HeldBack {
			// As the screen: the question and the student's own answer.
			rq.Expected, rq.Source = "", ""
			if q.Unseen {
				rq.Verdict, rq.VerdictClass = "not reached: the quiz stopped before this question", "muted"
			}
			if !q.Unseen && i < len(outcomes) && outcomes[i].Question.ID == q.ID {
				o := outcomes[i]
				if o.Question.Type == quiz.Single || o.Question.Type == quiz.Multi {
					for k, c := range o.Question.Choices {
						rq.Options = append(rq.Options, reviewOption{Text: c,
							Chosen: o.Response.Answered && slices.Contains(o.Response.Choices, k)})
					}
				}
			}
			v.Questions = append(v.Questions, rq)
			continue
		}
		switch {
		case q.Unseen:
			rq.Verdict, rq.VerdictClass = "not reached: the quiz stopped before this question", "muted"
		case q.Correct == nil:
			rq.Verdict, rq.VerdictClass = "marked by your teacher", "muted"
		case q.Given == nil:
			rq.Verdict, rq.VerdictClass = "not answered", "verdict-wrong"
		case *q.Correct:
			rq.Verdict, rq.VerdictClass = "right: "+ofPoints(q), "verdict-right"
		case q.Points > 0:
			rq.Verdict, rq.VerdictClass = "partly right: "+ofPoints(q), "verdict-wrong"
		default:
			rq.Verdict, rq.VerdictClass = "not right: "+ofPoints(q), "verdict-wrong"
		}
		// A question never shown keeps its answer, options and explanation to
		// itself, as in the Markdown report: report.New leaves out Expected,
		// and the page shows only the prompt and the passage to reread.
		if !q.Unseen && i < len(outcomes) && outcomes[i].Question.ID == q.ID {
			o := outcomes[i]
			// The student's copy lists the key points as the screen did, in
			// plain words where the bank gives them; the teacher's outputs
			// (mark, the key, the JSON report's ticks) keep the key points.
			rq.Explanation, rq.KeyPoints = o.Question.Explanation, o.Question.StudentKey()
			if o.Question.Type == quiz.Open {
				rq.ExplanationLabel = quiz.HowToAnswer
			}
			if o.Question.Type == quiz.Single || o.Question.Type == quiz.Multi {
				for k, c := range o.Question.Choices {
					rq.Options = append(rq.Options, reviewOption{Text: c,
						Chosen: o.Response.Answered && slices.Contains(o.Response.Choices, k),
						Right:  slices.Contains(o.Question.Correct, k)})
				}
			}
		}
		v.Questions = append(v.Questions, rq)
	}
	return render(w, "student.tmpl", v)
}

// ofPoints says "1 of 2 points", "0 of 1 point".
func ofPoints(q report.QuestionReport) string {
	unit := " points"
	if q.MaxPoints == 1 {
		unit = " point"
	}
	return num(q.Points) + " of " + num(q.MaxPoints) + unit
}
