package quiz

import (
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

// splitRefs splits "1,3", "1 3", "a; c" into references. Text options may hold
// spaces, so a list that is not made of numbers and letters splits on , and ; only.
func splitRefs(s string) []string {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) })
	short := true
	for _, f := range fields {
		if _, err := strconv.Atoi(f); err != nil && len([]rune(f)) > 1 {
			short = false
		}
	}
	if short {
		return fields
	}
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
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
	if v.Kind == Empty {
		return Response{}, nil
	}
	return responseFromValue(&refResolver{q: q, seed: seed}, v)
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
//   - a letter with its bracket, "c)" or "C)", is always the option labelled
//     c, as the sheet and the paper test label it;
//   - a bare letter, "c" or "C", is that label, and a number from 1 to n is
//     the option numbered so, unless another option's text is that letter or
//     number (Baku, "c", "3": compared as Normalize compares texts): then the
//     reference could mean either and is refused, with the forms that cannot
//     be misread;
//   - anything else is an option's text, exactly or as Normalize folds it.
//
// OptionRef writes the form that reads back as the option it names.

// OptionRef is how a sheet refers to option d (0-based, in the order shown)
// so that it reads back as that option and no other. A lettered option (a
// choice, a match's right side) is given by its letter, or by the letter with
// its bracket when the bare letter is also another option's text; a numbered
// one (an order's item, a match's left side) by its number, or else by its
// letter, or else by the letter with its bracket, which is always the label.
func OptionRef(shown []string, d int, numbered bool) string {
	folded := foldAll(shown)
	forms := []string{text.Letter(d)}
	if numbered {
		forms = []string{strconv.Itoa(d + 1), text.Letter(d)}
	}
	for _, f := range forms {
		if readsAs(f, shown, folded, d) {
			return f
		}
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
	if strings.HasSuffix(ref, ")") {
		if k, ok := letterIndex(ref, n); ok {
			return toBank(k), nil
		}
	}
	// A number from 1 to n (as a student picks an option in Moodle) or a
	// bare letter: the option shown so, unless another option's text is
	// that number or letter ({=4 ~3 ~5}; choices c, b, a).
	label, kind := -1, ""
	if k, ok := smallNumber(ref); ok && k >= 1 && k <= n {
		label, kind = k-1, "number"
	} else if k, ok := letterIndex(ref, n); ok {
		label, kind = k, "letter"
	}
	if label >= 0 {
		idx := toBank(label)
		other := textOption(ref, options, folded, idx)
		if other < 0 {
			return idx, nil
		}
		d := toShown(other)
		return 0, fmt.Errorf("%q could be the option with that %s, %s) %s, or the option whose text is %s, %s) %s; write %s) for the first or %s) for the second",
			ref, kind, text.Letter(label), text.Printable(options[idx]), text.Printable(options[other]), text.Letter(d), text.Printable(options[other]), text.Letter(label), text.Letter(d))
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
	return 0, fmt.Errorf("%q is not one of the options; give its number (1-%d), letter (%s) or text", ref, n, text.LetterRange(n))
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
		if f, err := text.ParseNumber(t); err != nil || math.IsInf(f, 0) {
			return Response{}, fmt.Errorf("expected a number, found %q", t)
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
		if i, err := rv.resolve(v.Text, q.Choices, f.choices, true); err == nil {
			return []int{i}, nil
		}
	}
	refs, err := v.refs()
	if err != nil {
		return nil, err
	}
	idx := make([]int, 0, len(refs))
	for _, r := range refs {
		i, err := rv.resolve(r, q.Choices, f.choices, true)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(idx, i) {
			idx = append(idx, i)
		}
	}
	return idx, nil
}

// sequenceFromValue reads an order answer: every item once.
func sequenceFromValue(rv *refResolver, v Value) ([]int, error) {
	q := rv.q
	refs, err := v.refs()
	if err != nil {
		return nil, err
	}
	n := len(q.Items)
	if len(refs) != n {
		return nil, fmt.Errorf("put all %d items in order, each once, such as %s", n, exampleSequence(n))
	}
	seq := make([]int, 0, n)
	for _, r := range refs {
		i, err := rv.resolve(r, q.Items, q.folded().items, true)
		if err != nil {
			return nil, err
		}
		if slices.Contains(seq, i) {
			return nil, fmt.Errorf("%q is listed twice; use each item once", r)
		}
		seq = append(seq, i)
	}
	return seq, nil
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

// isLetterRef: one ASCII letter, as an option is labelled, maybe with ")".
func isLetterRef(s string) bool {
	s = strings.TrimSuffix(s, ")")
	return len(s) == 1 && (s[0]|0x20) >= 'a' && (s[0]|0x20) <= 'z'
}

// matchesFromValue reads "1=b 2=a" or pairs {left: right}. Left items are
// never shuffled; right items are, so their letters follow the display order.
func matchesFromValue(rv *refResolver, v Value) ([]int, error) {
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
		var err error
		if pairs, err = scalarPairs(v.Text); err != nil {
			return nil, err
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
		if err != nil {
			return nil, fmt.Errorf("left side %q: not one of the items", pair[0])
		}
		ri, err := rv.resolve(pair[1], rights, f.rights, true)
		if err != nil {
			return nil, fmt.Errorf("right side of %q: %q is not one of the options", pair[0], pair[1])
		}
		out[li] = q.pairOfRight(ri)
	}
	return out, nil
}
