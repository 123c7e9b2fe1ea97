package quiz

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/conflictq/conflictq/quiz/internal/yamlnode"
	"github.com/conflictq/conflictq/quiz/text"
)

// Type names a kind of question.
type Type string

// The question types a bank may use.
const (
	Single    Type = "single"    // one right choice
	Multi     Type = "multi"     // several right choices, partial credit
	TrueFalse Type = "truefalse" // a statement to judge
	Short     Type = "short"     // a few words, several accepted forms
	Numeric   Type = "numeric"   // a number within a tolerance
	Order     Type = "order"     // put items in sequence
	Match     Type = "match"     // pair left items with right items
	Open      Type = "open"      // free text, not auto-graded
	// Info is a page to read, with no answer and no score (GIFT's "description").
	Info Type = "info"
)

// Types lists every type that asks for an answer, in the order the
// documentation gives them; Info pages come on top of these.
var Types = []Type{Single, Multi, TrueFalse, Short, Numeric, Order, Match, Open}

// Difficulty levels a question may declare.
var Difficulties = []string{"easy", "medium", "hard"}

// Bank is a named set of questions.
type Bank struct {
	ID          string
	Title       string
	Description string
	Questions   []*Question
	// File is where the bank was read from (an embedded name or a path), for messages.
	File string

	byID atomic.Pointer[questionIndex] // built on first use

	// digests are Digest of digested (the Questions the bank was loaded
	// with, in a slice of their own) together, then of each, when the
	// Library had them computed at build time (Library.CompiledDigests).
	digests  []string
	digested []*Question
}

// Digest returns Digest(b.Questions...), the version of the bank that
// reports and histories record, computed once at build time for a built-in
// bank whose questions are still those it was loaded with.
func (b *Bank) Digest() string {
	if len(b.digests) > 0 && slices.Equal(b.digested, b.Questions) {
		return b.digests[0]
	}
	return Digest(b.Questions...)
}

// QuestionDigest returns Digest(b.Questions[i]), the version of a question
// that a history records, computed once at build time for a built-in bank's
// question.
func (b *Bank) QuestionDigest(i int) string {
	if q := b.Questions[i]; i < len(b.digested) && b.digested[i] == q {
		return b.digests[i+1]
	}
	return Digest(b.Questions[i])
}

// Question returns the question with the given id or, when no question has
// that id now, the question that had it (its FormerIDs): a sheet or report
// made before a question was renamed names it by its old id, and its answer
// is that question's. nil when neither. It is the one lookup of a question
// by id that grading, marking and re-selecting share; across several banks,
// FindQuestion.
func (b *Bank) Question(id string) *Question {
	idx := b.index()
	if q := idx.current[id]; q != nil {
		return q
	}
	return idx.former[id]
}

// FindQuestion returns the bank and question that id names among banks, as
// a sheet (which names answers by id alone) is read: a question's current id
// in any bank first, then a former id (Bank.Question), in the banks' order.
// nil, nil when no bank has it.
func FindQuestion(banks []*Bank, id string) (*Bank, *Question) {
	for _, b := range banks {
		if q := b.index().current[id]; q != nil {
			return b, q
		}
	}
	for _, b := range banks {
		if q := b.index().former[id]; q != nil {
			return b, q
		}
	}
	return nil, nil
}

// questionIndex finds a bank's questions by id, and by former id.
type questionIndex struct {
	current, former map[string]*Question
}

func (b *Bank) index() *questionIndex {
	if idx := b.byID.Load(); idx != nil {
		return idx
	}
	idx := &questionIndex{current: make(map[string]*Question, len(b.Questions))}
	for _, q := range b.Questions {
		idx.current[q.ID] = q
	}
	for _, q := range b.Questions {
		for _, f := range q.FormerIDs {
			if _, taken := idx.current[f]; taken {
				continue // the validator refuses it; a current id wins
			}
			if idx.former == nil {
				idx.former = map[string]*Question{}
			}
			if _, taken := idx.former[f]; !taken {
				idx.former[f] = q
			}
		}
	}
	b.byID.Store(idx)
	return idx
}

// TagCounts counts the questions of banks that have each tag: the tags there
// are to choose from (--tag), and how many questions each would pick.
func TagCounts(banks ...*Bank) map[string]int {
	counts := map[string]int{}
	for _, b := range banks {
		for _, q := range b.Questions {
			for _, t := range q.Tags {
				counts[t]++
			}
		}
	}
	return counts
}

// Source says where in the article a question's answer stands.
type Source struct {
	Section   string `yaml:"section" json:"section"`
	Paragraph int    `yaml:"paragraph,omitempty" json:"paragraph,omitempty"`
	Quote     string `yaml:"quote,omitempty" json:"quote,omitempty"`
}

// IsZero reports whether no citation was given.
func (s Source) IsZero() bool { return s.Section == "" && s.Paragraph == 0 && s.Quote == "" }

// String renders the citation the way feedback shows it:
// Survivors await justice, ¶4: "…".
func (s Source) String() string {
	if s.IsZero() {
		return ""
	}
	// Without fmt: every export writes one for each question.
	var b strings.Builder
	b.Grow(len(s.Section) + len(s.Quote) + 16)
	b.WriteString(s.Section)
	if s.Paragraph > 0 {
		b.WriteString(", ¶")
		b.WriteString(strconv.Itoa(s.Paragraph))
	}
	if s.Quote != "" {
		b.WriteString(": “")
		b.WriteString(s.Quote)
		b.WriteString("”")
	}
	return b.String()
}

// articleSections are the article's sections in reading order (see
// docs/article-sections.md).
var articleSections = []string{"Introduction", "Animosity runs deep", "UN resolution", "Survivors await justice", "Questions", "About the author"}

// sectionTags are text.Slug and text.Normalize of each of articleSections,
// written out: TagLabel compares every tag with them, and folding the six
// headings for each label was most of what labelling a quiz's tags cost
// (TestSectionTags checks them).
var sectionTags = [...]struct{ slug, key string }{
	{"introduction", "introduction"},
	{"animosity-runs-deep", "animosity runs deep"},
	{"un-resolution", "un resolution"},
	{"survivors-await-justice", "survivors await justice"},
	{"questions", "questions"},
	{"about-the-author", "about the author"},
}

// CompareSources orders citations as the article is read: by section, then
// paragraph. A section the article does not have (a bank on another text)
// comes after the article's own, and such sections keep their order (0).
func CompareSources(a, b Source) int {
	ia, ib := slices.Index(articleSections, a.Section), slices.Index(articleSections, b.Section)
	if ia < 0 || ib < 0 {
		switch {
		case ia >= 0:
			return -1
		case ib >= 0:
			return 1
		case a.Section != b.Section:
			return 0
		}
	} else if ia != ib {
		return ia - ib
	}
	return a.Paragraph - b.Paragraph
}

// TagLabel is how a tag reads to a person, in one style, the article's
// headings': a tag named after one of the article's sections is that
// section's heading (un-resolution → "UN resolution"), and any other has
// spaces for its hyphens and a capital first letter (since-2020 → "Since
// 2020", recall → "Recall"), so that a list of tags does not mix the two
// (teacher3 P3).
func TagLabel(tag string) string {
	key := TagKey(tag)
	for i, s := range articleSections {
		if sectionTags[i].slug == tag || sectionTags[i].key == key {
			return s
		}
	}
	label := strings.ReplaceAll(tag, "-", " ")
	if r, size := utf8.DecodeRuneInString(label); size > 0 && r != utf8.RuneError {
		label = string(unicode.ToUpper(r)) + label[size:]
	}
	return label
}

// TagKey is what tags that read alike share: recall and Recall,
// un-resolution and "UN resolution" (case, hyphens, spaces and marks
// folded, as Normalize folds them). Every table that groups by tag groups
// by it, so that two such tags are one row or column, not two with the same
// heading; the group's label is TagLabel of the first tag met.
func TagKey(tag string) string {
	if k := text.Normalize(tag); k != "" {
		return k
	}
	return tag
}

// CompareTags orders tags as the tables list them: by TagKey, numbers by
// value (T2 before T10).
func CompareTags(a, b string) int {
	return text.NaturalCompare(TagKey(a), TagKey(b))
}

// UniqueTags is tags with those that read alike (TagKey) given once: a
// question tagged recall and Recall counts once, under the one row.
func UniqueTags(tags []string) []string {
	for i := 1; i < len(tags); i++ {
		for j := range i {
			if TagKey(tags[i]) == TagKey(tags[j]) {
				out := slices.Clone(tags[:i])
				for _, t := range tags[i:] {
					if !slices.ContainsFunc(out, func(o string) bool { return TagKey(o) == TagKey(t) }) {
						out = append(out, t)
					}
				}
				return out
			}
		}
	}
	return tags
}

// TagLabels is TagLabel of each tag.
func TagLabels(tags []string) []string {
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = TagLabel(t)
	}
	return out
}

// Pair is one left/right pair of a match question.
type Pair struct {
	Left  string `yaml:"left" json:"left"`
	Right string `yaml:"right" json:"right"`
}

// Number is one more accepted answer of a numeric question.
type Number struct {
	Value  float64 `yaml:"answer" json:"answer"`
	Tol    float64 `yaml:"tolerance,omitempty" json:"tolerance,omitempty"`
	Credit float64 `yaml:"credit" json:"credit"`
	// Any is Moodle's * answer: any number at all (Value and Tol unused),
	// written answer: "*". It goes last, for what no other answer takes.
	Any bool `yaml:"-" json:"-"`
}

// numberDoc is a Number as bank files write it: answer is "*" for Any.
type numberDoc struct {
	Value  any     `yaml:"answer" json:"answer"`
	Tol    float64 `yaml:"tolerance,omitempty" json:"tolerance,omitempty"`
	Credit float64 `yaml:"credit" json:"credit"`
}

func (n Number) doc() numberDoc {
	if n.Any {
		return numberDoc{Value: "*", Credit: n.Credit}
	}
	return numberDoc{Value: n.Value, Tol: n.Tol, Credit: n.Credit}
}

// MarshalYAML writes answer: "*" for Any.
func (n Number) MarshalYAML() (any, error) { return n.doc(), nil }

// MarshalJSON writes "answer": "*" for Any.
func (n Number) MarshalJSON() ([]byte, error) { return json.Marshal(n.doc()) }

// MaxQuestions bounds a bank: far more than any quiz asks, and few enough
// that a file of a million questions is refused while it is read.
const MaxQuestions = 10_000

// TooManyQuestions is what an importer says, and where it stops reading, when
// a file holds more than MaxQuestions questions: the same words for every
// format.
func TooManyQuestions() string {
	return fmt.Sprintf("more than %d questions; a bank holds at most %d (split the file)", MaxQuestions, MaxQuestions)
}

// MaxYAMLItems bounds the lines and commas of any YAML file conflictq reads
// (bank, sheet, settings), counted before it is parsed.
const MaxYAMLItems = yamlnode.MaxItems

// YAMLItems counts the lines and commas of a YAML file, as the readers do
// against MaxYAMLItems.
func YAMLItems(data []byte) int { return yamlnode.Items(data) }

// ExplanationLabel labels an open question's explanation wherever a student
// reads it after the answer (the feedback on screen, --plain, the exam's
// review, the HTML review page): with no label students read it as part of
// the short answer above it (teacher16 A1). It says what the paragraph is
// and no more: some explanations are advice on how to answer, others an
// argument and its reply. A closed question's explanation follows the
// right answer and needs none.
const ExplanationLabel = "Explanation:"

// Question is one question of a bank. Which answer fields are set depends on Type.
type Question struct {
	ID string
	// Name is the question's name where it is not its id: a Moodle
	// question's name (a GIFT ::title::, Moodle XML's <name>), kept so
	// that an export gives it back. Shown nowhere else.
	Name        string
	Bank        string // the bank's id
	Type        Type
	Prompt      string
	Explanation string
	Source      Source
	Difficulty  string
	Tags        []string
	Points      float64
	// FormerIDs are ids the question had before it was renamed
	// (former_ids in a bank file): an answer a sheet or report gives under
	// one of them is this question's answer (Bank.Question).
	FormerIDs []string

	Choices []string // single, multi
	Correct []int    // single (one), multi: indices into Choices
	Truth   bool     // truefalse
	Accept  []string // short
	Value   float64  // numeric
	Tol     float64  // numeric tolerance
	Unit    string   // numeric, optional label
	Items   []string // order, in the right order
	Pairs   []Pair   // match
	Model   string   // open: model answer
	// Plain is an open question's model answer in plain words for the
	// screen (B1 English, a few short sentences); Model stays the full one
	// for the key, the report and marking. Empty: the screen shows Model.
	Plain string
	// PlainKey are the key points in plain words, one for each of Key and
	// in the same order, for the student's self-check on screen; Key stays
	// for marking, the key and the report. Empty: the screen shows Key.
	PlainKey []string
	Key      []string // open: key points

	// Credit is each answer's share of the points, as Moodle's answer
	// weights give it: parallel to Choices (single, multi; from -1 to 1) or
	// to Accept (short; from 0 to 1). nil means the defaults (see
	// ChoiceCredit and AcceptCredit), which score as before credit existed.
	Credit []float64
	// Numbers are a numeric question's other accepted numbers, tried in
	// order after Value ± Tol (which earns full credit).
	Numbers []Number
	// Exact turns off a short answer's one-typo tolerance (typos: 0 in a
	// bank file). Imported banks are exact, as Moodle marks them.
	Exact bool

	// Line is the question's line in its bank file (0 when unknown).
	Line int

	fold  atomic.Pointer[folded]     // the options normalised, computed on first use
	perms atomic.Pointer[[]seedPerm] // option orders for the seeds met lately
	// readOnce is set by the first answer read without fold (foldLazily).
	readOnce atomic.Bool
}

// SeedID is the id that seeds the question's place in a paper: its option
// order under a seed, and its place in a set's pool. It is the first of
// FormerIDs (the id the question was first given) when it has former ids,
// else its id. Renaming a question must not reshuffle anyone's paper: a
// sheet printed before the rename showed the options in the order its
// letters are read against, and a set picked its questions by this order.
// Display, reports and lookups use ID.
func (q *Question) SeedID() string {
	if len(q.FormerIDs) > 0 {
		return q.FormerIDs[0]
	}
	return q.ID
}

// seedPerm is one cached option order.
type seedPerm struct {
	seed uint64
	perm []int
}

// cachedPerm returns the option order for seed if it is cached. A class
// shares a handful of seeds; a short list beats hashing for each answer.
func (q *Question) cachedPerm(seed uint64) []int {
	if list := q.perms.Load(); list != nil {
		for _, sp := range *list {
			if sp.seed == seed {
				return sp.perm
			}
		}
	}
	return nil
}

// cachePerm remembers up to 32 seeds' option orders (copy on write, so that
// readers on other cores need no lock; a lost race only loses a cache entry).
func (q *Question) cachePerm(seed uint64, perm []int) {
	old := q.perms.Load()
	var list []seedPerm
	if old != nil {
		if len(*old) >= 32 {
			return
		}
		list = append(list, *old...)
	}
	list = append(list, seedPerm{seed, perm})
	q.perms.CompareAndSwap(old, &list)
}

// StudentKey is an open question's key points as the student reads them:
// the plain points when the bank gives them, else the key points. Either
// way the list has one item for each of Key, in its order, so that a tick
// on item i is a tick on Key[i] (self_check_points count into Key).
func (q *Question) StudentKey() []string {
	if len(q.PlainKey) == len(q.Key) && len(q.PlainKey) > 0 {
		return q.PlainKey
	}
	return q.Key
}

// Graded reports whether the question is scored automatically.
func (q *Question) Graded() bool { return q.Type != Open && q.Type != Info }

// MaxPoints is what the question adds to the maximum score: its points when it
// is auto-graded, else 0.
func (q *Question) MaxPoints() float64 {
	if !q.Graded() {
		return 0
	}
	return q.Points
}

// SaysHowToAnswer reports whether the prompt itself already tells the student
// how to answer ("Choose all that apply."), so that the quiz screen and the
// worksheet do not add their own hint a second time.
func (q *Question) SaysHowToAnswer() bool {
	return q.Type == Multi && strings.Contains(strings.ToLower(q.Prompt), "all that apply")
}

// HasTag reports whether the question carries tag (compared case-insensitively).
func (q *Question) HasTag(tag string) bool {
	for _, t := range q.Tags {
		if strings.EqualFold(t, tag) {
			return true
		}
	}
	return false
}

// ChoiceCredit is what choosing choice i earns (single, multi). Without
// Credit: 1 for a single question's answer and 0 for the others; 1/k for each
// of a multi question's k right choices and −1/k for each wrong one, so that
// (right picks − wrong picks) ÷ k is the score.
func (q *Question) ChoiceCredit(i int) float64 {
	if q.Credit != nil {
		if i >= 0 && i < len(q.Credit) {
			return q.Credit[i]
		}
		return 0
	}
	right := slices.Contains(q.Correct, i)
	switch {
	case q.Type == Multi && len(q.Correct) > 0 && right:
		return 1 / float64(len(q.Correct))
	case q.Type == Multi && len(q.Correct) > 0:
		return -1 / float64(len(q.Correct))
	case right:
		return 1
	}
	return 0
}

// AcceptCredit is what the short question's accepted answer i earns: 1
// unless Credit says less.
func (q *Question) AcceptCredit(i int) float64 {
	if q.Credit != nil && i >= 0 && i < len(q.Credit) {
		return q.Credit[i]
	}
	return 1
}

// Rights returns a match question's right-hand sides without repeats, in the
// order they first appear. Several left items may share a right side (the
// months of one season); it is offered once, as Moodle offers it.
func (q *Question) Rights() []string {
	out := make([]string, 0, len(q.Pairs))
	for _, p := range q.Pairs {
		if !slices.Contains(out, p.Right) {
			out = append(out, p.Right)
		}
	}
	return out
}

// RightOf returns the index in Rights of pair i's right side.
func (q *Question) RightOf(i int) int {
	if i < 0 || i >= len(q.Pairs) {
		return -1
	}
	return slices.Index(q.Rights(), q.Pairs[i].Right)
}

// pairOfRight returns the first pair whose right side is Rights()[u], or -1:
// what a response records for a left item matched with right side u.
func (q *Question) pairOfRight(u int) int { return q.pairOfRightIn(q.Rights(), u) }

// pairOfRightIn is pairOfRight with q.Rights() at hand.
func (q *Question) pairOfRightIn(rights []string, u int) int {
	if u < 0 || u >= len(rights) {
		return -1
	}
	return slices.IndexFunc(q.Pairs, func(p Pair) bool { return p.Right == rights[u] })
}
