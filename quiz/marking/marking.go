// Package marking marks the open answers of a class's quiz reports, question
// by question as Moodle's "grade by question" does: every student's answer to
// one question in a row, so that the marking is consistent. A mark goes back
// into the student's report atomically, in its marks section, beside what the
// student wrote, which is never changed; the report's score is updated. A lock
// keeps two marking runs on one directory from losing each other's marks.
package marking

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/grade"
	"github.com/conflictq/conflictq/quiz/report"
	"github.com/conflictq/conflictq/quiz/sheet"
	"github.com/conflictq/conflictq/quiz/text"
)

// Question is one open question and every answer to it that is to be marked.
type Question struct {
	Bank, ID  string
	Prompt    string
	Model     string   // a model answer
	KeyPoints []string // what a good answer covers
	Max       float64  // the most points a mark can give
	Answers   []Answer
}

// Answer is one student's answer to an open question.
type Answer struct {
	File      string // the report
	Student   string
	Text      string
	SelfCheck *bool // the student's own "did my answer cover the key points?"
	// SelfCheckPoints are the key points the student ticked as covered,
	// numbered from 1 as the report holds them; nil when the report says
	// only SelfCheck (or nothing).
	SelfCheckPoints []int
	// CutOff: the answer was never sent with Enter: the student was still
	// typing it when the time limit, Ctrl-C or a signal ended the quiz;
	// Text is what was in the box (quiz.Response.CutOff).
	CutOff bool
	// SelfCheckCutOff: the answer was sent with Enter, and its self-check
	// was cut short: SelfCheckPoints are the key points ticked then, kept
	// as ticked (quiz.Response.SelfCheckCutOff).
	SelfCheckCutOff bool
	// BankChanged: the question's bank has changed since the quiz was
	// taken (its digest differs from the report's), and the question may
	// have with it, so the numbers ticked may name other key points now.
	// QuestionChanged: the question itself is known to have changed (its
	// digest, or its prompt or model answer, differs from the report's).
	// Unchanged: the question is known to be as it was (its digest, or its
	// bank's, is the one the report recorded). An answer whose bank changed
	// but whose question did not is Unchanged, not BankChanged (attack7 G).
	BankChanged, QuestionChanged, Unchanged bool
	Mark                                    *quiz.Mark // the mark so far, or nil
	// Uncounted is a mark beside the answer that grade does not count
	// (quiz.Mark.Counts): given before the answer changed. The answer is to
	// mark again. A mark without a digest counts and is Mark; --remark ties
	// it to the answer.
	Uncounted *quiz.Mark
	// ID is the id the file gives the question: Question.ID, or one of
	// its former ids on a sheet or report made before it was renamed. The
	// mark goes in under it (Apply), beside the answer.
	ID string
}

// SelfCheckSays is what the student said of their answer's key points, for
// the teacher marking it: "2 of 3 key points (1, 3)", "0 of 3 key points",
// "yes" or "no" from a report that kept only the yes or no, "not asked".
// keyPoints is how many the question has now (0 when no bank has it); the
// numbers are the ones the student ticked, as the key points were numbered
// then: when the bank changed since (BankChanged), or has fewer key points
// now, the numbers are said to be the question's as it was then, not shown
// against today's key points as if they matched. Each number is said once,
// and never more than the key has: a number that is no key point (a report
// edited by hand) is counted, not listed.
func (a Answer) SelfCheckSays(keyPoints int) string {
	if a.SelfCheckPoints == nil {
		if a.SelfCheck == nil {
			return "not asked"
		}
		return map[bool]string{true: "yes", false: "no"}[*a.SelfCheck]
	}
	ticked, _ := quiz.SelfCheckNumbers(numberTokens(a.SelfCheckPoints))
	then := a.BankChanged || a.QuestionChanged
	// What changed: the question, or (a report too old to say) its bank.
	since := "it has changed since"
	if !a.QuestionChanged {
		since = "its bank has changed since"
	}
	if !then && keyPoints > 0 && len(ticked) > 0 && ticked[len(ticked)-1] > keyPoints && a.Unchanged {
		// The bank is as it was: a number past its key points is no key
		// point at all (the report was edited).
		in := ticked[:0:0]
		for _, n := range ticked {
			if n <= keyPoints {
				in = append(in, n)
			}
		}
		bogus := len(ticked) - len(in)
		return fmt.Sprintf("%d of %s%s; %d %s no key point", len(in), text.Count(keyPoints, "key point"), numberList(in), bogus, text.Plural(bogus, "number that is", "numbers that are"))
	}
	if !then && keyPoints > 0 && len(ticked) > 0 && ticked[len(ticked)-1] > keyPoints {
		then, since = true, "it has changed since" // ticked against key points the bank has since cut
	}
	switch {
	case then && keyPoints > 0:
		return fmt.Sprintf("key points%s, as the question was then (%s; it has %d now)", numberList(ticked), since, keyPoints)
	case then:
		return fmt.Sprintf("key points%s, as the question was then (%s)", numberList(ticked), since)
	case keyPoints > 0:
		return fmt.Sprintf("%d of %s%s", len(ticked), text.Count(keyPoints, "key point"), numberList(ticked))
	}
	return text.Count(len(ticked), "key point") + numberList(ticked)
}

// maxListed is the most key point numbers a line lists; more are counted.
const maxListed = 20

// numberList is " (1, 3)", or "" for none; a long list (a report edited by
// hand) is cut and counted.
func numberList(nums []int) string {
	if len(nums) == 0 {
		return ""
	}
	shown := nums[:min(len(nums), maxListed)]
	parts := make([]string, len(shown))
	for i, n := range shown {
		parts[i] = strconv.Itoa(n)
	}
	more := ""
	if len(nums) > len(shown) {
		more = fmt.Sprintf(" and %d more", len(nums)-len(shown))
	}
	return " (" + strings.Join(parts, ", ") + more + ")"
}

func numberTokens(nums []int) []string {
	out := make([]string, len(nums))
	for i, n := range nums {
		out[i] = strconv.Itoa(n)
	}
	return out
}

// Filter picks what to mark.
type Filter struct {
	Question string // a question id, or bank/id; "" for all
	Student  string // a student's name (any case); "" for all
	Remark   bool   // include answers already marked
}

func (f Filter) question(bank, id string) bool {
	return f.Question == "" || f.Question == id || f.Question == bank+"/"+id
}

func (f Filter) student(name string) bool {
	return f.Student == "" || strings.EqualFold(strings.TrimSpace(f.Student), strings.TrimSpace(name))
}

// BankLoader returns the banks a report names (file is the report, against
// which relative bank paths resolve).
type BankLoader func(refs []string, file string) ([]*quiz.Bank, error)

// Listing is what List finds among the inputs.
type Listing struct {
	Files []string
	// Left is what the folders' walk left out (hidden files and folders,
	// links to folders), for a note.
	Left grade.LeftOut
	// Same are files left out as the same file as one listed (a link to it,
	// or a hard link), each with the one kept: {left out, kept}.
	Same [][2]string
}

// List lists what can hold open answers among the inputs: quiz reports
// (JSON) and answer sheets (YAML, JSON, JSON lines), in the order grade reads
// them: a file named as it is, a directory's sheets as grade.SheetsIn lists
// them (sorted by name, hidden files left out). A file reached twice (named
// twice, or through a link) is listed once: its answers are shown once, and
// one mark cannot overwrite the other.
func List(inputs []string) (*Listing, error) {
	l := &Listing{}
	var all []string
	for _, in := range inputs {
		st, err := os.Stat(in)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			all = append(all, in)
			continue
		}
		var walkErr error
		all = append(all, grade.SheetsIn(in, nil, func(_ string, err error) {
			if walkErr == nil {
				walkErr = err
			}
		}, l.Left.Add)...)
		if walkErr != nil {
			return nil, walkErr
		}
	}
	l.Files, l.Same = fileio.Distinct(all)
	return l, nil
}

// found is an open answer in a report or a sheet.
type found struct {
	bank, id      string // id: the question's id now, when a bank has it
	asked         string // the id the file gives it (a former id on an old file)
	prompt, model string
	q             *quiz.Question // the bank's question, when a bank has it
	banks         []*quiz.Bank
	text          string
	selfCheck     *bool
	selfPoints    []int
	cutOff        bool // still being typed when the quiz ended (report cut_off)
	selfCheckCut  bool // sent; its self-check cut short (self_check_cut_off)
	bankChanged   bool // the bank's digest differs from the report's, and the question may have changed with it
	qChanged      bool // the question is known to have changed since the report
	bankSame      bool // the question is known to be as it was (its digest, or its bank's, is the report's)
	mark          *quiz.Mark
	uncounted     *quiz.Mark // a mark that does not count (see Answer)
}

// openAnswers reads a report or a sheet and returns the student and the
// open answers in it (answers left empty are not marked). A JSON-lines file
// with open answers is an error: it has no room for marks. warns are what
// was passed over (a hand-edited self-check) and the banks that changed
// since the quiz, as bankChange values. unknown names each answer whose
// question no bank has, not even under a former id: a sheet's is not offered
// (its type is unknown), a report's is, with the prompt the report kept.
func openAnswers(file string, data []byte, load BankLoader) (student string, out []found, warns []quiz.Problem, changes []bankChange, unknown []quiz.Problem, err error) {
	if isLines(file) {
		student, out, err = lineSheets(file, data, load)
		return student, out, nil, nil, nil, err
	}
	if isSheet(file, data) {
		s, err := readSheet(file, data)
		if err != nil {
			return "", nil, nil, nil, nil, err
		}
		student, out, unknown, err = sheetAnswers(s, data, load)
		return student, out, nil, nil, unknown, err
	}
	rep, err := report.Read(file, data)
	if err != nil {
		return "", nil, nil, nil, nil, err
	}
	var banks []*quiz.Bank
	if load != nil {
		if banks, err = load(rep.Banks, file); err != nil {
			err = fmt.Errorf("%s: %w", file, err)
		}
	}
	changed, same := map[string]bool{}, map[string]bool{}
	for _, b := range banks {
		want := rep.BankDigests[b.ID]
		if want == "" {
			continue
		}
		if now := b.Digest(); now != want {
			changed[b.ID] = true
			changes = append(changes, bankChange{file: file, bank: b.ID, then: want, now: now})
		} else {
			same[b.ID] = true
		}
	}
	for _, qr := range rep.Questions {
		if qr.Type != quiz.Open || qr.Given == nil {
			continue
		}
		a := found{bank: qr.Bank, id: qr.ID, asked: qr.ID, prompt: qr.Prompt, model: qr.Expected, q: find(banks, qr.Bank, qr.ID),
			banks: banks, text: *qr.Given, selfCheck: qr.SelfCheck, selfPoints: qr.SelfCheckPoints, cutOff: qr.CutOff, selfCheckCut: qr.SelfCheckCutOff, mark: counted(rep.MarkFor(qr.Bank, qr.ID), *qr.Given),
			uncounted: uncounted(rep.MarkFor(qr.Bank, qr.ID), *qr.Given), bankChanged: changed[qr.Bank], bankSame: same[qr.Bank]}
		if a.q != nil {
			a.id = a.q.ID // a former id read as the question's id now
		} else if banks != nil {
			unknown = append(unknown, notInBanks(file, qr.Bank, qr.ID, "offered with the prompt the report kept, out of 1 point (grade scores it 0)"))
		}
		if a.bankChanged && a.q != nil {
			a.judge(qr)
		}
		out = append(out, a)
	}
	return rep.Student, out, rep.Warnings, changes, unknown, err
}

// judge says whether a question whose bank changed since the report changed
// itself: another question's edit leaves this one's key points as they were
// (attack7 G). The question's digest, which reports record, says it; a report
// from before that shows a change in the prompt or the model answer it kept,
// and otherwise leaves it open (bankChanged).
func (a *found) judge(qr report.QuestionReport) {
	switch {
	case qr.Digest != "" && qr.Digest == quiz.Digest(a.q):
		a.bankChanged, a.bankSame = false, true
	case qr.Digest != "", qr.Prompt != a.q.Prompt, qr.Expected != "" && qr.Expected != a.q.Expected():
		a.qChanged = true
	}
}

// bankChange is a bank whose digest differs from the one a report recorded.
type bankChange struct{ file, bank, then, now string }

func (c bankChange) problem() quiz.Problem {
	return quiz.Problem{File: c.file, Line: 1, Warning: true,
		Msg: fmt.Sprintf("bank %s changed since this quiz was taken (digest %s, now %s); the key points a student ticked are numbered as they were then, and may name other key points now", c.bank, c.then, c.now)}
}

// sheetAnswers lists a sheet's open answers; data, the sheet's file, is
// checked to take a marks section (nil: a line of a JSON-lines file).
func sheetAnswers(s *sheet.Sheet, data []byte, load BankLoader) (string, []found, []quiz.Problem, error) {
	if load == nil {
		return s.Student, nil, nil, nil
	}
	banks, err := load(s.Banks, s.File)
	if err != nil {
		return s.Student, nil, nil, fmt.Errorf("%s: %w", s.File, err)
	}
	// An answer names its question by id alone: two banks' questions of
	// one id are refused, as grade refuses them, not marked as the first.
	answered := make(map[string]bool, len(s.Answers))
	for _, a := range s.Answers {
		answered[a.ID] = true
	}
	var named []*quiz.Question
	for _, b := range banks {
		for _, q := range b.Questions {
			if answered[q.ID] {
				named = append(named, q)
			}
		}
	}
	if err := quiz.CheckDistinctIDs(banks, named); err != nil {
		return s.Student, nil, nil, fmt.Errorf("%s: %w", s.File, err)
	}
	var out []found
	var unknown []quiz.Problem
	for _, a := range s.Answers {
		b, q := quiz.FindQuestion(banks, a.ID) // a former id too, as grade reads it
		if q == nil {
			if strings.TrimSpace(a.Value.Verbatim()) != "" {
				p := notInBanks(s.File, strings.Join(s.Banks, ", "), a.ID, "not offered for marking")
				p.Line = a.Value.Line
				unknown = append(unknown, p)
			}
			continue
		}
		if q.Type != quiz.Open {
			continue
		}
		// The answer as grade reads it (a # kept, a colon read as text):
		// the text grade's CSV holds, shown and tied to its mark alike.
		given, ok := s.OpenAnswer(a.ID)
		if !ok {
			continue // empty, or unreadable: grade scores it 0 and says why
		}
		out = append(out, found{bank: b.ID, id: q.ID, asked: a.ID, prompt: q.Prompt, model: q.Model, q: q, banks: banks,
			text: given, mark: counted(s.MarkFor(a.ID), given), uncounted: uncounted(s.MarkFor(a.ID), given)})
	}
	if len(out) > 0 && data != nil {
		// A sheet that cannot take a marks section (one flow mapping) is
		// named now, not when its first mark is given.
		if _, err := withMark(s.File, data, s, out[0].asked, quiz.Mark{}); err != nil {
			return s.Student, nil, unknown, err
		}
	}
	return s.Student, out, unknown, nil
}

// notInBanks names an answer whose question no bank has, not even under a
// former id (former_ids), so that mark never passes an answer over without a
// word (attack11 #2).
func notInBanks(file, banks, id, what string) quiz.Problem {
	return quiz.Problem{File: file, Line: 1, Question: id, Warning: true,
		Msg: fmt.Sprintf("no question of %s has this id, now or as a former id; %s", text.Plural(strings.Count(banks, ",")+1, "bank "+banks, "banks "+banks), what)}
}

// lineSheets refuses a JSON-lines file that holds open answers to mark.
func lineSheets(file string, data []byte, load BankLoader) (string, []found, error) {
	for line, row := range sheet.Lines(data) {
		s, err := sheet.Read(file, line, row)
		if err != nil {
			continue // grade names it
		}
		if _, f, _, _ := sheetAnswers(s, nil, load); len(f) > 0 {
			return "", nil, fmt.Errorf("%s:%d: %w", file, line, ErrLines)
		}
	}
	return "", nil, nil
}

// Collect reads the reports and sheets and gathers the open answers to mark,
// grouped by question in the banks' order, students in file order. Files that
// cannot be read are returned as problems (errs); the rest are still
// collected. notes are warnings: what a report holds that was passed over (a
// hand-edited self-check), and each bank that changed since a report's quiz
// was taken, once.
//
// unknown names, once each, the answers whose question no bank has, not
// even under a former id: a sheet's are not offered, a report's are, with
// the prompt it kept.
func Collect(files []string, load BankLoader, f Filter) (qs []*Question, errs []error, notes []quiz.Problem, unknown []quiz.Problem) {
	said := map[string]bool{}
	byKey := map[string]*Question{}
	order := map[string]int{}
	for _, file := range files {
		data, err := fileio.ReadFileLimited(file)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		student, answers, warns, changes, unknownHere, err := openAnswers(file, data, load)
		if err != nil {
			errs = append(errs, err)
		}
		if isKey(file, data, student) {
			// A key left among the class's sheets (sheet --key) is no
			// student's: its answers are not offered, and no mark is
			// written into it (attack16), as grade leaves it out.
			notes = append(notes, quiz.Problem{File: file, Warning: true, Msg: keyLeftOut})
			continue
		}
		unknown = append(unknown, unknownHere...)
		notes = append(notes, warns...)
		for _, c := range changes {
			// Once per bank and digest, as grade says it: a class of 30
			// reports taken before a correction is one message.
			if key := c.bank + "\x00" + c.then; !said[key] {
				said[key] = true
				notes = append(notes, c.problem())
			}
		}
		for _, a := range answers {
			if !f.question(a.bank, a.id) && !f.question(a.bank, a.asked) || !f.student(student) {
				continue
			}
			if a.mark != nil && !f.Remark {
				continue
			}
			key := a.bank + "/" + a.id
			q := byKey[key]
			if q == nil {
				q = &Question{Bank: a.bank, ID: a.id, Prompt: a.prompt, Model: a.model, Max: 1}
				order[key] = len(order) + 1<<20 // questions no bank has: after the others
				if bq := a.q; bq != nil {
					q.Prompt, q.Model, q.KeyPoints, q.Max = bq.Prompt, bq.Model, bq.Key, bq.Points
					order[key] = position(a.banks, bq)
				}
				byKey[key] = q
			}
			q.Answers = append(q.Answers, Answer{File: file, Student: student, Text: a.text, SelfCheck: a.selfCheck, SelfCheckPoints: a.selfPoints, CutOff: a.cutOff, SelfCheckCutOff: a.selfCheckCut,
				BankChanged: a.bankChanged, QuestionChanged: a.qChanged, Unchanged: a.bankSame, Mark: a.mark, Uncounted: a.uncounted, ID: a.asked})
		}
	}
	out := make([]*Question, 0, len(byKey))
	for _, q := range byKey {
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := order[out[i].Bank+"/"+out[i].ID], order[out[j].Bank+"/"+out[j].ID]
		if a != b {
			return a < b
		}
		return out[i].Bank+"/"+out[i].ID < out[j].Bank+"/"+out[j].ID
	})
	return out, errs, notes, unknown
}

// Census counts what the files hold, so that a run with nothing to mark can
// say why: the open answers, how many are marked, and how many the filter's
// student and question match on their own.
type Census struct {
	Answers, Marked    int
	Students, Question int // answers of the filter's student; to its question
}

// Count takes a Census of the files, ignoring what cannot be read.
func Count(files []string, load BankLoader, f Filter) Census {
	var c Census
	for _, file := range files {
		data, err := fileio.ReadFileLimited(file)
		if err != nil {
			continue
		}
		student, answers, _, _, _, _ := openAnswers(file, data, load)
		if isKey(file, data, student) {
			continue
		}
		for _, a := range answers {
			c.Answers++
			if a.mark != nil {
				c.Marked++
			}
			if f.student(student) {
				c.Students++
			}
			if f.question(a.bank, a.id) || f.question(a.bank, a.asked) {
				c.Question++
			}
		}
	}
	return c
}

// keyLeftOut is what mark says of an answer key among the files it marks.
const keyLeftOut = "an answer key, not a student's sheet: left out"

// isKey reports whether file is an answer key (a sheet written for
// sheet.KeyStudent by sheet --key), which mark never marks.
func isKey(file string, data []byte, student string) bool {
	return sheet.IsKey(student) && isSheet(file, data)
}

func find(banks []*quiz.Bank, bank, id string) *quiz.Question {
	for _, b := range banks {
		if b.ID == bank {
			return b.Question(id)
		}
	}
	return nil
}

func position(banks []*quiz.Bank, q *quiz.Question) int {
	n := 0
	for _, b := range banks {
		for _, bq := range b.Questions {
			if bq == q {
				return n
			}
			n++
		}
	}
	return n
}

// ErrChanged is returned by Apply when the answer is no longer the one the
// mark was given for (Mark.Answer): the student changed it meanwhile.
var ErrChanged = errors.New("the answer changed since it was shown for marking, so the mark is not saved; run conflictq mark again to see the new answer")

// tieTo records in m the digest of the answer it is given for; a mark that
// already names another answer's digest is refused with ErrChanged.
func tieTo(m *quiz.Mark, answer string) error {
	d := quiz.AnswerDigest(answer)
	if m.Answer != "" && m.Answer != d {
		return ErrChanged
	}
	m.Answer = d
	return nil
}

// counted is a mark as grade counts it: nil when it was not given for the
// answer beside it (see quiz.Mark.Fits), which is then to mark again.
func counted(m *quiz.Mark, answer string) *quiz.Mark {
	if m == nil || !m.Counts(answer) {
		return nil
	}
	return m
}

// uncounted is a mark that grade does not count beside the answer, or nil.
func uncounted(m *quiz.Mark, answer string) *quiz.Mark {
	if m == nil || m.Counts(answer) {
		return nil
	}
	return m
}

// ErrNotFound is returned by Apply when the report or sheet no longer holds
// the answer.
var ErrNotFound = errors.New("the report or sheet holds no answer to this open question")

// Apply writes a mark into a report, atomically: the report is read again
// (another run may have marked it meanwhile; the lock makes that run finished),
// the mark replaces any earlier one of that question, and score, percent,
// passed and the tags' scores are worked out again. What the student wrote is
// never changed.
func Apply(file, bank, id string, m quiz.Mark, max float64) error {
	data, err := fileio.ReadFileLimited(file)
	if err != nil {
		return err
	}
	out, perm, err := marked(file, data, bank, id, m, max)
	if err != nil {
		return err
	}
	return writeMarked(file, perm, out)
}

// writeMarked replaces a marked file atomically (synced to the disk, then
// renamed into place: the student's answers and the marks given live in
// this one file, fileio.Durable), with the permissions it had. A variable
// only so that this package's tests can count the writes.
var writeMarked = func(file string, perm fs.FileMode, out []byte) error {
	return fileio.WriteFilePerm(file, true, perm, fileio.Durable, func(w io.Writer) error { _, err := w.Write(out); return err })
}

// marked is Apply's work short of writing: the file whose bytes are data
// with the mark given, and the permissions to write it with. A file that is
// read-only is refused here, before anything is written.
func marked(file string, data []byte, bank, id string, m quiz.Mark, max float64) ([]byte, fs.FileMode, error) {
	id = strings.TrimPrefix(id, bank+"/") // a CSV column names it bank/id
	m.Points += 0                         // never -0
	if isLines(file) || isSheet(file, data) {
		return markedSheet(file, data, id, m, max)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // the report is written again without it
	rep, err := report.Read(file, data)
	if err != nil {
		return nil, 0, err
	}
	qi := -1
	for i, qr := range rep.Questions {
		if qr.Bank == bank && qr.ID == id && qr.Type == quiz.Open && qr.Given != nil {
			qi = i
		}
	}
	if qi < 0 {
		return nil, 0, fmt.Errorf("%s: question %s/%s: %w", file, bank, id, ErrNotFound)
	}
	if err := quiz.CheckPoints(m.Points, max); err != nil {
		return nil, 0, fmt.Errorf("%s: question %s/%s: %w", file, bank, id, err)
	}
	if err := tieTo(&m, *rep.Questions[qi].Given); err != nil {
		return nil, 0, fmt.Errorf("%s: question %s/%s: %w", file, bank, id, err)
	}
	entry := report.Mark{ID: id, Bank: bank, Mark: m}
	replaced := false
	for i := range rep.Marks {
		if rep.Marks[i].Bank == bank && rep.Marks[i].ID == id {
			rep.Marks[i], replaced = entry, true
		}
	}
	if !replaced {
		rep.Marks = append(rep.Marks, entry)
	}
	rescore(rep, qi, m.Points, max)
	rep.SchemaVersion = report.SchemaVersion
	out, err := patchReport(data, rep, qi)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", file, err)
	}
	// The report keeps its permissions: a private (0600) report stays
	// private.
	perm, err := writablePerm(file)
	return out, perm, err
}

// writablePerm returns the permissions of a file to mark. A read-only one
// was frozen on purpose and is not replaced: that is an error.
func writablePerm(file string) (fs.FileMode, error) {
	st, err := os.Stat(file)
	if err != nil {
		return 0, err
	}
	if st.Mode().Perm()&0o200 == 0 {
		return 0, fmt.Errorf("%s is read-only, so its mark is not saved; make it writable (chmod u+w) to mark it", file)
	}
	return st.Mode().Perm(), nil
}

// patchReport writes rep's marks and scores into the report's own JSON, data,
// and keeps every other byte of it: fields this conflictq does not know (a
// newer version's, a teacher's notes) are never dropped.
func patchReport(data []byte, rep *report.Report, qi int) ([]byte, error) {
	top := map[string]json.RawMessage{}
	keys := []string{"schema_version", "score", "max_score", "percent", "passed", "by_tag", "marks"}
	for _, kv := range []struct {
		k string
		v any
	}{{"schema_version", rep.SchemaVersion}, {"score", rep.Score}, {"max_score", rep.MaxScore}, {"percent", rep.Percent},
		{"passed", rep.Passed}, {"by_tag", rep.ByTag}, {"marks", rep.Marks}} {
		if kv.k == "passed" && rep.Passed == nil {
			continue
		}
		b, err := marshalNoEscape(kv.v)
		if err != nil {
			return nil, err
		}
		top[kv.k] = b
	}
	if rep.Passed == nil {
		keys = slices.DeleteFunc(keys, func(k string) bool { return k == "passed" })
	}
	q := rep.Questions[qi]
	pts, _ := marshalNoEscape(q.Points)
	maxPts, _ := marshalNoEscape(q.MaxPoints)
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		return nil, err
	}
	qs, err := patchArrayElem(obj["questions"], qi, []string{"points", "max_points"}, map[string]json.RawMessage{"points": pts, "max_points": maxPts})
	if err != nil {
		return nil, err
	}
	top["questions"] = qs
	patched, err := patchObject(data, keys, top)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, patched, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// rescore gives question qi its mark and moves the totals by the difference:
// the recorded score was summed from unrounded points (2/3, not 0.67), so
// adding the mark to it gives what grade gives, and tags the question lacks
// keep their scores.
func rescore(rep *report.Report, qi int, points, max float64) {
	qr := &rep.Questions[qi]
	dp, dm := points-qr.Points, max-qr.MaxPoints
	qr.Points, qr.MaxPoints = points, max
	rep.Score = text.Round2(rep.Score + dp)
	rep.MaxScore = text.Round2(rep.MaxScore + dm)
	rep.Percent = text.Percent(rep.Score, rep.MaxScore)
	if rep.PassPercent != nil && rep.MaxScore > 0 {
		passed := rep.Percent >= *rep.PassPercent
		rep.Passed = &passed
	}
	for _, t := range quiz.UniqueTags(qr.Tags) {
		i := slices.IndexFunc(rep.ByTag, func(ts report.TagScore) bool { return quiz.TagKey(ts.Tag) == quiz.TagKey(t) })
		if i < 0 {
			rep.ByTag = append(rep.ByTag, report.TagScore{Tag: t, Questions: 1})
			i = len(rep.ByTag) - 1
		}
		ts := &rep.ByTag[i]
		ts.Score = text.Round2(ts.Score + dp)
		ts.MaxScore = text.Round2(ts.MaxScore + dm)
		ts.Percent = text.Percent(ts.Score, ts.MaxScore)
	}
	report.SortTags(rep.ByTag)
}

// target finds, in a report or a sheet (its bytes, data), the open question
// an id names (id or bank/id), the student, its mark so far (or nil), and the
// most points a mark of it can give: the bank's points for it, or 1 when no
// bank has it now.
func target(file string, data []byte, id string, load BankLoader) (Found, error) {
	student, answers, warns, _, unknown, err := openAnswers(file, data, load)
	return pick(file, data, id, student, answers, append(warns, unknown...), err)
}

// pick is target's choice, among the open answers of a file (data) that
// openAnswers read, of the one id names.
func pick(file string, data []byte, id, student string, answers []found, warns []quiz.Problem, err error) (t Found, _ error) {
	if err != nil && len(answers) == 0 {
		return t, err
	}
	if isKey(file, data, student) {
		// mark --from with a row naming a key (an older grade's CSV, or
		// one of the teacher's) would write a mark into it (review-code25 #2).
		return Found{Sheet: true}, fmt.Errorf("%s: %s; not marked", text.EscapeControl(file), keyLeftOut)
	}
	var hit *found
	for i, a := range answers {
		if f := (Filter{Question: id}); !f.question(a.bank, a.id) && !f.question(a.bank, a.asked) {
			continue
		}
		if hit != nil && hit.bank != a.bank {
			// An id-only column (a CSV from an older conflictq) cannot say which.
			return t, fmt.Errorf("%s: question %s is in banks %s and %s; name the column %s/%s or %s/%s (conflictq grade --format csv does)", file, id, hit.bank, a.bank, hit.bank, id, a.bank, id)
		}
		if hit == nil {
			hit = &answers[i]
		}
	}
	if hit != nil {
		t = Found{Bank: hit.bank, ID: hit.asked, Student: student, Max: 1, Mark: hit.mark, Answer: hit.text, Sheet: isSheet(file, data), Warnings: warns}
		if hit.q != nil {
			t.Max = hit.q.Points
		}
		return t, nil
	}
	return t, fmt.Errorf("%s: question %s: %w", file, id, ErrNotFound)
}

// Found is what target finds.
type Found struct {
	Bank, Student string
	// ID is the id the file gives the question: the one asked for, or a
	// former id of it (Apply writes the mark under it).
	ID     string
	Max    float64
	Mark   *quiz.Mark
	Answer string // the answer as the file holds it now
	Sheet  bool   // the file is an answer sheet, not a quiz report
	// Warnings are what the file holds that was passed over (a hand-edited
	// self-check).
	Warnings []quiz.Problem
}

// Tally counts the answers to mark among questions, and of them those
// marked before (mark --remark shows them again): Count's census, of
// questions already gathered.
func Tally(questions []*Question) (answers, marked int) {
	for _, q := range questions {
		answers += len(q.Answers)
		for _, a := range q.Answers {
			if a.Mark != nil {
				marked++
			}
		}
	}
	return answers, marked
}
