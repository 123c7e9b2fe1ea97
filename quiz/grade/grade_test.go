package grade

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz/internal/cost"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/sheet"
	"github.com/conflictq/conflictq/quiz/text"
)

// answerOf reads s's answer to q as the grader does (Sheet.ReadAnswer), not
// knowing the question's number on the sheet.
func answerOf(s *sheet.Sheet, q *quiz.Question) (quiz.Response, []quiz.Problem) {
	v, _ := s.Answer(q.ID)
	return s.ReadAnswer(q, v, 0)
}

func TestGradeSheet(t *testing.T) {
	b := testfiles.Sample(t)
	sheet, err := sheet.Read("ana.yaml", 0, []byte(`student: Ana
banks: [sample]
answers:
  capital: Baku
  seas: [1, 2]
  independence: true
  town: xocali
  ceasefire-year: "1,994"
  sequence: [USSR founded, Oblast created, Ceasefire, Independence]
  names: {Khojaly: Xocalı, Shusha: Shushi, Stepanakert: Khankendi}
  ussr: A union of Soviet republics.
  unknown-question: 3
`))
	if err != nil {
		t.Fatal(err)
	}
	if sheet.Student != "Ana" || strings.Join(sheet.Banks, ",") != "sample" || sheet.Seed != nil {
		t.Errorf("sheet = %+v", sheet)
	}
	res, err := (&Grader{Banks: []*quiz.Bank{b}}).Grade(sheet)
	if err != nil {
		t.Fatal(err)
	}
	warnings := res.Problems
	if len(warnings) != 1 || !strings.Contains(warnings[0].Error(), `ana.yaml:12: warning: question "unknown-question": no such question in sample; answer ignored`) {
		t.Errorf("warnings = %v", warnings)
	}
	got := map[string]float64{}
	for _, o := range res.Outcomes {
		got[o.Question.ID] = o.Fraction
	}
	want := map[string]float64{"capital": 1, "seas": 1, "independence": 1, "town": 1, "ceasefire-year": 1, "sequence": 2.0 / 3, "names": 1, "ussr": 0}
	for id, w := range want {
		if !near(got[id], w) {
			t.Errorf("%s scored %v, want %v", id, got[id], w)
		}
	}
	score, max := res.Score, res.Max
	// seas is worth 2 points; ussr is open: it counts in the maximum, 0 until
	// marked, so that every student is scored out of the same total.
	if !near(score, text.Round2(7+2.0/3)) || max != 9 {
		t.Errorf("score %v / %v", score, max)
	}
}

// With a seed, numbers refer to the options as the sheet shuffled them.
func TestSheetNumbersFollowTheSeed(t *testing.T) {
	b := testfiles.Sample(t)
	q := testfiles.Question(t, b, "capital")
	perm := q.OptionOrder(99)
	shown := 0
	for k, i := range perm {
		if q.Choices[i] == "Baku" {
			shown = k + 1
		}
	}
	sheet, err := sheet.Read("s.yaml", 0, []byte("seed: 99\nanswers:\n  capital: "+string(rune('0'+shown))+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	r, prob := answerOf(sheet, q)
	if len(prob) > 0 || quiz.Score(q, r) != 1 {
		t.Errorf("answer %d (Baku as shown with seed 99) scored %v, %v", shown, quiz.Score(q, r), prob)
	}
}

func TestSheetBadAnswers(t *testing.T) {
	b := testfiles.Sample(t)
	sheet, err := sheet.Read("s.yaml", 0, []byte(`answers:
  capital: [1, 2]
  seas: {a: b}
  independence: maybe
  ceasefire-year: soon
  sequence: [1, 1, 2, 3]
  names: "1=z"
  town:
`))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"capital":        "s.yaml:2: question \"capital\": expected a single answer, found a list",
		"seas":           "s.yaml:3: question \"seas\": expected a list of answers, found a mapping",
		"independence":   "s.yaml:4: question \"independence\": type true or false",
		"ceasefire-year": "s.yaml:5: question \"ceasefire-year\": expected a number, found \"soon\"",
		"sequence":       "s.yaml:6: question \"sequence\": \"1\" is listed twice",
		"names":          "s.yaml:7: question \"names\": right side of \"1\": \"z\" is not one of the options",
	}
	for id, w := range want {
		_, prob := answerOf(sheet, testfiles.Question(t, b, id))
		if len(prob) != 1 || !strings.Contains(prob[0].Error(), w) {
			t.Errorf("%s: problem %v, want %q", id, prob, w)
		}
	}
	if r, prob := answerOf(sheet, testfiles.Question(t, b, "town")); len(prob) > 0 || r.Answered {
		t.Errorf("an empty answer must be unanswered, not a problem: %+v %v", r, prob)
	}
}

func TestParseSheetErrors(t *testing.T) {
	tests := map[string]string{
		"- a\n":                                 "s.yaml:1: an answer sheet is a mapping",
		"student: A\n":                          "s.yaml:1: answers: missing",
		"answers: [1, 2]\n":                     "s.yaml:1: answers: expected question ids with answers, found a list",
		"answers: {}\nseed: x\n":                `s.yaml:2: seed: expected a whole number, found "x"`,
		"answers: {}\nstudnet: A\n":             `s.yaml:2: studnet: unknown field (did you mean "student"?)`,
		"answers: {}\nstudent: A\nstudent: B\n": `s.yaml:3: student: given twice (first at line 2)`,
		"answers: {a: 1\n":                      "s.yaml:",
		"student: \xff\nanswers: {}\n":          "s.yaml:1: not valid UTF-8",
	}
	for src, want := range tests {
		_, err := sheet.Read("s.yaml", 0, []byte(src))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("sheet.Read(%q) err = %v, want %q", src, err, want)
		}
	}
}

func FuzzParseSheet(f *testing.F) {
	f.Add([]byte("student: Ana\nseed: 3\nanswers:\n  capital: b\n  seas: [1, 2]\n  names: \"1=a 2=b 3=c\"\n"))
	f.Add([]byte(`{"student": "Ana", "answers": {"sequence": [4, 3, 2, 1]}}`))
	f.Add([]byte("student: Ana\nanswers:\n  # the article's\n  capital: 'cause Baku\n  seas: [1, 2\n  names: &x a\n  year: *y\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b := testfiles.Sample(t)
		var sh *sheet.Sheet
		var err error
		cost.Bounded(t, len(data), func() { sh, err = sheet.Read("fuzz.yaml", 0, data) }) // linear, bounded
		sheet := sh
		if err != nil {
			return
		}
		res, err := (&Grader{Banks: []*quiz.Bank{b}}).Grade(sheet)
		if err != nil {
			return
		}
		score, max := res.Score, res.Max
		if score < 0 || score > max {
			t.Fatalf("score %v of %v", score, max)
		}
	})
}

func TestGraderFlagsTwiceAnswered(t *testing.T) {
	b := testfiles.Sample(t)
	s, err := sheet.Read("s.json", 0, []byte(`{"answers": {"capital": "Baku", "capital": "Yerevan"}}`))
	if err != nil {
		t.Fatal(err)
	}
	g := &Grader{Banks: []*quiz.Bank{b}}
	res, err := g.Grade(s)
	if err != nil {
		t.Fatal(err)
	}
	if res.Unreadable() != 1 || !strings.Contains(res.Problems[0].Error(), `s.json:1: question "capital": answered twice; the first answer (line 1) counts`) {
		t.Errorf("problems = %v", res.Problems)
	}
	if res.Score != 1 {
		t.Errorf("score %v; the first answer (Baku) counts", res.Score)
	}
}

// An answer given twice does not cost the sheet: the first counts, and the
// second is reported with its line.
func TestSheetAnsweredTwiceInYAML(t *testing.T) {
	b := testfiles.Sample(t)
	s, err := sheet.Read("s.yaml", 0, []byte("answers:\n  capital: Baku\n  capital: Yerevan\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := (&Grader{Banks: []*quiz.Bank{b}}).Grade(s)
	if err != nil {
		t.Fatal(err)
	}
	if res.Score != 1 || res.Unreadable() != 1 || !strings.Contains(res.Problems[0].Error(), `s.yaml:3: question "capital": answered twice; the first answer (line 2) counts`) {
		t.Errorf("score %v, problems %v", res.Score, res.Problems)
	}
}

// Answers in a .json file carry their own lines.
func TestSheetJSONAnswerLines(t *testing.T) {
	b := testfiles.Sample(t)
	s, err := sheet.Read("s.json", 0, []byte("{\n  \"answers\": {\n    \"capital\": \"Baku\",\n\n    \"ceasefire-year\": \"soon\"\n  }\n}\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, _ := (&Grader{Banks: []*quiz.Bank{b}}).Grade(s)
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Error(), `s.json:5: question "ceasefire-year"`) {
		t.Errorf("problems %v", res.Problems)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// On a terminal the text table wraps the places to reread between places,
// never inside one, and no line is wider than the screen.
func TestTextTableFitsTheWidth(t *testing.T) {
	b := testfiles.Sample(t)
	sh, err := sheet.Read("blank.yaml", 0, []byte("student: A student with a long name indeed\nanswers: {}\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := (&Grader{Banks: []*quiz.Bank{b}}).Grade(sh)
	if err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{80, 90, 100} {
		var buf strings.Builder
		w, err := NewResultWriter("text", &buf, ResultOptions{Width: width})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(res); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimRight(buf.String(), "\n"), "\n") {
			if n := len([]rune(line)); n > width {
				t.Errorf("width %d: a line of %d columns: %q", width, n, line)
			}
			if strings.HasSuffix(line, "UN") || strings.HasPrefix(strings.TrimSpace(line), "resolution") {
				t.Errorf("width %d: a place to reread is split: %q", width, line)
			}
		}
	}
}

// An unreadable sheet's row fits the screen: its note goes on an indented
// line of its own rather than being broken by the terminal mid-phrase.
func TestTextTableUnreadableRowFitsTheWidth(t *testing.T) {
	for _, width := range []int{0, 80, 120} {
		var buf strings.Builder
		w, err := NewResultWriter("text", &buf, ResultOptions{Width: width})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Unreadable("elvin.yaml", errors.New("bad")); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimRight(buf.String(), "\n"), "\n")
		for _, line := range lines {
			if width > 0 && len([]rune(line)) > width {
				t.Errorf("width %d: a line of %d columns: %q", width, len([]rune(line)), line)
			}
		}
		last := lines[len(lines)-1]
		switch {
		case width == 80 && last != "    the sheet could not be read (see the error above)":
			t.Errorf("width 80: last line %q, want the note indented on its own line", last)
		case width != 80 && !strings.HasSuffix(last, "unreadable the sheet could not be read (see the error above)"):
			t.Errorf("width %d: last line %q, want the note in the row", width, last)
		}
	}
}

// The places to reread are listed in the order the article is read.
func TestRereadsInArticleOrder(t *testing.T) {
	q := func(sec string, p int) quiz.Outcome {
		return quiz.Outcome{Question: &quiz.Presented{Question: &quiz.Question{Type: quiz.TrueFalse, Points: 1, Source: quiz.Source{Section: sec, Paragraph: p}}}, Response: quiz.Response{Answered: true}}
	}
	r := &SheetResult{Outcomes: []quiz.Outcome{q("Survivors await justice", 4), q("Another text", 1), q("Introduction", 3), q("Survivors await justice", 2), q("Introduction", 3)}}
	got := rereadList(rereadSections(r), 0)
	want := "Introduction ¶3; Survivors await justice ¶2, 4; Another text ¶1"
	if got != want {
		t.Errorf("rereads = %q, want %q", got, want)
	}
}

// One status, the same in every format: an incomplete report's open answer
// to mark is not hidden behind "incomplete", the questions not reached are
// counted, and a blank answer on a sheet handed in whole is complete (test10
// P8, teacher A10). The questions not reached count in the maximum.
func TestStatusIsTheSameInEveryFormat(t *testing.T) {
	g := &Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}
	rep, err := g.GradeReport("jo.json", []byte(`{"schema_version": 2, "student": "Jo", "banks": ["sample"], "status": "incomplete", "ended_by": "interrupted",
		"questions": [{"id": "capital", "bank": "sample", "given": "Baku", "answer": "Baku"},
			{"id": "ussr", "bank": "sample", "given": "a union", "answer": "a union"},
			{"id": "independence", "bank": "sample", "given": null},
			{"id": "town", "bank": "sample", "given": null, "unseen": true}]}`))
	if err != nil {
		t.Fatal(err)
	}
	const want = "incomplete (interrupted, 1 not reached); 1 to mark"
	if rep.Status() != StatusIncomplete || rep.StatusText() != want || rep.Max != 4 {
		t.Fatalf("status %q, %q, max %g; want incomplete, %q, 4 (every question counts: the unanswered, the unreached and the open one to mark)", rep.Status(), rep.StatusText(), rep.Max, want)
	}
	sh, err := sheet.Read("kam.yaml", 0, []byte("student: Kam\nanswers:\n  capital: Baku\n  town:\n"))
	if err != nil {
		t.Fatal(err)
	}
	kam, err := g.Grade(sh)
	if err != nil {
		t.Fatal(err)
	}
	if kam.StatusText() != StatusComplete {
		t.Fatalf("a sheet with blank answers: %q, want complete", kam.StatusText())
	}
	for _, format := range []string{"text", "csv", "json", "junit", "gradescope", "markdown"} {
		var buf strings.Builder
		w, err := NewResultWriter(format, &buf, ResultOptions{Width: 80})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(rep); err != nil {
			t.Fatal(err)
		}
		w.Close()
		if !strings.Contains(buf.String(), want) {
			t.Errorf("%s does not say %q:\n%s", format, want, buf.String())
		}
		if format == "gradescope" {
			continue // one submission per file
		}
		buf.Reset()
		w, _ = NewResultWriter(format, &buf, ResultOptions{Width: 80})
		w.Write(kam)
		w.Close()
		if strings.Contains(buf.String(), "incomplete") || strings.Contains(buf.String(), "to mark") {
			t.Errorf("%s calls a whole sheet with a blank answer other than complete:\n%s", format, buf.String())
		}
	}
}

// A # in a student's answer starts a YAML comment: an open answer keeps the
// text after it; a short answer's is named as left out; an answer that is all
// comment is named as unanswered; a choice's comment (as keys have) is quiet
// (teacher A5).
func TestHashInAnswers(t *testing.T) {
	sh, err := sheet.Read("ana.yaml", 0, []byte("student: Ana\nanswers:\n  ussr: It was #1 # twice\n  town: Xocali # or Khojaly\n  capital: 1 # Baku\n  independence: #true\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := (&Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}).Grade(sh)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range res.Problems {
		got = append(got, p.Error())
	}
	want := []string{
		`ana.yaml:3: warning: question "ussr": the text after # was kept as part of the answer: "#1 # twice"`,
		`ana.yaml:4: warning: question "town": the text after # was read as a comment and left out: "# or Khojaly"`,
		`ana.yaml:6: warning: question "independence": "#true" was read as a comment, so the question is unanswered`,
	}
	if len(got) != len(want) {
		t.Fatalf("problems %q", got)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %q, want %q", got[i], want[i])
		}
	}
	for _, o := range res.Outcomes {
		if o.Question.ID == "ussr" && o.Response.Text != "It was #1 # twice" {
			t.Errorf("the open answer reads %q", o.Response.Text)
		}
	}
}

// An answer to a question of the banks that the sheet's selection does not
// pick (a seed or set typed wrong) is named as an error, not dropped in
// silence; a blank one is not.
func TestAnswerToAQuestionNotPicked(t *testing.T) {
	b := testfiles.Sample(t)
	g := &Grader{Banks: []*quiz.Bank{b}}
	var picked, other string
	for seed := uint64(1); seed < 50 && other == ""; seed++ {
		qs, err := quiz.Pick([]*quiz.Bank{b}, quiz.Filter{Count: 1}, seed)
		if err != nil {
			t.Fatal(err)
		}
		if picked == "" {
			picked = qs[0].ID
		} else if qs[0].ID != picked && qs[0].Type != quiz.Open {
			other = qs[0].ID
		}
	}
	s, err := sheet.Read("s.yaml", 0, []byte("student: Ana\nseed: 1\ncount: 1\nanswers:\n  "+other+": x\n  capital:\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := g.Grade(s)
	if err != nil {
		t.Fatal(err)
	}
	if res.Unreadable() != 1 || !strings.Contains(res.Problems[0].Error(), `s.yaml:5: question "`+other+`": answered, but not one of this sheet's questions`) {
		t.Errorf("problems %v", res.Problems)
	}
}

// A sheet whose types: line leaves out an answered question: the message
// names the types among the lines to check (attack12 #6).
func TestAnswerNotPickedNamesTypes(t *testing.T) {
	g := &Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}
	s, err := sheet.Read("s.yaml", 0, []byte("student: Ana\nseed: 1\ntypes: [truefalse]\nanswers:\n  independence: true\n  capital: a\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := g.Grade(s)
	if err != nil {
		t.Fatal(err)
	}
	want := `s.yaml:6: question "capital": answered, but not one of this sheet's questions (its seed, count, set, tags, difficulty and types pick others)`
	if res.Unreadable() != 1 || !strings.Contains(res.Problems[0].Error(), want) {
		t.Errorf("problems %v, want %s", res.Problems, want)
	}
}

// An answer the sheet reader took as typed and the question cannot read
// ("[1, 2", a list never closed: teacher11 P7) costs that answer alone: the
// warning that says how it was read comes before the error that says why it
// does not count, both on its line, and the rest of the sheet is graded.
func TestAnswerReadAsTypedThenRefused(t *testing.T) {
	b := testfiles.Sample(t)
	s, err := sheet.Read("ana.yaml", 0, []byte("student: Ana\nanswers:\n  capital: Baku\n  seas: [Black Sea, Caspian\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := (&Grader{Banks: []*quiz.Bank{b}}).Grade(s)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range res.Problems {
		got = append(got, p.Error())
	}
	if len(got) != 2 || !strings.HasPrefix(got[0], `ana.yaml:4: warning: question "seas": read as text, as written: "[Black Sea, Caspian" (the [ at its start is never closed`) ||
		!strings.HasPrefix(got[1], `ana.yaml:4: question "seas": `) || res.Unreadable() != 1 || res.Score != 1 {
		t.Errorf("score %v, unreadable %d, problems:\n%s", res.Score, res.Unreadable(), strings.Join(got, "\n"))
	}
}

// The text table's columns line up on a terminal whatever the student's
// name: a name in Chinese takes two columns a character, and is padded,
// or cut, by the columns it takes, not by its characters.
func TestTextTableAlignsWideNames(t *testing.T) {
	b := testfiles.Sample(t)
	var buf strings.Builder
	w, err := NewResultWriter("text", &buf, ResultOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Ana Lee", "王小明", "Anastasia Konstantinopoulou", "欧阳娜娜欧阳娜娜欧阳娜娜欧阳娜娜"} {
		sh, err := sheet.Read("s.yaml", 0, []byte("student: "+name+"\nanswers: {}\n"))
		if err != nil {
			t.Fatal(err)
		}
		res, err := (&Grader{Banks: []*quiz.Bank{b}}).Grade(sh)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(res); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Unreadable("李雷.yaml", errors.New("bad")); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(buf.String(), "\n"), "\n")
	if len(lines) != 6 {
		t.Fatalf("%d lines:\n%s", len(lines), buf.String())
	}
	// Each row's score ends where the header's SCORE does: the name cell
	// takes 24 columns on the screen, whatever its characters.
	scoreEnd := func(l string) int {
		i := strings.Index(l, " 0/") + 1 // a blank sheet's score is 0/N
		if i == 0 {
			i = strings.Index(l, " - ") // the unreadable row's
		}
		if i < 0 {
			i = strings.Index(l, "SCORE")
		}
		return text.Width(l[:i+strings.IndexByte(l[i+1:], ' ')+1])
	}
	for _, l := range lines {
		if got, want := scoreEnd(l), 24+1+11; got != want {
			t.Errorf("the score ends at column %d, not %d: %q", got, want, l)
		}
	}
	if !strings.HasPrefix(lines[4], "欧阳娜娜欧阳娜娜欧阳娜…  ") || !strings.HasPrefix(lines[3], "Anastasia Konstantinopo… ") {
		t.Errorf("long names cut to 24 columns:\n%s\n%s", lines[3], lines[4])
	}
}

// Names in scripts whose characters are several runes (attack24 L7): an
// Indic conjunct, decomposed Hangul. Each row's
// name cell is whole characters, the "…" and the spaces to 24 columns,
// counted by hand from the columns one character takes, not by text.Width.
func TestTextTableAlignsHardScripts(t *testing.T) {
	b := testfiles.Sample(t)
	for _, tc := range []struct {
		unit  string
		width int
	}{
		{"क्षि", 3},
		{"\u1100\u1161\u11a8", 2},
	} {
		for _, reps := range []int{3, 30} {
			name := strings.Repeat(tc.unit, reps)
			sh, err := sheet.Read("s.yaml", 0, []byte("student: \""+name+"\"\nanswers: {}\n"))
			if err != nil {
				t.Fatal(err)
			}
			res, err := (&Grader{Banks: []*quiz.Bank{b}}).Grade(sh)
			if err != nil {
				t.Fatal(err)
			}
			var buf strings.Builder
			w, err := NewResultWriter("text", &buf, ResultOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Write(res); err != nil {
				t.Fatal(err)
			}
			row := strings.Split(buf.String(), "\n")[1]
			var cell string
			if full := reps * tc.width; full <= 24 {
				cell = name + strings.Repeat(" ", 24-full)
			} else {
				k := 23 / tc.width // whole characters before the "…"
				cell = strings.Repeat(tc.unit, k) + "…" + strings.Repeat(" ", 23-k*tc.width)
			}
			if !strings.HasPrefix(row, cell+" ") || !strings.HasPrefix(row[len(cell):], "         0/") {
				t.Errorf("%q×%d: row %q, want the cell %q and the score after it", tc.unit, reps, row, cell)
			}
		}
	}
}
