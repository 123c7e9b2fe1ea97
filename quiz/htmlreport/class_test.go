package htmlreport_test

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/grade"
	"github.com/conflictq/conflictq/quiz/htmlreport"
	"github.com/conflictq/conflictq/quiz/report"
	"github.com/conflictq/conflictq/quiz/sheet"
	"github.com/conflictq/conflictq/quiz/stats"
)

// hostileBank has a question whose every text would run as code if the page
// did not escape it.
const hostileBank = `id: b
title: B
questions:
  - id: capital
    type: single
    prompt: "Which <script>alert(1)</script> city?"
    choices: ["<img src=x onerror=alert(1)>", Yerevan, Tbilisi]
    answer: "<img src=x onerror=alert(1)>"
    explanation: E
    source: {section: "</style><script>alert(2)</script>", paragraph: 2, quote: "q\"><svg onload=alert(3)>"}
    tags: ["<b>tag</b>"]
  - id: town
    type: short
    prompt: Which town?
    accept: [Khojaly]
    explanation: E
    source: {section: S, paragraph: 1, quote: q}
    tags: [places]
  - id: essay
    type: open
    prompt: Why?
    model_answer: M
    explanation: E
    source: {section: S, paragraph: 1, quote: q}
`

func gradeSheets(t *testing.T, sheets ...string) ([]*grade.SheetResult, *quiz.Bank) {
	t.Helper()
	return gradeOn(t, hostileBank, sheets...)
}

// gradeOn grades JSON-lines sheets against one bank, with a pass mark of 50%.
func gradeOn(t *testing.T, bankYAML string, sheets ...string) ([]*grade.SheetResult, *quiz.Bank) {
	t.Helper()
	bank, _, err := quiz.ParseBank("b.yaml", []byte(bankYAML))
	if err != nil {
		t.Fatal(err)
	}
	pass := 50.0
	g := &grade.Grader{Banks: []*quiz.Bank{bank}, Pass: &pass}
	var out []*grade.SheetResult
	for i, s := range sheets {
		sh, err := sheet.Read("s.jsonl", i+1, []byte(s))
		if err != nil {
			t.Fatal(err)
		}
		r, err := g.Grade(sh)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out, bank
}

// page grades the sheets into a class page as grade --format html does.
func page(t *testing.T, maxRows int, sheets ...string) string {
	t.Helper()
	results, _ := gradeSheets(t, sheets...)
	return pageOf(t, maxRows, results)
}

// pageOf writes graded sheets (perhaps marked by a teacher) as a class page.
func pageOf(t *testing.T, maxRows int, results []*grade.SheetResult) string {
	t.Helper()
	pass := 50.0
	c := htmlreport.NewClass(&pass, time.Date(2026, 2, 26, 9, 0, 0, 0, time.UTC))
	c.MaxRows = maxRows
	var cs grade.ClassStats
	for _, r := range results {
		c.Add(grade.PageSheet(r))
		cs.Add(r)
	}
	c.AddUnreadable("bad.yaml", errString("bad.yaml: line 3: <oops>"))
	c.ToMark = cs.ToMark()
	sum := cs.Summary(30)
	var b bytes.Buffer
	if err := c.Write(&b, sum); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

type errString string

func (e errString) Error() string { return string(e) }

var class = []string{
	`{"student":"<script>alert(1)</script>","answers":{"capital":"<img src=x onerror=alert(1)>","town":"Khojaly","essay":"<i>because</i>"}}`,
	`{"student":"\"><img src=x onerror=alert(1)>","answers":{"capital":"Yerevan","town":"Shusha"}}`,
	`{"student":"Bo","answers":{"capital":"Yerevan","town":"shusha","essay":"x"}}`,
}

func TestClassPageShowsHostileTextAsText(t *testing.T) {
	p := page(t, 0, class...)
	for _, raw := range []string{"<script>alert", "<img", "<svg onload", "<b>tag", "<i>because", "</style><script>", "<oops>"} {
		if strings.Contains(p, raw) {
			t.Errorf("the page holds %q unescaped", raw)
		}
	}
	for _, shown := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;", "&lt;i&gt;because&lt;/i&gt;", "&lt;b&gt;tag&lt;/b&gt;", "&lt;oops&gt;"} {
		if !strings.Contains(p, shown) {
			t.Errorf("the page does not show %q", shown)
		}
	}
	if n := strings.Count(p, "<script"); n != 1 {
		t.Errorf("%d script elements, want 1", n)
	}
	if strings.Contains(p, "ZgotmplZ") {
		t.Errorf("html/template refused a value (ZgotmplZ) somewhere in the page")
	}
}

// The CSP allows exactly the inline style and script the page carries.
func TestClassPageCSPMatchesItsInlineCode(t *testing.T) {
	p := page(t, 0, class...)
	style := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindStringSubmatch(p)
	script := regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindStringSubmatch(p)
	if style == nil || script == nil {
		t.Fatal("no inline style or script")
	}
	csp := regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]*)"`).FindStringSubmatch(p)
	if csp == nil {
		t.Fatal("no Content-Security-Policy")
	}
	policy := html.UnescapeString(csp[1])
	for _, want := range []string{"default-src 'none'", "style-src '" + htmlreport.Hash(style[1]) + "'", "script-src '" + htmlreport.Hash(script[1]) + "'", "img-src 'none'", "connect-src 'none'"} {
		if !strings.Contains(policy, want) {
			t.Errorf("the policy %q lacks %q", policy, want)
		}
	}
	if strings.Contains(p, "style=\"") {
		t.Errorf("an inline style attribute, which the policy blocks")
	}
}

func TestClassPageStatusesAndCut(t *testing.T) {
	p := page(t, 2, class...)
	for _, want := range []string{
		`data-v="to mark"><span class="st-tomark">to mark</span>`,     // the first student: an essay to mark
		`data-v="complete"><span class="st-complete">complete</span>`, // the second finished, the essay left blank
		`id="gradebook-cut"`, "The first 2 of 4 sheets are listed",
		`id="status-unreadable-file">1<`, // the unreadable sheet, listed apart, is counted
	} {
		if !strings.Contains(p, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if n := strings.Count(p, `<tr><th scope="row"`); n != 2+1+2 { // gradebook 2, class row, grid 2
		t.Errorf("%d row headers, want 5", n)
	}
	full := page(t, 0, class...)
	if !strings.Contains(full, "<li><code>bad.yaml</code>: line 3: &lt;oops&gt;</li>") || strings.Contains(full, "gradebook-cut") {
		t.Errorf("with room for everyone, the unreadable sheet is listed apart and nothing is cut")
	}
	if _, gradebook, _ := strings.Cut(full, `id="gradebook-table"`); strings.Contains(gradebook[:strings.Index(gradebook, "</table>")], "bad.yaml") {
		t.Errorf("the unreadable sheet is listed among the students")
	}
}

func TestClassPageResponsesAndFlags(t *testing.T) {
	p := page(t, 0, class...)
	for _, want := range []string{
		`data-q="b/town"`, "Shusha", // the two wrong answers, one answer folded
		`<span class="right">&lt;img src=x onerror=alert(1)&gt;</span>`,
		"pass mark 50%", "Not yet marked", "&lt;i&gt;because&lt;/i&gt;",
		// Two sheets hold an essay not yet marked: the statistics wait for it.
		`<p class="note" id="to-mark-note">2 sheets have open answers not yet marked`,
		"(one choice, 1 point; 3 students)", "(short answer, 1 point; 3 students)",
		// Three students are too few to judge a question (issue 11, P7).
		": too few students (3) to judge</span>",
	} {
		if !strings.Contains(p, want) && !strings.Contains(strings.ToLower(p), strings.ToLower(want)) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Count(p, ">shusha<") != 0 {
		t.Errorf("shusha and Shusha should be one wrong answer")
	}
	if strings.Contains(p, "extremely") || strings.Contains(p, `<span class="flag">weak`) {
		t.Errorf("three students' answers judged a question")
	}
}

// One student is "1 student", not "1 students".
func TestClassPageOneStudent(t *testing.T) {
	p := page(t, 0, class[2])
	if !strings.Contains(p, "1 student;") || strings.Contains(p, "1 students") {
		t.Errorf("the page counts one student as %q", p[max(0, strings.Index(p, "student")-20):][:60])
	}
}

// Statistics merged from sums have no students: the page says so.
func TestClassPageFromSumsOnly(t *testing.T) {
	s := stats.New([]string{"b/a", "b/c"}, []float64{1, 1})
	s.Add([]float64{1, 0})
	s.Add([]float64{0, 1})
	var b bytes.Buffer
	if err := htmlreport.NewClass(nil, time.Time{}).Write(&b, s.Summary(30)); err != nil {
		t.Fatal(err)
	}
	p := b.String()
	if !strings.Contains(p, "merged from running sums") || strings.Contains(p, `id="gradebook"`) || !strings.Contains(p, "b/a") {
		t.Errorf("a sums-only page should say where its numbers come from, list no students, and name the questions")
	}
	if strings.Count(p, "carry no responses") != 1 || strings.Contains(p, "No responses recorded") {
		t.Errorf("a sums-only page should say once that it has no responses, not once a question")
	}
}

func TestStudentPage(t *testing.T) {
	results, _ := gradeSheets(t, class[0])
	r := results[0]
	res := &quiz.Result{Outcomes: r.Outcomes, Status: quiz.Complete, EndedBy: quiz.EndFinished}
	rep := report.New(report.Meta{Student: r.Student, Banks: r.Banks}, res)
	var b bytes.Buffer
	if err := htmlreport.WriteStudent(&b, rep, r.Outcomes); err != nil {
		t.Fatal(err)
	}
	p := b.String()
	if strings.Contains(p, "<img") || strings.Contains(p, "<script>alert") {
		t.Errorf("the student page holds hostile text unescaped")
	}
	for _, want := range []string{"Quiz review: &lt;script&gt;", "right: 1 of 1 point", "your answer", "Reread: S, ¶1", "A model answer: M", "<p>E</p>"} {
		if !strings.Contains(p, want) {
			t.Errorf("the student page lacks %q", want)
		}
	}
	// The open question's explanation is advice on how to answer, labelled
	// as on the screen (teacher16 A1); the closed ones' are not.
	if n := strings.Count(p, "<p><strong>"+quiz.ExplanationLabel+"</strong> E</p>"); n != 1 {
		t.Errorf("the page labels %d explanations %q, want 1 (the open question's)", n, quiz.ExplanationLabel)
	}
	if n := strings.Count(p, "<p>E</p>"); n != 2 {
		t.Errorf("the page shows %d unlabelled explanations, want 2 (the closed questions')", n)
	}
}

func TestCount(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 10000: "10,000", 1234567: "1,234,567", -1500: "-1,500"} {
		if got := htmlreport.Count(n); got != want {
			t.Errorf("count(%d) = %s, want %s", n, got, want)
		}
	}
}

// A student who stops an exam early must not read, on the page they keep, the
// answers to the questions they never reached (the Markdown report's rule).
func TestStudentPageOfStoppedExamHidesUnseenAnswers(t *testing.T) {
	results, _ := gradeSheets(t, `{"student":"S","answers":{"capital":"Yerevan"}}`)
	r := results[0]
	for i := 1; i < len(r.Outcomes); i++ {
		r.Outcomes[i].Unseen = true
		r.Outcomes[i].Response = quiz.Response{}
	}
	res := &quiz.Result{Outcomes: r.Outcomes, Status: quiz.Incomplete, EndedBy: quiz.EndInterrupt}
	rep := report.New(report.Meta{Student: "S", Banks: r.Banks}, res)
	var b bytes.Buffer
	if err := htmlreport.WriteStudent(&b, rep, r.Outcomes); err != nil {
		t.Fatal(err)
	}
	p := b.String()
	for _, leak := range []string{"Khojaly", "A model answer: M"} {
		if strings.Contains(p, leak) {
			t.Errorf("the page of a stopped exam gives away %q, from a question never shown", leak)
		}
	}
	if n := strings.Count(p, "<p>E</p>"); n != 1 {
		t.Errorf("the page shows %d explanations, want 1 (the one question reached)", n)
	}
	if n := strings.Count(p, "not reached"); n < 2 {
		t.Errorf("the questions never shown should say \"not reached\" (%d found)", n)
	}
}

// A teacher's marks show beside the open answers; the gradebook flags who is
// below the pass mark; and each status is the grader's, the one every other
// format shows (test11 P1-P3).
func TestClassPageMarksPassAndStatuses(t *testing.T) {
	results, _ := gradeSheets(t, class...)
	for i := range results[0].Outcomes {
		if o := &results[0].Outcomes[i]; o.Question.Type == quiz.Open {
			o.Mark = &quiz.Mark{Points: 0.5, Comment: "<b>partly</b> right"}
		}
	}
	p := pageOf(t, 0, results)
	for _, want := range []string{
		"0.5 of 1 point", "&lt;b&gt;partly&lt;/b&gt; right", // the mark and its comment, as text
		"below pass", // Bo has 0 of 2 with a pass mark of 50%
	} {
		if !strings.Contains(p, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(p, "<b>partly") {
		t.Errorf("a mark's comment is not escaped")
	}
	// The grader's statuses: the second student finished with an essay left
	// blank (complete), Bo has an essay to mark.
	for i, r := range results {
		want := `data-v="` + r.Status() + `"`
		rows := regexp.MustCompile(`(?s)id="gradebook-table".*?<tbody>\n(.*?)</tbody>`).FindStringSubmatch(p)[1]
		line := strings.Split(rows, "\n")[i]
		if !strings.Contains(line, want) || !strings.Contains(line, html.EscapeString(r.StatusText())) {
			t.Errorf("sheet %d: gradebook row %q lacks the grader's status %q", i, line, r.StatusText())
		}
	}
}

// test14 item 2: control characters in a name or an answer reach neither the
// class page nor the student page raw; they show as \x1b, as everywhere else.
func TestPagesEscapeControlCharacters(t *testing.T) {
	hostile := `{"student":"ev\u001b[2J\u001b]52;c;SGVsbG8=\u0007il","answers":{"capital":"Y\u001b[2Jerevan","town":"Shusha","essay":"a\u0007b"}}`
	p := page(t, 0, hostile)
	results, _ := gradeSheets(t, hostile)
	r := results[0]
	res := &quiz.Result{Outcomes: r.Outcomes, Status: quiz.Complete, EndedBy: quiz.EndFinished}
	rep := report.New(report.Meta{Student: r.Student, Banks: r.Banks}, res)
	var b bytes.Buffer
	if err := htmlreport.WriteStudent(&b, rep, r.Outcomes); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"class": p, "student": b.String()} {
		if strings.ContainsAny(out, "\x1b\x07") {
			t.Errorf("the %s page holds a raw ESC or BEL", name)
		}
		if !strings.Contains(out, `ev\x1b[2J`) {
			t.Errorf("the %s page does not show the name escaped", name)
		}
	}
}

// Questions are numbered as the bank lists them, whatever order the first
// sheet asked them in (test11 P10).
func TestClassPageNumbersQuestionsInBankOrder(t *testing.T) {
	results, _ := gradeSheets(t, class...)
	for _, r := range results { // as if each student had been asked in reverse
		for i, j := 0, len(r.Outcomes)-1; i < j; i, j = i+1, j-1 {
			r.Outcomes[i], r.Outcomes[j] = r.Outcomes[j], r.Outcomes[i]
		}
	}
	p := pageOf(t, 0, results)
	a, b, c := strings.Index(p, `1. <code>capital</code>`), strings.Index(p, `2. <code>town</code>`), strings.Index(p, `3. <code>essay</code>`)
	if a < 0 || b < a || c < b {
		t.Errorf("questions not in bank order: capital %d, town %d, essay %d", a, b, c)
	}
}

// The sheets with open answers to mark are counted once, the same in the
// Sheets list and in the note under it, an incomplete one included
// (teacher2 A5).
func TestClassPageCountsSheetsToMarkOnce(t *testing.T) {
	results, _ := gradeSheets(t, class...)
	results[0].Incomplete, results[0].EndedBy = true, quiz.EndInterrupt // and an essay to mark
	if results[0].Status() != grade.StatusIncomplete || results[0].ToMark() != 1 || results[2].Status() != grade.StatusToMark {
		t.Fatalf("statuses %q, %q", results[0].StatusText(), results[2].StatusText())
	}
	p := pageOf(t, 0, results)
	if !strings.Contains(p, `<span id="status-to-mark">2</span> with open answers not yet marked (of them 1 incomplete)`) {
		t.Errorf("the Sheets list does not count both sheets to mark:\n%s", regexp.MustCompile(`(?s)<ul class="statuses">.*?</ul>`).FindString(p))
	}
	if !strings.Contains(p, `2 sheets have open answers not yet marked`) {
		t.Errorf("the note does not say 2 sheets:\n%s", regexp.MustCompile(`(?s)<p class="note" id="to-mark-note">.*?</p>`).FindString(p))
	}
}

// setsBank has a tag on each question, so that students asked different sets
// (sheet --tag) meet different tags.
const setsBank = `id: b
title: B
questions:
  - id: year
    type: truefalse
    prompt: Was it 1992?
    answer: true
    explanation: E
    source: {section: S, paragraph: 1, quote: q}
    tags: [chronology]
  - id: vote
    type: truefalse
    prompt: Was there a vote?
    answer: true
    explanation: E
    source: {section: S, paragraph: 2, quote: q}
    tags: [un-resolution]
  - id: court
    type: truefalse
    prompt: Was there a case?
    answer: true
    explanation: E
    source: {section: S, paragraph: 3, quote: q}
    tags: [un-resolution, legal-cases]
`

// Every sheet's tags make the columns, not the first sheet's: students asked
// different sets meet different tags (issue 11).
func TestClassPageTagsOfEverySheet(t *testing.T) {
	results, _ := gradeOn(t, setsBank,
		`{"student":"Ana","tags":["chronology"],"answers":{"year":"true"}}`,
		`{"student":"Bo","tags":["un-resolution"],"answers":{"vote":"true","court":"false"}}`,
		`{"student":"Cy","answers":{"year":"false","vote":"true","court":"true"}}`, // past MaxRows: in the class row only
	)
	if n := len(results[0].Outcomes); n != 1 {
		t.Fatalf("Ana was asked %d questions, want 1 (the tag picks them)", n)
	}
	p := pageOf(t, 2, results)
	for _, want := range []string{
		// Sorted by tag, shown by label.
		`<th scope="col" class="n tag" title="Chronology">Chronology</th><th scope="col" class="n tag" title="Legal cases">Legal cases</th><th scope="col" class="n tag" title="UN resolution">UN resolution</th></tr>`,
		`<thead><tr><th scope="col">Student</th><th scope="col">Chronology</th><th scope="col">Legal cases</th><th scope="col">UN resolution</th></tr></thead>`,
		// Ana met only the first tag, which Bo never met.
		`<tr><th scope="row" title="Ana">Ana</th><td class="m4">100</td><td class="mx">–</td><td class="mx">–</td></tr>`,
		`<tr><th scope="row" title="Bo">Bo</th><td class="mx">–</td><td class="m0">0</td><td class="m2">50</td></tr>`,
		// The class row counts Cy too: chronology 1 of 2, legal cases 1 of 2, UN resolution 3 of 4.
		`<tr><th scope="row">Whole class</th><td class="m2">50</td><td class="m2">50</td><td class="m3">75</td></tr>`,
		// The gradebook has the same cells.
		`<td class="n tag" data-v="-1">–</td><td class="n tag" data-v="0">0</td><td class="n tag" data-v="50">50</td></tr>`,
		// The overview says why the questions' counts differ.
		`<p class="note" id="mixed-sets">Students had different question sets: 3 automatically marked questions in all; each question&#39;s statistics cover those who got it, and the maximum score is the average of the students&#39; own.</p>`,
	} {
		if !strings.Contains(p, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	// One set for all: no note.
	same, _ := gradeOn(t, setsBank, `{"student":"Ana","answers":{"year":"true"}}`, `{"student":"Bo","answers":{"vote":"true"}}`)
	if p := pageOf(t, 0, same); strings.Contains(p, "mixed-sets") || strings.Contains(p, "different question sets") {
		t.Error("a class asked one set has a note about different sets")
	}
}

const essayBank = `id: b
title: B
questions:
  - id: town
    type: short
    prompt: Which town?
    accept: [Khojaly]
    explanation: E
    source: {section: S, paragraph: 1, quote: q}
    tags: [places]
  - id: essay
    type: open
    prompt: Why?
    model_answer: M
    explanation: E
    source: {section: S, paragraph: 1, quote: q}
    tags: [questions]
`

// Before marking, a tag whose questions all wait for a teacher shows "–" (no
// marked question), not 0, which reads as a failed tag; a blank open answer
// is a real 0, and a marked one counts (teacher3 P4).
func TestClassPageTagNotYetMarked(t *testing.T) {
	results, _ := gradeOn(t, essayBank,
		`{"student":"Ana","answers":{"town":"Khojaly","essay":"Because."}}`, // to mark
		`{"student":"Bo","answers":{"town":"Shusha"}}`,                      // the essay left blank
		`{"student":"Cy","answers":{"town":"Khojaly","essay":"So."}}`,       // marked below
	)
	for i := range results[2].Outcomes {
		if o := &results[2].Outcomes[i]; o.Question.Type == quiz.Open {
			o.Mark = &quiz.Mark{Points: 1}
		}
	}
	p := pageOf(t, 0, results)
	for _, want := range []string{
		`<tr><th scope="row" title="Ana">Ana</th><td class="m4">100</td><td class="mx">–</td></tr>`,
		`<tr><th scope="row" title="Bo">Bo</th><td class="m0">0</td><td class="m0">0</td></tr>`,
		`<tr><th scope="row" title="Cy">Cy</th><td class="m4">100</td><td class="m4">100</td></tr>`,
	} {
		if !strings.Contains(p, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	// With nobody marked yet, the class row too.
	results, _ = gradeOn(t, essayBank, `{"student":"Ana","answers":{"town":"Khojaly","essay":"Because."}}`)
	if p := pageOf(t, 0, results); !strings.Contains(p, `<tr><th scope="row">Whole class</th><td class="m4">100</td><td class="mx">–</td></tr>`) {
		t.Error("the class row shows a tag waiting for marks as a number")
	}
}

// In Responses, a student whose quiz stopped before a question is counted as
// "not reached", not as "no answer" (teacher3 P6), and left out of the
// shares and the count of students, as the question's facility leaves them
// out (teacher17 P5).
func TestClassPageResponsesNotReached(t *testing.T) {
	results, _ := gradeOn(t, essayBank,
		`{"student":"Ana","answers":{"town":"Khojaly","essay":"Because."}}`,
		`{"student":"Bo","answers":{}}`,
		`{"student":"Cy","answers":{}}`,
	)
	for i := range results[2].Outcomes {
		results[2].Outcomes[i].Unseen = true
	}
	p := pageOf(t, 0, results)
	for _, want := range []string{
		`<tr><td><em>no answer</em></td><td class="n" data-label="Students">1</td>`,
		`<tr><td><em>not reached</em></td><td class="n" data-label="Students">1</td><td class="n" data-label="Share"></td>`,
		// Counted over the students who reached it, as facility is (teacher17 P5).
		`2 students; 1 without an answer; 1 not reached (the quiz stopped before it).`,
		`2 students; 1 right (in any accepted form); not reached: 1 (left out of the shares)`,
		`; 2 students; not reached: 1)`,
		`Not computed here: 1 student did not reach every question (their quiz stopped early)`,
	} {
		if !strings.Contains(p, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}

// Cronbach's alpha is n/a for a class whose students had different
// questions, and the page says that is why (issue 11, P8).
func TestClassPageAlphaMixedSets(t *testing.T) {
	p := page(t, 0,
		`{"student": "Ana", "banks": ["b"], "answers": {"capital": "Yerevan", "town": "Khojaly", "essay": ""}}`,
		`{"student": "Ben", "banks": ["b"], "answers": {"capital": "<img src=x onerror=alert(1)>", "town": "Shusha", "essay": ""}}`,
		`{"student": "Cy", "banks": ["b"], "seed": 2, "count": 1, "answers": {"capital": "Yerevan", "town": "Agdam"}}`,
	)
	if !strings.Contains(p, "the students had different questions") {
		t.Errorf("alpha n/a without its reason:\n%s", p[max(0, strings.Index(p, "stat-alpha")):][:600])
	}
}

// Percentages read as in every other format: whole, or to one decimal
// (33.3%), never 33.33% (issue 15).
func TestClassPagePercentsToOneDecimal(t *testing.T) {
	p := page(t, 0,
		`{"student":"Ana","answers":{"capital":"Baku","town":"Shusha"}}`,
		`{"student":"Bo","answers":{"capital":"Yerevan","town":"Shusha"}}`,
		`{"student":"Cem","answers":{"capital":"Yerevan","town":"Shusha"}}`)
	if m := regexp.MustCompile(`\d\.\d\d%`).FindString(p); m != "" {
		t.Errorf("the page shows %q", m)
	}
	if !strings.Contains(p, "33.3%") {
		t.Errorf("Ana's 1 of 3 is not shown as 33.3%%")
	}
}

// The page a student keeps says which answer was cut off, as the Markdown
// and JSON reports do (attack8 §7); an answer sent with Enter says nothing.
func TestStudentPageSaysAnAnswerWasCutOff(t *testing.T) {
	typed, sent := "The USSR, it was", "1922"
	rep := &report.Report{Student: "Zed", Status: quiz.Incomplete, EndedBy: quiz.EndInterrupt, Questions: []report.QuestionReport{
		{ID: "ussr", Type: quiz.Open, Prompt: "What was the Soviet Union?", Given: &typed, CutOff: true, MaxPoints: 1},
		{ID: "year", Type: quiz.Numeric, Prompt: "Which year?", Given: &sent, MaxPoints: 1},
	}}
	var b bytes.Buffer
	if err := htmlreport.WriteStudent(&b, rep, nil); err != nil {
		t.Fatal(err)
	}
	p := b.String()
	if n := strings.Count(p, "("+quiz.CutOffNote+")"); n != 1 {
		t.Errorf("the page says %d times that an answer was cut off, want 1:\n%s", n, p)
	}
	if i := strings.Index(p, "The USSR, it was</span> <em class=\"muted\">(cut off"); i < 0 {
		t.Errorf("the note is not beside the cut-off answer:\n%s", p)
	}
}

// The student's page is the student's copy: it lists an open question's key
// points as the screen did, in plain words where the bank gives them
// (teacher10 A1), and the key points where it does not.
func TestStudentPageListsThePlainPoints(t *testing.T) {
	key := []string{"Attributes the one million figure to Azerbaijan's government"}
	plain := []string{"Says the one million number comes from Azerbaijan"}
	for _, tt := range []struct {
		plainKey    []string
		want, want2 string
	}{
		{plain, plain[0], key[0]},
		{nil, key[0], plain[0]},
	} {
		q := &quiz.Question{ID: "fled", Bank: "b", Type: quiz.Open, Prompt: "Who fled?", Model: "M", Key: key, PlainKey: tt.plainKey, Points: 1}
		outcomes := []quiz.Outcome{{Question: &quiz.Presented{Question: q}, Response: quiz.Response{Answered: true, Text: "One million.", SelfCheckPoints: []int{0}}}}
		rep := report.New(report.Meta{Student: "S", Banks: []string{"b"}}, &quiz.Result{Outcomes: outcomes, Status: quiz.Complete, EndedBy: quiz.EndFinished})
		var b bytes.Buffer
		if err := htmlreport.WriteStudent(&b, rep, outcomes); err != nil {
			t.Fatal(err)
		}
		p := html.UnescapeString(b.String())
		if !strings.Contains(p, "<li>"+tt.want+"</li>") || strings.Contains(p, tt.want2) {
			t.Errorf("plain points %q: want %q listed and not %q:\n%s", tt.plainKey, tt.want, tt.want2, p)
		}
	}
}

// Every table that may scroll sideways carries the cue that says so, and the
// tables that stack into cards on a phone label their numbers (teacher11 P8;
// the browser test in cmd checks how they look at 390 px).
func TestPagesCueScrollingTablesAndLabelStackedOnes(t *testing.T) {
	results, _ := gradeSheets(t, class...)
	r := results[0]
	rep := report.New(report.Meta{Student: r.Student, Banks: r.Banks}, &quiz.Result{Outcomes: r.Outcomes, Status: quiz.Complete, EndedBy: quiz.EndFinished})
	var student bytes.Buffer
	if err := htmlreport.WriteStudent(&student, rep, r.Outcomes); err != nil {
		t.Fatal(err)
	}
	for name, p := range map[string]string{"class": pageOf(t, 0, results), "student": student.String()} {
		boxes, cued := strings.Count(p, `<div class="scroll">`), strings.Count(p, `<div class="scroll"><p class="scroll-cue" aria-hidden="true">`)
		if boxes == 0 || cued != boxes {
			t.Errorf("%s page: %d of %d scrolling boxes have a cue", name, cued, boxes)
		}
	}
	p := pageOf(t, 0, results)
	for _, want := range []string{`id="gradebook-table" class="stack"`, `<th scope="row" class="lead">Bo</th>`, `data-label="Score"`, `data-label="Status"`,
		`id="questions-table" class="stack"`, `<td class="lead"><a href="#q-b-capital">capital</a></td>`, `data-label="Facility"`, `data-label="Discrimination"`} {
		if !strings.Contains(p, want) {
			t.Errorf("the class page lacks %s", want)
		}
	}
}

// numbered returns the ids of the Responses section's questions in the
// order the page numbers them.
func numbered(t *testing.T, p string) []string {
	t.Helper()
	var ids []string
	for _, m := range regexp.MustCompile(`<h3 id="rh-q-[^"]*">(\d+)\. [^<]*<code class="qname">([^<]+)</code>`).FindAllStringSubmatch(p, -1) {
		ids = append(ids, m[2])
	}
	return ids
}

// pickedOrder is the order a seed gives the bank's questions on paper.
func pickedOrder(t *testing.T, seed uint64) []string {
	t.Helper()
	bank, _, err := quiz.ParseBank("b.yaml", []byte(hostileBank))
	if err != nil {
		t.Fatal(err)
	}
	qs, err := quiz.Pick([]*quiz.Bank{bank}, quiz.Filter{}, seed)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, q := range qs {
		ids = append(ids, q.ID)
	}
	return ids
}

// seededSheet is a paper sheet printed with seed.
func seededSheet(name string, seed uint64) string {
	return fmt.Sprintf(`{"student":%q,"seed":%d,"answers":{"capital":"Yerevan","town":"Khojaly","essay":"x"}}`, name, seed)
}

// The class page numbers the questions as the paper test did when the paper
// sheets say its order (a seed), so that question 3 on the page is question 3
// on paper (teacher12 P5, teacher14); when the students had different orders
// it keeps the banks' order and says to find a question by its name.
func TestClassPageNumbersQuestionsAsThePaperDid(t *testing.T) {
	bankOrder := []string{"capital", "town", "essay"}
	var seed, other uint64
	for s := uint64(1); s < 200 && (seed == 0 || other == 0); s++ {
		o := pickedOrder(t, s)
		switch {
		case seed == 0 && !slices.Equal(o, bankOrder):
			seed = s
		case seed != 0 && !slices.Equal(o, bankOrder) && !slices.Equal(o, pickedOrder(t, seed)):
			other = s
		}
	}
	if seed == 0 || other == 0 {
		t.Fatal("no seeds that order the questions differently")
	}

	results, _ := gradeSheets(t, seededSheet("Leyla", seed), seededSheet("Giorgi", seed))
	p := pageOf(t, 0, results)
	if got, want := numbered(t, p), pickedOrder(t, seed); !slices.Equal(got, want) {
		t.Errorf("one paper order (seed %d): page numbers %v, the paper %v", seed, got, want)
	}
	if !strings.Contains(p, "numbered as on the paper test") {
		t.Error("the page does not say its numbers are the paper's")
	}

	results, _ = gradeSheets(t, seededSheet("Leyla", seed), seededSheet("Giorgi", other))
	p = pageOf(t, 0, results)
	if got := numbered(t, p); !slices.Equal(got, bankOrder) {
		t.Errorf("two paper orders: page numbers %v, want the banks' order %v", got, bankOrder)
	}
	if !strings.Contains(p, "numbered in the banks&#39; order") || !strings.Contains(p, "Find a question by its name") {
		t.Error("with the students' orders differing, the page does not say to find a question by its name")
	}
}

// review22 #7: the page claims an order only when every sheet had it. A
// sheet with no order (no seed) among seeded ones keeps the banks' order;
// reports with one seed number as the quiz asked; paper wins over screen.
func TestClassPageOrderWhenSheetsDiffer(t *testing.T) {
	bankOrder := []string{"capital", "town", "essay"}
	seed := uint64(0)
	for s := uint64(1); s < 200 && seed == 0; s++ {
		if !slices.Equal(pickedOrder(t, s), bankOrder) {
			seed = s
		}
	}
	unseeded := `{"student":"Aram","answers":{"capital":"Yerevan","town":"Khojaly","essay":"x"}}`
	const paper, screen, none = "paper", "screen", "none"
	for _, tt := range []struct {
		name  string
		kinds []string // each sheet: paper or screen with the seed, or none (no seed)
		want  []string
		note  string
	}{
		{"seeded and unseeded paper", []string{paper, paper, none}, bankOrder, "numbered in the banks&#39; order"},
		{"one seed on screen", []string{screen, screen}, pickedOrder(t, seed), "numbered in the order the quiz asked them"},
		{"paper and screen", []string{paper, screen}, pickedOrder(t, seed), "numbered as on the paper test"},
		{"seeded and unseeded screen", []string{screen, none}, bankOrder, "numbered in the banks&#39; order"},
	} {
		var sheets []string
		for i, k := range tt.kinds {
			if k == none {
				sheets = append(sheets, unseeded)
			} else {
				sheets = append(sheets, seededSheet(fmt.Sprint("S", i), seed))
			}
		}
		results, _ := gradeSheets(t, sheets...)
		pass := 50.0
		c := htmlreport.NewClass(&pass, time.Date(2026, 2, 26, 9, 0, 0, 0, time.UTC))
		var cs grade.ClassStats
		for i, r := range results {
			ps := grade.PageSheet(r)
			ps.Paper = tt.kinds[i] == paper
			c.Add(ps)
			cs.Add(r)
		}
		var b bytes.Buffer
		if err := c.Write(&b, cs.Summary(30)); err != nil {
			t.Fatal(err)
		}
		p := b.String()
		if got := numbered(t, p); !slices.Equal(got, tt.want) {
			t.Errorf("%s: page numbers %v, want %v", tt.name, got, tt.want)
		}
		if !strings.Contains(p, tt.note) {
			t.Errorf("%s: the page does not say %q", tt.name, tt.note)
		}
	}
}

// The student page says an open answer whose self-check was cut short was
// sent, never "not yet sent with Enter" (review 23 #1).
func TestStudentPageSelfCheckCutShort(t *testing.T) {
	essay := "Both sides lost homes"
	rep := &report.Report{Student: "Bo", MaxScore: 1, Status: quiz.Complete, Questions: []report.QuestionReport{
		{ID: "o", Type: quiz.Open, Prompt: "Why?", Given: &essay, MaxPoints: 1, SelfCheckCutOff: true, SelfCheckPoints: []int{1}},
	}}
	var b bytes.Buffer
	if err := htmlreport.WriteStudent(&b, rep, nil); err != nil {
		t.Fatal(err)
	}
	if p := b.String(); strings.Contains(p, "not yet sent") || !strings.Contains(p, "the key points ticked were kept as ticked") {
		t.Errorf("the student page:\n%s", p)
	}
}

// A student below the pass mark is told so: the page said "Pass mark
// reached." whenever a pass mark was set, as html/template's {{if}} took the
// set *bool for true.
func TestStudentPageSaysWhetherThePassMarkWasReached(t *testing.T) {
	results, _ := gradeSheets(t, class[0], class[1])
	pass := 50.0
	for i, want := range []string{"Pass mark reached.", "Not yet at the pass mark."} {
		r := results[i]
		res := &quiz.Result{Outcomes: r.Outcomes, Status: quiz.Complete, EndedBy: quiz.EndFinished}
		rep := report.New(report.Meta{Student: r.Student, Banks: r.Banks, PassPercent: &pass}, res)
		var b bytes.Buffer
		if err := htmlreport.WriteStudent(&b, rep, r.Outcomes); err != nil {
			t.Fatal(err)
		}
		p := b.String()
		if !strings.Contains(p, `<span class="plain">`+want+`</span>`) || strings.Count(p, "pass mark") > 1 {
			t.Errorf("%s, %s%% with a pass mark of 50%%: the page does not say only %q", r.Student, rep.PercentText(), want)
		}
	}
}

// The page made from merged sums shows the questions' ids the sums file
// names, a file anyone may have written: as text, in the table, the links
// and the ids alike.
func TestClassPageFromSumsEscapesQuestionIDs(t *testing.T) {
	hostile := `b/"><script>alert(1)</script>`
	s := stats.New([]string{hostile, "b/c'+\x1b[2J"}, []float64{1, 1})
	s.Add([]float64{1, 0})
	s.Add([]float64{0, 1})
	var b bytes.Buffer
	if err := htmlreport.NewClass(nil, time.Time{}).Write(&b, s.Summary(30)); err != nil {
		t.Fatal(err)
	}
	p := b.String()
	if strings.Contains(p, "<script>alert") || strings.Contains(p, `"><script`) || strings.Contains(p, "\x1b") {
		t.Errorf("the sums page holds a question id unescaped")
	}
	for _, want := range []string{`data-q="b/&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"`, `href="#q-b----script-alert-1---script-"`, "<code>b/c&#39;&#43;\\x1b[2J</code>"} {
		if !strings.Contains(p, want) {
			t.Errorf("the sums page lacks %s", want)
		}
	}
}
