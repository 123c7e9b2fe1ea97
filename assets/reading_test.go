package assets_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

// The reading load a 15-year-old meets in one question. A teacher found
// model answers of 300 words with eight key points, and explanations of
// five to eight lines at 80 columns, too heavy for the average student;
// the depth stays in the glossary (conflictq define), one lookup away.
// About 12 words fill a line at 80 columns.
const (
	maxExplanationWords = 60  // about five lines
	maxModelWords       = 120 // an answer a student could write in ten minutes
	maxModelWordsLong   = 160 // the discussion bank's, for seminar questions
	maxKeyPoints        = 4
	maxKeyPointsLong    = 5 // the discussion bank's
	maxKeyPointWords    = 25
	maxPromptWords      = 50
	maxOptionWords      = 25 // an option, an order item, a match side
	maxSentenceWords    = 35
	maxMeanSentence     = 20.0 // words per sentence over a bank
)

// longForm names the banks whose open questions are seminar questions.
var longForm = map[string]bool{"discussion": true}

// wordCount counts the words of s, split at spaces.
func wordCount(s string) int { return len(strings.Fields(s)) }

// readingProblems lists what makes q heavier to read than the limits
// allow, and adds its sentences' lengths to lens.
func readingProblems(bank string, q *quiz.Question, lens *[]int) []string {
	var probs []string
	check := func(field, text string, limit int) {
		if text == "" {
			return
		}
		if n := wordCount(text); limit > 0 && n > limit {
			probs = append(probs, fmt.Sprintf("%s has %d words (at most %d)", field, n, limit))
		}
		for _, sentence := range sentences(text) { // content_test.go's splitter
			n := wordCount(sentence)
			*lens = append(*lens, n)
			if n > maxSentenceWords {
				probs = append(probs, fmt.Sprintf("%s has a sentence of %d words (at most %d)", field, n, maxSentenceWords))
			}
		}
	}
	model, keys := maxModelWords, maxKeyPoints
	if longForm[bank] {
		model, keys = maxModelWordsLong, maxKeyPointsLong
	}
	check("prompt", q.Prompt, maxPromptWords)
	check("explanation", q.Explanation, maxExplanationWords)
	check("model answer", q.Model, model)
	if len(q.Key) > keys {
		probs = append(probs, fmt.Sprintf("%d key points (at most %d)", len(q.Key), keys))
	}
	for i, k := range q.Key {
		check(fmt.Sprintf("key point %d", i+1), k, maxKeyPointWords)
	}
	for i, c := range q.Choices {
		check(fmt.Sprintf("option %d", i+1), c, maxOptionWords)
	}
	for i, it := range q.Items {
		check(fmt.Sprintf("item %d", i+1), it, maxOptionWords)
	}
	for i, p := range q.Pairs {
		check(fmt.Sprintf("pair %d", i+1), p.Left, maxOptionWords)
		check(fmt.Sprintf("pair %d", i+1), p.Right, maxOptionWords)
	}
	return probs
}

// TestReadingLoad holds every embedded bank to the limits above, one
// subtest per bank (go test ./assets -run 'TestReadingLoad/timeline').
func TestReadingLoad(t *testing.T) {
	banks := loadAll(t)
	for _, name := range slices.Sorted(maps.Keys(banks)) {
		t.Run(name, func(t *testing.T) {
			var lens []int
			for _, q := range banks[name].Questions {
				for _, p := range readingProblems(name, q, &lens) {
					t.Errorf("%s/%s: %s", name, q.ID, p)
				}
			}
			sum := 0
			for _, n := range lens {
				sum += n
			}
			if len(lens) == 0 {
				return
			}
			mean := float64(sum) / float64(len(lens))
			t.Logf("%s: %d sentences, %.1f words on average", name, len(lens), mean)
			if mean > maxMeanSentence {
				t.Errorf("%s: sentences average %.1f words (at most %.0f)", name, mean, maxMeanSentence)
			}
		})
	}
}
