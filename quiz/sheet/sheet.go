// Package sheet reads answer sheets: a student's answers in a file, in YAML,
// JSON or JSON lines, keyed by question id.
//
// Each syntax has its own parser (yaml.go, and the scanner in scan.go for
// JSON), which only turns the text into fields with their lines; one set of
// field checks (fields.go) then makes the Sheet, so that the same sheet reads
// alike, with the same messages, whatever its syntax.
package sheet

import (
	"errors"
	"fmt"
	"strings"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fileio"
)

// Sheet is a student's answers in a file, keyed by question id.
//
// Numbers and letters in a sheet refer to options in the order the sheet shows
// them: shuffled with the sheet's seed when it has one, else in the bank's order.
// An option's text always works.
type Sheet struct {
	File    string
	Line    int // the sheet's first line (JSON lines: its line in the file)
	Student string
	Banks   []string
	Seed    *uint64
	// Set names the question set (sheet --set) that picked the questions;
	// the seed then ordered them.
	Set string
	// The selection the sheet was made with (conflictq sheet -n, --tag,
	// --difficulty, --type): grading asks the same questions. Empty: all of
	// the banks'.
	Count      int
	Tags       []string
	Difficulty string
	Types      []string // quiz.TypeNames (quiz.Filter.Types)
	// Answers are the answers in file order, one per question: a second
	// answer to a question is left out and reported in Problems.
	Answers []Answer
	// Marks are a teacher's marks of the sheet's open answers (conflictq
	// mark), by question id.
	Marks []Mark
	// Problems are what reading found wrong but left the sheet usable,
	// reported when it is graded.
	Problems []quiz.Problem
	// Comments are YAML comments on answer lines ("id: I think #2 is"
	// reads as "I think" and the comment "#2 is"): text a student may have
	// meant as part of the answer, which reading names (ReadAnswer).
	Comments []Comment
}

// Comment is a comment on an answer's line.
type Comment struct {
	ID    string
	Line  int
	Text  string // with its #
	Blank bool   // the answer is empty: "id: #2"
}

// commentKept says what became of the comment on q's answer line, if
// there is one, and for an open question gives the answer with the comment
// kept: a # in a student's own words is part of them. Choices, true/false
// and the like are left as read: a key written by conflictq sheet --key has
// comments beside them.
func (s *Sheet) commentKept(q *quiz.Question, v quiz.Value) (quiz.Value, *quiz.Problem) {
	for _, c := range s.Comments {
		if c.ID != q.ID {
			continue
		}
		p := &quiz.Problem{File: s.File, Line: c.Line, Question: q.ID, Warning: true}
		switch {
		case q.Type == quiz.Open && (c.Blank || v.Kind == quiz.Scalar):
			v.Kind, v.Text = quiz.Scalar, strings.TrimSpace(v.Text+" "+c.Text)
			p.Reading = true // all of it counts
			p.Msg = fmt.Sprintf("the text after # was kept as part of the answer: %q (an answer with # in it is safest under a |, or in double quotes)", c.Text)
		case c.Blank:
			p.Msg = fmt.Sprintf("%q was read as a comment, so the question is unanswered: an answer that begins with # must be in double quotes", c.Text)
		case q.Type == quiz.Short || q.Type == quiz.Numeric:
			p.Msg = fmt.Sprintf("the text after # was read as a comment and left out: %q (an answer with # in it must be in double quotes)", c.Text)
		default:
			return v, nil
		}
		return v, p
	}
	return v, nil
}

// MaxAnswers bounds a sheet's answers: a bank holds at most quiz.MaxQuestions
// questions, and a sheet answers each once.
const MaxAnswers = quiz.MaxQuestions

// Mark is a teacher's mark of one of a sheet's open answers.
type Mark struct {
	ID   string // the question's id, as the answers are keyed
	Line int
	quiz.Mark
}

// MarkFor returns the mark of the answer to a question id, or nil.
func (s *Sheet) MarkFor(id string) *quiz.Mark {
	for i := range s.Marks {
		if s.Marks[i].ID == id {
			return &s.Marks[i].Mark
		}
	}
	return nil
}

// Answer is one answer of a sheet.
type Answer struct {
	ID    string
	Value quiz.Value
}

// Read reads one answer sheet. JSON is read when file ends in .json or .jsonl,
// or is "-" (JSON lines on standard input), or line is set (line is then the
// sheet's line in a JSON-lines file); YAML otherwise. Problems are returned as
// a *quiz.InvalidError naming the file, line and field.
func Read(file string, line int, data []byte) (*Sheet, error) {
	s, _, err := read(file, line, data)
	return s, err
}

// ReadMarked is Read of a whole file, with, for a YAML sheet, where its
// marks section is (marksSpanOf), found in the same
// reading: mark, which writes that section, reads a sheet once rather than
// twice.
func ReadMarked(file string, data []byte) (*Sheet, MarksSection, error) {
	return read(file, 0, data)
}

// MarksSection is where a YAML sheet's marks section is: the bytes of its
// marks section, Start -1 for none, or why it cannot be replaced (Err). A
// JSON sheet's is Err.
type MarksSection struct {
	Start, End int
	Err        error
}

func read(file string, line int, data []byte) (*Sheet, MarksSection, error) {
	if err := checkText(file, line, data); err != nil {
		return nil, MarksSection{}, err
	}
	var r *raw
	var err error
	if isJSON(file, line) {
		r, err = fromJSON(file, line, data)
		if r != nil {
			r.marks.Err = fmt.Errorf("%s: not a YAML sheet", file)
		}
	} else {
		r, err = fromYAML(file, data)
	}
	if err != nil {
		return nil, MarksSection{}, err
	}
	s, err := r.sheet()
	return s, r.marks, err
}

func isJSON(file string, line int) bool {
	return line > 0 || file == "-" || fileio.FormatOf(file, "json", "jsonl") != ""
}

// checkText refuses what no parser should read (quiz.CheckText); a line of a
// JSON-lines file is named by its line.
func checkText(file string, line int, data []byte) error {
	err := quiz.CheckText(file, data)
	var inv *quiz.InvalidError
	if line > 0 && errors.As(err, &inv) {
		for i := range inv.Problems {
			inv.Problems[i].Line = line
		}
	}
	return err
}

// Answer finds the answer to a question id. A sheet has a few dozen answers:
// a scan beats building a map for every sheet. The scan compares ids in
// place: ranging over the answers by value copied each (120 bytes) to
// compare its id, 2% of grading a folder of 30 sheets.
func (s *Sheet) Answer(id string) (quiz.Value, bool) {
	for i := range s.Answers {
		if s.Answers[i].ID == id {
			return s.Answers[i].Value, true
		}
	}
	return quiz.Value{}, false
}

// ReadAnswer reads v, the sheet's answer to q, numbered number on the sheet
// (0: not known), as every command reads a sheet's answer: grade scores it
// and writes it in its results, mark shows it and ties its mark to it
// (quiz.AnswerDigest of the Response's Text). It is the one way: a YAML
// comment on the answer's line is first kept or left out as the question's
// type says (an open answer keeps "# like Khojaly"), then the value is
// resolved (ResolveAt). problems are what it met, in that order.
func (s *Sheet) ReadAnswer(q *quiz.Question, v quiz.Value, number int) (quiz.Response, []quiz.Problem) {
	var problems []quiz.Problem
	if len(s.Comments) > 0 {
		var note *quiz.Problem
		if v, note = s.commentKept(q, v); note != nil {
			problems = append(problems, *note)
		}
	}
	r, probs := s.ResolveAt(q, v, number)
	problems = append(problems, probs...)
	return r, problems
}

// OpenAnswer is the sheet's answer to the open question id as ReadAnswer
// reads it: the text grade shows and a mark is tied to. ok is false when
// the sheet holds no answer to it that grade reads (none, an empty one, or
// one that is not a single text). An open question's answer is read by its
// id and type alone, so a writer of marks needs no bank to find it.
func (s *Sheet) OpenAnswer(id string) (text string, ok bool) {
	v, _ := s.Answer(id)
	r, _ := s.ReadAnswer(&quiz.Question{ID: id, Type: quiz.Open}, v, 0)
	return r.Text, r.Answered
}

// ResolveAt reads v, one of the sheet's answers, as an answer to q, the
// question numbered number on the sheet (its comments number the questions
// as the paper test does; 0: not known): numbers and letters count in the
// order the sheet's seed shows q's options, and a student's "5 a" is
// question 5's answer a (quiz.Question.ResolveAt). It reads v as it stands;
// a command reads a sheet's answer with ReadAnswer, which also keeps what a
// comment cut from it. The problems are the error that refuses v, or else a
// warning for each way v was read otherwise than as written
// (quiz.Question.ReadAt): a short or numeric answer read without its
// question's number ("1 HRW" on question 1), each option written with its
// label and its text cut short, on its own line when it has one (a match's
// pair).
func (s *Sheet) ResolveAt(q *quiz.Question, v quiz.Value, number int) (quiz.Response, []quiz.Problem) {
	r, notes, err := q.ReadAt(v, s.Seed, number)
	if err != nil {
		line := v.Line
		// A match's pair at fault (given twice, not one of the items or
		// options), on its own line.
		if pair := (interface{ PairLine() int })(nil); errors.As(err, &pair) && pair.PairLine() > 0 {
			line = pair.PairLine()
		}
		return quiz.Response{Unreadable: v.Verbatim()}, []quiz.Problem{{File: s.File, Line: line, Question: q.ID, Msg: err.Error()}}
	}
	if len(notes) == 0 {
		return r, nil // a reading given up leaves its notes empty, not nil
	}
	for i := range notes {
		notes[i].File, notes[i].Question = s.File, q.ID
		if notes[i].Line == 0 {
			notes[i].Line = v.Line
		}
	}
	return r, notes
}
