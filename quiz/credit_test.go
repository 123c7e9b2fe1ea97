package quiz

import (
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// creditBank holds one question per form of per-answer credit, as Moodle's
// GIFT weights make them (issue 12).
const creditBank = `id: credit
title: Credit
questions:
  - id: half
    type: single
    prompt: "Difficult question. {~wrong ~%50%half =full}"
    choices: [wrong, half, full]
    answer: full
    credit: {half: 50%}
  - id: seasons
    type: single
    prompt: "Name a season. {= spring = summer = winter = autumn ~ easter}"
    choices: [spring, summer, winter, autumn, easter]
    answer: spring
    credit: {summer: 1, winter: 1, autumn: 1}
  - id: weighted
    type: multi
    prompt: What two people are entombed in Grant's tomb?
    choices: [No one, Grant, Grant's wife, Grant's father]
    answers: [Grant, Grant's wife]
    credit: {No one: -0.5, Grant's father: -1}
  - id: cat
    type: short
    prompt: Which is the best animal?
    accept: [Frog, Cat]
    credit: {Cat: 0.5}
    typos: 0
  - id: roots
    type: numeric
    prompt: "A root of x² + 3x − 28?"
    answer: -7
    also:
      - {answer: 4, credit: 1}
      - {answer: 4, tolerance: 1, credit: 0.5}
  - id: won
    type: short
    prompt: I have just ... the match.
    accept: [have just won]
  - id: won-exact
    type: short
    prompt: I have just ... the match.
    accept: [have just won]
    typos: 0
  - id: wild
    type: short
    prompt: Who is buried in Grant's tomb?
    accept: ["no*one", "Grant \\* wife"]
  - id: seasons-match
    type: match
    prompt: Match each month with its season.
    pairs:
      - {left: December, right: winter}
      - {left: January, right: winter}
      - {left: July, right: summer}
`

func loadCredit(t *testing.T) *Bank {
	t.Helper()
	b, _, err := ParseBank("credit.yaml", []byte(creditBank))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestPerAnswerCredit(t *testing.T) {
	b := loadCredit(t)
	pick := func(i ...int) Response { return Response{Answered: true, Choices: i} }
	text := func(s string) Response { return Response{Answered: true, Text: s} }
	for _, tc := range []struct {
		id   string
		r    Response
		want float64
	}{
		// {~wrong ~%50%half =full}: a single choice where half earns 50%.
		{"half", pick(2), 1},
		{"half", pick(1), 0.5},
		{"half", pick(0), 0},
		// {= spring = summer = winter = autumn ~ easter}: any season is right.
		{"seasons", pick(0), 1},
		{"seasons", pick(3), 1},
		{"seasons", pick(4), 0},
		// Moodle adds the weights of the choices ticked, within 0 and 1.
		{"weighted", pick(1, 2), 1},
		{"weighted", pick(1), 0.5},
		{"weighted", pick(1, 2, 0), 0.5},
		{"weighted", pick(1, 3), 0},
		{"weighted", pick(0, 1, 2, 3), 0},
		// =%50%Cat earns half.
		{"cat", text("Frog"), 1},
		{"cat", text("cat"), 0.5},
		{"cat", text("Dog"), 0},
		// Two right numbers, and a nearby one for half.
		{"roots", text("-7"), 1},
		{"roots", text("4"), 1},
		{"roots", text("4.5"), 0.5},
		{"roots", text("7"), 0},
		// One typo allowed by default, but never in a word of 4 letters or
		// fewer (won); typos: 0 marks as Moodle does.
		{"won", text("have just win"), 0},
		{"won", text("have jst won"), 0},
		{"won-exact", text("have just win"), 0},
		{"won-exact", text("Have just won!"), 0},   // Moodle: punctuation counts
		{"won-exact", text("  HAVE just won "), 1}, // only case and the ends' spaces do not
		// * is Moodle's wildcard; \* a literal star.
		{"wild", text("no one"), 1},
		{"wild", text("nobody at all, no one"), 1}, // as Moodle: * is any text
		{"wild", text("someone"), 0},
		{"wild", text("noone"), 1},
		{"wild", text("Grant * wife"), 1},
		{"wild", text("Grant's wife"), 0},
	} {
		if got := Score(b.Question(tc.id), tc.r); got != tc.want {
			t.Errorf("%s %+v: score %v, want %v", tc.id, tc.r, got, tc.want)
		}
	}
}

func TestRepeatedRightSidesAreOfferedOnce(t *testing.T) {
	q := loadCredit(t).Question("seasons-match")
	if got, want := q.Rights(), []string{"winter", "summer"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("rights %q, want %q", got, want)
	}
	p := &Presented{Question: q, Perm: optionOrder(q, 7)}
	if opts := p.Options(); len(opts) != 2 {
		t.Fatalf("offered %q, want each season once", opts)
	}
	winter := indexOf(p.Options(), "winter")
	summer := indexOf(p.Options(), "summer")
	r := Response{Answered: true, Matches: p.FromDisplay([]int{winter, winter, summer})}
	if got := Score(q, r); got != 1 {
		t.Errorf("December and January both winter: score %v, want 1 (matches %v)", got, r.Matches)
	}
	r = Response{Answered: true, Matches: p.FromDisplay([]int{winter, summer, summer})}
	if got := Score(q, r); got != 2.0/3 {
		t.Errorf("January as summer: score %v, want 2/3", got)
	}
	// An answer sheet names the right side by its letter as shown.
	seed := uint64(7)
	r, err := q.Resolve(Value{Kind: Scalar, Text: "1=" + string(rune('a'+winter)) + " 2=" + string(rune('a'+winter)) + " 3=" + string(rune('a'+summer))}, &seed)
	if err != nil {
		t.Fatal(err)
	}
	if got := Score(q, r); got != 1 {
		t.Errorf("sheet answer: score %v, want 1 (matches %v)", got, r.Matches)
	}
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

func TestManyPairsAndOptionsByTextAsWritten(t *testing.T) {
	var pairs strings.Builder
	for i := range 14 {
		pairs.WriteString("      - {left: l" + string(rune('a'+i)) + ", right: r" + string(rune('a'+i)) + "}\n")
	}
	src := "id: b\ntitle: T\nquestions:\n" +
		"  - id: m\n    type: match\n    prompt: P\n    explanation: E\n    source: {section: S}\n    pairs:\n" + pairs.String() +
		"  - id: c\n    type: single\n    prompt: P\n    explanation: E\n    source: {section: S}\n    choices: [C++, C#, C]\n    answer: C++\n" +
		"  - id: n\n    type: single\n    prompt: P\n    explanation: E\n    source: {section: S}\n    choices: [\"-1\", \"1\", \"5\"]\n    answer: \"-1\"\n"
	b, _, err := ParseBank("b.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if q := b.Question("c"); q.Correct[0] != 0 {
		t.Errorf("answer C++ resolved to %q", q.Choices[q.Correct[0]])
	}
	if q := b.Question("n"); q.Correct[0] != 0 {
		t.Errorf("answer -1 resolved to %q", q.Choices[q.Correct[0]])
	}
	if n := len(b.Question("m").Pairs); n != 14 {
		t.Errorf("%d pairs, want 14", n)
	}
}

// A bank with credit exports to YAML and reads back the same.
func TestCreditRoundTripsThroughYAML(t *testing.T) {
	b := loadCredit(t)
	out, err := yaml.Marshal(b.Doc())
	if err != nil {
		t.Fatal(err)
	}
	back, _, err := ParseBank("back.yaml", out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for i, q := range b.Questions {
		r := back.Questions[i]
		if !reflect.DeepEqual(q.Credit, r.Credit) || !reflect.DeepEqual(q.Numbers, r.Numbers) || q.Exact != r.Exact || !reflect.DeepEqual(q.Correct, r.Correct) {
			t.Errorf("%s: credit %v numbers %v exact %v; read back %v %v %v", q.ID, q.Credit, q.Numbers, q.Exact, r.Credit, r.Numbers, r.Exact)
		}
	}
}

// Feedback and answer keys name every fully right answer and the part marks.
func TestExpectedAndCreditNote(t *testing.T) {
	b := loadCredit(t)
	for _, tc := range []struct{ id, expected, note string }{
		{"half", "full", "half: 50%"},
		{"seasons", "spring / summer / winter / autumn", ""},
		{"weighted", "Grant; Grant's wife", "No one: -50%; Grant: 50%; Grant's wife: 50%; Grant's father: -100%"},
		{"cat", "Frog", "Cat: 50%"},
		{"roots", "-7 / 4", "4 (± 1): 50%"},
		{"won", "have just won", ""},
	} {
		q := b.Question(tc.id)
		if got := q.Expected(); got != tc.expected {
			t.Errorf("%s: Expected() = %q, want %q", tc.id, got, tc.expected)
		}
		if got := q.CreditNote(); got != tc.note {
			t.Errorf("%s: CreditNote() = %q, want %q", tc.id, got, tc.note)
		}
	}
}

// A year reads as a year without its unit; other units stay.
func TestExpectedUnit(t *testing.T) {
	for _, tc := range []struct {
		unit string
		want string
	}{
		{"year", "1992"},
		{"Years", "1992"},
		{"days", "1992 days"},
		{"", "1992"},
	} {
		q := &Question{Type: Numeric, Value: 1992, Unit: tc.unit}
		if got := q.Expected(); got != tc.want {
			t.Errorf("unit %q: Expected() = %q, want %q", tc.unit, got, tc.want)
		}
	}
}

func TestTagLabel(t *testing.T) {
	for tag, want := range map[string]string{
		"un-resolution":           "UN resolution",
		"survivors-await-justice": "Survivors await justice",
		"since-2020":              "Since 2020",
		"recall":                  "Recall",
	} {
		if got := TagLabel(tag); got != want {
			t.Errorf("TagLabel(%q) = %q, want %q", tag, got, want)
		}
	}
}
