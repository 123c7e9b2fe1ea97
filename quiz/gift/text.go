package gift

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/conflictq/conflictq/quiz/internal/lazy"
)

// char is one character of a question block. GIFT's structure ({ } ~ = # :
// -> ####) is only ever read from unescaped characters, so each character
// remembers whether it was written with a backslash, and the line it stands on
// so that every problem can name its line.
type char struct {
	r    rune
	esc  bool
	line int
}

// text is a run of a question block's characters, escapes resolved.
type text []char

// lex turns a block's lines (the first on line first) into text, resolving the
// escapes Moodle knows (\~ \= \# \{ \} \: \\ and \n for a line break), and
// sets the comment lines aside: they are not part of the question, but some
// carry conflictq's metadata (see meta.go). A backslash before anything else
// is kept as a backslash, as Moodle keeps it.
func lex(lines []string, first int) (text, []comment) {
	size := 0
	for _, ln := range lines {
		size += len(ln) + 1 // bytes: at least as many as characters
	}
	t := make(text, 0, size) // once: growing it would hold twice as much
	var comments []comment
	for k, ln := range lines {
		n := first + k
		if trimmed := strings.TrimSpace(ln); strings.HasPrefix(trimmed, "//") {
			comments = append(comments, comment{line: n, text: strings.TrimSpace(trimmed[2:])})
			continue
		}
		if len(t) > 0 {
			t = append(t, char{r: '\n', line: n - 1})
		}
		rs := []rune(ln)
		for i := 0; i < len(rs); i++ {
			if rs[i] == '\\' && i+1 < len(rs) {
				switch next := rs[i+1]; next {
				case '~', '=', '#', '{', '}', ':', '\\':
					t = append(t, char{r: next, esc: true, line: n})
					i++
					continue
				case 'n':
					t = append(t, char{r: '\n', esc: true, line: n})
					i++
					continue
				}
			}
			t = append(t, char{r: rs[i], line: n})
		}
	}
	return t, comments
}

// String returns the characters, escapes resolved.
func (t text) String() string {
	var b strings.Builder
	for _, c := range t {
		b.WriteRune(c.r)
	}
	return b.String()
}

// at reports whether s, unescaped, starts at position i.
func (t text) at(i int, s string) bool {
	for _, r := range s {
		if i < 0 || i >= len(t) || t[i].esc || t[i].r != r {
			return false
		}
		i++
	}
	return true
}

// index returns the position of the first unescaped s at or after from, or -1.
func (t text) index(s string, from int) int {
	for i := max(from, 0); i < len(t); i++ {
		if t.at(i, s) {
			return i
		}
	}
	return -1
}

// lastIndex returns the position of the last unescaped s, or -1.
func (t text) lastIndex(s string) int {
	for i := len(t) - 1; i >= 0; i-- {
		if t.at(i, s) {
			return i
		}
	}
	return -1
}

// trim removes white space, escaped line breaks included, from both ends.
func (t text) trim() text {
	i, j := 0, len(t)
	for i < j && unicode.IsSpace(t[i].r) {
		i++
	}
	for j > i && unicode.IsSpace(t[j-1].r) {
		j--
	}
	return t[i:j]
}

// trimRaw removes unescaped white space from both ends, keeping \n line breaks.
func (t text) trimRaw() text {
	i, j := 0, len(t)
	for i < j && !t[i].esc && unicode.IsSpace(t[i].r) {
		i++
	}
	for j > i && !t[j-1].esc && unicode.IsSpace(t[j-1].r) {
		j--
	}
	return t[i:j]
}

// line returns the line of t's first character, or fallback when t is empty.
func (t text) line(fallback int) int {
	if len(t) > 0 {
		return t[0].line
	}
	return fallback
}

// splitBefore cuts t before every unescaped rune of marks: "a ~b =c" gives
// "a ", "~b ", "=c". The first part is empty when t starts with a mark.
func (t text) splitBefore(marks string) []text {
	var parts []text
	start := 0
	for i, c := range t {
		if !c.esc && strings.ContainsRune(marks, c.r) && i > start {
			parts = append(parts, t[start:i])
			start = i
		}
	}
	return append(parts, t[start:])
}

// str renders t as text. A line break typed in the file is layout, not
// content: each typed line is trimmed, and the lines are joined with a line
// break (keepLines, for prompts and feedback, as Moodle shows them) or with a
// space (for answers, which are one line). \n always gives a line break.
func (t text) str(keepLines bool) string {
	sep := " "
	if keepLines {
		sep = "\n"
	}
	var b strings.Builder
	start := 0
	for i := 0; i <= len(t); i++ {
		if i < len(t) && (t[i].esc || t[i].r != '\n') {
			continue
		}
		piece := t[start:i].trimRaw()
		start = i + 1
		if len(piece) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(piece.String())
	}
	return strings.TrimSpace(b.String())
}

// strIndented is str(true) for HTML with a <pre> block: each typed line
// keeps its indentation (only trailing white space goes), and blank lines
// stay; StripHTML then drops what HTML ignores outside <pre>.
func (t text) strIndented() string {
	var b strings.Builder
	start := 0
	for i := 0; i <= len(t); i++ {
		if i < len(t) && (t[i].esc || t[i].r != '\n') {
			continue
		}
		piece := t[start:i]
		start = i + 1
		j := len(piece)
		for j > 0 && !piece[j-1].esc && unicode.IsSpace(piece[j-1].r) {
			j--
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(piece[:j].String())
	}
	return b.String()
}

// escape writes s so that GIFT reads it back as s: the special characters get
// a backslash, and line breaks become \n so that the text stays on one line
// (a blank line would end the question). This is what Moodle's exporter does.
func escape(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return escaper.Get().Replace(s)
}

var escaper = &lazy.Value[*strings.Replacer]{New: func() *strings.Replacer {
	return strings.NewReplacer(
		`\`, `\\`, "~", `\~`, "=", `\=`, "#", `\#`, "{", `\{`, "}", `\}`, ":", `\:`,
		"\n", `\n`, "\r", `\n`,
	)
}}

// formatPrefix matches a [format] prefix such as [html] at the start of a text.
var formatPrefix = &lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`^\[([A-Za-z]+)\]`) }}

// The text formats GIFT names; conflictq shows every one of them as plain text.
const (
	formatMoodle   = "moodle"
	formatHTML     = "html"
	formatPlain    = "plain"
	formatMarkdown = "markdown"
)

// knownFormat reports whether name is one of the formats GIFT names. A
// switch, not a map: a map literal is work in the package's init.
func knownFormat(name string) bool {
	switch name {
	case formatMoodle, formatHTML, formatPlain, formatMarkdown:
		return true
	}
	return false
}

// CategoryName returns the last part of a Moodle category path such as
// $course$/top/History, where // stands for a slash inside a name.
func CategoryName(path string) string { return categoryName(path) }
