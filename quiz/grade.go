package quiz

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// SheetResult is one graded answer sheet.
type SheetResult struct {
	File     string
	Line     int // the sheet's line in a JSON-lines file, else 0
	Student  string
	Banks    []string
	Outcomes []Outcome
	Score    float64
	Max      float64
	Percent  float64
	Passed   *bool // nil without a pass mark
	// Problems are answers that could not be read (errors: they score 0, and
	// the batch ends with exit status 2) and answers to unknown questions
	// (warnings).
	Problems []Problem
}

// Unreadable counts the answers that could not be read.
func (r *SheetResult) Unreadable() int {
	n := 0
	for _, p := range r.Problems {
		if !p.Warning {
			n++
		}
	}
	return n
}

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
	Banks []*Bank
	// Load returns the banks a sheet names (cached by the Grader).
	Load func(refs []string) ([]*Bank, error)
	// Filter, when set, overrides the selection a sheet records.
	Filter *Filter
	// Pass is the pass mark in percent, or nil.
	Pass *float64

	mu     sync.Mutex
	banks  map[string][]*Bank
	sets   sync.Map // selection key → []*Question
	common atomic.Pointer[map[string]string]
	permMu sync.RWMutex
	perms  map[permKey][]int // option orders, which a class's sheets share
}

type permKey struct {
	q    *Question
	seed uint64
}

// maxPerms bounds the option-order cache: a batch where every sheet has its
// own seed gains nothing from it and must not grow it without end.
const maxPerms = 1 << 16

// perm returns q's option order for a sheet's seed, computing each once.
func (g *Grader) perm(q *Question, seed *uint64) []int {
	if seed == nil {
		return nil
	}
	key := permKey{q, *seed}
	g.permMu.RLock()
	p, ok := g.perms[key]
	g.permMu.RUnlock()
	if ok {
		return p
	}
	p = optionOrder(q, *seed)
	g.permMu.Lock()
	if g.perms == nil {
		g.perms = map[permKey][]int{}
	}
	if len(g.perms) < maxPerms {
		g.perms[key] = p
	}
	g.permMu.Unlock()
	return p
}

// Intern returns s as a string, sharing the copy when s is a question id or an
// option's text from a bank graded so far: in a batch those recur in every
// sheet, and not copying them halves the garbage grading makes.
func (g *Grader) Intern(b []byte) string {
	if m := g.common.Load(); m != nil {
		if s, ok := (*m)[string(b)]; ok { // this lookup does not allocate
			return s
		}
	}
	return string(b)
}

// learn adds the banks' ids and option texts to the interned strings.
func (g *Grader) learn(banks []*Bank) {
	m := map[string]string{}
	if old := g.common.Load(); old != nil {
		for k, v := range *old {
			m[k] = v
		}
	}
	add := func(s string) { m[s] = s }
	for _, b := range banks {
		for _, q := range b.Questions {
			add(q.ID)
			for _, c := range q.Choices {
				add(c)
			}
			for _, it := range q.Items {
				add(it)
			}
			for _, p := range q.Pairs {
				add(p.Left)
				add(p.Right)
			}
			for _, a := range q.Accept {
				add(a)
			}
		}
	}
	g.common.Store(&m)
}

// Grade scores one sheet. It fails only when the sheet's banks cannot be had;
// answers that cannot be read are warnings and score 0.
func (g *Grader) Grade(s *Sheet) (*SheetResult, error) {
	banks, err := g.banksFor(s)
	if err != nil {
		return nil, err
	}
	questions, err := g.questionsFor(s, banks)
	if err != nil {
		return nil, err
	}
	res := &SheetResult{File: s.File, Student: s.Student, Banks: bankIDs(banks), Outcomes: make([]Outcome, 0, len(questions))}
	shown := make([]Presented, len(questions)) // one allocation, not one per question
	if strings.HasSuffix(s.File, ".jsonl") || s.File == "-" {
		res.Line = s.Line
	}
	perms := func(q *Question) []int { return g.perm(q, s.Seed) }
	for i, q := range questions {
		r, prob := s.response(q, perms)
		if prob != nil {
			res.Problems = append(res.Problems, *prob)
		}
		shown[i].Question = q
		o := Outcome{Question: &shown[i], Response: r, Fraction: Score(q, r)}
		res.Outcomes = append(res.Outcomes, o)
		res.Score += o.Points()
		res.Max += q.MaxPoints()
	}
	for _, id := range s.ids {
		known := false
		for _, b := range banks {
			known = known || b.Question(id) != nil
		}
		if !known {
			res.Problems = append(res.Problems, Problem{File: s.File, Line: s.AnswerLine(id), Question: id, Warning: true,
				Msg: "no such question in " + strings.Join(bankIDs(banks), ", ") + "; answer ignored"})
		}
	}
	res.Score = round2(res.Score)
	res.Percent = percent(res.Score, res.Max)
	if g.Pass != nil && res.Max > 0 { // with nothing marked automatically, nothing to pass
		passed := res.Percent >= *g.Pass
		res.Passed = &passed
	}
	return res, nil
}

func (g *Grader) banksFor(s *Sheet) ([]*Bank, error) {
	if g.Banks != nil {
		if g.common.Load() == nil {
			g.mu.Lock()
			if g.common.Load() == nil {
				g.learn(g.Banks)
			}
			g.mu.Unlock()
		}
		return g.Banks, nil
	}
	if len(s.Banks) == 0 {
		return nil, fmt.Errorf("the sheet names no banks (add banks: [...] or grade with --bank)")
	}
	key := strings.Join(s.Banks, "\x00")
	g.mu.Lock()
	defer g.mu.Unlock()
	if b, ok := g.banks[key]; ok {
		return b, nil
	}
	b, err := g.Load(s.Banks)
	if err != nil {
		return nil, err
	}
	if g.banks == nil {
		g.banks = map[string][]*Bank{}
	}
	g.banks[key] = b
	g.learn(b)
	return b, nil
}

// questionsFor returns the questions a sheet is graded on, in the banks'
// order: the selection the sheet records (or the Grader's Filter), else all.
func (g *Grader) questionsFor(s *Sheet, banks []*Bank) ([]*Question, error) {
	f := Filter{Count: s.Count, Tags: s.Tags, Difficulty: s.Difficulty}
	if g.Filter != nil {
		f = *g.Filter
	}
	var seed uint64
	if s.Seed != nil {
		seed = *s.Seed
	}
	key := fmt.Sprintf("%s|%d|%s|%s|%d", strings.Join(bankIDs(banks), ","), f.Count, strings.Join(f.Tags, ","), f.Difficulty, seed)
	if qs, ok := g.sets.Load(key); ok {
		return qs.([]*Question), nil
	}
	presented, err := Select(banks, f, seed)
	if err != nil {
		return nil, err
	}
	order := map[*Question]int{}
	n := 0
	for _, b := range banks {
		for _, q := range b.Questions {
			order[q] = n
			n++
		}
	}
	qs := make([]*Question, len(presented))
	for i, p := range presented {
		qs[i] = p.Question
	}
	sort.Slice(qs, func(i, j int) bool { return order[qs[i]] < order[qs[j]] })
	g.sets.Store(key, qs)
	return qs, nil
}
