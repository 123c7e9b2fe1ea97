package gift

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/lazy"
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
// Values are written as meta.EscapeGIFTComment writes them, so that none
// names an [id:…] or [tag:…], and a comma inside a tag is \,.
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
var moodleMeta = &lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
	return regexp.MustCompile(`\[(id|tag):((?:\\\]|[^\]\x00-\x1f])+)\]`)
}}

var metaKey = &lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(source|difficulty|tags|points|unit|key point|explanation|type|typos):\s*(.*)$`)
}}

// positionLeft names position i (from 0) on the left of a matching question
// that stands for an order question.
func positionLeft(i int) string { return "Position " + strconv.Itoa(i+1) }

// applyMeta sets what the block's metadata comments say. Metadata is advice
// in comments, which Moodle ignores, so a value that cannot be used is a
// warning and is dropped, never an error.
func (b *builder) applyMeta(comments []comment) {
	type found struct {
		tag    string
		moodle bool // from a [tag:…]
	}
	var tags []found
	for _, c := range comments {
		for _, tag := range b.moodleMeta(c) {
			tags = append(tags, found{tag, true})
		}
		if m := metaKey.Get().FindStringSubmatch(c.text); m != nil {
			key := strings.ToLower(m[1])
			if key == keyTags {
				for _, tag := range splitTags(m[2]) {
					tags = append(tags, found{tag, false})
				}
				continue
			}
			b.applyKey(c.line, key, strings.TrimSpace(meta.Unescape(m[2])))
		}
	}
	// Export gives each tag twice: as it is in "// tags:", and as Moodle
	// can hold it in a [tag:…], whose line breaks and tabs are spaces. The
	// second is the same tag, not one more.
	isCopy := func(t found) bool {
		return t.moodle && slices.ContainsFunc(tags, func(u found) bool { return !u.moodle && moodleValue(moodleEscape(u.tag)) == t.tag })
	}
	// Tags from comments first, then the $CATEGORY's: the author's own order.
	q := b.q
	for _, t := range append(tags, found{tag: b.p.categoryTag}) {
		if t.tag != "" && !slices.Contains(q.Tags, t.tag) && !isCopy(t) {
			q.Tags = append(q.Tags, t.tag)
		}
	}
}

// tagsLine writes tags as a "// tags:" comment's value: a comma inside a tag
// is \, so that splitTags finds each tag whole.
func tagsLine(tags []string) string {
	escaped := make([]string, len(tags))
	for i, t := range tags {
		escaped[i] = strings.ReplaceAll(meta.EscapeGIFTComment(t), ",", `\,`)
	}
	return strings.Join(escaped, ", ")
}

// splitTags reads the tags of a "// tags:" comment's value, as written,
// escapes and all: a comma that no backslash escapes ends a tag.
func splitTags(raw string) (tags []string) {
	add := func(s string) {
		if tag := strings.TrimSpace(meta.Unescape(s)); tag != "" {
			tags = append(tags, tag)
		}
	}
	start := 0
	for i := 0; i < len(raw); i++ {
		switch raw[i] {
		case '\\':
			i++ // the escaped character
		case ',':
			add(raw[start:i])
			start = i + 1
		}
	}
	add(raw[start:])
	return tags
}

// moodleMeta reads Moodle's own [id:…] (the question's id) and [tag:…] in a
// comment, returning the tags.
func (b *builder) moodleMeta(c comment) (tags []string) {
	for _, m := range moodleMeta.Get().FindAllStringSubmatch(c.text, -1) {
		value := moodleValue(m[2])
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

// moodleValue reads the value of an [id:…] or [tag:…] as Moodle does.
func moodleValue(raw string) string { return strings.TrimSpace(strings.ReplaceAll(raw, `\]`, "]")) }

// applyKey sets what one "key: value" comment at line says (but the tags,
// which applyMeta reads); a value that cannot be used is a warning.
func (b *builder) applyKey(line int, key, value string) {
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
			return
		}
		q.Difficulty = value
	case keyPoints:
		p, err := qtext.ParseNumber(value)
		if err != nil || p <= 0 {
			b.p.warn(line, q.ID, "points", "expected a number more than 0, found %q; ignored", value)
			return
		}
		q.Points = p
	case keyUnit:
		if q.Type != quiz.Numeric {
			b.p.warn(line, q.ID, "unit", "only numeric questions have a unit; ignored")
			return
		}
		q.Unit = value
	case keyKeyPoint:
		if q.Type != quiz.Open {
			b.p.warn(line, q.ID, "key point", "only essay (open) questions have key points; ignored")
			return
		}
		if value != "" {
			q.Key = append(q.Key, value)
		}
	case keyExplanation:
		if q.Explanation != "" {
			b.p.warn(line, q.ID, "explanation", "the general feedback (####) is already the explanation; comment ignored")
			return
		}
		q.Explanation = value
	case keyTypos:
		// Only a short answer holds the setting: set on another type,
		// it would be said ignored and yet kept (and lost by export).
		if q.Type != quiz.Short {
			b.p.warn(line, q.ID, "typos", "only short-answer questions allow typos; ignored")
			return
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
			return
		}
		b.toOrder(line)
	}
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
