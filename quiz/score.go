package quiz

import (
	"math"
	"slices"

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
	if len(r.Choices) == 1 && len(q.Correct) == 1 && r.Choices[0] == q.Correct[0] {
		return 1
	}
	return 0
}

// scoreMulti gives (right picks − wrong picks) / number of right choices,
// floored at 0, so that ticking every box earns nothing.
func scoreMulti(q *Question, r Response) float64 {
	if len(q.Correct) == 0 {
		return 0
	}
	right, wrong := 0, 0
	seen := map[int]bool{}
	for _, c := range r.Choices {
		if seen[c] {
			continue
		}
		seen[c] = true
		if slices.Contains(q.Correct, c) {
			right++
		} else {
			wrong++
		}
	}
	return math.Max(0, float64(right-wrong)/float64(len(q.Correct)))
}

func scoreTrueFalse(q *Question, r Response) float64 {
	if r.Bool == q.Truth {
		return 1
	}
	return 0
}

func scoreShort(q *Question, r Response) float64 {
	if slices.Contains(q.Accept, r.Text) || text.Matches(r.Text, q.folded().typos) {
		return 1
	}
	return 0
}

func scoreNumeric(q *Question, r Response) float64 {
	v, err := text.ParseNumber(r.Text)
	if err != nil {
		return 0
	}
	// A little slack for floating-point representation of decimals like 0.1.
	if math.Abs(v-q.Value) <= q.Tol+1e-9*math.Max(1, math.Abs(q.Value)) {
		return 1
	}
	return 0
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

// scoreMatch gives the share of left items paired with their own right item.
func scoreMatch(q *Question, r Response) float64 {
	if len(q.Pairs) == 0 {
		return 0
	}
	right := 0
	for i := range q.Pairs {
		if i < len(r.Matches) && r.Matches[i] == i {
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
