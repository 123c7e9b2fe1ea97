// Package aiken reads and writes Moodle's Aiken format: single-choice
// questions, one to a block, each a line of question text, its options
// lettered A. or A) (Moodle accepts A)Text with no space too), and the
// letter of the right one:
//
//	Which city is the capital of Azerbaijan?
//	A. Baku
//	B. Yerevan
//	C) Tbilisi
//	ANSWER: A
//
// Aiken has no place for anything else (feedback, citations, other types),
// so Export writes single-choice questions only and counts the others.
package aiken

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/lazy"
	"github.com/conflictq/conflictq/quiz/text"
)

var (
	// optionLine is an option: a capital letter, "." or ")", a space, the text.
	optionLine = &lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`^([A-Z])[.)][ \t]+(\S.*)$`) }}
	// tightOption is an option with no space after its letter (A)Paris),
	// which Moodle's reader accepts too.
	tightOption = &lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`^([A-Z])[.)](\S.*)$`) }}
	// lowerOption is an option written with a small letter, which Moodle
	// does not read: worth a hint, since it is an easy slip.
	lowerOption = &lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`^[a-z][.)][ \t]+\S`) }}
	answerLine  = &lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`(?i)^ANSWER\s*:\s*(.*)$`) }}
)

// MaxOptions is the most options a question may have: what every question
// may have (quiz.MaxChoices), Aiken's 26 letters.
const MaxOptions = quiz.MaxChoices

// Parse reads an Aiken file and returns it as a bank of single-choice
// questions, with any warnings. As Moodle does, it imports the good questions
// of a file and reports each bad one, with its line, as a warning that it was
// skipped; only a file with no good question is an error. Questions are
// numbered q1, q2… in the order of the file; the bank's id is the slug of the file's base name, its title the
// base name. When the file has errors, Parse returns an *quiz.InvalidError that
// lists every problem with its line, in the order of the file.
func Parse(file string, data []byte) (*quiz.Bank, []quiz.Problem, error) {
	if err := quiz.CheckText(file, data); err != nil {
		return nil, nil, err
	}
	p := &parser{file: file, ps: quiz.Problems{File: file}, b: newBank(file)}
	s := strings.TrimPrefix(string(data), "\ufeff")
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	line := 0
	for raw := range strings.Lines(s) { // not Split: a slice of a million lines would be held
		line++
		if text := strings.TrimSpace(raw); text != "" && !p.read(text, line) {
			return nil, nil, p.err()
		}
	}
	return p.end()
}

// newBank is the empty bank a file makes: its id the slug of the file's
// base name, its title the base name.
func newBank(file string) *quiz.Bank {
	name := quiz.TitleFromFile(file)
	b := &quiz.Bank{ID: text.Slug(name), Title: name, File: file}
	if b.ID == "" {
		b.ID = "aiken"
	}
	if b.Title == "" {
		b.Title = "Aiken import"
	}
	return b
}

// draft is a question being read: the lines of its options, and whether an
// error makes it unusable.
type draft struct {
	q     *quiz.Question
	lines []int
	bad   bool
}

type parser struct {
	file string
	ps   quiz.Problems // at most quiz.MaxProblems, and a count of the rest
	b    *quiz.Bank
	cur  *draft // the question being read
	n    int    // questions begun
}

// read reads one line that is not blank; false: the file holds more
// questions than any bank may, and is read no further.
func (p *parser) read(text string, line int) bool {
	if p.cur == nil {
		return p.begin(text, line)
	}
	if m := p.optionOf(text); m != nil {
		p.option(m, line)
		return true
	}
	if m := answerLine.Get().FindStringSubmatch(text); m != nil {
		if !p.cur.bad {
			p.finish(p.cur, strings.TrimSpace(m[1]), line)
		}
		if !p.cur.bad {
			p.b.Questions = append(p.b.Questions, p.cur.q)
		}
		p.cur = nil
		return true
	}
	p.other(text, line)
	return true
}

// begin reads a line between questions: the next question's text.
func (p *parser) begin(text string, line int) bool {
	switch {
	case optionLine.Get().MatchString(text):
		p.errorf(line, "", "expected a question line before the option %q", text)
	case answerLine.Get().MatchString(text):
		p.errorf(line, "", "expected a question and its options before %q", text)
	case p.n == quiz.MaxQuestions:
		p.errorf(line, "", "%s", quiz.TooManyQuestions())
		return false
	default:
		p.n++
		p.cur = p.draft(fmt.Sprintf("q%d", p.n), text, line)
	}
	return true
}

func (p *parser) draft(id, prompt string, line int) *draft {
	return &draft{q: &quiz.Question{ID: id, Bank: p.b.ID, Type: quiz.Single, Prompt: prompt, Points: 1, Line: line}}
}

// optionOf is the letter and text of an option line, nil for another line.
// An option with no space after its letter counts only when its letter is
// the next one: "A)Paris" is an option, "I.e. the capital" a text.
func (p *parser) optionOf(text string) []string {
	m := optionLine.Get().FindStringSubmatch(text)
	if t := tightOption.Get().FindStringSubmatch(text); m == nil && t != nil && t[1][0] == byte('A'+len(p.cur.q.Choices)) {
		m = t
	}
	return m
}

// option adds an option to the question being read.
func (p *parser) option(m []string, line int) {
	cur, q := p.cur, p.cur.q
	if len(q.Choices) == 26 {
		// Past Z: the letters have run out, and the question is read
		// no further (a million options would be held otherwise).
		if !cur.bad {
			p.errorf(line, q.ID, "more than 26 options (A to Z)")
		}
		cur.bad = true
		return
	}
	want := rune('A' + len(q.Choices))
	if got := rune(m[1][0]); got != want {
		p.errorf(line, q.ID, "option %c is out of sequence: expected %c", got, want)
		cur.bad = true
	}
	q.Choices = append(q.Choices, strings.TrimSpace(m[2]))
	cur.lines = append(cur.lines, line)
}

// other reads a line inside a question that is neither an option nor its
// ANSWER: a slip, or the start of another question.
func (p *parser) other(text string, line int) {
	cur, q := p.cur, p.cur.q
	switch {
	case len(q.Choices) == 0 && !cur.bad && lowerOption.Get().MatchString(text):
		p.errorf(line, q.ID, "expected option A. or A): option letters are capitals")
		cur.bad = true
	case len(q.Choices) == 0 && cur.bad:
		// the lines up to its ANSWER belong to it
	case len(q.Choices) == 0:
		// The question's text runs onto a second line, which Aiken does
		// not allow: as Moodle does, the line before is a question
		// with no options, reported and skipped, and this line starts
		// the question.
		p.errorf(q.Line, q.ID, "expected option A. or A) after the question, found the next line %q: the question text must be on one line (Moodle, too, keeps only the last line)", text)
		p.cur = p.draft(q.ID, text, line)
	default:
		// A new question: the one before had no ANSWER. Read on, to find any
		// further problems.
		p.errorf(q.Line, q.ID, "expected a line \"ANSWER: X\" after the options, before the next question at line %d", line)
		p.n++
		p.cur = p.draft(fmt.Sprintf("q%d", p.n), text, line)
	}
}

// end closes the file: the bank of the good questions, the bad ones
// reported as skipped; an error when no question is good.
func (p *parser) end() (*quiz.Bank, []quiz.Problem, error) {
	if p.cur != nil {
		p.errorf(p.cur.q.Line, p.cur.q.ID, "expected a line \"ANSWER: X\" after the options, before the end of the file")
	}
	if len(p.b.Questions) == 0 && p.err() == nil {
		p.errorf(0, "", "no questions found: an Aiken question is a line of text, options A. B. …, and a line ANSWER: A")
	}
	if len(p.b.Questions) == 0 {
		return nil, nil, p.err()
	}
	// As Moodle does, the good questions are imported and the bad ones
	// reported, each with its line.
	for i := range p.ps.List {
		if !p.ps.List[i].Warning {
			p.ps.List[i].Warning = true
			p.ps.List[i].Msg += " (skipped)"
		}
	}
	return p.b, p.ps.Warnings(), nil
}

func (p *parser) errorf(line int, qid, format string, args ...any) {
	p.ps.Add(line, qid, "", format, args...)
}

func (p *parser) warn(line int, qid, format string, args ...any) {
	p.ps.Warn(line, qid, "", format, args...)
}

func (p *parser) err() error { return p.ps.Err() }

// finish reads the ANSWER line and checks the question as the YAML loader
// would: 2 to MaxOptions options, no two the same, the answer one of them,
// then everything else quiz.Question.Validate checks.
func (p *parser) finish(d *draft, answer string, line int) {
	q := d.q
	fail := func(l int, format string, args ...any) {
		p.errorf(l, q.ID, format, args...)
		d.bad = true
	}
	c := quiz.CheckList(q.Choices, quiz.MinChoices, MaxOptions)
	if c.Count {
		fail(q.Line, "%s", c.CountMsg("options"))
	}
	for _, dup := range c.Dups {
		fail(d.lines[dup.At], "the option %q appears twice (also at line %d)", q.Choices[dup.At], d.lines[dup.First])
	}
	last := rune('A' + len(q.Choices) - 1)
	switch {
	case len(q.Choices) == 0:
		fail(line, "expected options A. B. … before ANSWER")
	case utf8.RuneCountInString(answer) != 1 || !(answer[0] >= 'A' && answer[0] <= 'Z' || answer[0] >= 'a' && answer[0] <= 'z'):
		fail(line, "ANSWER: expected one letter, A to %c, found %q", last, answer)
	default:
		letter := rune(strings.ToUpper(answer)[0])
		if letter > last {
			fail(line, "ANSWER: %c is not one of the options A to %c", letter, last)
			return
		}
		if answer != string(letter) {
			p.warn(line, q.ID, "ANSWER: write the letter as a capital, %c: Moodle reads only capitals", letter)
		}
		q.Correct = []int{int(letter - 'A')}
	}
	if d.bad {
		return
	}
	// The net under the checks above, with their lines: what every importer
	// refuses.
	for _, pr := range q.Validate() {
		if pr.Warning {
			p.warn(q.Line, q.ID, "%s: %s", pr.Field, pr.Msg)
			continue
		}
		fail(q.Line, "%s: %s", pr.Field, pr.Msg)
	}
}

// Looks reports whether data looks like Aiken: at least one question line,
// options A and B, and an ANSWER line naming a letter. It lets a caller
// tell Aiken from YAML or GIFT without a file extension to go by.
func Looks(data []byte) bool {
	if !utf8.Valid(data) {
		return false
	}
	s := strings.ReplaceAll(string(data), "\r", "\n")
	state := 0 // 0: want a question, 1: want A, 2: want B, 3: want more or ANSWER
	for _, raw := range strings.Split(s, "\n") {
		text := strings.TrimSpace(raw)
		if text == "" {
			continue
		}
		m := optionLine.Get().FindStringSubmatch(text)
		a := answerLine.Get().FindStringSubmatch(text)
		switch {
		case state == 3 && a != nil && len(strings.TrimSpace(a[1])) == 1:
			return true
		case state >= 1 && m != nil && m[1][0] == byte('A'+state-1) && state < 3:
			state++
		case state == 3 && m != nil:
		case m == nil && a == nil:
			state = 1
		default:
			state = 0
		}
	}
	return false
}

// Export writes b's single-choice questions as Aiken, their prompts and
// options each flattened onto one line, and returns how many questions it
// skipped: those of other types, and single-choice questions whose text
// would read back as something else (a prompt that starts like an option or
// an ANSWER line). The output is written in one piece.
func Export(w io.Writer, b *quiz.Bank) (skipped int, err error) {
	var buf bytes.Buffer
	for _, q := range b.Questions {
		if q.Type != quiz.Single {
			skipped++
			continue
		}
		if len(q.Correct) != 1 || q.Correct[0] < 0 || q.Correct[0] >= len(q.Choices) {
			return 0, fmt.Errorf("question %q: right answer %v is not one of %d choices", q.ID, q.Correct, len(q.Choices))
		}
		prompt := flatten(q.Prompt)
		choices := make([]string, len(q.Choices))
		for i, c := range q.Choices {
			choices[i] = flatten(c)
		}
		if prompt == "" || len(choices) > MaxOptions || slices.Contains(choices, "") || optionLine.Get().MatchString(prompt) || answerLine.Get().MatchString(prompt) {
			skipped++
			continue
		}
		if buf.Len() > 0 {
			buf.WriteString("\n")
		}
		buf.WriteString(prompt + "\n")
		for i, c := range choices {
			fmt.Fprintf(&buf, "%c. %s\n", 'A'+i, c)
		}
		fmt.Fprintf(&buf, "ANSWER: %c\n", 'A'+q.Correct[0])
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return 0, err
	}
	return skipped, nil
}

// flatten puts text on one line: every run of white space becomes one space.
func flatten(s string) string { return strings.Join(strings.Fields(s), " ") }

// CreditNotes names the single-choice questions whose credit Aiken cannot
// hold (it has one right letter and no part marks): Export writes them with
// their first right answer only.
func CreditNotes(b *quiz.Bank) []string {
	var out []string
	for _, q := range b.Questions {
		if q.Type == quiz.Single && q.Credit != nil {
			why := q.CreditNote() // part marks, if any
			if why == "" {        // else several answers in full
				var also []string
				for i, c := range q.Choices {
					if i != q.Correct[0] && q.ChoiceCredit(i) >= 1 {
						also = append(also, fmt.Sprintf("%q", c))
					}
				}
				why = "also right in the bank: " + strings.Join(also, ", ")
			}
			out = append(out, fmt.Sprintf("%s: Aiken has one right answer and no part marks: only %q is right there (%s)", q.ID, q.Choices[q.Correct[0]], why))
		}
	}
	return out
}
