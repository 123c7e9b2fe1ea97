package quiz

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/conflictq/conflictq/quiz/internal/yamlnode"
	"github.com/conflictq/conflictq/quiz/text"
)

// Answers are read the way a person writes them, against options in the
// order they were shown: by number (1, 2, ...), by letter (a, b, ...) or by the
// option's text. A sheet's answer and a line typed at the plain prompter are
// both a Value, resolved by Question.Resolve.

// Typed is a line a student typed, as the value a sheet would hold for it.
func Typed(line string) Value {
	line = strings.TrimSpace(line)
	if line == "" {
		return Value{}
	}
	return Value{Kind: Scalar, Text: line}
}

// isListSep is what separates the answers of a list written on one line:
// "a, c", "b) Iran; c) Russia" (the key's form), "A → B" (an order, as the
// key and the reports write it).
func isListSep(r rune) bool { return r == ',' || r == ';' || r == '→' }

// splitRefs splits "1,3", "1 3", "a; c", "3) 1) 2)" into references. Text
// options may hold spaces, so a list that is not made of numbers, letters
// and labels splits on , ; and → only.
func splitRefs(s string) []string {
	fields := strings.FieldsFunc(s, func(r rune) bool { return isListSep(r) || unicode.IsSpace(r) })
	short := true
	for _, f := range fields {
		if _, err := strconv.Atoi(f); err != nil && len([]rune(f)) > 1 && !labelForm(f) {
			short = false
		}
	}
	if short {
		return fields
	}
	var out []string
	for _, f := range strings.FieldsFunc(s, isListSep) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// resolveList reads a list of references to options. An option's text may
// hold the list's separator ("613 civilians killed at Khojaly (Xocalı),
// including 106 women"): when the parts do not all read alone, neighbouring
// parts are read together, the longest run that is one option first.
func (rv *refResolver) resolveList(v Value, options, folded []string) ([]int, error) {
	refs, err := v.refs()
	if err != nil {
		return nil, err
	}
	// A reading given up is no reading: its notes go with it.
	kept := len(rv.notes)
	out := make([]int, 0, len(refs))
	var first error
	for _, r := range refs {
		i, err := rv.resolve(r, options, folded, true)
		if err != nil {
			first = err
			break
		}
		out = append(out, i)
	}
	if first == nil {
		return out, nil
	}
	rv.notes = rv.notes[:kept]
	if v.Kind == Scalar && strings.Contains(v.Text, ";") {
		// The key's "b) Iran; c) Russia": its semicolons part the options,
		// and a failing part's own message is the one to give.
		out = out[:0]
		for _, r := range strings.Split(v.Text, ";") {
			if r = strings.TrimSpace(r); r == "" {
				continue
			}
			i, err := rv.resolve(r, options, folded, true)
			if err != nil {
				first = err
				out = nil
				break
			}
			out = append(out, i)
		}
		if out != nil {
			return out, nil
		}
		rv.notes = rv.notes[:kept]
		out = make([]int, 0, len(refs))
	}
	// Parts joined as written: from the scalar, with its own separators;
	// a YAML list's items with ", ".
	join := func(i, j int) string { return strings.Join(refs[i:j+1], ", ") }
	if v.Kind == Scalar {
		spans := listSpans(v.Text)
		if len(spans) > 1 && len(spans) != len(refs) {
			// "c) i, d) r" split at its spaces did not read: read at its
			// commas, as "[c) I, d) R]" is, for the same verdict and words.
			out = out[:0]
			for _, sp := range spans {
				k, err := rv.resolve(v.Text[sp[0]:sp[1]], options, folded, true)
				if err != nil {
					rv.notes = rv.notes[:kept]
					return nil, err
				}
				out = append(out, k)
			}
			return out, nil
		}
		if len(spans) != len(refs) {
			return nil, first
		}
		join = func(i, j int) string { return strings.TrimSpace(v.Text[spans[i][0]:spans[j][1]]) }
	}
	// No option spans more parts than its text has separators, which
	// bounds the work for a long line.
	span := 0
	for _, o := range options {
		span = max(span, strings.Count(o, ",")+strings.Count(o, ";")+strings.Count(o, "→"))
	}
	out = out[:0]
	for i := 0; i < len(refs); {
		j := min(len(refs)-1, i+span)
		for ; j > i; j-- {
			if k, err := rv.resolve(join(i, j), options, folded, true); err == nil {
				out = append(out, k)
				break
			}
		}
		if j == i {
			k, err := rv.resolve(refs[i], options, folded, true)
			if err != nil {
				return nil, first
			}
			out = append(out, k)
		}
		i = j + 1
	}
	return out, nil
}

// listSpans gives where each of splitRefs's texts lies in s (start, end),
// for a list split at its separators; nil when s splits at spaces.
func listSpans(s string) [][2]int {
	var spans [][2]int
	start := 0
	for i, r := range s + ";" {
		if !isListSep(r) {
			continue
		}
		if strings.TrimSpace(s[start:min(i, len(s))]) != "" {
			spans = append(spans, [2]int{start, min(i, len(s))})
		}
		start = i + len(string(r))
	}
	return spans
}

func exampleSequence(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = strconv.Itoa(n - i)
	}
	return strings.Join(parts, " ")
}

// parseBool reads true/false, t/f, yes/no, or 1/2 for the options True, False.
func parseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "t", "yes", "y", "1", "a":
		return true, nil
	case "false", "f", "no", "n", "2", "b":
		return false, nil
	}
	return false, fmt.Errorf("type true or false (or 1 for True, 2 for False)")
}

// ValueKind says what shape an answer has.
type ValueKind int

// Shapes of answers.
const (
	Empty   ValueKind = iota // nothing written
	Scalar                   // one value: 2, b, Baku, true, 1994
	List                     // a list of values: [1, 3]
	Mapping                  // pairs: {Khojaly: Xocalı}
	Nested                   // a structure where none fits (a list inside a list)
)

// Value is one answer as a sheet gives it, whatever the file's syntax.
type Value struct {
	Kind  ValueKind
	Text  string      // Scalar
	List  []string    // List
	Pairs [][2]string // Mapping, in the file's order
	Line  int
	// PairLines are the lines of Pairs, when each is on a line of its own
	// (a YAML mapping written block-style); nil when not known.
	PairLines []int
}

// Verbatim is the value as the student wrote it, in one line: a list joined by
// ", ", pairs as "left: right".
func (v Value) Verbatim() string {
	switch v.Kind {
	case Scalar:
		return v.Text
	case List:
		return strings.Join(v.List, ", ")
	case Mapping:
		parts := make([]string, len(v.Pairs))
		for i, p := range v.Pairs {
			parts[i] = p[0] + ": " + p[1]
		}
		return strings.Join(parts, ", ")
	case Nested:
		return "(a nested structure)"
	}
	return ""
}

func (v Value) kindName() string { return v.Kind.Name() }

// Name says what shape a value has, for messages, with its article: a list,
// a mapping, a single value.
func (k ValueKind) Name() string {
	if k < 0 || int(k) >= len(yamlnode.KindWords) {
		return yamlnode.KindWords[Empty]
	}
	return yamlnode.KindWords[k]
}

// Resolve reads v, an answer to q as a sheet holds it or a student types it,
// into a Response in the bank's own terms. Numbers and letters refer to the
// options in the order they were shown: the order seed gives them
// (Question.OptionOrder), or the bank's order when seed is nil. An empty value,
// or a blank text answer, is unanswered. The error says, for the student, why v cannot be read.
func (q *Question) Resolve(v Value, seed *uint64) (Response, error) {
	return q.ResolveAt(v, seed, 0)
}

// ResolveAt is Resolve for the question numbered number on the paper and
// the sheet (0: not known). Students write the question's number before
// their answer ("5 a", "9b", "5. a) Iran"); the number is read as that only
// when it is this question's own number, and only before a choice or true
// or false, where a number cannot be the answer's own first word. A number
// that could also be an option of a choose-all question is refused as
// ambiguous, as is any other number, which may be another question's.
func (q *Question) ResolveAt(v Value, seed *uint64, number int) (Response, error) {
	r, _, err := q.ReadAt(v, seed, number)
	return r, err
}

// ReadAt is ResolveAt that also says, in notes, when it read v otherwise
// than as written: an option's label with its text cut short; an answer in
// one of the loose forms (loose.go: "True: a reason", one word of one
// option) that the strict grammar refuses; or a short or numeric answer
// that earns nothing as written but earns credit without a leading number
// equal to this question's own ("1 Human rights watch", "1. HRW", "1) HRW",
// "Q1 HRW" on question 1) is read without the number. An answer right as
// written ("1 million") is never changed, nor one whose number is not this
// question's.
//
// There is one note for each part so read. Notes are Problems with Warning
// and Reading, with no file or question; Line 0 means the answer's line.
func (q *Question) ReadAt(v Value, seed *uint64, number int) (Response, []Problem, error) {
	r, note, err := q.resolveAt(v, seed, number)
	if err != nil {
		// "True: Azerbaijani government", "Adviser": read loosely, said in
		// the note (loose.go).
		if r2, note2, err2, ok := q.readLoosely(v, seed, number); ok {
			if note2 == "" {
				return r2, nil, err2
			}
			return r2, []Problem{readingNote(0, "%s", note2)}, err2
		}
	}
	if number <= 0 || v.Kind != Scalar || q.Type != Short && q.Type != Numeric || err == nil && Score(q, r) > 0 {
		return r, note, err
	}
	n, rest, spaced, ok := splitNumber(strings.TrimSpace(v.Text))
	if !ok || n != number || rest == "" || !spaced && !unicode.IsLetter([]rune(rest)[0]) {
		return r, note, err
	}
	r2, _, err2 := q.resolveAt(Value{Kind: Scalar, Text: rest, Line: v.Line}, seed, number)
	if err2 != nil || Score(q, r2) == 0 {
		return r, note, err
	}
	return r2, []Problem{readingNote(0, "%q read as %q: the %d before it is this question's number (write the answer alone)", v.Text, rest, n)}, nil
}

// resolveAt reads v; note says how it was read otherwise than as written
// (an option's label with its text cut short), for a warning.
func (q *Question) resolveAt(v Value, seed *uint64, number int) (Response, []Problem, error) {
	if v.Kind == Empty || v.blankText(q) {
		return Response{}, nil, nil
	}
	rv := &refResolver{q: q, seed: seed}
	r, err := responseFromValue(rv, v)
	note := rv.notes
	n, rest, ok := numbered(q, v)
	if !ok {
		return r, note, err
	}
	rv.notes = nil
	r2, err2 := responseFromValue(rv, Value{Kind: Scalar, Text: rest, Line: v.Line})
	switch {
	case n == number && err != nil:
		return r2, rv.notes, err2
	case err2 != nil:
		// "613 civilans killed": no question number and an answer, but a
		// text that is no option.
		return r, note, err
	case n == number:
		// "5 a" on question 5 of choose-all: question 5's a, or options
		// 5 and a.
		if !slices.Equal(r.Choices, r2.Choices) {
			return Response{}, nil, fmt.Errorf("%q could be question %d's answer %s or the options %d and %s; write %s for the first",
				v.Text, n, rest, n, rest, rest)
		}
		return r, note, nil
	case err == nil:
		return r, note, nil
	case number > 0:
		return Response{}, nil, fmt.Errorf("%q begins with %d, but this is question %d; write the answer alone (%s), under its own question's id",
			v.Text, n, number, rest)
	}
	return Response{}, nil, fmt.Errorf("%q begins with %d, which may be a question's number; write the answer alone (%s)", v.Text, n, rest)
}

// numbered splits a choice or true/false answer that begins with a number
// and then a letter ("5 a", "9b", "5. a) Iran", "Q5: true") into the number
// and the rest.
func numbered(q *Question, v Value) (int, string, bool) {
	if v.Kind != Scalar || q.Type != Single && q.Type != Multi && q.Type != TrueFalse {
		return 0, "", false
	}
	n, rest, _, ok := splitNumber(strings.TrimSpace(v.Text))
	if !ok || rest == "" || !unicode.IsLetter([]rune(rest)[0]) && rest[0] != '(' {
		return 0, "", false
	}
	return n, rest, true
}

// splitNumber splits s, which begins with a question's number ("5", "Q5",
// "5.", "5)", "5:"), into the number and the rest; spaced says whether a
// space or tab came between them.
func splitNumber(s string) (n int, rest string, spaced, ok bool) {
	if len(s) > 1 && (s[0]|0x20) == 'q' && s[1] >= '0' && s[1] <= '9' {
		s = s[1:]
	}
	end := 0
	for end < len(s) && end < 4 && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	if end == 0 {
		return 0, "", false, false
	}
	n, _ = smallNumber(s[:end])
	rest = strings.TrimLeft(s[end:], " \t")
	spaced = len(rest) < len(s[end:])
	if r := strings.TrimLeft(rest, ".):"); r != rest {
		rest = strings.TrimLeft(r, " \t")
		spaced = spaced || len(rest) < len(r)
	}
	return n, rest, spaced, true
}

// folded holds a question's options normalised once, for every sheet.
type folded struct {
	choices, items, lefts, rights, accept []string
	// The pairs' sides as offered (Rights: each right side once), which a
	// match answer is read against: made once, not for every sheet's answer
	// (eleven slices a student, a match question of the class's bank).
	leftTexts, rightTexts []string
	wild                  []*regexp.Regexp // per accepted answer: its * pattern, or nil
	typos                 []text.Accepted  // accept, as the typo rule reads them
	exact                 []*regexp.Regexp // per accepted answer: its * pattern for moodleMatch, or nil
}

func (q *Question) folded() *folded {
	if f := q.fold.Load(); f != nil {
		return f
	}
	f := &folded{}
	for _, c := range q.Choices {
		f.choices = append(f.choices, text.Normalize(c))
	}
	for _, it := range q.Items {
		f.items = append(f.items, text.Normalize(it))
	}
	for _, p := range q.Pairs {
		f.leftTexts = append(f.leftTexts, p.Left)
		f.lefts = append(f.lefts, text.Normalize(p.Left))
	}
	f.rightTexts = q.Rights() // as offered: each once
	for _, r := range f.rightTexts {
		f.rights = append(f.rights, text.Normalize(r))
	}
	for _, a := range q.Accept {
		f.accept = append(f.accept, text.Normalize(a))
		f.wild = append(f.wild, wildcard(a))
		f.typos = append(f.typos, text.FoldAccepted(a))
		f.exact = append(f.exact, exactWildcard(a))
	}
	q.fold.Store(f)
	return f
}

// choiceFolds is the folded choices resolving a single choice's answer
// ref needs: for a bare letter or number (most answers on paper), only the
// choices that could fold to it (foldLabelRivals), and for an option's
// text as written (a quiz's report), none (exactOption), unless the
// question's choices are folded already; grading a sheet of letters so
// folded no question's every text (Question.folded) for its choices alone.
func (q *Question) choiceFolds(ref string) []string {
	if !q.foldLazily() {
		return q.folded().choices
	}
	switch {
	case labelOnly(ref, len(q.Choices)):
		return foldLabelRivals(trimRef(ref), q.Choices)
	case exactOption(ref, q.Choices):
		return unfolded(len(q.Choices))
	}
	return q.folded().choices
}

func responseFromValue(rv *refResolver, v Value) (Response, error) {
	q := rv.q
	switch q.Type {
	case Single:
		t, err := v.single()
		if err != nil {
			return Response{}, err
		}
		i, err := rv.resolve(t, q.Choices, q.choiceFolds(t), true)
		if err != nil {
			return Response{}, err
		}
		return Response{Answered: true, Choices: []int{i}}, nil
	case Multi:
		idx, err := choicesFromValue(rv, v)
		return Response{Answered: err == nil, Choices: idx}, err
	case TrueFalse:
		t, err := v.single()
		if err != nil {
			return Response{}, err
		}
		b, err := parseBool(t)
		if err != nil {
			return Response{}, err
		}
		return Response{Answered: true, Bool: b}, nil
	case Short, Open:
		t, err := v.single()
		if err != nil {
			return Response{}, err
		}
		return Response{Answered: true, Text: t}, nil
	case Numeric:
		t, err := v.single()
		if err != nil {
			return Response{}, err
		}
		if _, err := q.ParseNumeric(t); err != nil {
			return Response{}, err
		}
		return Response{Answered: true, Text: t}, nil
	case Order:
		seq, err := sequenceFromValue(rv, v)
		return Response{Answered: err == nil, Sequence: seq}, err
	case Match:
		m, err := matchesFromValue(rv, v)
		return Response{Answered: err == nil, Matches: m}, err
	case Info:
		return Response{Answered: true}, nil
	}
	return Response{}, fmt.Errorf("unknown question type %q", q.Type)
}

// blankText reports whether v is a text answer (short, numeric, open)
// written as blank: "" or spaces. It is no answer, as nothing written is,
// on a sheet as on the screen: it scores 0 and is never unreadable (a
// blank numeric is not "no number"; teacher7 P2).
func (v Value) blankText(q *Question) bool {
	switch q.Type {
	case Short, Numeric, Open:
		return v.Kind == Scalar && strings.TrimSpace(v.Text) == ""
	}
	return false
}

// single is a value that must be one answer.
func (v Value) single() (string, error) {
	if v.Kind != Scalar {
		return "", fmt.Errorf("expected a single answer, found %s", v.kindName())
	}
	return v.Text, nil
}

// refs is a value that is a list of references: a list, or "1,3" / "a c".
func (v Value) refs() ([]string, error) {
	switch v.Kind {
	case Scalar:
		return splitRefs(v.Text), nil
	case List:
		return v.List, nil
	}
	return nil, fmt.Errorf("expected a list of answers, found %s", v.kindName())
}

// choicesFromValue reads a multi answer: "none", one option, or a list of
// them (each counted once).
func choicesFromValue(rv *refResolver, v Value) ([]int, error) {
	q := rv.q
	folds := q.labelFolds(v) // every choice folded, unless v is a list of bare labels
	if v.Kind == Scalar {
		if strings.EqualFold(strings.TrimSpace(v.Text), "none") {
			// "none" is no option, unless an option's text is none:
			// then it could be either (an empty list [] is no option).
			if i := textOption(v.Text, q.Choices, folds, -1); i >= 0 {
				d := rv.shown(i)
				return nil, fmt.Errorf("%q could mean no option or the option whose text is %s, %s); write [] for no option or %s) for that option",
					v.Text, text.Printable(q.Choices[i]), text.Letter(d), text.Letter(d))
			}
			return []int{}, nil
		}
		// One option, "b) Iran", unless the line is a list of labels,
		// "a. c." or "a c", which is never one option's label and text.
		if refs := splitRefs(v.Text); len(refs) < 2 || !allLabels(refs) {
			if i, err := rv.resolve(v.Text, q.Choices, folds, true); err == nil {
				return []int{i}, nil
			}
		}
	}
	all, err := rv.resolveList(v, q.Choices, folds)
	if err != nil {
		return nil, err
	}
	idx := make([]int, 0, len(all))
	for _, i := range all {
		if !slices.Contains(idx, i) {
			idx = append(idx, i)
		}
	}
	return idx, nil
}

// foldLazily reports whether an answer to q may be read without every
// option folded (choiceFolds, labelFolds): the first answer to q read in a
// process, as when one sheet is graded. From the second on (a class's
// sheets, each with its answer to q) the options are folded once for all
// (Question.folded) and kept, as they were before: a batch would otherwise
// fold a label's rivals again for every student.
func (q *Question) foldLazily() bool {
	return q.fold.Load() == nil && !q.readOnce.Swap(true)
}

// labelFolds is the folded choices a choose-all answer v is read against.
// A list of bare labels ([a, d]: labelOnly, as most answers on paper are)
// needs only the choices that could fold to one of them: those that could
// fold to the longest (foldLabelRivals), as choiceFolds has for a single
// label, since a choice with more letters and digits than the longest
// label folds to none of them; an option's text as written among them (a
// quiz's report) needs none (exactOption). Anything else, or a question
// folded already, has every choice folded (Question.folded). Folding every choice
// of each choose-all question was most of Question.folded's 3% of quiz
// --answers ana40.yaml's CPU.
func (q *Question) labelFolds(v Value) []string {
	if v.Kind != List || len(v.List) == 0 || !q.foldLazily() {
		return q.folded().choices
	}
	longest := ""
	for _, ref := range v.List {
		switch {
		case labelOnly(ref, len(q.Choices)):
			if ref = trimRef(ref); len(ref) > len(longest) {
				longest = ref
			}
		case !exactOption(ref, q.Choices):
			return q.folded().choices
		}
	}
	if longest == "" {
		return unfolded(len(q.Choices)) // every answer an option's text as written
	}
	return foldLabelRivals(longest, q.Choices)
}

// sequenceFromValue reads an order answer: every item once.
func sequenceFromValue(rv *refResolver, v Value) ([]int, error) { return sequenceFrom(rv, v, true) }

// sequenceFrom reads an order answer; keyForm: also in the key's form.
func sequenceFrom(rv *refResolver, v Value, keyForm bool) ([]int, error) {
	q := rv.q
	n := len(q.Items)
	if v.Kind == Scalar && keyForm {
		// The key's form: the numbers, then the items' texts, "3, 1, 2: A → B → C".
		if nums, texts, ok := strings.Cut(v.Text, ": "); ok && strings.Trim(nums, "0123456789,; ") == "" {
			a, err := sequenceFrom(rv, Value{Kind: Scalar, Text: nums}, false)
			if err != nil {
				return nil, err
			}
			b, err := sequenceFrom(rv, Value{Kind: Scalar, Text: texts}, false)
			if err != nil {
				return nil, fmt.Errorf("%q: the numbers before the colon read as an order, the texts after it do not (%v); write the numbers alone", v.Text, err)
			}
			if !slices.Equal(a, b) {
				return nil, fmt.Errorf("%q contradicts itself: the numbers before the colon give one order, the texts after it another; write the numbers alone", v.Text)
			}
			return a, nil
		}
	}
	all, err := rv.resolveList(v, q.Items, q.folded().items)
	if err != nil {
		if _, lerr := v.refs(); lerr == nil && len(splitOrList(v)) != n {
			return nil, fmt.Errorf("put all %d items in order, each once, such as %s", n, exampleSequence(n))
		}
		return nil, err
	}
	if len(all) != n {
		return nil, fmt.Errorf("put all %d items in order, each once, such as %s", n, exampleSequence(n))
	}
	seq := make([]int, 0, n)
	for _, i := range all {
		if slices.Contains(seq, i) {
			d := rv.shown(i)
			return nil, fmt.Errorf("%q is listed twice; use each item once", strconv.Itoa(d+1))
		}
		seq = append(seq, i)
	}
	return seq, nil
}

// splitOrList is a list value's parts as written.
func splitOrList(v Value) []string {
	refs, _ := v.refs()
	return refs
}

// errPairs is the one message for match input that is not clearly pairs.
var errPairs = errors.New("write each pair as number=letter, such as 1=b 2=a")

// scalarPairs splits typed match pairs. A pair is an item and an option
// joined by =, : or (after a number) -, or glued ("1c"), or a number and a
// letter with a space between ("1 c"); pairs are separated by commas,
// semicolons or spaces: "1=c 2=a", "1 c, 2 a", "1c 2a", "1-c; 2-a" all
// read alike, the forms the printed key and the sheet show. Anything that
// could be split more than one way ("1 2 3 4", "12") is refused.
func scalarPairs(s string) ([][2]string, error) {
	var pairs [][2]string
	for _, group := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		toks := joinAtSeparators(strings.Fields(group))
		for i := 0; i < len(toks); i++ {
			if l, r, ok := onePair(toks[i]); ok {
				pairs = append(pairs, [2]string{l, r})
				continue
			}
			// Two words: a number and its option, "1 c", or "1 2" alone
			// between commas; a number and a letter anywhere.
			if i+1 < len(toks) && isDigits(toks[i]) && (len(toks) == 2 || isLetterRef(toks[i+1])) {
				if _, _, glued := onePair(toks[i+1]); !glued {
					pairs = append(pairs, [2]string{toks[i], toks[i+1]})
					i++
					continue
				}
			}
			return nil, errPairs
		}
	}
	return pairs, nil
}

// joinAtSeparators joins words that a pair's separator ends or begins with
// the word after them: "1 = c", "1: c", "1 =c" are one word each, "1=c".
// One pass, so that a line of a thousand separators costs no more than
// reading it.
func joinAtSeparators(words []string) []string {
	sep := func(b byte) bool { return b == '=' || b == ':' || b == '-' }
	var out []string
	for i := 0; i < len(words); {
		j := i + 1
		for j < len(words) && (sep(words[j-1][len(words[j-1])-1]) || sep(words[j][0])) {
			j++
		}
		out = append(out, strings.Join(words[i:j], ""))
		i = j
	}
	return out
}

// textPairs splits pairs written by their texts, as the key and the reports
// write them: "Khojaly = Xocalı; Nagorno-Karabakh = Artsakh", one " = " in
// each, separated by semicolons. A text may hold a semicolon itself: the
// words between one pair's " = " and the next are the right side as far as
// they make one of its options, and the next left side from there.
func (rv *refResolver) textPairs(s string, rights, folded []string) ([][2]string, error) {
	var chunks []string
	for _, c := range strings.Split(s, ";") {
		if c = strings.TrimSpace(c); c != "" {
			chunks = append(chunks, c)
		}
	}
	var pairs [][2]string
	var left []string
	for i := 0; i < len(chunks); {
		l, r, ok := strings.Cut(chunks[i], " = ")
		if !ok {
			left = append(left, chunks[i])
			i++
			continue
		}
		if strings.Contains(r, " = ") || strings.TrimSpace(l) == "" || strings.TrimSpace(r) == "" {
			return nil, errPairs
		}
		left = append(left, strings.TrimSpace(l))
		j := i + 1
		for j < len(chunks) && !strings.Contains(chunks[j], " = ") {
			j++
		}
		end := i
		span := 0
		for _, o := range rights {
			span = max(span, strings.Count(o, ";"))
		}
		for k := min(j-1, i+span); k > i; k-- {
			if _, err := rv.resolve(strings.Join(append([]string{r}, chunks[i+1:k+1]...), "; "), rights, folded, true); err == nil {
				end = k
				break
			}
		}
		pairs = append(pairs, [2]string{strings.Join(left, "; "), strings.TrimSpace(strings.Join(append([]string{r}, chunks[i+1:end+1]...), "; "))})
		left = nil
		i = end + 1
	}
	if len(pairs) == 0 || len(left) > 0 {
		return nil, errPairs
	}
	return pairs, nil
}

// onePair reads one word that is a whole pair: "1=c", "1:c", "1-c", "1c",
// "Khojaly=Xocalı".
func onePair(w string) (l, r string, ok bool) {
	if l, r, ok = strings.Cut(w, "="); !ok {
		l, r, ok = strings.Cut(w, ":")
	}
	if !ok {
		if l, r, ok = strings.Cut(w, "-"); ok && !isDigits(l) {
			ok = false // a hyphenated name, not a pair
		}
	}
	if !ok {
		// "1c" or "1c)": digits glued to one letter.
		n := 0
		for n < len(w) && w[n] >= '0' && w[n] <= '9' {
			n++
		}
		if n > 0 && isLetterRef(w[n:]) {
			return w[:n], w[n:], true
		}
		return "", "", false
	}
	if l == "" || r == "" {
		return "", "", false
	}
	return l, r, true
}

// matchesFromValue reads "1=b 2=a" or pairs {left: right}. Left items are
// never shuffled; right items are, so their letters follow the display order.
func matchesFromValue(rv *refResolver, v Value) ([]int, error) { return matchesFrom(rv, v, true) }

// matchesFrom reads a match answer; keyForm: also in the key's form.
func matchesFrom(rv *refResolver, v Value, keyForm bool) ([]int, error) {
	q := rv.q
	f := q.folded()
	lefts, rights := f.leftTexts, f.rightTexts // a right side several left items share is offered once
	var pairs [][2]string
	switch v.Kind {
	case Scalar:
		// The key's form: the pairs by number and letter, then by text,
		// "1=b, 2=a: Khojaly = Xocalı; Shusha = Şuşa".
		if code, texts, ok := strings.Cut(v.Text, ": "); ok && keyForm && strings.Contains(texts, " = ") {
			if p, err := scalarPairs(code); err == nil && len(p) > 0 {
				a, err := matchesFrom(rv, Value{Kind: Scalar, Text: code}, false)
				if err != nil {
					return nil, err
				}
				b, err := matchesFrom(rv, Value{Kind: Scalar, Text: texts}, false)
				if err != nil {
					return nil, fmt.Errorf("%q: the pairs before the colon read, the texts after it do not (%v); write the pairs alone, such as 1=b 2=a", v.Text, err)
				}
				if !slices.Equal(a, b) {
					return nil, fmt.Errorf("%q contradicts itself: the pairs before the colon and the texts after it differ; write the pairs alone, such as 1=b 2=a", v.Text)
				}
				return a, nil
			}
		}
		var err error
		if pairs, err = rv.textPairs(v.Text, rights, f.rights); err != nil {
			if pairs, err = scalarPairs(v.Text); err != nil {
				return nil, err
			}
		}
	case Mapping:
		pairs = v.Pairs
	default:
		return nil, fmt.Errorf("expected left: right pairs, found %s", v.kindName())
	}
	out := make([]int, len(lefts))
	for i := range out {
		out[i] = -1
	}
	defer func() { rv.line = 0 }() // on every path: a later note never carries a pair's line
	for i, pair := range pairs {
		if v.Kind == Mapping && i < len(v.PairLines) {
			rv.line = v.PairLines[i] // a note on the pair's own line
		}
		// errors.As only on an error: its target escapes, one allocation a
		// pair otherwise.
		li, err := rv.resolve(pair[0], lefts, f.lefts, false)
		if err != nil {
			if amb := pairRefOf(err); amb != nil {
				return nil, atPair(v, i, errors.New(amb.pair(pair[0], pair[1], "left")))
			}
			return nil, atPair(v, i, fmt.Errorf("left side %q: not one of the items", pair[0]))
		}
		if out[li] >= 0 {
			return nil, rv.leftTwice(v, pairs, i, li, lefts, f.lefts)
		}
		ri, err := rv.resolve(pair[1], rights, f.rights, true)
		if err != nil {
			if amb := pairRefOf(err); amb != nil {
				return nil, atPair(v, i, errors.New(amb.pair(pair[0], pair[1], "right")))
			}
			return nil, atPair(v, i, fmt.Errorf("right side of %q: %q is not one of the options", pair[0], pair[1]))
		}
		out[li] = q.pairOfRightIn(rights, ri)
	}
	return out, nil
}

// pairRefOf is the pairRefError in err's chain, or nil.
func pairRefOf(err error) pairRefError {
	var amb pairRefError
	if errors.As(err, &amb) {
		return amb
	}
	return nil
}

// pairRefError is a reference that could name two options (ambiguousRef,
// foldedRef), worded for one side of a match's pair.
type pairRefError interface {
	error
	pair(left, right, side string) string
}

// PairError is a match answer's pair that cannot be read, on its own line
// in a sheet (Line; 0: not known, as in a typed line), as LeftTwiceError is.
type PairError struct {
	Line int
	Err  error
}

func (e *PairError) Error() string { return e.Err.Error() }
func (e *PairError) Unwrap() error { return e.Err }

// PairLine is the line of the pair at fault in a sheet (0: not known).
func (e *PairError) PairLine() int { return e.Line }

// atPair is err, about v's pair i, with the pair's line when v (a sheet's
// pairs) has one.
func atPair(v Value, i int, err error) error {
	if v.Kind == Mapping && i < len(v.PairLines) && v.PairLines[i] > 0 {
		return &PairError{Line: v.PairLines[i], Err: err}
	}
	return err
}

// leftTwice is the error for pairs[i], whose left side is left li, which an
// earlier pair named already, as written or otherwise ("1" and "01", a
// number and the item's text): the last value must not silently win, as it
// does not for a key given twice. The first pair is found again here, so
// that an answer read well pays nothing to remember it.
func (rv *refResolver) leftTwice(v Value, pairs [][2]string, i, li int, lefts, folded []string) error {
	kept := len(rv.notes)
	defer func() { rv.notes = rv.notes[:kept] }()
	first := 0
	for j := range pairs[:i] {
		if k, err := rv.resolve(pairs[j][0], lefts, folded, false); err == nil && k == li {
			first = j
			break
		}
	}
	e := &LeftTwiceError{Left: pairs[i][0], First: pairs[first][0]}
	if v.Kind == Mapping && i < len(v.PairLines) {
		e.Line, e.FirstLine = v.PairLines[i], v.PairLines[first]
	}
	return e
}

// LeftTwiceError is a match answer that pairs one left side twice, written
// alike or in two ways that name the same item ("1" and "01", a number and
// the item's text, another case): which pairing the student meant cannot
// be known. Left is the second spelling and First the first; Line and
// FirstLine are their lines in a sheet (0: not known, as in a typed line).
type LeftTwiceError struct {
	Left, First     string
	Line, FirstLine int
}

// PairLine is the line of the pair given second in a sheet (0: not known).
func (e *LeftTwiceError) PairLine() int { return e.Line }

func (e *LeftTwiceError) Error() string {
	msg := fmt.Sprintf("left side %q given twice", e.Left)
	switch {
	case e.FirstLine > 0 && e.First != e.Left:
		return msg + fmt.Sprintf(" (first at line %d, as %q)", e.FirstLine, e.First)
	case e.FirstLine > 0:
		return msg + fmt.Sprintf(" (first at line %d)", e.FirstLine)
	case e.First != e.Left:
		return msg + fmt.Sprintf(" (first as %q)", e.First)
	}
	return msg
}
