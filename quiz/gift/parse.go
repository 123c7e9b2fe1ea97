package gift

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/lazy"
	qtext "github.com/conflictq/conflictq/quiz/text"
)

// NoModelAnswer is the model answer of an essay question that gives none:
// conflictq's open questions always show one.
const NoModelAnswer = "(no model answer given)"

// Parse reads a GIFT file and returns it as a bank, with any warnings. file
// names the input in messages; the bank's id is the slug of its base name and
// its title the name of the first $CATEGORY, or else (or when that name is
// written like an id, such as lesson-1) the base name. When the
// file has errors, Parse returns an *quiz.InvalidError that lists every
// problem (errors and warnings) with its line, in the order of the file.
//
// Every question Parse returns satisfies what the YAML loader guarantees
// (see check), so the rest of conflictq can use it like any other.
func Parse(file string, data []byte) (*quiz.Bank, []quiz.Problem, error) {
	p := &parser{file: file, ps: quiz.Problems{File: file}}
	if err := quiz.CheckText(file, data); err != nil {
		return nil, nil, err
	}
	s := strings.TrimPrefix(string(data), "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	// Questions are separated by blank lines, as Moodle reads them.
	for i := 0; i < len(lines); {
		if strings.TrimSpace(lines[i]) == "" {
			i++
			continue
		}
		j, size := i, 0
		for j < len(lines) && strings.TrimSpace(lines[j]) != "" {
			size += len(lines[j]) + 1
			j++
		}
		if p.blocks >= quiz.MaxQuestions {
			p.errorf(i+1, "", "", "%s", quiz.TooManyQuestions())
			break
		}
		if size > MaxQuestionSize {
			// Reading it would cost many times its size, for a question
			// Moodle itself would not take.
			p.errorf(i+1, "", "", "this question is %d KB long; conflictq reads questions of at most %d KB", size>>10, MaxQuestionSize>>10)
		} else {
			p.block(lines[i:j], i+1)
		}
		i = j
	}

	name := quiz.TitleFromFile(file)
	b := &quiz.Bank{ID: qtext.Slug(name), Title: p.title, File: file}
	if b.Title != "" && qtext.Slug(b.Title) == b.Title && name != "" {
		// A category written like an id (lesson-1) only sorts questions in
		// Moodle; the file's name is what the teacher called the bank.
		b.Title = name
	}
	if b.ID == "" {
		b.ID = "gift"
	}
	if b.Title == "" {
		b.Title = name
	}
	if b.Title == "" {
		b.Title = "GIFT import"
	}
	p.finish(b.ID)
	if len(p.questions) == 0 && p.err() == nil {
		p.errorf(0, "", "", "no questions found: a GIFT question is text followed by answers in braces, such as 1+1=2 {T}")
	}
	if err := p.err(); err != nil {
		return nil, nil, err
	}
	b.Questions = p.questions
	sort.SliceStable(p.ps.List, func(i, j int) bool { return p.ps.List[i].Line < p.ps.List[j].Line })
	return b, p.ps.Warnings(), nil
}

// MaxQuestionSize bounds one question (a block between blank lines): a
// question with its pictures inlined fits, and reading one costs a bounded
// multiple of it.
const MaxQuestionSize = 1 << 20

// MaxAnswers bounds the answers read of one question: far more than any
// question may have (quiz.MaxChoices, quiz.MaxItems), so that the count can be told
// without building a million answers.
const MaxAnswers = 100

// parser holds what one file's reading has found so far.
type parser struct {
	file        string
	ps          quiz.Problems // at most quiz.MaxProblems, and a count of the rest
	questions   []*quiz.Question
	blocks      int    // questions met so far, kept or not: untitled ones are q1, q2… by position
	title       string // the first $CATEGORY's name
	categoryTag string // the current $CATEGORY, as a tag
}

func (p *parser) errorf(line int, qid, field, format string, args ...any) {
	p.ps.Add(line, qid, field, format, args...)
}

func (p *parser) warn(line int, qid, field, format string, args ...any) {
	p.ps.Warn(line, qid, field, format, args...)
}

// err returns an *quiz.InvalidError when any problem is an error, listing the
// problems in the order of their lines, as an editor shows the file.
func (p *parser) err() error { return p.ps.Err() }

// block reads one blank-line-separated block: a $CATEGORY, a question, or
// comments alone.
func (p *parser) block(lines []string, first int) {
	t, comments := lex(lines, first)
	if t = p.categoryLine(t.trim(), first); len(t) == 0 {
		return
	}
	p.blocks++
	line := t.line(first)
	b := &builder{p: p, format: formatMoodle, q: &quiz.Question{ID: fmt.Sprintf("q%d", p.blocks), Line: line, Points: 1}}
	t, ok := b.title(t, line)
	if !ok {
		return
	}
	open, closing, ok := b.braces(t)
	switch {
	case !ok:
		return
	case open < 0:
		b.description(t)
		p.keep(b, comments)
		return
	}
	ans := t[open+1 : closing].trim()
	if isCloze(ans) {
		p.warn(t[open].line, b.q.ID, "", "embedded answers (Cloze, such as {1:MULTICHOICE:…}) are not supported by GIFT import; question skipped")
		return
	}
	var general text
	if g := ans.lastIndex("####"); g >= 0 {
		general, ans = ans[g+4:], ans[:g].trim()
	}
	if !b.prompt(t, open, closing, line) {
		return
	}
	generalText := ""
	if len(general.trim()) > 0 {
		generalText, _ = b.render(general, true)
	}
	b.answers(ans, generalText, t[open].line)
	if b.failed {
		return
	}
	if b.q.Type != quiz.Open {
		b.q.Explanation = strings.Join(slices.DeleteFunc(append([]string{generalText}, b.feedback...), func(s string) bool { return s == "" }), "\n")
	}
	p.keep(b, comments)
}

// categoryLine reads a $CATEGORY line at the start of a block and returns the
// rest of the block (which should be empty: the line stands alone).
func (p *parser) categoryLine(t text, first int) text {
	if !t.at(0, "$CATEGORY:") {
		return t
	}
	end := t.index("\n", 0)
	if end < 0 {
		end = len(t)
	}
	p.category(t[len("$CATEGORY:"):end].str(false), t.line(first))
	if end == len(t) {
		return nil
	}
	t = t[end+1:].trim()
	p.warn(t.line(first), "", "", "a $CATEGORY line stands alone: put a blank line after it (the lines after it are read as a question)")
	return t
}

// title reads a ::title:: (the question's id) and returns the text after it.
func (b *builder) title(t text, line int) (text, bool) {
	if t.at(0, "::") {
		end := t.index("::", 2)
		if end < 0 {
			b.errorf(line, "expected '::' to end the title (write \\: for a colon inside a title)")
			return nil, false
		}
		if title := t[2:end].str(false); title != "" {
			b.q.ID = b.p.idFor(title, line, b.q.ID)
			b.q.Name = title
		}
		t = t[end+2:].trim()
	}
	if len(t) == 0 {
		// Moodle makes an empty description of it; there is nothing to show.
		b.warn(line, "a title with no question text after it is skipped (a blank line ends a question)")
		b.failed = true
		return nil, false
	}
	return t, true
}

// braces finds the one answer block { ... } of a question: open is -1 for a
// description, which has none; ok is false when the braces are wrong (the
// problem is reported).
func (b *builder) braces(t text) (open, closing int, ok bool) {
	open, closing = t.index("{", 0), t.index("}", 0)
	switch {
	case open < 0 && closing < 0:
		return -1, -1, true
	case closing >= 0 && (open < 0 || closing < open):
		b.errorf(t[closing].line, "unexpected '}' with no '{' before it (write \\} for a literal brace)")
		return 0, 0, false
	case closing < 0:
		b.errorf(t[open].line, "expected '}' to close the '{' opened here, before the question ends (a blank line ends a question)")
		return 0, 0, false
	}
	if isCloze(t[open+1 : closing].trim()) {
		return open, closing, true // skipped, with a warning, by the caller
	}
	if again := t.index("{", open+1); again >= 0 && again < closing {
		b.errorf(t[open].line, "expected '}' to close the '{' opened here, before the '{' at line %d", t[again].line)
		return 0, 0, false
	}
	// Moodle reads the first answer block and keeps the rest as text, braces
	// and all; so do we, out loud.
	if again := t.index("{", closing+1); again >= 0 {
		b.warn(t[again].line, "a second '{': GIFT has one answer block per question, so Moodle and conflictq read only the first and show the rest as text (separate questions with a blank line, write \\{ for a literal brace, or use Moodle XML for several blanks)")
	} else if again := t.index("}", closing+1); again >= 0 {
		b.warn(t[again].line, "a '}' after the answers is shown as text (write \\} for a literal brace)")
	}
	return open, closing, true
}

// prompt renders the question's text around its answer block. Answers in the
// middle of the text make a missing-word question: the prompt shows a blank
// where they stood.
func (b *builder) prompt(t text, open, closing, line int) bool {
	prompt := t[:open]
	if after := t[closing+1:]; len(after.trim()) > 0 {
		blank := make(text, 0, 5)
		for range 5 {
			blank = append(blank, char{r: '_', esc: true, line: t[open].line})
		}
		prompt = slices.Concat(prompt, blank, after)
	}
	b.q.Prompt, b.format = b.render(prompt, true)
	if b.q.Prompt != "" {
		return true
	}
	if open == 0 {
		b.errorf(line, "expected question text before the answers (a blank line ends a question: keep its answers on the lines right after its text)")
	} else {
		b.errorf(line, "expected question text before the answers")
	}
	return false
}

// answers reads the answer block as the kind of question its syntax says.
func (b *builder) answers(ans text, general string, braces int) {
	switch {
	case len(ans) == 0:
		b.essay(general, braces)
	case ans.at(0, "#"):
		b.numeric(ans[1:], braces)
	case ans.at(0, ">") && b.ordering(ans, braces):
	case ans.index("~", 0) >= 0:
		b.choice(ans, braces)
	case ans.index("=", 0) >= 0 && ans.index("->", 0) >= 0:
		b.match(ans, braces)
	case isTrueFalse(ans):
		b.trueFalse(ans)
	default:
		if h := tfHead(ans); strings.EqualFold(h, "true") || strings.EqualFold(h, "false") || h == "t" || h == "f" {
			b.warn(braces, "{%s} is a short answer %q, as Moodle reads it: true/false is written in capitals, {T} or {TRUE}", h, h)
		}
		b.short(ans, braces)
	}
}

// keep adds a question that was read without errors, with its metadata.
func (p *parser) keep(b *builder, comments []comment) {
	if b.failed {
		return
	}
	b.applyMeta(comments)
	p.questions = append(p.questions, b.q)
}

// finish gives each question a unique id and its bank, then re-checks it.
func (p *parser) finish(bankID string) {
	var ids quiz.IDs
	for _, q := range p.questions {
		if id, first, dup := ids.Unique(q.ID); dup {
			p.warn(q.Line, q.ID, "", "the id %q is already used by the question at line %d; this one is %q", q.ID, first, id)
			q.ID = id
		}
		ids.Take(q.ID, q.Line)
		q.Bank = bankID
		if q.Name == q.ID {
			q.Name = "" // the id says it
		}
		for _, n := range MoodleNotes(q) {
			p.warn(q.Line, q.ID, "", "%s", n)
		}
		for _, pr := range q.Validate() {
			if pr.Warning {
				p.warn(q.Line, q.ID, pr.Field, "%s", pr.Msg)
			}
		}
		for _, msg := range check(q) {
			p.errorf(q.Line, q.ID, "", "%s", msg)
		}
	}
}

// idFor makes a question id from a ::title::. A title that is already an id
// is kept as written, so that an exported bank reads back with its ids.
func (p *parser) idFor(title string, line int, fallback string) string {
	if quiz.ValidID(title) {
		return title
	}
	if s := qtext.Slug(title); s != "" {
		return s
	}
	p.warn(line, fallback, "", "the title %q has no letters or digits to make an id from; the question's id is %s", title, fallback)
	return fallback
}

// category records a $CATEGORY: its last part tags the questions after it, and
// the first one names the bank.
func (p *parser) category(value string, line int) {
	name := categoryName(value)
	p.categoryTag = qtext.Slug(name)
	if name == "" {
		return
	}
	if p.title == "" {
		p.title = name
	}
	if p.categoryTag == "" {
		p.warn(line, "", "", "the category %q has no letters or digits to make a tag from; its questions get no category tag", name)
	}
}

// moodleContext reports whether s is a Moodle context such as $course$ or
// $module$: a dollar, lower-case letters or digits, a dollar. Read by hand,
// it no longer compiles a regular expression for each bank's first category
// (a bank convert of Moodle XML looks up every question's).
func moodleContext(s string) bool {
	if len(s) < 3 || s[0] != '$' || s[len(s)-1] != '$' {
		return false
	}
	for i := 1; i < len(s)-1; i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// categoryName returns the last part of a Moodle category path such as
// $course$/top/History/Caucasus, where // stands for a slash inside a name;
// "" for the top category itself.
func categoryName(path string) string {
	var parts []string
	var cur strings.Builder
	for i := 0; i <= len(path); i++ {
		if i < len(path) && path[i] == '/' && i+1 < len(path) && path[i+1] == '/' {
			cur.WriteByte('/')
			i++
			continue
		}
		if i == len(path) || path[i] == '/' {
			if s := strings.TrimSpace(cur.String()); s != "" {
				parts = append(parts, s)
			}
			cur.Reset()
			continue
		}
		cur.WriteByte(path[i])
	}
	if len(parts) > 0 && moodleContext(parts[0]) {
		parts = parts[1:]
	}
	if len(parts) > 0 && parts[0] == "top" {
		parts = parts[1:]
	}
	if len(parts) == 0 {
		return ""
	}
	return parts[len(parts)-1]
}

// isCloze reports whether answers look like Moodle's embedded answers,
// {1:MULTICHOICE:…}, which GIFT does not define.
func isCloze(t text) bool {
	i := 0
	for i < len(t) && !t[i].esc && t[i].r >= '0' && t[i].r <= '9' {
		i++
	}
	if !t.at(i, ":") {
		return false
	}
	j := i + 1
	for j < len(t) && !t[j].esc && (unicode.IsLetter(t[j].r) || t[j].r == '_') {
		j++
	}
	return j > i+1 && t.at(j, ":")
}

// builder builds one question.
type builder struct {
	p          *parser
	q          *quiz.Question
	format     string   // the question text's format: the default of its other parts
	feedback   []string // per-answer feedback, as lines of the explanation
	failed     bool     // an error was reported: the question is not kept
	htmlWarned bool
}

func (b *builder) errorf(line int, format string, args ...any) {
	b.failed = true
	b.p.errorf(line, b.q.ID, "", format, args...)
}

// skipf leaves out a question Moodle imports with only a notice but
// conflictq cannot ask (no right answer): a warning, not an error, so that
// the rest of the file is read.
func (b *builder) skipf(line int, format string, args ...any) {
	b.failed = true
	b.p.warn(line, b.q.ID, "", format+"; question skipped (Moodle imports it with a notice)", args...)
}

func (b *builder) warn(line int, format string, args ...any) {
	b.p.warn(line, b.q.ID, "", format, args...)
}

// render turns a part of the question into text (see text.str) and applies
// its [format] prefix, if any, or else the question's format. It returns the
// text and its format.
func (b *builder) render(t text, keepLines bool) (string, string) {
	s, f := t.str(keepLines), b.format
	line := t.line(b.q.Line)
	if m := formatPrefix.Get().FindStringSubmatch(s); m != nil {
		if name := strings.ToLower(m[1]); knownFormat(name) {
			f, s = name, strings.TrimSpace(s[len(m[0]):])
		} else {
			b.warn(line, "unknown format [%s]: kept as text (GIFT knows [html], [moodle], [plain] and [markdown])", m[1])
		}
	}
	if f == formatHTML && keepLines && strings.Contains(strings.ToLower(s), "<pre") {
		// A <pre> block keeps its lines' indentation, which str trims.
		s = strings.TrimSpace(t.strIndented())
		if m := formatPrefix.Get().FindStringSubmatch(s); m != nil && knownFormat(strings.ToLower(m[1])) {
			s = strings.TrimSpace(s[len(m[0]):])
		}
	}
	if f == formatHTML && qtext.HasMedia(s) {
		b.warn(line, "[html]: the text shows or links an image, a sound or a video, which conflictq cannot show: check that the question can be answered without it")
	}
	if f == formatHTML {
		plain, tags := qtext.StripHTML(s)
		if !keepLines {
			plain = strings.ReplaceAll(plain, "\n", " ")
		}
		if tags && !b.htmlWarned {
			b.htmlWarned = true
			b.warn(line, "[html]: tags removed; conflictq shows plain text")
		}
		s = plain
	}
	return s, f
}

// part is one answer of an answer block: its mark (= or ~, or 0 for text
// before the first mark) and what follows it.
type part struct {
	mark rune
	body text
	line int
}

func (b *builder) splitAnswers(ans text, marks string) []part {
	n := 0
	for _, c := range ans {
		if !c.esc && strings.ContainsRune(marks, c.r) {
			n++
		}
	}
	if n > MaxAnswers {
		b.errorf(ans[0].line, "%d answers; a question has at most %d", n, MaxAnswers)
		return nil
	}
	var out []part
	for _, piece := range ans.splitBefore(marks) {
		piece = piece.trim()
		if len(piece) == 0 {
			continue
		}
		pt := part{line: piece[0].line}
		if !piece[0].esc && strings.ContainsRune(marks, piece[0].r) {
			pt.mark, piece = piece[0].r, piece[1:]
		}
		pt.body = piece.trim()
		out = append(out, pt)
	}
	return out
}

var weightPrefix = &lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`^%(-?[0-9]+\.?[0-9]*)%`) }}

// weight reads a %n% answer weight at the start of body. It returns the body
// after it, and ok false (with an error reported) for a weight out of range.
func (b *builder) weight(body text, line int) (w float64, rest text, found, ok bool) {
	m := weightPrefix.Get().FindStringSubmatch(body.String())
	if m == nil {
		return 0, body, false, true
	}
	w, err := strconv.ParseFloat(m[1], 64)
	if err != nil || w < -100 || w > 100 {
		b.errorf(line, "answer weight %s: expected a percentage from -100%% to 100%%", m[0])
		return 0, body, true, false
	}
	return w, body[len(m[0]):].trim(), true, true
}

// cutFeedback splits "answer # feedback" at the first unescaped #.
func cutFeedback(body text) (answer, feedback text) {
	if h := body.index("#", 0); h >= 0 {
		return body[:h].trim(), body[h+1:].trim()
	}
	return body, nil
}

// option is one answer of a multiple-choice, short-answer or numeric question.
type option struct {
	text     string
	weight   float64
	eq       bool // marked with =
	hash     bool // an unescaped # cut it: feedback followed
	feedback string
	line     int
}

// options reads the answers of a multiple-choice (marks "~=") or short-answer
// (marks "=") question. An answer marked = weighs 100%, one marked ~ 0%, and
// one with no mark (text before the first) weighs bare, as Moodle reads it.
func (b *builder) options(ans text, marks string, bare float64) []option {
	var out []option
	for _, pt := range b.splitAnswers(ans, marks) {
		o := option{line: pt.line, eq: pt.mark == '='}
		switch pt.mark {
		case '=':
			o.weight = 100
		case 0:
			o.weight = bare
		}
		body := pt.body
		// Moodle reads a %weight% after = only in short answers: in a
		// multiple-choice question, =%50% of voters is the text "%50% of voters".
		if pt.mark != '=' || marks == "=" {
			w, rest, found, ok := b.weight(body, pt.line)
			if !ok {
				continue
			}
			if found {
				o.weight, body = w, rest
			}
		}
		o.hash = body.index("#", 0) >= 0
		body, fb := cutFeedback(body)
		o.text, _ = b.render(body, false)
		if len(fb) > 0 {
			o.feedback, _ = b.render(fb, true)
		}
		if o.text == "" {
			// ~= (and a lone = or ~) is a common slip that Moodle reads
			// past: it skips the empty answer, and so do we, out loud.
			mark := string(pt.mark)
			if pt.mark == 0 {
				mark = "%weight%"
			}
			b.warn(pt.line, "empty answer after '%s' skipped (as Moodle skips it); remove the stray '%s'", mark, mark)
			continue
		}
		if pt.mark == 0 && marks == "~=" {
			b.warn(pt.line, "the answer %q has no '~' or '=' in front; read as a wrong answer", o.text)
		}
		out = append(out, o)
	}
	return out
}

// distinct checks a list of texts with quiz.CheckList, Validate's rules and
// limits (quiz.MinChoices and the like for lo and hi; no upper limit when hi
// is 0), and says each problem where it stands: a duplicate at its own line,
// with the line of the entry it repeats.
func (b *builder) distinct(texts []string, lines []int, lo, hi int, what string, line int) {
	c := quiz.CheckList(texts, lo, hi)
	if c.Count {
		b.errorf(line, "%s", c.CountMsg(what))
	}
	for _, d := range c.Dups {
		b.errorf(lines[d.At], "%q appears twice in the %s (also at line %d)", texts[d.At], what, lines[d.First])
	}
}

// choice builds a multiple-choice question as Moodle does: with an answer
// marked = it is a single choice (any = answer is right, a ~%n% answer earns
// n%), without one a multiple choice whose ticked answers' weights add up.
func (b *builder) choice(ans text, line int) {
	opts := b.options(ans, "~=", 0)
	if b.failed {
		return
	}
	// Moodle keeps an answer given twice; conflictq offers it once, with the
	// better weight of the two.
	var kept []option
	dups := 0
	for _, o := range opts {
		k := slices.IndexFunc(kept, func(p option) bool { return p.text == o.text })
		if k < 0 {
			kept = append(kept, o)
			continue
		}
		// The hint about # only where a # cut an answer short (C# is C
		// with feedback); a flood of repeats is said once.
		hint := ""
		if o.hash || kept[k].hash {
			hint = " (write \\# for a # inside an answer)"
		}
		switch dups++; {
		case dups <= 3:
			b.warn(o.line, "the answer %q appears twice (also at line %d); offered once%s", o.text, kept[k].line, hint)
		case dups == 4:
			b.warn(o.line, "more answers given twice; each offered once")
		}
		if o.weight > kept[k].weight {
			kept[k].weight, kept[k].eq = o.weight, o.eq
		}
		if kept[k].feedback == "" {
			kept[k].feedback = o.feedback
		}
	}
	opts = kept
	q := b.q
	var right []int
	eqs := 0
	texts, lines := make([]string, len(opts)), make([]int, len(opts))
	credit := make([]float64, len(opts))
	for i, o := range opts {
		texts[i], lines[i] = o.text, o.line
		credit[i] = o.weight / 100
		if o.eq {
			eqs++
		}
	}
	if len(opts) < quiz.MinChoices {
		b.errorf(line, "a multiple-choice question needs at least %d answers, found %d", quiz.MinChoices, len(opts))
		return
	}
	b.distinct(texts, lines, quiz.MinChoices, quiz.MaxChoices, "answers", line)
	if b.failed {
		return
	}
	q.Choices = texts
	if eqs > 0 {
		q.Type = quiz.Single
		for i, o := range opts {
			if o.eq {
				right = append(right, i)
				break
			}
		}
	} else {
		q.Type = quiz.Multi
		for i, o := range opts {
			if o.weight > 0 {
				right = append(right, i)
			}
		}
		if len(right) == 0 {
			b.skipf(line, "no right answer: mark one with = (or give it a positive %%weight%%)")
			return
		}
	}
	q.Correct = right
	q.Credit = credit
	// Weights that say what conflictq does by default (one = and the rest ~;
	// 100/k and −100/k, which Moodle writes to five decimals) carry no credit.
	plain := quiz.Question{Type: q.Type, Correct: right}
	same := true
	for i := range credit {
		same = same && math.Abs(credit[i]-plain.ChoiceCredit(i)) < 1e-6
	}
	if same {
		q.Credit = nil
	}
	for _, o := range opts {
		if o.feedback != "" {
			b.feedback = append(b.feedback, "If you chose "+o.text+": "+o.feedback)
		}
	}
}

// match builds a matching question from =left -> right pairs.
func (b *builder) match(ans text, line int) {
	var pairs []quiz.Pair
	var lefts []string
	var lines []int
	for _, pt := range b.splitAnswers(ans, "=") {
		if pt.mark == 0 {
			b.errorf(pt.line, "expected '=' before each pair (=left -> right)")
			continue
		}
		arrow := pt.body.index("->", 0)
		if arrow < 0 {
			b.errorf(pt.line, "expected 'left -> right' in a matching pair")
			continue
		}
		left, _ := b.render(pt.body[:arrow].trim(), false)
		right, _ := b.render(pt.body[arrow+2:].trim(), false)
		switch {
		case left == "" && right != "":
			b.warn(pt.line, "%q has no left side: Moodle offers it as an extra wrong answer, but conflictq's matching questions have none; dropped", right)
			continue
		case left == "" || right == "":
			b.errorf(pt.line, "a pair needs a left and a right side (=left -> right)")
			continue
		}
		pairs = append(pairs, quiz.Pair{Left: left, Right: right})
		lefts, lines = append(lefts, left), append(lines, pt.line)
	}
	if b.failed {
		return
	}
	// Moodle sets no limit on pairs, and offers a right side that several
	// left items share once.
	b.distinct(lefts, lines, quiz.MinPairs, 0, "pairs", line)
	b.q.Type, b.q.Pairs = quiz.Match, pairs
}

// isTrueFalse reports whether answers are T, TRUE, F or FALSE, in capitals as
// Moodle requires (it reads {true} as a short answer).
func isTrueFalse(ans text) bool {
	switch tfHead(ans) {
	case "T", "TRUE", "F", "FALSE":
		return true
	}
	return false
}

// tfHead is the answer block before any feedback.
func tfHead(ans text) string {
	head := ans
	if h := ans.index("#", 0); h >= 0 {
		head = ans[:h]
	}
	return head.trim().String()
}

// trueFalse builds {T}, {FALSE}, or {T#feedback if wrong#feedback if right}.
func (b *builder) trueFalse(ans text) {
	head, wrong, right := ans, text(nil), text(nil)
	if h := ans.index("#", 0); h >= 0 {
		head, wrong = ans[:h], ans[h+1:]
		if h2 := wrong.index("#", 0); h2 >= 0 {
			wrong, right = wrong[:h2], wrong[h2+1:]
		}
	}
	v := strings.ToUpper(head.trim().String())
	b.q.Type, b.q.Truth = quiz.TrueFalse, v == "T" || v == "TRUE"
	wrongText, _ := b.render(wrong.trim(), true)
	rightText, _ := b.render(right.trim(), true)
	ifTrue, ifFalse := rightText, wrongText
	if !b.q.Truth {
		ifTrue, ifFalse = wrongText, rightText
	}
	if ifTrue != "" {
		b.feedback = append(b.feedback, "If you chose True: "+ifTrue)
	}
	if ifFalse != "" {
		b.feedback = append(b.feedback, "If you chose False: "+ifFalse)
	}
}

// short builds a short-answer question: every answer with a positive weight
// (= alone is 100%) is accepted, for its weight. Moodle compares answers
// exactly (but for case), so an imported one allows no typo unless a
// "// typos: 1" comment asks.
func (b *builder) short(ans text, line int) {
	opts := b.options(ans, "=", 100)
	var credit []float64
	partial := false
	// Moodle takes the first answer that matches, in order: an answer that
	// earns nothing matters when a wildcard after it would match it
	// ({=%0%apple =*}), and is kept for that, earning 0.
	lastWild := -1
	for i, o := range opts {
		if o.weight > 0 && quiz.HasWildcard(o.text) {
			lastWild = i
		}
	}
	for i, o := range opts {
		if o.weight > 0 || i < lastWild {
			b.q.Accept = append(b.q.Accept, o.text)
			credit = append(credit, max(o.weight, 0)/100)
			partial = partial || o.weight != 100
		}
		if o.feedback != "" {
			b.feedback = append(b.feedback, IfAnswered(o.text)+o.feedback)
		}
	}
	if b.failed {
		return
	}
	if len(b.q.Accept) == 0 {
		b.errorf(line, "expected an accepted answer (=answer)")
		return
	}
	if partial {
		b.q.Credit = credit
	}
	b.q.Type, b.q.Exact = quiz.Short, true
}

// numeric builds {#1994}, {#1994:5}, {#1..5} and {#=1994 =%50%1995}.
func (b *builder) numeric(ans text, line int) {
	var otherFeedback string
	if ti := ans.index("~", 0); ti >= 0 {
		other := ans[ti+1:]
		ans = ans[:ti]
		if h := other.index("#", 0); h >= 0 {
			otherFeedback, _ = b.render(other[h+1:].trim(), true)
		} else if len(other.trim()) > 0 {
			b.warn(other.trim().line(line), "text after '~' in a numeric question is ignored (write ~#feedback for any other answer)")
		}
	}
	nums, ok := b.numberAnswers(ans)
	if !ok || b.failed {
		return
	}
	if len(nums) == 0 {
		b.errorf(line, "expected a number after '{#'")
		return
	}
	best, ok := b.rightNumber(nums, line)
	if !ok {
		return
	}
	b.q.Type, b.q.Value, b.q.Tol = quiz.Numeric, nums[best].value, nums[best].tol
	for i, n := range nums {
		if i != best && n.weight > 0 {
			b.q.Numbers = append(b.q.Numbers, quiz.Number{Value: n.value, Tol: n.tol, Credit: n.weight / 100, Any: n.any})
		}
	}
	for _, n := range nums {
		if n.feedback != "" {
			b.feedback = append(b.feedback, "If you answered "+n.shown+": "+n.feedback)
		}
	}
	if otherFeedback != "" {
		b.feedback = append(b.feedback, "If you answered anything else: "+otherFeedback)
	}
}

// numberAnswer is one answer of a numeric question: =1994, =1990..1995,
// =%50%1992:2, =*.
type numberAnswer struct {
	value, tol, weight float64
	any                bool // *
	shown, feedback    string
	line               int
}

// numberAnswers reads a numeric question's answers; false: the question is
// skipped as Moodle skips it ({#abc}), and said so.
func (b *builder) numberAnswers(ans text) ([]numberAnswer, bool) {
	var nums []numberAnswer
	for _, pt := range b.splitAnswers(ans, "=") {
		w, body, found, ok := b.weight(pt.body, pt.line)
		if !ok {
			continue
		}
		n := numberAnswer{weight: 100, line: pt.line}
		if found {
			n.weight = w
		}
		body, fb := cutFeedback(body)
		if len(fb) > 0 {
			n.feedback, _ = b.render(fb, true)
		}
		s := body.str(false)
		if strings.TrimSpace(s) == "*" { // Moodle's any other number
			n.any, n.shown = true, "any other number"
			nums = append(nums, n)
			continue
		}
		var msg string
		n.value, n.tol, msg = numericAnswer(s)
		if strings.HasPrefix(msg, "expected a number") && len(nums) == 0 && len(b.splitAnswers(ans, "=")) == 1 {
			b.skipf(pt.line, "%s", msg) // {#abc}: Moodle's notice, not a refused file
			return nil, false
		}
		if msg != "" {
			b.errorf(pt.line, "%s", msg)
			continue
		}
		n.shown = describeNumber(n.value, n.tol)
		nums = append(nums, n)
	}
	return nums, true
}

// rightNumber picks the answer shown as right: the first with full credit,
// else (with a warning) the best; false when none earns anything.
func (b *builder) rightNumber(nums []numberAnswer, line int) (int, bool) {
	// The others (ranges, close values for part of the credit) are tried
	// after it.
	best := slices.IndexFunc(nums, func(n numberAnswer) bool { return n.weight == 100 && !n.any })
	if best < 0 {
		for i, n := range nums {
			if n.weight > 0 && !n.any && (best < 0 || n.weight > nums[best].weight) {
				best = i
			}
		}
		if best < 0 {
			b.errorf(line, "expected a right answer: a number with no weight, or with a positive %%weight%%")
			return 0, false
		}
		b.warn(line, "no answer earns full credit: the best, %s, is taken as right and earns it in full", nums[best].shown)
	}
	// Moodle marks by the first answer a number falls within; conflictq
	// tries the right one first. They differ only where an earlier answer
	// overlaps it: say so.
	for _, n := range nums[:best] {
		if n.weight < 100 && (n.any || math.Abs(n.value-nums[best].value) <= n.tol+nums[best].tol) {
			b.warn(n.line, "%s (%g%%) comes before %s and overlaps it: Moodle gives %g%% for numbers in both, conflictq full marks (put the right answer first)", n.shown, n.weight, nums[best].shown, max(n.weight, 0))
		}
	}
	return best, true
}

// describeNumber writes a numeric answer as feedback names it: 1822, 1822 ± 2.
func describeNumber(value, tol float64) string {
	s := strconv.FormatFloat(value, 'f', -1, 64)
	if tol > 0 {
		s += " ± " + strconv.FormatFloat(tol, 'f', -1, 64)
	}
	return s
}

// numericAnswer reads value, value:tolerance or min..max.
func numericAnswer(s string) (value, tol float64, msg string) {
	var ok bool
	if i := strings.Index(s, ".."); i > 0 {
		lo, ok1 := parseNumber(s[:i])
		hi, ok2 := parseNumber(s[i+2:])
		switch {
		case !ok1 || !ok2:
			return 0, 0, fmt.Sprintf("expected a range min..max, found %q", s)
		case lo > hi:
			return 0, 0, fmt.Sprintf("the range %q runs backwards: write min..max", s)
		}
		value, tol = lo+(hi-lo)/2, (hi-lo)/2
		if math.IsInf(value, 0) || math.IsInf(tol, 0) {
			return 0, 0, fmt.Sprintf("the range %q is too wide", s)
		}
		return value, tol, ""
	}
	if i := strings.Index(s, ":"); i > 0 {
		if tol, ok = parseNumber(s[i+1:]); !ok {
			return 0, 0, fmt.Sprintf("expected a tolerance after ':', found %q", s[i+1:])
		}
		if tol < 0 {
			return 0, 0, fmt.Sprintf("the tolerance %q must not be negative", s[i+1:])
		}
		s = s[:i]
	}
	if value, ok = parseNumber(s); !ok {
		return 0, 0, fmt.Sprintf("expected a number, found %q", s)
	}
	return value, tol, ""
}

var exponent = &lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)[eE][+-]?[0-9]+$`) }}

// parseNumber reads a number as conflictq reads answers (1994, 1,994, -3.5),
// and also with an exponent (1.5e3), which Moodle accepts.
func parseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	v, err := qtext.ParseNumber(s)
	if err != nil && exponent.Get().MatchString(s) {
		v, err = strconv.ParseFloat(s, 64)
	}
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

// essay builds an open question; the general feedback is its model answer.
func (b *builder) essay(general string, line int) {
	b.q.Type = quiz.Open
	b.q.Model = general
	if general == "" {
		b.q.Model = NoModelAnswer
		b.warn(line, "essay with no model answer: write one after #### (general feedback); until then it is %q", NoModelAnswer)
	}
}

// description builds an info page: text with no answers.
func (b *builder) description(t text) {
	b.q.Type = quiz.Info
	b.q.Prompt, _ = b.render(t, true)
	if b.q.Prompt == "" {
		b.errorf(b.q.Line, "expected text")
	}
}
