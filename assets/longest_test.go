package assets_test

import (
	"maps"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/conflictq/conflictq/quiz"
)

// maxLongestRight is the largest share of a bank's single-choice questions
// whose right answer may be the strictly longest option. By chance it is
// about one in four (ties lower it); far above that, test-wise students learn to pick the
// longest option without reading (a teacher counted 76% in perspectives).
const maxLongestRight = 0.35

// longestRight lists the single-choice questions whose right answer is
// longer, in characters, than every other option, and how many
// single-choice questions there are.
func longestRight(b *quiz.Bank) (ids []string, singles int) {
	for _, q := range b.Questions {
		if q.Type != quiz.Single || len(q.Correct) != 1 {
			continue
		}
		singles++
		right := utf8.RuneCountInString(q.Choices[q.Correct[0]])
		longest := true
		for i, c := range q.Choices {
			if i != q.Correct[0] && utf8.RuneCountInString(c) >= right {
				longest = false
			}
		}
		if longest {
			ids = append(ids, q.ID)
		}
	}
	return ids, singles
}

// TestRightAnswerIsNotUsuallyLongest reports, for every bank, how often the
// right answer is the longest option, and fails a bank above maxLongestRight.
func TestRightAnswerIsNotUsuallyLongest(t *testing.T) {
	banks := loadAll(t)
	for _, name := range slices.Sorted(maps.Keys(banks)) {
		ids, singles := longestRight(banks[name])
		if singles == 0 {
			continue
		}
		share := float64(len(ids)) / float64(singles)
		t.Logf("%-14s right answer longest in %2d of %2d single-choice questions (%.0f%%)", name, len(ids), singles, 100*share)
		if share > maxLongestRight {
			t.Errorf("%s: the right answer is the longest option in %d of %d single-choice questions (%.0f%%, limit %.0f%%): shorten some right answers or lengthen distractors: %v",
				name, len(ids), singles, 100*share, 100*maxLongestRight, ids)
		}
	}
}
