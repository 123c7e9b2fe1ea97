// Package worksheet renders a bank for study away from the terminal: a
// printable Markdown worksheet with its answer key, and a deck of Anki
// flashcards.
//
// Options are shuffled as a quiz shuffles them, with Seed: a worksheet never
// shows the right choice first just because the bank lists it first, the
// same bank always gives the same worksheet, and an answer sheet with
// "seed: 1" refers to options by the worksheet's letters.
package worksheet

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
)

// Seed is the seed options are shuffled with, as `conflictq quiz --seed 1`
// shuffles them.
const Seed uint64 = 1

// KeyPlace says where a worksheet's answer key goes.
type KeyPlace int

// Where the key goes.
const (
	KeyAfter KeyPlace = iota // after the questions, on the same sheet
	NoKey                    // nowhere: a test to hand out (WriteKey writes it elsewhere)
)

// Paper chooses what a worksheet holds.
type Paper struct {
	// Filter keeps questions by tag and difficulty, and Count takes that many.
	Filter quiz.Filter
	// Seed shuffles the options (Seed when 0). With Shuffle, or a Count, it
	// also picks and orders the questions as conflictq quiz and conflictq
	// sheet do with that seed, so a sheet with the same seed matches.
	Seed    uint64
	Shuffle bool
	Key     KeyPlace
	// Made, when not empty, is printed under the title of the worksheet and
	// of its key: how it was made ("Set 9c, seed 42").
	Made string
	// Command, when not empty, is the command that makes the matching
	// answer sheet, so that paper answers can be copied onto one later. Only
	// the key prints it, after Made (KeyMade): the students' test need not
	// show them a command (teacher4 P6).
	Command string
}

// KeyMade is the line under the key's title, split where the command
// begins so that a printed page can set it apart: Made, and with a Command
// how to make the matching answer sheet.
func (p Paper) KeyMade() (lead, command string) {
	if p.Command == "" {
		return p.Made, ""
	}
	lead = "Make the matching answer sheet with: "
	if p.Made != "" {
		lead = p.Made + "; make the matching answer sheet with: "
	}
	return lead, p.Command
}

// Write writes b as a worksheet chosen by p.
func Write(w io.Writer, b *quiz.Bank, p Paper) error {
	qs, err := p.questions(b)
	if err != nil {
		return err
	}
	s := newPage(b, qs)
	writeQuestions(s, b, qs, p.Made)
	if p.Key == KeyAfter {
		writeKey(s, qs, p)
	}
	_, err = io.WriteString(w, s.String())
	return err
}

// WriteKey writes only the answer key of the worksheet Write writes with p,
// to keep apart from the questions handed out.
func WriteKey(w io.Writer, b *quiz.Bank, p Paper) error {
	qs, err := p.questions(b)
	if err != nil {
		return err
	}
	s := newPage(b, qs)
	s.WriteString("# ")
	s.WriteString(inline(title(b)))
	s.WriteString(": answer key\n")
	if lead, command := p.KeyMade(); lead+command != "" {
		s.WriteString("\n")
		s.WriteString(inline(lead + command))
		s.WriteString("\n")
	}
	p.Command = "" // said under the title
	writeKey(s, qs, p)
	_, err = io.WriteString(w, s.String())
	return err
}

// newPage is the builder a page of qs is written in, grown once to more
// than the page takes: grown a doubling at a time, the comprehension bank's
// 38 KB page and key made 190 KB of copies, a fresh page of memory each 4 KB
// in a run that writes one page (a page fault apiece). Room the page does not
// use is never touched.
func newPage(b *quiz.Bank, qs []*quiz.Presented) *strings.Builder {
	n := 1024 + len(b.Title) + len(b.Description)
	for _, q := range qs {
		n += 512 + 2*(len(q.Prompt)+len(q.Explanation)+len(q.Model)+len(q.Source.Section)+len(q.Source.Quote)+len(q.Unit))
		for _, l := range [][]string{q.Choices, q.Items, q.Accept, q.Key} {
			for _, t := range l {
				n += 2*len(t) + 16
			}
		}
		for _, pr := range q.Pairs {
			n += 2*(len(pr.Left)+len(pr.Right)) + 32
		}
	}
	s := new(strings.Builder)
	s.Grow(n)
	return s
}

func (p Paper) questions(b *quiz.Bank) ([]*quiz.Presented, error) {
	seed := p.Seed
	if seed == 0 {
		seed = Seed
	}
	if p.Shuffle || p.Filter.Count > 0 {
		return quiz.Select([]*quiz.Bank{b}, p.Filter, seed)
	}
	var qs []*quiz.Presented
	for _, q := range present(b, seed) {
		if p.Filter.Match(q.Question) {
			qs = append(qs, q)
		}
	}
	if len(qs) == 0 && len(b.Questions) > 0 {
		_, err := quiz.Select([]*quiz.Bank{b}, p.Filter, seed) // for its message
		return nil, err
	}
	return qs, nil
}

func writeQuestions(s *strings.Builder, b *quiz.Bank, qs []*quiz.Presented, made string) {
	s.WriteString("# ")
	s.WriteString(inline(title(b)))
	s.WriteString("\n\n")
	if made != "" {
		s.WriteString(inline(made))
		s.WriteString("\n\n")
	}
	if b.Description != "" {
		s.WriteString(block(b.Description))
		s.WriteString("\n\n")
	}
	s.WriteString("Name: ______________________________   Date: ________________\n")
	if len(qs) > 0 {
		s.WriteString("\n## Questions\n")
	}
	n := 0
	for _, q := range qs {
		s.WriteString("\n")
		if q.Type == quiz.Info {
			for _, l := range strings.Split(block(q.Prompt), "\n") {
				s.WriteString(strings.TrimRight("> "+l, " "))
				s.WriteString("\n")
			}
			continue
		}
		n++
		s.WriteString("**")
		s.WriteString(strconv.Itoa(n))
		s.WriteString(".** ")
		s.WriteString(block(q.Prompt))
		if hint := hintFor(q); hint != "" {
			s.WriteString(" *(")
			s.WriteString(hint)
			s.WriteString(")*")
		}
		s.WriteString("\n\n")
		writeOptions(s, q)
	}

}

// writeOptions writes what the student answers q on: its options, or the
// lines to write on.
func writeOptions(s *strings.Builder, q *quiz.Presented) {
	opts := q.Options()
	switch q.Type {
	case quiz.Single, quiz.Multi:
		writeLettered(s, opts)
	case quiz.TrueFalse:
		s.WriteString("True / False\n")
	case quiz.Short:
		s.WriteString("Answer: ________________________________________\n")
	case quiz.Numeric:
		s.WriteString(strings.TrimSpace("Answer: ____________________ " + inline(q.Unit)))
		s.WriteString("\n")
	case quiz.Order:
		for k, o := range opts {
			s.WriteString(strconv.Itoa(k + 1))
			s.WriteString(". ")
			s.WriteString(inline(o))
			s.WriteString("\n")
		}
		s.WriteString("\nOrder, first to last: " + strings.TrimSuffix(strings.Repeat("____, ", len(opts)), ", ") + "\n")
	case quiz.Match:
		for k, l := range q.Lefts() {
			s.WriteString(strconv.Itoa(k + 1))
			s.WriteString(". ")
			s.WriteString(inline(l))
			s.WriteString(" ____\n")
		}
		s.WriteString("\n")
		writeLettered(s, opts)
	case quiz.Open:
		s.WriteString("Answer:\n")
		for range 4 {
			s.WriteString("\n" + strings.Repeat("_", 72) + "\n")
		}
	}
}

// writeLettered writes opts as a list, each after its letter: "- b) text".
func writeLettered(s *strings.Builder, opts []string) {
	for k, o := range opts {
		s.WriteString("- ")
		s.WriteString(letter(k))
		s.WriteString(") ")
		s.WriteString(inline(o))
		s.WriteString("\n")
	}
}

// writeKey writes the key of qs, with the matching sheet's command under its
// heading when p has one.
func writeKey(s *strings.Builder, qs []*quiz.Presented, p Paper) {
	n := 0
	for _, q := range qs {
		if q.Type != quiz.Info {
			n++
		}
	}
	if n > 0 {
		s.WriteString("\n## Answer key\n")
		if lead, command := p.KeyMade(); command != "" {
			s.WriteString("\n")
			s.WriteString(inline(lead + command))
			s.WriteString("\n")
		}
	}
	n = 0
	for _, q := range qs {
		if q.Type == quiz.Info {
			continue
		}
		n++
		// The entry's lines, each but the last ending in a backslash (a
		// line break): the answer (unless key points follow it), the
		// explanation, where to reread.
		s.WriteString("\n**")
		s.WriteString(strconv.Itoa(n))
		s.WriteString(".** ")
		s.WriteString(block(answer(q)))
		more := false
		if q.Type == quiz.Open && len(q.Key) > 0 {
			// Listed, one point a line, for ticking off while marking.
			s.WriteString("\n\nKey points:\n\n")
			for _, k := range q.Key {
				s.WriteString("- ")
				s.WriteString(inline(k))
				s.WriteString("\n")
			}
		} else {
			more = true
		}
		if q.Explanation != "" {
			if more {
				s.WriteString("\\\n")
			} else {
				s.WriteString("\n")
			}
			s.WriteString(block(q.Explanation))
			more = true
		}
		if src := q.Source.String(); src != "" {
			if more {
				s.WriteString("\\\n")
			} else {
				s.WriteString("\n")
			}
			s.WriteString("Reread: ")
			s.WriteString(inline(src))
			more = true
		}
		if more {
			s.WriteString("\n")
		}
	}
}

// hintFor is what the paper says after a question's prompt: how to answer
// it, and its points when not 1; "" for neither.
func hintFor(q *quiz.Presented) string {
	hint := howToAnswer(q.Type)
	if q.SaysHowToAnswer() {
		hint = ""
	}
	if q.Type == quiz.Order {
		// As the answer sheet (conflictq sheet) takes it: the items'
		// numbers, first to last, so that paper copies onto a sheet
		// as written (teacher2 A1).
		hint = "Write the numbers of the items in order, first to last."
	}
	if q.Points != 1 {
		if hint == "" {
			hint = points(q.Points) + "."
		} else {
			hint = strings.TrimSuffix(hint, ".") + "; " + points(q.Points) + "."
		}
	}
	return strings.TrimSpace(hint)
}

// howToAnswer tells the student how to answer a question of type t on paper ("" if
// nothing needs saying). A switch, not a map: a map literal is work in the
// package's init, in every run of every command.
func howToAnswer(t quiz.Type) string {
	switch t {
	case quiz.Single:
		return "Choose one."
	case quiz.Multi:
		return "Choose all that apply."
	case quiz.TrueFalse:
		return "True or false?"
	case quiz.Match:
		return "Write the letter of the matching answer after each number."
	}
	return ""
}

// present returns the bank's questions in the bank's order, each with its
// options shuffled with seed.
func present(b *quiz.Bank, seed uint64) []*quiz.Presented {
	shown, err := quiz.Select([]*quiz.Bank{b}, quiz.Filter{}, seed)
	if err != nil {
		return nil // a bank with no questions
	}
	perm := make(map[*quiz.Question][]int, len(shown))
	for _, p := range shown {
		perm[p.Question] = p.Perm
	}
	out := make([]*quiz.Presented, len(b.Questions))
	for i, q := range b.Questions {
		out[i] = &quiz.Presented{Question: q, Perm: perm[q]}
	}
	return out
}

// answer renders the right answer as the worksheet shows the options: by
// their letters and numbers where it gave them, then the texts.
func answer(q *quiz.Presented) string {
	key := answerKey(q)
	if note := q.CreditNote(); note != "" {
		key += " (part marks: " + note + ")"
	}
	return key
}

func answerKey(q *quiz.Presented) string {
	shownAt := func(i int) int { // display position of bank index i
		if k := slices.Index(q.Perm, i); k >= 0 {
			return k
		}
		return i
	}
	switch q.Type {
	case quiz.Single, quiz.Multi:
		ks := make([]int, 0, len(q.Correct))
		for i := range q.Choices {
			// Every choice that earns full marks, and a multi's right ones.
			if q.Type == quiz.Single && q.ChoiceCredit(i) >= 1 || q.Type == quiz.Multi && slices.Contains(q.Correct, i) {
				ks = append(ks, shownAt(i))
			}
		}
		slices.Sort(ks)
		parts := make([]string, len(ks))
		opts := q.Options()
		for j, k := range ks {
			parts[j] = letter(k) + ") " + opts[k]
		}
		return strings.Join(parts, "; ")
	case quiz.Order:
		// The items' numbers as the worksheet shows them, first to last:
		// what the student writes, and what the answer sheet takes.
		at := make([]int, len(q.Items)) // bank index (the right order) -> shown number
		for k := range q.Items {
			at[q.FromDisplay([]int{k})[0]] = k + 1
		}
		nums := make([]string, len(at))
		for i, k := range at {
			nums[i] = strconv.Itoa(k)
		}
		return strings.Join(nums, ", ") + ": " + q.Expected()
	case quiz.Match:
		parts := make([]string, len(q.Pairs))
		for i := range q.Pairs {
			parts[i] = fmt.Sprintf("%d=%s", i+1, letter(shownAt(q.RightOf(i))))
		}
		return strings.Join(parts, ", ") + ": " + q.Expected()
	case quiz.Open:
		return "Model answer: " + q.Expected()
	}
	return q.Expected()
}

func title(b *quiz.Bank) string {
	if b.Title != "" {
		return b.Title
	}
	return b.ID
}

// letter names option k (from 0): a, b, … z, then aa, ab.
func letter(k int) string { return text.Letter(k) }

func points(p float64) string {
	s := strconv.FormatFloat(p, 'f', -1, 64)
	if p == 1 {
		return s + " point"
	}
	return s + " points"
}

// The markup escape and block look for are matched by hand: with regexps
// (compiled on first use) every export of a worksheet compiled three and
// ran one on every line. TestMarkupAsRegexps holds them to the patterns.

// isEntity reports whether s starts with an HTML entity, ^&#?[A-Za-z0-9]+;
func isEntity(s string) bool {
	i := 1 // s[0] is '&'
	if i < len(s) && s[i] == '#' {
		i++
	}
	j := i
	for j < len(s) && (s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= '0' && s[j] <= '9') {
		j++
	}
	return j > i && j < len(s) && s[j] == ';'
}

// underscoreRun is the run of underscores s starts with, _+
func underscoreRun(s string) string { return s[:len(s)-len(strings.TrimLeft(s, "_"))] }

// lineMarker is where a marker that starts a Markdown heading, quote, list
// or rule at the start of l ends, ^(\s*)([#>+=-]|[0-9]+[.)]); -1 when l
// starts with none.
func lineMarker(l string) int {
	i := 0
	for i < len(l) && (l[i] == ' ' || l[i] == '\t' || l[i] == '\n' || l[i] == '\f' || l[i] == '\r') {
		i++
	}
	if i < len(l) && strings.IndexByte("#>+=-", l[i]) >= 0 {
		return i + 1
	}
	j := i
	for j < len(l) && l[j] >= '0' && l[j] <= '9' {
		j++
	}
	if j > i && j < len(l) && (l[j] == '.' || l[j] == ')') {
		return j + 1
	}
	return -1
}

// inline escapes text so that Markdown shows it as written, on one line.
func inline(s string) string {
	s = escape(s)
	if oneSpaced(s) {
		return s // what Fields and Join would give back, without their copies
	}
	return strings.Join(strings.Fields(s), " ")
}

// oneSpaced reports whether s has no space at its ends, no two together,
// and none but ' ' (unicode.IsSpace, as strings.Fields splits).
func oneSpaced(s string) bool {
	space := true // a space at the start is one too many
	for _, r := range s {
		is := unicode.IsSpace(r)
		if is && (r != ' ' || space) {
			return false
		}
		space = is
	}
	return !space || s == ""
}

// block escapes text that may run over several lines; each line break
// stays one (a backslash at the end of a line), and nothing at the start of
// a line becomes a heading, quote or list.
func block(s string) string {
	lines := strings.Split(strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n")), "\n")
	var out []string
	for _, l := range lines {
		l = strings.TrimSpace(escape(l))
		if l == "" {
			continue
		}
		if m := lineMarker(l); m >= 0 {
			// Escape the last character of the marker: \# \> \- 1\.
			end := m - 1
			l = l[:end] + `\` + l[end:]
		}
		out = append(out, l)
	}
	return strings.Join(out, "\\\n")
}

// escape puts a backslash before what Markdown would read as markup. A run of
// underscores with space on both sides (a blank to fill in, _____) stays as
// it is, since Markdown shows it as it is.
func escape(s string) string {
	if !strings.ContainsAny(s, "\\`*[]<|~&_") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '[', ']', '<', '|', '~':
			b.WriteByte('\\')
		case '&':
			if isEntity(s[i:]) {
				b.WriteByte('\\')
			}
		case '_':
			run := underscoreRun(s[i:])
			before, after := i == 0 || isSpace(s[i-1]), i+len(run) == len(s) || isSpace(s[i+len(run)])
			if before && after {
				b.WriteString(run)
			} else {
				b.WriteString(strings.Repeat(`\_`, len(run)))
			}
			i += len(run) - 1
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }
