package quiz

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Filter chooses which questions a quiz asks.
type Filter struct {
	Tags       []string // keep questions with any of these tags (all when empty)
	Difficulty string   // keep questions of this difficulty (all when empty)
	Count      int      // ask at most this many (all when 0)
	// Types keeps questions of any of these type names (TypeNames): a
	// bank's type, or Closed for every type but open (all when empty).
	Types []string
	// Set, when not empty, names a question set: the questions are picked by
	// the set's name (SetSeed) and only their order by the seed, so a class
	// given one set gets the same questions, each student in an order (and
	// option order) of their own.
	Set string
}

// MaxSetName bounds a set's name, in characters.
const MaxSetName = 64

// CheckSetName refuses a set name that is empty (blank) or too long, or holds
// control characters: a set is named by a teacher, and recorded in reports
// and sheets.
func CheckSetName(name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return fmt.Errorf("a set needs a name, such as 9c or a date; it is empty")
	case utf8.RuneCountInString(name) > MaxSetName:
		return fmt.Errorf("a set's name has at most %d characters, not %d", MaxSetName, utf8.RuneCountInString(name))
	case !utf8.ValidString(name) || strings.ContainsFunc(name, unicode.IsControl):
		return fmt.Errorf("a set's name is text without control characters")
	}
	return nil
}

// SetSeed is the seed that picks a set's questions: the name, trimmed and
// case-folded (so "9C " and "9c" are one set), hashed. Any string names a set.
func SetSeed(name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte("conflictq set\x00" + strings.ToLower(strings.TrimSpace(name))))
	return h.Sum64()
}

// Closed names, for Filter.Types, every type of question but open: the
// questions a quiz marks itself, for a test a student takes alone.
const Closed = "closed"

// TypeNames are the names Filter.Types takes: Closed, then every type that
// asks for an answer (Types), open last. Written out, not made from Types,
// so that the package has no init (see lazy); a test checks they agree.
var TypeNames = []string{Closed, string(Single), string(Multi), string(TrueFalse), string(Short), string(Numeric), string(Order), string(Match), string(Open)}

// typeNamed reports whether a question of type t is of the type name names
// (TypeNames). Closed keeps info pages too: they go with the questions
// around them, as a tag keeps them.
func typeNamed(t Type, name string) bool {
	if name == Closed {
		return t != Open
	}
	return string(t) == name
}

// ParseTypes reads type names as a teacher gives them (--type closed,
// --type single,multi): each name or comma-separated list, in any case,
// trimmed; repeated names once. A name not in TypeNames is an error that
// lists them.
func ParseTypes(given []string) ([]string, error) {
	var out []string
	for _, g := range given {
		for name := range strings.SplitSeq(g, ",") {
			name = strings.ToLower(strings.TrimSpace(name))
			if name == "" {
				continue
			}
			if !slices.Contains(TypeNames, name) {
				return nil, fmt.Errorf("%q is not a question type: give %s (closed is every type but open)", name, strings.Join(TypeNames, ", "))
			}
			if !slices.Contains(out, name) {
				out = append(out, name)
			}
		}
	}
	if len(given) > 0 && len(out) == 0 {
		return nil, fmt.Errorf("no question type given: give %s", strings.Join(TypeNames, ", "))
	}
	return out, nil
}

// Presented is a question as one quiz shows it: Perm gives the display order of
// its options. Perm[k] is the index (in the bank's order) of the k-th option shown:
// of Choices for single and multi, of Items for order, of the right-hand sides
// for match. It is nil for types whose options are not shuffled.
type Presented struct {
	*Question
	Perm []int
}

// Options returns the option texts in display order.
func (p *Presented) Options() []string {
	switch p.Type {
	case Single, Multi:
		return permute(p.Choices, p.Perm)
	case TrueFalse:
		return []string{"True", "False"}
	case Order:
		return permute(p.Items, p.Perm)
	case Match:
		return permute(p.Rights(), p.Perm)
	}
	return nil
}

// Lefts returns the left-hand sides of a match question, in the bank's order.
func (p *Presented) Lefts() []string {
	out := make([]string, len(p.Pairs))
	for i, pr := range p.Pairs {
		out[i] = pr.Left
	}
	return out
}

func permute(list []string, perm []int) []string {
	if perm == nil {
		return list
	}
	out := make([]string, len(perm))
	for k, i := range perm {
		out[k] = list[i]
	}
	return out
}

// FromDisplay maps display positions back to the bank's indices.
func (p *Presented) FromDisplay(display []int) []int {
	out := make([]int, len(display))
	for k, d := range display {
		out[k] = d
		if p.Perm != nil && d >= 0 && d < len(p.Perm) {
			out[k] = p.Perm[d]
		}
		if p.Type == Match && d >= 0 {
			out[k] = p.pairOfRight(out[k])
		}
	}
	return out
}

// Select filters the banks' questions, shuffles them with seed, and takes
// f.Count of them. The same banks, filter and seed give the same questions in the
// same order with the same option order; a question's option order depends only on
// the seed and the question, so it is the same in every selection that includes it.
func Select(banks []*Bank, f Filter, seed uint64) ([]*Presented, error) {
	pool, err := Pick(banks, f, seed)
	if err != nil {
		return nil, err
	}
	return Present(pool, seed), nil
}

// Present shows questions in the order given, their options shuffled by seed
// as Select does: for a spaced review, which chooses its own order.
func Present(questions []*Question, seed uint64) []*Presented {
	out := make([]*Presented, len(questions))
	for i, q := range questions {
		out[i] = &Presented{Question: q, Perm: optionOrder(q, seed)}
	}
	return out
}

// Match reports whether the filter keeps q (its tags, difficulty and type;
// Count is for Select).
func (f Filter) Match(q *Question) bool {
	if f.Difficulty != "" && !strings.EqualFold(q.Difficulty, f.Difficulty) {
		return false
	}
	if len(f.Types) > 0 && !slices.ContainsFunc(f.Types, func(name string) bool { return typeNamed(q.Type, name) }) {
		return false
	}
	return len(f.Tags) == 0 || slices.ContainsFunc(f.Tags, q.HasTag)
}

// Pick filters, shuffles and takes f.Count questions as Select does, without
// working out their option orders (grading needs those only for answers given
// by number). With f.Set, the set's name picks the questions and seed only
// shuffles their order.
func Pick(banks []*Bank, f Filter, seed uint64) ([]*Question, error) {
	if f.Set == "" {
		return pick(banks, f, seed, false)
	}
	pool, err := pick(banks, f, SetSeed(f.Set), true)
	if err != nil {
		return nil, err
	}
	shuffle(pool, seed)
	return pool, nil
}

func shuffle(pool []*Question, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 0x636f6e666c696374)) // "conflict"
	r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
}

// pick filters and shuffles the pool. With byName, the pool is first put in
// the order of its banks' names and questions' SeedIDs, so that a set's
// questions do not depend on the order the banks were named in (--bank a
// --bank b or b, a), nor change when a question is renamed.
func pick(banks []*Bank, f Filter, seed uint64, byName bool) ([]*Question, error) {
	var pool []*Question
	for _, b := range banks {
		for _, q := range b.Questions {
			if f.Match(q) {
				pool = append(pool, q)
			}
		}
	}
	if len(pool) == 0 {
		return nil, fmt.Errorf("no questions match%s", describeFilter(f))
	}
	if byName {
		slices.SortStableFunc(pool, func(a, b *Question) int {
			return cmp.Or(strings.Compare(a.Bank, b.Bank), strings.Compare(a.SeedID(), b.SeedID()))
		})
	}
	shuffle(pool, seed)
	if f.Count > 0 && f.Count < len(pool) {
		pool = pool[:f.Count]
	}
	return pool, nil
}

func describeFilter(f Filter) string {
	var parts []string
	if len(f.Tags) > 0 {
		parts = append(parts, "tag "+strings.Join(f.Tags, " or "))
	}
	if f.Difficulty != "" {
		parts = append(parts, "difficulty "+f.Difficulty)
	}
	if len(f.Types) > 0 {
		parts = append(parts, "type "+strings.Join(f.Types, " or "))
	}
	if len(parts) == 0 {
		return ""
	}
	return " " + strings.Join(parts, " and ")
}

// OptionOrder returns the order q's options are shown in under seed (see
// Presented.Perm), nil for types whose options are not shuffled. The slice is
// shared: do not change it.
func (q *Question) OptionOrder(seed uint64) []int {
	if p := q.cachedPerm(seed); p != nil {
		return p
	}
	p := optionOrder(q, seed) // about a microsecond: worth caching only for a class's few seeds
	if p != nil {
		q.cachePerm(seed, p)
	}
	return p
}

// optionOrder shuffles a question's options from the seed and the question's
// identity alone (its bank and SeedID, so that a rename keeps the order).
// Order and match never start out already solved.
func optionOrder(q *Question, seed uint64) []int {
	var n int
	switch q.Type {
	case Single, Multi:
		n = len(q.Choices)
	case Order:
		n = len(q.Items)
	case Match:
		n = len(q.Rights())
	default:
		return nil
	}
	h := fnv.New64a()
	h.Write([]byte(q.Bank + "\x00" + q.SeedID()))
	r := rand.New(rand.NewPCG(seed, h.Sum64()))
	perm := r.Perm(n)
	if (q.Type == Order || q.Type == Match) && n > 1 && isIdentity(perm) {
		// Rotate by one: still seeded, never the answer.
		perm = append(perm[1:], perm[0])
	}
	return perm
}

func isIdentity(perm []int) bool {
	for i, v := range perm {
		if i != v {
			return false
		}
	}
	return true
}

// BanksOf returns the banks, of banks, that questions come from, in the
// order of banks.
func BanksOf(banks []*Bank, questions []*Presented) []*Bank {
	used := map[string]bool{}
	for _, q := range questions {
		used[q.Bank] = true
	}
	var out []*Bank
	for _, b := range banks {
		if used[b.ID] {
			out = append(out, b)
		}
	}
	return out
}

// BankIDs are the banks' ids, in order.
func BankIDs(banks []*Bank) []string {
	ids := make([]string, len(banks))
	for i, b := range banks {
		ids[i] = b.ID
	}
	return ids
}

// Ref names a question as a report records it: its bank's id and its id.
type Ref struct{ Bank, ID string }

// Reselect gives the questions a quiz asked, in the order it asked them, with
// their options shuffled by seed as Select shuffles them. selected reports
// whether Select with seed, the filter f the quiz recorded (its set,
// types, tags and difficulty) and a count of len(asked) picks exactly these, in this order: a
// sheet can then record the selection, so that grading it asks the same
// questions. A question the banks no longer have is an error.
func Reselect(banks []*Bank, asked []Ref, f Filter, seed uint64) (qs []*Presented, selected bool, err error) {
	f.Count = len(asked)
	if picked, err := Select(banks, f, seed); err == nil && len(picked) == len(asked) {
		same := true
		for i, p := range picked {
			// A report made before a rename names the question by a former id.
			same = same && p.Bank == asked[i].Bank && (p.ID == asked[i].ID || slices.Contains(p.FormerIDs, asked[i].ID))
		}
		if same {
			return picked, true, nil
		}
	}
	picked := make([]*Question, 0, len(asked))
	for _, a := range asked {
		var q *Question
		for _, b := range banks {
			if b.ID == a.Bank {
				q = b.Question(a.ID)
			}
		}
		if q == nil {
			return nil, false, fmt.Errorf("question %s of bank %s is not in the banks any more", a.ID, a.Bank)
		}
		picked = append(picked, q)
	}
	return Present(picked, seed), false, nil
}
