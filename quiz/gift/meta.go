package gift

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/meta"
	qtext "github.com/conflictq/conflictq/quiz/text"
)

// comment is a // line of a question block, without the slashes.
type comment struct {
	line int
	text string
}

// GIFT has no place for a citation, a difficulty, tags, points, a unit or an
// open question's key points, so Export writes them as comments, which Moodle
// ignores and Parse reads back:
//
//	// source: Survivors await justice, ¶4: “Western journalists documented…”
//	// difficulty: medium
//	// tags: chronology, recall
//	// points: 2
//	// unit: people
//	// key point: founded 1922        (one line per key point)
//	// explanation: …                 (open questions and info pages)
//	// type: order                    (an order question written as matching)
//	// typos: 1                       (a short answer that allows one typo)
//
// Moodle's own [id:…] and [tag:…] in a question's comments give its id and
// tags.
//
// A comment that does not start with one of these keys is only a comment.
const (
	keySource      = meta.Source
	keyDifficulty  = meta.Difficulty
	keyTags        = "tags"
	keyPoints      = "points"
	keyUnit        = "unit"
	keyKeyPoint    = meta.KeyPoint
	keyExplanation = meta.Explanation
	keyType        = "type"
	keyTypos       = meta.Typos
)

// moodleMeta finds Moodle's [id:…] and [tag:…] in a comment (\] is a
// bracket inside one).
var moodleMeta = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\[(id|tag):((?:\\\]|[^\]\x00-\x1f])+)\]`)
})

var metaKey = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(source|difficulty|tags|points|unit|key point|explanation|type|typos):\s*(.*)$`)
})

// positionLeft names position i (from 0) on the left of a matching question
// that stands for an order question.
func positionLeft(i int) string { return "Position " + strconv.Itoa(i+1) }

// applyMeta sets what the block's metadata comments say. Metadata is advice
// in comments, which Moodle ignores, so a value that cannot be used is a
// warning and is dropped, never an error.
func (b *builder) applyMeta(comments []comment) {
	var tags []string
	for _, c := range comments {
		tags = append(tags, b.moodleMeta(c)...)
		if m := metaKey().FindStringSubmatch(c.text); m != nil {
			tags = append(tags, b.applyKey(c.line, strings.ToLower(m[1]), strings.TrimSpace(meta.Unescape(m[2])))...)
		}
	}
	// Tags from comments first, then the $CATEGORY's: the author's own order.
	q := b.q
	for _, tag := range append(tags, b.p.categoryTag) {
		if tag != "" && !slices.Contains(q.Tags, tag) {
			q.Tags = append(q.Tags, tag)
		}
	}
}

// moodleMeta reads Moodle's own [id:…] (the question's id) and [tag:…] in a
// comment, returning the tags.
func (b *builder) moodleMeta(c comment) (tags []string) {
	for _, m := range moodleMeta().FindAllStringSubmatch(c.text, -1) {
		value := strings.TrimSpace(strings.ReplaceAll(m[2], `\]`, "]"))
		if m[1] == "tag" {
			if value != "" {
				tags = append(tags, value)
			}
			continue
		}
		if value != "" {
			b.q.ID = b.p.idFor(value, c.line, b.q.ID)
		}
	}
	return tags
}

// applyKey sets what one "key: value" comment at line says, returning the
// tags it gives; a value that cannot be used is a warning.
func (b *builder) applyKey(line int, key, value string) (tags []string) {
	q := b.q
	switch key {
	case keySource:
		if src, msg := meta.ParseSource(value); msg != "" {
			b.p.warn(line, q.ID, "source", "%s", msg)
		} else {
			q.Source = src
		}
	case keyDifficulty:
		if !slices.Contains(quiz.Difficulties, value) {
			b.p.warn(line, q.ID, "difficulty", "%q is not one of easy, medium, hard; ignored", value)
			return nil
		}
		q.Difficulty = value
	case keyTags:
		for _, tag := range strings.Split(value, ",") {
			if tag = strings.TrimSpace(tag); tag != "" {
				tags = append(tags, tag)
			}
		}
		return tags
	case keyPoints:
		p, err := qtext.ParseNumber(value)
		if err != nil || p <= 0 {
			b.p.warn(line, q.ID, "points", "expected a number more than 0, found %q; ignored", value)
			return nil
		}
		q.Points = p
	case keyUnit:
		if q.Type != quiz.Numeric {
			b.p.warn(line, q.ID, "unit", "only numeric questions have a unit; ignored")
			return nil
		}
		q.Unit = value
	case keyKeyPoint:
		if q.Type != quiz.Open {
			b.p.warn(line, q.ID, "key point", "only essay (open) questions have key points; ignored")
			return nil
		}
		if value != "" {
			q.Key = append(q.Key, value)
		}
	case keyExplanation:
		if q.Explanation != "" {
			b.p.warn(line, q.ID, "explanation", "the general feedback (####) is already the explanation; comment ignored")
			return nil
		}
		q.Explanation = value
	case keyTypos:
		// Only a short answer holds the setting: set on another type,
		// it would be said ignored and yet kept (and lost by export).
		if q.Type != quiz.Short {
			b.p.warn(line, q.ID, "typos", "only short-answer questions allow typos; ignored")
			return nil
		}
		switch value {
		case "0":
			q.Exact = true
		case "1":
			q.Exact = false
		default:
			b.p.warn(line, q.ID, "typos", "expected 0 (exact) or 1 (one typo allowed), found %q; ignored", value)
		}
	case keyType:
		if !strings.EqualFold(value, string(quiz.Order)) {
			b.p.warn(line, q.ID, "type", "%q: only \"order\" can be given this way; ignored", value)
			return nil
		}
		b.toOrder(line)
	}
	return nil
}

// toOrder turns a matching question whose left sides are Position 1, Position
// 2, … in turn back into the order question Export wrote it from.
func (b *builder) toOrder(line int) {
	q := b.q
	ok := q.Type == quiz.Match
	for i, p := range q.Pairs {
		ok = ok && p.Left == positionLeft(i)
	}
	if !ok {
		b.p.warn(line, q.ID, "type", "order: expected a matching question whose left sides are Position 1, Position 2, …; read as it stands")
		return
	}
	q.Type = quiz.Order
	for _, p := range q.Pairs {
		q.Items = append(q.Items, p.Right)
	}
	q.Pairs = nil
}
