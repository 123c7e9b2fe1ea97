package htmlreport

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/stats"
	"github.com/conflictq/conflictq/quiz/text"
)

// classView is everything the class page shows, worked out.
type classView struct {
	Head
	Banks     string
	Generated string
	Students  int
	Counted   int // in the statistics
	Facts     []fact
	Statuses  []statusCount
	Hist      histogram
	Questions []questionView
	Weak      int
	Tags      []string
	Rows      []row
	Cut       int
	Files     []unreadableFile // sheets that could not be read at all
	FilesMore int
	ToMark    int // sheets with open answers not yet marked: the statistics leave open questions out
	// ToMarkUnknown counts the sheets of merged sums from an older conflictq,
	// which do not say whether theirs wait: ToMark is then "at least"
	// (attack24 L8).
	ToMarkUnknown int
	Mixed         string  // stats.StatsSummary.MixedNote, as a sentence, when students had different question sets
	MaxScore      float64 // the statistics' maximum
	Reread        []rereadView
	// Numbering says how the questions are numbered: as the paper was, or
	// in the banks' order with the names to find them by (teacher12 P5).
	Numbering   string
	ClassTags   []gridCell
	Legend      []gridCell
	HasStudents bool
	SumsOnly    bool
}

// rereadView is a passage to reread with the class: a hard or flagged
// question's citation.
type rereadView struct {
	Cite, Slug string
	N          int
	Why        string
}

type fact struct {
	ID, Label, Value, Of, Plain string
}

type statusCount struct {
	Key, Text string
	Count     int
}

type gridCell struct {
	Text, Class string
}

// questionView is one question in the Questions and Responses sections.
type questionView struct {
	N                   int
	ID, Slug            string
	Name                string // the id, without its bank when the page has one bank
	Type                string // in words: "true/false"
	Open                bool
	Source              quiz.Source
	Prompt, Cite        string
	Tags                string
	Graded              bool
	MaxMark             float64
	Facility            float64
	FacilityLabel       string
	Disc                *float64
	DiscLabel           string
	DiscFrom, DiscWidth float64 // the bar, on a 0-100 scale where 50 is zero
	Weak                bool
	TooFew              string // the verdict when too few students had it to judge it
	Students            int
	Unanswered          int
	NotReached          int // the quiz stopped before showing it
	Right               int
	Answers             []answerView
	OtherWrong          int
	TypedAnswers        bool // short, numeric, order, match: the most common wrong answers
	OpenAnswers         []openAnswer
	OpenMore            int
	Unreadable          int
	UnreadableText      string // the unreadable answers, as written
	HasResponses        bool
}

type answerView struct {
	Text    string
	Lines   []string // a match answer, a pair a line
	Count   int
	Pct     float64
	Correct bool
}

// Write writes the class page: the statistics and response analysis come
// from summary (stats.Stats and stats.Responses over the same sheets), the
// gradebook from the sheets added.
func (c *Class) Write(w io.Writer, summary stats.StatsSummary) error {
	v := c.view(summary)
	pw := newStreamWriter(w)
	writeClass(pw, &v)
	return pw.flush(nil)
}

func (c *Class) view(s stats.StatsSummary) classView {
	title := "Class report"
	if len(c.banks) > 0 {
		title += ": " + strings.Join(c.banks, ", ")
	}
	v := classView{
		Head:        newHead(title),
		Banks:       strings.Join(c.banks, ", "),
		Students:    c.students,
		Counted:     s.Count,
		Rows:        slices.Clone(c.rows),
		Cut:         c.cut,
		Files:       c.files,
		FilesMore:   c.filesMore,
		ToMark:      c.ToMark,
		MaxScore:    s.MaxScore,
		HasStudents: c.students > 0,
		SumsOnly:    c.students == 0 && s.Count > 0,
	}
	if !c.Generated.IsZero() {
		v.Generated = c.Generated.UTC().Format("2 January 2006, 15:04 UTC")
	}
	v.Facts = facts(s, c)
	// A sheet has one status (incomplete before to mark), but the sheets
	// with open answers to mark are counted once, the same everywhere: in
	// this list, in the note under it and in grade's message (ToMark, from
	// the class statistics), whatever their other status (teacher2 A5).
	toMark := c.status[statusToMark]
	var also []string
	for _, k := range []string{statusIncomplete, statusUnreadable} {
		if n := c.toMarkAlso[k]; n > 0 {
			toMark += n
			also = append(also, fmt.Sprintf("%s %s", count(n), k))
		}
	}
	// A page of merged sums has no sheets: the summary says how many wait.
	v.ToMark, v.ToMarkUnknown = max(c.ToMark, toMark, s.ToMark), s.ToMarkUnknown
	if note := s.MixedNote(); note != "" {
		v.Mixed = sentence(note)
	}
	for _, k := range []string{statusComplete, statusIncomplete, statusToMark, statusUnreadable} {
		n, text := c.status[k], statusName(k)
		if k == statusToMark {
			n = toMark
			if len(also) > 0 {
				text += " (of them " + strings.Join(also, ", ") + ")"
			}
		}
		if n > 0 {
			v.Statuses = append(v.Statuses, statusCount{Key: strings.ReplaceAll(k, " ", "-"), Text: text, Count: n}) // an id has no spaces
		}
	}
	if n := len(c.files) + c.filesMore; n > 0 {
		v.Statuses = append(v.Statuses, statusCount{Key: "unreadable-file", Text: "could not be read at all (listed below)", Count: n})
	}
	v.Hist = newHistogram(s.Histogram, c.Pass)
	numbered, how := c.pageOrder()
	v.Questions = c.questionViews(s, numbered)
	for _, q := range v.Questions {
		if q.Weak {
			v.Weak++
		}
	}
	v.Reread = reread(v.Questions)
	if len(c.questions) > 0 {
		v.Numbering = numberingNote(how)
	}
	order := c.tagOrder()
	for _, i := range order {
		v.Tags = append(v.Tags, quiz.TagLabel(c.tagNames[i]))
		v.ClassTags = append(v.ClassTags, c.tagSum[i].cell())
	}
	for k := range v.Rows {
		r := &v.Rows[k]
		r.Cells = make([]gridCell, len(order))
		for j, i := range order {
			var t tagTotal
			if i < len(r.tags) {
				t = r.tags[i]
			}
			r.Cells[j] = t.cell()
		}
	}
	for i, r := range [][2]int{{0, 20}, {20, 40}, {40, 60}, {60, 80}, {80, 100}} {
		v.Legend = append(v.Legend, gridCell{Text: fmt.Sprintf("%d–%d%%", r[0], r[1]), Class: "m" + strconv.Itoa(i)})
	}
	return v
}

// sentence makes a note (lower case, no full stop, as the text formats print
// it after "note: ") a sentence of its own.
func sentence(note string) string {
	return strings.ToUpper(note[:1]) + note[1:] + "."
}

// statusName says what students of status k are ("" for another k). A
// switch, not a map: a map literal is work in the package's init.
func statusName(k string) string {
	switch k {
	case statusComplete:
		return "complete"
	case statusIncomplete:
		return "incomplete (the quiz stopped early or was cut by its time limit)"
	case statusToMark:
		return "with open answers not yet marked"
	case statusUnreadable:
		return "with answers that could not be read (shown as written in Responses)"
	}
	return ""
}

// cell colours a percentage in one of five bands of a palette that readers
// with any common colour blindness tell apart (ColorBrewer's PuOr); the
// number is always written in the cell too.
func cell(pct float64, has bool) gridCell {
	if !has {
		return gridCell{Text: "–", Class: "mx"}
	}
	band := min(4, max(0, int(pct/20)))
	return gridCell{Text: strconv.Itoa(int(math.Round(pct))), Class: "m" + strconv.Itoa(band)}
}

// cell is a tag's grid cell: "–" when there is no marked question, none
// at all or only open answers not yet marked: a 0 there would read as a
// failed tag before the teacher has marked anything (teacher3 P4).
func (t tagTotal) cell() gridCell {
	if t.max > 0 && t.toMark < t.max {
		return cell(text.Percent(t.score, t.max), true)
	}
	return cell(0, false)
}

func facts(s stats.StatsSummary, c *Class) []fact {
	of := func(v float64) string {
		if s.MaxScore <= 0 {
			return ""
		}
		return fmt.Sprintf("of %s (%s)", num(s.MaxScore), pctText(text.Percent(v, s.MaxScore)))
	}
	alpha, alphaPlain := "n/a", "How consistently the questions measure the same thing; above 0.7 is usual for a class test. It needs at least two students, two questions and scores that differ."
	if s.Alpha == nil && s.Stopped > 0 && !s.MixedSets() {
		alphaPlain = "How consistently the questions measure the same thing; above 0.7 is usual for a class test. Not computed here: " + s.StoppedNote() + " (their quiz stopped early), and it needs every student to have answered the same ones."
	}
	if s.Alpha == nil && s.MixedSets() {
		alphaPlain = "How consistently the questions measure the same thing; above 0.7 is usual for a class test. Not computed here: the students had different questions (other sets or numbers of questions), and it needs every student to have answered the same ones."
	}
	if s.Alpha != nil {
		a := math.Round(*s.Alpha*10000) / 10000
		alpha = strconv.FormatFloat(a, 'f', -1, 64)
		switch {
		case a >= 0.9:
			alphaPlain = "How consistently the questions measure the same thing; above 0.7 is usual for a class test. Here: very consistent."
		case a >= 0.7:
			alphaPlain = "How consistently the questions measure the same thing; above 0.7 is usual for a class test. Here: consistent, as usual."
		case a >= 0.5:
			alphaPlain = "How consistently the questions measure the same thing; above 0.7 is usual for a class test. Here: somewhat low — some questions may measure something else."
		default:
			alphaPlain = "How consistently the questions measure the same thing; above 0.7 is usual for a class test. Here: low — the questions do not agree on who knows more; look at the flagged ones."
		}
	}
	mean := "The average score, the teacher's marks of open answers included."
	if c.ToMark > 0 {
		mean = "The average score on the automatically marked questions: open answers count once every one is marked."
	}
	fs := []fact{
		{ID: "stat-students", Label: "Students", Value: count(s.Count), Plain: "Sheets counted in the statistics."},
		{ID: "stat-mean", Label: "Mean", Value: num(s.Mean), Of: of(s.Mean), Plain: mean},
		{ID: "stat-median", Label: "Median", Value: num(s.Median), Of: of(s.Median), Plain: "Half the class scored this or more, half this or less."},
		{ID: "stat-sd", Label: "Standard deviation", Value: num(s.SD), Of: of(s.SD), Plain: "How spread out the scores are: about two students in three score within this distance of the mean."},
		{ID: "stat-alpha", Label: "Cronbach's alpha", Value: alpha, Plain: alphaPlain},
	}
	if c.Pass != nil && s.Count > 0 {
		graded := c.students - len(c.files) - c.filesMore
		fs = append(fs, fact{ID: "stat-passed", Label: "Reached the pass mark", Value: count(c.passed), Of: fmt.Sprintf("of %s graded (pass mark %s)", count(graded), pctText(*c.Pass)),
			Plain: "Students whose score is at or above the pass mark."})
	}
	return fs
}

// Plain-language labels for the facility index, as MoodleDocs reads it.
func facilityLabel(f float64) string {
	switch {
	case f <= 5:
		return "extremely hard (check the question and its key)"
	case f <= 10:
		return "very hard"
	case f <= 20:
		return "hard"
	case f <= 34:
		return "moderately hard"
	case f <= 65:
		return "about right for the average student"
	case f <= 80:
		return "fairly easy"
	case f <= 88:
		return "easy"
	case f <= 94:
		return "very easy"
	}
	return "extremely easy"
}

// Plain-language labels for the discrimination index, as MoodleDocs reads it.
func discLabel(d *float64) string {
	switch {
	case d == nil:
		return "cannot be computed: everyone scored the same on it, or on the rest"
	case *d < 0:
		return "negative: students who did well overall did worse here (check the key and the wording)"
	case *d < 20:
		return "very weak: does not tell apart who knows more"
	case *d < 30:
		return "weak: tells apart who knows more only a little"
	case *d < 50:
		return "adequate"
	}
	return "very good: tells apart who knows more"
}

func (c *Class) questionViews(s stats.StatsSummary, order []*quiz.Question) []questionView {
	items := map[string]stats.ItemStats{}
	for _, it := range s.Items {
		items[it.ID] = it
	}
	resp := map[string]stats.QuestionResponses{}
	for _, qr := range s.Responses {
		resp[qr.ID] = qr
	}
	// One view a question, and each view is large: grown by append, the
	// class of 30's 40 were copied five times over.
	out := make([]questionView, 0, max(len(order), len(s.Items)))
	// Ids that make the same anchor ("a/b-c" and "a-b/c") take the next
	// free suffix, in the page's order: each link goes to its own question.
	slugs := map[string]bool{}
	slug := func(id string) string {
		s := "q-" + anchorID(id)
		for n, base := 2, s; slugs[s]; n++ {
			s = base + "-" + strconv.Itoa(n)
		}
		slugs[s] = true
		return s
	}
	add := func(id string, q *quiz.Question) {
		qv := questionView{N: len(out) + 1, ID: id, Name: id, Slug: slug(id)}
		if q != nil && len(c.banks) <= 1 {
			qv.Name = q.ID
		}
		if q != nil {
			qv.Type, qv.Open, qv.Prompt, qv.Source, qv.Cite, qv.Tags = typeWords(q.Type), q.Type == quiz.Open, q.Prompt, q.Source, q.Source.String(), strings.Join(quiz.TagLabels(q.Tags), ", ")
			qv.Graded = q.Graded()
			qv.OpenAnswers, qv.OpenMore = c.open[q], c.openMore[q]
		}
		if it, ok := items[id]; ok {
			qv.Graded = true
			qv.MaxMark, qv.Facility, qv.Disc, qv.Weak = it.MaxMark, it.Facility, it.Discrimination, it.LowDiscrimination
			qv.FacilityLabel, qv.DiscLabel = facilityLabel(it.Facility), discLabel(it.Discrimination)
			qv.Students, qv.NotReached = it.Students, it.NotReached
			if it.Students < stats.MinStudentsToJudge {
				// One student's answer would make it "extremely easy".
				qv.TooFew = stats.TooFew(it.Students)
				qv.FacilityLabel, qv.DiscLabel = qv.TooFew, qv.TooFew
			}
			if d := it.Discrimination; d != nil {
				qv.DiscFrom, qv.DiscWidth = 50+math.Min(0, *d)/2, math.Abs(*d)/2
			}
		}
		if qr, ok := resp[id]; ok {
			qv.HasResponses = true
			qv.Type, qv.Open = typeWords(qr.Type), qr.Type == quiz.Open
			// The shares are over the students who reached the question, as
			// its facility is: one never shown it chose nothing.
			reached := qr.Students - qr.NotReached
			qv.Students, qv.Unanswered, qv.Right, qv.OtherWrong = reached, qr.Unanswered, qr.Right, qr.OtherWrong
			qv.Unreadable, qv.NotReached = qr.Unreadable, qr.NotReached
			var words []string
			for _, a := range qr.UnreadableAnswers {
				words = append(words, fmt.Sprintf("“%s” (%s)", a.Answer, count(a.Count)))
			}
			qv.UnreadableText = strings.Join(words, ", ")
			switch qr.Type {
			case quiz.Short, quiz.Numeric, quiz.Order, quiz.Match:
				qv.TypedAnswers = true
			}
			qv.Answers = make([]answerView, 0, len(qr.Answers))
			for _, a := range qr.Answers {
				av := answerView{Text: a.Answer, Count: a.Count, Correct: a.Correct, Lines: []string{a.Answer}}
				if qr.Type == quiz.Match {
					av.Lines = strings.Split(a.Answer, "; ") // as quiz.Question.Given joins the pairs
				}
				if reached > 0 {
					av.Pct = text.Percent(float64(a.Count), float64(reached))
				}
				qv.Answers = append(qv.Answers, av)
			}
		}
		out = append(out, qv)
	}
	if len(c.questions) > 0 {
		for _, q := range order {
			if q.Type != quiz.Info {
				add(q.Bank+"/"+q.ID, q)
			}
		}
		return out
	}
	for _, it := range s.Items { // statistics merged from sums: ids only
		add(it.ID, nil)
	}
	return out
}

// typeWords names a question type for a teacher: "true/false", not "truefalse".
func typeWords(t quiz.Type) string {
	switch t {
	case quiz.Single:
		return "one choice"
	case quiz.Multi:
		return "several choices"
	case quiz.TrueFalse:
		return "true/false"
	case quiz.Short:
		return "short answer"
	case quiz.Numeric:
		return "number"
	case quiz.Order:
		return "put in order"
	case quiz.Match:
		return "matching"
	case quiz.Open:
		return "open answer"
	}
	return string(t)
}

// reread lists the passages to reread with the class, in the article's
// order: the hard questions (facility under 35%, "moderately hard" or harder)
// and the flagged ones.
func reread(qs []questionView) []rereadView {
	var out []rereadView
	var src []quiz.Source
	for _, q := range qs {
		if !q.HasResponses || q.Cite == "" || !(q.Weak || q.Graded && q.Facility < 35) {
			continue
		}
		why := "flagged"
		if q.Facility < 35 {
			why = fmt.Sprintf("facility %s", pctText(math.Round(q.Facility)))
			if q.Weak {
				why += ", flagged"
			}
		}
		out = append(out, rereadView{Cite: q.Cite, Slug: q.Slug, N: q.N, Why: why})
		src = append(src, q.Source)
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return quiz.CompareSources(src[a], src[b]) })
	sorted := make([]rereadView, len(out))
	for i, j := range idx {
		sorted[i] = out[j]
	}
	return sorted
}

// histogram is the score chart's geometry: a 600×260 SVG.
type histogram struct {
	Bars          []histBar
	Most          int
	PassX         float64
	PassAnchor    string // the label's text-anchor, so that it stays inside the chart
	Pass          string
	HasPass       bool
	Ticks         []tick
	Empty         bool
	Width, Height int
}

type histBar struct {
	X, Y, W, H float64
	CX         float64 // the middle, for the count
	Count      int
	From, To   float64
	LabelY     float64
}

type tick struct {
	X     float64
	Label string
}

const (
	plotLeft, plotRight = 40.0, 570.0
	plotTop, plotBottom = 52.0, 220.0
)

// round1 keeps a coordinate to a tenth of a unit: finer is invisible, and
// longer in the page.
func round1(v float64) float64 { return math.Round(v*10) / 10 }

func newHistogram(bins []stats.Bin, pass *float64) histogram {
	h := histogram{Width: 600, Height: 260}
	for _, b := range bins {
		h.Most = max(h.Most, b.Count)
	}
	h.Empty = h.Most == 0
	step := (plotRight - plotLeft) / float64(max(1, len(bins)))
	for i, b := range bins {
		bar := histBar{X: plotLeft + float64(i)*step + 3, W: step - 6, Count: b.Count, From: b.From, To: b.To}
		if h.Most > 0 {
			bar.H = (plotBottom - plotTop) * float64(b.Count) / float64(h.Most)
		}
		bar.H = round1(bar.H)
		bar.Y = plotBottom - bar.H
		bar.LabelY = bar.Y - 6
		bar.CX = bar.X + bar.W/2
		h.Bars = append(h.Bars, bar)
	}
	for p := 0; p <= 100; p += 20 {
		h.Ticks = append(h.Ticks, tick{X: plotLeft + float64(p)/100*(plotRight-plotLeft), Label: strconv.Itoa(p) + "%"})
	}
	if pass != nil {
		h.HasPass = true
		h.Pass = pctText(*pass)
		h.PassX = round1(plotLeft + *pass/100*(plotRight-plotLeft))
		switch {
		case h.PassX < 150:
			h.PassAnchor = "start"
		case h.PassX > 450:
			h.PassAnchor = "end"
		default:
			h.PassAnchor = "middle"
		}
	}
	return h
}

// numberingNote says in which order the page numbers the questions
// (Class.pageOrder's how).
func numberingNote(how string) string {
	switch how {
	case orderPaper:
		return "The questions are numbered as on the paper test."
	case orderScreen:
		return "The questions are numbered in the order the quiz asked them (every report has the same seed)."
	}
	return "The questions are numbered in the banks' order, not as any student had them: the students had them in different orders, or in no order this page knows. Find a question by its name (such as the one in the key, beside \"class page:\"), not by its number."
}
