package quiz

import (
	"errors"
	"fmt"
	"math"
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

func letterIndex(s string, n int) (int, bool) {
	i, ok := text.LetterIndex(s)
	return i, ok && i < n
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

// labelForm reports whether f is written as an option's label: one letter
// or a number, bare or with its bracket or dot ("c", "c)", "(c)", "c.",
// "3", "3)", "(3)", "3."), as a list of labels is written.
func labelForm(f string) bool {
	s := f
	if b, ok := strings.CutPrefix(s, "("); ok {
		if s, ok = strings.CutSuffix(b, ")"); !ok {
			return false
		}
	} else if b, ok := strings.CutSuffix(s, ")"); ok {
		s = b
	} else if b, ok := strings.CutSuffix(s, "."); ok {
		s = b
	} else if len(s) > 1 && !isDigits(s) {
		return false // a bare word of letters: a text, "the"
	}
	if _, ok := smallNumber(s); ok {
		return true
	}
	// One letter: "Dr." and "No." are words.
	return len(s) == 1 && (s[0]|0x20) >= 'a' && (s[0]|0x20) <= 'z'
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
		out = make([]int, 0, len(refs))
	}
	// Parts joined as written: from the scalar, with its own separators;
	// a YAML list's items with ", ".
	join := func(i, j int) string { return strings.Join(refs[i:j+1], ", ") }
	if v.Kind == Scalar {
		spans := listSpans(v.Text)
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

// Name says what shape a value has, for messages: list, mapping, single value.
func (k ValueKind) Name() string {
	if k < 0 || int(k) >= len(yamlnode.KindWords) {
		return yamlnode.KindWords[Empty]
	}
	return yamlnode.KindWords[k]
}

// Resolve reads v, an answer to q as a sheet holds it or a student types it,
// into a Response in the bank's own terms. Numbers and letters refer to the
// options in the order they were shown: the order seed gives them
// (Question.OptionOrder), or the bank's order when seed is nil. An empty value
// is unanswered. The error says, for the student, why v cannot be read.
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
	if v.Kind == Empty {
		return Response{}, nil
	}
	rv := &refResolver{q: q, seed: seed}
	r, err := responseFromValue(rv, v)
	n, rest, ok := numbered(q, v)
	if !ok {
		return r, err
	}
	r2, err2 := responseFromValue(rv, Value{Kind: Scalar, Text: rest, Line: v.Line})
	switch {
	case n == number && err != nil:
		return r2, err2
	case err2 != nil:
		// "613 civilans killed": no question number and an answer, but a
		// text that is no option.
		return r, err
	case n == number:
		// "5 a" on question 5 of choose-all: question 5's a, or options
		// 5 and a.
		if !slices.Equal(r.Choices, r2.Choices) {
			return Response{}, fmt.Errorf("%q could be question %d's answer %s or the options %d and %s; write %s for the first",
				v.Text, n, rest, n, rest, rest)
		}
		return r, nil
	case err == nil:
		return r, nil
	case number > 0:
		return Response{}, fmt.Errorf("%q begins with %d, but this is question %d; write the answer alone (%s), under its own question's id",
			v.Text, n, number, rest)
	}
	return Response{}, fmt.Errorf("%q begins with %d, which may be a question's number; write the answer alone (%s)", v.Text, n, rest)
}

// numbered splits a choice or true/false answer that begins with a number
// and then a letter ("5 a", "9b", "5. a) Iran", "Q5: true") into the number
// and the rest.
func numbered(q *Question, v Value) (int, string, bool) {
	if v.Kind != Scalar || q.Type != Single && q.Type != Multi && q.Type != TrueFalse {
		return 0, "", false
	}
	s := strings.TrimSpace(v.Text)
	if len(s) > 1 && (s[0]|0x20) == 'q' && s[1] >= '0' && s[1] <= '9' {
		s = s[1:]
	}
	end := 0
	for end < len(s) && end < 4 && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	if end == 0 {
		return 0, "", false
	}
	n, _ := smallNumber(s[:end])
	rest := strings.TrimLeft(s[end:], " \t")
	if r := strings.TrimLeft(rest, ".):"); r != rest {
		rest = strings.TrimLeft(r, " \t")
	}
	if rest == "" || !unicode.IsLetter([]rune(rest)[0]) && rest[0] != '(' {
		return 0, "", false
	}
	return n, rest, true
}

// refResolver turns what a sheet says ("2", "b", "Baku") into the bank's own
// option index. Texts are compared with the bank's options directly, so only
// numbers and letters need the display order, which is computed on demand.
type refResolver struct {
	q    *Question
	seed *uint64 // nil: the bank's order
	perm []int
	got  bool
}

func (rv *refResolver) display(k int) int {
	if !rv.got {
		if rv.seed != nil {
			rv.perm = rv.q.OptionOrder(*rv.seed)
		}
		rv.got = true
	}
	if rv.perm != nil && k < len(rv.perm) {
		return rv.perm[k]
	}
	return k
}

// shown is the display position of the bank's option i.
func (rv *refResolver) shown(i int) int {
	rv.display(0)
	for d, k := range rv.perm {
		if k == i {
			return d
		}
	}
	return i
}

// A reference to an option is read by one grammar, the same on a sheet, at
// the plain prompt and in the key the tool writes:
//
//   - a label with its bracket, a letter "c)", "C)", "(c)" or a number "3)",
//     "(3)", is always the option labelled so, as the sheet, the paper test
//     and the plain prompt label them, never a text;
//   - a label with a dot, "c." or "3.", is that label too, unless another
//     option's text is written so (the texts "c." or "3."): then it could
//     mean either and is refused, naming the forms that cannot be misread;
//   - a bare letter, "c" or "C", is that label, and a number from 1 to n is
//     the option numbered so, unless another option's text is that letter or
//     number (Baku, "c", "3": compared as Normalize compares texts): then the
//     reference could mean either and is refused, with the forms that cannot
//     be misread ("3)" or "c)" for a number, "c)" for a letter);
//   - anything else is an option's text, exactly or as Normalize folds it.
//
// OptionRef writes the form that reads back as the option it names.

// OptionRef is how a sheet refers to option d (0-based, in the order shown)
// so that it reads back as that option and no other. A lettered option (a
// choice, a match's right side) is given by its letter, or by the letter with
// its bracket when the bare letter is also another option's text; a numbered
// one (an order's item, a match's left side) by its number, or else by the
// number with its bracket, as the sheet numbers it, which is always the label.
func OptionRef(shown []string, d int, numbered bool) string {
	if numbered {
		if f := strconv.Itoa(d + 1); readsAs(f, shown, foldAll(shown), d) {
			return f
		}
		return strconv.Itoa(d+1) + ")"
	}
	if f := text.Letter(d); readsAs(f, shown, foldAll(shown), d) {
		return f
	}
	return text.Letter(d) + ")"
}

// OptionText is option d (0-based, in the order shown) as a key without
// comments gives it: its text when that reads back as option d and no
// other, else OptionRef.
func OptionText(shown []string, d int, numbered bool) string {
	if readsAs(shown[d], shown, foldAll(shown), d) {
		return shown[d]
	}
	return OptionRef(shown, d, numbered)
}

func foldAll(options []string) []string {
	folded := make([]string, len(options))
	for i, s := range options {
		folded[i] = text.Normalize(s)
	}
	return folded
}

// readsAs reports whether ref, resolved against options in the order shown,
// is option d.
func readsAs(ref string, shown, folded []string, d int) bool {
	i, err := (&refResolver{}).resolve(ref, shown, folded, false)
	return err == nil && i == d
}

// textOption is the option whose text ref is, exactly or as Normalize folds
// it, other than not; or -1.
func textOption(ref string, options, folded []string, not int) int {
	if i := slices.Index(options, ref); i >= 0 && i != not {
		return i
	}
	want := text.Normalize(ref)
	if want == "" {
		return -1
	}
	for i, f := range folded {
		if f == want && i != not && options[i] != ref {
			return i
		}
	}
	return -1
}

// dottedText is the option other than not whose text is ref, a label with
// its dot ("c.", "3."), written with that dot: the text "c." or "C.", but
// not "c", which "c." names as its label; or -1.
func dottedText(ref string, options, folded []string, not int) int {
	want := text.Normalize(ref)
	for i, f := range folded {
		if i != not && f == want && strings.HasSuffix(strings.TrimSpace(options[i]), ".") {
			return i
		}
	}
	return -1
}

// ambiguousRef is a reference that could mean two options: the one with
// that label (a number or a letter, in the order shown) and another whose
// text is written so. Its message names both and the forms that cannot be
// misread; a match answer names them as pairs (pair).
type ambiguousRef struct {
	Ref       string // as written
	Number    bool   // a number, "3", not a letter
	Label     int    // the labelled option, as shown (0-based)
	LabelText string
	Other     int // the option whose text Ref is, as shown
	OtherText string
}

func (e *ambiguousRef) what() string {
	kind, label, other := "letter", text.Letter(e.Label)+")", text.Letter(e.Other)+")"
	if e.Number {
		kind, label, other = "number", strconv.Itoa(e.Label+1)+")", strconv.Itoa(e.Other+1)+")"
	}
	return fmt.Sprintf("%q could be the option with that %s, %s %s, or the option whose text is %s, %s %s",
		e.Ref, kind, label, text.Printable(e.LabelText), text.Printable(e.OtherText), other, text.Printable(e.OtherText))
}

// Error names both options and the forms that cannot be misread: a
// letter's "c)"; a number's "3)", as the plain prompt and the sheet number a
// list, or its letter "c)".
func (e *ambiguousRef) Error() string {
	if e.Number {
		return fmt.Sprintf("%s; write %d) or %s) for the first, %d) or %s) for the second",
			e.what(), e.Label+1, text.Letter(e.Label), e.Other+1, text.Letter(e.Other))
	}
	return fmt.Sprintf("%s; write %s) for the first or %s) for the second", e.what(), text.Letter(e.Label), text.Letter(e.Other))
}

// pair is the message for one side of a match's pair written so, left=right
// as written; side is "left" or "right". The forms named are whole pairs:
// "2=b)" for a right side (lettered), "2)=b" for a left side (numbered).
func (e *ambiguousRef) pair(left, right, side string) string {
	if side == "left" {
		return fmt.Sprintf("left side %s; write %d)=%s for the first or %d)=%s for the second",
			e.what(), e.Label+1, right, e.Other+1, right)
	}
	return fmt.Sprintf("right side of %q: %s; write %s=%s) for the first or %s=%s) for the second",
		left, e.what(), left, text.Letter(e.Label), left, text.Letter(e.Other))
}

// resolve finds ref among options (the bank's order; folded are their
// normalised forms). Numbers and letters count in display order when
// shuffled. The grammar is described above OptionRef.
func (rv *refResolver) resolve(ref string, options, folded []string, shuffled bool) (int, error) {
	if ref != "" && (ref[0] == ' ' || ref[len(ref)-1] == ' ' || ref[0] == '\t' || ref[len(ref)-1] == '\t') {
		ref = strings.TrimSpace(ref)
	}
	n := len(options)
	if ref == "" {
		return 0, fmt.Errorf("empty answer")
	}
	toBank := func(k int) int {
		if shuffled {
			return rv.display(k)
		}
		return k
	}
	toShown := func(i int) int {
		if shuffled {
			return rv.shown(i)
		}
		return i
	}
	// The label with its bracket, as the sheet prints it: never a text.
	// "c)", "(c)", and a number's "3)" as the sheet numbers an order's items
	// and the plain prompt every list.
	if strings.HasSuffix(ref, ")") {
		bare := strings.TrimPrefix(strings.TrimSuffix(ref, ")"), "(")
		if k, ok := letterIndex(bare, n); ok {
			return toBank(k), nil
		}
		if k, ok := smallNumber(bare); ok && k >= 1 && k <= n {
			return toBank(k - 1), nil
		}
	}
	// A number from 1 to n (as a student picks an option in Moodle) or a
	// bare letter: the option shown so, unless another option's text is
	// that number or letter ({=4 ~3 ~5}; choices c, b, a). With a dot,
	// "c." or "3.", the label as a paper test prints it: the option shown
	// so, unless another option's text is written with that dot too.
	label, kind, dot := -1, "", false
	bare := ref
	if b, ok := strings.CutSuffix(ref, "."); ok && b != "" {
		bare, dot = b, true
	}
	if k, ok := smallNumber(bare); ok && k >= 1 && k <= n {
		label, kind = k-1, "number"
	} else if k, ok := letterIndex(bare, n); ok && !strings.HasSuffix(bare, ")") {
		label, kind = k, "letter"
	}
	if label >= 0 {
		idx := toBank(label)
		var other int
		if dot {
			other = dottedText(ref, options, folded, idx)
		} else {
			other = textOption(ref, options, folded, idx)
		}
		if other < 0 {
			return idx, nil
		}
		return 0, &ambiguousRef{Ref: ref, Number: kind == "number", Label: label, LabelText: options[idx],
			Other: toShown(other), OtherText: options[other]}
	}
	if i := slices.Index(options, ref); i >= 0 {
		return i, nil
	}
	if k, ok := smallNumber(ref); ok {
		return 0, fmt.Errorf("%d is not an option; give its number (1-%d), letter (%s) or text", k, n, text.LetterRange(n))
	}
	want := text.Normalize(ref)
	for i, f := range folded {
		if f == want {
			return i, nil
		}
	}
	// The label and the option's text, as the test and the key print an
	// option: "b) Iran", "(b) Iran", "2. Iran", "b Iran". Both must name
	// the same option.
	if k, label, rest, bracket, ok := labelled(ref, n); ok {
		idx := toBank(k)
		if sameText(rest, options[idx], folded[idx]) {
			return idx, nil
		}
		if !bracket {
			// "a lot of people": no label was meant, as far as anyone can
			// tell; read as a text, which it is not.
		} else if other := textOption(rest, options, folded, idx); other >= 0 {
			d := toShown(other)
			return 0, fmt.Errorf("%q contradicts itself: %s is %s, but %s is %s) %s; write %s) for the first or %s) for the second",
				ref, label, text.Printable(options[idx]), text.Printable(rest), text.Letter(d), text.Printable(options[other]), text.Letter(k), text.Letter(d))
		} else {
			return 0, fmt.Errorf("%q: %s is %s, and %s is not its text; write %s) alone, or the option's text as printed",
				ref, label, text.Printable(options[idx]), text.Printable(rest), text.Letter(k))
		}
	}
	return 0, fmt.Errorf("%q is not one of the options; give its number (1-%d), letter (%s) or text", ref, n, text.LetterRange(n))
}

// labelled splits an option written with its label, "b) Iran", "(b) Iran",
// "b. Iran", "3) Iran" or "b Iran", into the label's position (0-based,
// as shown), the label as written, and the text after it. bracket is false
// for a bare letter and a space ("b Iran"), which may be no label at all.
func labelled(ref string, n int) (k int, label, rest string, bracket, ok bool) {
	s := ref
	open := strings.HasPrefix(s, "(")
	if open {
		s = s[1:]
	}
	end := 0
	for end < len(s) && end < 3 && (s[end] >= '0' && s[end] <= '9' || (s[end]|0x20) >= 'a' && (s[end]|0x20) <= 'z') {
		end++
	}
	if end == 0 || end == len(s) {
		return 0, "", "", false, false
	}
	head := s[:end]
	if num, isNum := smallNumber(head); isNum {
		if num < 1 || num > n {
			return 0, "", "", false, false
		}
		k = num - 1
	} else if i, isLetter := letterIndex(head, n); isLetter && (len(head) == 1 || n > 26) {
		k = i
	} else {
		return 0, "", "", false, false
	}
	switch c := s[end]; {
	case c == ')' || !open && (c == '.' || c == ':'):
		bracket = true
		rest = s[end+1:]
	case !open && (c == ' ' || c == '\t') && !isDigits(head):
		rest = s[end:]
	default:
		return 0, "", "", false, false
	}
	rest = strings.TrimSpace(rest)
	if rest == "" || rest[0] == ')' || isListSep([]rune(rest)[0]) {
		// "a), c)": a list of labels, not a label and its text.
		return 0, "", "", false, false
	}
	return k, strings.TrimSpace(strings.TrimSuffix(ref, rest)), rest, bracket, true
}

// sameText reports whether rest, written after an option's label, is the
// option's text: as Normalize folds it, or its beginning cut off with an
// ellipsis ("It said the Azeri population…").
func sameText(rest, option, folded string) bool {
	if rest == option || text.Normalize(rest) == folded {
		return true
	}
	for _, dots := range []string{"…", "..."} {
		if stem, ok := strings.CutSuffix(rest, dots); ok {
			stem = text.Normalize(stem)
			return stem != "" && strings.HasPrefix(folded, stem)
		}
	}
	return false
}

// smallNumber reads a whole number of up to nine digits, as option numbers
// are written, without strconv's generality (it runs for every answer).
func smallNumber(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// folded holds a question's options normalised once, for every sheet.
type folded struct {
	choices, items, lefts, rights, accept []string
	wild                                  []*regexp.Regexp // per accepted answer: its * pattern, or nil
	typos                                 []text.Accepted  // accept, as the typo rule reads them
	exact                                 []*regexp.Regexp // per accepted answer: its * pattern for moodleMatch, or nil
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
		f.lefts = append(f.lefts, text.Normalize(p.Left))
	}
	for _, r := range q.Rights() { // as offered: each once
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

func responseFromValue(rv *refResolver, v Value) (Response, error) {
	q := rv.q
	switch q.Type {
	case Single:
		t, err := v.single()
		if err != nil {
			return Response{}, err
		}
		i, err := rv.resolve(t, q.Choices, q.folded().choices, true)
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

// single is a value that must be one answer.
func (v Value) single() (string, error) {
	if v.Kind != Scalar {
		return "", fmt.Errorf("expected a single answer, found a %s", v.kindName())
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
	return nil, fmt.Errorf("expected a list of answers, found a %s", v.kindName())
}

// choicesFromValue reads a multi answer: "none", one option, or a list of
// them (each counted once).
func choicesFromValue(rv *refResolver, v Value) ([]int, error) {
	q, f := rv.q, rv.q.folded()
	if v.Kind == Scalar {
		if strings.EqualFold(strings.TrimSpace(v.Text), "none") {
			// "none" is no option, unless an option's text is none:
			// then it could be either (an empty list [] is no option).
			if i := textOption(v.Text, q.Choices, f.choices, -1); i >= 0 {
				d := rv.shown(i)
				return nil, fmt.Errorf("%q could mean no option or the option whose text is %s, %s); write [] for no option or %s) for that option",
					v.Text, text.Printable(q.Choices[i]), text.Letter(d), text.Letter(d))
			}
			return []int{}, nil
		}
		// One option, "b) Iran", unless the line is a list of labels,
		// "a. c." or "a c", which is never one option's label and text.
		if refs := splitRefs(v.Text); len(refs) < 2 || !allLabels(refs) {
			if i, err := rv.resolve(v.Text, q.Choices, f.choices, true); err == nil {
				return []int{i}, nil
			}
		}
	}
	all, err := rv.resolveList(v, q.Choices, f.choices)
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

func allLabels(refs []string) bool {
	for _, r := range refs {
		if !labelForm(r) {
			return false
		}
	}
	return true
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
var errPairs = fmt.Errorf("write each pair as number=letter, such as 1=b 2=a")

// scalarPairs splits typed match pairs. A pair is an item and an option
// joined by =, : or (after a number) -, or glued ("1c"), or a number and a
// letter with a space between ("1 c"); pairs are separated by commas,
// semicolons or spaces: "1=c 2=a", "1 c, 2 a", "1c 2a", "1-c; 2-a" all
// read alike, the forms the printed key and the sheet show. Anything that
// could be split more than one way ("1 2 3 4", "12") is refused.
func scalarPairs(s string) ([][2]string, error) {
	var pairs [][2]string
	for _, group := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		toks := strings.Fields(group)
		// "1 = c", "1: c", "1 =c": a separator beside a space joins the
		// words on either side.
		for i := 0; i+1 < len(toks); i++ {
			if strings.ContainsAny(toks[i][len(toks[i])-1:], "=:-") || strings.ContainsAny(toks[i+1][:1], "=:-") {
				toks = slices.Replace(toks, i, i+2, toks[i]+toks[i+1])
				i--
			}
		}
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

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// isLetterRef: one ASCII letter, as an option is labelled, maybe with its
// bracket or dot: "c", "c)", "(c)", "c.".
func isLetterRef(s string) bool {
	if b, ok := strings.CutPrefix(s, "("); ok {
		s = strings.TrimSuffix(b, ")")
	} else if b, ok := strings.CutSuffix(s, ")"); ok {
		s = b
	} else {
		s = strings.TrimSuffix(s, ".")
	}
	return len(s) == 1 && (s[0]|0x20) >= 'a' && (s[0]|0x20) <= 'z'
}

// matchesFromValue reads "1=b 2=a" or pairs {left: right}. Left items are
// never shuffled; right items are, so their letters follow the display order.
func matchesFromValue(rv *refResolver, v Value) ([]int, error) { return matchesFrom(rv, v, true) }

// matchesFrom reads a match answer; keyForm: also in the key's form.
func matchesFrom(rv *refResolver, v Value, keyForm bool) ([]int, error) {
	q := rv.q
	f := q.folded()
	lefts := make([]string, len(q.Pairs))
	for i, p := range q.Pairs {
		lefts[i] = p.Left
	}
	rights := q.Rights() // a right side several left items share is offered once
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
		return nil, fmt.Errorf("expected left: right pairs, found a %s", v.kindName())
	}
	out := make([]int, len(lefts))
	for i := range out {
		out[i] = -1
	}
	for _, pair := range pairs {
		li, err := rv.resolve(pair[0], lefts, f.lefts, false)
		var amb *ambiguousRef
		if errors.As(err, &amb) {
			return nil, errors.New(amb.pair(pair[0], pair[1], "left"))
		} else if err != nil {
			return nil, fmt.Errorf("left side %q: not one of the items", pair[0])
		}
		ri, err := rv.resolve(pair[1], rights, f.rights, true)
		if errors.As(err, &amb) {
			return nil, errors.New(amb.pair(pair[0], pair[1], "right"))
		} else if err != nil {
			return nil, fmt.Errorf("right side of %q: %q is not one of the options", pair[0], pair[1])
		}
		out[li] = q.pairOfRight(ri)
	}
	return out, nil
}

// approx are the words a student writes before a number to say it is
// about that much; the question's tolerance says how close is right, so
// "~350" is read as 350.
var approx = []string{"~", "≈", "about ", "approx. ", "approx ", "approximately ", "around ", "circa ", "ca. ", "c. ", "c.", "some "}

// ParseNumeric reads a numeric question's answer as a student writes it:
// a number (text.ParseNumber), maybe after "~", "about" or "c." (read as
// the number: the question's tolerance says how close is right), maybe
// followed by the question's unit as the test prints it after the blank
// ("350 people"; case and a plural s folded) or by the key's tolerance,
// "350 (± 10) people". The error says what is wrong, for the student.
func (q *Question) ParseNumeric(s string) (float64, error) {
	t := strings.TrimSpace(s)
	if v, err := text.ParseNumber(t); err == nil && !math.IsInf(v, 0) {
		return v, nil // the common case
	}
	for _, a := range approx {
		if len(t) >= len(a) && strings.EqualFold(t[:len(a)], a) {
			t = strings.TrimSpace(t[len(a):])
			break
		}
	}
	num, rest := t, ""
	if i := strings.IndexFunc(t, func(r rune) bool { return unicode.IsLetter(r) || r == '(' }); i > 0 {
		num, rest = strings.TrimSpace(t[:i]), strings.TrimSpace(t[i:])
	}
	v, err := text.ParseNumber(num)
	if err != nil || math.IsInf(v, 0) {
		return 0, fmt.Errorf("expected a number, found %q", s)
	}
	if tol, after, ok := strings.Cut(rest, ")"); ok && strings.HasPrefix(tol, "(") {
		// The key's "(± 10)": the question's own tolerance, copied.
		tol = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(tol[1:]), "±+-/ "))
		if d, err := text.ParseNumber(tol); err != nil || d != q.Tol {
			return 0, fmt.Errorf("expected a number, found %q: write the number alone (how close counts as right is the question's to say)", s)
		}
		rest = strings.TrimSpace(after)
	}
	if rest == "" || q.unitIs(rest) {
		return v, nil
	}
	if q.Unit != "" && !yearUnit(q.Unit) {
		return 0, fmt.Errorf("expected a number of %s, found %q: write the number alone, or with %q after it", q.Unit, s, q.Unit)
	}
	return 0, fmt.Errorf("expected a number, found %q: write the number alone", s)
}

// unitIs reports whether w is the question's unit: as the bank spells it,
// in any case, with or without a plural s, or person for people.
func (q *Question) unitIs(w string) bool {
	if q.Unit == "" {
		return false
	}
	fold := func(s string) string {
		s = text.Normalize(s)
		switch s {
		case "people", "persons":
			return "person"
		}
		if strings.HasSuffix(s, "ies") && len(s) > 4 {
			return strings.TrimSuffix(s, "ies") + "y"
		}
		return strings.TrimSuffix(s, "s")
	}
	return fold(w) == fold(q.Unit)
}
