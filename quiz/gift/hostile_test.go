package gift

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

// hostilePieces are what GIFT or its comments give a meaning to: Moodle's
// [id:…] and [tag:…], the keys of conflictq's comments, GIFT's special
// characters and escapes, line breaks, and the separators of a tags line.
var hostilePieces = []string{
	"[id:second]", "[tag:injected]", "[id:q1]", "[tag:x]", "[id:", "[tag:", "[ID:up]", "[Tag:up]",
	"[id:a\\]", "[tag:b\\]]", "]", "[", "\\", "\\]", "\\\\", "\\:", "\\,", "\\n", ",", ", ", ":", ": ",
	"// [id:c]", "\n// [id:d] [tag:e]\n", "\n", "\t", "tags: a, b", "explanation: x", "source: s, ¶2",
	"key point: k", "type: order", "typos: 1", "points: 2", "unit: m", "####", "{", "}", "=", "~", "#",
	"%50%", "$CATEGORY: c", "<b>", "&amp;", "“q”", "¶", "é", "second", " ", "  ", "-", "--",
}

// hostileText joins a few hostile pieces and words into a text with no
// space at either end, as the loader keeps a bank's text.
func hostileText(r *rand.Rand) string {
	var b strings.Builder
	for range 1 + r.IntN(6) {
		if r.IntN(3) == 0 {
			b.WriteString("w" + strconv.Itoa(r.IntN(100)))
		} else {
			b.WriteString(hostilePieces[r.IntN(len(hostilePieces))])
		}
	}
	if s := strings.TrimSpace(b.String()); s != "" {
		return s
	}
	return "w"
}

// hostileIDs are ids that other parts of a bank could name: each other's,
// an untitled question's, a category's.
var hostileIDs = []string{"first", "second", "q1", "q2", "category", "id", "tag", "injected", "0", "a_b", "x-y-z", "e"}

// Export then Parse gives every question of every type back its own id, its
// tags and its explanation exactly, whatever the explanations, tags and
// other questions' ids say: no comment text is read as Moodle's [id:…] or
// [tag:…], and a tag with ", " in it stays one tag.
func TestRoundTripHostileMeta(t *testing.T) {
	r := rand.New(rand.NewPCG(26, 1))
	types := append(slices.Clone(quiz.Types), quiz.Info)
	for n := range 300 {
		ids := slices.Clone(hostileIDs)
		r.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
		b := &quiz.Bank{ID: "hostile", Title: "Hostile"}
		for i, typ := range types {
			q := &quiz.Question{ID: ids[i%len(ids)], Bank: b.ID, Type: typ, Prompt: "Prompt " + strconv.Itoa(i), Points: 1, Line: 1 + i}
			if i >= len(ids) {
				q.ID += "-" + strconv.Itoa(i)
			}
			q.Explanation = hostileText(r)
			if looksHTML(q.Explanation) {
				// Text that looks like HTML is written as HTML, which
				// keeps no white space at the ends of a line and no blank
				// line: a limit of HTML, not of the comments tested here.
				q.Explanation = htmlLines(q.Explanation)
			}
			for range r.IntN(4) {
				if tag := hostileText(r); !slices.Contains(q.Tags, tag) && tag != "hostile" {
					q.Tags = append(q.Tags, tag)
				}
			}
			hostileAnswer(q)
			if msgs := check(q); len(msgs) > 0 {
				t.Fatalf("bank %d: the test built an invalid question %s: %v", n, q.ID, msgs)
			}
			b.Questions = append(b.Questions, q)
		}
		back, notes, out := roundTrip(t, b)
		sameQuestions(t, b, back, notes, false)
		// Moodle takes the first [id:…] in a question's comments and every
		// [tag:…]: only Export's own "// [id:…]" line may hold them.
		for i, line := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(line, "//") && !strings.HasPrefix(line, "// [id:") && (strings.Contains(line, "[id:") || strings.Contains(line, "[tag:")) {
				t.Errorf("line %d names an [id:…] or [tag:…] Moodle would read: %s", i+1, line)
			}
		}
		if t.Failed() {
			t.Fatalf("bank %d:\n%s", n, out)
		}
	}
}

// htmlLines is s as HTML keeps its lines: each trimmed, blank ones dropped.
func htmlLines(s string) string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// The attack's case: an open question's explanation that names the next
// question's id and a tag no longer renames the question or tags it.
func TestRoundTripExplanationNamesAnotherID(t *testing.T) {
	b := &quiz.Bank{ID: "inj", Title: "Inj", Questions: []*quiz.Question{
		{ID: "first", Bank: "inj", Type: quiz.Open, Prompt: "Discuss", Model: "m", Explanation: "See the note [id:second] [tag:injected]", Points: 1, Line: 1},
		{ID: "second", Bank: "inj", Type: quiz.TrueFalse, Prompt: "Is it?", Truth: true, Explanation: "x", Tags: []string{"safe, injected2", "[tag:x]"}, Points: 1, Line: 2},
	}}
	back, notes, out := roundTrip(t, b)
	sameQuestions(t, b, back, notes, false)
	if want := "// explanation: See the note [id\\:second] [tag\\:injected]\n"; !strings.Contains(string(out), want) {
		t.Errorf("no line %q in\n%s", want, out)
	}
}

// hostileAnswer gives q a plain answer of its type.
func hostileAnswer(q *quiz.Question) {
	switch q.Type {
	case quiz.Single:
		q.Choices, q.Correct = []string{"yes", "no"}, []int{0}
	case quiz.Multi:
		q.Choices, q.Correct = []string{"yes", "no", "maybe"}, []int{0, 2}
	case quiz.TrueFalse:
		q.Truth = true
	case quiz.Short:
		q.Accept, q.Exact = []string{"Khojaly"}, true
	case quiz.Numeric:
		q.Value = 1992
	case quiz.Order:
		q.Items = []string{"one", "two"}
	case quiz.Match:
		q.Pairs = []quiz.Pair{{Left: "a", Right: "b"}, {Left: "c", Right: "d"}}
	case quiz.Open:
		q.Model = "model"
	}
}
