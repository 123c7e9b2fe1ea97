package session

import (
	"bytes"
	"context"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
)

// openPrompter types an answer to an open question and ticks some key points.
type openPrompter struct {
	answer string
	ticks  []int
}

func (p *openPrompter) Select(string, []string) (int, error)             { return 0, nil }
func (p *openPrompter) MultiSelect(string, []string) ([]int, error)      { return p.ticks, nil }
func (p *openPrompter) Input(string, func(string) error) (string, error) { return p.answer, nil }
func (p *openPrompter) Confirm(string, bool) (bool, error)               { return true, nil }
func (p *openPrompter) Order(string, []string) ([]int, error)            { return nil, nil }
func (p *openPrompter) Match(string, []string, []string) ([]int, error)  { return nil, nil }

// twoLineAnswer wraps to two rows at 80 columns under "Your answer: ".
const twoLineAnswer = "It is a mountain region in the South Caucasus that Azerbaijan and Armenia both claim, and the ethnic Armenians there wanted to leave Azerbaijan."

// openQuestions are the embedded banks' open questions with key points.
func openQuestions(t *testing.T) []*quiz.Question {
	t.Helper()
	return embeddedQuestions(t, "open", 10, func(q *quiz.Question) bool { return q.Type == quiz.Open && len(q.Key) > 0 })
}

// embeddedQuestions returns the embedded banks' questions that keep picks,
// failing the test when fewer than least are found (a bank renamed or cut
// would otherwise make its test check nothing).
func embeddedQuestions(t *testing.T, what string, least int, keep func(*quiz.Question) bool) []*quiz.Question {
	t.Helper()
	files, _ := fs.Glob(assets.Banks(), "*.yaml")
	var out []*quiz.Question
	for _, name := range files {
		data, _ := fs.ReadFile(assets.Banks(), name)
		b, _, err := quiz.ParseBank(name, data)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range b.Questions {
			if keep(q) {
				out = append(out, q)
			}
		}
	}
	if len(out) < least {
		t.Fatalf("only %d %s questions in the embedded banks", len(out), what)
	}
	return out
}

// longestPlain stands in for the longest plain answer a bank may give (50
// words, the limit): the first 50 words of the model answer, whose words
// are longer than plain English's.
func longestPlain(q *quiz.Question) string {
	words := strings.Fields(q.Model)
	return strings.Join(words[:min(50, len(words))], " ")
}

// withPlain is a copy of an open question with plain as its plain answer,
// and its own plain points, if any.
func withPlain(q *quiz.Question, plain string) *quiz.Question {
	return &quiz.Question{ID: q.ID, Type: q.Type, Prompt: q.Prompt, Model: q.Model, Plain: plain, Key: q.Key, PlainKey: q.PlainKey,
		Explanation: q.Explanation, Source: q.Source, Points: q.Points}
}

// runOpen runs q alone in practice mode at width x height and returns the
// lines written.
func runOpen(t *testing.T, q *quiz.Question, p Prompter, width, height int, saved bool) []string {
	t.Helper()
	var out bytes.Buffer
	s := &Session{Questions: []*quiz.Presented{{Question: q}}, Mode: quiz.Practice, Prompter: p,
		Out: &out, Width: width, Height: height, ReportSaved: saved}
	if _, err := s.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
}

// teacher7 A3: at 80x24 the "Covered, you say" line had scrolled off at the
// pause. For every embedded open question, with the longest plain answer
// allowed (its own, and a 50-word stand-in), a two-line answer and no key
// point ticked (the most rows), all of the feedback from the "Covered"
// line on fits above the pause; the plain answer, the explanation and the
// source are whole, every key point has its row, and any cut ends in "…".
// At 100x35 nothing is cut. The points are the bank's plain points, and the
// key points in their place (a teacher's bank without plain points).
func TestOpenFeedbackFitsTheScreen(t *testing.T) {
	worst := 0
	for _, size := range []struct{ width, height int }{{80, 24}, {100, 35}} {
		for _, orig := range openQuestions(t) {
			plains := []string{longestPlain(orig)}
			if orig.Plain != "" {
				plains = append(plains, orig.Plain)
			}
			points := [][]string{nil}
			if len(orig.PlainKey) > 0 {
				points = append(points, orig.PlainKey)
			}
			for _, plain := range plains {
				for _, pk := range points {
					q := withPlain(orig, plain)
					q.PlainKey = pk
					lines := runOpen(t, q, &openPrompter{answer: twoLineAnswer, ticks: []int{}}, size.width, size.height, true)
					name := q.ID
					for _, l := range lines {
						if n := utf8.RuneCountInString(l); n > size.width {
							t.Errorf("%s at %d columns: a line of %d columns: %q", name, size.width, n, l)
						}
					}
					i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "Covered, you say: 0 of 4") })
					if i < 0 {
						t.Fatalf("%s: no Covered line:\n%s", name, strings.Join(lines, "\n"))
					}
					shown := lines[i:]
					worst = max(worst, len(shown))
					if room := size.height - pauseRows; len(shown) > room {
						t.Errorf("%dx%d %s: %d rows from the Covered line to the pause, room for %d:\n%s", size.width, size.height, name, len(shown), room, strings.Join(shown, "\n"))
					}
					screen := strings.Join(shown, "\n")
					wants := []string{
						text.Hang(plainLabel+" "+plain, size.width, 2),
						text.Wrap(quiz.ExplanationLabel+" "+q.Explanation, size.width, "  "),
						text.Wrap("Source: "+q.Source.String(), size.width, "  "),
					}
					for _, want := range wants {
						if !strings.Contains(screen, want) {
							t.Errorf("%dx%d %s: %q is not whole on the screen at the pause:\n%s", size.width, size.height, name, want, screen)
						}
					}
					marks := 0
					for _, l := range shown {
						if strings.HasPrefix(l, "  ○ ") {
							marks++
							if size.width == 100 && strings.HasSuffix(l, "…") {
								t.Errorf("100x35 %s: a key point cut: %q", name, l)
							}
						}
					}
					if marks != len(q.Key) {
						t.Errorf("%dx%d %s: %d of %d key points on the screen:\n%s", size.width, size.height, name, marks, len(q.Key), screen)
					}
					if strings.Contains(screen, modelLabel) {
						t.Errorf("%s: the full model answer on the screen beside the plain one", name)
					}
				}
			}
		}
	}
	t.Logf("the most rows from the Covered line to the pause: %d", worst)
}

// An open question's explanation is advice on how to answer: it is
// labelled, on its first row so that it adds none, on a screen and in
// plain mode; a closed question's explanation, which follows the right
// answer, is not (teacher16 A1).
func TestExplanationLabelledForOpenOnly(t *testing.T) {
	expl := "Give the status, both names and what changed."
	open := &quiz.Question{ID: "o", Type: quiz.Open, Prompt: "What is it?", Model: "M.", Plain: "P.", Explanation: expl, Points: 1}
	closed := &quiz.Question{ID: "c", Type: quiz.Single, Prompt: "Which?", Choices: []string{"a", "b"}, Correct: []int{0}, Explanation: expl, Points: 1}
	for _, size := range []struct{ width, height int }{{80, 24}, {0, 0}} {
		var out bytes.Buffer
		s := &Session{Questions: []*quiz.Presented{{Question: open}, {Question: closed}}, Mode: quiz.Practice,
			Prompter: &openPrompter{answer: "An answer."}, Out: &out, Width: size.width, Height: size.height}
		if _, err := s.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		all := out.String()
		if n := strings.Count(all, "\n  "+quiz.ExplanationLabel+" "+expl+"\n"); n != 1 {
			t.Errorf("%dx%d: the open question's explanation labelled %d times, want once on its first row:\n%s", size.width, size.height, n, all)
		}
		if n := strings.Count(all, "\n  "+expl+"\n"); n != 1 {
			t.Errorf("%dx%d: the closed question's explanation shown unlabelled %d times, want once:\n%s", size.width, size.height, n, all)
		}
	}
}

// The feedback's order (teacher7 A3 and the README): Covered, the key
// points not ticked with ○, the plain answer, the explanation, the source;
// on a screen and in plain mode alike. teacher14 A1: nothing is drawn
// twice: not the student's answer, right above the self-check, nor the
// points ticked, which the Covered line counts.
func TestOpenFeedbackOrder(t *testing.T) {
	q := withPlain(openQuestions(t)[0], "A short plain answer in a few words.")
	for _, size := range []struct{ width, height int }{{80, 24}, {100, 35}, {0, 0}} {
		lines := runOpen(t, q, &openPrompter{answer: twoLineAnswer, ticks: []int{1}}, size.width, size.height, false)
		all := strings.Join(lines, "\n")
		at := func(s string) int { return strings.Index(all, s) }
		order := []string{"Covered, you say: 1 of 4 key points. Not ticked:", "  ○ ", "A short answer: A short plain", "  " + quiz.ExplanationLabel + " " + strings.Fields(q.Explanation)[0], "Source: "}
		for k := 1; k < len(order); k++ {
			if i, j := at(order[k-1]), at(order[k]); i < 0 || j < 0 || i > j {
				t.Errorf("%dx%d: %q (at %d) does not come before %q (at %d):\n%s", size.width, size.height, order[k-1], i, order[k], j, all)
			}
		}
		for i, k := range q.StudentKey() {
			want := 1 // the point not ticked: once, with ○
			if i == 1 {
				want = 0 // the one ticked: counted, not listed
			}
			first := strings.Fields(k)
			if n := strings.Count(all, "○ "+strings.Join(first[:3], " ")); n != want {
				t.Errorf("%dx%d: key point %d listed %d times, want %d:\n%s", size.width, size.height, i, n, want, all)
			}
		}
		if n := strings.Count(all, "○"); n != len(q.Key)-1 {
			t.Errorf("%dx%d: %d points marked ○, want %d:\n%s", size.width, size.height, n, len(q.Key)-1, all)
		}
		for _, not := range []string{"✓", "Your answer", strings.Join(strings.Fields(twoLineAnswer)[:5], " ")} {
			if strings.Contains(all, not) {
				t.Errorf("%dx%d: %q in the feedback: the student's answer and ticks are right above it:\n%s", size.width, size.height, not, all)
			}
		}
		if strings.Contains(all, modelLabel) || strings.Contains(all, strings.Join(strings.Fields(q.Model)[:6], " ")) {
			t.Errorf("%dx%d: the full model answer shown beside the plain one:\n%s", size.width, size.height, all)
		}
		if strings.Contains(all, modelInReport) {
			t.Errorf("%dx%d: no report saved, but the feedback says the model answer is in it", size.width, size.height)
		}
	}
}

// Every key point ticked: the Covered line says so and lists nothing.
func TestOpenFeedbackAllCovered(t *testing.T) {
	q := withPlain(openQuestions(t)[0], "A short plain answer in a few words.")
	all := strings.Join(runOpen(t, q, &openPrompter{answer: "Short.", ticks: []int{0, 1, 2, 3}}, 80, 24, false), "\n")
	if !strings.Contains(all, "\nCovered, you say: 4 of 4 key points.\nA short answer:") {
		t.Errorf("all ticked: want the Covered line, then the short answer:\n%s", all)
	}
	if strings.Contains(all, notCovered) || strings.Contains(all, "○") {
		t.Errorf("all ticked, but points listed as not covered:\n%s", all)
	}
}

// A question with no plain answer (a teacher's own bank) shows the full
// model answer in the plain answer's place, under its own label.
func TestOpenFeedbackFallsBackToTheModelAnswer(t *testing.T) {
	q := withPlain(openQuestions(t)[0], "")
	for _, size := range []struct{ width, height int }{{80, 24}, {0, 0}} {
		lines := runOpen(t, q, &openPrompter{answer: "Short.", ticks: []int{0}}, size.width, size.height, true)
		all := strings.Join(lines, "\n")
		model := text.Hang(modelLabel+" "+q.Model, size.width, 2)
		if !strings.Contains(all, model) {
			t.Errorf("%dx%d: the whole model answer is not shown:\n%s", size.width, size.height, all)
		}
		if i, j := strings.Index(all, "  ○ "), strings.Index(all, modelLabel); i > j {
			t.Errorf("%dx%d: the model answer before the key points:\n%s", size.width, size.height, all)
		}
		for _, not := range []string{plainLabel, modelInReport} {
			if strings.Contains(all, not) {
				t.Errorf("%dx%d: %q shown with no plain answer:\n%s", size.width, size.height, not, all)
			}
		}
	}
}

// With the report saved, a line under the plain answer says the full model
// answer is in it: when a row is free, and never at the cost of a cut.
func TestOpenFeedbackSaysTheModelAnswerIsInTheReport(t *testing.T) {
	qs := openQuestions(t)
	q := withPlain(qs[0], "A short plain answer in a few words.")
	for _, size := range []struct{ width, height int }{{100, 35}, {0, 0}} {
		all := strings.Join(runOpen(t, q, &openPrompter{answer: "Short.", ticks: []int{0}}, size.width, size.height, true), "\n")
		if i, j := strings.Index(all, "A short answer:"), strings.Index(all, modelInReport); j < 0 || i > j {
			t.Errorf("%dx%d: no %q under the plain answer:\n%s", size.width, size.height, modelInReport, all)
		}
	}
	// The question with the most rows, at 80x24: the line is left out
	// before anything is cut.
	for _, orig := range qs {
		q := withPlain(orig, longestPlain(orig))
		all := strings.Join(runOpen(t, q, &openPrompter{answer: twoLineAnswer, ticks: []int{}}, 80, 24, true), "\n")
		if strings.Contains(all, "…") && strings.Contains(all, modelInReport) {
			t.Errorf("%s: the report line shown while the feedback was cut:\n%s", q.ID, all)
		}
	}
}

// Not answered: nothing to check, so no Covered line and no "Your answer";
// the key points as what a good answer covers, then the plain answer, the
// explanation and the source, in that order.
func TestOpenFeedbackUnanswered(t *testing.T) {
	q := withPlain(openQuestions(t)[0], "A short plain answer in a few words.")
	all := strings.Join(runOpen(t, q, &openPrompter{answer: ""}, 80, 24, false), "\n")
	for _, not := range []string{"Covered", "Your answer", "✓", "○"} {
		if strings.Contains(all, not) {
			t.Errorf("%q shown with no answer:\n%s", not, all)
		}
	}
	order := []string{"A good answer covers:", "  • ", "A short answer:", "Source: "}
	for k := 1; k < len(order); k++ {
		if i, j := strings.Index(all, order[k-1]), strings.Index(all, order[k]); i < 0 || j < 0 || i > j {
			t.Errorf("%q does not come before %q:\n%s", order[k-1], order[k], all)
		}
	}
}

// On a screen too short for the whole feedback, the key points not ticked
// are cut, the longest first, each to a row ending in "…"; the ticked ones
// are not listed, so they take no row.
func TestOpenFitCutsLongestKeyPointsFirst(t *testing.T) {
	var q *quiz.Question
	for _, c := range openQuestions(t) {
		if c.ID == "two-legal-cases" {
			q = c
		}
	}
	if q == nil {
		t.Fatal("no two-legal-cases question")
	}
	p := &quiz.Presented{Question: q}
	o := &quiz.Outcome{Question: p, Response: quiz.Response{Answered: true, Text: twoLineAnswer, SelfCheckPoints: []int{3}}}
	s := &Session{Width: 80, Height: 24, ReportSaved: true}
	rowsOf := func(i int) int { return rows(text.Hang(p.StudentKey()[i], 80, 4)) }
	for h := 40; h >= 10; h-- {
		s.Height = h
		f := s.openFit(o, true, "")
		if f.note && slices.Contains(f.cut, true) {
			t.Errorf("height %d: the report line kept while %+v", h, f)
		}
		if f.cut[3] {
			t.Errorf("height %d: the ticked key point, not listed, cut: %+v", h, f)
		}
		for i := range 3 {
			for j := range 3 {
				if f.cut[i] && !f.cut[j] && rowsOf(j) > 1 && rowsOf(j) > rowsOf(i) {
					t.Errorf("height %d: point %d (%d rows) cut before the longer %d (%d rows)", h, i, rowsOf(i), j, rowsOf(j))
				}
			}
		}
	}
}

// With no key points there is no self-check: the answer, right above, is
// not repeated, and the plain answer comes before the explanation.
func TestOpenFeedbackNoKeyPoints(t *testing.T) {
	q := withPlain(openQuestions(t)[0], "A short plain answer in a few words.")
	q.Key = nil
	all := strings.Join(runOpen(t, q, &openPrompter{answer: "I liked it."}, 80, 24, false), "\n")
	for _, not := range []string{"Covered", "Your answer", "A good answer covers"} {
		if strings.Contains(all, not) {
			t.Errorf("%q shown with no key points:\n%s", not, all)
		}
	}
	if i, j := strings.Index(all, "A short answer:"), strings.Index(all, "Source: "); i < 0 || i > j {
		t.Errorf("the plain answer not before the source:\n%s", all)
	}
}

// reviewPrompter is an openPrompter that notes the screen when the
// self-check is asked.
type reviewPrompter struct {
	openPrompter
	out    *bytes.Buffer
	atTick string
}

func (p *reviewPrompter) MultiSelect(msg string, o []string) ([]int, error) {
	p.atTick = p.out.String()
	return p.openPrompter.MultiSelect(msg, o)
}

// teacher9 P3: the exam's review at the end gave the answer, the full
// model answer, the explanation and only then the key points to tick, so
// at 80x24 the student ticked with their own answer scrolled off. The
// review now gives an open question as practice mode does, for every
// embedded open question: the self-check asked right under the student's
// answer, then from the "Covered" line the points not ticked, the plain
// answer, the explanation and the source, fitting above the bottom rows;
// the full model answer is left to the report.
func TestExamReviewOpenAsPractice(t *testing.T) {
	for _, orig := range openQuestions(t) {
		q := withPlain(orig, longestPlain(orig))
		var out bytes.Buffer
		p := &reviewPrompter{openPrompter: openPrompter{answer: twoLineAnswer, ticks: []int{}}, out: &out}
		s := &Session{Questions: []*quiz.Presented{{Question: q}}, Mode: quiz.Exam, Prompter: p, Out: &out,
			Width: 80, Height: 24, ReportSaved: true}
		if _, err := s.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		before := strings.Split(strings.TrimRight(p.atTick, "\n"), "\n")
		j := slices.IndexFunc(before, func(l string) bool { return strings.HasPrefix(l, "  Your answer: It is a mountain region") })
		if j < 0 || slices.ContainsFunc(before[j+1:], func(l string) bool { return !strings.HasPrefix(l, strings.Repeat(" ", 15)) }) {
			t.Errorf("%s: the self-check not asked right under the answer:\n%s", q.ID, p.atTick)
		}
		lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
		i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "  Covered, you say: 0 of 4") })
		if i < 0 {
			t.Fatalf("%s: no Covered line:\n%s", q.ID, out.String())
		}
		shown := lines[i:]
		if room := 24 - pauseRows; len(shown) > room {
			t.Errorf("%s: %d rows from the Covered line on, room for %d:\n%s", q.ID, len(shown), room, strings.Join(shown, "\n"))
		}
		for _, l := range lines {
			if n := text.Width(l); n > 80 {
				t.Errorf("%s: a line of %d columns: %q", q.ID, n, l)
			}
		}
		screen := strings.Join(shown, "\n")
		if n := strings.Count(out.String(), "It is a mountain region"); n != 1 {
			t.Errorf("%s: the answer shown %d times in the review, want once, above the self-check:\n%s", q.ID, n, out.String())
		}
		order := []string{"  Covered, you say: 0 of 4 key points. Not ticked:", "  ○ ", "  " + plainLabel, text.Wrap(quiz.ExplanationLabel+" "+q.Explanation, 80, "  "), "  Source: "}
		last := -1
		for _, want := range order {
			j := strings.Index(screen, want)
			if j < 0 || j < last {
				t.Errorf("%s: %q missing or out of order:\n%s", q.ID, want, screen)
			}
			last = j
		}
		if strings.Contains(out.String(), modelLabel) {
			t.Errorf("%s: the review shows the full model answer, not the plain one:\n%s", q.ID, out.String())
		}
	}
}

// A Chinese or Japanese answer takes two columns a character: the feedback
// measures it so, no line passes 80 columns, and the cut to fit 80x24
// still holds (attack9 #9).
func TestOpenFeedbackFitsWideText(t *testing.T) {
	answers := []string{
		strings.Repeat("漢字テスト", 40),                                  // no spaces at all
		strings.Repeat("日本語の答え ", 30),                                // words of wide characters
		"Khojaly (Xocalı) " + strings.Repeat("霍贾利惨案是一九九二年二月发生的。", 8), // mixed
	}
	for _, orig := range openQuestions(t)[:4] {
		q := withPlain(orig, longestPlain(orig))
		for _, answer := range answers {
			lines := runOpen(t, q, &openPrompter{answer: answer, ticks: []int{}}, 80, 24, true)
			for _, l := range lines {
				if n := text.Width(l); n > 80 {
					t.Errorf("%s: a line of %d columns: %q", q.ID, n, l)
				}
			}
			i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "Covered, you say:") })
			if i < 0 {
				t.Fatalf("%s: no Covered line", q.ID)
			}
			if shown := lines[i:]; len(shown) > 24-pauseRows {
				t.Errorf("%s: %d rows from the Covered line to the pause, room for %d:\n%s", q.ID, len(shown), 24-pauseRows, strings.Join(shown, "\n"))
			}
		}
	}
}

// teacher10 A1: the student ticks the plain points, where the bank gives
// them, and sees the ones not ticked again with ○ (and all as what a good answer covers
// when there is nothing to tick); the key points are not on the screen.
// The ticks are numbers into the key points all the same, so that mark
// shows the teacher which key points the student says they covered. A
// bank without plain points shows the key points.
func TestSelfCheckShowsThePlainPoints(t *testing.T) {
	key := []string{"Attributes the one million figure to Azerbaijan's government", "Distinguishes refugees from internally displaced persons"}
	plain := []string{"Says the one million number comes from Azerbaijan", "Says how a refugee and a displaced person differ"}
	q := &quiz.Question{ID: "q", Type: quiz.Open, Prompt: "Who fled?", Model: "A model answer.", Plain: "A short answer.",
		Key: key, PlainKey: plain, Explanation: "Why.", Points: 1}
	for _, tt := range []struct {
		name      string
		plainKey  []string
		shown     []string
		notShown  []string
		width, hi int
	}{
		{"plain points at 80x24", plain, plain, key, 80, 24},
		{"plain points in plain mode", plain, plain, key, 0, 0},
		{"no plain points: the key points", nil, key, plain, 80, 24},
	} {
		q.PlainKey = tt.plainKey
		p := &optionsPrompter{openPrompter: openPrompter{answer: "One million fled.", ticks: []int{1}}}
		var out bytes.Buffer
		s := &Session{Questions: []*quiz.Presented{{Question: q}}, Mode: quiz.Practice, Prompter: p, Out: &out, Width: tt.width, Height: tt.hi}
		res, err := s.Run(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(p.options, tt.shown) {
			t.Errorf("%s: the self-check offered %q, want %q", tt.name, p.options, tt.shown)
		}
		all := out.String()
		// The point not ticked is listed; the one ticked is counted.
		if want := "  ○ " + tt.shown[0]; !strings.Contains(all, want) {
			t.Errorf("%s: %q not shown:\n%s", tt.name, want, all)
		}
		if strings.Contains(all, tt.shown[1]) {
			t.Errorf("%s: the point ticked, %q, listed again:\n%s", tt.name, tt.shown[1], all)
		}
		for _, not := range tt.notShown {
			if strings.Contains(all, not) {
				t.Errorf("%s: %q shown:\n%s", tt.name, not, all)
			}
		}
		if got := res.Outcomes[0].Response.SelfCheckPoints; !slices.Equal(got, []int{1}) {
			t.Errorf("%s: ticks %v, want [1] (into the key points)", tt.name, got)
		}
		// Nothing to tick: the same points, as what a good answer covers.
		out.Reset()
		p.answer = ""
		if _, err := s.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		if all := out.String(); !strings.Contains(all, "  • "+tt.shown[0]) || strings.Contains(all, tt.notShown[0]) {
			t.Errorf("%s, unanswered: want %q, not %q:\n%s", tt.name, tt.shown[0], tt.notShown[0], all)
		}
	}
}

// optionsPrompter is an openPrompter that keeps the self-check's options.
type optionsPrompter struct {
	openPrompter
	options []string
}

func (p *optionsPrompter) MultiSelect(msg string, o []string) ([]int, error) {
	p.options = o
	return p.openPrompter.MultiSelect(msg, o)
}

// checkerPrompter is an openPrompter whose terminal takes the self-check's
// checklist off the screen (a SelfChecker).
type checkerPrompter struct {
	openPrompter
	multi, check int
}

func (p *checkerPrompter) MultiSelect(msg string, o []string) ([]int, error) {
	p.multi++
	return p.openPrompter.MultiSelect(msg, o)
}

func (p *checkerPrompter) SelfCheck(msg string, o []string) ([]int, error) {
	p.check++
	return p.openPrompter.MultiSelect(msg, o)
}

// teacher14 A1: a prompter that can ask the self-check without echoing the
// ticks is asked with SelfCheck, in practice and in the exam's review, and
// the ticks it returns are recorded and counted as MultiSelect's are.
func TestSelfCheckAskedUnechoed(t *testing.T) {
	q := withPlain(openQuestions(t)[0], "A short plain answer in a few words.")
	for _, mode := range []quiz.Mode{quiz.Practice, quiz.Exam} {
		p := &checkerPrompter{openPrompter: openPrompter{answer: "Short.", ticks: []int{0, 2}}}
		var out bytes.Buffer
		s := &Session{Questions: []*quiz.Presented{{Question: q}}, Mode: mode, Prompter: p, Out: &out, Width: 80, Height: 24}
		res, err := s.Run(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if p.check != 1 || p.multi != 0 {
			t.Errorf("%s: SelfCheck asked %d times, MultiSelect %d; want 1 and 0", mode, p.check, p.multi)
		}
		if got := res.Outcomes[0].Response.SelfCheckPoints; !slices.Equal(got, []int{0, 2}) {
			t.Errorf("%s: ticks %v, want [0 2]", mode, got)
		}
		if !strings.Contains(out.String(), "Covered, you say: 2 of 4 key points. Not ticked:") {
			t.Errorf("%s: no Covered line:\n%s", mode, out.String())
		}
	}
}
