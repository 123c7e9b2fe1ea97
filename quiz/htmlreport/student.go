package htmlreport

import (
	"io"
	"slices"
	"strconv"

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
	ExplanationLabel      string // quiz.ExplanationLabel for an open question
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
	// Grown by doubling, the list was copied at each doubling: 32 KB more
	// fresh memory for the 35 questions of quiz-html-file's page.
	v.Questions = make([]reviewQuestion, 0, len(rep.Questions))
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
				rq.ExplanationLabel = quiz.ExplanationLabel
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
	return writeStudent(w, &v)
}

// ofPoints says "1 of 2 points", "0 of 1 point".
func ofPoints(q report.QuestionReport) string {
	unit := " points"
	if q.MaxPoints == 1 {
		unit = " point"
	}
	return num(q.Points) + " of " + num(q.MaxPoints) + unit
}

// writeStudent writes the review page of v: its header, the result and the
// questions, a section each.
func writeStudent(out io.Writer, v *studentView) error {
	w := newWriter(len(v.CSS) + len(v.JS) + 4<<10 + len(v.Questions)*2<<10)
	w.head(v.Head)
	w.raw("\n<body>\n<main class=\"review\">\n")
	w.reviewHeader(v)
	w.reviewResult(v)
	w.reviewQuestions(v.Questions)
	w.raw("<footer class=\"muted small\"><p>Written by conflictq. This page makes no requests and needs no internet.</p></footer>\n</main>\n<script>")
	w.raw(v.JS) // the page's own script
	w.raw("</script>\n</body>\n</html>\n")
	return w.flush(out)
}

// reviewHeader writes the page's title and when, from which banks and with
// which seed the quiz was taken.
func (w *writer) reviewHeader(v *studentView) {
	w.raw("<header class=\"top\">\n<h1>")
	w.text(v.Title)
	w.raw("</h1>\n<p class=\"muted\">")
	w.text(v.Taken)
	w.raw("; banks: ")
	for i, b := range v.Rep.Banks {
		if i > 0 {
			w.raw(", ")
		}
		w.text(b)
	}
	if v.Rep.Seed != nil {
		w.raw("; seed ")
		w.b = strconv.AppendUint(w.b, *v.Rep.Seed, 10)
		w.raw(" (the same seed gives the same quiz)")
	}
	w.raw(".</p>\n</header>\n")
}

// reviewResult writes the Result section: the score, how many questions
// were answered, and the note of an exam held back or the scores by tag.
func (w *writer) reviewResult(v *studentView) {
	w.raw("<section aria-labelledby=\"h-result\">\n<h2 id=\"h-result\">Result</h2>\n<dl class=\"facts\">\n<div><dt>Score</dt><dd><span class=\"num\" id=\"score\">")
	w.text(num(v.Rep.Score))
	w.raw("</span> of ")
	w.text(num(v.Rep.MaxScore))
	w.raw(" (")
	w.text(v.Rep.PercentText())
	w.raw("%)")
	if v.Rep.Passed != nil {
		if *v.Rep.Passed {
			w.raw("<span class=\"plain\">Pass mark reached.</span>")
		} else {
			w.raw("<span class=\"plain\">Not yet at the pass mark.</span>")
		}
	}
	w.raw("</dd></div>\n<div><dt>Answered</dt><dd><span class=\"num\">")
	w.int(v.Rep.Answered)
	w.raw("</span> of ")
	w.int(len(v.Rep.Questions))
	w.raw(" questions<span class=\"plain\">Status: ")
	w.text(v.Status)
	w.raw(".</span></dd></div>\n</dl>\n")
	if v.HeldBack != "" {
		w.raw("<p class=\"plain\" id=\"held-back\">")
		w.text(v.HeldBack)
		w.raw("</p>")
	} else if len(v.Rep.ByTag) > 0 {
		w.tagScores(v.Rep.ByTag)
	}
	w.raw("\n</section>\n")
}

// tagScores writes the student's score on each tag's questions as a table.
func (w *writer) tagScores(tags []report.TagScore) {
	w.raw("<div class=\"scroll\">")
	w.scrollCue()
	w.raw("<table>\n<caption>By tag</caption>\n<thead><tr><th scope=\"col\">Tag</th><th scope=\"col\" class=\"n\">Questions</th><th scope=\"col\" class=\"n\">Score</th></tr></thead>\n<tbody>")
	for _, t := range tags {
		w.raw("<tr><th scope=\"row\">")
		w.text(quiz.TagLabel(t.Tag))
		w.raw("</th><td class=\"n\">")
		w.int(t.Questions)
		w.raw("</td>")
		if t.MaxScore != 0 {
			w.raw("<td class=\"n\">")
			w.text(pctText(t.Percent))
			w.raw("<span class=\"muted small sub\">")
			w.text(num(t.Score))
			w.raw(" of ")
			w.text(num(t.MaxScore))
			w.raw("</span></td>")
		} else {
			w.raw("<td>your teacher marks</td>")
		}
		w.raw("</tr>\n")
	}
	w.raw("</tbody></table></div>")
}

// reviewQuestions writes the Questions section, a list item a question.
func (w *writer) reviewQuestions(qs []reviewQuestion) {
	w.raw("<section aria-labelledby=\"h-questions\">\n<h2 id=\"h-questions\">Questions</h2>\n<ol class=\"qlist\">\n")
	for i := range qs {
		w.reviewQuestion(&qs[i])
	}
	w.raw("</ol>\n</section>\n")
}

// reviewQuestion writes a question: its prompt, the student's answer and the
// right one, the key points, the verdict, the explanation and the passage to
// reread.
func (w *writer) reviewQuestion(q *reviewQuestion) {
	w.raw("<li class=\"q\" id=\"q-")
	w.int(q.N)
	w.raw("\">\n<h3>")
	w.int(q.N)
	w.raw(". ")
	w.text(q.Prompt)
	w.raw("</h3>\n")
	switch {
	case len(q.Options) > 0:
		w.reviewOptions(q.Options)
	case q.Unseen:
	default:
		w.reviewAnswer(q)
	}
	w.raw("\n")
	if len(q.KeyPoints) > 0 {
		w.raw("<p>Key points:</p><ul>")
		for _, k := range q.KeyPoints {
			w.raw("<li>")
			w.text(k)
			w.raw("</li>")
		}
		w.raw("</ul>")
	}
	w.raw("\n")
	if q.Verdict != "" {
		w.raw("<p class=\"")
		w.text(q.VerdictClass)
		w.raw("\">")
		w.text(q.Verdict)
		w.raw("</p>")
	}
	w.raw("\n")
	if q.Explanation != "" {
		w.raw("<p>")
		if q.ExplanationLabel != "" {
			w.raw("<strong>")
			w.text(q.ExplanationLabel)
			w.raw("</strong> ")
		}
		w.text(q.Explanation)
		w.raw("</p>")
	}
	w.raw("\n")
	if q.Source != "" {
		w.raw("<p class=\"cite\">Reread: ")
		w.text(q.Source)
		w.raw("</p>")
	}
	w.raw("\n</li>\n")
}

// reviewOptions writes a choice question's options, marking the student's
// and the right ones.
func (w *writer) reviewOptions(opts []reviewOption) {
	w.raw("<ul class=\"opts\">")
	for _, o := range opts {
		w.raw("<li>")
		if o.Right {
			w.raw("<span class=\"right\">")
			w.text(o.Text)
			w.raw("</span>")
		} else {
			w.text(o.Text)
		}
		if o.Chosen {
			w.raw(" <span class=\"yours\">— your answer</span>")
		}
		if o.Right {
			w.raw(" <span class=\"muted small\">(right)</span>")
		}
		w.raw("</li>")
	}
	w.raw("</ul>\n")
}

// reviewAnswer writes the answer the student typed or arranged, and the
// right one or a model answer.
func (w *writer) reviewAnswer(q *reviewQuestion) {
	w.raw("<p>Your answer: ")
	if q.Given != nil {
		w.raw("<span class=\"yours\">")
		w.text(*q.Given)
		w.raw("</span>")
	} else {
		w.raw("<em>no answer</em>")
	}
	if q.CutOff && q.Given != nil {
		w.raw(" <em class=\"muted\">(")
		w.text(quiz.CutOffNote)
		w.raw(")</em>")
	} else if q.SelfCheckCutOff && q.Given != nil {
		w.raw(" <em class=\"muted\">(")
		w.text(quiz.SelfCheckCutOffNote)
		w.raw(")</em>")
	}
	w.raw("</p>\n")
	if q.Expected != "" {
		w.raw("<p>")
		if q.Type == quiz.Open {
			w.raw("A model answer")
		} else {
			w.raw("The right answer")
		}
		w.raw(": ")
		w.text(q.Expected)
		w.raw("</p>")
	}
}
