package sheet

import (
	"bytes"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
)

// A quiz's JSON report (conflictq quiz -o name.json) is also what a student
// gave: grading reads it like a sheet, with the sheet's JSON scanner, and
// passes over the prompts, model answers and citations that are most of its
// bytes. quiz/report writes the format; this reads the part grading needs.

// IsReport reports whether a file is a quiz's score report rather than an
// answer sheet: a JSON object (its first character, after a byte order mark
// and spaces, is '{') whose top level carries schema_version, which only
// reports do. conflictq writes it first; a report whose keys were sorted
// (jq -S) has it after questions, so the top level is walked when it is not
// first. A YAML sheet that mentions "schema_version" in a comment or an
// answer is still a sheet; so is a JSON sheet with it inside an answer.
func IsReport(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	head := bytes.TrimLeft(data[:min(len(data), 4096)], " \t\r\n")
	if len(head) == 0 || head[0] != '{' {
		return false
	}
	if bytes.HasPrefix(bytes.TrimLeft(head[1:], " \t\r\n"), []byte(`"schema_version"`)) {
		return true // as conflictq writes it
	}
	if !holdsSchemaKey(data) {
		return false
	}
	found := false
	s := &jsonScanner{data: data}
	s.object(func(key string) error {
		found = found || key == "schema_version"
		return s.skip(0)
	})
	return found
}

// holdsSchemaKey reports whether data holds "schema_version" with its
// quotes, as bytes.Contains does, by looking for its last nine bytes,
// _version", and then at the seven before: bytes.Index runs to each place
// of the first byte it looks for, and a JSON line of answers has a quote
// every few bytes (4% of grading a class's 30 JSON lines).
func holdsSchemaKey(data []byte) bool {
	const key, tail = `"schema_version"`, `_version"`
	lead := len(key) - len(tail)
	for from := 0; ; {
		i := bytes.Index(data[from:], []byte(tail))
		if i < 0 {
			return false
		}
		at := from + i
		if at >= lead && string(data[at-lead:at]) == key[:lead] {
			return true
		}
		from = at + 1
	}
}

// Report is a quiz report as grading reads it.
type Report struct {
	File          string
	SchemaVersion int
	Student       string
	Banks         []string
	Seed          *uint64           // the quiz's seed; nil when none shuffled it
	Set           string            // the question set that picked the questions (quiz --set)
	Types         []string          // the question types that picked them (quiz --type)
	Tags          []string          // the tags that picked them (quiz --tag)
	Difficulty    string            // the difficulty that picked them (quiz --difficulty)
	BankDigests   map[string]string // bank id → quiz.Digest when the quiz was taken
	Status        quiz.Status
	EndedBy       string
	StartedAt     time.Time
	Questions     []ReportAnswer
	Marks         []ReportMark
	// Warnings are what was passed over, each at its line: a hand-edited
	// self-check that is not a yes or no or a list of key point numbers.
	Warnings []quiz.Problem
}

// ReportAnswer is one question of a report: what the student gave.
type ReportAnswer struct {
	ID, Bank string
	Type     string // the question's type when the report was written
	// Given is the answer as the report showed it (Question.Given); nil when
	// unanswered. Answer is it as a sheet holds it (schema 2; empty in 1).
	Given      *string
	Answer     quiz.Value
	Unreadable string
	Unseen     bool
	Seconds    float64
	SelfCheck  *bool
	// SelfCheckPoints are the key points the student ticked as covered,
	// numbered from 1 as the report writes them; nil when the report does
	// not say (not asked, or written before self_check_points).
	SelfCheckPoints []int
	// CutOff marks a text answer still being typed, or a choose-all one
	// still being ticked, when the quiz was stopped: Given is the text in
	// the box, or the options ticked, never sent with Enter.
	CutOff bool
	// SelfCheckCutOff marks an open answer sent with Enter whose
	// self-check was cut short: the key points ticked were kept as ticked
	// (quiz.Response.SelfCheckCutOff). A report written before
	// self_check_cut_off said cut_off with self_check_points on an open
	// answer: it is read as this (questionEntry).
	SelfCheckCutOff bool

	answerAt int // where answer starts
}

// oddField is a question's field that does not hold what it should, where it
// starts: named once the question's id is known (it may come after it).
type oddField struct {
	field  string
	offset int
}

// ReportMark is a teacher's mark of one open answer.
type ReportMark struct {
	ID, Bank string
	Line     int // where the mark starts in the report
	quiz.Mark
}

// ReadReport reads a quiz's JSON report for grading. maxVersion is the newest
// schema this conflictq reads. Errors name the file. Unless v is nil, it
// also refuses, in the same pass, a field of the wrong kind for v's type
// (what encoding/json would refuse decoding the report into v), in KindWord's
// and TypeWord's words: report.Read's reading for grade, as fast as the
// scanner alone.
func ReadReport(file string, data []byte, maxVersion int, v any) (*Report, error) {
	var top *shape
	if v != nil {
		top = shapeOf(reflect.TypeOf(v))
	}
	return readReport(file, data, maxVersion, top)
}

// reportReader is one reading of a report: the scanner and what it has read
// so far.
type reportReader struct {
	s                        jsonScanner
	lines                    lineCounter
	rep                      *Report
	top, question            *shape            // the report's shape and a question's, inside top; nil: no check
	wrong                    []quiz.Problem    // fields of the wrong type: the report is refused
	starts                   []int             // where each question starts, for a question given twice
	marked                   map[[2]string]int // a question's first mark, where it starts
	hasQuestions, hasAnswers bool
	// Keys seen in the object being read at each level, reused: the top,
	// bank_digests, a question, a mark (not an answer's pairs: a left side
	// given twice costs that answer alone, when it is graded).
	topSeen, digestSeen, questionSeen, markSeen keysSeen
}

func readReport(file string, data []byte, maxVersion int, top *shape) (*Report, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // a byte order mark, as Notepad saves
	// Latin-1 (Notepad's "ANSI") is refused, as in a sheet: encoding/json
	// would read its bytes as U+FFFD and this scanner as they are, so a
	// mark would be tied to another answer than the one grade checks.
	if err := quiz.CheckText(file, data); err != nil {
		return nil, err
	}
	r := &reportReader{s: jsonScanner{data: data}, lines: lineCounter{data: data}, rep: &Report{File: file}, top: top, marked: map[[2]string]int{}}
	if q, _ := top.field("questions"); q != nil && q.elem != nil {
		r.question = q.elem
	}
	err := r.s.objectOnce(&r.topSeen, r.field)
	if err == nil && r.s.peek() != 0 {
		err = r.s.fail("more after the report's end")
	}
	if err != nil {
		return nil, &quiz.InvalidError{Problems: []quiz.Problem{reportProblem(file, data, r.s.pos, err)}}
	}
	if err := r.check(maxVersion); err != nil {
		return nil, err
	}
	return r.rep, nil
}

// field reads one top-level field, after vetting its kind against top.
func (r *reportReader) field(key string) error {
	s, rep := &r.s, r.rep
	switch {
	case ownWordsTop(key):
	case key == "questions": // vetted one by one, as they are read
		if c := s.peek(); r.top != nil && c != '[' && c != 'n' && startsValue(c) {
			return &fieldError{offset: s.pos, field: key, msg: WrongKind(scanKind(c), "a list")}
		}
	default:
		if done, err := s.vet(r.top, key, "", readsTop(key)); done || err != nil {
			return err
		}
	}
	var err error
	switch key {
	case "schema_version":
		rep.SchemaVersion, err = s.wholeField(key)
	case "student":
		rep.Student, _, err = s.scalar()
	case "banks":
		if s.peek() == 'n' { // null, as encoding/json writes a report made without banks
			_, _, err = s.scalar()
			break
		}
		rep.Banks, _, err = s.list()
	case "seed":
		rep.Seed, err = s.seedField(key)
	case "set":
		rep.Set, _, err = s.scalar()
	case "types":
		if s.peek() == 'n' {
			_, _, err = s.scalar()
			break
		}
		rep.Types, _, err = s.list()
	case "tags":
		if s.peek() == 'n' {
			_, _, err = s.scalar()
			break
		}
		rep.Tags, _, err = s.list()
	case "difficulty":
		rep.Difficulty, _, err = s.scalar()
	case "bank_digests":
		rep.BankDigests = map[string]string{}
		err = s.objectOnce(&r.digestSeen, func(k string) error {
			v, _, err := s.scalar()
			rep.BankDigests[k] = v
			return err
		})
		if fe, ok := err.(*fieldError); ok {
			fe.in(key)
		}
	case "status":
		var t string
		t, _, err = s.scalar()
		rep.Status = quiz.Status(t)
	case "ended_by":
		rep.EndedBy, _, err = s.scalar()
	case "started_at":
		rep.StartedAt, err = s.timeField(key)
	case "answers":
		r.hasAnswers = true
		err = s.skip(0)
	case "questions":
		r.hasQuestions = true
		err = s.array(r.questionEntry)
	case "marks":
		err = s.array(r.markEntry)
	default:
		err = s.skip(0)
	}
	return err
}

// questionEntry reads one entry of questions.
func (r *reportReader) questionEntry() error {
	s, n := &r.s, len(r.rep.Questions)
	var a ReportAnswer
	var odd []oddField
	c := s.peek()
	el := s.pos
	r.starts = append(r.starts, el)
	if r.question != nil && c != '{' && startsValue(c) {
		return &fieldError{offset: el, field: fmt.Sprintf("questions[%d]", n), msg: WrongKind(scanKind(c), "an object ({...})")}
	}
	err := s.objectOnce(&r.questionSeen, func(k string) error {
		if ownWordsQuestion(k) {
			return s.reportAnswer(&a, k, &odd, &r.lines)
		}
		if done, err := s.vet(r.question, k, "", readsQuestion(k)); done || err != nil {
			return err
		}
		return s.reportAnswer(&a, k, &odd, &r.lines)
	})
	if fe, ok := err.(*fieldError); ok {
		fe.field = fmt.Sprintf("questions[%d].", n) + fe.field // named only when wrong: a good report costs no names
		fe.question = s.idAt(el)                               // named even when its id comes after
	}
	r.oddFields(n, a.ID, odd)
	if a.CutOff && a.Type == string(quiz.Open) && a.SelfCheckPoints != nil {
		// A report written before self_check_cut_off: its open answer was
		// sent, and only the self-check was cut short (review 23 #1).
		a.CutOff, a.SelfCheckCutOff = false, true
	}
	r.rep.Questions = append(r.rep.Questions, a)
	return err
}

// oddFields records what question n's fields held that they should not: a
// cut_off or self_check_cut_off that is not true or false refuses the report; a self-check is
// passed over with a warning.
func (r *reportReader) oddFields(n int, id string, odd []oddField) {
	for _, o := range odd {
		p := quiz.Problem{File: r.rep.File, Line: r.lines.at(o.offset), Question: id}
		switch o.field {
		case "cut_off", "self_check_cut_off":
			p.Field = fmt.Sprintf("questions[%d].%s", n, o.field)
			p.Msg = "must be true or false"
			r.wrong = append(r.wrong, p)
		case "self_check":
			p.Warning, p.Field = true, fmt.Sprintf("questions[%d].self_check", n)
			p.Msg = "it is not true or false; it is passed over (the answer is marked all the same)"
			r.rep.Warnings = append(r.rep.Warnings, p)
		default:
			p.Warning, p.Field = true, fmt.Sprintf("questions[%d].%s", n, o.field)
			p.Msg = "it is not a list of key point numbers (1, 2, ...), each once; what is not is passed over (the answer is marked all the same)"
			r.rep.Warnings = append(r.rep.Warnings, p)
		}
	}
}

// markEntry reads one entry of marks.
func (r *reportReader) markEntry() error {
	s := &r.s
	var m ReportMark
	s.peek()
	el := s.pos
	got := markKeys{object: el, pointsAt: -1}
	err := s.objectOnce(&r.markSeen, func(k string) error { return s.reportMark(&m, k, &got) })
	if err == nil && !got.points {
		// "pionts", null or no points were counted as 0, the report
		// "complete" (attack16 #3): refused, as a sheet's marks are.
		err = got.missing()
	}
	if fe, ok := err.(*fieldError); ok {
		fe.field = fmt.Sprintf("marks[%d].", len(r.rep.Marks)) + fe.field
		fe.question = s.idAt(el)
	}
	m.Line = r.lines.at(el)
	// Two marks of one question: grade counted the first and mark
	// replaced both, without a word.
	key := [2]string{m.Bank, m.ID}
	if first, twice := r.marked[key]; err == nil && twice {
		err = &fieldError{offset: el, field: fmt.Sprintf("marks[%d]", len(r.rep.Marks)), question: m.ID,
			msg: fmt.Sprintf("the question is marked twice (first at line %d); remove one", r.lines.at(first))}
	}
	if _, twice := r.marked[key]; !twice {
		r.marked[key] = el
	}
	r.rep.Marks = append(r.rep.Marks, m)
	return err
}

// check refuses, once the whole report is read, fields of the wrong type, a
// schema this conflictq does not read, and a report with no questions.
func (r *reportReader) check(maxVersion int) error {
	file, rep := r.rep.File, r.rep
	if len(r.wrong) > 0 {
		return &quiz.InvalidError{Problems: r.wrong[:min(len(r.wrong), quiz.MaxProblems)], More: max(0, len(r.wrong)-quiz.MaxProblems)}
	}
	if rep.SchemaVersion < 1 || rep.SchemaVersion > maxVersion {
		return &quiz.InvalidError{Problems: []quiz.Problem{{File: file, Line: 1, Field: "schema_version",
			Msg: fmt.Sprintf("report version %d; this conflictq reads versions 1 to %d", rep.SchemaVersion, maxVersion)}}}
	}
	if p := twice(file, r.lines.data, rep.Questions, r.starts); p != nil {
		return &quiz.InvalidError{Problems: []quiz.Problem{*p}}
	}
	for i, a := range rep.Questions {
		// An open answer is text: grade refused a list or a mapping in
		// answer while mark marked given (attack10 #4).
		if a.Type == string(quiz.Open) && (a.Answer.Kind == quiz.List || a.Answer.Kind == quiz.Mapping) {
			return &quiz.InvalidError{Problems: []quiz.Problem{{File: file, Line: r.lines.at(a.answerAt), Question: a.ID,
				Field: fmt.Sprintf("questions[%d].answer", i), Msg: fmt.Sprintf("an open question's answer is text, not %s", a.Answer.Kind.Name())}}}
		}
	}
	if !r.hasQuestions {
		// Graded as a report, it would be an empty one: 0/0, the answers
		// never looked at.
		msg := "not a conflictq quiz report: it has schema_version but no questions"
		if r.hasAnswers {
			msg = "only a quiz report has it, and this file has answers, as an answer sheet does: remove schema_version to grade it as a sheet"
		}
		return &quiz.InvalidError{Problems: []quiz.Problem{{File: file, Line: 1, Field: "schema_version", Msg: msg}}}
	}
	return nil
}

// twice refuses a report that holds a question twice: grade would count
// both, and mark could never save a mark (it shows one and finds the other),
// so it would stay unmarked for good. A report holds each question once.
func twice(file string, data []byte, qs []ReportAnswer, starts []int) *quiz.Problem {
	if len(qs) < 2 {
		return nil
	}
	seen := make(map[[2]string]int, len(qs))
	for i, q := range qs {
		if q.ID == "" {
			continue
		}
		k := [2]string{q.Bank, q.ID}
		first, ok := seen[k]
		if !ok {
			seen[k] = i
			continue
		}
		lines := lineCounter{data: data}
		firstLine := lines.at(starts[first])
		return &quiz.Problem{File: file, Line: lines.at(starts[i]), Question: q.ID, Field: fmt.Sprintf("questions[%d]", i),
			Msg: fmt.Sprintf("the question is in the report twice (first at line %d, questions[%d]); a report holds each question once: remove one", firstLine, first)}
	}
	return nil
}

// reportAnswer reads one field of a question; a field that does not hold
// what it should is added to odd. lines are the reader's: the answer and
// each of its pairs carry their lines, as a sheet's do.
func (s *jsonScanner) reportAnswer(a *ReportAnswer, key string, odd *[]oddField, lines *lineCounter) error {
	var err error
	start := s.pos
	switch key {
	case "id":
		a.ID, _, err = s.scalar()
	case "bank":
		a.Bank, _, err = s.scalar()
	case "type":
		a.Type, _, err = s.scalar()
	case "given":
		t, kind, e := s.scalar()
		if kind != 'n' {
			a.Given = &t
		}
		err = e
	case "answer":
		a.answerAt = start
		if a.Answer, err = s.answer(lines); err != nil {
			if fe, ok := err.(*fieldError); ok {
				fe.in(key)
			}
		}
	case "unreadable":
		a.Unreadable, _, err = s.scalar()
	case "unseen":
		var t string
		t, _, err = s.scalar()
		a.Unseen = t == "true"
	case "seconds":
		a.Seconds, err = s.numberField(key)
	case "cut_off":
		// Only true, false or null: a text answer was cut off or it was
		// not. It does not change the grade, but a report that says
		// "yes" was edited by hand, and grade and mark refuse it alike.
		if c := s.peek(); c != 't' && c != 'f' && c != 'n' {
			*odd = append(*odd, oddField{key, start})
			err = s.skip(0)
			break
		}
		var t string
		t, _, err = s.scalar()
		a.CutOff = t == "true"
	case "self_check_cut_off":
		if c := s.peek(); c != 't' && c != 'f' && c != 'n' {
			*odd = append(*odd, oddField{key, start})
			err = s.skip(0)
			break
		}
		var t string
		t, _, err = s.scalar()
		a.SelfCheckCutOff = t == "true"
	case "self_check":
		if c := s.peek(); c == '[' || c == '{' {
			*odd = append(*odd, oddField{key, start})
			err = s.skip(0)
			break
		}
		t, kind, e := s.scalar()
		switch {
		case kind == 'b':
			b := t == "true"
			a.SelfCheck = &b
		case kind != 'n':
			*odd = append(*odd, oddField{key, start})
		}
		err = e
	case "self_check_points":
		// As self_check: what is not a key point's number is passed over,
		// with a warning, so that a hand-edited self-check never keeps an
		// answer from being graded or marked.
		if c := s.peek(); c != '[' {
			if c != 'n' {
				*odd = append(*odd, oddField{key, start})
			}
			err = s.skip(0)
			break
		}
		var items []string
		var nested bool
		if items, nested, err = s.list(); err == nil {
			var dropped int
			a.SelfCheckPoints, dropped = quiz.SelfCheckNumbers(items)
			if dropped > 0 || nested {
				*odd = append(*odd, oddField{key, start})
			}
		}
	default:
		err = s.skip(0)
	}
	return err
}

// markKeys is what a report's mark held besides its values: whether it
// gave points, and the first field no mark has, with where they start.
type markKeys struct {
	points            bool
	pointsAt          int // where a "points" holding null starts, else -1
	unknown           string
	unknownAt, object int
}

// reportMarkFields are the fields of a report's mark.
var reportMarkFields = []string{"id", "bank", "points", "comment", "marker", "time", "answer_sha256"}

// missing is the error of a mark with no points: named by the field that
// was there instead (a misspelt "pionts", or points: null).
func (k *markKeys) missing() error {
	switch {
	case k.unknown != "":
		return &fieldError{offset: k.unknownAt, field: k.unknown,
			msg: "unknown field" + text.Suggest(k.unknown, reportMarkFields) + ", and the mark has no points (a mark has " + strings.Join(reportMarkFields, ", ") + ")"}
	case k.pointsAt >= 0:
		return &fieldError{offset: k.pointsAt, field: "points", msg: "null is no number of points; give the points (0 or more, in halves), or remove the mark"}
	}
	return &fieldError{offset: k.object, field: "points", msg: "missing; give the points (0 or more, in halves), or remove the mark"}
}

func (s *jsonScanner) reportMark(m *ReportMark, key string, got *markKeys) error {
	var err error
	switch key {
	case "id":
		m.ID, _, err = s.scalar()
	case "bank":
		m.Bank, _, err = s.scalar()
	case "points":
		// As a sheet's marks section reads them: a mark written by hand as
		// -1 or 0.333 was counted as 0 or 0.33 without a word, where mark
		// gives 0 or more, in halves (attack10 #9).
		// Read as the number's own text by the one reader of points
		// (quiz.ParsePoints): 1e3 counted as 1000 here and was refused in
		// a sheet (review-code24 #3). encoding/json writes a mark, at most
		// 1000, without an exponent.
		t, ok, start, ferr := s.scalarField(key, 'd', wantNumber)
		got.points = ok
		if !ok && ferr == nil {
			got.pointsAt = start // null
		}
		if err = ferr; ok {
			var perr error
			if m.Points, perr = quiz.ParsePoints(t, quiz.MaxPoints); perr != nil {
				err = &fieldError{offset: start, field: key, msg: perr.Error()}
			}
		}
	case "comment":
		m.Comment, _, err = s.scalar()
	case "marker":
		m.Marker, _, err = s.scalar()
	case "time":
		m.At, err = s.timeField(key)
	case "answer_sha256":
		m.Answer, _, err = s.scalar()
	default:
		if got.unknown == "" {
			got.unknown, got.unknownAt = key, s.pos
		}
		err = s.skip(0)
	}
	return err
}

// scalarField reads a field's scalar of the kind ('s' text, 'd' a number,
// 'b' true or false) want names; null is the kind's zero, as encoding/json
// reads it. Anything else is a fieldError in report.Read's words.
func (s *jsonScanner) scalarField(field string, kind byte, want string) (string, bool, int, error) {
	c := s.peek()
	start := s.pos
	if c == '[' || c == '{' {
		return "", false, start, &fieldError{offset: start, field: field, msg: WrongKind(scanKind(c), want)}
	}
	t, k, err := s.scalar()
	switch {
	case err != nil:
		return "", false, start, err
	case k == 'n':
		return "", false, start, nil
	case k != kind:
		return "", false, start, &fieldError{offset: start, field: field, msg: WrongKind(scanKind(c), want)}
	}
	return t, true, start, nil
}

// numberField reads a field that holds a number.
func (s *jsonScanner) numberField(field string) (float64, error) {
	t, ok, start, err := s.scalarField(field, 'd', wantNumber)
	if !ok {
		return 0, err
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return 0, &fieldError{offset: start, field: field, msg: NumberMisfit(t, wantNumber)}
	}
	return f, nil
}

// wholeField reads a field that holds a whole number.
func (s *jsonScanner) wholeField(field string) (int, error) {
	t, ok, start, err := s.scalarField(field, 'd', wantWhole)
	if !ok {
		return 0, err
	}
	n, err := strconv.Atoi(t)
	if err != nil {
		return 0, &fieldError{offset: start, field: field, msg: NumberMisfit(t, wantWhole)}
	}
	return n, nil
}

// seedField reads a quiz's seed, a whole number from 0 up; nil when null.
func (s *jsonScanner) seedField(field string) (*uint64, error) {
	t, ok, start, err := s.scalarField(field, 'd', wantWhole)
	if !ok {
		return nil, err
	}
	seed, err := strconv.ParseUint(t, 10, 64)
	if err != nil {
		return nil, &fieldError{offset: start, field: field, msg: NumberMisfit(t, "a whole number from 0 up")}
	}
	return &seed, nil
}

// timeField reads a field that holds a time, as RFC 3339 writes it.
func (s *jsonScanner) timeField(field string) (time.Time, error) {
	t, ok, start, err := s.scalarField(field, 's', wantTime)
	if !ok {
		return time.Time{}, err
	}
	at, err := time.Parse(time.RFC3339, t)
	if err != nil {
		return time.Time{}, &fieldError{offset: start, field: field, msg: fmt.Sprintf("%q is not %s", t, wantTime)}
	}
	return at, nil
}

// array calls item for each element of an array; item reads the element.
// null is an empty array, as encoding/json reads it.
func (s *jsonScanner) array(item func() error) error {
	if s.peek() == 'n' {
		return s.literal("null")
	}
	if err := s.expect('['); err != nil {
		return err
	}
	if s.peek() == ']' {
		s.pos++
		return nil
	}
	for {
		if err := item(); err != nil {
			return err
		}
		switch s.peek() {
		case ',':
			s.pos++
		case ']':
			s.pos++
			return nil
		default:
			return s.fail("expected ',' or ']' in a list")
		}
	}
}
