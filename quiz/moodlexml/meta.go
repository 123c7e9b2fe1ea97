package moodlexml

import (
	"slices"
	"strconv"
	"strings"

	"github.com/conflictq/conflictq/quiz"
)

// metaPrefix starts the XML comments that carry what Moodle XML has no place
// for; Moodle ignores comments.
const metaPrefix = "conflictq "

// The keys of those comments, one per line of a comment.
const (
	keySource      = "source"
	keyDifficulty  = "difficulty"
	keyKeyPoint    = "key point"
	keyTypos       = "typos"
	keyExplanation = "explanation"
)

// metaEscape keeps a value on one line and out of the comment's way: a line
// break is \n, a backslash \\, and "--" (which XML comments forbid) -\-.
func metaEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`, "--", `-\-`).Replace(s)
}

func metaUnescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			switch s[i+1] {
			case '\\':
				b.WriteByte('\\')
				i++
				continue
			case 'n':
				b.WriteByte('\n')
				i++
				continue
			case '-':
				b.WriteByte('-')
				i++
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

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
			value = strings.TrimSpace(metaUnescape(strings.TrimSpace(value)))
			switch strings.TrimSpace(key) {
			case keySource:
				if s, ok := parseSource(value); ok {
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

// parseSource reads a citation as Source.String() writes it.
func parseSource(v string) (quiz.Source, bool) {
	var s quiz.Source
	head := v
	if i := strings.Index(v, ": “"); i >= 0 && strings.HasSuffix(v, "”") && i+len(": “") <= len(v)-len("”") {
		head = v[:i]
		s.Quote = strings.TrimSpace(v[i+len(": “") : len(v)-len("”")])
	}
	if i := strings.LastIndex(head, ", ¶"); i >= 0 {
		if n, err := strconv.Atoi(head[i+len(", ¶"):]); err == nil && n > 0 {
			s.Paragraph, head = n, head[:i]
		}
	}
	s.Section = strings.TrimSpace(head)
	return s, s.Section != "" && len(strings.Fields(s.Quote)) <= quiz.MaxQuoteWords
}
