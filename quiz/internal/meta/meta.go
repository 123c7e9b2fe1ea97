// Package meta is conflictq's metadata in comments: what GIFT and Moodle XML
// have no place for (a citation, a difficulty, key points …) written as
// "key: value" comment lines, which Moodle ignores and the importers read
// back. Both formats escape values and read citations here.
package meta

import (
	"strconv"
	"strings"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/lazy"
	"github.com/conflictq/conflictq/quiz/text"
)

// The keys both formats write.
const (
	Source      = "source"
	Difficulty  = "difficulty"
	KeyPoint    = "key point"
	Typos       = "typos"
	Explanation = "explanation"
)

var lineEscaper = &lazy.Value[*strings.Replacer]{New: func() *strings.Replacer {
	return strings.NewReplacer(`\`, `\\`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)
}}

// Escape keeps a value on one comment line: a line break is \n, a backslash
// \\.
func Escape(s string) string { return lineEscaper.Get().Replace(s) }

// EscapeGIFTComment is Escape for a GIFT comment, in which Moodle and the
// GIFT reader take any "[id:…]" for the question's id and any "[tag:…]" for a
// tag: the colon of each is written \:, so that a value never names one.
// (Both readers match these lower-case forms only.)
func EscapeGIFTComment(s string) string {
	s = Escape(s)
	if !strings.Contains(s, "[id:") && !strings.Contains(s, "[tag:") {
		return s
	}
	return giftMoodleEscaper.Get().Replace(s)
}

var giftMoodleEscaper = &lazy.Value[*strings.Replacer]{New: func() *strings.Replacer {
	return strings.NewReplacer("[id:", `[id\:`, "[tag:", `[tag\:`)
}}

// EscapeXMLComment is Escape for an XML comment, which may not hold "--":
// a hyphen after a hyphen is written \-, so "---" is -\--\- … never "--".
func EscapeXMLComment(s string) string {
	s = Escape(s)
	if !strings.Contains(s, "--") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '-' && i > 0 && s[i-1] == '-' {
			b.WriteString(`\-`)
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Unescape reads what Escape, EscapeGIFTComment and EscapeXMLComment wrote,
// and \, (a comma inside one item of a list, as GIFT's "// tags:" writes it).
func Unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			switch s[i+1] {
			case '\\', '-', ':', ',':
				b.WriteByte(s[i+1])
				i++
				continue
			case 'n':
				b.WriteByte('\n')
				i++
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// ParseSource reads a citation as quiz.Source.String writes it: Section,
// ¶4: “quote”. It returns a message when the citation cannot be used as the
// YAML loader would accept it.
func ParseSource(v string) (quiz.Source, string) {
	var s quiz.Source
	head := v
	if i := strings.Index(v, ": “"); i >= 0 && strings.HasSuffix(v, "”") && i+len(": “") <= len(v)-len("”") {
		head = v[:i]
		s.Quote = strings.TrimSpace(v[i+len(": “") : len(v)-len("”")])
	}
	if i := strings.LastIndex(head, ", ¶"); i >= 0 {
		if n, ok := paragraph(head[i+len(", ¶"):]); ok {
			s.Paragraph, head = n, head[:i]
		}
	}
	s.Section = strings.TrimSpace(head)
	switch {
	case s.Section == "":
		return quiz.Source{}, "expected a section first (Section, ¶4: “quote”); ignored"
	case text.Words(s.Quote) > quiz.MaxQuoteWords:
		return quiz.Source{}, "the quote has " + strconv.Itoa(text.Words(s.Quote)) + " words; quote at most " + strconv.Itoa(quiz.MaxQuoteWords) + "; ignored"
	}
	return s, ""
}

// paragraph reads a paragraph number: 1 to 999,999,999, digits only.
func paragraph(s string) (int, bool) {
	if s == "" || len(s) > 9 || s[0] < '1' || s[0] > '9' {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}
