package quiz

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz/fileio"
)

func TestParseBankAllTypes(t *testing.T) {
	b := loadSample(t)
	if b.ID != "sample" || b.Title != "Every question type" || len(b.Questions) != 8 {
		t.Fatalf("bank = %q %q with %d questions", b.ID, b.Title, len(b.Questions))
	}
	seen := map[Type]bool{}
	for _, q := range b.Questions {
		seen[q.Type] = true
		if q.Bank != "sample" {
			t.Errorf("%s: Bank = %q", q.ID, q.Bank)
		}
	}
	for _, typ := range Types {
		if !seen[typ] {
			t.Errorf("type %s missing from the sample", typ)
		}
	}
	if q := question(t, b, "capital"); len(q.Correct) != 1 || q.Choices[q.Correct[0]] != "Baku" || q.Line != 5 {
		t.Errorf("single: correct %v, line %d", q.Correct, q.Line)
	}
	if q := question(t, b, "seas"); fmt.Sprint(q.Correct) != "[0 1]" || q.Points != 2 {
		t.Errorf("multi: correct %v points %v", q.Correct, q.Points)
	}
	if q := question(t, b, "independence"); !q.Truth {
		t.Error("truefalse: want true")
	}
	if q := question(t, b, "ceasefire-year"); q.Value != 1994 || q.Points != 1 {
		t.Errorf("numeric: %v, points %v", q.Value, q.Points)
	}
	if q := question(t, b, "ussr"); q.Graded() || q.MaxPoints() != 0 || len(q.Key) != 3 {
		t.Errorf("open: graded=%v max=%v keys=%d", q.Graded(), q.MaxPoints(), len(q.Key))
	}
	if got := question(t, b, "town").Source.String(); got != "Introduction, ¶3: “in the town of Khojaly”" {
		t.Errorf("citation = %q", got)
	}
}

// Every kind of error the loader reports, each with its line and field.
func TestParseBankErrors(t *testing.T) {
	head := "id: b\ntitle: T\nquestions:\n"
	tests := []struct {
		name string
		yaml string
		want string // a Problem's full text
	}{
		{"malformed", "id: b\ntitle: [unclosed\n", "x.yaml:2: invalid YAML: did not find expected"},
		{"tab indentation", "id: b\n\ttitle: T\n", "x.yaml:2: invalid YAML: found a tab character"},
		{"not a mapping", "- a\n- b\n", "x.yaml:1: a bank is a mapping with id, title and questions, not a list"},
		{"no id", "title: T\nquestions:\n  - {id: q, type: truefalse, prompt: P, answer: true}\n", "x.yaml:1: id: missing"},
		{"bad bank id", "id: My Bank\ntitle: T\nquestions:\n  - {id: q, type: truefalse, prompt: P, answer: true}\n", `x.yaml:1: id: "My Bank" must be lower-case`},
		{"no title", "id: b\nquestions:\n  - {id: q, type: truefalse, prompt: P, answer: true}\n", "x.yaml:1: title: missing"},
		{"unknown bank field", "id: b\ntitle: T\ntitel: x\nquestions:\n  - {id: q, type: truefalse, prompt: P, answer: true}\n", `x.yaml:3: titel: unknown field (did you mean "title"?)`},
		{"no questions", "id: b\ntitle: T\n", "x.yaml:1: questions: a bank needs a list of at least one question"},
		{"empty questions", head + "  []\n", "questions: a bank needs a list of at least one question"},
		{"question not a mapping", head + "  - just text\n", "x.yaml:4: questions[1]: expected a question"},
		{"no question id", head + "  - type: truefalse\n    prompt: P\n    answer: true\n", `x.yaml:4: question "#1": id: missing`},
		{"bad question id", head + "  - id: Q 1\n    type: truefalse\n    prompt: P\n    answer: true\n", `x.yaml:4: question "Q 1": id: must be lower-case`},
		{"duplicate id", head + "  - {id: q, type: truefalse, prompt: P, answer: true}\n  - {id: q, type: truefalse, prompt: P, answer: false}\n", `x.yaml:5: question "q": id: duplicate: already used by the question at line 4`},
		{"unknown type", head + "  - {id: q, type: essay, prompt: P}\n", `x.yaml:4: question "q": type: "essay" is not a question type`},
		{"missing prompt", head + "  - {id: q, type: truefalse, answer: true}\n", `question "q": prompt: missing`},
		{"unknown field", head + "  - id: q\n    type: truefalse\n    prompt: P\n    answer: true\n    explanaton: x\n", `x.yaml:8: question "q": explanaton: unknown field (did you mean "explanation"?)`},
		{"field of another type", head + "  - id: q\n    type: truefalse\n    prompt: P\n    answer: true\n    choices: [a, b]\n", `x.yaml:8: question "q": choices: not used by type truefalse`},
		{"bad difficulty", head + "  - id: q\n    type: truefalse\n    prompt: P\n    answer: true\n    difficulty: tricky\n", `x.yaml:8: question "q": difficulty: "tricky" is not one of easy, medium, hard`},
		{"bad points", head + "  - id: q\n    type: truefalse\n    prompt: P\n    answer: true\n    points: -1\n", `x.yaml:8: question "q": points: must be more than 0`},
		{"points not a number", head + "  - id: q\n    type: truefalse\n    prompt: P\n    answer: true\n    points: many\n", `x.yaml:8: question "q": points: expected a number, found "many"`},
		{"tags not a list", head + "  - id: q\n    type: truefalse\n    prompt: P\n    answer: true\n    tags: {a: b}\n", `x.yaml:8: question "q": tags: expected a list, found a mapping`},
		{"list where text goes", head + "  - id: q\n    type: truefalse\n    prompt: [a, b]\n    answer: true\n", `x.yaml:6: question "q": prompt: expected text, found a list`},
		{"single without answer", head + "  - id: q\n    type: single\n    prompt: P\n    choices: [a, b]\n", `question "q": answer: missing: type single needs it`},
		{"single answer not a choice", head + "  - id: q\n    type: single\n    prompt: P\n    choices: [Baku, Yerevan, Tbilisi]\n    answer: C\n", `x.yaml:8: question "q": answer: "C" is not one of the choices (give the choice's text, not its letter)`},
		{"too few choices", head + "  - id: q\n    type: single\n    prompt: P\n    choices: [a]\n    answer: a\n", `x.yaml:7: question "q": choices: give 2 to 26 choices, not 1`},
		{"duplicate choice", head + "  - id: q\n    type: single\n    prompt: P\n    choices: [Baku, \" Baku \"]\n    answer: Baku\n", `x.yaml:7: question "q": choices: "Baku" appears twice`},
		{"multi answer not a choice", head + "  - id: q\n    type: multi\n    prompt: P\n    choices: [a, b]\n    answers: [a, z]\n", `x.yaml:8: question "q": answers: "z" is not one of the choices`},
		{"multi answer twice", head + "  - id: q\n    type: multi\n    prompt: P\n    choices: [a, b]\n    answers: [a, a]\n", `x.yaml:8: question "q": answers: "a" is listed twice`},
		{"truefalse not a bool", head + "  - id: q\n    type: truefalse\n    prompt: P\n    answer: maybe\n", `x.yaml:7: question "q": answer: expected true or false, found "maybe"`},
		{"short without accept", head + "  - id: q\n    type: short\n    prompt: P\n", `question "q": accept: missing: type short needs it`},
		{"short accept blank", head + "  - id: q\n    type: short\n    prompt: P\n    accept: [\" \"]\n", `x.yaml:7: question "q": accept: empty entry`},
		{"numeric answer text", head + "  - id: q\n    type: numeric\n    prompt: P\n    answer: nineteen\n", `x.yaml:7: question "q": answer: expected a number, found "nineteen"`},
		{"negative tolerance", head + "  - id: q\n    type: numeric\n    prompt: P\n    answer: 5\n    tolerance: -1\n", `x.yaml:8: question "q": tolerance: must not be negative`},
		{"order of one", head + "  - id: q\n    type: order\n    prompt: P\n    items: [a]\n", `x.yaml:7: question "q": items: give 2 to 12 items, not 1`},
		{"match pair half", head + "  - id: q\n    type: match\n    prompt: P\n    pairs:\n      - {left: a}\n      - {left: b, right: c}\n", `x.yaml:8: question "q": pairs: each pair needs both left and right`},
		{"match duplicate left", head + "  - id: q\n    type: match\n    prompt: P\n    pairs:\n      - {left: a, right: x}\n      - {left: a, right: y}\n", `question "q": pairs.left: "a" appears twice`},
		{"credit of an unknown choice", head + "  - id: q\n    type: single\n    prompt: P\n    choices: [a, b]\n    answer: a\n    credit: {c: 0.5}\n", `x.yaml:9: question "q": credit: "c" is not one of the choices`},
		{"credit above full", head + "  - id: q\n    type: single\n    prompt: P\n    choices: [a, b]\n    answer: a\n    credit: {b: 150%}\n", `x.yaml:9: question "q": credit: 1.5 is out of range`},
		{"credit less for the answer", head + "  - id: q\n    type: single\n    prompt: P\n    choices: [a, b]\n    answer: a\n    credit: {a: 0.5}\n", `x.yaml:9: question "q": credit: "a" is the answer, which earns full credit (1)`},
		{"multi credit makes a wrong choice right", head + "  - id: q\n    type: multi\n    prompt: P\n    choices: [a, b, c]\n    answers: [a]\n    credit: {b: 0.5}\n", `credit: "b" is not among the answers`},
		{"short negative credit", head + "  - id: q\n    type: short\n    prompt: P\n    accept: [cat]\n    credit: {cat: -0.5}\n", `credit: -0.5 is out of range: give a share from 0 to 1`},
		{"credit not a mapping", head + "  - id: q\n    type: short\n    prompt: P\n    accept: [cat]\n    credit: [0.5]\n", `credit: expected a mapping from an answer's text to its share`},
		{"typos of two", head + "  - id: q\n    type: short\n    prompt: P\n    accept: [cat]\n    typos: 2\n", `x.yaml:8: question "q": typos: expected 0 (exact) or 1 (one typo allowed), found 2`},
		{"also without credit", head + "  - id: q\n    type: numeric\n    prompt: P\n    answer: 5\n    also:\n      - {answer: 4}\n", `x.yaml:9: question "q": also: each entry needs an answer and its credit`},
		{"credit on numeric", head + "  - id: q\n    type: numeric\n    prompt: P\n    answer: 5\n    credit: {5: 1}\n", `credit: not used by type numeric`},
		{"open without model", head + "  - id: q\n    type: open\n    prompt: P\n", `question "q": model_answer: missing: type open needs it`},
		{"source not a mapping", head + "  - id: q\n    type: truefalse\n    prompt: P\n    answer: true\n    source: Introduction\n", `x.yaml:8: question "q": source: expected section, paragraph and quote`},
		{"source without section", head + "  - id: q\n    type: truefalse\n    prompt: P\n    answer: true\n    source: {paragraph: 1, quote: x}\n", `question "q": source.section: missing`},
		{"source bad paragraph", head + "  - id: q\n    type: truefalse\n    prompt: P\n    answer: true\n    source: {section: S, paragraph: 0, quote: x}\n", `question "q": source.paragraph: must be a whole number from 1`},
		{"quote too long", head + "  - id: q\n    type: truefalse\n    prompt: P\n    answer: true\n    source: {section: S, paragraph: 1, quote: " + strings.Repeat("word ", 26) + "}\n", `question "q": source.quote: 26 words; quote at most 25`},
		{"duplicate key", "id: b\nid: c\ntitle: T\n", `x.yaml:2: invalid YAML: mapping key "id" already defined at line 1`},
		{"not utf-8", "id: b\ntitle: \xff\xfe\n", "x.yaml:2: not valid UTF-8 text"},
		{"empty file", "  \n", "x.yaml: file is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, _, err := ParseBank("x.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatalf("no error; bank %+v", b)
			}
			var inv *InvalidError
			if !errors.As(err, &inv) {
				t.Fatalf("error is %T, want *InvalidError: %v", err, err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error:\n%v\nwant a line containing:\n%s", err, tt.want)
			}
		})
	}
}

// All problems are listed at once, not just the first.
func TestParseBankListsEveryProblem(t *testing.T) {
	src := "id: b\ntitle: T\nquestions:\n" +
		"  - {id: a, type: truefalse, prompt: P, answer: maybe}\n" +
		"  - {id: b, type: single, prompt: P, choices: [x, y], answer: z}\n" +
		"  - {id: c, type: numeric, prompt: P, answer: lots}\n"
	_, _, err := ParseBank("x.yaml", []byte(src))
	var inv *InvalidError
	if !errors.As(err, &inv) {
		t.Fatalf("err = %v", err)
	}
	if n := countErrs(inv.Problems); n != 3 {
		t.Errorf("%d errors, want 3:\n%v", n, err)
	}
}

func countErrs(ps []Problem) int {
	n := 0
	for _, p := range ps {
		if !p.Warning {
			n++
		}
	}
	return n
}

func TestParseBankWarnings(t *testing.T) {
	src := "id: b\ntitle: T\nquestions:\n  - {id: q, type: truefalse, prompt: P, answer: true}\n"
	b, warnings, err := ParseBank("x.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if b == nil || len(warnings) != 2 {
		t.Fatalf("warnings = %v", warnings)
	}
	got := warnings[0].Error() + "\n" + warnings[1].Error()
	for _, want := range []string{`x.yaml:4: warning: question "q": explanation: missing`, `x.yaml:4: warning: question "q": source: missing`} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings %q lack %q", got, want)
		}
	}
}

func TestParseBankTooLarge(t *testing.T) {
	data := []byte("id: b\ntitle: T\ndescription: " + strings.Repeat("x", fileio.MaxFileSize) + "\n")
	start := time.Now()
	_, _, err := ParseBank("big.yaml", data)
	if err == nil || !strings.Contains(err.Error(), "big.yaml: file is 10.0 MB; conflictq reads files of at most 10 MB") {
		t.Fatalf("err = %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("refusing a large file took %s", d) // generous: it must not parse it
	}
}

// A "billion laughs" document: nine levels of nine aliases. Parsing must not
// expand it, and the bank must be refused, quickly and without a panic.
func TestParseBankAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("id: bomb\ntitle: T\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		fmt.Fprintf(&b, "%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n", name, name, prev, prev, prev, prev, prev, prev, prev, prev, prev)
		prev = name
	}
	b.WriteString("questions:\n  - id: q\n    type: multi\n    prompt: P\n    choices: *i\n    answers: *i\n")
	done := make(chan error, 1)
	go func() {
		_, _, err := ParseBank("bomb.yaml", []byte(b.String()))
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("alias bomb accepted")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("alias bomb is being expanded")
	}
}
