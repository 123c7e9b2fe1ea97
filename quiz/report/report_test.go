package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/session"
)

func sampleResult(t *testing.T, right map[string]bool) (*quiz.Result, *quiz.Bank) {
	t.Helper()
	b := testfiles.Sample(t)
	qs, _ := quiz.Select([]*quiz.Bank{b}, quiz.Filter{}, 11)
	s := &session.Session{Questions: qs, Mode: quiz.Exam, Prompter: &testfiles.Scripted{T: t, Bank: b, Right: right}, Out: &bytes.Buffer{}, Now: testfiles.Clock()}
	res, err := s.Run(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return res, b
}

func TestReportJSON(t *testing.T) {
	res, _ := sampleResult(t, map[string]bool{"capital": true, "seas": true, "town": true})
	pass := 50.0
	rep := New(Meta{Student: "Ana", Banks: []string{"sample"}, Seed: 11, Mode: quiz.Exam, PassPercent: &pass}, res)
	var buf bytes.Buffer
	if err := rep.Write(&buf, FormatJSON); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"schema_version", "student", "banks", "seed", "mode", "status", "started_at", "finished_at", "score", "max_score", "percent", "questions", "by_tag", "passed"} {
		if _, ok := got[key]; !ok {
			t.Errorf("JSON report lacks %q", key)
		}
	}
	// The open question counts in the maximum, 0 until marked (teacher2 A4).
	if got["score"] != 4.0 || got["max_score"] != 9.0 || got["percent"] != 44.44 || got["passed"] != false || got["status"] != "complete" || got["seed"] != 11.0 {
		t.Errorf("score %v/%v %v%% passed %v status %v seed %v", got["score"], got["max_score"], got["percent"], got["passed"], got["status"], got["seed"])
	}
	qs := got["questions"].([]any)
	if len(qs) != 8 {
		t.Fatalf("%d questions", len(qs))
	}
	for _, raw := range qs {
		q := raw.(map[string]any)
		for _, key := range []string{"id", "bank", "type", "given", "expected", "correct", "points", "max_points", "seconds"} {
			if _, ok := q[key]; !ok {
				t.Errorf("question %v lacks %q", q["id"], key)
			}
		}
		if q["type"] == "open" && q["correct"] != nil {
			t.Errorf("open question has correct = %v; a teacher marks it", q["correct"])
		}
		if q["id"] == "seas" && (q["given"] != "Black Sea; Caspian Sea" || q["points"] != 2.0 || q["correct"] != true) {
			t.Errorf("seas: %v", q)
		}
	}
}

func TestReportCSVAndMarkdown(t *testing.T) {
	res, _ := sampleResult(t, map[string]bool{"capital": true})
	rep := New(Meta{Student: "=cmd|' /C calc'!A0", Banks: []string{"sample"}, Seed: 11, Mode: quiz.Exam}, res)
	var buf bytes.Buffer
	if err := rep.Write(&buf, FormatCSV); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 9 || rows[0][0] != "student" || rows[0][4] != "given" {
		t.Fatalf("CSV has %d rows; header %v", len(rows), rows[0])
	}
	if !strings.HasPrefix(rows[1][0], "'=") {
		t.Errorf("a formula-like name was not defused: %q", rows[1][0])
	}
	buf.Reset()
	if err := rep.Write(&buf, FormatMarkdown); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	for _, want := range []string{"# Quiz report: ", "**Score: 1 / 9 (11.1%)**", "## Questions", "- Reread: ", "- To mark: your teacher marks it; until then it scores 0 of 1 points."} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	if !strings.Contains(md, `\|' /C`) {
		t.Error("markdown did not escape the table pipe in a name")
	}
	if err := rep.Write(&buf, "xml"); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestReportIncomplete(t *testing.T) {
	b := testfiles.Sample(t)
	qs, _ := quiz.Select([]*quiz.Bank{b}, quiz.Filter{}, 5)
	p := &testfiles.Scripted{T: t, Bank: b, Right: testfiles.AllRight(b), StopAt: 2, Stop: session.ErrInterrupted}
	res, _ := (&session.Session{Questions: qs, Mode: quiz.Exam, Prompter: p, Out: &bytes.Buffer{}, Now: testfiles.Clock()}).Run(t.Context())
	rep := New(Meta{Student: "A"}, res)
	if rep.Status != quiz.Incomplete || rep.EndedBy != quiz.EndInterrupt || rep.Answered != 1 || len(rep.Questions) != 8 {
		t.Errorf("status %s/%s answered %d of %d", rep.Status, rep.EndedBy, rep.Answered, len(rep.Questions))
	}
	var buf bytes.Buffer
	rep.Write(&buf, FormatJSON)
	if !strings.Contains(buf.String(), `"status": "incomplete"`) || !strings.Contains(buf.String(), `"given": null`) {
		t.Errorf("JSON:\n%s", buf.String())
	}
}

// After an early stop the summary leads with the whole quiz's score (the
// grade), then the score on the questions reached, plainly labelled; the
// question on screen when the quiz stopped was reached (answered blank), and
// the tags of questions never shown are left out rather than shown as 0%.
func TestSummaryAfterAnEarlyStop(t *testing.T) {
	b := testfiles.Sample(t)
	qs, _ := quiz.Select([]*quiz.Bank{b}, quiz.Filter{}, 11)
	p := &testfiles.Scripted{T: t, Bank: b, Right: testfiles.AllRight(b), StopAt: 2, Stop: session.ErrInterrupted}
	s := &session.Session{Questions: qs, Mode: quiz.Exam, Prompter: p, Out: &bytes.Buffer{}, Now: testfiles.Clock()}
	res, err := s.Run(t.Context())
	if err == nil {
		t.Fatal("the scripted prompter did not stop the quiz")
	}
	rep := New(Meta{Seed: 11, Mode: quiz.Exam}, res)
	if rep.NotReached != 6 {
		t.Errorf("not_reached %d, want 6 (the question on screen was reached)", rep.NotReached)
	}
	var buf bytes.Buffer
	rep.WriteSummary(&buf, nil, 0)
	out := buf.String()
	whole := strings.Index(out, "Score: 2 / 9 (22.2%), counting the questions not reached as 0")
	reached := strings.Index(out, "On the 2 questions reached only: 2 / 3 (66.7%)")
	if !strings.Contains(out, "Answered: 1 of 2 reached, 6 not reached") || whole < 0 || reached < whole {
		t.Errorf("summary:\n%s\nwant 1 of 2 reached, then the whole quiz's score before the score on the questions reached", out)
	}
	if strings.Contains(out, "recall ") || strings.Contains(out, "0 / 0") {
		t.Errorf("a tag not reached is shown:\n%s", out)
	}
	// The tags not reached are the tag table's last row.
	table := out[strings.Index(out, "By tag, on the questions reached:"):]
	if !strings.Contains(table, "\n  Not reached: ") {
		t.Errorf("summary does not name the tags not reached in its tag table:\n%s", out)
	}
	// Held back, no tag is named, reached or not (teacher11 P9): the
	// Answered line says how many were not reached.
	buf.Reset()
	rep.WriteHeldBackSummary(&buf, nil, 0)
	if held := buf.String(); strings.Contains(held, "Not reached") || strings.Count(held, "6 not reached") != 1 {
		t.Errorf("held-back summary names the tags not reached, or not how many:\n%s", held)
	}
}

// An open question's tag is "not marked", never "0 / 0", in the summary and
// the Markdown report.
func TestOpenTagRowsSayNotMarked(t *testing.T) {
	open := &quiz.Question{ID: "ussr", Type: quiz.Open, Prompt: "What was the USSR?", Model: "A union.", Tags: []string{"questions"}, Points: 1}
	one := &quiz.Question{ID: "one", Type: quiz.TrueFalse, Prompt: "True?", Truth: true, Tags: []string{"recall"}, Points: 1}
	res := &quiz.Result{Status: quiz.Complete, EndedBy: quiz.EndFinished, Outcomes: []quiz.Outcome{
		{Question: &quiz.Presented{Question: open}, Response: quiz.Response{Answered: true, Text: "A union"}},
		{Question: &quiz.Presented{Question: one}, Response: quiz.Response{Answered: true, Bool: true}, Fraction: 1},
	}}
	rep := New(Meta{Seed: 11, Mode: quiz.Exam}, res)
	var sum, md bytes.Buffer
	rep.WriteSummary(&sum, nil, 0)
	if err := rep.Write(&md, FormatMarkdown); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"summary": sum.String(), "markdown": md.String()} {
		if strings.Contains(out, "0 / 0") {
			t.Errorf("%s shows 0 / 0:\n%s", name, out)
		}
		if !strings.Contains(out, "not marked") {
			t.Errorf("%s does not say an open question's tag is not marked:\n%s", name, out)
		}
	}
}

// A quiz cut by its time limit is incomplete in its report, as grade says.
func TestReportTimeLimitIsIncomplete(t *testing.T) {
	b := testfiles.Sample(t)
	qs, _ := quiz.Select([]*quiz.Bank{b}, quiz.Filter{}, 5)
	p := &testfiles.Scripted{T: t, Bank: b, Right: testfiles.AllRight(b), StopAt: 2, Stop: session.ErrTimeUp}
	res, _ := (&session.Session{Questions: qs, Mode: quiz.Exam, Prompter: p, Out: &bytes.Buffer{}, Now: testfiles.Clock()}).Run(t.Context())
	rep := New(Meta{Student: "A"}, res)
	if rep.Status != quiz.Incomplete || rep.EndedBy != quiz.EndTimeLimit || rep.NotReached != len(qs)-2 {
		t.Errorf("status %s/%s, not reached %d of %d", rep.Status, rep.EndedBy, rep.NotReached, len(qs))
	}
	var buf bytes.Buffer
	rep.Write(&buf, FormatMarkdown)
	if !strings.Contains(buf.String(), "**incomplete** (time limit)") {
		t.Errorf("markdown:\n%s", buf.String())
	}
}

// The open question on screen when time ran out is blank: nothing for the
// teacher to mark; an answered one is.
func TestSummaryCountsOnlyAnsweredOpenQuestionsToMark(t *testing.T) {
	b := testfiles.Sample(t)
	q := &quiz.Presented{Question: b.Question("ussr")}
	for _, tt := range []struct {
		r    quiz.Response
		want bool
	}{{quiz.Response{}, false}, {quiz.Response{Answered: true, Text: "a union"}, true}} {
		res := &quiz.Result{Outcomes: []quiz.Outcome{{Question: q, Response: tt.r}, {Question: &quiz.Presented{Question: b.Question("capital")}, Unseen: true}},
			Status: quiz.Complete, EndedBy: quiz.EndTimeLimit, Started: time.Unix(0, 0), Finished: time.Unix(60, 0)}
		var buf bytes.Buffer
		New(Meta{}, res).WriteSummary(&buf, nil, 0)
		if got := strings.Contains(buf.String(), "Open answers to mark: 1 (each counts 0 of its points until a teacher marks it)"); got != tt.want {
			t.Errorf("answered %v: summary\n%s", tt.r.Answered, buf.String())
		}
	}
}

// A quiz of open questions only has no score to give: the summary says what
// happens instead of "Score: 0 / 0 (0%)".
func TestSummaryOfAnAllOpenQuiz(t *testing.T) {
	open := &quiz.Question{ID: "ussr", Type: quiz.Open, Prompt: "What was the USSR?", Model: "A union.", Tags: []string{"questions"}, Points: 1}
	res := &quiz.Result{Status: quiz.Complete, EndedBy: quiz.EndFinished, Outcomes: []quiz.Outcome{
		{Question: &quiz.Presented{Question: open}, Response: quiz.Response{Answered: true, Text: "A union"}},
	}}
	pass := 50.0
	rep := New(Meta{Seed: 11, Mode: quiz.Practice, PassPercent: &pass}, res)
	var sum bytes.Buffer
	rep.WriteSummary(&sum, nil, 0)
	out := sum.String()
	if strings.Contains(out, "0 / 0") || strings.Contains(out, "(0%)") || strings.Contains(out, "passed") {
		t.Errorf("an all-open quiz is scored:\n%s", out)
	}
	if !strings.Contains(out, "Score: none here; every question is open, for a teacher to mark\n") {
		t.Errorf("the summary does not say what happens to open answers:\n%s", out)
	}
}

// The score on the questions reached takes its percent from the points, not
// from the points rounded: 2/3 + 1 + 1 + 0 of 4 is 66.7%, not 2.67's 66.8%
// (teacher2 P2).
func TestSummaryReachedPercentIsNotFromRoundedPoints(t *testing.T) {
	q := func(id string) *quiz.Presented {
		return &quiz.Presented{Question: &quiz.Question{ID: id, Type: quiz.TrueFalse, Prompt: id, Points: 1}}
	}
	res := &quiz.Result{Status: quiz.Incomplete, EndedBy: quiz.EndTimeLimit, Started: time.Unix(0, 0), Finished: time.Unix(60, 0),
		Outcomes: []quiz.Outcome{
			{Question: q("a"), Response: quiz.Response{Answered: true}, Fraction: 2.0 / 3},
			{Question: q("b"), Response: quiz.Response{Answered: true}, Fraction: 1},
			{Question: q("c"), Response: quiz.Response{Answered: true}, Fraction: 1},
			{Question: q("d"), Response: quiz.Response{Answered: true}},
			{Question: q("e"), Unseen: true},
		}}
	var buf bytes.Buffer
	New(Meta{}, res).WriteSummary(&buf, nil, 0)
	if !strings.Contains(buf.String(), "On the 4 questions reached only: 2.67 / 4 (66.7%)") || !strings.Contains(buf.String(), "Score: 2.67 / 5 (53.3%)") {
		t.Errorf("summary:\n%s", buf.String())
	}
}

// Tags read as the class page shows them in the summary and the Markdown
// report (un-resolution → "UN resolution"), lined up by their labels; the
// JSON keeps the tag itself, for programs.
func TestSummaryAndMarkdownShowTagLabels(t *testing.T) {
	vote := &quiz.Question{ID: "vote", Type: quiz.TrueFalse, Prompt: "A vote?", Truth: true, Tags: []string{"un-resolution", "since-2020"}, Points: 1}
	year := &quiz.Question{ID: "year", Type: quiz.TrueFalse, Prompt: "1992?", Truth: true, Tags: []string{"chronology"}, Points: 1}
	res := &quiz.Result{Status: quiz.Complete, EndedBy: quiz.EndFinished, Outcomes: []quiz.Outcome{
		{Question: &quiz.Presented{Question: vote}, Response: quiz.Response{Answered: true, Bool: true}, Fraction: 1},
		{Question: &quiz.Presented{Question: year}, Response: quiz.Response{Answered: true, Bool: false}},
	}}
	rep := New(Meta{Seed: 11, Mode: quiz.Exam}, res)
	var sum, md, js bytes.Buffer
	rep.WriteSummary(&sum, nil, 0)
	for format, buf := range map[string]*bytes.Buffer{FormatMarkdown: &md, FormatJSON: &js} {
		if err := rep.Write(buf, format); err != nil {
			t.Fatal(err)
		}
	}
	want := "By tag:\n  Chronology     0 / 1 (0%)\n  Since 2020     1 / 1 (100%)\n  UN resolution  1 / 1 (100%)\n"
	if !strings.Contains(sum.String(), want) {
		t.Errorf("summary:\n%s\nwant:\n%s", sum.String(), want)
	}
	for _, row := range []string{"| Chronology | 1 | 0 / 1 | 0 |", "| Since 2020 | 1 | 1 / 1 | 100 |", "| UN resolution | 1 | 1 / 1 | 100 |"} {
		if !strings.Contains(md.String(), row) {
			t.Errorf("Markdown lacks %q:\n%s", row, md.String())
		}
	}
	for name, out := range map[string]string{"summary": sum.String(), "markdown": md.String()} {
		if strings.Contains(out, "un-resolution") || strings.Contains(out, "since-2020") {
			t.Errorf("%s shows a tag's slug:\n%s", name, out)
		}
	}
	if !strings.Contains(js.String(), `"tag": "un-resolution"`) || !strings.Contains(js.String(), `"tags": [`) {
		t.Errorf("JSON does not keep the tag itself:\n%s", js.String())
	}
}

// teacher2 P1: after Ctrl-C at 80 columns the summary's lines (the tags not
// reached, the score after an early stop) broke inside words. Wrapped to a
// width, every line fits and no word is cut; at width 0 lines stay whole.
func TestSummaryWrapsToTheWidth(t *testing.T) {
	b := testfiles.Sample(t)
	qs, _ := quiz.Select([]*quiz.Bank{b}, quiz.Filter{}, 11)
	p := &testfiles.Scripted{T: t, Bank: b, Right: testfiles.AllRight(b), StopAt: 2, Stop: session.ErrInterrupted}
	s := &session.Session{Questions: qs, Mode: quiz.Exam, Prompter: p, Out: &bytes.Buffer{}, Now: testfiles.Clock()}
	res, _ := s.Run(t.Context())
	pass := 80.0
	rep := New(Meta{Seed: 11, Set: "9c", Mode: quiz.Exam, PassPercent: &pass}, res)
	rep.ByTag = append(rep.ByTag, TagScore{Tag: "a-very-long-tag-name-about-the-survivors-who-await-justice"})
	var whole bytes.Buffer
	rep.WriteSummary(&whole, nil, 0)
	for _, width := range []int{40, 80} {
		var buf bytes.Buffer
		rep.WriteSummary(&buf, nil, width)
		for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
			if n := utf8.RuneCountInString(line); n > width && strings.Contains(strings.TrimSpace(line), " ") {
				t.Errorf("width %d: a line of %d columns:\n%s", width, n, line)
			}
		}
		if strings.Join(strings.Fields(buf.String()), " ") != strings.Join(strings.Fields(whole.String()), " ") {
			t.Errorf("width %d: wrapping changed the words:\n%s\nnot:\n%s", width, buf.String(), whole.String())
		}
	}
	if !strings.Contains(whole.String(), "Score: 2 / 9 (22.2%), counting the questions not reached as 0 · not yet passed (pass mark 80%)\n") {
		t.Errorf("at width 0 the score line is not whole:\n%s", whole.String())
	}
}

// drafter is a Scripted prompter that had draft typed into the text box
// its stop cut short.
type drafter struct {
	testfiles.Scripted
	draft string
}

func (d *drafter) Draft() string     { return d.draft }
func (d *drafter) DraftTicks() []int { return nil }

// A text answer cut off by Ctrl-C is in the report as given, with cut_off;
// the other questions have no cut_off, and the status is as before
// (teacher6 A1).
func TestReportCutOffAnswer(t *testing.T) {
	b := testfiles.Sample(t)
	qs := []*quiz.Presented{{Question: testfiles.Question(t, b, "ussr")}, {Question: testfiles.Question(t, b, "town")}}
	p := &drafter{Scripted: testfiles.Scripted{T: t, Bank: b, StopAt: 1, Stop: session.ErrInterrupted}, draft: "The USSR, it was big"}
	res, _ := (&session.Session{Questions: qs, Mode: quiz.Exam, Prompter: p, Out: &bytes.Buffer{}, Now: testfiles.Clock()}).Run(t.Context())
	rep := New(Meta{Student: "A"}, res)
	if rep.Status != quiz.Incomplete || rep.EndedBy != quiz.EndInterrupt || rep.Answered != 1 {
		t.Errorf("status %s/%s answered %d", rep.Status, rep.EndedBy, rep.Answered)
	}
	var buf bytes.Buffer
	if err := rep.Write(&buf, FormatJSON); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Questions []map[string]any `json:"questions"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if q := got.Questions[0]; q["given"] != "The USSR, it was big" || q["cut_off"] != true || q["answer"] != "The USSR, it was big" {
		t.Errorf("cut-off question: %v", q)
	}
	if _, ok := got.Questions[1]["cut_off"]; ok {
		t.Errorf("a question never cut off has cut_off: %v", got.Questions[1])
	}
	buf.Reset()
	if err := rep.Write(&buf, FormatMarkdown); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "Your answer: The USSR, it was big _("+quiz.CutOffNote+")_") {
		t.Errorf("Markdown:\n%s", buf.String())
	}
	// The CSV says it too, in its last column (attack8 §7).
	buf.Reset()
	if err := rep.Write(&buf, FormatCSV); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if last := len(rows[0]) - 1; rows[0][last] != "cut_off" || rows[1][last] != "true" || rows[2][last] != "false" || rows[0][last-1] != "seed" {
		t.Errorf("CSV:\n%v", rows)
	}
	// The closing lines tell the student which answer was kept (attack8 §6).
	buf.Reset()
	rep.WriteSummary(&buf, nil, 0)
	if !strings.Contains(buf.String(), "\nQuestion 1: your unfinished answer was kept as typed (not sent with Enter) and counts as your answer\n") {
		t.Errorf("summary:\n%s", buf.String())
	}
	// Read back, as grade and mark read it.
	buf.Reset()
	if err := rep.Write(&buf, FormatJSON); err != nil {
		t.Fatal(err)
	}
	back, err := Read("a.json", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !back.Questions[0].CutOff {
		t.Error("cut_off lost when the report is read back")
	}
}

// The summary names every question whose typed text was kept, numbered as
// the quiz showed them, and says nothing of the kind when none was.
func TestSummaryNamesTheAnswersKeptAsTyped(t *testing.T) {
	given := "19"
	q := func(cut bool) QuestionReport {
		return QuestionReport{ID: "q", Type: quiz.Short, Given: &given, CutOff: cut, MaxPoints: 1}
	}
	ticked := "Black Sea; Caspian Sea"
	multi := func(cut bool) QuestionReport {
		return QuestionReport{ID: "m", Type: quiz.Multi, Given: &ticked, CutOff: cut, MaxPoints: 1}
	}
	essay := "Fifteen republics."
	open := func(cut bool) QuestionReport {
		return QuestionReport{ID: "o", Type: quiz.Open, Given: &essay, SelfCheckCutOff: cut, SelfCheckPoints: []int{2}}
	}
	for _, tt := range []struct {
		qs   []QuestionReport
		want string
	}{
		{[]QuestionReport{q(false), q(false)}, ""},
		{[]QuestionReport{q(false), open(false)}, ""},
		{[]QuestionReport{q(false), q(true)}, "Question 2: your unfinished answer was kept as typed"},
		{[]QuestionReport{q(true), q(false), q(true)}, "Questions 1 and 3: your unfinished answers were kept as typed (not sent with Enter) and count as your answers"},
		{[]QuestionReport{q(true), q(true), q(false), q(true)}, "Questions 1, 2 and 4: your unfinished answers"},
		// Boxes ticked and not handed in are said in the same line (attack13 #2).
		{[]QuestionReport{q(false), multi(true)}, "Question 2: your unfinished answer was kept as ticked (not sent with Enter) and counts as your answer"},
		{[]QuestionReport{multi(true), q(true)}, "Questions 1 and 2: your unfinished answers were kept as typed and ticked (not sent with Enter) and count as your answers"},
		// An open answer sent with Enter whose self-check's ticks were
		// kept, cut off, is said apart (attack14 #4).
		{[]QuestionReport{q(false), open(true)}, "Question 2: your answer was sent; the key points you had ticked were kept as ticked (not sent with Enter)\n"},
		{[]QuestionReport{open(true), q(true)}, "Question 2: your unfinished answer was kept as typed (not sent with Enter) and counts as your answer\nQuestion 1: your answer was sent;"},
	} {
		var buf bytes.Buffer
		(&Report{Questions: tt.qs, MaxScore: float64(len(tt.qs))}).WriteSummary(&buf, nil, 0)
		if tt.want == "" && strings.Contains(buf.String(), "(not sent with Enter)") || !strings.Contains(buf.String(), tt.want) {
			t.Errorf("want %q in\n%s", tt.want, buf.String())
		}
	}
}

// The score counts an open answer nobody has marked as 0, which after a
// practice quiz (where nobody may ever mark it) reads as a fail: the summary
// also gives the score without the open answers (teacher8 P2). Once marked,
// an open answer counts like any other.
func TestSummaryGivesTheScoreWithoutOpenAnswers(t *testing.T) {
	tf := func(id string) *quiz.Presented {
		return &quiz.Presented{Question: &quiz.Question{ID: id, Type: quiz.TrueFalse, Prompt: id, Points: 1}}
	}
	open := &quiz.Presented{Question: &quiz.Question{ID: "ussr", Type: quiz.Open, Prompt: "What was the USSR?", Model: "A union.", Points: 2}}
	res := &quiz.Result{Status: quiz.Complete, EndedBy: quiz.EndFinished, Started: time.Unix(0, 0), Finished: time.Unix(60, 0),
		Outcomes: []quiz.Outcome{
			{Question: tf("a"), Response: quiz.Response{Answered: true}, Fraction: 1},
			{Question: tf("b"), Response: quiz.Response{Answered: true}},
			{Question: open, Response: quiz.Response{Answered: true, Text: "A union"}},
		}}
	var buf bytes.Buffer
	New(Meta{Mode: quiz.Practice}, res).WriteSummary(&buf, nil, 0)
	out := buf.String()
	if !strings.Contains(out, "Score: 1 / 4 (25%)") || !strings.Contains(out, "Open answers to mark: 1 ") || !strings.Contains(out, "Without the open answers: 1 / 2 (50%)\n") {
		t.Errorf("summary:\n%s", out)
	}
	// Nothing open: no such line.
	res.Outcomes = res.Outcomes[:2]
	buf.Reset()
	New(Meta{Mode: quiz.Practice}, res).WriteSummary(&buf, nil, 0)
	if strings.Contains(buf.String(), "Without the open answers") {
		t.Errorf("a quiz with no open answer:\n%s", buf.String())
	}
}

// The score without the open answers takes its percent from the points, not
// from the points rounded: 1/3 + 1 of 2 is 66.7%, not 1.33's 66.5%; and
// 2/3 + 7 of 8 is 95.8%, not 7.67's 95.9% (teacher12 P4).
func TestSummaryWithoutOpenPercentIsNotFromRoundedPoints(t *testing.T) {
	tf := func(id string) *quiz.Presented {
		return &quiz.Presented{Question: &quiz.Question{ID: id, Type: quiz.TrueFalse, Prompt: id, Points: 1}}
	}
	open := &quiz.Presented{Question: &quiz.Question{ID: "ussr", Type: quiz.Open, Prompt: "What was the USSR?", Model: "A union.", Points: 1}}
	for _, tt := range []struct {
		fractions []float64
		want      string
	}{
		{[]float64{1.0 / 3, 1}, "Without the open answers: 1.33 / 2 (66.7%)\n"},
		{[]float64{2.0 / 3, 1, 1, 1, 1, 1, 1, 1}, "Without the open answers: 7.67 / 8 (95.8%)\n"},
	} {
		res := &quiz.Result{Status: quiz.Complete, EndedBy: quiz.EndFinished, Started: time.Unix(0, 0), Finished: time.Unix(60, 0)}
		for i, f := range tt.fractions {
			res.Outcomes = append(res.Outcomes, quiz.Outcome{Question: tf(strconv.Itoa(i)), Response: quiz.Response{Answered: true}, Fraction: f})
		}
		res.Outcomes = append(res.Outcomes, quiz.Outcome{Question: open, Response: quiz.Response{Answered: true, Text: "A union"}})
		var buf bytes.Buffer
		New(Meta{Mode: quiz.Exam}, res).WriteSummary(&buf, nil, 0)
		if !strings.Contains(buf.String(), tt.want) {
			t.Errorf("want %q in\n%s", tt.want, buf.String())
		}
	}
}

// The count of the questions marked here is of those the score sums: a
// blank open question (nothing to mark) and an info page are in neither
// (attack12 #5: "Score on the 3 questions marked here: 0 / 2").
func TestSummaryUnsavedCountsWhatItScores(t *testing.T) {
	tf := &quiz.Presented{Question: &quiz.Question{ID: "a", Type: quiz.TrueFalse, Prompt: "a", Points: 1}}
	num := &quiz.Presented{Question: &quiz.Question{ID: "n", Type: quiz.Numeric, Prompt: "n", Value: 1992, Points: 1}}
	info := &quiz.Presented{Question: &quiz.Question{ID: "read", Type: quiz.Info, Prompt: "Read this."}}
	open := func(id string) *quiz.Presented {
		return &quiz.Presented{Question: &quiz.Question{ID: id, Type: quiz.Open, Prompt: id, Model: "M.", Key: []string{"k"}, Points: 2}}
	}
	res := &quiz.Result{Status: quiz.Complete, EndedBy: quiz.EndFinished, Started: time.Unix(0, 0), Finished: time.Unix(60, 0),
		Outcomes: []quiz.Outcome{
			{Question: tf, Response: quiz.Response{Answered: true}, Fraction: 0},
			{Question: info},
			{Question: open("blank")},
			{Question: open("essay"), Response: quiz.Response{Answered: true, Text: "An essay"}},
			{Question: num, Response: quiz.Response{Answered: true, Text: "1990"}, Fraction: 0},
		}}
	rep := New(Meta{Mode: quiz.Practice}, res)
	rep.Unsaved = true
	var buf bytes.Buffer
	rep.WriteSummary(&buf, nil, 0)
	want := "\nSummary\nScore on the 2 questions marked here: 0 / 2 (0%)\nOpen answers: 1, not scored"
	if out := buf.String(); !strings.HasPrefix(out, want) {
		t.Errorf("summary:\n%s\nwant it to begin:\n%s", out, want)
	}
}

// Unsaved: nobody will mark the open answers, so the summary leads with the
// score on the questions marked here and the self-check, not 1 / 4 (25%)
// counting the open answer as 0 (teacher12 P3). The report is unchanged.
func TestSummaryUnsavedLeadsWithTheScoreMarkedHere(t *testing.T) {
	tf := func(id string) *quiz.Presented {
		return &quiz.Presented{Question: &quiz.Question{ID: id, Type: quiz.TrueFalse, Prompt: id, Points: 1}}
	}
	open := &quiz.Presented{Question: &quiz.Question{ID: "ussr", Type: quiz.Open, Prompt: "What was the USSR?", Model: "A union.", Key: []string{"1922", "15 republics", "1991"}, Points: 2}}
	yes := true
	res := &quiz.Result{Status: quiz.Complete, EndedBy: quiz.EndFinished, Started: time.Unix(0, 0), Finished: time.Unix(60, 0),
		Outcomes: []quiz.Outcome{
			{Question: tf("a"), Response: quiz.Response{Answered: true}, Fraction: 1},
			{Question: tf("b"), Response: quiz.Response{Answered: true}, Fraction: 1},
			{Question: open, Response: quiz.Response{Answered: true, Text: "A union", SelfCheck: &yes, SelfCheckPoints: []int{0, 1, 2}}},
		}}
	rep := New(Meta{Mode: quiz.Practice}, res)
	var saved bytes.Buffer
	if err := rep.Write(&saved, "json"); err != nil {
		t.Fatal(err)
	}
	rep.Unsaved = true
	var buf bytes.Buffer
	rep.WriteSummary(&buf, nil, 0)
	want := "\nSummary\nScore on the 2 questions marked here: 2 / 2 (100%)\n" +
		"Open answers: 1, not scored (nobody marks them here); your self-check: 3 of 3 key points covered\n" +
		"Answered: 3 of 3 · time taken: 1m0s\n"
	if out := buf.String(); !strings.HasPrefix(out, want) || strings.Contains(out, "Score: 2 / 4") || strings.Contains(out, "to mark") {
		t.Errorf("summary:\n%s\nwant it to begin:\n%s", out, want)
	}
	var again bytes.Buffer
	if err := rep.Write(&again, "json"); err != nil {
		t.Fatal(err)
	}
	if again.String() != saved.String() {
		t.Errorf("Unsaved changed the report:\n%s\nwas\n%s", again.String(), saved.String())
	}
}

// Unsaved, a discussion's summary lists each open answer the student
// checked, with its question's number and first sentence and the key points
// ticked, as the screen said them after each answer (teacher15 P10: the
// summary said only that nothing was scored). A blank answer and one never
// checked are not listed; a saved report's summary, for a teacher to mark,
// lists none.
func TestSummaryUnsavedListsTheSelfChecks(t *testing.T) {
	open := func(id, prompt string, keys int) *quiz.Presented {
		return &quiz.Presented{Question: &quiz.Question{ID: id, Type: quiz.Open, Prompt: prompt, Model: "M.", Key: make([]string, keys), Points: 1}}
	}
	none, some := false, false
	res := &quiz.Result{Status: quiz.Complete, EndedBy: quiz.EndFinished, Started: time.Unix(0, 0), Finished: time.Unix(90, 0),
		Outcomes: []quiz.Outcome{
			{Question: open("ussr", "The article's first question: What was the Soviet Union? When did it exist?", 4),
				Response: quiz.Response{Answered: true, Text: "A union", SelfCheck: &some, SelfCheckPoints: []int{0, 2, 3}}},
			{Question: open("blank", "Left blank?", 4)},
			{Question: open("unchecked", "Never checked?", 0), Response: quiz.Response{Answered: true, Text: "x"}},
			{Question: open("docs", "Choose one dated document from each side. What does each say and not say about the region's status in law?", 4),
				Response: quiz.Response{Answered: true, Text: "The 1991 act", SelfCheck: &none, SelfCheckPoints: []int{}}},
		}}
	rep := New(Meta{Mode: quiz.Practice, Seed: 5}, res)
	rep.Unsaved = true
	var buf bytes.Buffer
	rep.WriteSummary(&buf, nil, 60)
	want := "\nSummary\n" +
		"Score: none here; every question is open, and nobody marks\n" +
		"  them here\n" +
		"Answered: 3 of 4 · time taken: 1m30s\n" +
		"Covered, you say:\n" +
		"  1. The article's first question: What was the Soviet\n" +
		"     Union? 3 of 4 key points\n" +
		"  4. Choose one dated document from each side. 0 of 4 key\n" +
		"     points\n" +
		"Seed: 5"
	if out := buf.String(); !strings.HasPrefix(out, want) {
		t.Errorf("summary:\n%s\nwant it to begin:\n%s", out, want)
	}
	rep.Unsaved = false
	buf.Reset()
	rep.WriteSummary(&buf, nil, 60)
	if out := buf.String(); strings.Contains(out, "Covered, you say") || !strings.Contains(out, "Open answers to mark: 3") {
		t.Errorf("a saved report's summary:\n%s", out)
	}
	// Without the blank answer nothing is scored at all; the list is the same.
	res.Outcomes = slices.Delete(res.Outcomes, 1, 2)
	rep = New(Meta{Mode: quiz.Practice, Seed: 5}, res)
	rep.Unsaved = true
	buf.Reset()
	rep.WriteSummary(&buf, nil, 0)
	want = "\nSummary\n" +
		"Score: none here; every question is open, and nobody marks them here\n" +
		"Answered: 3 of 3 · time taken: 1m30s\n" +
		"Covered, you say:\n" +
		"  1. The article's first question: What was the Soviet Union? 3 of 4 key points\n" +
		"  3. Choose one dated document from each side. 0 of 4 key points\n"
	if out := buf.String(); !strings.HasPrefix(out, want) {
		t.Errorf("summary:\n%s\nwant it to begin:\n%s", out, want)
	}
}

// The list names each question by its prompt's first sentence, cut to a
// dozen words, on one line, without control characters.
func TestPromptTitle(t *testing.T) {
	for prompt, want := range map[string]string{
		"What was the USSR? When did it exist?":                                                     "What was the USSR?",
		"Azerbaijani and Armenian classmates\ntalk about losses. How?":                              "Azerbaijani and Armenian classmates talk about losses.",
		"What does Azerbaijan say happened at Khojaly (Xocalı) in February 1992 and after it? What": "What does Azerbaijan say happened at Khojaly (Xocalı) in February 1992 and…",
		"Name the \x1b[31mred\x1b[0m side":                                                          `Name the \x1b[31mred\x1b[0m side`,
		"One sentence with no end":                                                                  "One sentence with no end",
	} {
		if got := promptTitle(prompt); got != want {
			t.Errorf("promptTitle(%q) = %q, want %q", prompt, got, want)
		}
	}
}

// The summary's tag table lines up on a terminal with a tag in Chinese (two
// columns a character), padded by the columns it takes, not its characters.
func TestSummaryTagTableAlignsWideTags(t *testing.T) {
	wide := &quiz.Question{ID: "wide", Type: quiz.TrueFalse, Prompt: "A?", Truth: true, Tags: []string{"历史"}, Points: 1}
	vote := &quiz.Question{ID: "vote", Type: quiz.TrueFalse, Prompt: "B?", Truth: true, Tags: []string{"vote"}, Points: 1}
	res := &quiz.Result{Status: quiz.Complete, EndedBy: quiz.EndFinished, Outcomes: []quiz.Outcome{
		{Question: &quiz.Presented{Question: wide}, Response: quiz.Response{Answered: true, Bool: true}, Fraction: 1},
		{Question: &quiz.Presented{Question: vote}, Response: quiz.Response{Answered: true, Bool: true}, Fraction: 1},
	}}
	var sum bytes.Buffer
	New(Meta{Seed: 11, Mode: quiz.Exam}, res).WriteSummary(&sum, nil, 0)
	if want := "By tag:\n  Vote  1 / 1 (100%)\n  历史  1 / 1 (100%)\n"; !strings.Contains(sum.String(), want) {
		t.Errorf("summary:\n%s\nwant:\n%s", sum.String(), want)
	}
}
