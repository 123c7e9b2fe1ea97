package gift

import (
	"bytes"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	qtext "github.com/conflictq/conflictq/quiz/text"
)

// roundTrip exports b and parses the result back.
func roundTrip(t testing.TB, b *quiz.Bank) (back *quiz.Bank, notes []string, out []byte) {
	t.Helper()
	var buf bytes.Buffer
	notes, err := Export(&buf, b)
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	back, _, err = Parse(b.ID+".gift", buf.Bytes())
	if err != nil {
		t.Fatalf("the export does not parse: %v\n%s", err, buf.Bytes())
	}
	return back, notes, buf.Bytes()
}

// sameQuestions compares a bank with its export read back, field by field.
// It adjusts only for what Export's notes say it changed ("->" written as
// "- >") and for the $CATEGORY, which tags every question with the title.
// Loose comparison, for fuzzed input, also allows what arbitrary text cannot
// keep: a title such as "/x" (Moodle's category paths read // as a slash),
// and a citation whose section looks like a citation itself (it keeps its
// rendering).
func sameQuestions(t testing.TB, orig, back *quiz.Bank, notes []string, loose bool) {
	t.Helper()
	if back.Title != orig.Title && !loose {
		t.Errorf("title %q, want %q", back.Title, orig.Title)
	}
	if len(back.Questions) != len(orig.Questions) {
		t.Fatalf("%d questions, want %d", len(back.Questions), len(orig.Questions))
	}
	titleTag := qtext.Slug(orig.Title)
	for i, want := range orig.Questions {
		got := back.Questions[i]
		// Build what Parse should give: the original, adjusted as the notes say.
		adj := &quiz.Question{
			ID: want.ID, Type: want.Type, Prompt: want.Prompt, Explanation: want.Explanation, Source: want.Source,
			Difficulty: want.Difficulty, Tags: slices.Clone(want.Tags), Points: want.Points, Choices: want.Choices,
			Correct: want.Correct, Truth: want.Truth, Accept: slices.Clone(want.Accept), Value: want.Value, Tol: want.Tol,
			Unit: want.Unit, Items: want.Items, Pairs: slices.Clone(want.Pairs), Model: want.Model, Key: want.Key,
			Credit: want.Credit, Numbers: want.Numbers, Exact: want.Exact,
		}
		// Weights travel as percentages to five decimals, as Moodle writes them.
		if len(got.Credit) == len(adj.Credit) && slices.EqualFunc(got.Credit, adj.Credit, func(a, b float64) bool { return math.Abs(a-b) < 1e-6 }) {
			adj.Credit = got.Credit
		}
		if len(got.Numbers) == len(adj.Numbers) && slices.EqualFunc(got.Numbers, adj.Numbers, func(a, b quiz.Number) bool {
			return a.Value == b.Value && a.Tol == b.Tol && math.Abs(a.Credit-b.Credit) < 1e-6
		}) {
			adj.Numbers = got.Numbers
		}
		if !slices.Contains(adj.Tags, titleTag) {
			adj.Tags = append(adj.Tags, titleTag)
		}
		if slices.ContainsFunc(notes, func(n string) bool { return strings.HasPrefix(n, want.ID+": ") && strings.Contains(n, `"->"`) }) {
			for k := range adj.Accept {
				adj.Accept[k] = noArrow(adj.Accept[k])
			}
			for k := range adj.Pairs {
				adj.Pairs[k].Left = noArrow(adj.Pairs[k].Left)
			}
		}
		if loose {
			if adj.Source.String() == got.Source.String() {
				adj.Source = got.Source
			}
			extra := 0
			for _, tag := range got.Tags {
				if !slices.Contains(want.Tags, tag) {
					extra++
				}
			}
			if extra <= 1 && !slices.ContainsFunc(want.Tags, func(tag string) bool { return !slices.Contains(got.Tags, tag) }) {
				adj.Tags = got.Tags
			}
		}
		for _, d := range diff(got, adj) {
			t.Errorf("%s/%s: %s", orig.ID, want.ID, d)
		}
	}
}

func TestExportGolden(t *testing.T) {
	b := loadYAML(t, "sample.yaml")
	back, notes, out := roundTrip(t, b)
	golden(t, "sample.gift", out)
	sameQuestions(t, b, back, notes, false)
	want := []string{
		`intro: a GIFT description has no feedback; the explanation is only in a // comment, which Moodle ignores`,
		`ceasefire-year: GIFT has no units: the unit "year" is only in a // comment, which Moodle ignores`,
		`sequence: GIFT has no ordering question: written as a matching question (Position 1 -> first item, …), which Moodle marks pair by pair and conflictq reads back as an order question`,
		`ussr: a GIFT essay has only the model answer (shown as general feedback); the key points and explanation are only in // comments, which Moodle ignores`,
	}
	if !slices.Equal(notes, want) {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(notes, "\n"), strings.Join(want, "\n"))
	}
}

// Text that means something in GIFT must come back as it went out.
func TestExportTrickyText(t *testing.T) {
	q := func(id string, typ quiz.Type, prompt string) *quiz.Question {
		return &quiz.Question{ID: id, Bank: "tricky", Type: typ, Prompt: prompt, Points: 1, Line: 1}
	}
	b := &quiz.Bank{ID: "tricky", Title: "Tricky / text: {all} of it", Questions: []*quiz.Question{
		q("braces", quiz.TrueFalse, "Is {this} = ~that~ # or : not? \\ and \\n"),
		q("format", quiz.TrueFalse, "[html] is not a format here"),
		q("lines", quiz.TrueFalse, "One\nTwo\n\nThree"),
		q("comment", quiz.Info, "// not a comment\n// nor this"),
		q("category", quiz.Info, "$CATEGORY: not a category"),
		q("blank-end", quiz.Short, "The town is _____"),
		q("blank-middle", quiz.Short, "_____ is the town."),
		q("percent", quiz.Single, "Which share?"),
		q("percent-multi", quiz.Multi, "Which shares?"),
		q("arrows", quiz.Short, "Arrow?"),
		q("arrow-pairs", quiz.Match, "Arrows?"),
		q("hashes", quiz.Numeric, "####?"),
		q("tf-like", quiz.Short, "Answer T"),
		q("open-tricky", quiz.Open, "Essay {}"),
	}}
	set := func(id string, f func(*quiz.Question)) { f(b.Question(id)) }
	set("braces", func(q *quiz.Question) { q.Explanation = "[markdown] stays; #### too {}" })
	set("blank-end", func(q *quiz.Question) { q.Accept = []string{"Khojaly"} })
	set("blank-middle", func(q *quiz.Question) { q.Accept = []string{"Khojaly"}; q.Tags = []string{"a b", "c"} })
	set("percent", func(q *quiz.Question) {
		q.Choices, q.Correct = []string{"%5 of it", "50%", "%10% off", "[plain] ten"}, []int{2}
	})
	set("percent-multi", func(q *quiz.Question) {
		q.Choices, q.Correct = []string{"%5", "%50% x", "y", "=z", "~w", "#v"}, []int{1, 0, 5}
	})
	set("arrows", func(q *quiz.Question) { q.Accept = []string{"a -> b", "%1%c", "T"} })
	set("arrow-pairs", func(q *quiz.Question) {
		q.Pairs = []quiz.Pair{{Left: "x -> y", Right: "-> z"}, {Left: "a-", Right: ">b"}}
	})
	set("hashes", func(q *quiz.Question) { q.Value, q.Tol, q.Unit = -0.25, 1e-3, "m/s" })
	set("tf-like", func(q *quiz.Question) { q.Accept = []string{"TRUE"} })
	set("open-tricky", func(q *quiz.Question) {
		q.Model, q.Key, q.Explanation = "#### Model \\n {x}", []string{"a\nb", `c\d`}, "line\\nbreak\nreal break"
		q.Source = quiz.Source{Section: "S: x, y", Paragraph: 3, Quote: "q: “r”"}
		q.Difficulty, q.Points = "hard", 0.5
	})
	back, notes, out := roundTrip(t, b)
	sameQuestions(t, b, back, notes, false)
	golden(t, "tricky.gift", out)
	for _, want := range []string{`arrows: GIFT reads "->" as a matching pair`, `arrow-pairs: GIFT reads the first "->" of a pair`} {
		if !slices.ContainsFunc(notes, func(n string) bool { return strings.HasPrefix(n, want) }) {
			t.Errorf("no note %q in %q", want, notes)
		}
	}
	// The second export of what came back is the same text: Export is stable.
	var again bytes.Buffer
	if _, err := Export(&again, back); err != nil {
		t.Fatal(err)
	}
	back2, _, err := Parse("tricky.gift", again.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	sameQuestions(t, back, back2, nil, false)
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestExportErrors(t *testing.T) {
	single := &quiz.Question{ID: "s", Type: quiz.Single, Prompt: "P", Choices: []string{"a", "b"}, Correct: []int{2}, Points: 1}
	for _, tc := range []struct {
		b    *quiz.Bank
		w    interface{ Write([]byte) (int, error) }
		want string
	}{
		{&quiz.Bank{ID: "x", Questions: []*quiz.Question{single}}, &bytes.Buffer{}, `question "s": right answer [2] is not one of 2 choices`},
		{&quiz.Bank{ID: "x", Questions: []*quiz.Question{{ID: "m", Type: quiz.Multi, Prompt: "P", Choices: []string{"a", "b"}}}}, &bytes.Buffer{}, `question "m": no right answer`},
		{&quiz.Bank{ID: "x", Questions: []*quiz.Question{{ID: "e", Type: "essay", Prompt: "P"}}}, &bytes.Buffer{}, `question "e": type "essay" cannot be written as GIFT`},
		{&quiz.Bank{ID: "x", Questions: []*quiz.Question{{ID: "p", Type: quiz.Info}}}, &bytes.Buffer{}, `question "p": no question text`},
		{&quiz.Bank{ID: "x", Questions: []*quiz.Question{{ID: "t", Type: quiz.TrueFalse, Prompt: "P"}}}, failWriter{}, "disk full"},
	} {
		notes, err := Export(tc.w, tc.b)
		if err == nil || err.Error() != tc.want || notes != nil {
			t.Errorf("got %v, %v; want %q", notes, err, tc.want)
		}
		if buf, ok := tc.w.(*bytes.Buffer); ok && buf.Len() > 0 {
			t.Errorf("wrote %d bytes before failing", buf.Len())
		}
	}
}

// Credit travels as Moodle's weights: = for every fully right choice, ~%n%
// for part, =%n% in short and numeric answers; and it reads back the same.
func TestExportCredit(t *testing.T) {
	b := &quiz.Bank{ID: "credit", Title: "Credit", Questions: []*quiz.Question{
		{ID: "half", Type: quiz.Single, Prompt: "Difficult question.", Choices: []string{"wrong", "half", "full"}, Correct: []int{2}, Credit: []float64{0, 0.5, 1}, Points: 1, Line: 1},
		{ID: "seasons", Type: quiz.Single, Prompt: "A season?", Choices: []string{"spring", "summer", "easter"}, Correct: []int{0}, Credit: []float64{1, 1, 0}, Points: 1, Line: 2},
		{ID: "two", Type: quiz.Multi, Prompt: "Entombed?", Choices: []string{"No one", "Grant", "Grant's wife"}, Correct: []int{1, 2}, Credit: []float64{-1, 0.5, 0.5}, Points: 1, Line: 3},
		{ID: "cat", Type: quiz.Short, Prompt: "Best animal?", Accept: []string{"Frog", "Cat", "Grant*"}, Credit: []float64{1, 0.5, 0.25}, Exact: true, Points: 1, Line: 4},
		{ID: "roots", Type: quiz.Numeric, Prompt: "Roots?", Value: -7, Numbers: []quiz.Number{{Value: 4, Credit: 1}, {Value: 4, Tol: 1, Credit: 0.5}}, Points: 1, Line: 5},
	}}
	back, notes, out := roundTrip(t, b)
	for _, want := range []string{"~%50%half", "=full", "=spring\n\t~%100%summer", "~%-100%No one", "~%50%Grant\n", "=Frog\n", "=%50%Cat", "=%25%Grant*", "{#\n\t=-7\n\t=%100%4\n\t=%50%4:1\n"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("export lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(string(out), "typos") {
		t.Errorf("an exact short answer needs no typos comment:\n%s", out)
	}
	sameQuestions(t, b, back, notes, false)
}

// HTML shown as text (a code sample) is exported as escaped [html], so that
// Moodle, which renders its default format as HTML, shows it as written; and
// it reads back the same (issue 12, D2).
func TestCodeSamplesExportedEscaped(t *testing.T) {
	b := &quiz.Bank{ID: "h", Title: "H", Questions: []*quiz.Question{{
		ID: "q", Type: quiz.Single, Prompt: "What is true about this HTML?\n<a href=\"p.htm\">Second Page</a>", Points: 1,
		Choices: []string{"It is a link", "&lt; is an entity"}, Correct: []int{0}, Bank: "h", Line: 1,
	}}}
	back, _, out := roundTrip(t, b)
	if !strings.Contains(string(out), `[html]What is true about this HTML?<br>\n&lt;a href\="p.htm"&gt;Second Page&lt;/a&gt;`) ||
		!strings.Contains(string(out), `[html]&amp;lt; is an entity`) {
		t.Errorf("export:\n%s", out)
	}
	if q := back.Questions[0]; q.Prompt != b.Questions[0].Prompt || q.Choices[1] != "&lt; is an entity" {
		t.Errorf("read back: %q %q", q.Prompt, q.Choices)
	}
}
