package stats

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
)

// Responses counts what a class answered to each question, as Moodle's quiz
// "Responses" report shows it: for a choice question, how many students chose
// each option; for a typed answer (short, numeric) and for an arrangement
// (order, match), how many got it right and the most common wrong answers.
// Its memory grows with the number of questions and of distinct wrong answers
// (at most maxWrongKept a question), never with the number of students. It is
// not safe for concurrent use.
type Responses struct {
	pos   map[*quiz.Question]int
	items []*responseCounts
}

// maxWrongKept bounds the distinct wrong answers counted one by one for a
// question; the rest are counted together.
const maxWrongKept = 2000

// wrongShown is how many of the most common wrong answers a summary lists.
const wrongShown = 5

type responseCounts struct {
	q          *quiz.Question
	id         string
	students   int
	unanswered int
	notReached int                     // the quiz stopped before showing it
	unreadable map[string]int          // answers that could not be read, as written
	unreadMore int                     // past maxWrongKept distinct ones
	right      int                     // full marks
	options    []int                   // single, multi: students per choice; truefalse: true, false
	wrong      map[string]*AnswerCount // by the answer normalised
	byText     map[string]*AnswerCount // by the answer as given: most repeat exactly, and normalising costs
	overflow   int                     // wrong answers past maxWrongKept distinct ones
}

// NewResponses starts counting responses.
func NewResponses() *Responses { return &Responses{pos: map[*quiz.Question]int{}} }

// Add counts one student's answers.
func (rs *Responses) Add(outcomes []quiz.Outcome) {
	if len(outcomes) == len(rs.items) { // the usual case: the same questions as the last sheet
		same := true
		for i := range outcomes {
			if rs.items[i].q != outcomes[i].Question.Question {
				same = false
				break
			}
		}
		if same {
			for i := range outcomes {
				rs.items[i].add(&outcomes[i])
			}
			return
		}
	}
	for k := range outcomes { // in place: an Outcome is 200 bytes to copy
		o := &outcomes[k]
		q := o.Question.Question
		if q.Type == quiz.Info {
			continue
		}
		i, ok := rs.pos[q]
		if !ok {
			i = len(rs.items)
			rs.pos[q] = i
			c := &responseCounts{q: q, id: q.Bank + "/" + q.ID}
			switch q.Type {
			case quiz.Single, quiz.Multi:
				c.options = make([]int, len(q.Choices))
			case quiz.TrueFalse:
				c.options = make([]int, 2)
			}
			rs.items = append(rs.items, c)
		}
		rs.items[i].add(o)
	}
}

func (c *responseCounts) add(o *quiz.Outcome) {
	c.students++
	r := &o.Response
	if !r.Answered {
		if o.Unseen {
			c.notReached++
		} else if r.Unreadable != "" {
			c.addUnreadable(strings.TrimSpace(r.Unreadable))
		} else {
			c.unanswered++
		}
		return
	}
	if o.Correct() {
		c.right++
	}
	switch c.q.Type {
	case quiz.Single, quiz.Multi:
		for _, k := range r.Choices {
			if k >= 0 && k < len(c.options) {
				c.options[k]++
			}
		}
		return
	case quiz.TrueFalse:
		if r.Bool {
			c.options[0]++
		} else {
			c.options[1]++
		}
		return
	case quiz.Open:
		return
	}
	if o.Correct() {
		return
	}
	given := c.q.Given(*r)
	if w, ok := c.byText[given]; ok {
		w.Count++
		return
	}
	key := text.Normalize(given)
	if c.q.Type == quiz.Numeric {
		if v, err := c.q.ParseNumeric(given); err == nil {
			key = strconv.FormatFloat(v, 'g', -1, 64) // 1,994 and 1994 are one answer
		}
	}
	w, ok := c.wrong[key]
	switch {
	case ok:
		w.Count++
	case len(c.wrong) >= maxWrongKept:
		c.overflow++
		return
	default:
		if c.wrong == nil {
			c.wrong, c.byText = map[string]*AnswerCount{}, map[string]*AnswerCount{}
		}
		w = &AnswerCount{Answer: strings.TrimSpace(given), Count: 1}
		c.wrong[key] = w
	}
	if len(c.byText) < maxWrongKept {
		c.byText[given] = w
	}
}

// addUnreadable counts an answer that could not be read: it is shown as the
// student wrote it, never as no answer.
func (c *responseCounts) addUnreadable(given string) {
	if c.unreadable == nil {
		c.unreadable = map[string]int{}
	}
	if _, ok := c.unreadable[given]; ok || len(c.unreadable) < maxWrongKept {
		c.unreadable[given]++
		return
	}
	c.unreadMore++
}

// QuestionResponses is what a class answered to one question.
type QuestionResponses struct {
	// ID is bank/id, as the question statistics name the question.
	ID         string    `json:"id"`
	Type       quiz.Type `json:"type"`
	Students   int       `json:"students"`
	Unanswered int       `json:"unanswered"`
	// NotReached counts the students whose quiz stopped (time limit, Ctrl-C)
	// before showing the question: not counted as unanswered.
	NotReached int `json:"not_reached"`
	// Unreadable counts the answers that could not be read (ture, twenty, a
	// number for a choice): given, but not as any option; never counted as
	// unanswered. UnreadableAnswers are the most common, as written.
	Unreadable        int            `json:"unreadable"`
	UnreadableAnswers []WrittenCount `json:"unreadable_answers,omitempty"`
	// Right counts the answers that earned full marks (none for open questions).
	Right int `json:"right"`
	// Answers are, for single, multi and truefalse, every option in the bank's
	// order with the students who chose it and whether it is a right option;
	// for short, numeric, order and match, the right answer with the students
	// who gave it in any accepted form, then the most common wrong answers,
	// most given first. Open questions have none: a teacher reads them.
	Answers []AnswerCount `json:"answers"`
	// OtherWrong counts the wrong answers given but not listed.
	OtherWrong int `json:"other_wrong"`
}

// WrittenCount is how many students wrote one answer that could not be read.
type WrittenCount struct {
	Answer string `json:"answer"`
	Count  int    `json:"count"`
}

// AnswerCount is how many students gave one answer.
type AnswerCount struct {
	Answer  string `json:"answer"`
	Count   int    `json:"count"`
	Correct bool   `json:"correct"`
}

// Summary lists each question's responses in bank order, as the questions'
// statistics list them (Stats.ordered): the banks in the order they were
// first met, each bank's questions in the order of its file, not in the
// order the first student met them.
func (rs *Responses) Summary() []QuestionResponses {
	if rs == nil {
		return nil
	}
	rank := map[string]int{}
	for _, c := range rs.items {
		if _, ok := rank[c.q.Bank]; !ok {
			rank[c.q.Bank] = len(rank)
		}
	}
	items := slices.Clone(rs.items)
	slices.SortStableFunc(items, func(a, b *responseCounts) int {
		if d := rank[a.q.Bank] - rank[b.q.Bank]; d != 0 {
			return d
		}
		return a.q.Line - b.q.Line
	})
	out := make([]QuestionResponses, 0, len(items))
	for _, c := range items {
		q := c.q
		qr := QuestionResponses{ID: c.id, Type: q.Type, Students: c.students, Unanswered: c.unanswered, NotReached: c.notReached, Right: c.right, Answers: []AnswerCount{}}
		qr.Unreadable = c.unreadMore
		for a, n := range c.unreadable {
			qr.Unreadable += n
			qr.UnreadableAnswers = append(qr.UnreadableAnswers, WrittenCount{Answer: a, Count: n})
		}
		sort.Slice(qr.UnreadableAnswers, func(i, j int) bool {
			a, b := qr.UnreadableAnswers[i], qr.UnreadableAnswers[j]
			return a.Count > b.Count || a.Count == b.Count && a.Answer < b.Answer
		})
		if len(qr.UnreadableAnswers) > wrongShown {
			qr.UnreadableAnswers = qr.UnreadableAnswers[:wrongShown]
		}
		switch q.Type {
		case quiz.Single, quiz.Multi:
			for k, n := range c.options {
				qr.Answers = append(qr.Answers, AnswerCount{Answer: q.Choices[k], Count: n, Correct: slices.Contains(q.Correct, k)})
			}
		case quiz.TrueFalse:
			qr.Answers = append(qr.Answers,
				AnswerCount{Answer: "True", Count: c.options[0], Correct: q.Truth},
				AnswerCount{Answer: "False", Count: c.options[1], Correct: !q.Truth})
		case quiz.Open:
		default:
			qr.Answers = append(qr.Answers, AnswerCount{Answer: q.Expected(), Count: c.right, Correct: true})
			wrong := make([]AnswerCount, 0, len(c.wrong))
			for _, w := range c.wrong {
				wrong = append(wrong, *w)
			}
			sortCounts(wrong)
			for i, w := range wrong {
				if i < wrongShown {
					qr.Answers = append(qr.Answers, w)
				} else {
					qr.OtherWrong += w.Count
				}
			}
			qr.OtherWrong += c.overflow
		}
		out = append(out, qr)
	}
	return out
}

// sortCounts puts the most given answers first, then in alphabetical order.
func sortCounts(list []AnswerCount) {
	sort.Slice(list, func(i, j int) bool {
		if list[i].Count != list[j].Count {
			return list[i].Count > list[j].Count
		}
		return list[i].Answer < list[j].Answer
	})
}

// answerList is the answers' text, in order.
func (qr QuestionResponses) answerList() []string {
	list := make([]string, len(qr.Answers))
	for i, a := range qr.Answers {
		list[i] = a.Answer
	}
	return list
}

// unreadableText lists the unreadable answers as written, for a cell:
// "“ture” 2, “twenty” 1".
func (qr QuestionResponses) unreadableText() string {
	parts := make([]string, 0, len(qr.UnreadableAnswers))
	written := make([]string, len(qr.UnreadableAnswers))
	for i, a := range qr.UnreadableAnswers {
		written[i] = a.Answer
	}
	shown := answerTexts(written)
	for i, a := range qr.UnreadableAnswers {
		parts = append(parts, fmt.Sprintf("“%s” %d", shown[i], a.Count))
	}
	return strings.Join(parts, ", ")
}

// answerTexts are answers as a summary shows them: control characters
// escaped, and cut (…) only where the cut ones still read apart; a long
// match or order answer differs from another only near its end, so answers
// that differ are never shown the same (text.Printable cuts every one at
// text.MaxPrintable).
func answerTexts(answers []string) []string {
	out := make([]string, len(answers))
	longest := 0
	for i, a := range answers {
		out[i] = text.EscapeControl(a)
		longest = max(longest, utf8.RuneCountInString(out[i]))
	}
	for limit := text.MaxPrintable; limit < longest; limit *= 2 {
		cut := make([]string, len(out))
		seen := make(map[string]bool, len(out))
		apart := true
		for i, a := range out {
			cut[i] = a
			if r := []rune(a); len(r) > limit {
				cut[i] = string(r[:limit]) + "…"
			}
			if seen[cut[i]] {
				apart = false
				break
			}
			seen[cut[i]] = true
		}
		if apart {
			return cut
		}
	}
	return out
}

// responseCell is a question's responses in one line, for a CSV cell:
// "✓ Khojaly: 30; Shusha: 5; no answer: 2". Appended, not a string made by
// fmt for each answer and joined: a class's 40 cells took 350 allocations.
func (qr QuestionResponses) responseCell() string {
	shown := answerTexts(qr.answerList())
	b := make([]byte, 0, 64*len(qr.Answers)+64)
	sep := func() {
		if len(b) > 0 {
			b = append(b, "; "...)
		}
	}
	for i, a := range qr.Answers {
		if i > 0 {
			b = append(b, "; "...)
		}
		if a.Correct {
			b = append(b, "✓ "...)
		}
		b = append(b, shown[i]...)
		b = append(b, ": "...)
		b = strconv.AppendInt(b, int64(a.Count), 10)
	}
	count := func(what string, n int) {
		sep()
		b = append(b, what...)
		b = strconv.AppendInt(b, int64(n), 10)
	}
	if qr.OtherWrong > 0 {
		count("other wrong answers: ", qr.OtherWrong)
	}
	if qr.Unreadable > 0 {
		count("unreadable: ", qr.Unreadable)
		b = append(b, " ("...)
		b = append(b, qr.unreadableText()...)
		b = append(b, ')')
	}
	if qr.Unanswered > 0 {
		count("no answer: ", qr.Unanswered)
	}
	if qr.NotReached > 0 {
		count("not reached: ", qr.NotReached)
	}
	return string(b)
}

// writeResponsesMarkdown adds the response analysis to a Markdown summary: one
// small table a question, the right answers marked.
func writeResponsesMarkdown(b *strings.Builder, rs []QuestionResponses) {
	if len(rs) == 0 {
		return
	}
	b.WriteString("\n## Responses\n\nHow many students gave each answer; ✓ marks a right one.\n")
	for _, qr := range rs {
		fmt.Fprintf(b, "\n### %s (%s)\n\n", text.MarkdownEscape(qr.ID), qr.Type)
		if qr.Type == quiz.Open {
			fmt.Fprintf(b, "Open question, marked by the teacher: %d answered, %d without an answer", qr.Students-qr.Unanswered-qr.NotReached-qr.Unreadable, qr.Unanswered)
			if qr.NotReached > 0 {
				fmt.Fprintf(b, ", %d not reached", qr.NotReached)
			}
			b.WriteString(".\n")
			continue
		}
		b.WriteString("| Answer | Students | Right |\n|---|---:|:---:|\n")
		shown := answerTexts(qr.answerList())
		for i, a := range qr.Answers {
			mark := ""
			if a.Correct {
				mark = "✓"
			}
			fmt.Fprintf(b, "| %s | %d | %s |\n", text.MarkdownEscape(shown[i]), a.Count, mark)
		}
		if qr.OtherWrong > 0 {
			fmt.Fprintf(b, "| _other wrong answers_ | %d | |\n", qr.OtherWrong)
		}
		if qr.Unreadable > 0 {
			fmt.Fprintf(b, "| _unreadable:_ %s | %d | |\n", text.MarkdownEscape(qr.unreadableText()), qr.Unreadable)
		}
		fmt.Fprintf(b, "| _no answer_ | %d | |\n", qr.Unanswered)
		if qr.NotReached > 0 {
			fmt.Fprintf(b, "| _not reached_ | %d | |\n", qr.NotReached)
		}
	}
}
