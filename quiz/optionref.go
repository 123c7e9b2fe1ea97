package quiz

// An option is named in an answer by its label as the student saw it (a
// letter, a number, with or without a bracket or a dot) or by its text;
// refResolver turns one such reference into the option it names, and refuses
// one that could name two (ambiguousRef), saying how to write each.

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/conflictq/conflictq/quiz/text"
)

func letterIndex(s string, n int) (int, bool) {
	i, ok := text.LetterIndex(s)
	return i, ok && i < n
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

// refResolver turns what a sheet says ("2", "b", "Baku") into the bank's own
// option index. Texts are compared with the bank's options directly, so only
// numbers and letters need the display order, which is computed on demand.
type refResolver struct {
	q    *Question
	seed *uint64 // nil: the bank's order
	perm []int
	got  bool
	// notes say how an answer was read otherwise than as written: an
	// option's label with its text cut short ("(a) It said the Azeri
	// population"), read as the label, for a warning (readingNote); one for
	// each part of a choose-all answer so read, none lost.
	notes []Problem
	// line is the line of the part being read (a match's pair written on
	// a line of its own), for its note; 0: the answer's line.
	line int
}

// readingNote is a note of how an answer, or one part of it, was read
// otherwise than as written: a Problem that is a warning of a reading, on
// line (0: the answer's own line), for the caller to place (Sheet.ResolveAt
// adds the file, the question and the answer's line). A type of its own
// (a Note with Line and Msg) was tried and dropped: it was a Problem
// without the file, converted back into one by its one reader of files.
func readingNote(line int, format string, args ...any) Problem {
	return Problem{Line: line, Msg: fmt.Sprintf(format, args...), Warning: true, Reading: true}
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
	if d < 0 || d >= len(shown) { // no such label: read as any reference is
		if numbered {
			return strconv.Itoa(d+1) + ")"
		}
		return text.Letter(d) + ")"
	}
	if numbered {
		if f := strconv.Itoa(d + 1); readsAs(f, shown, foldLabelRivals(f, shown), d) {
			return f
		}
		return strconv.Itoa(d+1) + ")"
	}
	if f := text.Letter(d); readsAs(f, shown, foldLabelRivals(f, shown), d) {
		return f
	}
	return text.Letter(d) + ")"
}

// foldLabelRivals is foldAll(options) for resolving label, a bare letter or
// number, which reads the folded options only to find one whose text folds
// to label (textMatches): an option with more kept letters and digits
// (keptAlnum) than label cannot (Normalize keeps each of them), and is left
// unfolded, as noFold, which nothing folds to. A key's every option was
// folded once for each of its question's options
// (TestOptionRefFoldsOnlyRivals).
func foldLabelRivals(label string, options []string) []string {
	if label == "" || len(options) == 0 {
		return foldAll(options)
	}
	folded := make([]string, len(options))
	for i, s := range options {
		if keptAlnum(s) > len(label) {
			folded[i] = noFold
			continue
		}
		folded[i] = text.Normalize(s)
	}
	return folded
}

// noFold stands for an option's folded text where no reference can match
// it: Normalize never returns a NUL.
const noFold = "\x00"

// keptAlnum counts the ASCII letters and digits of s that Normalize keeps,
// but for their case: each one followed by an ASCII byte or the end of s.
// Such a letter is its own decomposition (NFKD), no combining mark follows
// it to be dropped or composed with it (NFC composes a character only with
// the marks after it, and no two ASCII characters compose), and Normalize
// writes it folded by its table. A letter followed by other text may take a
// mark there, and is not counted. In an ASCII option (most options) every
// letter and digit counts; a choice with a curly quote or an accent in it
// was folded for every label before.
func keptAlnum(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		// The next-byte test is defensive: NFKD keeps ASCII and the marks
		// are removed before NFC, so no test finds a letter that loses it.
		if c := s[i]; ('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') && (i+1 == len(s) || s[i+1] < 0x80) {
			n++
		}
	}
	return n
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

// textOption is the option other than not whose text ref is, at the closest
// level that finds any (textMatches); or -1. When ref is option not's own
// text at that level (the label c) is "C", and "C++" only folds to "c"),
// no other option is named.
func textOption(ref string, options, folded []string, not int) int {
	m := textMatches(ref, options, folded)
	if slices.Contains(m, not) && len(m) == 1 {
		return -1
	}
	for _, i := range m {
		if i != not {
			return i
		}
	}
	return -1
}

// textMatches is the options whose text ref is, at the closest level that
// finds any: as written, then but for case (text.SameButCase), then as
// Normalize folds it (folded holds the options so folded). "Şuşa" is Şuşa
// and "SUSA" is Susa, though both fold to "susa"; two at one level (Şuşa
// and Susa for "Suşa") are for the caller to refuse as ambiguous, never
// the first of them taken (attack18 F3).
func textMatches(ref string, options, folded []string) []int {
	var out []int
	for i, o := range options {
		if o == ref {
			out = append(out, i)
		}
	}
	if out != nil {
		return out
	}
	for i, o := range options {
		if text.SameButCase(ref, o) {
			out = append(out, i)
		}
	}
	if out != nil {
		return out
	}
	want := text.Normalize(ref)
	if want == "" {
		return nil
	}
	for i, f := range folded {
		if f == want {
			out = append(out, i)
		}
	}
	return out
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

// foldedRef is a text that names two or more options equally well: they
// differ only in what Normalize folds away (accents, case, punctuation), and
// ref is none of them as written or but for case ("Suşa": Şuşa and Susa).
// Its message names them all and the labels that cannot be misread.
type foldedRef struct {
	Ref    string   // as written
	Labels []string // the options' labels as shown ("1", "b"), in the order shown
	Texts  []string // their texts, in the same order
}

func (e *foldedRef) what() string {
	names := make([]string, len(e.Labels))
	for i, l := range e.Labels {
		names[i] = fmt.Sprintf("%s) %q", l, text.Printable(e.Texts[i]))
	}
	return fmt.Sprintf("%q could be %s, which differ only in accents, case or punctuation", e.Ref, orList(names))
}

// forms is "write X for the first or Y for the second" with each label
// given to form, which writes it as a reference or a pair.
func (e *foldedRef) forms(form func(label string) string) string {
	if len(e.Labels) == 2 {
		return fmt.Sprintf("write %s for the first or %s for the second", form(e.Labels[0]), form(e.Labels[1]))
	}
	fs := make([]string, len(e.Labels))
	for i, l := range e.Labels {
		fs[i] = form(l)
	}
	return "write one of " + strings.Join(fs, ", ")
}

func (e *foldedRef) Error() string {
	return fmt.Sprintf("%s; %s, or the text as printed", e.what(), e.forms(func(l string) string { return l + ")" }))
}

// pair is the message for one side of a match's pair written so, as
// ambiguousRef's is.
func (e *foldedRef) pair(left, right, side string) string {
	if side == "left" {
		return fmt.Sprintf("left side %s; %s", e.what(), e.forms(func(l string) string { return l + ")=" + right }))
	}
	return fmt.Sprintf("right side of %q: %s; %s", left, e.what(), e.forms(func(l string) string { return left + "=" + l + ")" }))
}

// orList is "x", "x or y", "x, y or z".
func orList(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// ambiguousText is the error for ref naming the options m (the bank's
// indices) alike, labelled as the sheet labels them.
func (rv *refResolver) ambiguousText(ref string, m []int, options []string, shuffled bool) error {
	shown := make([]int, len(m))
	for j, i := range m {
		shown[j] = rv.toShown(i, shuffled)
	}
	order := make([]int, len(m))
	for j := range order {
		order[j] = j
	}
	slices.SortFunc(order, func(a, b int) int { return shown[a] - shown[b] })
	e := &foldedRef{Ref: ref}
	for _, j := range order {
		e.Labels = append(e.Labels, rv.labelName(shown[j], shuffled))
		e.Texts = append(e.Texts, options[m[j]])
	}
	return e
}

// labelName is the label of the option shown k-th (0-based) as the sheet
// prints it: a number for an order's items and a match's left sides, a
// letter for the rest.
func (rv *refResolver) labelName(k int, shuffled bool) string {
	if rv.q != nil && (rv.q.Type == Order || rv.q.Type == Match && !shuffled) {
		return strconv.Itoa(k + 1)
	}
	return text.Letter(k)
}

// resolve finds ref among options (the bank's order; folded are their
// normalised forms). Numbers and letters count in display order when
// shuffled. The grammar is described above OptionRef.
func (rv *refResolver) resolve(ref string, options, folded []string, shuffled bool) (int, error) {
	ref = trimRef(ref)
	n := len(options)
	if ref == "" {
		return 0, fmt.Errorf("empty answer")
	}
	// The label with its bracket, as the sheet prints it: never a text.
	// "c)", "(c)", and a number's "3)" as the sheet numbers an order's items
	// and the plain prompt every list.
	if strings.HasSuffix(ref, ")") {
		bare := strings.TrimPrefix(strings.TrimSuffix(ref, ")"), "(")
		if k, ok := letterIndex(bare, n); ok {
			return rv.toBank(k, shuffled), nil
		}
		if k, ok := smallNumber(bare); ok && k >= 1 && k <= n {
			return rv.toBank(k-1, shuffled), nil
		}
	}
	if i, ok, err := rv.bareLabel(ref, options, folded, shuffled); ok {
		return i, err
	}
	if i := slices.Index(options, ref); i >= 0 {
		return i, nil
	}
	if k, ok := smallNumber(ref); ok {
		return 0, fmt.Errorf("%d is not an option; give its number (1-%d), letter (%s) or text", k, n, text.LetterRange(n))
	}
	switch m := textMatches(ref, options, folded); {
	case len(m) == 1:
		return m[0], nil
	case len(m) > 1:
		return 0, rv.ambiguousText(ref, m, options, shuffled)
	}
	// The label and the option's text, as the test and the key print an
	// option: "b) Iran", "(b) Iran", "2. Iran", "b Iran". Both must name
	// the same option.
	if k, label, rest, bracket, ok := labelled(ref, n); ok {
		if i, ok, err := rv.labelAndText(ref, k, label, rest, bracket, options, folded, shuffled); ok {
			return i, err
		}
	}
	return 0, fmt.Errorf("%q is not one of the options; give its number (1-%d), letter (%s) or text", ref, n, text.LetterRange(n))
}

// trimRef is a reference as resolve reads it: without the spaces around
// it, when it begins or ends with a space or a tab.
func trimRef(ref string) string {
	if ref != "" && (ref[0] == ' ' || ref[len(ref)-1] == ' ' || ref[0] == '\t' || ref[len(ref)-1] == '\t') {
		return strings.TrimSpace(ref)
	}
	return ref
}

// labelOnly reports whether resolve reads ref, among n options, as a bare
// label (bareLabel, without a dot): a letter or a number from 1 to n. Such
// a reading looks at the folded options only to find another option whose
// text folds to the label, so foldLabelRivals serves it.
func labelOnly(ref string, n int) bool {
	ref = trimRef(ref)
	if ref == "" || strings.HasSuffix(ref, ")") || strings.HasSuffix(ref, ".") {
		return false
	}
	if k, ok := smallNumber(ref); ok {
		return k >= 1 && k <= n
	}
	_, ok := letterIndex(ref, n)
	return ok
}

// toBank is the bank's index of the option shown k-th (0-based).
func (rv *refResolver) toBank(k int, shuffled bool) int {
	if shuffled {
		return rv.display(k)
	}
	return k
}

// toShown is where the bank's option i is shown (0-based).
func (rv *refResolver) toShown(i int, shuffled bool) int {
	if shuffled {
		return rv.shown(i)
	}
	return i
}

// bareLabel reads ref as a number from 1 to n (as a student picks an option
// in Moodle) or a bare letter: the option shown so, unless another option's
// text is that number or letter ({=4 ~3 ~5}; choices c, b, a). With a dot,
// "c." or "3.", the label as a paper test prints it: the option shown so,
// unless another option's text is written with that dot too. ok is false
// when ref is no such label.
func (rv *refResolver) bareLabel(ref string, options, folded []string, shuffled bool) (idx int, ok bool, err error) {
	label, number, dot := labelIn(ref, len(options))
	if label < 0 {
		return 0, false, nil
	}
	idx = rv.toBank(label, shuffled)
	var other int
	if dot {
		other = dottedText(ref, options, folded, idx)
	} else {
		other = textOption(ref, options, folded, idx)
	}
	if other < 0 {
		return idx, true, nil
	}
	return 0, true, &ambiguousRef{Ref: ref, Number: number, Label: label, LabelText: options[idx],
		Other: rv.toShown(other, shuffled), OtherText: options[other]}
}

// labelIn is the label bareLabel reads ref as among n options (the shown
// k-th, 0-based), whether it is a number, and whether it is written with a
// dot; -1 when ref is no bare label.
func labelIn(ref string, n int) (label int, number, dot bool) {
	label = -1
	bare := ref
	if b, ok := strings.CutSuffix(ref, "."); ok && b != "" {
		bare, dot = b, true
	}
	if k, ok := smallNumber(bare); ok && k >= 1 && k <= n {
		label, number = k-1, true
	} else if k, ok := letterIndex(bare, n); ok && !strings.HasSuffix(bare, ")") {
		label = k
	}
	return label, number, dot
}

// exactOption reports whether resolve reads ref as the option whose text it
// is, as written, without reading any option's fold: ref (trimmed) is no
// bare label (labelIn), has no bracket after it, and is an option's text,
// which resolve finds before it compares any folds (as a quiz's report
// gives an answer).
func exactOption(ref string, options []string) bool {
	ref = trimRef(ref)
	if ref == "" || strings.HasSuffix(ref, ")") {
		return false // the bracket is defensive: no input found reads otherwise without it (review13-s28 L3)
	}
	if label, _, _ := labelIn(ref, len(options)); label >= 0 {
		return false
	}
	return slices.Contains(options, ref)
}

// unfolded stands for n options' folds that nothing reads (exactOption).
func unfolded(n int) []string {
	folds := make([]string, n)
	for i := range folds {
		folds[i] = noFold
	}
	return folds
}

// labelAndText reads an option written with its label and its text, as
// labelled split it (the label shown k-th, as written, and rest after it):
// the option when both name it, or when rest is its text cut short (said in
// a note); else an error that says how label and text disagree. ok is false
// for a bare letter and a text that is no option's ("a lot of people"): no
// label was meant, as far as anyone can tell, and ref is read as a text.
func (rv *refResolver) labelAndText(ref string, k int, label, rest string, bracket bool, options, folded []string, shuffled bool) (idx int, ok bool, err error) {
	n := len(options)
	// Named as the sheet labels them: an order's items and a match's left
	// sides by number ("4)"), other options by letter ("d)").
	name := text.Letter
	if rv.q != nil && (rv.q.Type == Order || rv.q.Type == Match && !shuffled) {
		name = func(k int) string { return strconv.Itoa(k + 1) }
	}
	shownName := func(i int) string { return name(rv.toShown(i, shuffled)) }
	idx = rv.toBank(k, shuffled)
	if sameText(rest, options[idx], folded[idx]) {
		return idx, true, nil
	}
	if !bracket {
		return 0, false, nil
	}
	if other := textOption(rest, options, folded, idx); other >= 0 {
		return 0, true, fmt.Errorf("%s and the text after it name different options: %s is %q, but %q is the text of %s); write %s) or %s) alone",
			label, label, text.Printable(options[idx]), text.Printable(rest), shownName(other), name(k), shownName(other))
	}
	if labels := labelWords(rest, n); labels != nil && (len(labels) == 1 || !strings.HasPrefix(folded[idx], cutStem(rest))) {
		// "a)c", "a)c)", "a.c", "a) + c": labels run together, never an
		// option's text cut short, whatever the option's text begins
		// ("A c", how "A ceasefire" begins, is left to tooShort).
		if rv.q != nil && rv.q.Type == Multi {
			return 0, true, fmt.Errorf("%q after %s is a label, not a text; write the labels apart, %q, or %s) alone",
				text.Printable(rest), label, strings.Join(append([]string{name(k) + ")"}, labels...), ", "), name(k))
		}
		return 0, true, fmt.Errorf("%q after %s is a label, not a text; write %s) alone", text.Printable(rest), label, name(k))
	}
	if tooShort(rest, folded[idx]) {
		// "c) I", "c) Ir": how Iran begins, but too little of it to be
		// sure the student copied that option and not a label or a slip.
		return 0, true, fmt.Errorf("%s is %q, and %q is too little of its text to read as it; write %s) alone, or the option's text as printed",
			label, text.Printable(options[idx]), text.Printable(rest), name(k))
	}
	if cutShort(rest, folded[idx]) {
		// A student copied the option with its label and stopped
		// short: the label says which, and the text agrees.
		rv.notes = append(rv.notes, readingNote(rv.line, "%q read as %s) %q, its text cut short (next time, write %s) alone)",
			ref, name(k), text.Printable(options[idx]), name(k)))
		return idx, true, nil
	}
	switch others := startOption(rest, folded, idx); {
	case len(others) == 1:
		other := others[0]
		return 0, true, fmt.Errorf("%s and the text after it name different options: %s is %q, but %q is how %s) %q begins; write %s) or %s) alone",
			label, label, text.Printable(options[idx]), text.Printable(rest), shownName(other), text.Printable(options[other]), name(k), shownName(other))
	case len(others) > 1:
		// Several begin so ("i": Iran and Iraq): named, so that no
		// one looks for a spelling error that is not there.
		shown := make([]int, len(others))
		for j, o := range others {
			shown[j] = rv.toShown(o, shuffled)
		}
		slices.Sort(shown)
		labels := make([]string, len(shown))
		for j, o := range shown {
			labels[j] = name(o) + ")"
		}
		return 0, true, fmt.Errorf("%s is %q, but %q is how %s begin; write %s) alone, or the option's text as printed",
			label, text.Printable(options[idx]), text.Printable(rest), text.AndList(labels), name(k))
	}
	return 0, true, fmt.Errorf("%s is %q, and %q is neither its text nor its start, nor any other option's; write %s) alone, or the option's text as printed",
		label, text.Printable(options[idx]), text.Printable(rest), name(k))
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

// cutShort reports whether rest, written after an option's label, is the
// beginning of the option's text (folded), as Normalize folds both: the
// option copied and cut short, with or without an ellipsis. The beginning
// must hold at least three letters or digits ("It said the Azeri popul",
// "Arm"): one or two ("c", "Ir", "In") are too little to tell a text from a
// slip or a label. A caller first rules out labels run together
// (labelWords).
func cutShort(rest, folded string) bool {
	stem := cutStem(rest)
	if stem == "" || !strings.HasPrefix(folded, stem) {
		return false
	}
	alnum := 0
	for _, r := range stem {
		if r != ' ' {
			alnum++
		}
	}
	return alnum >= 3
}

// tooShort reports whether rest is how the option's text (folded) begins,
// but too little of it for cutShort.
func tooShort(rest, folded string) bool {
	stem := cutStem(rest)
	return stem != "" && strings.HasPrefix(folded, stem) && !cutShort(rest, folded)
}

// cutStem is rest without its ellipsis, as Normalize folds it.
func cutStem(rest string) string {
	return text.Normalize(strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(rest, "…"), "...")))
}

// labelWords is rest's labels, as a list writes them ("c)"), when rest,
// as Normalize folds it, is nothing but labels of a question with n
// options: letters or numbers in range ("c", "c)", "/c", "+ c", "3"); nil
// otherwise.
func labelWords(rest string, n int) []string {
	words := strings.Fields(text.Normalize(rest))
	if len(words) == 0 {
		return nil
	}
	labels := make([]string, len(words))
	for i, w := range words {
		if k, ok := smallNumber(w); ok && k >= 1 && k <= n {
			labels[i] = w + ")"
		} else if _, ok := letterIndex(w, n); ok && len(w) == 1 {
			labels[i] = w + ")"
		} else {
			return nil
		}
	}
	return labels
}

// startOption is the options other than not whose text begins with rest,
// as Normalize folds both, in the bank's order; none when rest is empty.
func startOption(rest string, folded []string, not int) []int {
	stem := cutStem(rest)
	var found []int
	for i, f := range folded {
		if i != not && stem != "" && strings.HasPrefix(f, stem) {
			found = append(found, i)
		}
	}
	return found
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

func allLabels(refs []string) bool {
	for _, r := range refs {
		if !labelForm(r) {
			return false
		}
	}
	return true
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
