package quiz

import (
	"github.com/conflictq/conflictq/quiz/internal/lazy"
	"math"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/conflictq/conflictq/quiz/text"
)

// Score returns the share of the question's points a response earns, from 0 to 1.
// Open questions are not auto-graded and always score 0; see Question.Graded.
func Score(q *Question, r Response) float64 {
	if !r.Answered {
		return 0
	}
	switch q.Type {
	case Single:
		return scoreSingle(q, r)
	case Multi:
		return scoreMulti(q, r)
	case TrueFalse:
		return scoreTrueFalse(q, r)
	case Short:
		return scoreShort(q, r)
	case Numeric:
		return scoreNumeric(q, r)
	case Order:
		return scoreOrder(q, r)
	case Match:
		return scoreMatch(q, r)
	}
	return 0
}

func scoreSingle(q *Question, r Response) float64 {
	if len(r.Choices) != 1 || r.Choices[0] < 0 || r.Choices[0] >= len(q.Choices) {
		return 0
	}
	return clamp01(q.ChoiceCredit(r.Choices[0]))
}

// scoreMulti adds the credit of each choice picked, as Moodle does, within 0
// and 1. By default a right choice earns 1/k and a wrong one costs 1/k (k
// right choices), so ticking every box earns nothing.
func scoreMulti(q *Question, r Response) float64 {
	if len(q.Correct) == 0 {
		return 0
	}
	sum := 0.0
	seen := map[int]bool{}
	for _, c := range r.Choices {
		if seen[c] || c < 0 || c >= len(q.Choices) {
			continue
		}
		seen[c] = true
		sum += q.ChoiceCredit(c)
	}
	// Sums of thirds fall a hair short of 1.
	if math.Abs(sum-1) < 1e-9 {
		sum = 1
	}
	return clamp01(sum)
}

func clamp01(v float64) float64 { return math.Max(0, math.Min(1, v)) }

func scoreTrueFalse(q *Question, r Response) float64 {
	if r.Bool == q.Truth {
		return 1
	}
	return 0
}

func scoreShort(q *Question, r Response) float64 {
	if i := matchShort(q, r.Text); i >= 0 {
		return clamp01(q.AcceptCredit(i))
	}
	return 0
}

// matchShort returns the first accepted answer the text matches, or -1. An
// Exact question (typos: 0, and every imported one) compares as Moodle does
// (moodleMatch); otherwise: as written, then once folded (Normalize), then by
// Moodle's * wildcard, then with one typo; and last, an answer that gives
// several accepted answers at once (matchShortParts).
func matchShort(q *Question, given string) int {
	if q.Exact {
		return moodleMatch(q, given)
	}
	if i := matchShortWhole(q, given); i >= 0 {
		return i
	}
	return matchShortParts(q, given)
}

// shortPartSeps split an answer that names one thing in several ways, as
// the bank writes both names: "Khojaly (Xocalı)", "Khojaly / Xocalı",
// "Khojaly or Xocali", "Khojaly, Xocali", "Khojaly; Xocalı", "Khojaly and
// Xocalı", "Khojaly - Xocalı" (a dash with spaces round it: never the
// hyphen of "Nagorno-Karabakh").
var shortPartSeps = &lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)[()\[\]/,;]|\s+(?:or|and|[-–—])\s+`)
}}

// matchShortParts is matchShort for an answer written as several parts
// (shortPartSeps) each of which is an accepted answer of q as matchShort
// reads it alone: the accepted answer of the part that earns least, so
// that a hedge with a part of lower credit earns that credit; -1 when a
// part is not accepted ("Khojaly or Stepanakert") or there is only one.
func matchShortParts(q *Question, given string) int {
	pieces := shortPartSeps.Get().Split(given, -1)
	if len(pieces) < 2 {
		return -1
	}
	least, parts := -1, 0
	for _, p := range pieces {
		if strings.TrimSpace(p) == "" {
			continue
		}
		parts++
		i := matchShortWhole(q, p)
		if i < 0 {
			return -1
		}
		if least < 0 || q.AcceptCredit(i) < q.AcceptCredit(least) {
			least = i
		}
	}
	if parts < 2 {
		return -1
	}
	return least
}

// matchShortWhole is matchShort for the answer as one text.
func matchShortWhole(q *Question, given string) int {
	if i := slices.Index(q.Accept, given); i >= 0 {
		return i
	}
	f := q.folded()
	// The text as meant, case aside: what folding would drop (\* is a star;
	// +, -> and && have no letters) still matches as written.
	for i, a := range q.Accept {
		if f.wild[i] == nil && strings.EqualFold(strings.TrimSpace(given), LiteralAnswer(a)) {
			return i
		}
	}
	g := text.Normalize(given)
	if g == "" {
		return -1
	}
	for i, n := range f.accept {
		if g == n && !strings.Contains(q.Accept[i], "*") {
			return i
		}
		if w := f.wild[i]; w != nil && w.MatchString(g) {
			return i
		}
	}
	for i := range f.accept {
		if f.wild[i] == nil && text.Matches(given, f.typos[i:i+1]) {
			return i
		}
	}
	return -1
}

// sameAnswer reports whether accepted answers a and b are one answer to q's
// marking (matchShort): whatever a student writes that matches one matches
// the other. Folded alike (text.Normalize) they are, unless q is Exact, when
// only letter case is ignored, as moodleMatch ignores it; a wildcard pattern
// is the same only as itself. fold is text.Normalize, or a function that
// returns what it returns (foldOnce).
func (q *Question) sameAnswer(a, b string, fold func(string) string) bool {
	if a == b {
		return true
	}
	if HasWildcard(a) || HasWildcard(b) {
		return false
	}
	la, lb := LiteralAnswer(a), LiteralAnswer(b)
	if q.Exact {
		return strings.EqualFold(norm.NFC.String(strings.TrimSpace(la)), norm.NFC.String(strings.TrimSpace(lb)))
	}
	if na := fold(la); na != "" {
		return na == fold(lb)
	}
	// Nothing left once folded (+, ->): compared as written, case aside.
	return strings.EqualFold(strings.TrimSpace(la), strings.TrimSpace(lb))
}

// moodleMatch is Moodle's short-answer comparison (qtype_shortanswer's
// compare_string_with_wildcard with usecase 0): both sides in Unicode NFC, the
// answer trimmed, letter case ignored, * for any text and \* for a star; the
// first accepted answer that matches, in order. Accents, punctuation, signs
// and inner spaces must be as written: C is not C++, cafe is not café.
func moodleMatch(q *Question, given string) int {
	g := norm.NFC.String(strings.TrimSpace(given))
	f := q.folded()
	for i, a := range q.Accept {
		if w := f.exact[i]; w != nil {
			if w.MatchString(g) {
				return i
			}
			continue
		}
		if strings.EqualFold(g, norm.NFC.String(LiteralAnswer(a))) {
			return i
		}
	}
	return -1
}

// HasWildcard reports whether an accepted answer holds Moodle's * (any
// text), not only escaped stars (\*).
func HasWildcard(a string) bool {
	return strings.IndexByte(a, '*') >= 0 && len(wildParts(a)) > 1 // most answers have no star to split at
}

// unescapeStar is an accepted answer without wildcards as it is meant: \* is
// a star.
func LiteralAnswer(a string) string { return strings.ReplaceAll(a, `\*`, "*") }

// exactWildcard is wildcard for moodleMatch: over the text as written, case
// ignored; nil when a has no unescaped star.
func exactWildcard(a string) *regexp.Regexp {
	parts := wildParts(a)
	if len(parts) == 1 {
		return nil
	}
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(norm.NFC.String(p))
	}
	return regexp.MustCompile("(?is)^" + strings.Join(parts, ".*") + "$")
}

// wildParts splits an accepted answer at its unescaped stars; \* becomes a
// star in the parts.
func wildParts(a string) []string {
	var parts []string
	var cur strings.Builder
	for i := 0; i < len(a); i++ {
		switch {
		case a[i] == '\\' && i+1 < len(a) && a[i+1] == '*':
			cur.WriteByte('*')
			i++
		case a[i] == '*':
			parts = append(parts, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(a[i])
		}
	}
	return append(parts, cur.String())
}

// wildcard turns an accepted answer with Moodle's * (any text; \* is a
// literal star) into a pattern over folded text, or nil when it has none.
func wildcard(a string) *regexp.Regexp {
	if !strings.Contains(a, "*") {
		return nil
	}
	parts := wildParts(a)
	if len(parts) == 1 {
		return nil // only escaped stars
	}
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(text.Normalize(p))
	}
	return regexp.MustCompile("^ ?" + strings.Join(parts, ".*") + " ?$")
}

func scoreNumeric(q *Question, r Response) float64 {
	v, err := q.ParseNumeric(r.Text)
	if err != nil {
		return 0
	}
	if within(v, q.Value, q.Tol) {
		return 1
	}
	for _, n := range q.Numbers {
		if n.Any || within(v, n.Value, n.Tol) {
			return clamp01(n.Credit)
		}
	}
	return 0
}

// within allows a little slack for the floating-point form of decimals like 0.1.
func within(v, want, tol float64) bool {
	return math.Abs(v-want) <= tol+1e-9*math.Max(1, math.Abs(want))
}

// scoreOrder credits the items that need no moving. The fewest items a student
// must move to mend a sequence is n − L, where L is the longest run of items that
// already stand in the right relative order (the longest increasing subsequence
// of their true positions). Credit is (L − 1) / (n − 1): 1 for the right order,
// 0 for the reverse, and one item out of place costs one step, not a cascade as
// position-by-position marking would give when everything shifts by one.
func scoreOrder(q *Question, r Response) float64 {
	n := len(q.Items)
	if n < 2 || !isPermutation(r.Sequence, n) {
		return 0
	}
	l := longestIncreasing(r.Sequence)
	return float64(l-1) / float64(n-1)
}

// scoreMatch gives the share of left items paired with their own right side
// (or with a pair that has the same right side: repeated right sides are one).
func scoreMatch(q *Question, r Response) float64 {
	if len(q.Pairs) == 0 {
		return 0
	}
	right := 0
	for i, p := range q.Pairs {
		if i < len(r.Matches) && r.Matches[i] >= 0 && r.Matches[i] < len(q.Pairs) && q.Pairs[r.Matches[i]].Right == p.Right {
			right++
		}
	}
	return float64(right) / float64(len(q.Pairs))
}

func isPermutation(seq []int, n int) bool {
	if len(seq) != n {
		return false
	}
	seen := make([]bool, n)
	for _, v := range seq {
		if v < 0 || v >= n || seen[v] {
			return false
		}
		seen[v] = true
	}
	return true
}

// longestIncreasing returns the length of the longest strictly increasing
// subsequence (patience sorting, O(n log n)).
func longestIncreasing(seq []int) int {
	var tails []int
	for _, v := range seq {
		lo, hi := 0, len(tails)
		for lo < hi {
			mid := (lo + hi) / 2
			if tails[mid] < v {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		if lo == len(tails) {
			tails = append(tails, v)
		} else {
			tails[lo] = v
		}
	}
	return len(tails)
}

// OutOfPlace returns the items (bank indices) of an order answer that must
// move to mend it: those outside one longest run already in the right
// relative order, which is what scoreOrder does not credit. Nil when the
// answer is not a whole sequence.
func OutOfPlace(q *Question, r Response) []int {
	n := len(q.Items)
	if n < 2 || !isPermutation(r.Sequence, n) {
		return nil
	}
	seq := r.Sequence
	// length[i] and prev[i]: the longest increasing run ending at seq[i].
	length, prev := make([]int, n), make([]int, n)
	best := 0
	for i := range seq {
		length[i], prev[i] = 1, -1
		for j := 0; j < i; j++ {
			if seq[j] < seq[i] && length[j]+1 > length[i] {
				length[i], prev[i] = length[j]+1, j
			}
		}
		if length[i] > length[best] {
			best = i
		}
	}
	keep := make([]bool, n)
	for i := best; i >= 0; i = prev[i] {
		keep[i] = true
	}
	var out []int
	for i, v := range seq {
		if !keep[i] {
			out = append(out, v)
		}
	}
	return out
}
