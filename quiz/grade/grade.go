// Package grade grades answer sheets against banks: one sheet (Grader), or a
// batch of files, directories and JSON lines on every core (Batch), and
// writes the results in the formats teachers and CI read.
package grade

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/sheet"
	"github.com/conflictq/conflictq/quiz/text"
)

// SheetResult is one graded answer sheet.
type SheetResult struct {
	File     string
	Line     int // the sheet's line in a JSON-lines file, else 0
	Student  string
	Banks    []string
	Outcomes []quiz.Outcome
	Score    float64
	Max      float64
	Percent  float64
	Passed   *bool // nil without a pass mark
	// Pass is the pass mark Passed was judged against, or nil.
	Pass *float64
	// Incomplete is a quiz's report of a quiz stopped early (Ctrl-C, a
	// signal, the end of input); EndedBy says how a quiz ended.
	Incomplete bool
	EndedBy    string
	Started    time.Time // when a quiz began; zero for a sheet
	// InOrder says the Outcomes are in the order the student had the
	// questions: a paper sheet with a seed (the order printed) or a
	// report with one (the order asked). Without a seed they are in the
	// banks' order, which says nothing of what a student saw.
	InOrder bool
	paper   bool // a sheet, not a quiz's report
	// Problems are answers that could not be read (errors: they score 0, and
	// the batch ends with exit status 2) and answers to unknown questions
	// (warnings).
	Problems []quiz.Problem

	// unlisted counts the answers to no such question that one "... and N
	// more" problem stands for, less the one it counts as itself.
	unlisted int

	shown    []quiz.Presented // the Outcomes' questions, kept for reuse
	answerAt []int            // each question's answer in the sheet, kept for reuse
}

// release hands a result back for reuse once it has been written: a batch
// then reuses a few results instead of allocating one per sheet. The result
// must not be used afterwards.
func (g *Grader) release(r *SheetResult) {
	for i := range r.Outcomes {
		r.Outcomes[i] = quiz.Outcome{}
	}
	g.results.Put(r)
}

// Statuses a graded sheet can have, as every format shows them.
const (
	StatusComplete   = "complete"
	StatusIncomplete = "incomplete"
	StatusUnreadable = "unreadable"
	StatusToMark     = "to mark"
)

// Status is the sheet's state in one word, the one every format shows (and
// sorts and filters by): unreadable (answers that could not be read),
// incomplete (a quiz stopped early or cut by its time limit), to mark (open
// answers a teacher has not marked), or complete. A blank answer on a sheet
// that was handed in whole is complete: it scores 0. The word keeps the first
// that applies; StatusText says the rest.
func (r *SheetResult) Status() string {
	switch {
	case r.Unreadable() > 0:
		return StatusUnreadable
	case r.Incomplete:
		return StatusIncomplete
	case r.ToMark() > 0:
		return StatusToMark
	}
	return StatusComplete
}

// StatusText is Status with what a teacher needs to know, the same in every
// format: "incomplete (time limit, 7 not reached); 1 to mark",
// "unreadable (2 answers); 1 to mark". Open answers to mark are never hidden
// behind another status.
func (r *SheetResult) StatusText() string {
	s := r.Status()
	toMark := r.ToMark()
	switch s {
	case StatusUnreadable:
		s += " (" + count(r.Unreadable(), "answer") + ")"
		if r.Incomplete {
			s += "; " + r.incompleteText()
		}
	case StatusIncomplete:
		s = r.incompleteText()
	case StatusToMark:
		return s
	}
	if toMark > 0 {
		s += "; " + strconv.Itoa(toMark) + " to mark"
	}
	return s
}

// incompleteText is "incomplete (how it ended, N not reached)".
func (r *SheetResult) incompleteText() string {
	var why []string
	if r.EndedBy != "" {
		why = append(why, strings.ReplaceAll(r.EndedBy, "_", " "))
	}
	if n := r.NotReached(); n > 0 {
		why = append(why, strconv.Itoa(n)+" not reached")
	}
	if len(why) == 0 {
		return StatusIncomplete
	}
	return StatusIncomplete + " (" + strings.Join(why, ", ") + ")"
}

// ToMark counts the open answers that wait for a teacher.
func (r *SheetResult) ToMark() int {
	n := 0
	for i := range r.Outcomes { // in place: an Outcome is 200 bytes to copy, and every format asks
		if r.Outcomes[i].ToMark() {
			n++
		}
	}
	return n
}

// NotReached counts the questions a quiz stopped before showing.
func (r *SheetResult) NotReached() int {
	n := 0
	for i := range r.Outcomes {
		if r.Outcomes[i].Unseen {
			n++
		}
	}
	return n
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// Unreadable counts the answers that could not be read.
func (r *SheetResult) Unreadable() int { return quiz.CountErrors(r.Problems) }

// Where names the sheet for messages: file, or file:line for JSON lines.
func (r *SheetResult) Where() string {
	if r.Line > 0 {
		return fmt.Sprintf("%s:%d", r.File, r.Line)
	}
	return r.File
}

// Name is the student, or where the sheet came from when it names nobody.
func (r *SheetResult) Name() string {
	if r.Student != "" {
		return r.Student
	}
	return r.Where()
}

// Grader grades answer sheets. It is safe for concurrent use.
type Grader struct {
	// Banks, when set, are used for every sheet (grade --bank); otherwise each
	// sheet's own banks are loaded through Load.
	Banks []*quiz.Bank
	// Load returns the banks a sheet names (cached by the Grader); sheet is the
	// sheet's file, against which relative paths may be resolved.
	Load func(refs []string, sheet string) ([]*quiz.Bank, error)
	// Filter, when set, overrides the selection a sheet records.
	Filter *quiz.Filter
	// Pass is the pass mark in percent, or nil.
	Pass *float64

	mu      sync.Mutex
	banks   map[string][]*quiz.Bank
	setMu   sync.Mutex                                  // serialises writers of sets
	sets    atomic.Pointer[map[selectionKey]*selection] // selections, worked out once
	results sync.Pool                                   // *SheetResult, handed back by release
	digests sync.Map                                    // *quiz.Bank → its quiz.Digest
	changed sync.Map                                    // bank id + digest a report recorded → said that it changed
}

// selectionKey names the questions a sheet is graded on.
type selectionKey struct {
	banks            *quiz.Bank
	nbanks           int
	more             string // the other banks' ids, when there are several
	count            int
	tags, difficulty string
	types            string // quiz.Filter.Types, comma-joined
	set              string
	seed             uint64
}

// maxSelections bounds the cache of selections: a class shares a few; a batch
// where every sheet draws its own questions gains nothing from caching them.
const maxSelections = 64

func ptrMap[K comparable, V any](m *map[K]V) map[K]V {
	if m == nil {
		return nil
	}
	return *m
}

// Grade scores one sheet. It fails only when the sheet's banks cannot be had;
// answers that cannot be read are warnings and score 0.
func (g *Grader) Grade(s *sheet.Sheet) (*SheetResult, error) {
	banks, err := g.banksFor(s)
	if err != nil {
		return nil, err
	}
	sel, err := g.questionsFor(s, banks)
	if err != nil {
		return nil, err
	}
	res := g.newResult(s, banks, len(sel.questions))
	res.InOrder, res.paper = s.Seed != nil, true
	unknown := res.place(s, sel)
	res.score(s, sel.questions)
	// What reading the sheet said of a line (an answer read as text) comes
	// before what grading it found there: how it was read, then why it
	// cannot count.
	res.Problems = append(slices.Clip(s.Problems), res.Problems...)
	res.Problems = append(res.Problems, capUnknown(s.File, unknown)...)
	res.unlisted = max(len(unknown)-quiz.MaxProblems-1, 0) // the "... and N more" line counts one
	sort.SliceStable(res.Problems, func(i, j int) bool { return res.Problems[i].Line < res.Problems[j].Line })
	// The percent from the score itself, not from the score rounded: a
	// report's 3.6667 of 10 is 36.67 %, as the report says, not 36.7.
	res.Percent = text.Percent(res.Score, res.Max)
	res.Score = text.Round2(res.Score)
	if g.Pass != nil && res.Max > 0 { // with nothing marked automatically, nothing to pass
		passed := res.Percent >= *g.Pass
		res.Passed, res.Pass = &passed, g.Pass
	}
	return res, nil
}

// newResult is an empty result for the sheet s of n questions, reusing a
// pooled one's slices.
func (g *Grader) newResult(s *sheet.Sheet, banks []*quiz.Bank, n int) *SheetResult {
	res, _ := g.results.Get().(*SheetResult)
	if res == nil {
		res = &SheetResult{}
	}
	*res = SheetResult{File: s.File, Student: s.Student, Banks: slices.Clone(s.Banks), Outcomes: res.Outcomes[:0], shown: res.shown, answerAt: res.answerAt}
	if g.Banks != nil || len(s.Banks) == 0 {
		res.Banks = bankIDs(banks)
	}
	if cap(res.shown) < n {
		res.shown = make([]quiz.Presented, n)
		res.answerAt = make([]int, n)
	}
	if cap(res.Outcomes) < n {
		// One outcome a question: grown by append, a sheet of 40
		// questions took 2.5 times the memory (fresh memory is most of
		// what a short run costs).
		res.Outcomes = make([]quiz.Outcome, 0, n)
	}
	res.shown, res.answerAt = res.shown[:n], res.answerAt[:n]
	if s.File == "-" || fileio.FormatOf(s.File, "jsonl") != "" {
		res.Line = s.Line
	}
	return res
}

// place puts each of the sheet's answers by its question, in one pass
// (res.answerAt: the answer's index, -1 for none), and returns the
// problems of the answers to no question of the selection.
func (res *SheetResult) place(s *sheet.Sheet, sel *selection) (unknown []quiz.Problem) {
	answerAt := res.answerAt
	for i := range answerAt {
		answerAt[i] = -1
	}
	for k, a := range s.Answers {
		i, ok := sel.pos[a.ID]
		known := ok || sel.inBanks[a.ID]
		if !known {
			// A sheet made before a question was renamed: its old id
			// (former_ids) names the question.
			if _, q := quiz.FindQuestion(sel.banks, a.ID); q != nil {
				i, ok = sel.pos[q.ID]
				known = true
			}
		}
		if ok {
			// sheet.Read keeps one answer per question and reports the
			// others; this guards sheets built in code.
			if answerAt[i] >= 0 {
				res.Problems = append(res.Problems, quiz.Problem{File: s.File, Line: a.Value.Line, Question: a.ID,
					Msg: "answered twice; the first answer counts"})
				continue
			}
			answerAt[i] = k
		} else if !known {
			unknown = append(unknown, quiz.Problem{File: s.File, Line: a.Value.Line, Question: a.ID, Warning: true,
				Msg: "no such question in " + sel.bankList + "; answer ignored"})
		} else if strings.TrimSpace(a.Value.Verbatim()) != "" {
			// A question of the banks that the sheet's selection (its seed,
			// count, set, tags, difficulty, types) does not pick: most often a
			// seed or set typed wrong. The student's answer must not vanish
			// without a word; the message names every line that picks.
			unknown = append(unknown, quiz.Problem{File: s.File, Line: a.Value.Line, Question: a.ID,
				Msg: "answered, but not one of this sheet's questions (its seed, count, set, tags, difficulty and types pick others); not graded: check those lines of the sheet"})
		}
	}
	return unknown
}

// score reads and scores the answer to each question (placed by place),
// with its mark when the sheet holds one for an open answer.
func (res *SheetResult) score(s *sheet.Sheet, questions []*quiz.Question) {
	number := 0 // the question's number on the sheet and the paper
	why := make([]string, len(s.Marks))
	if len(s.Marks) > 0 {
		ids := make([]string, len(questions))
		for i, q := range questions {
			ids[i] = q.ID
		}
		for j, m := range s.Marks {
			why[j] = "it names no question of this sheet" + text.Suggest(m.ID, ids) + ", so it is not counted"
		}
	}
	for i, q := range questions {
		var r quiz.Response
		if q.Type != quiz.Info {
			number++
		}
		if k := res.answerAt[i]; k >= 0 {
			var probs []quiz.Problem
			r, probs = s.ReadAnswer(q, s.Answers[k].Value, number)
			res.Problems = append(res.Problems, probs...)
		}
		res.shown[i].Question = q
		o := quiz.Outcome{Question: &res.shown[i], Response: r, Fraction: quiz.Score(q, r)}
		for j, m := range s.Marks {
			// mark keys a mark as the sheet keys the answer: by the id it
			// was given under, a former id on an old sheet.
			if m.ID != q.ID && (res.answerAt[i] < 0 || m.ID != s.Answers[res.answerAt[i]].ID) {
				continue
			}
			switch {
			case q.Type != quiz.Open:
				why[j] = "it marks a question scored by its key, not an open one, so it is not counted"
			case !r.Answered:
				why[j] = "it marks an answer left blank, so it is not counted"
			case o.Mark == nil:
				why[j] = ""
				// The answer as read (ReadAnswer), which the results
				// show and mark ties its marks to.
				o.Mark = capMark(res, s.File, m.Line, q, m.Mark, r.Text)
			default: // by its id and by a former id
				why[j] = "the answer is marked twice (by its id and a former one); the first mark counts"
			}
		}
		res.Outcomes = append(res.Outcomes, o)
		res.Score += o.Points()
		res.Max += o.MaxPoints()
	}
	// A mark that marks no open answer was passed over without a word: a
	// misspelt id, a closed question, a blank answer (attack16 #3).
	for j, m := range s.Marks {
		if why[j] != "" {
			res.Problems = append(res.Problems, quiz.Problem{File: s.File, Line: m.Line, Question: m.ID, Warning: true, Msg: why[j]})
		}
	}
}

// capUnknown keeps the first quiz.MaxProblems problems of answers to no
// question and counts the rest: a sheet of a million made-up ids must not
// print a million lines.
func capUnknown(file string, unknown []quiz.Problem) []quiz.Problem {
	n := len(unknown)
	if n <= quiz.MaxProblems {
		return unknown
	}
	last := unknown[n-1]
	return append(unknown[:quiz.MaxProblems], quiz.Problem{File: file, Line: last.Line, Warning: true,
		Msg: fmt.Sprintf("... and %d more answers to no such question, ignored", n-quiz.MaxProblems)})
}

// selection is the questions a kind of sheet is graded on, with what grading
// each sheet needs to know about them, worked out once.
type selection struct {
	questions []*quiz.Question
	pos       map[string]int  // question id → its place in questions
	inBanks   map[string]bool // every id the banks have, selected or not
	banks     []*quiz.Bank    // for the ids the questions had before (FindQuestion)
	bankList  string          // the banks' ids, for messages
}

func (g *Grader) banksFor(s *sheet.Sheet) ([]*quiz.Bank, error) {
	if g.Banks != nil {
		return g.Banks, nil
	}
	if len(s.Banks) == 0 {
		return nil, fmt.Errorf("the sheet names no banks (add banks: [...] or grade with --bank)")
	}
	key := strings.Join(s.Banks, "\x00")
	if slices.ContainsFunc(s.Banks, quiz.IsPath) {
		key += "\x00" + filepath.Dir(s.File) // relative paths depend on where the sheet is
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if b, ok := g.banks[key]; ok {
		return b, nil
	}
	b, err := g.Load(s.Banks, s.File)
	if err != nil {
		return nil, err
	}
	if g.banks == nil {
		g.banks = map[string][]*quiz.Bank{}
	}
	g.banks[key] = b
	return b, nil
}

// questionsFor returns the questions a sheet is graded on, in the order the
// sheet's seed asked them (the banks' order without a seed): the selection the
// sheet records (or the Grader's Filter), else all.
func (g *Grader) questionsFor(s *sheet.Sheet, banks []*quiz.Bank) (*selection, error) {
	f := quiz.Filter{Count: s.Count, Tags: s.Tags, Difficulty: s.Difficulty, Types: s.Types, Set: s.Set}
	if g.Filter != nil {
		f = *g.Filter
	}
	var seed uint64
	if s.Seed != nil {
		seed = *s.Seed // the seed picks the questions and the order they were asked in
	}
	key := selectionKey{banks: banks[0], nbanks: len(banks), count: f.Count, tags: strings.Join(f.Tags, "\x00"), difficulty: f.Difficulty, types: strings.Join(f.Types, ","), set: f.Set, seed: seed}
	if len(banks) > 1 {
		key.more = strings.Join(bankIDs(banks), "\x00")
	}
	if m := g.sets.Load(); m != nil {
		if sel, ok := (*m)[key]; ok {
			return sel, nil
		}
	}
	picked, err := quiz.Pick(banks, f, seed)
	if err != nil {
		return nil, err
	}
	if err := quiz.CheckDistinctIDs(banks, picked); err != nil {
		return nil, err // one answer line would count for both questions
	}
	all := 0
	for _, b := range banks {
		all += len(b.Questions)
	}
	// Sized at once: grown from empty, the maps of a bank of 40 questions
	// were rebuilt five times over.
	sel := &selection{pos: make(map[string]int, len(picked)), inBanks: make(map[string]bool, all), banks: banks, bankList: strings.Join(bankIDs(banks), ", ")}
	for _, b := range banks {
		for _, q := range b.Questions {
			sel.inBanks[q.ID] = true
		}
	}
	sel.questions = picked
	if s.Seed == nil { // no order was shown: the banks' order
		order := make(map[*quiz.Question]int, all)
		for _, b := range banks {
			for _, q := range b.Questions {
				order[q] = len(order)
			}
		}
		sort.Slice(sel.questions, func(i, j int) bool { return order[sel.questions[i]] < order[sel.questions[j]] })
	}
	for i, q := range sel.questions {
		sel.pos[q.ID] = i
	}
	g.setMu.Lock()
	defer g.setMu.Unlock()
	// Copy on write, so that lookups from every core take no lock; bounded,
	// so that copying stays cheap.
	if old := g.sets.Load(); old == nil || len(*old) < maxSelections {
		m := make(map[selectionKey]*selection, 1+len(ptrMap(old)))
		for k, v := range ptrMap(old) {
			m[k] = v
		}
		m[key] = sel
		g.sets.Store(&m)
	}
	return sel, nil
}

func bankIDs(banks []*quiz.Bank) []string {
	out := make([]string, len(banks))
	for i, b := range banks {
		out[i] = b.ID
	}
	return out
}

// capMark counts a teacher's mark (conflictq mark) of an open answer, at most
// the question's points now: a mark given against a bank worth more is said
// where it is cut, not cut silently.
//
// A mark counts only beside the answer it was given for (its digest, see
// quiz.Mark.Fits): one left from before the answer changed is named and not
// counted, and the answer is to mark again. One without a digest (an older
// conflictq's, or written by hand) counts, with a warning naming it.
func capMark(res *SheetResult, file string, line int, q *quiz.Question, m quiz.Mark, answer string) *quiz.Mark {
	if why := m.Fits(answer); why != "" {
		res.Problems = append(res.Problems, quiz.Problem{File: file, Line: line, Question: q.ID, Warning: true, Msg: why})
		if !m.Counts(answer) {
			return nil
		}
	}
	if m.Points > q.Points {
		res.Problems = append(res.Problems, quiz.Problem{File: file, Line: line, Question: q.ID, Warning: true,
			Msg: fmt.Sprintf("marked %s points, but the question is worth %s in the bank graded with; counted as %s (grade with the --bank it was marked with to count it all)",
				text.FormatNum(m.Points), text.FormatNum(q.Points), text.FormatNum(q.Points))})
	}
	m.Points = max(0, min(q.Points, m.Points))
	return &m
}
