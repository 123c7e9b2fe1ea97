// Package report writes a quiz's score report for the teacher (JSON, Markdown,
// CSV) and its summary for the student.
package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/sheet"
	"github.com/conflictq/conflictq/quiz/text"
)

// SchemaVersion is the version of the JSON report's shape. It changes only when
// a field is renamed or removed, or its meaning changes, never when one is
// added. Version 2: expected is left out for questions never shown; answer,
// unreadable, unseen, bank_digests and marks were added; later
// self_check_points, beside self_check, cut_off, and each shown question's
// digest. Read reads 1 and 2.
const SchemaVersion = 2

// Report is a quiz's score report as it is written for the teacher.
type Report struct {
	SchemaVersion int      `json:"schema_version"`
	Student       string   `json:"student"`
	Banks         []string `json:"banks"`
	// BankDigests maps each bank's id to quiz.Digest of its questions when
	// the quiz was taken, so that grading can say a bank changed since.
	BankDigests map[string]string `json:"bank_digests,omitempty"`
	Seed        *uint64           `json:"seed,omitempty"` // nil: graded in the banks' order, never shuffled
	// Set names the question set (quiz --set) that picked the questions; the
	// seed then ordered them.
	Set string `json:"set,omitempty"`
	// Types are the question types (quiz --type) that picked the questions.
	Types []string `json:"types,omitempty"`
	// Tags and Difficulty are the tags (quiz --tag) and the difficulty
	// (quiz --difficulty) that picked the questions, so that sheet --from
	// the report picks them again.
	Tags        []string         `json:"tags,omitempty"`
	Difficulty  string           `json:"difficulty,omitempty"`
	Mode        quiz.Mode        `json:"mode"`
	Status      quiz.Status      `json:"status"`
	EndedBy     string           `json:"ended_by"`
	StartedAt   time.Time        `json:"started_at"`
	FinishedAt  time.Time        `json:"finished_at"`
	Seconds     float64          `json:"seconds"`
	Score       float64          `json:"score"`
	MaxScore    float64          `json:"max_score"`
	Percent     float64          `json:"percent"`
	PassPercent *float64         `json:"pass_percent,omitempty"`
	Passed      *bool            `json:"passed,omitempty"`
	Answered    int              `json:"answered"`
	NotReached  int              `json:"not_reached"`
	ByTag       []TagScore       `json:"by_tag"`
	Questions   []QuestionReport `json:"questions"`
	// Marks are a teacher's marks of open answers (conflictq mark).
	Marks []Mark `json:"marks,omitempty"`
	// Warnings are what Read passed over: a hand-edited self-check.
	Warnings []quiz.Problem `json:"-"`
	// HeldBack is an exam whose answers are held back while others work:
	// the review a student keeps (Markdown, the HTML page) then shows what
	// the screen showed, the score and the student's own answers, and none
	// of the right answers, verdicts, explanations or scores by tag. JSON
	// and CSV are the teacher's record and hold everything.
	HeldBack bool `json:"-"`
	// Unsaved is a quiz whose report nobody will mark: nothing was saved
	// for a teacher (a practice quiz without -o or --report-dir). Its
	// summary leads with the score on the questions marked here, not a
	// score counting the open answers as 0 (teacher12 P3).
	Unsaved bool `json:"-"`

	// points are the questions' points, unrounded, when the report was
	// made from a result (New): the summary's sums and percents are taken
	// from them, not from the points rounded to two decimals (2/3 is 66.7%,
	// not 0.67's 67%, teacher2 P2; 1/3 + 1 of 2 is 66.7%, not 1.33's 66.5%,
	// teacher12 P4).
	points []float64
	// keyPoints are how many key points each question has, from New: the
	// summary's self-check counts those ticked out of them.
	keyPoints []int
}

// Mark is a teacher's mark of one open answer, beside what the student wrote.
type Mark struct {
	ID   string `json:"id"`
	Bank string `json:"bank"`
	quiz.Mark
}

// MarkFor returns the mark of a question, or nil.
func (r *Report) MarkFor(bank, id string) *quiz.Mark {
	for i := range r.Marks {
		if r.Marks[i].Bank == bank && r.Marks[i].ID == id {
			return &r.Marks[i].Mark
		}
	}
	return nil
}

// TagScore totals the questions that carry one tag.
type TagScore struct {
	Tag       string  `json:"tag"`
	Questions int     `json:"questions"`
	Score     float64 `json:"score"`
	MaxScore  float64 `json:"max_score"`
	Percent   float64 `json:"percent"`
	// Reached, ReachedScore and ReachedMax count only the questions a quiz
	// that ended early got to; the summary shows those, not 0% for the rest.
	Reached      int     `json:"-"`
	ReachedScore float64 `json:"-"`
	ReachedMax   float64 `json:"-"`
}

// QuestionReport is one question's line in a report. Correct is null for open
// questions, which a teacher marks by hand; Given is null when unanswered.
type QuestionReport struct {
	ID     string    `json:"id"`
	Bank   string    `json:"bank"`
	Type   quiz.Type `json:"type"`
	Prompt string    `json:"prompt"`
	Given  *string   `json:"given"`
	// Answer is what the student gave, as a sheet would hold it: an option's
	// text, a list of texts, {left: right} pairs, true or false, or the text
	// typed. grade reads it back against the bank.
	Answer any `json:"answer,omitempty"`
	// Unreadable is an answer that could not be read, as written.
	Unreadable string `json:"unreadable,omitempty"`
	// Expected is left out for a question the student was never shown.
	Expected string `json:"expected,omitempty"`
	// Unseen marks a question the quiz stopped before showing.
	Unseen bool `json:"unseen,omitempty"`
	// Digest is quiz.Digest of the question as it was shown, so that
	// marking can tell this question changed since, not only its bank; left
	// out, as Expected is, for a question never shown, and in reports
	// written before it was added.
	Digest string `json:"digest,omitempty"`
	// CutOff marks a text answer still being typed, or a choose-all one
	// still being ticked, when the time limit, Ctrl-C or a signal ended the
	// quiz: Given is the text in the box, or the options ticked, never
	// submitted with Enter, and is scored or marked as given.
	CutOff bool `json:"cut_off,omitempty"`
	// SelfCheckCutOff marks an open answer sent with Enter whose
	// self-check was cut short: SelfCheckPoints are the key points ticked
	// then, kept as ticked (quiz.Response.SelfCheckCutOff). A report
	// written before it said cut_off with self_check_points on an open
	// answer; reading maps that to this field.
	SelfCheckCutOff bool     `json:"self_check_cut_off,omitempty"`
	Correct         *bool    `json:"correct"`
	Points          float64  `json:"points"`
	MaxPoints       float64  `json:"max_points"`
	Seconds         float64  `json:"seconds"`
	Tags            []string `json:"tags"`
	Source          string   `json:"source,omitempty"`
	// SelfCheck is an open answer's self-check: true when the student
	// ticked every key point as covered. SelfCheckPoints are the key points
	// ticked, numbered from 1 as the bank lists them and the student saw
	// them; [] when none, left out when not asked (and in reports written
	// before it was added, which hold only self_check).
	SelfCheck       *bool `json:"self_check,omitempty"`
	SelfCheckPoints []int `json:"self_check_points,omitzero"`
}

// Meta is what a report records besides the result.
type Meta struct {
	Student     string
	Banks       []string
	Seed        uint64
	Unseeded    bool     // no seed ordered the questions (a sheet without one): the report records none
	Set         string   // the question set's name (quiz --set), if any
	Types       []string // the question types (quiz --type), if any
	Tags        []string // the tags (quiz --tag), if any
	Difficulty  string   // the difficulty (quiz --difficulty), if any
	Mode        quiz.Mode
	PassPercent *float64
	Digests     map[string]string // bank id → quiz.Digest
	// Sources are the banks the questions were taken from, when the caller
	// has them: a built-in bank has each question's digest from build time
	// (Bank.QuestionDigest), which New takes rather than hash the question
	// again (sha256 and its first use in the process were 1% of the CPU and
	// 1.6% of the page faults of quiz --answers ana40.yaml -o x.json). The
	// report is the same with or without them.
	Sources []*quiz.Bank
}

// Digests maps each bank's id to quiz.Digest of its questions (Bank.Digest),
// for Meta and for the history's records.
func Digests(banks []*quiz.Bank) map[string]string {
	m := make(map[string]string, len(banks))
	for _, b := range banks {
		m[b.ID] = b.Digest()
	}
	return m
}

// statusOf is a report's status: a quiz cut by its time limit is incomplete,
// as a quiz stopped by Ctrl-C is, so that the report and grade agree (the
// quiz itself still submits it and shows the review).
func statusOf(res *quiz.Result) quiz.Status {
	if res.EndedBy == quiz.EndTimeLimit {
		return quiz.Incomplete
	}
	return res.Status
}

// New builds the report of a quiz result.
func New(meta Meta, res *quiz.Result) *Report {
	rep := header(meta, res)
	tags := tagScores{byKey: map[string]*TagScore{}, keys: map[string]string{}}
	reached := len(res.Outcomes) - rep.NotReached
	rep.points = make([]float64, len(res.Outcomes))
	rep.keyPoints = make([]int, len(res.Outcomes))
	for i, o := range res.Outcomes {
		q := o.Question
		rep.points[i], rep.keyPoints[i] = o.Points(), len(q.Key)
		if o.Response.Answered {
			rep.Answered++
		}
		if o.Mark != nil {
			rep.Marks = append(rep.Marks, Mark{ID: q.ID, Bank: q.Bank, Mark: *o.Mark})
		}
		rep.Questions = append(rep.Questions, questionReport(o, meta.Sources))
		tags.add(o, i < reached)
	}
	rep.ByTag = tags.sorted(rep.ByTag)
	return rep
}

// header is a report's fields about the whole quiz, before its questions.
func header(meta Meta, res *quiz.Result) *Report {
	score, maxScore := res.Score()
	rep := &Report{
		SchemaVersion: SchemaVersion,
		Student:       meta.Student,
		Banks:         meta.Banks,
		BankDigests:   meta.Digests,
		Set:           meta.Set,
		Types:         meta.Types,
		Tags:          meta.Tags,
		Difficulty:    meta.Difficulty,
		Mode:          meta.Mode,
		Status:        statusOf(res),
		EndedBy:       res.EndedBy,
		StartedAt:     res.Started.UTC().Truncate(time.Second),
		FinishedAt:    res.Finished.UTC().Truncate(time.Second),
		Seconds:       text.Round2(res.Finished.Sub(res.Started).Seconds()),
		Score:         text.Round2(score),
		MaxScore:      text.Round2(maxScore),
		Percent:       text.Percent(score, maxScore),
		PassPercent:   meta.PassPercent,
		NotReached:    res.NotReached(),
		ByTag:         []TagScore{},
		Questions:     make([]QuestionReport, 0, len(res.Outcomes)),
	}
	if !meta.Unseeded {
		seed := meta.Seed
		rep.Seed = &seed
	}
	if meta.PassPercent != nil && scorable(res) { // nothing marked yet: nothing to pass
		passed := rep.Percent >= *meta.PassPercent
		rep.Passed = &passed
	}
	return rep
}

// questionReport is one question's entry in a report; sources are
// Meta.Sources.
func questionReport(o quiz.Outcome, sources []*quiz.Bank) QuestionReport {
	q := o.Question
	qr := QuestionReport{
		ID: q.ID, Bank: q.Bank, Type: q.Type, Prompt: q.Prompt,
		Points:          text.Round2(o.Points()),
		MaxPoints:       o.MaxPoints(),
		Unseen:          o.Unseen,
		CutOff:          o.Response.CutOff,
		SelfCheckCutOff: o.Response.SelfCheckCutOff,
		Unreadable:      o.Response.Unreadable,
		Seconds:         text.Round2(o.Seconds),
		Tags:            append([]string{}, q.Tags...),
		Source:          q.Source.String(),
		SelfCheck:       o.Response.SelfCheck,
	}
	if o.Response.SelfCheckPoints != nil {
		qr.SelfCheckPoints = make([]int, len(o.Response.SelfCheckPoints))
		for i, k := range o.Response.SelfCheckPoints {
			qr.SelfCheckPoints[i] = k + 1
		}
	}
	if !o.Unseen {
		qr.Expected = q.Expected()
		qr.Digest = questionDigest(q.Question, sources)
	}
	if o.Response.Answered {
		g := q.Given(o.Response)
		qr.Given = &g
		qr.Answer = AnswerOf(q.Question, o.Response)
	}
	if q.Graded() {
		c := o.Correct()
		qr.Correct = &c
	}
	return qr
}

// questionDigest is quiz.Digest(q): Bank.QuestionDigest when q is a
// question of one of sources, which a built-in bank has from build time.
func questionDigest(q *quiz.Question, sources []*quiz.Bank) string {
	for _, b := range sources {
		if b.ID != q.Bank {
			continue
		}
		if i := slices.Index(b.Questions, q); i >= 0 {
			return b.QuestionDigest(i)
		}
	}
	return quiz.Digest(q)
}

// tagScores are a report's scores by tag as New counts them, keyed by
// quiz.TagKey, with each tag's key folded once: UniqueTags, the map and
// SortTags folded every tag of every question again and again (text.Normalize,
// 12% of building Ana's report of 40 questions in perf).
type tagScores struct {
	byKey map[string]*TagScore
	keys  map[string]string // quiz.TagKey of each tag seen
}

func (ts *tagScores) key(tag string) string {
	k, ok := ts.keys[tag]
	if !ok {
		k = quiz.TagKey(tag)
		ts.keys[tag] = k
	}
	return k
}

// add counts an outcome in the scores of its tags, each tag once as
// quiz.UniqueTags gives them (the first of those that read alike); reached:
// the student got to the question before the quiz ended.
func (ts *tagScores) add(o quiz.Outcome, reached bool) {
	tags := o.Question.Tags
next:
	for i, t := range tags {
		k := ts.key(t)
		for _, e := range tags[:i] {
			if ts.key(e) == k {
				continue next
			}
		}
		s := ts.byKey[k]
		if s == nil {
			s = &TagScore{Tag: t}
			ts.byKey[k] = s
		}
		s.Questions++
		s.Score += o.Points()
		s.MaxScore += o.MaxPoints()
		if reached {
			s.Reached++
			s.ReachedScore += o.Points()
			s.ReachedMax += o.MaxPoints()
		}
	}
}

// sorted appends the scores to out, rounded, in SortTags' order.
func (ts *tagScores) sorted(out []TagScore) []TagScore {
	first := len(out)
	for _, s := range ts.byKey {
		s.Percent = text.Percent(s.Score, s.MaxScore)
		s.Score = text.Round2(s.Score)
		out = append(out, *s)
	}
	slices.SortStableFunc(out[first:], func(a, b TagScore) int {
		return text.NaturalCompare(ts.key(a.Tag), ts.key(b.Tag))
	})
	return out
}

// SortTags puts scores by tag in the order every table lists them
// (quiz.CompareTags: T2 before T10).
func SortTags(ts []TagScore) {
	slices.SortStableFunc(ts, func(a, b TagScore) int { return quiz.CompareTags(a.Tag, b.Tag) })
}

// AnswerOf is a response as a sheet would hold it, in the bank's texts, so
// that it reads back with Question.Resolve whatever order the options were
// shown in: an option's text, a list of texts, {left: right}, a bool, or the
// text typed; nil when unanswered.
func AnswerOf(q *quiz.Question, r quiz.Response) any {
	if !r.Answered {
		return nil
	}
	pick := func(list []string, idx []int) []string {
		out := make([]string, 0, len(idx))
		for _, i := range idx {
			if i >= 0 && i < len(list) {
				out = append(out, list[i])
			}
		}
		return out
	}
	switch q.Type {
	case quiz.Single:
		if p := pick(q.Choices, r.Choices); len(p) == 1 {
			return p[0]
		}
		return nil
	case quiz.Multi:
		return pick(q.Choices, r.Choices)
	case quiz.TrueFalse:
		return r.Bool
	case quiz.Order:
		return pick(q.Items, r.Sequence)
	case quiz.Match:
		m := map[string]string{}
		for i, p := range q.Pairs {
			if i < len(r.Matches) && r.Matches[i] >= 0 && r.Matches[i] < len(q.Pairs) {
				m[p.Left] = q.Pairs[r.Matches[i]].Right
			}
		}
		return m
	case quiz.Info:
		return nil
	}
	return r.Text
}

// Read reads a JSON report (schema versions 1 and 2), as mark does. grade
// reads it through ReadAnswers, the same reading, so that both take and
// refuse the same reports with the same words, each at its line: a field
// of the wrong kind is refused; a hand-edited self-check is passed over,
// with a warning (Warnings). Errors name the file.
func Read(file string, data []byte) (*Report, error) {
	_, rep, err := readReport(file, data, true)
	return rep, err
}

// ReadAnswers reads a JSON report as Read does, taking and refusing the
// same reports, and returns what grading needs of it: the answers as a
// sheet holds them.
func ReadAnswers(file string, data []byte) (*sheet.Report, error) {
	graded, _, err := readReport(file, data, false)
	return graded, err
}

// readReport reads a report as grade and mark both do; decode (mark) also
// decodes the whole of it, which grade, reading a class's reports, need not:
// sheet.ReadReport refuses what the decoding would, in the same words.
func readReport(file string, data []byte, decode bool) (*sheet.Report, *Report, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // a byte order mark, as Notepad saves
	// The self-check is left to ReadReport, which passes over what is not
	// a yes or no or a list of numbers; encoding/json would refuse it.
	// Plain types, without UnmarshalJSON, keep the offsets of errors the
	// file's own (one inside a method counts from the question's start).
	type plainQuestion QuestionReport
	type plainReport Report
	var read struct {
		plainReport
		Questions []struct {
			plainQuestion
			SelfCheck       json.RawMessage `json:"self_check"`
			SelfCheckPoints json.RawMessage `json:"self_check_points"`
		} `json:"questions"`
	}
	// One pass reads what grading needs and refuses a field of the wrong
	// kind for read's type, as encoding/json would.
	graded, err := sheet.ReadReport(file, data, SchemaVersion, read)
	if err != nil {
		return nil, nil, err
	}
	if !decode {
		return graded, nil, nil
	}
	if err := json.Unmarshal(data, &read); err != nil {
		return nil, nil, &quiz.InvalidError{Problems: []quiz.Problem{decodeProblem(file, data, err)}}
	}
	if len(read.Questions) != len(graded.Questions) { // never: ReadReport refuses a questions key given twice
		return nil, nil, &quiz.InvalidError{Problems: []quiz.Problem{{File: file, Line: 1, Field: "questions", Msg: "not a conflictq quiz report: its questions could not be read"}}}
	}
	rep := Report(read.plainReport)
	rep.Questions = make([]QuestionReport, len(read.Questions))
	for i, q := range read.Questions {
		rep.Questions[i] = QuestionReport(q.plainQuestion)
		rep.Questions[i].SelfCheck, rep.Questions[i].SelfCheckPoints = graded.Questions[i].SelfCheck, graded.Questions[i].SelfCheckPoints
		// cut_off and self_check_cut_off as the sheet reader read them:
		// an older report's cut-short self-check is SelfCheckCutOff.
		rep.Questions[i].CutOff, rep.Questions[i].SelfCheckCutOff = graded.Questions[i].CutOff, graded.Questions[i].SelfCheckCutOff
	}
	rep.Warnings = graded.Warnings
	return graded, &rep, nil
}

// decodeProblem says where a report holds a value of the wrong kind for its
// field, in the user's words ("score: text where a number belongs"), not Go's.
func decodeProblem(file string, data []byte, err error) quiz.Problem {
	var te *json.UnmarshalTypeError
	var pe *time.ParseError
	if errors.As(err, &pe) { // finished_at, which the scanner passes over: encoding/json names no field
		return quiz.Problem{File: file, Line: 1, Msg: fmt.Sprintf("%q is not a time (as 2026-12-01T09:00:00Z)", pe.Value)}
	}
	if !errors.As(err, &te) || te.Field == "" {
		return quiz.Problem{File: file, Line: 1, Msg: "not a conflictq quiz report: " + err.Error()}
	}
	line := 1 + bytes.Count(data[:min(max(0, int(te.Offset)), len(data))], []byte("\n")) // the offset is just past the value
	parts := strings.Split(te.Field, ".")
	parts = slices.DeleteFunc(parts, func(p string) bool { return strings.HasPrefix(p, "plain") }) // Read's own types
	field := strings.Join(parts, ".")
	kind, want := sheet.KindWord(te.Value), sheet.TypeWord(te.Type)
	msg := sheet.WrongKind(kind, want)
	if number, ok := strings.CutPrefix(te.Value, "number "); ok && strings.HasSuffix(want, "number") {
		msg = sheet.NumberMisfit(number, want) // 1e999, or 2.5 for a count
	}
	return quiz.Problem{File: file, Line: line, Field: field, Msg: msg}
}

// Formats a report can be written in.
const (
	FormatJSON     = "json"
	FormatMarkdown = "markdown"
	FormatCSV      = "csv"
)

// Formats lists the formats, default first.
var Formats = []string{FormatJSON, FormatMarkdown, FormatCSV}

// Extension returns the file extension for a format (JSON's by default).
func Extension(format string) string {
	if ext := fileio.Ext(format); ext != "" && slices.Contains(Formats, format) {
		return ext
	}
	return ".json"
}

// Write renders the report in format.
func (r *Report) Write(w io.Writer, format string) error {
	switch format {
	case FormatJSON, "":
		return r.writeJSON(w)
	case FormatMarkdown:
		return r.writeMarkdown(w)
	case FormatCSV:
		return r.writeCSV(w)
	}
	return fmt.Errorf("unknown report format %q (json, markdown or csv)", format)
}

func (r *Report) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	// cut_off comes last: programs that read the columns by position still
	// find the others where they were.
	cw.Write([]string{"student", "bank", "question", "type", "given", "expected", "correct", "points", "max_points", "seconds", "status", "seed", "cut_off"})
	for _, q := range r.Questions {
		given, correct := "", ""
		if q.Given != nil {
			given = *q.Given
		}
		if q.Correct != nil {
			correct = strconv.FormatBool(*q.Correct)
		}
		cw.Write([]string{
			text.CSVSafe(r.Student), q.Bank, q.ID, string(q.Type), text.CSVSafe(given), text.CSVSafe(q.Expected), correct,
			text.FormatNum(q.Points), text.FormatNum(q.MaxPoints), text.FormatNum(q.Seconds), string(r.Status), r.seedText(),
			strconv.FormatBool(q.CutOff && q.Given != nil),
		})
	}
	cw.Flush()
	return cw.Error()
}

// writeMarkdown writes the report as Markdown into one buffer of about its
// size, written once. Its lines were fmt.Fprintf's into a strings.Builder
// that grew by doubling: 13% of quiz --answers -o x.md in process, 99 KB
// and 400 allocations more than printing the summary alone.
// TestReportMarkdownAsFprintf holds it to that code, kept in the test, on
// quizzes' reports and random and hostile ones.
func (r *Report) writeMarkdown(w io.Writer) error {
	b := r.appendMarkdownHead(make([]byte, 0, 1024+640*len(r.Questions)))
	b = append(b, "## Questions\n"...)
	for i := range r.Questions {
		b = r.appendMarkdownQuestion(b, i)
	}
	_, err := w.Write(b)
	return err
}

// appendMarkdownHead appends the Markdown report's title, its list of
// facts, the score and the table of tags.
func (r *Report) appendMarkdownHead(b []byte) []byte {
	who := r.Student
	if who == "" {
		who = "Anonymous"
	}
	b = append(append(append(b, "# Quiz report: "...), text.MarkdownEscape(who)...), "\n\n"...)
	b = append(append(append(b, "- Banks: "...), strings.Join(r.Banks, ", ")...), '\n')
	if r.Set != "" {
		b = append(append(append(b, "- Question set: "...), text.MarkdownEscape(text.EscapeControl(r.Set))...), '\n')
	}
	b = append(append(b, "- Mode: "...), r.Mode...)
	if r.Seed != nil {
		b = strconv.AppendUint(append(b, "; seed "...), *r.Seed, 10)
	}
	b = append(b, "\n- Taken: "...)
	b = append(append(append(r.StartedAt.AppendFormat(b, "2 Jan 2006 15:04 MST"), ", "...), formatDuration(r.Seconds)...), '\n')
	status := "complete"
	if r.Status != quiz.Complete {
		status = "**incomplete** (" + strings.ReplaceAll(r.EndedBy, "_", " ") + ")"
	}
	b = append(append(append(b, "- Status: "...), status...), '\n')
	if r.NotReached > 0 {
		b = append(append(append(b, "- Answered: "...), r.answeredLine()...), '\n')
	}
	b = append(append(append(b, "- **Score: "...), text.FormatNum(r.Score)...), " / "...)
	b = append(append(append(b, text.FormatNum(r.MaxScore)...), " ("...), r.PercentText()...)
	b = append(b, "%)**"...)
	if r.Passed != nil {
		b = append(append(b, ", pass mark "...), text.FormatPercent(*r.PassPercent)...)
		if *r.Passed {
			b = append(b, "%: passed"...)
		} else {
			b = append(b, "%: not yet passed"...)
		}
	}
	b = append(b, "\n\n"...)
	if r.HeldBack {
		b = append(b, HeldBackNote+"\n\n"...)
	}
	if len(r.ByTag) > 0 && !r.HeldBack {
		b = append(b, "| Tag | Questions | Score | % |\n|---|---:|---:|---:|\n"...)
		for _, t := range r.ByTag {
			b = append(append(append(b, "| "...), text.MarkdownEscape(quiz.TagLabel(t.Tag))...), " | "...)
			b = strconv.AppendInt(b, int64(t.Questions), 10)
			if t.MaxScore == 0 || !r.settled(t.Tag, r.Questions) {
				b = append(b, " | not marked | |\n"...)
				continue
			}
			b = append(append(append(append(b, " | "...), text.FormatNum(t.Score)...), " / "...), text.FormatNum(t.MaxScore)...)
			b = append(append(append(b, " | "...), text.FormatPercent(t.Percent)...), " |\n"...)
		}
		b = append(b, '\n')
	}
	return b
}

// appendMarkdownQuestion appends the Markdown report's entry of question i.
func (r *Report) appendMarkdownQuestion(b []byte, i int) []byte {
	q := &r.Questions[i]
	b = strconv.AppendInt(append(b, "\n### "...), int64(i+1), 10)
	b = append(append(append(b, ". "...), text.MarkdownEscape(q.Prompt)...), "\n\n"...)
	b = append(b, "- Your answer: "...)
	switch {
	case q.Given != nil && q.CutOff:
		b = append(append(append(b, text.MarkdownEscape(*q.Given)...), " _("+quiz.CutOffNote+")_"...), '\n')
	case q.Given != nil && q.SelfCheckCutOff:
		b = append(append(append(b, text.MarkdownEscape(*q.Given)...), " _("+quiz.SelfCheckCutOffNote+")_"...), '\n')
	case q.Given != nil:
		b = append(append(b, text.MarkdownEscape(*q.Given)...), '\n')
	case q.Unreadable != "":
		b = append(append(append(b, "_unreadable:_ "...), text.MarkdownEscape(q.Unreadable)...), '\n')
	case q.Unseen:
		b = append(b, "_not reached: the quiz stopped before this question_\n"...)
	default:
		b = append(b, "_no answer_\n"...)
	}
	points := func(b []byte, lead string, p float64, rest string) []byte {
		return append(append(append(append(append(b, lead...), text.FormatNum(p)...), " of "...), text.FormatNum(q.MaxPoints)...), rest...)
	}
	model := func(b []byte) []byte { return append(append(b, text.MarkdownEscape(q.Expected)...), '\n') }
	switch {
	case q.Unseen, r.HeldBack:
	case q.Correct == nil && r.marked(*q):
		b = model(points(b, "- Marked by your teacher: ", q.Points, " points. A model answer: "))
	case q.Correct == nil && q.Given != nil:
		b = model(append(append(append(b, "- To mark: your teacher marks it; until then it scores 0 of "...), text.FormatNum(q.MaxPoints)...), " points. A model answer: "...))
	case q.Correct == nil:
		b = model(append(append(append(b, "- 0 of "...), text.FormatNum(q.MaxPoints)...), " points. A model answer: "...))
	case *q.Correct:
		b = points(b, "- Right: ", q.Points, " points\n")
	default:
		b = model(points(b, "- ", q.Points, " points. Answer: "))
	}
	if q.Source != "" && !r.HeldBack {
		b = append(append(append(b, "- Reread: "...), text.MarkdownEscape(q.Source)...), '\n')
	}
	return b
}

// HeldBackNote says, in a held-back exam's review, why the answers are
// not in it.
const HeldBackNote = "This was an exam: the right answers, the explanations and each question's " +
	"points are held back, so that no one can show them to those still working. Your teacher has them " +
	"and will go through them."

func formatDuration(seconds float64) string {
	return (time.Duration(seconds) * time.Second).String()
}

// answeredLine says how far a quiz that ended early got: "1 of 1 reached,
// 38 not reached".
func (r *Report) answeredLine() string {
	reached := len(r.Questions) - r.NotReached
	if reached == 0 {
		return fmt.Sprintf("none, %d not reached", r.NotReached)
	}
	return fmt.Sprintf("%d of %d reached, %d not reached", r.Answered, reached, r.NotReached)
}

// cutOffNumbers are the numbers, from 1 as the quiz showed them, of the
// questions whose answer was still being typed or ticked when the quiz was
// stopped, and how it was kept: "typed", "ticked" or both. An open answer
// whose self-check was cut short is not one: the answer was sent with
// Enter (SelfCheckCutOff, selfCheckCutOff).
func (r *Report) cutOffNumbers() (nums []string, how string) {
	typed, ticked := false, false
	for i, q := range r.Questions {
		if q.CutOff && q.Given != nil {
			nums = append(nums, strconv.Itoa(i+1))
			if q.Type == quiz.Multi {
				ticked = true
			} else {
				typed = true
			}
		}
	}
	switch {
	case typed && ticked:
		how = "typed and ticked"
	case ticked:
		how = "ticked"
	default:
		how = "typed"
	}
	return nums, how
}

// selfCheckCutOff are the numbers, from 1, of the open questions whose
// answer was sent with Enter and whose self-check's ticks were kept, cut
// off (quiz.Response.SelfCheckCutOff).
func (r *Report) selfCheckCutOff() []string {
	var nums []string
	for i, q := range r.Questions {
		if q.SelfCheckCutOff && q.Given != nil {
			nums = append(nums, strconv.Itoa(i+1))
		}
	}
	return nums
}

// WriteSummary prints the end-of-quiz summary: score, percent, time, and by
// tag. After an early stop it counts what was reached, and leaves out the
// tags of questions never shown rather than showing them as 0%. Lines are
// wrapped at word boundaries to width columns, later lines indented by two;
// width 0 leaves them whole (a pipe, a file).
func (r *Report) WriteSummary(w io.Writer, st text.Style, width int) {
	r.writeSummary(w, st, width, true)
}

// WriteHeldBackSummary is WriteSummary for an exam whose answers are held
// back until the whole class has finished: the total and how many were
// answered, without the rows by tag, which with one question to a tag
// (Survivors await justice 0 / 1) show a neighbour which answer was wrong
// (teacher7 P7). The report for the teacher keeps them.
func (r *Report) WriteHeldBackSummary(w io.Writer, st text.Style, width int) {
	r.writeSummary(w, st, width, false)
}

// summaryLine writes a line of the summary, wrapped.
type summaryLine func(format string, args ...any)

func (r *Report) writeSummary(w io.Writer, st text.Style, width int, byTag bool) {
	st = text.Or(st)
	line := summaryLine(func(format string, args ...any) {
		fmt.Fprintln(w, text.Hang(fmt.Sprintf(format, args...), width, 2))
	})
	fmt.Fprintf(w, "\n%s\n", st.Bold("Summary"))
	r.writeScore(line, st)
	r.writeOpenToMark(line)
	if kept, how := r.cutOffNumbers(); len(kept) == 1 {
		line("Question %s: your unfinished answer was kept as %s (not sent with Enter) and counts as your answer", kept[0], how)
	} else if len(kept) > 1 {
		line("Questions %s: your unfinished answers were kept as %s (not sent with Enter) and count as your answers", text.AndList(kept), how)
	}
	if kept := r.selfCheckCutOff(); len(kept) == 1 {
		line("Question %s: your answer was sent; the key points you had ticked were kept as ticked (not sent with Enter)", kept[0])
	} else if len(kept) > 1 {
		line("Questions %s: your answers were sent; the key points you had ticked were kept as ticked (not sent with Enter)", text.AndList(kept))
	}
	if r.Unsaved {
		r.writeSelfChecks(w, width)
	}
	r.writeByTag(w, line, width, byTag)
	switch {
	case r.Set != "" && r.Seed != nil:
		line("Question set: %s, in the order of seed %d", text.EscapeControl(r.Set), *r.Seed)
	case r.Seed != nil:
		line("Seed: %d (the same --seed gives the same quiz)", *r.Seed)
	}
}

// writeScore writes the summary's score and how much was answered; a quiz
// that ended early also gets the score on the questions reached.
func (r *Report) writeScore(line summaryLine, st text.Style) {
	if r.NotReached == 0 {
		if open := r.openToMark(); r.Unsaved && open > 0 {
			r.writeScoreHere(line, st, open)
			return
		}
		if !r.scorable() {
			// Every question open (a discussion): nothing to score here, not 0%.
			line("Score: none here; every question is open, for a teacher to mark%s", r.passed(st))
		} else {
			line("Score: %s / %s (%s%%)%s", text.FormatNum(r.Score), text.FormatNum(r.MaxScore), r.PercentText(), r.passed(st))
		}
		line("Answered: %d of %d · time taken: %s", r.Answered, len(r.Questions), formatDuration(r.Seconds))
		return
	}
	score, maxScore := r.sumReached(func(QuestionReport) bool { return true })
	pct := text.Percent(score, maxScore)
	// The whole quiz's score comes first: it is the grade. The score on
	// the questions reached alone would read as 100% after a time-out.
	line("Answered: %s · time taken: %s", r.answeredLine(), formatDuration(r.Seconds))
	if r.MaxScore > 0 {
		line("Score: %s / %s (%s%%), counting the questions not reached as 0%s", text.FormatNum(r.Score), text.FormatNum(r.MaxScore), r.PercentText(), r.passed(st))
	}
	if maxScore > 0 {
		line("On the %s reached only: %s / %s (%s%%)", text.Count(len(r.reachedQuestions()), "question"), text.FormatNum(text.Round2(score)), text.FormatNum(maxScore), text.FormatPercent(pct))
	}
}

// writeOpenToMark writes how many open answers wait for a teacher, and the
// score without them.
func (r *Report) writeOpenToMark(line summaryLine) {
	open := r.openToMark()
	if open == 0 || !r.scorable() { // all open: the score line said so
		return
	}
	if r.Unsaved && r.NotReached == 0 { // writeScoreHere said it
		return
	}
	line("Open answers to mark: %d (each counts 0 of its points until a teacher marks it)", open)
	// The score above counts them as 0; in practice nobody may ever mark
	// them, so say how the rest went too (teacher8 P2: "3 / 8 (37.5%)").
	score, maxScore := r.sumReached(func(q QuestionReport) bool { return q.Type != quiz.Open || r.marked(q) })
	if maxScore > 0 {
		line("Without the open answers: %s / %s (%s%%)", text.FormatNum(text.Round2(score)), text.FormatNum(maxScore), text.FormatPercent(text.Percent(score, maxScore)))
	}
}

// openToMark counts the open answers on the questions reached that wait for
// a teacher's mark (a blank one scores 0: nothing to mark).
func (r *Report) openToMark() int {
	var open int
	for _, q := range r.reachedQuestions() {
		if q.Type == quiz.Open && q.Given != nil && !r.marked(q) {
			open++
		}
	}
	return open
}

// writeScoreHere writes the score of a quiz whose open answers nobody will
// mark (Unsaved): first the score on the questions marked here, which is
// the one to read (none when every question is open), then the open answers
// and the student's own self-check of them; the score counting them as 0
// only beside a pass mark, which it decides. writeSelfChecks then lists the
// open answers one by one.
func (r *Report) writeScoreHere(line summaryLine, st text.Style, open int) {
	here := func(q QuestionReport) bool { return q.Type != quiz.Open || r.marked(q) }
	score, maxScore := r.sumReached(here)
	// The count is of the questions that score sums: a blank open question
	// is in neither (attack12 #5: "the 3 questions marked here: 0 / 2").
	var n int
	for _, q := range r.reachedQuestions() {
		if here(q) && q.Type != quiz.Info {
			n++
		}
	}
	if maxScore == 0 {
		// Open questions alone, some perhaps blank: no "0 / 0 (0%)", and
		// writeSelfChecks lists the open answers.
		line("Score: none here; every question is open, and nobody marks them here")
	} else {
		line("Score on the %s marked here: %s / %s (%s%%)", text.Count(n, "question"),
			text.FormatNum(text.Round2(score)), text.FormatNum(maxScore), text.FormatPercent(text.Percent(score, maxScore)))
		r.writeOpenNotScored(line, open)
	}
	if r.Passed != nil {
		line("Score counting the open answers as 0: %s / %s (%s%%)%s", text.FormatNum(r.Score), text.FormatNum(r.MaxScore), r.PercentText(), r.passed(st))
	}
	line("Answered: %d of %d · time taken: %s", r.Answered, len(r.Questions), formatDuration(r.Seconds))
}

// writeOpenNotScored writes how many open answers nobody marks here, and
// how many key points the student ticked in all.
func (r *Report) writeOpenNotScored(line summaryLine, open int) {
	var ticked, points int
	for i, q := range r.reachedQuestions() {
		if q.Type == quiz.Open && q.Given != nil && !r.marked(q) && q.SelfCheck != nil && len(r.keyPoints) == len(r.Questions) {
			ticked += len(q.SelfCheckPoints)
			points += r.keyPoints[i]
		}
	}
	openLine := fmt.Sprintf("Open answers: %d, not scored (nobody marks them here)", open)
	if points > 0 {
		openLine += fmt.Sprintf("; your self-check: %d of %d key points covered", ticked, points)
	}
	line("%s", openLine)
}

// writeSelfChecks lists, for a quiz nobody will mark (Unsaved), each open
// answer the student checked against its key points: the question's number
// as the quiz showed it, its first sentence, and the key points ticked, as
// the screen said it after the answer ("Covered, you say"). Without it the
// summary of a discussion said only that nothing was scored (teacher15 P10).
func (r *Report) writeSelfChecks(w io.Writer, width int) {
	var items []string
	for i, q := range r.reachedQuestions() {
		if q.Type != quiz.Open || q.Given == nil || q.SelfCheck == nil || r.marked(q) || len(r.keyPoints) != len(r.Questions) {
			continue
		}
		label := fmt.Sprintf("  %d. ", i+1)
		what := fmt.Sprintf("%s %d of %s", promptTitle(q.Prompt), len(q.SelfCheckPoints), text.Count(r.keyPoints[i], "key point"))
		items = append(items, label+text.Hang(what, width, len(label))) // "  3. ": ASCII
	}
	if len(items) == 0 {
		return
	}
	fmt.Fprintln(w, "Covered, you say:")
	for _, item := range items {
		fmt.Fprintln(w, item)
	}
}

// promptTitle names a question in a list: its prompt's first sentence, cut
// to a dozen words.
func promptTitle(prompt string) string {
	s := text.EscapeControl(strings.Join(strings.Fields(prompt), " "))
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == '?' || s[i] == '.' || s[i] == '!') && s[i+1] == ' ' {
			s = s[:i+1]
			break
		}
	}
	return text.FirstWords(s, 12)
}

// writeByTag writes the scores by tag, on the questions reached when the
// quiz ended early, the tags not reached last; or, unless byTag, that they
// are held back. Held back, the tags not reached are not named either:
// "Not reached: Introduction, Questions, Recall" under "By tag: held back"
// meant little to a student (teacher11 P9), and the Answered line already
// says how many questions were not reached.
func (r *Report) writeByTag(w io.Writer, line summaryLine, width int, byTag bool) {
	if !byTag {
		line("By tag: held back with the answers.")
		return
	}
	early := r.NotReached > 0
	var rows []TagScore
	var unreached []string
	for _, t := range r.ByTag {
		if early {
			if t.Reached == 0 {
				// No score: the tags not reached say nothing of any answer.
				unreached = append(unreached, quiz.TagLabel(t.Tag))
				continue
			}
			t.Questions, t.Score, t.MaxScore = t.Reached, t.ReachedScore, t.ReachedMax
			t.Percent = text.Percent(t.Score, t.MaxScore)
		}
		rows = append(rows, t)
	}
	if len(rows) > 0 || len(unreached) > 0 {
		if early {
			fmt.Fprintln(w, "By tag, on the questions reached:")
		} else {
			fmt.Fprintln(w, "By tag:")
		}
		// Tags read as the class page shows them (un-resolution → "UN
		// resolution"); the JSON and CSV keep the tag itself, for programs.
		tagWidth := 0
		for _, t := range rows {
			tagWidth = max(tagWidth, text.Width(quiz.TagLabel(t.Tag)))
		}
		for _, t := range rows {
			// The columns line up; what follows the tag hangs under itself.
			label := "  " + text.PadRight(quiz.TagLabel(t.Tag), tagWidth) + "  "
			what := fmt.Sprintf("%s / %s (%s%%)", text.FormatNum(t.Score), text.FormatNum(t.MaxScore), text.FormatPercent(t.Percent))
			if t.MaxScore == 0 || !r.settled(t.Tag, r.reachedQuestions()) {
				what = fmt.Sprintf("not marked (%s)", text.Count(t.Questions, "open question"))
			}
			fmt.Fprintf(w, "%s%s\n", label, text.Hang(what, width, text.Width(label)))
		}
		if len(unreached) > 0 {
			// A row of the table: these are its tags, with no score.
			fmt.Fprintf(w, "  %s\n", text.Hang("Not reached: "+strings.Join(unreached, ", "), width, 4))
		}
	}
}

// scorable reports whether a result has a score to give yet: a question
// marked automatically, a blank one (0), or an open answer a teacher has
// marked. A quiz of open answers alone, none marked, has none yet, although
// its maximum counts them all.
func scorable(res *quiz.Result) bool {
	for _, o := range res.Outcomes {
		if o.Question.Graded() || o.Mark != nil || !o.Response.Answered {
			return true
		}
	}
	return false
}

func (r *Report) scorable() bool { return r.settled("", r.Questions) }

// settled reports whether any of qs (with tag, unless tag is "") has its
// points settled: marked automatically or by a teacher, or left blank.
func (r *Report) settled(tag string, qs []QuestionReport) bool {
	for _, q := range qs {
		if tag != "" && !slices.Contains(q.Tags, tag) {
			continue
		}
		if q.Correct != nil || q.Given == nil || r.marked(q) {
			return true
		}
	}
	return false
}

// marked reports whether a teacher has marked a question.
func (r *Report) marked(q QuestionReport) bool {
	for _, m := range r.Marks {
		if m.Bank == q.Bank && m.ID == q.ID {
			return true
		}
	}
	return false
}

// PercentText is the report's percentage for people, beside its verdict:
// below the pass mark, never shown as reaching it (text.FormatResultPercent).
func (r *Report) PercentText() string {
	if r.Passed == nil {
		return text.FormatPercent(r.Percent)
	}
	return text.FormatResultPercent(r.Percent, r.PassPercent)
}

// passed is the end of the score line with the pass mark's verdict, if any.
func (r *Report) passed(st text.Style) string {
	if r.Passed == nil {
		return ""
	}
	if *r.Passed {
		return " · " + st.Good("passed")
	}
	return fmt.Sprintf(" · %s (pass mark %s%%)", st.Bad("not yet passed"), text.FormatPercent(*r.PassPercent))
}

// seedText is the CSV's seed column: empty when no seed ordered the quiz.
func (r *Report) seedText() string {
	if r.Seed == nil {
		return ""
	}
	return strconv.FormatUint(*r.Seed, 10)
}

// reachedQuestions are the questions a quiz got to: all of them unless it
// ended early.
func (r *Report) reachedQuestions() []QuestionReport {
	return r.Questions[:len(r.Questions)-r.NotReached]
}

// sumReached adds up the points of the questions reached that keep keeps:
// unrounded when the report was made from a result (New), else as recorded.
func (r *Report) sumReached(keep func(QuestionReport) bool) (score, maxScore float64) {
	for i, q := range r.reachedQuestions() {
		if !keep(q) {
			continue
		}
		p := q.Points
		if len(r.points) == len(r.Questions) {
			p = r.points[i]
		}
		score += p
		maxScore += q.MaxPoints
	}
	return score, maxScore
}
