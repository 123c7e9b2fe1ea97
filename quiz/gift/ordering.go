package gift

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/lazy"
)

// orderingHead is the head of Moodle's GIFT ordering question (qtype_ordering,
// standard from Moodle 4.4): {>N SELECT LAYOUT GRADING SHOW, then one item a
// line}. Moodle reads it with this pattern, each word optional but N.
var orderingHead = &lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
	return regexp.MustCompile(`^>\s*(\d+)\s*(ALL|EXACT|RANDOM|REL|CONTIGUOUS|CONTIG)?\s*(HORIZONTAL|HORI|H|1|VERTICAL|VERT|V|0)?\s*` +
		`(ALL_OR_NOTHING|ABSOLUTE_POSITION|ABSOLUTE|ABS|RELATIVE_NEXT_EXCLUDE_LAST|RELATIVE_NEXT_INCLUDE_LAST|RELATIVE_ONE_PREVIOUS_AND_NEXT|` +
		`RELATIVE_ALL_PREVIOUS_AND_NEXT|RELATIVE_TO_CORRECT|RELATIVE|REL|LONGEST_ORDERED_SUBSET|LONGEST_CONTIGUOUS_SUBSET)?\s*` +
		`(SHOW|TRUE|YES|1|HIDE|FALSE|NO|0)?\s*`)
}}

// OrderingNotes says how Moodle would mark and show an ordering question
// that conflictq marks by its own rule (the longest run already in place):
// one note for a grading type (grading, as Moodle spells it; "" is Moodle's
// default), one when Moodle shows only some of the items. For the GIFT and
// Moodle XML readers.
func OrderingNotes(grading, selectType string, selectCount, items int) []string {
	var out []string
	grading = strings.ToUpper(strings.TrimSpace(grading))
	switch grading {
	case "":
		grading = "RELATIVE_NEXT_EXCLUDE_LAST, its default"
	case "ABSOLUTE", "ABS":
		grading = "ABSOLUTE_POSITION"
	case "RELATIVE", "REL":
		grading = "RELATIVE_TO_CORRECT"
	}
	out = append(out, fmt.Sprintf("Moodle marks this ordering question by %s; conflictq by the longest run of items already in place, so part marks may differ (all in order scores 1 in both)", grading))
	switch strings.ToUpper(strings.TrimSpace(selectType)) {
	case "ALL", "EXACT":
	default:
		if selectCount > 0 && selectCount < items {
			out = append(out, fmt.Sprintf("Moodle shows %d of the %d items (select type %s); conflictq asks all %d", selectCount, items, strings.ToUpper(cmpOr(selectType, "RANDOM")), items))
		}
	}
	return out
}

// splitLines cuts t at its typed (unescaped) line breaks.
func (t text) splitLines() []text {
	var out []text
	start := 0
	for i, c := range t {
		if c.r == '\n' && !c.esc {
			out = append(out, t[start:i])
			start = i + 1
		}
	}
	return append(out, t[start:])
}

func cmpOr(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// ordering builds Moodle's {>4 ALL VERTICAL ABSOLUTE_POSITION SHOW ...}: the
// items, one a line, in the right order. It reports false when the block is
// not that form (then it is read as Moodle's other readers would).
func (b *builder) ordering(ans text, line int) bool {
	raw := ans.String()
	m := orderingHead.Get().FindStringSubmatchIndex(raw)
	if m == nil {
		return false
	}
	sub := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return raw[m[2*i]:m[2*i+1]]
	}
	// The items are the lines after the head, as Moodle takes them:
	// trimmed, blank ones dropped, GIFT's escapes read.
	rest := ans[len([]rune(raw[:m[1]])):]
	for _, piece := range rest.splitLines() {
		if s := piece.str(false); s != "" {
			b.q.Items = append(b.q.Items, s)
		}
	}
	count, _ := strconv.Atoi(sub(1))
	if !(count > 2 && count <= len(b.q.Items)) {
		count = min(6, len(b.q.Items)) // Moodle's rule
	}
	for _, n := range OrderingNotes(sub(4), sub(2), count, len(b.q.Items)) {
		b.warn(line, "%s", n)
	}
	b.q.Type = quiz.Order
	return true
}
