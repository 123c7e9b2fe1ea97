package htmlreport

import (
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/stats"
	"github.com/conflictq/conflictq/quiz/text"
)

// writeClass writes the class page of v to w (which the caller flushes).
func writeClass(w *writer, v *classView) {
	w.head(v.Head)
	w.raw("\n<body>\n<main>\n<header class=\"top\">\n<h1>")
	w.text(v.Title)
	w.raw("</h1>\n<p class=\"muted\">")
	if v.Generated != "" {
		w.raw("Made ")
		w.text(v.Generated)
		w.raw(" by conflictq. ")
	}
	w.text(count(v.Students))
	w.raw(" ")
	w.raw(plural(v.Students, "sheet", "sheets"))
	if v.Banks != "" {
		w.raw("; banks: ")
		w.text(v.Banks)
	}
	w.raw(".</p>\n<nav class=\"toc\" aria-label=\"Sections\"><ul>\n<li><a href=\"#overview\">Overview</a></li>\n")
	if v.HasStudents {
		w.raw("<li><a href=\"#gradebook\">Gradebook</a></li>")
	}
	w.raw("\n<li><a href=\"#questions\">Questions</a></li>\n<li><a href=\"#responses\">Responses</a></li>\n")
	if v.HasStudents && len(v.Tags) > 0 {
		w.raw("<li><a href=\"#mastery\">Mastery by tag</a></li>")
	}
	w.raw("\n</ul></nav>\n</header>\n\n")
	w.overview(v)
	w.raw("\n\n")
	if v.HasStudents {
		w.gradebook(v)
	}
	w.raw("\n\n")
	w.questions(v)
	w.raw("\n\n")
	w.responses(v)
	w.raw("\n\n")
	if v.HasStudents && len(v.Tags) > 0 {
		w.mastery(v)
	}
	w.raw("\n<footer class=\"muted small\"><p>Written by conflictq. This page makes no requests and runs no script but the one that sorts its tables; it prints on A4.</p></footer>\n</main>\n<script>")
	w.raw(v.JS) // the page's own script
	w.raw("</script>\n</body>\n</html>\n\n")
}

// plural is one or many, by n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// overview writes the Overview section: the class's figures, the sheets by
// status, the files that could not be read and the histogram of scores.
func (w *writer) overview(v *classView) {
	w.raw("<section class=\"part\" id=\"overview\" aria-labelledby=\"h-overview\">\n<h2 id=\"h-overview\">Overview</h2>\n")
	if v.SumsOnly {
		w.raw("<p class=\"note\">These statistics were merged from running sums (conflictq summary): they count every student, but list none, and have no response analysis. Grade the sheets in one run with --format html for the gradebook and the responses.</p>")
	}
	w.raw("\n")
	w.factList(v.Facts)
	if v.Mixed != "" {
		w.raw("<p class=\"note\" id=\"mixed-sets\">")
		w.text(v.Mixed)
		w.raw("</p>")
	}
	w.raw("\n")
	if len(v.Statuses) > 0 {
		w.sheetStatuses(v)
	} else {
		w.toMarkNote(v)
	}
	w.raw("\n")
	if len(v.Files) > 0 {
		w.unreadableFiles(v)
	}
	w.raw("\n\n")
	w.scoreChart(&v.Hist)
	w.raw("\n</section>")
}

// factList writes the class's figures (students, mean, median, ...) as a
// description list.
func (w *writer) factList(facts []fact) {
	w.raw("<dl class=\"facts\">\n")
	for _, f := range facts {
		w.raw("<div><dt>")
		w.text(f.Label)
		w.raw("</dt><dd><span class=\"num\" id=\"")
		w.text(f.ID)
		w.raw("\">")
		w.text(f.Value)
		w.raw("</span> ")
		w.text(f.Of)
		w.raw("<span class=\"plain\">")
		w.text(f.Plain)
		w.raw("</span></dd></div>\n")
	}
	w.raw("</dl>\n")
}

// sheetStatuses writes how many sheets are complete, incomplete or still to
// mark, and what that leaves out of the statistics.
func (w *writer) sheetStatuses(v *classView) {
	w.raw("<h3>Sheets</h3>\n<ul class=\"statuses\">")
	for _, s := range v.Statuses {
		w.raw("<li><span id=\"status-")
		w.text(s.Key)
		w.raw("\">")
		w.text(count(s.Count))
		w.raw("</span> ")
		w.text(s.Text)
		w.raw("</li>")
	}
	w.raw("</ul>\n")
	w.toMarkNote(v)
	w.raw("\n")
	if v.Counted != v.Students {
		w.raw("<p class=\"muted small\">")
		w.text(count(v.Counted))
		w.raw(" of ")
		w.text(count(v.Students))
		w.raw(" sheets are in the statistics.</p>")
	}
}

// toMarkNote says how many sheets wait for a mark and what the statistics
// leave out meanwhile, or nothing when none waits: under the sheets' statuses,
// or alone on a page of merged sums, which has none (attack24 L8).
func (w *writer) toMarkNote(v *classView) {
	if v.ToMark == 0 && v.ToMarkUnknown > 0 {
		w.raw("<p class=\"note\" id=\"to-mark-note\">")
		w.text(stats.UnknownToMark(v.ToMarkUnknown))
		w.raw(".</p>")
		return
	}
	if v.ToMark == 0 {
		return
	}
	w.raw("<p class=\"note\" id=\"to-mark-note\">")
	if v.ToMarkUnknown > 0 {
		w.raw("At least ")
	}
	w.text(count(v.ToMark))
	w.raw(" ")
	w.raw(plural(v.ToMark, "sheet has", "sheets have"))
	w.raw(" open answers not yet marked")
	if v.ToMarkUnknown > 0 {
		w.raw(" (sums from an older conflictq, of ")
		w.text(count(v.ToMarkUnknown))
		w.raw(plural(v.ToMarkUnknown, " sheet", " sheets"))
		w.raw(", do not say how many of theirs do)")
	}
	w.raw(": until every open answer is marked (conflictq mark), the statistics, the histogram and the question bars count the automatically marked questions only")
	if v.MaxScore != 0 {
		w.raw(", out of ")
		w.text(num(v.MaxScore))
		w.raw(" points")
	}
	w.raw(".</p>")
}

// unreadableFiles writes the files that were not sheets conflictq could read,
// and why.
func (w *writer) unreadableFiles(v *classView) {
	w.raw("<section id=\"unreadable-files\" aria-labelledby=\"h-unreadable-files\">\n<h3 id=\"h-unreadable-files\">Sheets that could not be read</h3>\n<p class=\"muted small\">These files are not a student's answers that conflictq could read: fix them and grade again. They are in no statistic.</p>\n<ul class=\"files\">")
	for _, f := range v.Files {
		w.raw("<li><code>")
		w.text(f.Where)
		w.raw("</code>: ")
		w.text(f.Why)
		w.raw("</li>")
	}
	w.raw("</ul>\n")
	if v.FilesMore != 0 {
		w.raw("<p class=\"muted small\">")
		w.text(count(v.FilesMore))
		w.raw(" more are not listed.</p>")
	}
	w.raw("\n</section>")
}

// scoreChart writes the histogram of scores: the bars drawn, and the same numbers
// in a table beside them.
func (w *writer) scoreChart(h *histogram) {
	w.raw("<div class=\"chart\">\n<figure aria-labelledby=\"hist-title\">\n<figcaption id=\"hist-title\">Scores: students by percent of the maximum score")
	if h.HasPass {
		w.raw(", with the pass mark of ")
		w.text(h.Pass)
	}
	w.raw("</figcaption>\n")
	w.scoreBars(h)
	w.raw("\n</figure>\n<div class=\"data\">\n<table id=\"hist-table\">\n<caption>Students by score</caption>\n<thead><tr><th scope=\"col\">Score</th><th scope=\"col\" class=\"n\">Students</th></tr></thead>\n<tbody>")
	for _, b := range h.Bars {
		w.raw("<tr><td>")
		w.text(num(b.From))
		w.raw("–")
		w.text(num(b.To))
		w.raw("%</td><td class=\"n\">")
		w.text(count(b.Count))
		w.raw("</td></tr>\n")
	}
	w.raw("</tbody>\n</table>\n</div>\n</div>")
}

// scoreBars draws the histogram as SVG: a bar for each tenth of the maximum
// score, the axis's labels and the pass mark's line.
func (w *writer) scoreBars(h *histogram) {
	w.raw("<svg viewBox=\"0 0 ")
	w.int(h.Width)
	w.raw(" ")
	w.int(h.Height)
	w.raw("\" role=\"img\" aria-labelledby=\"hist-title hist-desc\">\n<desc id=\"hist-desc\">A bar for each tenth of the maximum score; its height is the number of students. The table beside it gives the same numbers.</desc>\n<line x1=\"40\" y1=\"220\" x2=\"570\" y2=\"220\" stroke=\"#4d4d4d\" stroke-width=\"1.5\"/>\n")
	for _, b := range h.Bars {
		w.raw("<rect x=\"")
		w.float(b.X)
		w.raw("\" y=\"")
		w.float(b.Y)
		w.raw("\" width=\"")
		w.float(b.W)
		w.raw("\" height=\"")
		w.float(b.H)
		w.raw("\" fill=\"#2f5d8c\"><title>")
		w.text(num(b.From))
		w.raw("–")
		w.text(num(b.To))
		w.raw("%: ")
		w.int(b.Count)
		w.raw("</title></rect>\n")
		if b.Count != 0 {
			w.raw("<text class=\"count\" x=\"")
			w.float(b.CX)
			w.raw("\" y=\"")
			w.float(b.LabelY)
			w.raw("\" font-size=\"22\" text-anchor=\"middle\" fill=\"#1a1a1a\">")
			w.text(count(b.Count))
			w.raw("</text>")
		}
		w.raw("\n")
	}
	for _, t := range h.Ticks {
		w.raw("<text x=\"")
		w.float(t.X)
		w.raw("\" y=\"242\" font-size=\"22\" text-anchor=\"middle\" fill=\"#1a1a1a\">")
		w.text(t.Label)
		w.raw("</text>\n")
	}
	if h.HasPass {
		w.raw("<line x1=\"")
		w.float(h.PassX)
		w.raw("\" y1=\"28\" x2=\"")
		w.float(h.PassX)
		w.raw("\" y2=\"222\" stroke=\"#8a3b00\" stroke-width=\"3\" stroke-dasharray=\"8 5\"/>\n<text x=\"")
		w.float(h.PassX)
		w.raw("\" y=\"20\" font-size=\"22\" text-anchor=\"")
		w.text(h.PassAnchor)
		w.raw("\" fill=\"#8a3b00\" font-weight=\"bold\">pass mark ")
		w.text(h.Pass)
		w.raw("</text>")
	}
	w.raw("\n</svg>")
}

func (w *writer) gradebook(v *classView) {
	w.raw("\n<section class=\"part\" id=\"gradebook\" aria-labelledby=\"h-gradebook\">\n<h2 id=\"h-gradebook\">Gradebook</h2>\n<p class=\"muted small\">Click a column header to sort (with JavaScript on). Per-tag columns give each student's percent on the marked questions with that tag.</p>\n")
	if len(v.Tags) > 0 {
		w.raw("<p class=\"print-only muted small\">Printed without the per-tag columns: the Mastery by tag grid has the same numbers.</p>")
	}
	w.raw("\n")
	if len(v.Tags) > 0 {
		w.raw("<p class=\"narrow-only muted small\">On a narrow screen the per-tag columns are left out: the <a href=\"#mastery\">Mastery by tag</a> grid has the same numbers.</p>")
	}
	w.raw("\n")
	if v.Cut != 0 {
		w.raw("<p class=\"note\" id=\"gradebook-cut\">The first ")
		w.text(count(len(v.Rows)))
		w.raw(" of ")
		w.text(count(v.Students))
		w.raw(" sheets are listed, in the order they were graded; ")
		w.text(count(v.Cut))
		w.raw(" more are counted in the statistics, the charts and the responses but not listed here. The CSV and JSON formats list every student.</p>")
	}
	w.raw("\n<div class=\"scroll\">")
	w.scrollCue()
	w.raw("\n<table id=\"gradebook-table\" class=\"stack\" data-sortable>\n<caption class=\"muted small\">")
	w.text(count(len(v.Rows)))
	w.raw(" ")
	w.raw(plural(len(v.Rows), "sheet", "sheets"))
	w.raw("</caption>\n<thead><tr><th scope=\"col\">Student</th><th scope=\"col\" class=\"n\">Score</th><th scope=\"col\" class=\"n\">Percent</th><th scope=\"col\">Status</th>")
	for _, t := range v.Tags {
		w.raw("<th scope=\"col\" class=\"n tag\" title=\"")
		w.text(t)
		w.raw("\">")
		w.text(t)
		w.raw("</th>")
	}
	w.raw("</tr></thead>\n<tbody>\n")
	for i := range v.Rows {
		r := &v.Rows[i]
		w.raw("<tr><th scope=\"row\" class=\"lead\">")
		w.text(r.Name)
		w.raw("</th><td class=\"n\" data-label=\"Score\" data-v=\"")
		score := num(r.Score)
		w.text(score)
		w.raw("\">")
		w.text(score)
		w.raw(" / ")
		w.text(num(r.Max))
		w.raw("</td><td class=\"n\" data-v=\"")
		w.text(num(r.Pct))
		w.raw("\">")
		w.text(r.PctText)
		w.raw("%")
		if r.Below {
			w.raw(" <span class=\"flag\">below pass</span>")
		}
		w.raw("</td><td class=\"status\" data-label=\"Status\" data-v=\"")
		w.text(r.Status)
		w.raw("\"><span class=\"st-")
		if r.Status == statusToMark {
			w.raw("tomark")
		} else {
			w.text(r.Status)
		}
		w.raw("\">")
		w.text(r.StatusText)
		w.raw("</span></td>")
		for _, c := range r.Cells {
			w.raw("<td class=\"n tag\" data-v=\"")
			if c.Text == "–" {
				w.raw("-1")
			} else {
				w.text(c.Text)
			}
			w.raw("\">")
			w.text(c.Text)
			w.raw("</td>")
		}
		w.raw("</tr>\n")
	}
	w.raw("</tbody>\n</table>\n</div>\n</section>\n")
}

// questions writes the Questions section: what facility and discrimination
// mean, the table of every question's statistics, the passages to reread
// and each question with its bars.
func (w *writer) questions(v *classView) {
	w.questionsIntro(v)
	w.raw("<div class=\"scroll\">")
	w.scrollCue()
	w.raw("\n<table id=\"questions-table\" class=\"stack\" data-sortable>\n<caption>The questions' statistics (the same as the bars below)</caption>\n<thead><tr><th scope=\"col\" class=\"n\">#</th><th scope=\"col\">Question</th><th scope=\"col\" class=\"n\">Facility</th><th scope=\"col\" class=\"n\">Discrimination</th><th scope=\"col\">Flag</th></tr></thead>\n<tbody>\n")
	for i := range v.Questions {
		w.questionRow(&v.Questions[i])
	}
	w.raw("</tbody>\n</table>\n</div>\n")
	if len(v.Reread) > 0 {
		w.rereadList(v.Reread)
	}
	w.raw("\n<ol class=\"qlist\">\n")
	for i := range v.Questions {
		w.questionItem(&v.Questions[i])
	}
	w.raw("</ol>\n</section>")
}

// questionsIntro opens the Questions section with what its figures mean,
// how the questions are numbered and how many are flagged weak.
func (w *writer) questionsIntro(v *classView) {
	w.raw("<section class=\"part\" id=\"questions\" aria-labelledby=\"h-questions\">\n<h2 id=\"h-questions\">Questions</h2>\n<p><strong>Facility</strong> is how many of the marks the class earned on a question: how easy it was. <strong>Discrimination</strong> is how well it tells apart the students who know more (the correlation of the question with the rest of the test); under 30% is weak.")
	if v.Numbering != "" {
		w.raw(" <strong class=\"numbering\">")
		w.text(v.Numbering)
		w.raw("</strong>")
	}
	if v.Weak != 0 {
		w.raw(" <span class=\"flag\">")
		w.text(count(v.Weak))
		w.raw(" flagged</span> questions do not tell apart who knows more: check their wording and key, and reread their passage with the class.")
	}
	w.raw("</p>\n")
}

// questionRow writes a question's row of the statistics table.
func (w *writer) questionRow(q *questionView) {
	w.raw("<tr data-q=\"")
	w.text(q.ID)
	w.raw("\"><td class=\"n num\" data-v=\"")
	w.int(q.N)
	w.raw("\">")
	w.int(q.N)
	w.raw("</td><td class=\"lead\"><a href=\"#")
	w.text(q.Slug)
	w.raw("\">")
	w.text(q.Name)
	w.raw("</a></td>")
	if q.Graded {
		w.raw("<td class=\"n\" data-label=\"Facility\" data-v=\"")
		w.text(num(q.Facility))
		w.raw("\">")
		w.text(pctText(q.Facility))
		w.raw("</td><td class=\"n\" data-label=\"Discrimination\" data-v=\"")
		if q.Disc != nil {
			w.text(num(*q.Disc))
		} else {
			w.raw("-999")
		}
		w.raw("\">")
		w.text(pctPtr(q.Disc))
		w.raw("</td><td>")
		if q.Weak {
			w.raw("<span class=\"flag\">weak</span>")
		} else {
			w.text(q.TooFew)
		}
		w.raw("</td>")
	} else {
		w.raw("<td class=\"n none\" data-label=\"Facility\" data-v=\"-1\">–</td><td class=\"n none\" data-label=\"Discrimination\" data-v=\"-999\">–</td><td>open: teacher marks</td>")
	}
	w.raw("</tr>\n")
}

// rereadList writes the passages to reread with the class, each with a link
// to its question.
func (w *writer) rereadList(rs []rereadView) {
	w.raw("<h3 id=\"reread\">To reread with the class</h3>\n<p class=\"muted small\">The passages of the hard questions (facility under 35%) and of the flagged ones, in the article's order.</p>\n<ul class=\"reread\">")
	for _, r := range rs {
		w.raw("<li>")
		w.text(r.Cite)
		w.raw(" <span class=\"muted small\">— <a href=\"#")
		w.text(r.Slug)
		w.raw("\">question ")
		w.int(r.N)
		w.raw("</a>, ")
		w.text(r.Why)
		w.raw("</span></li>")
	}
	w.raw("</ul>")
}

// questionItem writes a question of the list: its heading, prompt, passage
// and tags, and its bars.
func (w *writer) questionItem(q *questionView) {
	w.raw("<li class=\"q")
	if q.Weak {
		w.raw(" weak")
	}
	w.raw("\" id=\"")
	w.text(q.Slug)
	w.raw("\">\n")
	w.questionHeading(q)
	if q.Prompt != "" {
		w.raw("<p class=\"prompt\">")
		w.text(q.Prompt)
		w.raw("</p>")
	}
	w.raw("\n")
	if q.Cite != "" {
		w.raw("<p class=\"cite\">Reread: ")
		w.text(q.Cite)
		w.raw("</p>")
	}
	w.raw("\n")
	if q.Tags != "" {
		w.raw("<p class=\"muted small\">Tags: ")
		w.text(q.Tags)
		w.raw("</p>")
	}
	w.raw("\n")
	if q.Graded {
		w.meters(q)
	} else {
		w.raw("<p class=\"muted small\">Open question: not marked automatically.</p>")
	}
	w.raw("\n</li>\n")
}

// questionHeading writes a question's number and name, its type, points and
// students, and whether it is weak.
func (w *writer) questionHeading(q *questionView) {
	w.raw("<h3>")
	w.int(q.N)
	w.raw(". <code>")
	w.text(q.Name)
	w.raw("</code> <span class=\"muted small\">(")
	w.text(q.Type)
	if q.Graded {
		w.raw(", ")
		w.text(num(q.MaxMark))
		w.raw(" ")
		if q.MaxMark == 1.0 {
			w.raw("point")
		} else {
			w.raw("points")
		}
	}
	if q.Students != 0 {
		w.raw("; ")
		w.text(count(q.Students))
		w.raw(" ")
		w.raw(plural(q.Students, "student", "students"))
	}
	if q.NotReached != 0 {
		w.raw("; not reached: ")
		w.text(count(q.NotReached))
	}
	w.raw(")</span>")
	if q.Weak {
		w.raw(" <span class=\"flag\">weak question</span>")
	}
	w.raw("</h3>\n")
}

// meters writes a marked question's facility and discrimination as bars,
// the discrimination's on a scale from -100% to 100% with the weak line.
func (w *writer) meters(q *questionView) {
	facility := pctText(q.Facility)
	disc := pctPtr(q.Disc)
	w.raw("<div class=\"meters\">\n<div class=\"meter\"><span class=\"label\">Facility <strong>")
	w.text(facility)
	w.raw("</strong>: ")
	w.text(q.FacilityLabel)
	if q.NotReached != 0 {
		w.raw(" (not reached: ")
		w.text(count(q.NotReached))
		w.raw("; left out)")
	}
	w.raw("</span>\n<svg viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Facility ")
	w.text(facility)
	w.raw("\"><rect width=\"100\" height=\"8\" fill=\"#e4e8ee\"/><rect width=\"")
	w.float(q.Facility)
	w.raw("\" height=\"8\" fill=\"#2f5d8c\"/></svg></div>\n<div class=\"meter\"><span class=\"label\">Discrimination <strong>")
	w.text(disc)
	w.raw("</strong>: ")
	w.text(q.DiscLabel)
	w.raw("</span>\n<svg viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Discrimination ")
	w.text(disc)
	w.raw(", from -100% to 100%; under 30% is weak\"><rect width=\"100\" height=\"8\" fill=\"#e4e8ee\"/>")
	if q.Disc != nil {
		w.raw("<rect x=\"")
		w.float(q.DiscFrom)
		w.raw("\" width=\"")
		w.float(q.DiscWidth)
		w.raw("\" height=\"8\" fill=\"")
		if q.Weak {
			w.raw("#8a3b00")
		} else {
			w.raw("#2f5d8c")
		}
		w.raw("\"/>")
	}
	w.raw("<rect x=\"49.6\" width=\"0.8\" height=\"8\" fill=\"#1a1a1a\"/><rect x=\"64.7\" width=\"0.6\" height=\"8\" fill=\"#8a3b00\"/></svg>\n<div class=\"scale\" aria-hidden=\"true\"><span class=\"at0\">−100%</span><span class=\"at50\">0</span><span class=\"at65\">30%</span><span class=\"at100\">100%</span></div></div>\n</div>")
}

func (w *writer) responses(v *classView) {
	w.raw("<section class=\"part\" id=\"responses\" aria-labelledby=\"h-responses\">\n<h2 id=\"h-responses\">Responses</h2>\n<p>What the class answered, question by question: for each option how many students chose it (<span class=\"right\">marks a right one</span>); for typed answers and arrangements, how many were right and the most common wrong answers; for open questions, the answers themselves.</p>\n")
	if v.SumsOnly {
		w.raw("<p class=\"note\">Merged running sums carry no responses: grade the sheets in one run with --format html for them.</p>")
		w.raw("\n</section>")
		return
	}
	w.raw("\n")
	for i := range v.Questions {
		q := &v.Questions[i]
		w.raw("<section class=\"q\" id=\"r-")
		w.text(q.Slug)
		w.raw("\" aria-labelledby=\"rh-")
		w.text(q.Slug)
		w.raw("\">\n<h3 id=\"rh-")
		w.text(q.Slug)
		w.raw("\">")
		w.int(q.N)
		w.raw(". ")
		if q.Prompt != "" {
			w.text(q.Prompt)
			w.raw(" <code class=\"qname\">")
			w.text(q.Name)
			w.raw("</code>")
		} else {
			w.raw("<code>")
			w.text(q.Name)
			w.raw("</code>")
		}
		w.raw("</h3>\n")
		switch {
		case !q.HasResponses:
			w.raw("<p class=\"muted small\">No responses recorded.</p>\n")
		case q.Open:
			w.openResponses(q)
		default:
			w.answerTable(q)
		}
		w.raw("</section>\n")
	}
	w.raw("\n</section>")
}

func (w *writer) openResponses(q *questionView) {
	w.raw("<p class=\"small\">")
	w.text(count(q.Students))
	w.raw(" ")
	w.raw(plural(q.Students, "student", "students"))
	w.raw("; ")
	w.text(count(q.Unanswered))
	w.raw(" without an answer")
	if q.NotReached != 0 {
		w.raw("; ")
		w.text(count(q.NotReached))
		w.raw(" not reached (the quiz stopped before it)")
	}
	w.raw(". A teacher marks these answers (conflictq mark); the marks show beside them.</p>\n")
	if len(q.OpenAnswers) > 0 {
		w.raw("<ul class=\"open\">")
		for _, a := range q.OpenAnswers {
			w.raw("<li><strong>")
			w.text(a.Student)
			w.raw("</strong>: ")
			w.text(a.Text)
			w.raw(" <span class=\"muted small\">— ")
			if a.CutOff {
				w.text(quiz.CutOffNote)
				w.raw("; ")
			} else if a.SelfCheckCutOff {
				w.text(quiz.SelfCheckCutOffNote)
				w.raw("; ")
			}
			if a.Mark != nil {
				w.raw("marked ")
				w.text(a.MarkText())
				if a.Mark.Comment != "" {
					w.raw(": “")
					w.text(a.Mark.Comment)
					w.raw("”")
				}
			} else {
				w.raw("not yet marked")
			}
			w.raw("</span></li>")
		}
		w.raw("</ul>")
	}
	w.raw("\n")
	if q.OpenMore != 0 {
		w.raw("<p class=\"muted small\">")
		w.text(count(q.OpenMore))
		w.raw(" more ")
		w.raw(plural(q.OpenMore, "answer is", "answers are"))
		w.raw(" not quoted here.</p>")
	}
	w.raw("\n")
}

func (w *writer) answerTable(q *questionView) {
	w.raw("<div class=\"scroll\">")
	w.scrollCue()
	w.raw("<table class=\"resp\" id=\"resp-")
	w.text(q.Slug)
	w.raw("\" data-q=\"")
	w.text(q.ID)
	w.raw("\">\n<caption class=\"muted small\">")
	w.text(count(q.Students))
	w.raw(" ")
	w.raw(plural(q.Students, "student", "students"))
	w.raw("; ")
	w.text(count(q.Right))
	w.raw(" right")
	if q.TypedAnswers {
		w.raw(" (in any accepted form)")
	}
	if q.NotReached != 0 {
		w.raw("; not reached: ")
		w.text(count(q.NotReached))
		w.raw(" (left out of the shares)")
	}
	w.raw("</caption>\n<thead><tr><th scope=\"col\">")
	if q.TypedAnswers {
		w.raw("Answer given")
	} else {
		w.raw("Option")
	}
	w.raw("</th><th scope=\"col\" class=\"n\">Students</th><th scope=\"col\" class=\"n\">Share</th><th scope=\"col\"><span class=\"muted\">Bar</span></th></tr></thead>\n<tbody>")
	for _, a := range q.Answers {
		w.raw("<tr><td>")
		if a.Correct {
			w.raw("<span class=\"right\">")
			w.lines(a.Lines)
			w.raw("</span> <span class=\"muted small\">(right)</span>")
		} else {
			w.lines(a.Lines)
		}
		w.raw("</td><td class=\"n\" data-label=\"Students\" data-v=\"")
		w.int(a.Count)
		w.raw("\">")
		w.text(count(a.Count))
		w.raw("</td><td class=\"n\" data-label=\"Share\">")
		w.text(pctText(a.Pct))
		w.raw("</td><td class=\"bar\"><svg viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect width=\"")
		w.float(a.Pct)
		w.raw("\" height=\"8\" fill=\"")
		if a.Correct {
			w.raw("#2f5d8c")
		} else {
			w.raw("#8c8c8c")
		}
		w.raw("\"/></svg></td></tr>\n")
	}
	if q.OtherWrong != 0 {
		w.raw("<tr><td><em>other wrong answers</em></td><td class=\"n\" data-label=\"Students\">")
		w.text(count(q.OtherWrong))
		w.raw("</td><td class=\"n\" data-label=\"Share\">")
		w.text(share(q.OtherWrong, q.Students))
		w.raw("</td><td class=\"bar\"></td></tr>")
	}
	if q.Unreadable != 0 {
		w.raw("<tr class=\"unreadable\"><td><em>unreadable</em>: ")
		w.text(q.UnreadableText)
		w.raw("</td><td class=\"n\" data-label=\"Students\">")
		w.text(count(q.Unreadable))
		w.raw("</td><td class=\"n\" data-label=\"Share\">")
		w.text(share(q.Unreadable, q.Students))
		w.raw("</td><td class=\"bar\"></td></tr>")
	}
	w.raw("<tr><td><em>no answer</em></td><td class=\"n\" data-label=\"Students\">")
	w.text(count(q.Unanswered))
	w.raw("</td><td class=\"n\" data-label=\"Share\">")
	w.text(share(q.Unanswered, q.Students))
	w.raw("</td><td class=\"bar\"></td></tr>")
	if q.NotReached != 0 {
		w.raw("<tr><td><em>not reached</em></td><td class=\"n\" data-label=\"Students\">")
		w.text(count(q.NotReached))
		w.raw("</td><td class=\"n\" data-label=\"Share\"></td><td class=\"bar\"></td></tr>")
	}
	w.raw("</tbody>\n</table></div>\n")
}

// lines writes a match answer's pairs a line each.
func (w *writer) lines(ls []string) {
	for i, l := range ls {
		if i > 0 {
			w.raw("<br>")
		}
		w.text(l)
	}
}

func (w *writer) mastery(v *classView) {
	w.raw("\n<section class=\"part\" id=\"mastery\" aria-labelledby=\"h-mastery\">\n<h2 id=\"h-mastery\">Mastery by tag</h2>\n<p>Each student's percent on the marked questions with each tag: which parts of the article to teach again, and to whom. The number is in every cell; the colour repeats it.</p>\n<ul class=\"legend\" aria-label=\"Colour key\">")
	for _, l := range v.Legend {
		w.raw("<li><span class=\"")
		w.text(l.Class)
		w.raw("\">")
		w.text(l.Text)
		w.raw("</span></li>")
	}
	w.raw("<li><span class=\"mx\">–</span> no marked question</li></ul>\n")
	if v.Cut != 0 {
		w.raw("<p class=\"note\">The first ")
		w.text(count(len(v.Rows)))
		w.raw(" sheets are shown; the class row counts all ")
		w.text(count(v.Students))
		w.raw(".</p>")
	}
	w.raw("\n<div class=\"scroll\">")
	w.scrollCue()
	w.raw("\n<table class=\"grid\" id=\"mastery-table\">\n<caption class=\"muted small\">Percent by tag</caption>\n<thead><tr><th scope=\"col\">Student</th>")
	for _, t := range v.Tags {
		w.raw("<th scope=\"col\">")
		w.text(t)
		w.raw("</th>")
	}
	w.raw("</tr></thead>\n<tbody>\n<tr><th scope=\"row\">Whole class</th>")
	for _, c := range v.ClassTags {
		w.cell(c)
	}
	w.raw("</tr>\n")
	for i := range v.Rows {
		r := &v.Rows[i]
		w.raw("<tr><th scope=\"row\" title=\"")
		w.text(r.Name)
		w.raw("\">")
		w.text(r.Name)
		w.raw("</th>")
		for _, c := range r.Cells {
			w.cell(c)
		}
		w.raw("</tr>\n")
	}
	w.raw("</tbody>\n</table>\n</div>\n</section>\n")
}

func (w *writer) cell(c gridCell) {
	w.raw("<td class=\"")
	w.text(c.Class)
	w.raw("\">")
	w.text(c.Text)
	w.raw("</td>")
}

// share is k of the students as a percent, or "" when there are none.
func share(k, of int) string {
	if of <= 0 {
		return ""
	}
	return pctText(text.Percent(float64(k), float64(of)))
}
