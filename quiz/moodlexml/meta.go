package moodlexml

import (
	"slices"
	"strings"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/meta"
)

// metaPrefix starts the XML comments that carry what Moodle XML has no place
// for; Moodle ignores comments.
const metaPrefix = "conflictq "

// The keys of those comments, one per line of a comment.
const (
	keySource      = meta.Source
	keyDifficulty  = meta.Difficulty
	keyKeyPoint    = meta.KeyPoint
	keyTypos       = meta.Typos
	keyExplanation = meta.Explanation
)

// applyMeta reads the conflictq comments before a question. A value that
// cannot be used is a warning, never an error: comments are advice.
func (p *parser) applyMeta(q *quiz.Question, comments []string) {
	for _, c := range comments {
		for _, l := range strings.Split(c, "\n") {
			l = strings.TrimSpace(l)
			rest, ok := strings.CutPrefix(l, metaPrefix)
			if !ok {
				continue
			}
			key, value, ok := strings.Cut(rest, ":")
			if !ok {
				continue
			}
			value = strings.TrimSpace(meta.Unescape(strings.TrimSpace(value)))
			switch strings.TrimSpace(key) {
			case keySource:
				if s, msg := meta.ParseSource(value); msg == "" {
					q.Source = s
				} else {
					p.warn(q.Line, q.ID, "source: expected Section, ¶N: “quote”, found %q; ignored", value)
				}
			case keyDifficulty:
				if slices.Contains(quiz.Difficulties, value) {
					q.Difficulty = value
				} else {
					p.warn(q.Line, q.ID, "difficulty %q is not one of easy, medium, hard; ignored", value)
				}
			case keyKeyPoint:
				if q.Type == quiz.Open && value != "" {
					q.Key = append(q.Key, value)
				}
			case keyTypos:
				if q.Type == quiz.Short {
					q.Exact = value == "0"
				}
			case keyExplanation:
				if q.Explanation == "" && (q.Type == quiz.Open || q.Type == quiz.Info) {
					q.Explanation = value
				}
			}
		}
	}
}
