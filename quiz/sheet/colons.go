package sheet

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/lazy"
	"go.yaml.in/yaml/v3"
)

// Students write colons in their answers ("Region of Azerbaijan: occupied
// until 2020"), and YAML refuses such a line: a plain value cannot hold ": ".
// A line of the form "id: text" on a sheet can only mean the text, since YAML
// reads no other meaning into it (it is an error), so the reader takes it as
// the text, says so in a warning, and grades the rest of the sheet, rather
// than losing all of a student's answers to one colon.
//
// Only lines that YAML refuses are read this way: a value with ": " in it or
// ending in ":", or one that begins with a character YAML keeps for itself
// ("- ", "? ", "@", "`", "%", ",", "]", "}", "&", "*", "!"), an apostrophe
// or quote that is not closed on the answer's lines ("'cause they wanted"),
// a list not closed ("[a, b"), or a quote or list with more after it. A line
// inside a block (|, >) or a nested answer (a match question's pairs) is
// never touched, nor a quoted answer or a list that closes ('it''s' reads
// as YAML reads it): what else YAML refuses is reported, in plain words.
// Lines YAML reads but that a student cannot have meant as YAML, an anchor,
// alias or tag (&, *, !) at the start of an answer or of the student's name,
// on one line or more, are read as text too (yamlOnAnswers), so that "&" is
// never silently dropped; only an anchor or tag alone over a list or mapping
// is left to YAML, as structure.

// answerLine is "  key: value" at some indentation. Its key is deliberately
// looser than quiz's id pattern (ValidID): it must find every "key:" line
// whose value YAML would refuse, before YAML reads the sheet, and a sheet's
// keys are not only question ids: "student", a bank-qualified "bank/id", and
// a mistyped id in upper case or with a dot all reach the reader, and the grader
// names the ones that are no question. Recognising a line here validates nothing.
//
// It is the regular expression answerLinePattern, matched by hand: every
// sheet read looks at its lines with it, and compiling the expression was a
// page fault in forty of grading one sheet (TestAnswerLineIsItsPattern).
func answerLine() lineMatcher { return lineMatcher{} }

// answerLinePattern is what answerLine matches.
const answerLinePattern = `^( *)([A-Za-z0-9_][A-Za-z0-9_.\-/]*):[ \t]+(.*?)[ \t\r]*$`

// lineMatcher matches answerLinePattern, with the methods of a
// *regexp.Regexp that answerLine's callers use.
type lineMatcher struct{}

// FindStringSubmatch returns the line, its indentation, its key and its
// value (trailing spaces, tabs and CRs left out), or nil.
func (lineMatcher) FindStringSubmatch(s string) []string {
	i := 0
	for i < len(s) && s[i] == ' ' {
		i++
	}
	j := i
	if j == len(s) || !isKeyByte(s[j]) || s[j] == '.' || s[j] == '-' || s[j] == '/' {
		return nil
	}
	for j < len(s) && isKeyByte(s[j]) {
		j++
	}
	if j == len(s) || s[j] != ':' {
		return nil
	}
	k := j + 1
	if k == len(s) || s[k] != ' ' && s[k] != '\t' {
		return nil
	}
	for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
		k++
	}
	if strings.IndexByte(s[k:], '\n') >= 0 {
		return nil // . matches no line feed
	}
	return []string{s, s[:i], s[i:j], strings.TrimRight(s[k:], " \t\r")}
}

// MatchString reports whether s is a "key: value" line.
func (m lineMatcher) MatchString(s string) bool { return m.FindStringSubmatch(s) != nil }

// Match reports whether b is a "key: value" line.
func (m lineMatcher) Match(b []byte) bool { return m.MatchString(string(b)) }

// isKeyByte reports whether c may be in answerLine's key: [A-Za-z0-9_.\-/].
func isKeyByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '.' || c == '-' || c == '/'
}

// refused reports whether YAML refuses a plain value on a key's line, or
// (&, *, !) reads it as something no student writes.
func refused(v string) bool {
	if v == "" {
		return false
	}
	switch v[0] {
	case '"', '\'':
		// "HRW" said: a quoted text with more after it, which YAML
		// refuses. A quote left open may go on over lines: an answer's
		// is checked with its lines (quoteRefused).
		end := quotedEnd(v)
		rest := strings.TrimSpace(v[max(end, 0):])
		return end > 0 && rest != "" && !strings.HasPrefix(rest, "#")
	case '|', '>', '[', '{', '#':
		return false // YAML syntax (or a comment): a block's lines, a list's, are checked apart
	case '@', '`', '%', ',', ']', '}', '&', '*', '!':
		return true
	}
	if v == "-" || v == "?" || strings.HasPrefix(v, "- ") || strings.HasPrefix(v, "-\t") || strings.HasPrefix(v, "? ") || strings.HasPrefix(v, "?\t") {
		return true
	}
	// A comment (" #" or a tab and #) ends a plain value, and YAML reads
	// it as one: "HRW # I think: not sure" is not refused, whatever
	// other lines hold. A colon before it, or a colon and a tab, is.
	if i := strings.Index(v, " #"); i >= 0 {
		v = v[:i]
	}
	if i := strings.Index(v, "\t#"); i >= 0 {
		v = v[:i]
	}
	v = strings.TrimRight(v, " \t")
	return strings.Contains(v, ": ") || strings.Contains(v, ":\t") || strings.HasSuffix(v, ":")
}

// openedRefused reports whether an answer that begins with a quote or a
// bracket, with the lines that carry it on (text, joined by newlines), is one
// YAML refuses: the quote or list does not close on them, or has more after
// it. why says so, for the warning; "" when YAML reads it.
func openedRefused(text string) (bad bool, why string) {
	var end int
	var open byte // a quote inside the list that never closes
	if text[0] == '"' || text[0] == '\'' {
		end = quotedEnd(text)
	} else {
		end, open = flowEnd(text)
	}
	if end < 0 && open != 0 {
		// ['cause, b]: the list closes; the quote in it does not.
		return true, fmt.Sprintf("the %c in it is never closed; text with %c goes in double quotes", open, open)
	}
	if end < 0 {
		switch text[0] {
		case '\'':
			return true, "the ' at its start is never closed; next time, put such an answer in double quotes"
		case '"':
			return true, `the " at its start is never closed; next time, close it at the end of the answer`
		}
		return true, fmt.Sprintf("the %c at its start is never closed; a list ends with %c, like %s; text with %c goes in double quotes",
			text[0], closer(text[0]), map[byte]string{'[': "[a, c]", '{': "{1: b, 2: a}"}[text[0]], text[0])
	}
	rest := strings.TrimSpace(text[end:])
	if rest == "" || strings.HasPrefix(rest, "#") {
		return false, ""
	}
	return true, "next time, put such an answer in double quotes"
}

func closer(open byte) byte {
	if open == '[' {
		return ']'
	}
	return '}'
}

// flowEnd returns where a YAML flow list or mapping that v begins with ([ or
// {) ends (just past its closing bracket), or -1 when it does not close:
// brackets nest, and those inside quotes are text. open is the quote that
// never closes when that is why (['cause, b]), else 0.
func flowEnd(v string) (end int, open byte) {
	depth := 0
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '[', '{':
			depth++
		case ']', '}':
			if depth--; depth == 0 {
				return i + 1, 0
			}
		case '"', '\'':
			if i > 0 && !strings.ContainsRune(" \t\n[{,", rune(v[i-1])) {
				continue // a quote inside a word: [Azerbaijan's], [b"]
			}
			end := quotedEnd(v[i:])
			if end < 0 {
				return -1, v[i]
			}
			i += end - 1
		}
	}
	return -1, 0
}

// quotedEnd returns where a quoted YAML scalar that v begins with ends (just
// past its closing quote), or -1 when it does not close on this line.
func quotedEnd(v string) int {
	q := v[0]
	for i := 1; i < len(v); i++ {
		switch {
		case q == '"' && v[i] == '\\':
			i++
		case v[i] == q && q == '\'' && i+1 < len(v) && v[i+1] == '\'':
			i++ // '' is a quote inside single quotes
		case v[i] == q:
			return i + 1
		}
	}
	return -1
}

// quoteRefused rewrites the answer lines (and the student line) that YAML
// refuses as double-quoted text, and returns the lines it rewrote (1-based)
// with the ids; nil when there was nothing to rewrite. With only set, it
// rewrites those of only's lines alone.
func quoteRefused(data []byte, only map[int]bool) ([]byte, []quiz.Problem) {
	lines := SplitLines(data) // lines.go: counted as YAML counts them
	var fixed []quiz.Problem
	inAnswers, indent, blockAt, skip := false, -1, -1, 0
	for i, raw := range lines {
		if i < skip {
			continue // a line of the quote or list begun above
		}
		line := strings.TrimRight(string(raw), lineBreaks)
		trimmed := strings.TrimSpace(line)
		at := len(line) - len(strings.TrimLeft(line, " "))
		if blockAt >= 0 {
			if trimmed == "" || at > blockAt {
				continue // inside a block scalar: the student's text as written
			}
			blockAt = -1
		}
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if at == 0 {
			inAnswers = strings.HasPrefix(line, "answers:")
			indent = -1
		} else if inAnswers && indent < 0 {
			indent = at
		}
		if only != nil && !only[i+1] {
			continue
		}
		m := answerLine().FindStringSubmatch(line)
		if m == nil {
			continue
		}
		f := quoteLine(lines, i, at, m, inAnswers && at == indent)
		if f.block {
			blockAt = at // a block: the lines below are the answer
		}
		skip = max(skip, f.skip)
		if f.fixed {
			fixed = append(fixed, f.problem)
		}
	}
	if fixed == nil {
		return nil, nil
	}
	return bytes.Join(lines, nil), fixed
}

// lineFix is what quoteRefused does with a key's line.
type lineFix struct {
	problem quiz.Problem // the warning for the line (or lines) rewritten, when fixed
	fixed   bool
	block   bool // a block scalar begins: the lines below it are text
	skip    int  // the lines before this one are the line's own (a quote or list over lines)
}

// quoteLine reads lines[i], a key's line at indent at (m: answerLine's
// match), for quoteRefused, and rewrites it in lines when YAML refuses it;
// answer says it is one of the answers.
func quoteLine(lines [][]byte, i, at int, m []string, answer bool) lineFix {
	key, value := m[2], m[3]
	typed := value // what the student wrote, for the warning
	comment := ""  // a comment after the answer, kept as one
	if strings.HasPrefix(value, "|") || strings.HasPrefix(value, ">") {
		if !answer || blockHeader(value) {
			return lineFix{block: true}
		}
		// "id: | my answer": the answer on the |'s own line, which
		// YAML refuses; the text after the | (or >) is the answer.
		// A > before a number ("> 20000", ">350") is a comparison
		// the student wrote, not YAML's: kept, for the numeric
		// reader to judge, never dropped without a word.
		if !comparison.Get().MatchString(value) {
			value, comment = afterBar(value)
		}
	} else if !(answer || at == 0 && key == "student") {
		return lineFix{}
	} else if more := continuation(lines, i, at, value); answer && value != "" && strings.ContainsAny(value[:1], "\"'[{") {
		return openedLines(lines, i, at, m, value)
	} else if answer && more > 0 && value[0] != '#' {
		return plainLines(lines, i, m, value, more)
	} else if !refused(value) {
		return lineFix{}
	}
	var msg string
	lines[i], msg = quotedLine(m[1], key, value, typed, comment, lines[i])
	p := quiz.Problem{Line: i + 1, Warning: true, Reading: true, Msg: msg}
	if answer {
		p.Question = key
	} else {
		p.Field = key
	}
	return lineFix{problem: p, fixed: true}
}

// openedLines reads an answer that opens a quote or a list, maybe over
// lines: as YAML reads it when it closes on the answer's lines with nothing
// after it; else as the text typed ("'cause they wanted"), each line kept
// where it was. Its lines are those YAML reads as its own: an editor's
// auto-indent puts them at the id's indent, not under it.
func openedLines(lines [][]byte, i, at int, m []string, value string) lineFix {
	group := openedGroup(lines, i, at, value)
	f := lineFix{skip: i + len(group)} // its lines are its own, a column-0 one too: no key, no end of the answers
	if bad, reason := openedRefused(strings.Join(group, "\n")); bad {
		f.problem, f.fixed = textGroup(lines, i, m, group, reason), true
	}
	return f
}

// plainLines reads a plain answer that goes on over lines: YAML refuses a
// colon on any of them, and drops an anchor or tag (&, !) at its start, or
// refuses an alias (*) with more after it. Each line is kept where it was,
// in one double-quoted text that folds as the plain one did. An anchor or
// tag alone over a list or mapping is YAML structure: left to YAML.
func plainLines(lines [][]byte, i int, m []string, value string, more int) lineFix {
	if yamlMark(value) && !strings.ContainsAny(value, " \t") && structure(lines[i+1]) {
		return lineFix{}
	}
	group, bad := plainGroup(lines[i+1:i+1+more], value)
	if !bad {
		return lineFix{}
	}
	return lineFix{problem: textGroup(lines, i, m, group, "next time, write such an answer on the lines below a |"), fixed: true}
}

// afterBar reads "id: | my answer", an answer on the |'s (or >'s) own line,
// which YAML refuses: the text after the bar is the answer. "|350 # days":
// the # after a space begins a comment, as on any plain answer's line
// (attack13 #9); it is kept as one, for the reader to report.
func afterBar(value string) (answer, comment string) {
	value = strings.TrimSpace(value[1:])
	if k := commentStart(value); k > 0 && !strings.ContainsAny(value[:1], "\"'") {
		return strings.TrimSpace(value[:k]), " " + value[k:]
	}
	return value, ""
}

// plainGroup is a plain answer that goes on over the lines more, each
// trimmed, and whether YAML refuses it: a colon on any of its lines, or
// what refused finds in its first.
func plainGroup(more [][]byte, value string) (group []string, bad bool) {
	group, bad = []string{value}, refused(value)
	for _, l := range more {
		t := strings.TrimSpace(string(l))
		group = append(group, t)
		bad = bad || strings.Contains(t, ": ") || strings.Contains(t, ":\t") || strings.HasSuffix(t, ":")
	}
	return group, bad
}

// quotedLine is an answer's (or the student's) line rewritten with value
// double-quoted after prefix and key, its comment and line break kept, and
// the warning's message: typed is what the student wrote.
func quotedLine(prefix, key, value, typed, comment string, raw []byte) ([]byte, string) {
	written := strings.TrimSpace(jsonQuoted(value))
	if comment != "" {
		// Written plain, so that YAML reads the comment as it does
		// on any plain answer ("1994 # the ceasefire") and the
		// sheet reports it; a text YAML refuses plain keeps it,
		// and so does one YAML reads as null ("null", "~"), which
		// plain would lose the answer (review22 #1).
		if value == "" || refused(value) || yamlMark(value) || strings.ContainsAny(value[:1], "|>[{#\"'") || yamlNull(value) {
			value, comment = value+comment, ""
			written = strings.TrimSpace(jsonQuoted(value))
		} else {
			written = value
		}
	}
	line := []byte(prefix + key + ": " + written + comment + lineBreak(raw))
	msg := fmt.Sprintf("read as text, as written: %q (next time, put such an answer in double quotes)", value)
	if comment != "" {
		typed = strings.TrimSpace(strings.TrimSuffix(typed, strings.TrimSpace(comment)))
	}
	if typed != value {
		msg = fmt.Sprintf("read as text, as written: %q, as %q (the %c at its start is YAML's; next time, put such an answer in double quotes)", typed, value, typed[0])
	}
	return line, msg
}

// blockHeader reports whether an answer's value is a block scalar's header
// alone, as YAML reads one: | or >, then at most a chomping indicator (+ -)
// and one indentation digit (1-9), in either order, then nothing but spaces
// or a comment. "|1994" and ">350" are not: YAML refuses them, and they are
// what the student typed.
func blockHeader(v string) bool {
	rest := v[1:]
	var chomp, digit bool
	for rest != "" {
		switch c := rest[0]; {
		case (c == '+' || c == '-') && !chomp:
			chomp = true
		case c >= '1' && c <= '9' && !digit:
			digit = true
		default:
			t := strings.TrimLeft(rest, " \t")
			return t == "" || t[0] == '#' && len(t) < len(rest)
		}
		rest = rest[1:]
	}
	return true
}

// comparison is a > (or <) before a number: "> 20000", ">350".
var comparison = &lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
	return regexp.MustCompile(`^[<>]=?[ \t]*[-+]?[0-9.,]*[0-9]`)
}}

// lineBreak is the line break raw (a line of SplitLines) ends with, or "".
func lineBreak(raw []byte) string {
	t := bytes.TrimRight(raw, lineBreaks)
	return string(raw[len(t):])
}

// openedGroup is the lines of an answer that begins (value, on lines[i],
// its id at indent at) with a quote or a bracket, as YAML reads them: the
// lines up to the one the quote or list closes on, whatever their indent (an
// editor with no auto-indent puts them at column 0; YAML reads them all the
// same), comments inside included, as a quote reads them; never past the
// next "id:" line at the id's indent or left of it, nor a document marker.
// When YAML refuses it so (it never closes, or more follows: an apostrophe in
// the next question's comment), the group ends before the first comment at
// or left of the id's indent: that is the next question's. Each line is
// trimmed; blank lines inside are kept.
func openedGroup(lines [][]byte, i, at int, value string) []string {
	closeAt := func(text string) int { // just past where the quote or list closes, or -1
		if text[0] == '"' || text[0] == '\'' {
			return quotedEnd(text)
		}
		end, _ := flowEnd(text)
		return end
	}
	group := []string{value}
	if closeAt(value) > 0 {
		return group // most answers: closed on their line
	}
	// The lines it may go on over, read at once (the first place it
	// closes in all of them is where it closes line by line): never a
	// scan per line over all the lines above it.
	starts := []int{0} // each group line's offset in text
	var text strings.Builder
	text.WriteString(value)
	open := -1 // the group's length before its first comment at or left of the id's indent
	blank := 0
	for j := i + 1; j < len(lines); j++ {
		l := strings.TrimRight(string(lines[j]), lineBreaks)
		t := strings.TrimSpace(l)
		la := len(l) - len(strings.TrimLeft(l, " "))
		if t == "" {
			blank++
			continue
		}
		if la <= at && answerLine().MatchString(t+" ") || la == 0 && (strings.HasPrefix(t, "---") || strings.HasPrefix(t, "...")) {
			break
		}
		if la <= at && t[0] == '#' && open < 0 {
			open = len(group)
		}
		for ; blank > 0; blank-- {
			text.WriteByte('\n')
			starts, group = append(starts, text.Len()), append(group, "")
		}
		text.WriteByte('\n')
		starts, group = append(starts, text.Len()), append(group, t)
		text.WriteString(t)
	}
	if end := closeAt(text.String()); end > 0 {
		n := len(group)
		for n > 1 && starts[n-1] >= end {
			n-- // the lines after the one it closes on
		}
		group = group[:n]
	}
	if bad, _ := openedRefused(strings.Join(group, "\n")); bad && open >= 0 && open < len(group) {
		group = group[:open] // the comment is the next question's: read without it
	}
	return group
}

// yamlMark reports whether a value begins with an anchor, alias or tag (&,
// *, !): YAML syntax no sheet asks for, which a student types as text.
func yamlMark(v string) bool {
	return v != "" && (v[0] == '&' || v[0] == '*' || v[0] == '!')
}

// structure reports whether a line that carries an answer on begins a list
// item or a key: what YAML reads as a list or mapping, not as text.
func structure(line []byte) bool {
	t := strings.TrimSpace(string(line))
	return t == "-" || t == "?" || strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "? ") || answerLine().MatchString(t+" ") && !strings.HasPrefix(t, "#")
}

// textGroup rewrites the answer on lines[i] (m is its answerLine match),
// which goes on over the lines of group, as one double-quoted text, each of
// its lines kept where it was, and returns the warning that says so.
func textGroup(lines [][]byte, i int, m []string, group []string, why string) quiz.Problem {
	for k, t := range group {
		lead, end := m[1]+m[2]+": \"", ""
		if k > 0 {
			raw := string(lines[i+k])
			lead = raw[:len(raw)-len(strings.TrimLeft(raw, " \t"))]
		}
		if k == len(group)-1 {
			end = "\""
		}
		lines[i+k] = []byte(lead + jsonInner(t) + end + lineBreak(lines[i+k]))
	}
	return quiz.Problem{Line: i + 1, Warning: true, Reading: true, Question: m[2],
		Msg: fmt.Sprintf("read as text, as written: %q (%s)", strings.Join(group, " "), why)}
}

// plainYAMLError says in plain words what a student can do about a line YAML
// refused, when the line is an answer: nothing a student wrote needs the word
// "mapping". It returns the line to name (YAML names the start of the
// mapping for a stray quote) and "" for other errors.
func plainYAMLError(data []byte, line int, msg string) (int, string) {
	if !strings.HasPrefix(msg, "invalid YAML") {
		return line, ""
	}
	var lines [][]byte // as YAML counts them (lines.go), without their breaks
	for _, l := range SplitLines(data) {
		lines = append(lines, bytes.TrimRight(l, lineBreaks))
	}
	if _, name, ok := strings.Cut(msg, "unknown anchor '"); ok && line < 1 {
		// YAML names no line for an alias to no anchor: find it (a
		// match pair "2: *c", which is never read as text).
		name, _, _ = strings.Cut(name, "'")
		for i, l := range lines {
			if m := answerLine().FindStringSubmatch(string(l)); m != nil && (m[3] == "*"+name || strings.HasPrefix(m[3], "*"+name+" ")) {
				line = i + 1
				break
			}
		}
	}
	last := len(lines)
	for last > 0 && len(bytes.TrimSpace(lines[last-1])) == 0 {
		last--
	}
	if line > last && last > 0 {
		line = last // YAML names the line after the end for a list left open on the last one
	}
	if line < 1 || line > len(lines) {
		return line, ""
	}
	if strings.Contains(msg, "did not find expected key") {
		// A quoted answer with more after its closing quote: YAML names
		// the line where the mapping began; find the answer.
		for i := line - 1; i < len(lines); i++ {
			m := answerLine().FindStringSubmatch(string(lines[i]))
			if m == nil || m[3] == "" || m[3][0] != '"' && m[3][0] != '\'' {
				continue
			}
			if v := m[3]; strings.LastIndexByte(v, v[0]) == 0 || !strings.HasSuffix(v, v[:1]) {
				return i + 1, fmt.Sprintf("%s: the answer %s could not be read: a quote must close the whole answer; put all of it in double quotes and write a quote inside it as \\\", like  %s: %q",
					m[2], v, m[2], v)
			}
		}
		return line, "the answers could not be read from this line on: each answer goes on the line of its id (id: answer), and the lines of an answer under a | are all indented by the same number of spaces, more than the id"
	}
	if strings.Contains(msg, "could not find expected ':'") {
		// A line that is no "id: answer", at an id's indent: YAML names
		// the line after it. Name the line and the answer it follows.
		if bare, id := bareLine(lines, line); bare > 0 {
			return bare, fmt.Sprintf("%s: the line %q below it could not be read: it is no \"id: answer\" line; if it goes on the answer to %s, indent it by two more spaces than %s, or put the whole answer in double quotes",
				id, strings.TrimSpace(string(lines[bare-1])), id, id)
		}
	}
	m := answerLine().FindStringSubmatch(string(lines[line-1]))
	if m == nil || m[1] == "" && m[2] != "student" { // banks:, seed: are the teacher's
		return line, ""
	}
	key, value := m[2], m[3]
	switch {
	case value != "" && (value[0] == '"' || value[0] == '\'') && quotedEnd(value) < 0:
		return line, fmt.Sprintf("%s: the quote that begins this answer is never closed: end the answer with %c", key, value[0])
	case strings.HasPrefix(value, "|") || strings.HasPrefix(value, ">"):
		return line, fmt.Sprintf("%s: the answer could not be read: write it on the lines below the %c, each indented by two more spaces than %s", key, value[0], key)
	case strings.Contains(msg, "mapping values are not allowed"), strings.Contains(msg, "block sequence entries are not allowed"),
		strings.Contains(msg, "cannot start any token"), strings.Contains(msg, "unknown anchor"):
		return line, fmt.Sprintf("%s: the answer %q could not be read: put the answer in quotes, like  %s: %q", key, value, key, strings.Trim(value, `"'`))
	case strings.HasPrefix(value, "[") || strings.HasPrefix(value, "{"):
		closing := "}"
		if value[0] == '[' {
			closing = "]"
		}
		return line, fmt.Sprintf("%s: the answer %s could not be read: a list needs its closing %s; if it is text, put it in quotes, like  %s: %q", key, value, closing, key, value)
	}
	return line, ""
}

// bareLine finds, at or above line (1-based), the last line that is neither
// blank, a comment, nor a "key: value" line, indented as the answer line
// above it or less (at column 0, from an editor with no auto-indent), and
// that answer's id: the line YAML could not read where it expected a key. 0
// when there is none.
func bareLine(lines [][]byte, line int) (int, string) {
	for i := min(line, len(lines)) - 1; i > 0; i-- {
		t := strings.TrimSpace(string(lines[i]))
		if t == "" || t[0] == '#' || answerLine().MatchString(string(lines[i])+" ") {
			continue
		}
		at := len(lines[i]) - len(bytes.TrimLeft(lines[i], " "))
		for j := i - 1; j >= 0; j-- {
			m := answerLine().FindStringSubmatch(string(lines[j]) + " ")
			if m == nil {
				continue
			}
			if m[1] == "" || at > len(m[1]) {
				return 0, "" // a top-level key's, or a line under an answer: not this
			}
			return i + 1, m[2]
		}
		return 0, ""
	}
	return 0, ""
}

// indentBlocks reads an open answer written under "id: |" (or >) at the
// id's own indent, not two spaces more, as that answer: YAML would read its
// first line as a new key (an answer to no such question, or a refusal) and
// the question as unanswered, and the sheet would look complete. After an
// "id: |" with no more-indented line below, the next lines at the id's
// indent that are neither an id line (quiz.ValidID before a colon) nor a
// comment are the answer, up to the next id line, comment or dedent; they
// are indented by two spaces, each line kept where it was, with a warning.
// An empty | followed by the next id stays empty.
//
// lf says whether LF is data's only line break (onlyLF).
func indentBlocks(data []byte, lf bool) ([]byte, []quiz.Problem) {
	if !mayIndentBlocks(data, lf) {
		return data, nil // most sheets: every block indented as it should be
	}
	return indentBlocksAll(data)
}

// mayIndentBlocks reports whether indentBlocksAll could find an answer to
// indent in data: false only for a text with LF line ends alone in which
// every line that could open a block (ending, as indentBlocksAll reads it,
// in | or > with chomping) is followed, past blank lines, by a line
// indented otherwise than it, or by none: a block indented as it should be,
// or a dedent, which indentBlocksAll passes over. It is a necessary
// condition of indentBlocksAll's, checked without splitting data into lines
// or matching a line (TestMayIndentBlocks holds it so): an answer sheet is
// mostly comment lines, and splitting and trimming each was a tenth of
// grading a folder of sheets. Only the lines that hold a | or a > are
// looked at, found by bytes.IndexByte (trimming each line's end was still
// 3.5% of grading a folder; a sheet has a few such lines, in its comments).
func mayIndentBlocks(data []byte, lf bool) bool {
	if !lf {
		return true
	}
	for _, c := range [...]byte{'|', '>'} {
		for from := 0; from < len(data); {
			k := bytes.IndexByte(data[from:], c)
			if k < 0 {
				break
			}
			at := from + k
			from = at + 1
			line, rest := cutLF(data[at+1:])
			if len(bytes.TrimRight(line, " \t\r+-")) > 0 {
				continue // more after it: not the end of its line
			}
			if blockUnindented(data[bytes.LastIndexByte(data[:at], '\n')+1:at], rest) {
				return true
			}
		}
	}
	return false
}

// blockUnindented reports whether the first line of rest that is not blank
// is indented as the line that begins with head: a block's text at its
// id's indent.
func blockUnindented(head, rest []byte) bool {
	at := len(head) - len(bytes.TrimLeft(head, " "))
	for len(rest) > 0 {
		next, after := cutLF(rest)
		if len(bytes.TrimSpace(next)) == 0 {
			rest = after
			continue
		}
		return len(next)-len(bytes.TrimLeft(next, " ")) == at
	}
	return false
}

// cutLF is data's first line, without its LF, and the text after it.
func cutLF(data []byte) (line, rest []byte) {
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		return data[:i], data[i+1:]
	}
	return data, nil
}

// indentBlocksAll is indentBlocks, looking at every line.
func indentBlocksAll(data []byte) ([]byte, []quiz.Problem) {
	lines := SplitLines(data) // lines.go: counted as YAML counts them
	var fixed []quiz.Problem
	inAnswers, indent := false, -1
	for i := 0; i < len(lines); i++ {
		// Looked at as bytes: most lines are passed over, and a string
		// of each was most of what reading a sheet allocated here.
		lb := bytes.TrimRight(lines[i], lineBreaks)
		trimmed := bytes.TrimSpace(lb)
		at := len(lb) - len(bytes.TrimLeft(lb, " "))
		if len(trimmed) == 0 || trimmed[0] == '#' {
			continue
		}
		if at == 0 {
			inAnswers, indent = bytes.HasPrefix(lb, []byte("answers:")), -1
			continue
		}
		if !inAnswers {
			continue
		}
		if indent < 0 {
			indent = at
		}
		if t := bytes.TrimRight(lb, " \t\r+-"); at != indent || len(t) == 0 || t[len(t)-1] != '|' && t[len(t)-1] != '>' {
			continue // ends as "id: |" or "id: >" would (with chomping): the regexp below only for a line that can open a block
		}
		line := string(lb)
		m := answerLine().FindStringSubmatch(line + " ") // "id: |" ends the line
		if m == nil {
			continue
		}
		v := strings.TrimSpace(m[3])
		if v == "" || (v[0] != '|' && v[0] != '>') || strings.Trim(v[1:], "+-") != "" {
			continue // not an empty block (an indentation indicator is left to YAML)
		}
		var body []int // the answer's lines, blank ones inside included
		blank := 0
		for j := i + 1; j < len(lines); j++ {
			l := strings.TrimRight(string(lines[j]), lineBreaks)
			t := strings.TrimSpace(l)
			la := len(l) - len(strings.TrimLeft(l, " "))
			if t == "" {
				blank++
				continue
			}
			if la < at || len(body) == 0 && la > at {
				break // a dedent, or a block indented as it should be
			}
			if la == at {
				if strings.HasPrefix(t, "#") {
					break
				}
				if k := answerLine().FindStringSubmatch(l + " "); k != nil && quiz.ValidID(k[2]) {
					break // the next question's id
				}
			}
			for ; blank > 0; blank-- {
				body = append(body, j-blank)
			}
			body = append(body, j)
		}
		if len(body) == 0 {
			continue
		}
		for _, j := range body {
			if strings.TrimSpace(string(lines[j])) != "" {
				lines[j] = append([]byte("  "), lines[j]...)
			}
		}
		fixed = append(fixed, quiz.Problem{Line: body[0] + 1, Warning: true, Reading: true, Question: m[2],
			Msg: fmt.Sprintf("read as the answer to %s; indent answer lines under the id, two spaces more than %s", m[2], m[2])})
		i = body[len(body)-1]
	}
	if fixed == nil {
		return data, nil
	}
	return bytes.Join(lines, nil), fixed
}

// commentStart is where a comment begins in a plain value: at a # after a
// space or tab, as YAML reads one; or -1.
func commentStart(v string) int {
	for k := 1; k < len(v); k++ {
		if v[k] == '#' && (v[k-1] == ' ' || v[k-1] == '\t') {
			return k
		}
	}
	return -1
}

// yamlNull reports whether YAML reads v, written plain, as null ("null",
// "Null", "~"): asked of the YAML library, so it resolves as the reader does.
func yamlNull(v string) bool {
	return (&yaml.Node{Kind: yaml.ScalarNode, Value: v}).ShortTag() == "!!null"
}

// jsonQuoted is v as a double-quoted YAML (JSON) string (a JSON string is
// a YAML double-quoted one), with a line break after it. Encoding a string
// cannot fail.
func jsonQuoted(v string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	return b.String()
}
