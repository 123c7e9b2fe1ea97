package gift

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/conflictq/conflictq/quiz"
)

var idPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`) })

// check re-checks a question built from GIFT against what the YAML loader
// guarantees of every question it returns, so that the rest of conflictq (the
// session, scoring, reports) never meets a question it could not have loaded.
// The parser reports most problems where it meets them, with their own line;
// check is the net under it. It returns what is wrong, one message each.
func check(q *quiz.Question) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if !idPattern().MatchString(q.ID) {
		bad("id %q must be lower-case letters, digits, hyphens or underscores", q.ID)
	}
	if q.Bank == "" {
		bad("no bank")
	}
	if q.Line <= 0 {
		bad("no line")
	}
	if strings.TrimSpace(q.Prompt) == "" {
		bad("expected question text")
	}
	if !(q.Points > 0) || math.IsInf(q.Points, 0) {
		bad("points must be more than 0, not %v", q.Points)
	}
	if q.Difficulty != "" && !slices.Contains(quiz.Difficulties, q.Difficulty) {
		bad("difficulty %q is not one of easy, medium, hard", q.Difficulty)
	}
	for _, t := range q.Tags {
		if strings.TrimSpace(t) == "" {
			bad("empty tag")
		}
	}
	if !q.Source.IsZero() {
		if q.Source.Section == "" {
			bad("source: missing section")
		}
		if q.Source.Paragraph < 0 {
			bad("source: paragraph must be a whole number from 1")
		}
		if n := len(strings.Fields(q.Source.Quote)); n > quiz.MaxQuoteWords {
			bad("source: quote has %d words; at most %d", n, quiz.MaxQuoteWords)
		}
	}

	switch {
	case q.Credit != nil && (q.Type == quiz.Single || q.Type == quiz.Multi) && len(q.Credit) != len(q.Choices):
		bad("%d credits for %d answers", len(q.Credit), len(q.Choices))
	case q.Credit != nil && q.Type == quiz.Short && len(q.Credit) != len(q.Accept):
		bad("%d credits for %d accepted answers", len(q.Credit), len(q.Accept))
	case q.Credit != nil && q.Type != quiz.Single && q.Type != quiz.Multi && q.Type != quiz.Short:
		bad("type %s has no per-answer credit", q.Type)
	case len(q.Numbers) > 0 && q.Type != quiz.Numeric:
		bad("type %s has no further numbers", q.Type)
	}
	for _, c := range q.Credit {
		if !(c >= -1 && c <= 1) {
			bad("credit %v is out of range (-1 to 1)", c)
		}
	}

	// Fields that belong to other types stay empty, as the loader refuses them.
	uses := map[string]bool{}
	switch q.Type {
	case quiz.Single, quiz.Multi:
		uses["choices"] = true
		checkList(bad, "answers", q.Choices, 2, 10)
		if q.Type == quiz.Single && len(q.Correct) != 1 {
			bad("a single-choice question has exactly one right answer, not %d", len(q.Correct))
		}
		if q.Type == quiz.Multi && len(q.Correct) == 0 {
			bad("expected at least one right answer")
		}
		seen := map[int]bool{}
		for _, i := range q.Correct {
			if i < 0 || i >= len(q.Choices) || seen[i] {
				bad("right answer %d is out of range or repeated", i)
			}
			seen[i] = true
		}
	case quiz.TrueFalse:
		uses["truth"] = true
	case quiz.Short:
		uses["accept"] = true
		if len(q.Accept) == 0 {
			bad("expected at least one accepted answer")
		}
		for _, a := range q.Accept {
			if quiz.Normalize(a) == "" && !strings.Contains(a, "*") {
				bad("accepted answer %q has no letters or digits to compare", a)
			}
		}
	case quiz.Numeric:
		uses["numeric"] = true
		if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) {
			bad("the answer is not a finite number")
		}
		if !(q.Tol >= 0) || math.IsInf(q.Tol, 0) {
			bad("tolerance must be a finite number, not negative")
		}
	case quiz.Order:
		uses["items"] = true
		checkList(bad, "items", q.Items, 2, 12)
	case quiz.Match:
		uses["pairs"] = true
		lefts, rights := make([]string, len(q.Pairs)), make([]string, len(q.Pairs))
		for i, p := range q.Pairs {
			lefts[i], rights[i] = p.Left, p.Right
		}
		checkList(bad, "pairs", lefts, 2, 0)
		for _, r := range rights {
			if strings.TrimSpace(r) == "" {
				bad("empty right-hand side")
			}
		}
	case quiz.Open:
		uses["open"] = true
		if strings.TrimSpace(q.Model) == "" {
			bad("expected a model answer")
		}
	case quiz.Info:
	default:
		bad("unknown type %q", q.Type)
	}
	for _, f := range []struct {
		name string
		set  bool
	}{
		{"choices", len(q.Choices) > 0 || len(q.Correct) > 0},
		{"truth", q.Truth},
		{"accept", len(q.Accept) > 0},
		{"numeric", q.Value != 0 || q.Tol != 0 || q.Unit != ""},
		{"items", len(q.Items) > 0},
		{"pairs", len(q.Pairs) > 0},
		{"open", q.Model != "" || len(q.Key) > 0},
	} {
		if f.set && !uses[f.name] {
			bad("type %s does not use %s", q.Type, f.name)
		}
	}
	return out
}

// checkList checks a list of texts: between lo and hi entries (no upper
// limit when hi is 0), none empty, no two the same once trimmed.
func checkList(bad func(string, ...any), what string, list []string, lo, hi int) {
	if len(list) < lo || hi > 0 && len(list) > hi {
		bad("give %d to %d %s, not %d", lo, hi, what, len(list))
	}
	seen := map[string]bool{}
	for _, s := range list {
		if strings.TrimSpace(s) == "" {
			bad("empty entry in %s", what)
		}
		k := strings.TrimSpace(s)
		if seen[k] {
			bad("%q appears twice in %s", s, what)
		}
		seen[k] = true
	}
}
